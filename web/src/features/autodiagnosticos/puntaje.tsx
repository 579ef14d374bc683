// How an autodiagnóstico's score reads everywhere: never alone, its completeness beside it (the official
// spreadsheets' AVERAGE skips blanks; a mean over few answers must read as such).
import { numeroCo } from '@core/numeros.ts';
import { porcentaje } from '../../ui/formato.ts';
import type { ResultadoAutodiagnostico } from './api.ts';

type Cifras = Pick<ResultadoAutodiagnostico, 'puntaje' | 'completitud' | 'respondidos' | 'aplicables'>;

export const puntos = (n: number | null) => (n === null ? 'sin puntaje' : numeroCo(n, 1));

/** «47,5 · completitud 75 % (3 de 4)»: a figure of a table or a tooltip. */
export const conCompletitud = (s: Cifras) =>
  `${puntos(s.puntaje)} · completitud ${porcentaje(s.completitud)} (${s.respondidos} de ${s.aplicables})`;

/** «62,5 puntos (Transformación) · completitud 40 % (2 de 5)»: the headline. */
export function PuntajeConCompletitud({ r }: { r: ResultadoAutodiagnostico }) {
  return (
    <span>
      {r.puntaje === null ? 'Sin puntaje' : `${puntos(r.puntaje)} puntos`}
      {r.nivel ? ` (${r.nivel})` : ''} · completitud {porcentaje(r.completitud)} ({r.respondidos} de{' '}
      {r.aplicables})
    </span>
  );
}
