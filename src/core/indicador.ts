// Indicators' rules (hoja de vida): the value of a measurement from its formula, and how far it is from the
// goal given the polarity, so the same semáforo applies to indicators and activities.
import { finitoONulo } from './numeros.ts';

export const TIPOS_INDICADOR = ['eficacia', 'eficiencia', 'efectividad'] as const;
export const FRECUENCIAS = ['mensual', 'trimestral', 'cuatrimestral', 'semestral', 'anual'] as const;
export const POLARIDADES = ['creciente', 'decreciente'] as const;
export type Polaridad = (typeof POLARIDADES)[number];

export const NOMBRE_POLARIDAD: Record<Polaridad, string> = {
  creciente: 'Creciente (más es mejor)',
  decreciente: 'Decreciente (menos es mejor)',
};

/**
 * Value of a measurement: numerator ÷ denominator, × 100 when the unit is a percentage; without a
 * denominator the numerator is the value (an absolute count). Null when the denominator is 0 or the result
 * is not a finite number.
 */
export function valorMedicion(numerador: number, denominador: number | null, unidad: string): number | null {
  if (denominador === null) return finitoONulo(numerador);
  if (denominador === 0) return null;
  return finitoONulo((numerador / denominador) * (unidad.trim() === '%' ? 100 : 1));
}

/**
 * Cumplimiento against the goal, in %. Creciente: valor ÷ meta. Decreciente (e.g. days to answer a PQRSD,
 * infections per 1.000 patient-days): meta ÷ valor, and a value of 0 has met it. Null without a usable goal.
 */
export function cumplimientoIndicador(
  valor: number | null,
  meta: number,
  polaridad: Polaridad,
): number | null {
  if (valor === null || !Number.isFinite(valor) || !Number.isFinite(meta)) return null;
  // A goal or a value near zero overflows the quotient: null («–») rather than Infinity.
  if (polaridad === 'creciente') return meta > 0 ? finitoONulo((Math.max(0, valor) / meta) * 100) : null;
  if (meta < 0) return null;
  if (valor <= 0) return 100;
  return meta === 0 ? 0 : finitoONulo((meta / valor) * 100);
}
