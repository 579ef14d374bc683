import { type ClaveTermino, entradaGlosario } from '@core/glosario.ts';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import './termino.css';

/**
 * A MIPG word marked where it appears: a button (dotted underline) that shows its plain definition below it.
 * It opens with a tap, a click, Enter or Space, and on mouse hover; Escape closes it without moving the
 * pointer or the focus, and the definition can be hovered and its link followed (WCAG 1.4.13). The text
 * follows the button in the page, so a screen reader reads it next once the button says «expandido».
 */
export function Termino({ t, children }: { t: ClaveTermino; children?: ReactNode }) {
  const entrada = entradaGlosario(t);
  const id = useId();
  // 'puntero': shown while the mouse is over it; 'fijo': opened on purpose, stays until closed.
  const [abierto, setAbierto] = useState<false | 'puntero' | 'fijo'>(false);
  const raiz = useRef<HTMLSpanElement>(null);
  const boton = useRef<HTMLButtonElement>(null);
  const caja = useRef<HTMLSpanElement>(null);

  // Placed with fixed coordinates under the word, inside the window: a card's `overflow: hidden` or the
  // page's right edge never cut it. On a phone the stylesheet makes it a sheet at the bottom instead.
  useLayoutEffect(() => {
    if (!abierto) return;
    const ubicar = () => {
      const b = boton.current?.getBoundingClientRect();
      const c = caja.current;
      if (!b || !c) return;
      const margen = 8;
      c.style.top = `${b.bottom + 2}px`;
      c.style.left = `${Math.max(margen, Math.min(b.left, window.innerWidth - c.offsetWidth - margen))}px`;
    };
    ubicar();
    window.addEventListener('scroll', ubicar, true);
    window.addEventListener('resize', ubicar);
    return () => {
      window.removeEventListener('scroll', ubicar, true);
      window.removeEventListener('resize', ubicar);
    };
  }, [abierto]);

  useEffect(() => {
    if (!abierto) return;
    const tecla = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Focus inside the definition (its link) goes back to the word; elsewhere it stays where it is.
      if (raiz.current?.contains(document.activeElement)) boton.current?.focus();
      setAbierto(false);
    };
    const fuera = (e: PointerEvent) => {
      if (!raiz.current?.contains(e.target as Node)) setAbierto(false);
    };
    document.addEventListener('keydown', tecla);
    document.addEventListener('pointerdown', fuera);
    return () => {
      document.removeEventListener('keydown', tecla);
      document.removeEventListener('pointerdown', fuera);
    };
  }, [abierto]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus-leaving only; the button does the work
    <span
      ref={raiz}
      className="termino"
      onPointerEnter={(e) => e.pointerType === 'mouse' && !abierto && setAbierto('puntero')}
      onPointerLeave={(e) => e.pointerType === 'mouse' && abierto === 'puntero' && setAbierto(false)}
      onBlur={(e) => {
        // Tabbing past the word and its definition closes it, so it never covers what comes next.
        if (!raiz.current?.contains(e.relatedTarget as Node | null) && e.relatedTarget) setAbierto(false);
      }}
    >
      <button
        ref={boton}
        type="button"
        className="termino-boton"
        aria-expanded={!!abierto}
        aria-controls={id}
        onClick={() => setAbierto((x) => (x === 'fijo' ? false : 'fijo'))}
      >
        {children ?? entrada.termino}
        <span className="solo-lector"> (qué significa)</span>
      </button>
      <span ref={caja} id={id} className="termino-definicion" hidden={!abierto}>
        <strong>{entrada.termino}.</strong> {entrada.definicion}
        {entrada.fuente && <span className="termino-fuente">Fuente: {entrada.fuente}.</span>}
        <Link to="/glosario" hash={entrada.clave} className="termino-enlace">
          Ver en el glosario
        </Link>
      </span>
    </span>
  );
}
