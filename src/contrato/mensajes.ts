// Zod's own Spanish (its es locale) says «Demasiado grande: se esperaba que texto tuviera <=120 caracteres»:
// the checks that come without a message of their own are said here as a person would, in both the server
// (src/server/app.ts) and the browser (web/src/zod-es.ts), so a form and the API give the same words.
import { type core, z } from 'zod';
import es from 'zod/v4/locales/es.js';
import { numeroEsCo } from '../core/numeros.ts';

const cifra = (x: number | bigint) => numeroEsCo(Number(x));
const plural = (n: number | bigint, uno: string, varios: string) =>
  `${cifra(n)} ${Number(n) === 1 ? uno : varios}`;

/** The words for a size or range check without a message; undefined leaves the rest to Zod's es locale. */
export function mensajeSinPropio(issue: core.$ZodRawIssue): string | undefined {
  if (issue.code === 'too_big') {
    const { maximum: n, origin, inclusive } = issue;
    if (origin === 'string') return `no más de ${plural(n, 'carácter', 'caracteres')}`;
    if (origin === 'array' || origin === 'set') return `no más de ${plural(n, 'elemento', 'elementos')}`;
    if (origin === 'number' || origin === 'int' || origin === 'bigint')
      return inclusive === false ? `debe ser menor que ${cifra(n)}` : `no puede ser mayor que ${cifra(n)}`;
  }
  if (issue.code === 'too_small') {
    const { minimum: n, origin, inclusive } = issue;
    if (origin === 'string')
      return Number(n) <= 1 ? 'no puede quedar vacío' : `al menos ${plural(n, 'carácter', 'caracteres')}`;
    if (origin === 'array' || origin === 'set')
      return Number(n) <= 1 ? 'elija al menos uno' : `al menos ${plural(n, 'elemento', 'elementos')}`;
    if (origin === 'number' || origin === 'int' || origin === 'bigint')
      return inclusive === false ? `debe ser mayor que ${cifra(n)}` : `no puede ser menor que ${cifra(n)}`;
  }
  return undefined;
}

/** Zod in Spanish: its es locale, with the size and range checks said by `mensajeSinPropio`. */
export function zodEnEspanol() {
  z.config(es());
  z.config({ customError: mensajeSinPropio });
}
