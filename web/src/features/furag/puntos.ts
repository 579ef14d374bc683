import { numeroCo } from '@core/numeros.ts';

/** A FURAG score as people read it: «57,9», or «No aplica» for a blank in the official file. */
export const puntos = (n: number | null) => (n === null ? 'No aplica' : numeroCo(n, 1));
