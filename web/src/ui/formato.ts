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
