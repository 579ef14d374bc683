// Pure rule, no I/O: the return address of the forms that work without JavaScript (src/modules/auth).

/** Addresses that are forms' answers, not pages: going back to them would show «page not found». */
const NO_SON_PAGINAS = new Set(['/ingresar', '/preferencias']);

/**
 * Where a form without JavaScript sends the person back to (after signing in, after a bar button): a path of
 * this site only, as the browser will read it. Anything else — another site (`//x`, `/\x`, `/.//x`, `https:`),
 * the API (also as `/./api`), the forms' own addresses, control characters, an address over 2.000 characters —
 * goes to the home page, so a crafted link cannot send anyone elsewhere. Other characters come back
 * percent-encoded, as a `Location` header must carry them.
 */
export function direccionDeVuelta(valor: unknown): string {
  if (typeof valor !== 'string' || valor.length > 2000) return '/';
  if (!valor.startsWith('/') || valor.startsWith('//')) return '/';
  // Control characters, and any backslash: browsers read `/\x` as `//x`, another site.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(valor)) return '/';
  // The browser resolves dot segments (`/./api`, `/.//x`): the check is on what it will ask for.
  let u: URL;
  try {
    u = new URL(valor, 'http://esta-plataforma.invalid');
  } catch {
    return '/';
  }
  if (u.host !== 'esta-plataforma.invalid' || u.pathname.startsWith('//')) return '/';
  if (/^\/api(?:\/|$)/.test(u.pathname) || NO_SON_PAGINAS.has(u.pathname)) return '/';
  const vuelta = `${u.pathname}${u.search}${u.hash}`;
  return vuelta.length > 2000 ? '/' : vuelta;
}
