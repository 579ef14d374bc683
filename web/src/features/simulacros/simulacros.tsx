// One route for the list and a rehearsal (/simulacros/{-$id}). The route's chunk is only this switch: the pages
// and everything they import are listed here, not in the first load (which is at its size limit).
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { CargandoPagina } from '../../ui/esqueleto.tsx';

// Both pages start downloading as soon as this switch arrives (the router fetches it when the link is hovered
// or touched), so opening one rarely waits for a second request.
const lista = import('./simulacros-page.tsx');
const detalle = import('./simulacro-page.tsx');
// A failed download shows when its page is opened (the router's error page), not as an unhandled rejection.
for (const p of [lista, detalle]) p.catch(() => undefined);
const Lista = lazy(() => lista.then((m) => ({ default: m.ListaSimulacros })));
const Detalle = lazy(() => detalle.then((m) => ({ default: m.SimulacroPage })));

export function SimulacrosPage() {
  const { id } = useParams({ from: '/simulacros/{-$id}' });
  return <Suspense fallback={<CargandoPagina />}>{id ? <Detalle id={id} /> : <Lista />}</Suspense>;
}
