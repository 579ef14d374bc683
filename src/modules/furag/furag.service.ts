// Medición: loading the published FURAG results of a vigencia (the platform's, one file for every entity) and
// reading one entity's scores against its grupo par. Only official scores are stored; the grupo par figures
// are computed from the stored rows of the group when they are read (core/furag-resultados.ts).
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type {
  CandidatosFurag,
  DepartamentoFurag,
  HistoriaFurag,
  ResultadoFurag,
} from '../../contrato/furag.ts';
import {
  buscarEntidad,
  type EstadisticaGrupo,
  estadisticaDe,
  indicesMasDebiles,
  leerArchivoResultados,
  type NivelMedicion,
  ubicar,
} from '../../core/furag-resultados.ts';
import type { FilaTabla, ProblemaFila } from '../../core/tabla-importacion.ts';
import { claveComparable } from '../../core/texto.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  dimension,
  entidad,
  furagCarga,
  furagResultado,
  indiceFurag,
  planAccion,
  politica,
} from '../../db/schema.ts';
import { ErrorApi, noEncontrado, prohibido } from '../../server/errores.ts';
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

type FilaResultado = typeof furagResultado.$inferSelect;
type Carga = typeof furagCarga.$inferSelect;
type Coincidencia = 'sigep' | 'nombre';

/** The vigencias with a results file loaded, newest first. */
async function vigenciasCargadas(db: Db) {
  const filas = await db
    .select({ vigencia: furagCarga.vigencia })
    .from(furagCarga)
    .orderBy(desc(furagCarga.vigencia));
  return filas.map((f) => f.vigencia);
}

/** The load of the vigencia asked for, or the newest; 404 in Spanish when there is none. */
async function cargaDe(db: Db, vigenciaPedida?: number): Promise<Carga> {
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
  return carga;
}

async function entidadDe(db: Db, entidadId: string) {
  const [e] = await db
    .select({
      nombre: entidad.nombre,
      codigoSigep: entidad.codigoSigep,
      departamento: entidad.departamento,
      orden: entidad.orden,
    })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  if (!e) throw noEncontrado('la entidad');
  return e;
}

/**
 * The entity's row in a vigencia's file: by its código SIGEP, else by its exact name; else the rows with a
 * similar name, to offer (never chosen for it).
 */
async function filaDeEntidad(
  db: Db,
  e: { nombre: string; codigoSigep: string | null },
  vigencia: number,
): Promise<{ fila: FilaResultado; coincidencia: Coincidencia } | { candidatos: FilaResultado[] }> {
  if (e.codigoSigep) {
    const [porSigep] = await db
      .select()
      .from(furagResultado)
      .where(and(eq(furagResultado.vigencia, vigencia), eq(furagResultado.codigoSigep, e.codigoSigep)));
    if (porSigep) return { fila: porSigep, coincidencia: 'sigep' };
  }
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
  const filas = h.tipo === 'candidatos' ? h.candidatos.map((c) => c.fila) : [h.entidad.fila];
  const leidas = filas.length
    ? await db
        .select()
        .from(furagResultado)
        .where(and(eq(furagResultado.vigencia, vigencia), inArray(furagResultado.fila, filas)))
    : [];
  if (h.tipo === 'candidatos')
    return { candidatos: filas.map((f) => leidas.find((l) => l.fila === f)!).filter(Boolean) };
  return { fila: leidas[0]!, coincidencia: 'nombre' };
}

/** One level's scores (or the IDI) of a row, each against the row's grupo par in the same file. */
async function medirFila(db: Db, carga: Carga, fila: FilaResultado) {
  const { vigencia } = carga;
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
  // The catalog's name where it has the vigencia; else the file's own header.
  const catalogo = await nombresDelCatalogo(db, vigencia);
  const nombres = new Map(carga.columnas.map((c) => [c.codigo, catalogo.get(c.codigo) ?? c.nombre ?? null]));
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
  return {
    idi: medicion('IDI'),
    dimensiones: delNivel('dimension'),
    politicas: delNivel('politica'),
    indices: delNivel('indice'),
  };
}

const INDICES_DEBILES = 5;

/**
 * The activities of the entity's plans after the results' vigencia tagged with these indices (the current
 * version of each plan): what the entity is doing about its weakest indices.
 */
async function actividadesDeIndices(db: Db, entidadId: string, vigencia: number, codigos: string[]) {
  if (!codigos.length) return [];
  return db
    .select({
      id: actividad.id,
      vigencia: planAccion.vigencia,
      codigo: actividad.codigo,
      nombre: actividad.nombre,
      indice: actividad.indiceFurag,
    })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(
      and(
        eq(planAccion.entidadId, entidadId),
        gt(planAccion.vigencia, vigencia),
        inArray(actividad.indiceFurag, codigos),
        sql`${planAccion.version} = (select max(q.version) from plan_accion q where q.entidad_id = ${planAccion.entidadId} and q.vigencia = ${planAccion.vigencia})`,
      ),
    )
    .orderBy(asc(planAccion.vigencia), asc(actividad.codigo));
}

const sinFila = (vigencia: number, candidatos: FilaResultado[]) =>
  noEncontrado(
    `la fila de la entidad en los resultados FURAG de ${vigencia}: registre su código SIGEP en los datos de la entidad${
      candidatos.length
        ? ` (nombres parecidos en el archivo: ${candidatos
            .slice(0, 3)
            .map((c) => `«${c.entidad}»`)
            .join(', ')})`
        : ''
    }`,
  );

/** The entity's scores of a vigencia (the last one loaded when none is asked) against its grupo par. */
export async function resultadoDeEntidad(
  db: Db,
  entidadId: string,
  vigenciaPedida?: number,
): Promise<ResultadoFurag> {
  const e = await entidadDe(db, entidadId);
  const carga = await cargaDe(db, vigenciaPedida);
  const { vigencia } = carga;
  const hallada = await filaDeEntidad(db, e, vigencia);
  if ('candidatos' in hallada) throw sinFila(vigencia, hallada.candidatos);
  const { fila, coincidencia } = hallada;
  const [medidas, vigencias] = await Promise.all([medirFila(db, carga, fila), vigenciasCargadas(db)]);
  const debiles = indicesMasDebiles(medidas.indices, INDICES_DEBILES);
  const actividades = await actividadesDeIndices(
    db,
    entidadId,
    vigencia,
    debiles.map((d) => d.codigo),
  );
  const { idi, ...niveles } = medidas;
  return {
    vigencia,
    vigencias,
    grupoPar: fila.grupoPar,
    fila: {
      entidad: fila.entidad,
      codigoSigep: fila.codigoSigep,
      tipoFormulario: fila.tipoFormulario,
      coincidencia,
    },
    idi: { puntaje: idi.puntaje, grupoPar: idi.grupoPar },
    ...niveles,
    indicesDebiles: debiles.map((d) => ({
      ...d,
      actividades: actividades.filter((a) => a.indice === d.codigo).map(({ indice: _, ...a }) => a),
    })),
  };
}

/** How many past vigencias the history shows. */
const VIGENCIAS_HISTORIA = 10;

/** The IDI, dimensions and policies of every vigencia loaded in which the file has the entity's row. */
export async function historiaDeEntidad(db: Db, entidadId: string): Promise<HistoriaFurag> {
  const e = await entidadDe(db, entidadId);
  const cargas = await db
    .select()
    .from(furagCarga)
    .orderBy(desc(furagCarga.vigencia))
    .limit(VIGENCIAS_HISTORIA);
  const vigencias: HistoriaFurag['vigencias'] = [];
  for (const carga of cargas.reverse()) {
    const hallada = await filaDeEntidad(db, e, carga.vigencia);
    if ('candidatos' in hallada) continue;
    const m = await medirFila(db, carga, hallada.fila);
    vigencias.push({
      vigencia: carga.vigencia,
      grupoPar: hallada.fila.grupoPar,
      idi: m.idi,
      dimensiones: m.dimensiones,
      politicas: m.politicas,
    });
  }
  return { vigencias };
}

/** The rows of a vigencia's file whose name resembles the entity's, to recognise its own. */
export async function candidatosDeEntidad(
  db: Db,
  entidadId: string,
  vigenciaPedida?: number,
): Promise<CandidatosFurag> {
  const e = await entidadDe(db, entidadId);
  const { vigencia } = await cargaDe(db, vigenciaPedida);
  const hallada = await filaDeEntidad(db, { nombre: e.nombre, codigoSigep: null }, vigencia);
  const filas = 'candidatos' in hallada ? hallada.candidatos : [hallada.fila];
  return {
    vigencia,
    candidatos: filas.map((f) => ({
      fila: f.fila,
      entidad: f.entidad,
      codigoSigep: f.codigoSigep,
      departamento: f.departamento,
      municipio: f.municipio,
    })),
  };
}

/**
 * The entities of a department side by side, from the same file: IDI and dimensions, best IDI first, with the
 * department's average per column. Departments are matched as written (accents and capitals aside).
 */
export async function resultadosDeDepartamento(
  db: Db,
  departamento: string,
  vigenciaPedida?: number,
): Promise<DepartamentoFurag> {
  const carga = await cargaDe(db, vigenciaPedida);
  const { vigencia } = carga;
  const escritos = await db
    .selectDistinct({ departamento: furagResultado.departamento })
    .from(furagResultado)
    .where(eq(furagResultado.vigencia, vigencia));
  const clave = claveComparable(departamento);
  const iguales = escritos.flatMap((d) =>
    d.departamento && claveComparable(d.departamento) === clave ? [d.departamento] : [],
  );
  if (!iguales.length)
    throw noEncontrado(`el departamento «${departamento}» en los resultados FURAG de ${vigencia}`);
  const filas = await db
    .select()
    .from(furagResultado)
    .where(and(eq(furagResultado.vigencia, vigencia), inArray(furagResultado.departamento, iguales)));
  const catalogo = await nombresDelCatalogo(db, vigencia);
  const columnas = carga.columnas
    .filter((c) => c.nivel === 'idi' || c.nivel === 'dimension')
    .map((c) => ({ codigo: c.codigo, nombre: catalogo.get(c.codigo) ?? c.nombre ?? null }));
  const promedios = Object.fromEntries(
    columnas.map((c) => [
      c.codigo,
      estadisticaDe(filas.flatMap((f) => (c.codigo in f.puntajes ? [f.puntajes[c.codigo]!] : [])))
        ?.promedio ?? null,
    ]),
  );
  const idi = (f: FilaResultado) => f.puntajes.IDI ?? -1;
  return {
    vigencia,
    departamento: iguales[0]!,
    departamentos: [...new Set(escritos.flatMap((d) => (d.departamento ? [d.departamento] : [])))].sort(
      (a, b) => a.localeCompare(b, 'es'),
    ),
    columnas,
    promedios,
    entidades: filas
      .sort((a, b) => idi(b) - idi(a) || a.entidad.localeCompare(b.entidad, 'es'))
      .map((f) => ({
        fila: f.fila,
        entidad: f.entidad,
        municipio: f.municipio,
        codigoSigep: f.codigoSigep,
        grupoPar: f.grupoPar,
        tipoFormulario: f.tipoFormulario,
        puntajes: Object.fromEntries(columnas.map((c) => [c.codigo, f.puntajes[c.codigo] ?? null])),
      })),
  };
}

/**
 * The department a person compares: their entity's own (the results are public data: every entity may set
 * itself beside its neighbours, and a gobernación sees its whole department); the platform's administrator
 * any.
 */
export async function departamentoDeEntidad(
  db: Db,
  entidadId: string,
  adminPlataforma: boolean,
  pedido: string | undefined,
): Promise<string> {
  const e = await entidadDe(db, entidadId);
  if (pedido !== undefined && adminPlataforma) return pedido;
  if (pedido !== undefined && claveComparable(pedido) !== claveComparable(e.departamento ?? ''))
    throw prohibido('Cada entidad compara solo las entidades de su propio departamento.');
  if (!e.departamento)
    throw new ErrorApi(
      409,
      'Registre el departamento en los datos de la entidad para compararla con las de su departamento.',
    );
  return e.departamento;
}
