// Zod schemas of the numbers a person types, built from the domain limits in core/numeros.ts: every
// numeric input of the API goes through here, so no value can make a figure Infinity or overflow a column.
import { z } from 'zod';
import { FECHA_MAXIMA, FECHA_MINIMA } from '../core/calendario.ts';
import { fechaCivil as fechaEsCo } from '../core/formato.ts';
import { type Limite, mensajeDecimales, mensajeRango, tieneDecimales } from '../core/numeros.ts';

/** A calendar day (aaaa-mm-dd) between 2000 and 2100: no window or deadline lives outside. */
export const fechaEn = (nombre = 'la fecha') =>
  z.iso
    .date('escriba una fecha válida del calendario (dd/mm/aaaa)')
    .refine((f) => f >= FECHA_MINIMA && f <= FECHA_MAXIMA, {
      error: `${nombre} debe estar entre el ${fechaEsCo(FECHA_MINIMA)} y el ${fechaEsCo(FECHA_MAXIMA)}`,
    });

/**
 * A number within `limite`. `nombre` is the field as a sentence starts it («la meta anual»): every message
 * names it and the allowed range, in es-CO («debe estar entre 0 y 1.000.000.000.000.000»).
 */
export const numeroEn = (nombre: string, limite: Limite) =>
  z
    .number({ error: `escriba ${nombre} como número` })
    // abort: one message per field; the range says more than the decimals of an absurd value.
    .min(limite.min, { error: mensajeRango(nombre, limite), abort: true })
    .max(limite.max, { error: mensajeRango(nombre, limite), abort: true })
    .refine((x) => tieneDecimales(x, limite.decimales), { error: mensajeDecimales(nombre, limite) });

/** A whole number from the path or the query string (it arrives as text). */
export const enteroEn = (nombre: string, min: number, max: number) => {
  const rango = mensajeRango(nombre, { min, max, decimales: 0 });
  // Range first: 1e308 is «out of range», not «has decimals» (as .int() alone would say).
  return z.coerce
    .number({ error: `escriba ${nombre} como número` })
    .min(min, { error: rango, abort: true })
    .max(max, { error: rango, abort: true })
    .int(`${nombre} va sin decimales`);
};

const esPlano = (x: object) => Array.isArray(x) || Object.getPrototypeOf(x) === Object.prototype;

function tieneNoFinito(x: unknown): boolean {
  if (typeof x === 'number') return !Number.isFinite(x);
  if (x === null || typeof x !== 'object' || !esPlano(x)) return false;
  return (Array.isArray(x) ? x : Object.values(x)).some(tieneNoFinito);
}

function anular(x: unknown): unknown {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (x === null || typeof x !== 'object' || !esPlano(x)) return x;
  if (Array.isArray(x)) return x.map(anular);
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, anular(v)]));
}

/**
 * Safety net before a response is serialized: Infinity and NaN (which JSON cannot carry) become null, so a
 * figure nobody could compute shows as «–» where the schema admits null. Copies only when there is one.
 */
export const sinNoFinitos = <T>(datos: T): T => (tieneNoFinito(datos) ? (anular(datos) as T) : datos);
