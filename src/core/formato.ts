import { DESFASE_COLOMBIA_MS } from './calendario.ts';
import { numeroCo } from './numeros.ts';

// es-CO presentation: dates dd/mm/aaaa, numbers 1.234,5.

/** An instant as Colombia reads it: dd/mm/aaaa hh:mm, 24 hours, UTC−5 (see hoyEnColombia). */
export function fechaHora(d: Date): string {
  const c = new Date(d.getTime() + DESFASE_COLOMBIA_MS).toISOString();
  return `${c.slice(8, 10)}/${c.slice(5, 7)}/${c.slice(0, 4)} ${c.slice(11, 16)}`;
}

/** A civil date aaaa-mm-dd as dd/mm/aaaa. */
export const fechaCivil = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function hora(d: Date): string {
  return fechaHora(d).slice(11);
}

/** Reads a date typed as dd/mm/aaaa; null when it is not a real calendar date. */
export function leerFecha(texto: string): { anio: number; mes: number; dia: number } | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(texto.trim());
  if (!m) return null;
  const [dia, mes, anio] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(anio, mes - 1, dia));
  if (d.getUTCFullYear() !== anio || d.getUTCMonth() !== mes - 1 || d.getUTCDate() !== dia) return null;
  return { anio, mes, dia };
}

/** Start or end of a Colombian calendar day (UTC−5, no daylight saving) as an ISO instant. */
export function limiteDelDia(
  f: { anio: number; mes: number; dia: number },
  extremo: 'inicio' | 'fin',
): string {
  const base = Date.UTC(f.anio, f.mes - 1, f.dia, 5, 0, 0, 0);
  return new Date(extremo === 'inicio' ? base : base + 86_400_000 - 1).toISOString();
}

/** «1 actividad», «2 actividades», «1.234 actividades»: the count in es-CO with the noun that agrees with it. */
export function cantidad(n: number, singular: string, plural: string): string {
  return `${numeroCo(n)} ${n === 1 ? singular : plural}`;
}

/** A percentage as documents write it: «85,5 %», «sin dato» when there is none. */
export const porcentajeTexto = (x: number | null) => (x === null ? 'sin dato' : `${numeroCo(x, 1)} %`);
