import type { ReactNode } from 'react';
import { useEffect } from 'react';
import type { CampoInvalido } from '../api.ts';
import { type Etiquetas, problemaDeCampo } from './etiquetas.ts';

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
/**
 * An error in place. The API's sentence is shown as it comes, unless it quotes field keys («Revise el campo
 * «descripcion»: …», a validation's wording, made for API clients): then each problem is said after the label
 * the screen shows for that field (`etiquetas`), or alone.
 */
export function MensajeError({ error, etiquetas = {} }: { error: unknown; etiquetas?: Etiquetas }) {
  if (!error) return null;
  // An ErrorApi by its shape: importing api.ts here would pull it into a chunk of its own in the first load.
  const campos = (error as { campos?: CampoInvalido[] }).campos ?? [];
  const problemas =
    error instanceof Error && campos.some((c) => error.message.includes(`«${c.campo}»`))
      ? campos.map((c) => problemaDeCampo(etiquetas, c))
      : [];
  return (
    <div className="aviso aviso-error" role="alert">
      <div className="aviso-titulo">No fue posible completar la acción</div>
      {problemas.length === 0 ? (
        <div>{error instanceof Error ? error.message : String(error)}</div>
      ) : problemas.length === 1 ? (
        <div>{problemas[0]}</div>
      ) : (
        <ul>
          {problemas.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
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
