// Text that PostgreSQL cannot store or that no person types: a NUL character (PostgreSQL rejects it in text)
// and half of a UTF-16 surrogate pair (not valid Unicode; it cannot be encoded as UTF-8). Checked once, on
// every request's input, so no route can forget it.

export const PROFUNDIDAD_MAXIMA = 32;

export type ProblemaTexto = 'nulo' | 'sustituto' | 'profundidad';

export interface TextoNoPermitido {
  ruta: (string | number)[];
  problema: ProblemaTexto;
}

export const MENSAJE_PROBLEMA: Record<ProblemaTexto, string> = {
  nulo: 'contiene un carácter nulo (\\0), que no se permite en un texto',
  sustituto:
    'contiene un carácter Unicode incompleto (sustituto sin pareja); vuelva a escribir o pegar el texto',
  profundidad: `tiene más de ${PROFUNDIDAD_MAXIMA} niveles de anidación`,
};

// In a `u` regular expression a surrogate class matches only halves without their pair.
const SUSTITUTO_SUELTO = /[\uD800-\uDFFF]/u;
const problemaDe = (s: string): ProblemaTexto | null =>
  s.includes('\u0000') ? 'nulo' : SUSTITUTO_SUELTO.test(s) ? 'sustituto' : null;

/** First offending string (value or key) in a parsed JSON value, walked without recursion. */
export function buscarTextoNoPermitido(valor: unknown): TextoNoPermitido | null {
  const pendientes: { v: unknown; ruta: (string | number)[] }[] = [{ v: valor, ruta: [] }];
  while (pendientes.length) {
    const { v, ruta } = pendientes.pop()!;
    if (typeof v === 'string') {
      const p = problemaDe(v);
      if (p) return { ruta, problema: p };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (ruta.length >= PROFUNDIDAD_MAXIMA) return { ruta, problema: 'profundidad' };
    if (ArrayBuffer.isView(v)) continue;
    const entradas: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v as Record<string, unknown>);
    for (const [k, x] of entradas) {
      if (typeof k === 'string') {
        const p = problemaDe(k);
        if (p) return { ruta: [...ruta, k], problema: p };
      }
      pendientes.push({ v: x, ruta: [...ruta, k] });
    }
  }
  return null;
}

/** Names, codes and headers compare without accents, case or repeated spaces: «Secretaría  de gobierno» is «Secretaria de Gobierno». */
export const claveComparable = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('es-CO')
    .replace(/\s+/g, ' ')
    .trim();
