// NIT (Número de Identificación Tributaria) with DIAN's modulus-11 check digit.
const PESOS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

export function digitoVerificacion(base: string): number {
  if (!/^\d{1,15}$/.test(base)) throw new Error('La base del NIT debe tener entre 1 y 15 dígitos');
  let suma = 0;
  const digitos = [...base].reverse();
  digitos.forEach((d, i) => {
    suma += Number(d) * PESOS[i]!;
  });
  const residuo = suma % 11;
  return residuo > 1 ? 11 - residuo : residuo;
}

export type NitResultado =
  | { ok: true; base: string; dv: number; formateado: string }
  | { ok: false; mensaje: string };

/** Accepts "846000253-6" or "846.000.253-6"; the check digit is required so a typo cannot slip in. */
export function validarNit(entrada: string): NitResultado {
  const limpio = entrada.trim().replace(/[\s.]/g, '');
  const m = /^(\d+)-(\d)$/.exec(limpio);
  if (!m) {
    return {
      ok: false,
      mensaje: 'El NIT debe escribirse con su dígito de verificación, por ejemplo 846000253-6',
    };
  }
  const base = m[1]!;
  const dv = Number(m[2]);
  if (base.length < 6 || base.length > 15) {
    return { ok: false, mensaje: 'El NIT debe tener entre 6 y 15 dígitos antes del guion' };
  }
  const esperado = digitoVerificacion(base);
  if (esperado !== dv) {
    return {
      ok: false,
      mensaje: `El dígito de verificación no corresponde: para ${base} debe ser ${esperado}, no ${dv}`,
    };
  }
  return { ok: true, base, dv, formateado: `${base}-${dv}` };
}

export function formatearNit(base: string, dv: number): string {
  return `${base.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${dv}`;
}
