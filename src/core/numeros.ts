// Bounds of every number a person types, and arithmetic that never yields Infinity or NaN.
//
// Why these limits: the largest figure a Colombian entity can legitimately report is an amount in pesos
// (the whole national budget is about 5,5 × 10¹⁴ COP); population counts stay under 10⁸ and percentages
// under 10³. 10¹⁵ («mil billones») covers all of them, keeps whole pesos exact in a double (< 2⁵³) and in
// the bigint column, and leaves room for every sum and ratio the rules compute (≤ 10²⁵) to stay finite.
// Six decimals are enough for rates per 1.000 or per 100.000 and make 0,000001 the smallest positive
// number, so a denominator can never blow a ratio up to Infinity.

export interface Limite {
  min: number;
  max: number;
  /** Decimal places allowed; 0 is a whole number. */
  decimales: number;
}

export const MAXIMO_CIFRA = 1e15;
const DECIMALES = 6;
const MINIMO_POSITIVO = 10 ** -DECIMALES;

export const LIMITES = {
  /** Goals, achieved values, counts: never negative. */
  cantidad: { min: 0, max: MAXIMO_CIFRA, decimales: DECIMALES },
  /** Indicator numerators and baselines: a variation may be negative. */
  medicion: { min: -MAXIMO_CIFRA, max: MAXIMO_CIFRA, decimales: DECIMALES },
  /** Strictly positive: the smallest one is the finest step (0,000001). */
  denominador: { min: MINIMO_POSITIVO, max: MAXIMO_CIFRA, decimales: DECIMALES },
  /** Weights within a policy (typed with up to two decimals, see ponderacion.ts). */
  ponderacion: { min: 0, max: 100, decimales: 2 },
  /** Pesos, whole: the column is a bigint. */
  presupuesto: { min: 0, max: MAXIMO_CIFRA, decimales: 0 },
  /** Thresholds of cumplimiento in %: yellow and green start within 0–100… */
  umbral: { min: 0, max: 100, decimales: 2 },
  /** …and «azul» (over-achievement) may start above 100. */
  umbralAzul: { min: 0, max: 1000, decimales: 2 },
  /** An official FURAG score typed from the results report: 0–100, as FURAG publishes it (one decimal). */
  puntajeFurag: { min: 0, max: 100, decimales: 1 },
} as const satisfies Record<string, Limite>;

/**
 * `x` as Colombia writes it (1.234,5), with at most `decimales` decimals (3 by default, as toLocaleString):
 * the text Intl.NumberFormat('es-CO') writes — the shortest decimal form of the double, rounded half away
 * from zero, thousands grouped with «.» — written by hand because a browser's first es-CO NumberFormat loads
 * the locale's number data in one long task (some 120 ms on a throttled phone, in the middle of drawing the
 * dashboard). numeros.test.ts compares both on random doubles and precisions.
 */
export function numeroCo(x: number, decimales = 3): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '-∞';
  const negativo = x < 0 || Object.is(x, -0);
  // toExponential() gives the shortest digits that read back as x: d.ddd × 10^e.
  const [mantisa = '0', exponente = '0'] = Math.abs(x).toExponential().split('e');
  let digitos = mantisa.replace('.', '');
  let punto = Number(exponente) + 1;
  if (punto <= 0) {
    digitos = '0'.repeat(1 - punto) + digitos;
    punto = 1;
  }
  if (punto > digitos.length) digitos += '0'.repeat(punto - digitos.length);
  let entero = digitos.slice(0, punto);
  let fraccion = digitos.slice(punto);
  if (fraccion.length > decimales) {
    const sube = fraccion.charCodeAt(decimales) >= 53; // the first digit cut is 5 or more
    fraccion = fraccion.slice(0, decimales);
    if (sube) {
      const cifras = (entero + fraccion).split('');
      let i = cifras.length - 1;
      for (; i >= 0 && cifras[i] === '9'; i--) cifras[i] = '0';
      if (i >= 0) cifras[i] = String(Number(cifras[i]) + 1);
      else cifras.unshift('1');
      const todo = cifras.join('');
      entero = todo.slice(0, todo.length - fraccion.length);
      fraccion = todo.slice(todo.length - fraccion.length);
    }
  }
  fraccion = fraccion.replace(/0+$/, '');
  const agrupado = entero.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negativo ? '-' : ''}${agrupado}${fraccion ? `,${fraccion}` : ''}`;
}

export const numeroEsCo = (x: number) => numeroCo(x, 20);

// «los días hábiles de aviso deben…», «la meta anual debe…»: the verb agrees with the field's article.
const enPlural = (nombre: string) => /^(los|las) /i.test(nombre);

export const mensajeRango = (nombre: string, l: Limite) =>
  `${nombre} ${enPlural(nombre) ? 'deben' : 'debe'} estar entre ${numeroEsCo(l.min)} y ${numeroEsCo(l.max)}`;

export const mensajeDecimales = (nombre: string, l: Limite) =>
  l.decimales === 0
    ? `${nombre} ${enPlural(nombre) ? 'van' : 'va'} sin decimales`
    : `${nombre} ${enPlural(nombre) ? 'admiten' : 'admite'} como máximo ${l.decimales} decimales`;

/** Whether `x` is written with at most `decimales` decimal places (its shortest decimal form). */
export function tieneDecimales(x: number, decimales: number): boolean {
  // toFixed rounds the exact binary value; reading it back gives `x` only if nothing was cut.
  return Number.isFinite(x) && Number(x.toFixed(decimales)) === x;
}

export const dentroDe = (x: number, l: Limite) => Number.isFinite(x) && x >= l.min && x <= l.max;

/** The Spanish problem with `x` for the field called `nombre` («el valor»), or null when it is acceptable. */
export function problemaNumero(x: number, l: Limite, nombre: string): string | null {
  if (!dentroDe(x, l)) return mensajeRango(nombre, l);
  if (!tieneDecimales(x, l.decimales)) return mensajeDecimales(nombre, l);
  return null;
}

/** A figure for a response: the number when finite, otherwise null (the screen shows «–»). */
export const finitoONulo = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

/** a ÷ b × 100, or null when b is not positive or the result is not a finite number. */
export function porcentaje(a: number, b: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !(b > 0)) return null;
  return finitoONulo((a / b) * 100);
}

/** Sum that stays honest: null as soon as a term or the running total is not finite. */
export function sumaFinita(xs: readonly (number | null | undefined)[]): number | null {
  let s = 0;
  for (const x of xs) {
    if (x == null) continue;
    s += x;
    if (!Number.isFinite(s)) return null;
  }
  return s;
}
