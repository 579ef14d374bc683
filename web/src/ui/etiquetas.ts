// Field keys of the API («descripcion», «metasPeriodo.3») are never shown: people read the field's label.

export type Etiquetas = Partial<Record<string, string>>;

/** The label for an error's path: its own, or the nearest labelled parent ('metasPeriodo.3' → 'metasPeriodo'). */
export function etiquetaDe(etiquetas: Etiquetas, campo: string): string | undefined {
  for (let ruta = campo; ruta; ruta = ruta.slice(0, Math.max(0, ruta.lastIndexOf('.')))) {
    if (etiquetas[ruta]) return etiquetas[ruta];
  }
  return undefined;
}

export const mayuscula = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * «Label: Message» for a field the screen labels, the message alone for one it does not; the message starts
 * with a capital either way, as under the field itself. The form's summary and MensajeError both say it so.
 */
export const problemaDeCampo = (etiquetas: Etiquetas, c: { campo: string; mensaje: string }) => {
  const etiqueta = etiquetaDe(etiquetas, c.campo);
  return etiqueta ? `${etiqueta}: ${mayuscula(c.mensaje)}` : mayuscula(c.mensaje);
};
