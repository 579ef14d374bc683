// Safety net for responses (the input schemas live in src/contrato).
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
