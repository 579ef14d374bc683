// Medición: loading the published FURAG results of a vigencia (the platform's, one file for every entity) and
// reading one entity's scores against its grupo par. Only official scores are stored; the grupo par figures
// are computed from the stored rows of the group when they are read (core/furag-resultados.ts).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ResultadoFurag } from '../../contrato/furag.ts';
import {
  buscarEntidad,
  type EstadisticaGrupo,
  estadisticaDe,
  leerArchivoResultados,
  type NivelMedicion,
  ubicar,
} from '../../core/furag-resultados.ts';
import type { FilaTabla, ProblemaFila } from '../../core/tabla-importacion.ts';
import type { Db } from '../../db/client.ts';
import { dimension, entidad, furagCarga, furagResultado, indiceFurag, politica } from '../../db/schema.ts';
import { noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import type { LimitesHoja } from '../excel/plan-xlsx.ts';

/** The national file: ≈ 6.000 entities and ≈ 120 columns; room for growth, bounded. */
export const LIMITES_HOJA_FURAG: LimitesHoja = {
  columnas: 400,
  filas: 20_000,
  queFilas: 'filas de entidades',
  queDividir: 'el archivo',
};

const LOTE = 1000;

export type ResultadoCarga =
  | { ok: true; entidades: number; columnas: { reconocidas: number; ignoradas: string[] } }
  | { ok: false; mensaje: string; problemas: ProblemaFila[] };

/**
 * The file replaces whatever the vigencia had, all or nothing. Two loads of one vigencia at once: the first
 * statement takes the vigencia's row, so the second waits and then replaces the first (the last one stays).
 */
export async function cargarResultados(
  db: Db,
  actor: Actor,
  vigencia: number,
  encabezados: readonly string[],
  filas: readonly FilaTabla[],
): Promise<ResultadoCarga> {
  const r = leerArchivoResultados([{ numero: 1, celdas: encabezados }, ...filas]);
  if (!r.ok) return r;
  const columnas = r.columnas.reconocidas;
  await db.transaction(async (tx) => {
    const carga = { columnas, ignoradas: r.columnas.ignoradas, entidades: r.entidades.length };
    await tx
      .insert(furagCarga)
      .values({ vigencia, ...carga, cargadoPor: actor.usuarioId })
      .onConflictDoUpdate({
        target: furagCarga.vigencia,
        set: { ...carga, cargadoPor: actor.usuarioId, cargadoEn: sql`now()` },
      });
    await tx.delete(furagResultado).where(eq(furagResultado.vigencia, vigencia));
    for (let i = 0; i < r.entidades.length; i += LOTE)
      await tx.insert(furagResultado).values(r.entidades.slice(i, i + LOTE).map((e) => ({ vigencia, ...e })));
    await registrarAuditoria(tx, actor, {
      entidadId: null,
      accion: 'importar',
      recurso: 'furag_resultados',
      recursoId: String(vigencia),
      despues: { entidades: carga.entidades, columnas: columnas.length, ignoradas: carga.ignoradas.length },
    });
  });
  return {
    ok: true,
    entidades: r.entidades.length,
    columnas: { reconocidas: columnas.length, ignoradas: r.columnas.ignoradas },
  };
}

/** The catalog's names for the codes of a vigencia (null where the catalog lacks that vigencia or code). */
async function nombresDelCatalogo(db: Db, vigencia: number) {
  const [dims, pols, inds] = await Promise.all([
    db
      .select({ codigo: dimension.codigo, nombre: dimension.nombre })
      .from(dimension)
      .where(eq(dimension.vigencia, vigencia)),
    db
      .select({ codigo: politica.codigoFurag, nombre: politica.nombre })
      .from(politica)
      .where(eq(politica.vigencia, vigencia)),
    db
      .select({ codigo: indiceFurag.codigo, nombre: indiceFurag.nombre })
      .from(indiceFurag)
      .where(eq(indiceFurag.vigencia, vigencia)),
  ]);
  return new Map(
    [...dims, ...pols, ...inds].flatMap((x) => (x.codigo ? [[x.codigo, x.nombre] as const] : [])),
  );
}

/** The entity's scores of a vigencia (the last one loaded when none is asked) against its grupo par. */
export async function resultadoDeEntidad(
  db: Db,
  entidadId: string,
  vigenciaPedida?: number,
): Promise<ResultadoFurag> {
  const [e] = await db
    .select({ nombre: entidad.nombre, codigoSigep: entidad.codigoSigep })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  if (!e) throw noEncontrado('la entidad');
  const [carga] = await db
    .select()
    .from(furagCarga)
    .where(vigenciaPedida === undefined ? undefined : eq(furagCarga.vigencia, vigenciaPedida))
    .orderBy(desc(furagCarga.vigencia))
    .limit(1);
  if (!carga)
    throw noEncontrado(
      vigenciaPedida === undefined
        ? 'ningún archivo de resultados FURAG cargado en la plataforma'
        : `el archivo de resultados FURAG de la vigencia ${vigenciaPedida}`,
    );
  const { vigencia } = carga;
  const porSigep = e.codigoSigep
    ? await db
        .select()
        .from(furagResultado)
        .where(and(eq(furagResultado.vigencia, vigencia), eq(furagResultado.codigoSigep, e.codigoSigep)))
    : [];
  let propia: { fila: typeof furagResultado.$inferSelect; coincidencia: 'sigep' | 'nombre' } | null =
    porSigep[0] ? { fila: porSigep[0], coincidencia: 'sigep' } : null;
  if (!propia) {
    // By name, over the identifying columns only (never the scores of 6.000 rows).
    const todas = await db
      .select({
        fila: furagResultado.fila,
        entidad: furagResultado.entidad,
        codigoSigep: furagResultado.codigoSigep,
      })
      .from(furagResultado)
      .where(eq(furagResultado.vigencia, vigencia));
    const h = buscarEntidad(todas, { nombre: e.nombre });
    if (h.tipo !== 'nombre') {
      const parecidas = h.tipo === 'candidatos' ? h.candidatos.slice(0, 3).map((c) => `«${c.entidad}»`) : [];
      throw noEncontrado(
        `la fila de la entidad en los resultados FURAG de ${vigencia}: registre su código SIGEP en los datos de la entidad${parecidas.length ? ` (nombres parecidos en el archivo: ${parecidas.join(', ')})` : ''}`,
      );
    }
    const [fila] = await db
      .select()
      .from(furagResultado)
      .where(and(eq(furagResultado.vigencia, vigencia), eq(furagResultado.fila, h.entidad.fila)));
    propia = { fila: fila!, coincidencia: 'nombre' };
  }
  const { fila, coincidencia } = propia;
  const grupo = fila.grupoPar
    ? await db
        .select({ puntajes: furagResultado.puntajes })
        .from(furagResultado)
        .where(and(eq(furagResultado.vigencia, vigencia), eq(furagResultado.grupoPar, fila.grupoPar)))
    : [];
  const estadisticas = new Map<string, EstadisticaGrupo | null>();
  const estadistica = (codigo: string) => {
    if (!estadisticas.has(codigo))
      estadisticas.set(
        codigo,
        estadisticaDe(grupo.flatMap((g) => (codigo in g.puntajes ? [g.puntajes[codigo]!] : []))),
      );
    return estadisticas.get(codigo)!;
  };
  const nombres = await nombresDelCatalogo(db, vigencia);
  const medicion = (codigo: string) => {
    const puntaje = fila.puntajes[codigo] ?? null;
    const est = estadistica(codigo);
    const lugar = est && puntaje !== null ? ubicar(est, puntaje) : null;
    return {
      codigo,
      nombre: nombres.get(codigo) ?? null,
      puntaje,
      grupoPar: est
        ? {
            entidades: est.n,
            promedio: est.promedio,
            maximo: est.maximo,
            minimo: est.minimo,
            posicion: lugar?.posicion ?? null,
            quintil: lugar?.quintil ?? null,
          }
        : null,
    };
  };
  const delNivel = (nivel: NivelMedicion) =>
    carga.columnas.filter((c) => c.nivel === nivel).map((c) => medicion(c.codigo));
  const idi = medicion('IDI');
  return {
    vigencia,
    grupoPar: fila.grupoPar,
    fila: {
      entidad: fila.entidad,
      codigoSigep: fila.codigoSigep,
      tipoFormulario: fila.tipoFormulario,
      coincidencia,
    },
    idi: { puntaje: idi.puntaje, grupoPar: idi.grupoPar },
    dimensiones: delNivel('dimension'),
    politicas: delNivel('politica'),
    indices: delNivel('indice'),
  };
}
