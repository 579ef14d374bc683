import type { ReactNode } from 'react';
import { useEffect } from 'react';

/**
 * Page heading that also sets the document title, so screen readers and tabs say where you are.
 *
 * This module is in the first load (the root route's loading, error and not-found states use it), so it is
 * plain HTML styled with Mantine's own variables (estilos.css): Mantine's Box and styles code stays out of the
 * first load and comes with the page that uses Mantine's components.
 */
export function Pagina({
  titulo,
  descripcion,
  children,
}: {
  titulo: string;
  descripcion?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${titulo} — MIPG Abierto`;
  }, [titulo]);
  return (
    <div className="pagina">
      <div>
        <h1 className="titulo-pagina">{titulo}</h1>
        {descripcion && <p className="descripcion-pagina">{descripcion}</p>}
      </div>
      {children}
    </div>
  );
}

/**
 * Grey blocks in the shape of a page's content while it loads: they hold the space so nothing jumps when the
 * data arrives, and they show no figure that could be read as real («0 dependencias»). Screen readers hear
 * «Cargando …». `bloques` are the heights in px of the pieces to come (a title, a table, a card…).
 */
export function Cargando({
  que = 'la información',
  bloques = [120, 28, 240],
}: {
  que?: string;
  bloques?: number[];
}) {
  return (
    <div role="status" aria-busy="true" className="cargando">
      <span className="solo-lector">Cargando {que}…</span>
      {bloques.map((alto, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: the blocks never reorder
          key={i}
          className="bloque-carga"
          style={{ height: alto, width: alto <= 32 ? '40%' : '100%' }}
          aria-hidden
        />
      ))}
    </div>
  );
}

/** Notices in place, in plain HTML styled like Mantine's outline Alert (estilos.css, `.aviso`). */
export function MensajeError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div className="aviso aviso-error" role="alert">
      <div className="aviso-titulo">No fue posible completar la acción</div>
      <div>{error instanceof Error ? error.message : String(error)}</div>
    </div>
  );
}

export function Exito({ children }: { children: ReactNode }) {
  return (
    <div className="aviso aviso-exito" role="status">
      {children}
    </div>
  );
}

/** Wide tables scroll sideways on a phone; the region is focusable so keyboards can scroll it too. */
export function TablaDesplazable({ etiqueta, children }: { etiqueta: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="tabla-desplazable" aria-label={etiqueta} tabIndex={0}>
      {children}
    </section>
  );
}
