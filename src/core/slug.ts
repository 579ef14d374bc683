// Readable addresses of the public pages (/publico/<slug>): from the sigla or else the name, lowercase,
// without accents, words joined by hyphens. Pure: the server decides collisions over the list of entities.

const LARGO_MAXIMO = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Words a slug must never be: they would read as something else under /publico/. */
const RESERVADOS = new Set(['estilos', 'datos', 'diccionario']);

/** «E.S.E. Hospital José María Hernández» → «ese-hospital-jose-maria-hernandez»; '' when nothing is left. */
export function slugDe(texto: string): string {
  const base = texto
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // accents and the tilde of ñ
    .toLowerCase()
    .replace(/['’.]/g, '') // «E.S.E.» is one word, not «e-s-e»
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= LARGO_MAXIMO) return base;
  const corte = base.slice(0, LARGO_MAXIMO + 1);
  const guion = corte.lastIndexOf('-');
  return (guion > 20 ? corte.slice(0, guion) : corte.slice(0, LARGO_MAXIMO)).replace(/-+$/, '');
}

export interface EntidadParaSlug {
  id: string;
  nombre: string;
  sigla: string | null;
  nit: string;
  /** Older entities keep the plain slug on a collision: their published links do not change. */
  creadoEn: Date | string;
}

const digitos = (nit: string) => nit.replace(/\D/g, '');

/** The slug an entity asks for before collisions: its sigla's, else its name's, never empty or a uuid. */
export function slugPropio(e: Pick<EntidadParaSlug, 'nombre' | 'sigla' | 'nit'>): string {
  const s = slugDe(e.sigla ?? '') || slugDe(e.nombre);
  if (!s || UUID.test(s) || RESERVADOS.has(s)) return `entidad-${digitos(e.nit)}`;
  return s;
}

/**
 * One distinct slug per entity. Deterministic for the same list in any order: entities are taken oldest
 * first (then by id); the first to ask for a slug gets it, later ones add the NIT's digits, and a counter
 * in the odd case that this is taken too.
 */
export function asignarSlugs(entidades: readonly EntidadParaSlug[]): Map<string, string> {
  const orden = [...entidades].sort((a, b) => {
    const ta = new Date(a.creadoEn).getTime();
    const tb = new Date(b.creadoEn).getTime();
    return ta - tb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const propios = orden.map((e) => slugPropio(e));
  // Plain slugs are claimed first, so a suffixed one never takes the plain slug of a younger entity.
  const tomados = new Set<string>();
  const resultado = new Map<string, string>();
  const pendientes: number[] = [];
  orden.forEach((e, i) => {
    const s = propios[i]!;
    if (tomados.has(s)) pendientes.push(i);
    else {
      tomados.add(s);
      resultado.set(e.id, s);
    }
  });
  for (const i of pendientes) {
    const e = orden[i]!;
    let s = `${propios[i]}-${digitos(e.nit)}`;
    for (let n = 2; tomados.has(s); n++) s = `${propios[i]}-${digitos(e.nit)}-${n}`;
    tomados.add(s);
    resultado.set(e.id, s);
  }
  return resultado;
}

export const esUuid = (x: string) => UUID.test(x);
