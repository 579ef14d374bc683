import { leerFecha } from '@core/formato.ts';
import { numeroCo } from '@core/numeros.ts';

export { cantidad, fechaCivil, fechaHora, leerFecha, limiteDelDia } from '@core/formato.ts';

let formatoFecha: Intl.DateTimeFormat | undefined;

export function fecha(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  formatoFecha ??= new Intl.DateTimeFormat('es-CO', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'America/Bogota',
  });
  return formatoFecha.format(d);
}

/**
 * Builds the number formatters the pages use while the browser waits for the network: the first es-CO
 * formatter loads the locale's data (tens of milliseconds on a slow phone), which otherwise lands inside the
 * first render of a page full of figures and makes it one long task.
 */
export function prepararFormatos() {
  // One formatter per idle moment: each is a task of its own.
  for (const decimales of [1, 3]) {
    const preparar = () => numeroCo(0, decimales);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(preparar, { timeout: 2000 });
    else setTimeout(preparar, 0);
  }
}

/** null (a figure the server could not compute) shows as «—». */
export const numero = (n: number | null) => (n === null ? '—' : numeroCo(n));

/** 'aaaa-mm-dd' (a civil date from the API) → 'dd/mm/aaaa', without passing through a time zone. */

export const pesos = (n: number) => `$ ${numeroCo(Math.round(n))}`;
export const porcentaje = (n: number | null) => (n === null ? '—' : `${numeroCo(n, 1)} %`);

/** 'dd/mm/aaaa' typed by a person → 'aaaa-mm-dd' for the API; left as typed when invalid, so the API names it. */
export const fechaIso = (texto: string) => {
  const f = leerFecha(texto);
  return f ? `${f.anio}-${String(f.mes).padStart(2, '0')}-${String(f.dia).padStart(2, '0')}` : texto;
};
