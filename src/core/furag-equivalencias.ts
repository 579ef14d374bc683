// FURAG's measurement codes change between vigencias (an index renumbered, split off or new). The catalog keeps,
// per vigencia, a map of the codes that changed from the year before: `{ "I70": "I45" }` says that this year's
// I70 was I45 the year before; `{ "I38": null }` says that I38 is new (nothing before it, even if an older
// index had that code). A code absent from the map is the same index as the year before. A vigencia without a
// map (one the catalog does not have) changed nothing. Pure: the server and the tests share it.

/** Per vigencia (as the catalog's JSON writes it: "2025"), its changed codes → their code the year before. */
export type MapaEquivalencias = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

const mapaDe = (mapas: MapaEquivalencias, vigencia: number) => mapas[String(vigencia)];

/** The code `codigo` of `vigencia` had the year before; null when it is new that year. */
function anterior(mapas: MapaEquivalencias, codigo: string, vigencia: number): string | null {
  const mapa = mapaDe(mapas, vigencia);
  return mapa && Object.hasOwn(mapa, codigo) ? mapa[codigo]! : codigo;
}

/**
 * The code `codigo` of the year before has in `vigencia`; null when it ended then, or when it was split and
 * several of that year's codes come from it (which one continues it is not for the software to guess).
 */
function siguiente(mapas: MapaEquivalencias, codigo: string, vigencia: number): string | null {
  const mapa = mapaDe(mapas, vigencia);
  if (!mapa) return codigo;
  const herederos = Object.keys(mapa).filter((k) => mapa[k] === codigo);
  if (herederos.length === 1) return herederos[0]!;
  if (herederos.length > 1) return null;
  // Not renamed: the same code goes on, unless that year gave the code to another index.
  return Object.hasOwn(mapa, codigo) ? null : codigo;
}

/**
 * The code that `codigo` of vigencia `desde` has in vigencia `hasta` (earlier or later), following every
 * year's map in between; null when the index did not exist yet, or no longer exists, in `hasta`.
 */
export function codigoEnVigencia(
  mapas: MapaEquivalencias,
  codigo: string,
  desde: number,
  hasta: number,
): string | null {
  let c: string | null = codigo;
  for (let v = desde; c !== null && v > hasta; v--) c = anterior(mapas, c, v);
  for (let v = desde + 1; c !== null && v <= hasta; v++) c = siguiente(mapas, c, v);
  return c;
}

/** One index through the years: its code in its last vigencia, and its measurement in each, oldest first. */
export interface SerieIndice<M> {
  codigo: string;
  serie: { vigencia: number; medicion: M }[];
}

/**
 * The indices of several vigencias as series, one per index, followed across the changes of code: the
 * newest vigencia's indices first (in its order), then those that ended earlier, newest first.
 */
export function seguirIndices<M extends { codigo: string }>(
  vigencias: readonly { vigencia: number; indices: readonly M[] }[],
  mapas: MapaEquivalencias,
): SerieIndice<M>[] {
  const ordenadas = [...vigencias].sort((a, b) => b.vigencia - a.vigencia);
  const series: (SerieIndice<M> & { actual: string | null; desde: number })[] = [];
  for (const { vigencia, indices } of ordenadas) {
    // Where each open series stands in this vigencia.
    const abiertas = new Map<string, (typeof series)[number]>();
    for (const s of series) {
      s.actual = s.actual === null ? null : codigoEnVigencia(mapas, s.actual, s.desde, vigencia);
      s.desde = vigencia;
      if (s.actual !== null && !abiertas.has(s.actual)) abiertas.set(s.actual, s);
    }
    for (const m of indices) {
      const s = abiertas.get(m.codigo);
      if (s) {
        s.serie.unshift({ vigencia, medicion: m });
        abiertas.delete(m.codigo);
      } else
        series.push({
          codigo: m.codigo,
          serie: [{ vigencia, medicion: m }],
          actual: m.codigo,
          desde: vigencia,
        });
    }
  }
  return series.map(({ codigo, serie }) => ({ codigo, serie }));
}

/**
 * What is wrong with a vigencia's map against the catalog: a code it renames that the vigencia does not have,
 * a code it points to that the year before did not have (when the catalog has that year), one code of the
 * year before continued by two, or a code reused for a new index without saying so.
 */
export function problemasEquivalencias(
  vigencia: number,
  mapa: Readonly<Record<string, string | null>>,
  codigos: ReadonlySet<string>,
  codigosAnteriores: ReadonlySet<string> | null,
): string[] {
  const problemas: string[] = [];
  const origenes = new Map<string, string>();
  for (const [codigo, antes] of Object.entries(mapa)) {
    if (!codigos.has(codigo)) problemas.push(`${vigencia}: «${codigo}» no es un código de la vigencia.`);
    if (antes === null) continue;
    if (codigosAnteriores && !codigosAnteriores.has(antes))
      problemas.push(`${vigencia}: «${antes}» no es un código de ${vigencia - 1}.`);
    const otro = origenes.get(antes);
    if (otro)
      problemas.push(
        `${vigencia}: «${otro}» y «${codigo}» vienen los dos de «${antes}»; diga cuál lo continúa.`,
      );
    origenes.set(antes, codigo);
  }
  for (const antes of origenes.keys())
    if (codigos.has(antes) && !Object.hasOwn(mapa, antes))
      problemas.push(
        `${vigencia}: «${antes}» pasó a «${origenes.get(antes)}» pero sigue siendo un código de la vigencia; márquelo «${antes}»: null si es un índice nuevo.`,
      );
  return problemas;
}
