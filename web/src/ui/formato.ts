export { fechaHora, leerFecha, limiteDelDia } from '@core/formato.ts';

export function fecha(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('es-CO', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'America/Bogota',
  }).format(d);
}

export const numero = (n: number) => n.toLocaleString('es-CO');

/** 'aaaa-mm-dd' (a civil date from the API) → 'dd/mm/aaaa', without passing through a time zone. */
export const fechaCivil = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const pesos = (n: number) => `$ ${Math.round(n).toLocaleString('es-CO')}`;
export const porcentaje = (n: number) => `${n.toLocaleString('es-CO', { maximumFractionDigits: 1 })} %`;
