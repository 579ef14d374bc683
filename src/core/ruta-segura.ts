import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * `base/relativa` when it stays inside `base`, else null. Compares path segments, not string prefixes:
 * `/data/archivos-x` starts with `/data/archivos` but is a sibling folder.
 */
export function rutaDentro(base: string, relativa: string): string | null {
  if (!relativa || relativa.includes('\0') || relativa.includes('\\') || isAbsolute(relativa)) return null;
  if (relativa.split('/').some((p) => p === '' || p === '.' || p === '..')) return null;
  const destino = resolve(base, relativa);
  const r = relative(resolve(base), destino);
  if (!r || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) return null;
  return destino;
}
