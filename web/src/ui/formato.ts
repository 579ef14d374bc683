import { hoyEnColombia } from '@core/calendario.ts';
import { fechaCivil, leerFecha } from '@core/formato.ts';
import { numeroCo } from '@core/numeros.ts';

export { cantidad, fechaCivil, fechaHora, leerFecha, limiteDelDia } from '@core/formato.ts';

/** An instant's (or an ISO timestamp's) civil date in Colombia: dd/mm/aaaa. */
export const fecha = (iso: string | Date) =>
  fechaCivil(hoyEnColombia(typeof iso === 'string' ? new Date(iso) : iso));

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
