// Medición: loading the published FURAG results of a vigencia (the platform's, one file for every entity) and
// reading one entity's scores against its grupo par. Only official scores are stored; the grupo par figures
// are computed from the stored rows of the group when they are read (core/furag-resultados.ts). An entity
// missing from the file (or without a file) types the scores of its own results report: kept apart, marked
// as typed by the entity, and never compared with a grupo par.
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type {
  CandidatosFurag,
  DepartamentoFurag,
  HistoriaFurag,
  OrigenFurag,
  PuntajeDeEntidad,
  PuntajesDigitados,
  PuntajesDigitadosEntrada,
  ResultadoFurag,
} from '../../contrato/furag.ts';
import { codigoEnVigencia, seguirIndices } from '../../core/furag-equivalencias.ts';
import {
  buscarEntidad,
  codigoDeEncabezado,
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
  furagDigitado,
  furagResultado,
  indiceFurag,
  planAccion,
  politica,
  usuario,
} from '../../db/schema.ts';
import { conflicto, ErrorApi, invalido, invalidos, noEncontrado, prohibido } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { mapaEquivalencias, vigenciasCatalogo } from '../catalogo/catalogo.repository.ts';
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

const NOMBRE_IDI = 'Índice de Desempeño Institucional';

interface CodigoCatalogo {
  codigo: string;
  nombre: string;
  nivel: NivelMedicion;
}

/** The catalog's measurement codes of a vigencia, level by level in its order (none where it lacks it). */
async function codigosDelCatalogo(db: Db, vigencia: number): Promise<CodigoCatalogo[]> {
  const [dims, pols, inds] = await Promise.all([
    db
      .select({ codigo: dimension.codigo, nombre: dimension.nombre })
      .from(dimension)
      .where(eq(dimension.vigencia, vigencia))
      .orderBy(asc(dimension.orden)),
    db
      .select({ codigo: politica.codigoFurag, nombre: politica.nombre })
      .from(politica)
      .where(eq(politica.vigencia, vigencia))
      .orderBy(asc(politica.orden)),
    db
      .select({ codigo: indiceFurag.codigo, nombre: indiceFurag.nombre })
      .from(indiceFurag)
      .where(eq(indiceFurag.vigencia, vigencia))
      .orderBy(asc(indiceFurag.orden)),
  ]);
  const de = (nivel: NivelMedicion, filas: { codigo: string | null; nombre: string }[]) =>
    filas.flatMap((f) => (f.codigo ? [{ codigo: f.codigo, nombre: f.nombre, nivel }] : []));
  if (!dims.length) return [];
  return [
    { codigo: 'IDI', nombre: NOMBRE_IDI, nivel: 'idi' },
    ...de('dimension', dims),
    ...de('politica', pols),
    ...de('indice', inds),
  ];
}

/** The catalog's names for the codes of a vigencia (none where the catalog lacks that vigencia or code). */
async function nombresDelCatalogo(db: Db, vigencia: number) {
  return new Map((await codigosDelCatalogo(db, vigencia)).map((c) => [c.codigo, c.nombre] as const));
}

type FilaResultado = typeof furagResultado.$inferSelect;
type Carga = typeof furagCarga.$inferSelect;
type Coincidencia = 'sigep' | 'nombre';

type Digitado = typeof furagDigitado.$inferSelect;

/** The vigencias with a results file loaded or with scores the entity typed, newest first. */
async function vigenciasConResultados(db: Db, entidadId: string) {
  const [cargadas, digitadas] = await Promise.all([
    db.select({ vigencia: furagCarga.vigencia }).from(furagCarga),
    db
      .select({ vigencia: furagDigitado.vigencia })
      .from(furagDigitado)
      .where(eq(furagDigitado.entidadId, entidadId)),
  ]);
  return [...new Set([...cargadas, ...digitadas].map((f) => f.vigencia))].sort((a, b) => b - a);
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

type Medida = Awaited<ReturnType<typeof medirFila>>['indices'][number];

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
    }, o, si la entidad no está en el archivo, digite los puntajes de su informe de resultados`,
  );

/** The typed scores of the entity for a vigencia, with the name of who typed them. */
async function digitadoDe(db: Db, entidadId: string, vigencia: number) {
  const [d] = await db
    .select({ d: furagDigitado, por: usuario.nombre })
    .from(furagDigitado)
    .leftJoin(usuario, eq(usuario.id, furagDigitado.digitadoPor))
    .where(and(eq(furagDigitado.entidadId, entidadId), eq(furagDigitado.vigencia, vigencia)));
  return d ? { ...d.d, por: d.por } : undefined;
}

/**
 * The entity's scores of a vigencia: its row in the file when the file has it (the official figures win);
 * else what the entity typed; else nothing, with the file's rows of a similar name.
 */
type Lectura =
  | { origen: 'archivo'; carga: Carga; fila: FilaResultado; coincidencia: Coincidencia }
  | { origen: 'entidad'; digitado: Digitado & { por: string | null } }
  | { origen: null; carga: Carga | null; candidatos: FilaResultado[] };

async function lecturaDe(
  db: Db,
  entidadId: string,
  e: { nombre: string; codigoSigep: string | null },
  vigencia: number,
): Promise<Lectura> {
  const [carga] = await db.select().from(furagCarga).where(eq(furagCarga.vigencia, vigencia));
  let candidatos: FilaResultado[] = [];
  if (carga) {
    const hallada = await filaDeEntidad(db, e, vigencia);
    if (!('candidatos' in hallada)) return { origen: 'archivo', carga, ...hallada };
    candidatos = hallada.candidatos;
  }
  const digitado = await digitadoDe(db, entidadId, vigencia);
  if (digitado) return { origen: 'entidad', digitado };
  return { origen: null, carga: carga ?? null, candidatos };
}

/**
 * The typed scores laid out as the catalog of their vigencia lists the measurements (null where the entity
 * left it empty: «no aplica»), with no grupo par: a typed score is never set against the file's figures.
 */
async function medirDigitado(db: Db, d: Digitado) {
  const codigos = await codigosDelCatalogo(db, d.vigencia);
  // A code the catalog no longer has (a catalog corrected after the typing) is still shown, never dropped.
  const conocidos = new Set(codigos.map((c) => c.codigo));
  const otros = Object.keys(d.puntajes).flatMap((codigo) => {
    const nivel = conocidos.has(codigo) ? null : codigoDeEncabezado(codigo)?.nivel;
    return nivel ? [{ codigo, nombre: null, nivel }] : [];
  });
  const medicion = (c: { codigo: string; nombre: string | null }) => ({
    codigo: c.codigo,
    nombre: c.nombre,
    puntaje: d.puntajes[c.codigo] ?? null,
    grupoPar: null,
  });
  const todos = [...codigos, ...otros];
  const delNivel = (nivel: NivelMedicion) => todos.filter((c) => c.nivel === nivel).map(medicion);
  return {
    idi: medicion({ codigo: 'IDI', nombre: NOMBRE_IDI }),
    dimensiones: delNivel('dimension'),
    politicas: delNivel('politica'),
    indices: delNivel('indice'),
  };
}

const medir = (db: Db, l: Exclude<Lectura, { origen: null }>) =>
  l.origen === 'archivo' ? medirFila(db, l.carga, l.fila) : medirDigitado(db, l.digitado);

/**
 * The entity's scores of a vigencia (the newest with a file loaded or scores typed, when none is asked)
 * against its grupo par when they come from the file.
 */
export async function resultadoDeEntidad(
  db: Db,
  entidadId: string,
  vigenciaPedida?: number,
): Promise<ResultadoFurag> {
  const e = await entidadDe(db, entidadId);
  const vigencias = await vigenciasConResultados(db, entidadId);
  const vigencia = vigenciaPedida ?? vigencias[0];
  if (vigencia === undefined)
    throw noEncontrado(
      'ningún archivo de resultados FURAG cargado en la plataforma ni puntajes digitados por la entidad',
    );
  const l = await lecturaDe(db, entidadId, e, vigencia);
  if (l.origen === null) {
    if (l.carga) throw sinFila(vigencia, l.candidatos);
    throw noEncontrado(
      `el archivo de resultados FURAG de la vigencia ${vigencia} ni puntajes digitados por la entidad para esa vigencia`,
    );
  }
  const medidas = await medir(db, l);
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
    grupoPar: l.origen === 'archivo' ? l.fila.grupoPar : l.digitado.grupoPar,
    origen: l.origen,
    fila:
      l.origen === 'archivo'
        ? {
            entidad: l.fila.entidad,
            codigoSigep: l.fila.codigoSigep,
            tipoFormulario: l.fila.tipoFormulario,
            coincidencia: l.coincidencia,
          }
        : null,
    digitado:
      l.origen === 'entidad' ? { por: l.digitado.por, en: l.digitado.digitadoEn.toISOString() } : null,
    idi: { puntaje: idi.puntaje, grupoPar: idi.grupoPar },
    ...niveles,
    indicesDebiles: debiles.map((d) => ({
      ...d,
      actividades: actividades.filter((a) => a.indice === d.codigo).map(({ indice: _, ...a }) => a),
    })),
  };
}

/**
 * The entity's official score in `vigencia` of `codigo` (a code of vigencia `desde`: followed through the
 * catalog's map when the years differ), from the file's row or the typed scores; its state when there is none.
 */
export async function puntajeDeEntidad(
  db: Db,
  entidadId: string,
  e: { nombre: string; codigoSigep: string | null },
  codigo: string | null,
  desde: number,
  vigencia: number,
): Promise<PuntajeDeEntidad> {
  const l = await lecturaDe(db, entidadId, e, vigencia);
  if (l.origen === null)
    return { vigencia, codigo: null, estado: l.carga ? 'sin_fila' : 'sin_cargar', puntaje: null };
  const propio =
    codigo && desde !== vigencia
      ? codigoEnVigencia(await mapaEquivalencias(db), codigo, desde, vigencia)
      : codigo;
  const puntajes = l.origen === 'archivo' ? l.fila.puntajes : l.digitado.puntajes;
  const puntaje = propio ? (puntajes[propio] ?? null) : null;
  return { vigencia, codigo: propio, estado: puntaje === null ? 'no_aplica' : 'con_puntaje', puntaje };
}

/** How many past vigencias the history shows. */
const VIGENCIAS_HISTORIA = 10;

/**
 * The IDI, dimensions and policies of every vigencia with the entity's scores (its row in the file, or typed),
 * oldest first; and each index year by year, followed across the changes of its code with the catalog's map.
 */
export async function historiaDeEntidad(db: Db, entidadId: string): Promise<HistoriaFurag> {
  const e = await entidadDe(db, entidadId);
  const [todas, mapas] = await Promise.all([vigenciasConResultados(db, entidadId), mapaEquivalencias(db)]);
  const vigencias: HistoriaFurag['vigencias'] = [];
  const indices: { vigencia: number; origen: OrigenFurag; indices: Medida[] }[] = [];
  for (const vigencia of todas.slice(0, VIGENCIAS_HISTORIA).reverse()) {
    const l = await lecturaDe(db, entidadId, e, vigencia);
    if (l.origen === null) continue;
    const m = await medir(db, l);
    vigencias.push({
      vigencia,
      origen: l.origen,
      grupoPar: l.origen === 'archivo' ? l.fila.grupoPar : l.digitado.grupoPar,
      idi: m.idi,
      dimensiones: m.dimensiones,
      politicas: m.politicas,
    });
    // An index that does not apply that year is no point of its line (nor a zero).
    indices.push({ vigencia, origen: l.origen, indices: m.indices.filter((i) => i.puntaje !== null) });
  }
  const origenDe = new Map(indices.map((v) => [v.vigencia, v.origen]));
  return {
    vigencias,
    indices: seguirIndices(indices, mapas).map((s) => ({
      codigo: s.codigo,
      nombre: s.serie.at(-1)!.medicion.nombre,
      serie: s.serie.map((p) => ({ ...p.medicion, vigencia: p.vigencia, origen: origenDe.get(p.vigencia)! })),
    })),
  };
}

/** The scores the entity typed for a vigencia, to correct them; 404 when it typed none. */
export async function puntajesDigitados(
  db: Db,
  entidadId: string,
  vigencia: number,
): Promise<PuntajesDigitados> {
  await entidadDe(db, entidadId);
  const d = await digitadoDe(db, entidadId, vigencia);
  if (!d) throw noEncontrado(`puntajes FURAG digitados por la entidad para ${vigencia}`);
  return aRespuesta(d);
}

const aRespuesta = (d: Digitado & { por: string | null }): PuntajesDigitados => ({
  vigencia: d.vigencia,
  grupoPar: d.grupoPar,
  puntajes: d.puntajes,
  version: d.version,
  digitadoPor: d.por,
  digitadoEn: d.digitadoEn.toISOString(),
});

/**
 * The scores of the entity's results report for a vigencia, typed by planeación when the national file does
 * not have the entity's row. The codes must be the catalog's for the vigencia. A first typing (version null)
 * loses to another one made at the same time; a correction is made over the version read: either way the
 * loser gets a 409 and nothing is written.
 */
export async function guardarDigitados(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  entrada: PuntajesDigitadosEntrada,
): Promise<PuntajesDigitados> {
  const e = await entidadDe(db, entidadId);
  const codigos = await codigosDelCatalogo(db, vigencia);
  if (!codigos.length) {
    const hay = (await vigenciasCatalogo(db)).map((v) => v.vigencia).join(', ');
    throw invalido(
      'vigencia',
      `la vigencia ${vigencia} no está en el catálogo MIPG (vigencias: ${hay}): no se conocen sus códigos FURAG`,
    );
  }
  const conocidos = new Set(codigos.map((c) => c.codigo));
  const ajenos = Object.keys(entrada.puntajes).filter((c) => !conocidos.has(c));
  if (ajenos.length)
    throw invalidos(
      ajenos.map((c) => ({
        campo: `puntajes.${c}`,
        mensaje: `«${c}» no es un código FURAG de la vigencia ${vigencia} en el catálogo`,
      })),
    );
  const l = await lecturaDe(db, entidadId, e, vigencia);
  if (l.origen === 'archivo')
    throw conflicto(
      `El archivo oficial de resultados FURAG ${vigencia} ya trae la fila de la entidad («${l.fila.entidad}»): esos son sus puntajes y no se digitan.`,
    );
  const datos = { grupoPar: entrada.grupoPar ?? null, puntajes: entrada.puntajes };
  const otraPersona = `Otra persona guardó los puntajes FURAG de ${vigencia} mientras usted los digitaba. Recargue la página para ver los guardados y corríjalos si hace falta.`;
  await db.transaction(async (tx) => {
    let antes: Digitado | undefined;
    if (entrada.version === null) {
      const [creado] = await tx
        .insert(furagDigitado)
        .values({ entidadId, vigencia, ...datos, digitadoPor: actor.usuarioId })
        .onConflictDoNothing()
        .returning();
      if (!creado) throw conflicto(otraPersona);
    } else {
      // The row locked: a correction made at the same moment waits, then finds the version changed.
      [antes] = await tx
        .select()
        .from(furagDigitado)
        .where(and(eq(furagDigitado.entidadId, entidadId), eq(furagDigitado.vigencia, vigencia)))
        .for('update');
      if (!antes || antes.version !== entrada.version) throw conflicto(otraPersona);
      await tx
        .update(furagDigitado)
        .set({
          ...datos,
          version: antes.version + 1,
          digitadoPor: actor.usuarioId,
          digitadoEn: sql`now()`,
        })
        .where(and(eq(furagDigitado.entidadId, entidadId), eq(furagDigitado.vigencia, vigencia)));
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: antes ? 'actualizar' : 'crear',
      recurso: 'furag_digitado',
      recursoId: String(vigencia),
      antes: antes ? { vigencia, grupoPar: antes.grupoPar, puntajes: antes.puntajes } : null,
      despues: { vigencia, ...datos },
    });
  });
  return aRespuesta((await digitadoDe(db, entidadId, vigencia))!);
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
