import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import {
  type ActividadesTablero,
  type ActividadTablero,
  type ConsultaActividadesTablero,
  normalizarBusqueda,
  type ResumenTablero,
  TableroSchema,
} from '../../contrato/tablero.ts';
import { type Acumulacion, logradoDesdeAgregados, planeadoAcumulado } from '../../core/acumulacion.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { politicasAplicables } from '../../core/catalogo.ts';
import {
  type ActividadConsolidable,
  avanceDelPlan,
  consolidar,
  consolidarDimensiones,
  desdeSumas,
} from '../../core/consolidacion.ts';
import { CALENDARIO_NACIONAL } from '../../core/dias-habiles.ts';
import type { TipoFormulario } from '../../core/entidad.ts';
import { visibleAlPublico } from '../../core/flujo-plan.ts';
import { MAXIMO_CIFRA } from '../../core/numeros.ts';
import {
  ESQUEMAS_PERIODOS,
  esquemaActividad,
  mesesDe,
  periodoEnPeriodoPlan,
  periodosContados,
  periodosDeVigencia,
} from '../../core/periodos.ts';
import { ESTADOS_SEGUIMIENTO, type EstadoSeguimiento, seguimientoCuenta } from '../../core/seguimiento.ts';
import { type EstadoActividad, estadoActividad, type NivelSemaforo } from '../../core/semaforo.ts';
import { resumenVerificacion, situacionVerificacion } from '../../core/verificacion.ts';
import { type Db, filas as filasSql, lectorDe } from '../../db/client.ts';
import {
  cortePeriodo,
  dependencia,
  dimension,
  entidad,
  periodo,
  planAccion,
  vigenciaEntidad,
} from '../../db/schema.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import { sinNoFinitos } from '../../server/esquemas.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';
import { contextoVerificacion, evaluarVerificacion } from '../seguimiento/verificacion.service.ts';
import { bloquearPeriodo, lectorPeriodos, leerVigencia } from '../vigencias/vigencia.service.ts';
import { CacheLru, LecturasCompartidas } from './tablero.cache.ts';
import { filasDeLaVersionVigente } from './version-vigente.ts';

/** The default cut-off: the latest period whose cut-off date has passed (the first one before that). */
export function periodoVigente(periodos: { numero: number; corte: string }[], hoy: string) {
  const pasados = periodos.filter((p) => p.corte <= hoy);
  return (pasados.at(-1) ?? periodos[0])!.numero;
}

export interface FilaCifras {
  id: string;
  plan612: string | null;
  plan_propio: string | null;
  politica: string;
  dependencia_id: string | null;
  ponderacion: number;
  meta_anual: number;
  metas_periodo: number[];
  fecha_inicio: string;
  fecha_fin: string;
  acumulacion: Acumulacion;
  /** Aggregates of the counted figures up to the cut-off (n = 0: none). */
  n: number;
  suma: number | null;
  maximo: number | null;
  ultimo: number | null;
  /** Some accepted figure is out of the input bounds (stored before them). */
  fuera: boolean;
  estado_actual: EstadoSeguimiento | null;
  codigo: string;
  nombre: string;
  tardio_actual: boolean | null;
  avance_verificado: number | null;
  reportado_por: string | null;
  responsable_id: string | null;
  corresponsables: string[];
}

const ESTADOS_QUE_CUENTAN = ESTADOS_SEGUIMIENTO.filter(seguimientoCuenta);

/** A figure that counts: accepted by planeación and within the input bounds (`s` is the seguimiento). */
function cuentaSql() {
  const cuentan = sql.join(
    ESTADOS_QUE_CUENTAN.map((e) => sql`${e}`),
    sql`, `,
  );
  return sql`s.estado in (${cuentan}) and abs(s.valor) <= ${MAXIMO_CIFRA}`;
}

/**
 * The aggregates the goal types need (core/acumulacion.ts, AgregadosPeriodos), in one pass over the counted
 * figures; the latest one is the value of the highest period (arrays compare element by element).
 */
const agregadosSql = (cuenta: SQL) => sql`count(s.valor) filter (where ${cuenta})::int as n,
  (sum(s.valor) filter (where ${cuenta}))::float8 as suma,
  (max(s.valor) filter (where ${cuenta}))::float8 as maximo,
  (max(array[s.periodo::float8, s.valor]) filter (where ${cuenta}))[2] as ultimo`;

/**
 * Each field of an activity's row and its SQL (`a`: the activity, `r`: its aggregates). The row travels as a
 * positional JSON array in this order: with 2,000 activities the repeated keys of an object per row were
 * more than half of the text the database wrote and this process parsed (bench/plan.ts).
 */
const CAMPOS_CIFRAS: Record<keyof FilaCifras, SQL> = {
  id: sql`a.id`,
  plan612: sql`a.plan612`,
  plan_propio: sql`a.plan_propio`,
  politica: sql`a.politica`,
  dependencia_id: sql`a.dependencia_id`,
  ponderacion: sql`a.ponderacion`,
  meta_anual: sql`a.meta_anual`,
  metas_periodo: sql`a.metas_periodo`,
  fecha_inicio: sql`a.fecha_inicio`,
  fecha_fin: sql`a.fecha_fin`,
  acumulacion: sql`a.acumulacion`,
  n: sql`coalesce(r.n, 0)`,
  suma: sql`r.suma`,
  maximo: sql`r.maximo`,
  ultimo: sql`r.ultimo`,
  fuera: sql`coalesce(r.fuera, false)`,
  estado_actual: sql`r.estado_actual`,
  codigo: sql`a.codigo`,
  nombre: sql`a.nombre`,
  tardio_actual: sql`r.tardio_actual`,
  avance_verificado: sql`r.avance_verificado`,
  reportado_por: sql`r.reportado_por`,
  responsable_id: sql`a.responsable_id`,
  corresponsables: sql`a.corresponsables`,
};
const COLUMNAS_CIFRAS = sql.join(Object.values(CAMPOS_CIFRAS), sql`, `);
/**
 * A row read in place: each field is a getter on the array's position. Copying the fields into an object per
 * row, with the key changing on every store, cost more than parsing the JSON.
 */
class FilaLeida {
  constructor(readonly valores: unknown[]) {}
}
Object.keys(CAMPOS_CIFRAS).forEach((clave, i) => {
  Object.defineProperty(FilaLeida.prototype, clave, {
    get(this: FilaLeida) {
      return this.valores[i];
    },
  });
});

/**
 * An activity's period, in SQL, from the instruments with a scheme of their own (instrument → period): the
 * one of its Decreto 612 plan, else of its own plan, else `comun`. Without such instruments, `comun`.
 */
function porInstrumentoSql(porInstrumento: Record<string, number>, comun: number) {
  if (!Object.keys(porInstrumento).length) return sql`${comun}`;
  const m = JSON.stringify(porInstrumento);
  return sql`coalesce((${m}::jsonb ->> a.plan612)::int, (${m}::jsonb ->> a.plan_propio)::int, ${comun})`;
}

/**
 * Every activity of the entity's plan with its accepted figure of each period up to the cut-off and its
 * report of that period, in one query (an instrument with its own scheme counts its periods up to the
 * cut-off, `contados`, and its report is the one of its period that falls in this one, `propios`); the
 * goal type accumulates them in core. A value stored before the input bounds (1e308, Infinity) makes the
 * activity's figure NaN, which the consolidation turns into «sin dato». Rows come back as one JSON array:
 * the embedded database spends most of its time converting row by row, not computing. The reports are
 * aggregated once, grouped by activity, and joined: a lateral subquery per activity cost the embedded
 * database a bitmap scan each (it keeps no statistics), twice the time.
 */
async function cifrasPorActividad(
  db: Db,
  vigencia: number,
  numero: number,
  entidadId: string,
  instrumentos: { contados: Record<string, number>; propios: Record<string, number> },
) {
  const hasta = porInstrumentoSql(instrumentos.contados, numero);
  const propio = porInstrumentoSql(instrumentos.propios, numero);
  const cuentan = sql.join(
    ESTADOS_QUE_CUENTAN.map((e) => sql`${e}`),
    sql`, `,
  );
  const [fila] = await filasSql<{ j: string | null }>(
    db,
    sql`with r as (
          select s.actividad_id, ${agregadosSql(cuentaSql())},
                 bool_or(not (abs(s.valor) <= ${MAXIMO_CIFRA})) filter (where s.estado in (${cuentan})) as fuera,
                 max(s.estado) filter (where s.periodo = ${propio}) as estado_actual,
                 bool_or(s.tardio) filter (where s.periodo = ${propio}) as tardio_actual,
                 max(s.avance_verificado) filter (where s.periodo = ${propio}) as avance_verificado,
                 max(s.reportado_por::text) filter (where s.periodo = ${propio}) as reportado_por
          from seguimiento s
          join actividad a on a.id = s.actividad_id
          join plan_accion p on p.id = a.plan_id
          where p.vigencia = ${vigencia} and p.entidad_id = ${entidadId} and s.periodo <= ${hasta}
          group by s.actividad_id)
        select json_agg(json_build_array(${COLUMNAS_CIFRAS}) order by a.codigo)::text as j
        from actividad a
        join plan_accion p on p.id = a.plan_id
        left join r on r.actividad_id = a.id
        where p.vigencia = ${vigencia} and p.entidad_id = ${entidadId}`,
  );
  if (!fila?.j) return [];
  return (JSON.parse(fila.j) as unknown[][]).map(
    (valores) => new FilaLeida(valores) as unknown as FilaCifras,
  );
}

/**
 * The activity as the consolidation rules see it at a cut-off where `contados` of its periods have passed;
 * the bounds of its period due there (none: an instrument without a cut-off in it) decide whether a report
 * was due.
 */
function consolidable(f: FilaCifras, contados: number, periodo: { inicio: string; corte: string } | null) {
  const debia = !!periodo && f.fecha_inicio <= periodo.corte && f.fecha_fin >= periodo.inicio;
  // Sent: anything past borrador/devuelto.
  const envio = f.estado_actual !== null && f.estado_actual !== 'borrador' && f.estado_actual !== 'devuelto';
  return {
    debia,
    envio,
    actividad: {
      id: f.id,
      politica: f.politica,
      dependencia: f.dependencia_id,
      ponderacion: f.ponderacion,
      metaAnual: f.meta_anual,
      planeadoAlCorte: planeadoAcumulado(f.acumulacion, f.metas_periodo, contados),
      logradoAlCorte: f.fuera
        ? Number.NaN
        : (logradoDesdeAgregados(
            f.acumulacion,
            f.n ? { n: f.n, suma: f.suma ?? 0, maximo: f.maximo ?? 0, ultimo: f.ultimo ?? 0 } : null,
            f.meta_anual,
          ) ?? 0),
      reporto: !debia || envio,
    } satisfies ActividadConsolidable,
  };
}

/** Dashboard figures of a cut-off, computed from the accepted reports (what a closed period freezes). */
export async function calcularTablero(db: Db, entidadId: string, vigencia: number, numero: number) {
  const [e] = await db.select().from(entidad).where(eq(entidad.id, entidadId));
  if (!e) throw noEncontrado('la entidad');
  const v = await leerVigencia(db, entidadId, vigencia);
  const p = v.periodos.find((x) => x.numero === numero);
  if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
  const hoy = hoyEnColombia();
  // Instruments with a scheme of their own (the PTEP by cuatrimestres): how many of their periods have
  // passed at this cut-off, and which one of them is due in it (0: none).
  const propios = Object.entries(v.esquemasInstrumento).filter(([, e]) => e !== v.esquema);
  const instrumentos = {
    contados: Object.fromEntries(propios.map(([k, e]) => [k, periodosContados(numero, v.esquema, e)])),
    propios: Object.fromEntries(
      propios.map(([k, e]) => [k, periodoEnPeriodoPlan(numero, v.esquema, e) ?? 0]),
    ),
  };
  const periodosDe = await lectorPeriodos(db, entidadId, v);
  const leer = lectorDe(db);
  const [politicas, dimensiones, todasLasFilas, dependencias, ctxVerificacion] = await Promise.all([
    // Only the policies the entity's FURAG form includes: the others vanish from figures and averages.
    leer(() => politicasDeVigencia(db, vigencia).then((ps) => politicasAplicables(ps, e.tipoFormulario))),
    leer(() =>
      db.select().from(dimension).where(eq(dimension.vigencia, vigencia)).orderBy(asc(dimension.orden)),
    ),
    // The version in force: while a new one is in course, the last approved (version-vigente.ts).
    leer(() =>
      cifrasPorActividad(db, vigencia, numero, entidadId, instrumentos).then((f) =>
        filasDeLaVersionVigente(db, entidadId, vigencia, f),
      ),
    ),
    leer(() =>
      db
        .select({ id: dependencia.id, nombre: dependencia.nombre })
        .from(dependencia)
        .where(eq(dependencia.entidadId, entidadId)),
    ),
    leer(() => contextoVerificacion(db, entidadId, vigencia)),
  ]);
  const aplican = new Set(politicas.map((x) => x.clave));
  const filas = todasLasFilas.filter((f) => aplican.has(f.politica));
  const nombreDependencia = new Map(dependencias.map((d) => [d.id, d.nombre]));
  const detalle = filas.map((f) => {
    const esquema = esquemaActividad(
      { plan612: f.plan612, planPropio: f.plan_propio },
      v.esquemasInstrumento,
      v.esquema,
    );
    if (esquema === v.esquema) return { f, debido: p, ...consolidable(f, numero, p) };
    const n = periodoEnPeriodoPlan(numero, v.esquema, esquema);
    const debido = n === null ? null : periodosDe(esquema)[n - 1]!;
    return { f, debido, ...consolidable(f, periodosContados(numero, v.esquema, esquema), debido) };
  });
  const consolidables = detalle.map((d) => d.actividad);
  const c = consolidar(consolidables, politicas, v.semaforo, v.modoPonderacion);

  const estados: Record<EstadoActividad, number> = {
    sin_iniciar: 0,
    en_curso: 0,
    atrasada: 0,
    cumplida: 0,
    sin_reporte: 0,
  };
  const semaforo: Record<NivelSemaforo | 'sinDato', number> = {
    rojo: 0,
    amarillo: 0,
    verde: 0,
    azul: 0,
    sinDato: 0,
  };
  const listado = detalle.map(({ f: a, debia, envio, debido }, i) => {
    const r = c.actividades[i]!;
    const estado = estadoActividad(
      {
        reportoUltimoPeriodo: envio,
        avance: r.avanceReal,
        cumplimiento: r.cumplimiento,
        iniciada: a.fecha_inicio <= p.corte,
        debiaReportar: debia && (p.cerrado || hoy > (debido ?? p).cierra),
      },
      v.semaforo,
    );
    estados[estado]++;
    semaforo[r.semaforo ?? 'sinDato']++;
    const { seleccionada } = evaluarVerificacion(
      ctxVerificacion,
      {
        id: a.id,
        politica: a.politica,
        dependenciaId: a.dependencia_id,
        responsableId: a.responsable_id,
        corresponsables: a.corresponsables ?? [],
      },
      a.reportado_por,
    );
    return {
      id: a.id,
      codigo: a.codigo,
      nombre: a.nombre,
      politica: a.politica,
      dependencia: a.dependencia_id ? (nombreDependencia.get(a.dependencia_id) ?? null) : null,
      avance: r.avance,
      cumplimiento: r.cumplimiento,
      semaforo: r.semaforo,
      estado,
      reporte: a.estado_actual,
      tardio: a.tardio_actual ?? false,
      seleccionada,
      avanceVerificado: a.avance_verificado,
    };
  });
  const nombrePolitica = new Map(politicas.map((x) => [x.clave, x.nombre]));
  const dims = new Map(dimensiones.map((d) => [d.codigo, d]));
  return {
    entidad: { id: e.id, nombre: e.nombre },
    vigencia,
    periodo: { numero: p.numero, nombre: p.nombre, corte: p.corte, cerrado: p.cerrado },
    congelado: false,
    avance: c.avance,
    dimensiones: c.dimensiones.map((d) => ({
      codigo: d.codigo,
      nombre: dims.get(d.codigo)?.nombre ?? d.codigo,
      color: dims.get(d.codigo)?.color ?? '#555555',
      avance: d.avance,
    })),
    politicas: c.politicas.map((x) => ({
      clave: x.clave,
      nombre: nombrePolitica.get(x.clave) ?? x.clave,
      dimension: x.dimension,
      avance: x.avance,
      cumplimiento: x.cumplimiento,
      semaforo: x.semaforo,
      actividades: x.actividades,
      sinReporte: x.sinReporte,
    })),
    dependencias: c.dependencias.map((d) => ({
      id: d.dependencia,
      nombre: nombreDependencia.get(d.dependencia) ?? d.dependencia,
      avance: d.avance,
    })),
    semaforo,
    estados,
    sinReporte: c.sinReporte,
    tardios: listado.filter((x) => x.tardio).length,
    verificacion: resumenVerificacion(
      listado.flatMap((x) => (x.reporte ? [situacionVerificacion(x.reporte, x.seleccionada)] : [])),
    ),
    actividades: listado,
  };
}

export type Tablero = Awaited<ReturnType<typeof calcularTablero>>;

/**
 * Closes a period: its dashboard is frozen as it stands (the snapshot reports use) and every write to the
 * period is refused from then on. The period's row is locked first (for update): the close waits for the
 * writes in course, which hold it for share, and later writes wait and then find it closed. So the
 * snapshot, computed under the lock, holds every write that was answered 200, and of two closings at once
 * the second gets a 409.
 */
export async function cerrarPeriodo(
  db: Db,
  actor: Actor,
  cerradoPor: string | null,
  entidadId: string,
  vigencia: number,
  numero: number,
) {
  const congelado = await db.transaction(async (tx) => {
    const p = await bloquearPeriodo(tx, entidadId, vigencia, numero, 'update');
    if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
    if (p.cerrado) throw conflicto(`El periodo «${p.nombre}» ya está cerrado.`);
    const datos = await calcularTablero(tx, entidadId, vigencia, numero);
    const foto = { ...datos, periodo: { ...datos.periodo, cerrado: true } };
    await tx
      .update(periodo)
      .set({ cerrado: true })
      .where(
        and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia), eq(periodo.numero, numero)),
      );
    await tx
      .insert(cortePeriodo)
      .values({ entidadId, vigencia, periodo: numero, datos: foto, cerradoPor })
      .onConflictDoUpdate({
        target: [cortePeriodo.entidadId, cortePeriodo.vigencia, cortePeriodo.periodo],
        set: { datos: foto, cerradoPor, cerradoEn: new Date() },
      });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'cerrar',
      recurso: 'periodo',
      recursoId: `${vigencia}:${numero}`,
      antes: { cerrado: false },
      // Reports still waiting for planeación are left out of the frozen figures: the entry says how many.
      despues: {
        cerrado: true,
        avance: datos.avance,
        sinReporte: datos.sinReporte,
        reportesSinRevisar: datos.actividades.filter((a) => a.reporte === 'enviado').length,
      },
    });
    return foto;
  });
  invalidarTablero(db, entidadId);
  return { ...congelado, congelado: true };
}

/** Reopens a closed period, under the same lock as closing: of two reopenings at once, one gets a 409. */
export async function reabrirPeriodo(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  numero: number,
  justificacion: string,
) {
  await db.transaction(async (tx) => {
    const p = await bloquearPeriodo(tx, entidadId, vigencia, numero, 'update');
    if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
    if (!p.cerrado) throw conflicto(`El periodo «${p.nombre}» no está cerrado.`);
    // The frozen figures stay stored until the next closing replaces them; the audit log keeps both.
    await tx
      .update(periodo)
      .set({ cerrado: false })
      .where(
        and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia), eq(periodo.numero, numero)),
      );
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'reabrir',
      recurso: 'periodo',
      recursoId: `${vigencia}:${numero}`,
      antes: { cerrado: true },
      despues: { cerrado: false, justificacion },
    });
  });
  invalidarTablero(db, entidadId);
}

// ---------- Reading: built once per change, served as bytes ----------
// Dashboards are read far more than figures change (citizens, committee sessions, dozens of open tabs). A
// dashboard is built once — figures, the summary's JSON, its brotli and gzip copies, a strong ETag — and kept
// while the entity's data version («marca») stays the same: its latest audit entry (every change to the
// figures writes one in its own transaction, periods closed and reopened included), the catalog's fingerprint
// (platform data the figures read), the date in Colombia (states depend on it) and this process's count of
// writes. On PostgreSQL the version is read from the database, after the request arrived (tablero.cache.ts),
// and remembered per entity for VENTANA_VERSION_MS (ADR 0011): a write through this server is seen by the
// next read at once, one through another server by its writer's next read (the mipg_escrito cookie asks for a
// fresh version) and by everyone else within the window.

export type VistaTablero = 'publico' | 'interno';

export interface EntradaTablero {
  vista: VistaTablero;
  tablero: Tablero;
  /** The activities as the contract has them (validated once), with their search text. */
  actividades: ActividadTablero[];
  busqueda: string[];
  /** The summary (ResumenTablero) as sent, and its compressed copies. */
  json: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
  bytes: number;
  /** Pages of the activity list already answered, by question (at most PAGINAS_BYTES of them). */
  paginas: Map<string, PaginaGuardada>;
}

export interface PaginaGuardada {
  etag: string;
  json: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}
/** Room each dashboard keeps for its pages, counted in its size in the cache. */
const PAGINAS_BYTES = 1024 * 1024;

/** Bound of each server's dashboards in memory (the least recently read go first). */
export const CACHE_TABLERO_BYTES = 64 * 1024 * 1024;
/**
 * A safety net for rows changed without the application (by hand in the database): an entry is rebuilt
 * after this long even when the version did not move. The content decides the ETag, so clients only see a
 * new one when something did change.
 */
const EDAD_MAXIMA_MS = 60_000;
/**
 * How long a data version read from a shared database answers this server's readers (ADR 0011): a write
 * committed by another server reaches the readers who did not write it within this time. Shorter than the
 * mipg_escrito cookie (src/server/http-cache.ts), so its writer never falls into the window.
 */
export const VENTANA_VERSION_MS = 1000;
/** Entities whose version a server remembers at most (an unknown id also costs a read and an entry). */
const MAXIMO_VERSIONES = 10_000;

interface EstadoCache {
  lru: CacheLru<{ marca: string; hasta: number; entrada: EntradaTablero }>;
  /** This process's writes per entity (onSend hook in app.ts): what a write without audit entry changes. */
  generaciones: Map<string, number>;
  /** Dashboards being built, by key and data version: readers of the same version share the work. */
  calculando: Map<string, Promise<EntradaTablero>>;
  marcas: LecturasCompartidas<string>;
  /** The data version last read per entity and when it was asked for, oldest first (VENTANA_VERSION_MS). */
  versiones: Map<string, { valor: string; pedida: number }>;
  /** Other processes may write to this database (PostgreSQL): the data version is read from it. */
  compartida: boolean;
}

// One cache per database handle: two servers on one database are two handles, and a test can have both.
const caches = new WeakMap<Db, EstadoCache>();
function cacheDe(db: Db): EstadoCache {
  let c = caches.get(db);
  if (!c) {
    c = {
      lru: new CacheLru(CACHE_TABLERO_BYTES),
      generaciones: new Map(),
      calculando: new Map(),
      marcas: new LecturasCompartidas((entidadId) => leerMarca(db, entidadId)),
      versiones: new Map(),
      compartida: true,
    };
    caches.set(db, c);
  }
  return c;
}

/**
 * The embedded database belongs to one process (src/db/candado.ts), and every write of an entity passes
 * through this server's onSend hook (app.ts): there the count of writes is the whole version, and a read
 * costs no query. Unknown handles are treated as shared.
 */
export function baseDeUnSoloProceso(db: Db, unSoloProceso = true) {
  cacheDe(db).compartida = !unSoloProceso;
}

const CONSULTA_MARCA = `select (select max(id) from auditoria where entidad_id = $1)::text as a,
  (select valor from ajuste_sistema where clave = 'catalogo_sha256') as c`;

async function leerMarca(db: Db, entidadId: string) {
  // On node-postgres, a named statement straight on the pool: parsed and planned once per connection, and
  // without the query builder, for a read that runs on every request.
  const pool = (db as { $client?: { totalCount?: number; query?: unknown } }).$client;
  const f =
    pool && typeof pool.totalCount === 'number' && typeof pool.query === 'function'
      ? (
          await (pool as pg.Pool).query<{ a: string | null; c: string | null }>({
            name: 'marca_tablero',
            text: CONSULTA_MARCA,
            values: [entidadId],
          })
        ).rows[0]
      : (
          await filasSql<{ a: string | null; c: string | null }>(
            db,
            sql`select (select max(id) from auditoria where entidad_id = ${entidadId})::text as a,
                       (select valor from ajuste_sistema where clave = 'catalogo_sha256') as c`,
          )
        )[0];
  return `${f?.a ?? 0}:${f?.c ?? ''}`;
}

/**
 * The entity's data version on a shared database: the one remembered when it was asked for less than
 * VENTANA_VERSION_MS ago, else (or when `fresca`: the reader wrote a moment ago, maybe through another
 * server) one read after this call. The time kept is the caller's, never later than the read itself, so a
 * remembered version holds every write committed before its time.
 */
async function versionDe(cache: EstadoCache, entidadId: string, fresca: boolean) {
  // The monotonic clock: a wall clock set back would stretch the window.
  const ahora = performance.now();
  const recordada = cache.versiones.get(entidadId);
  if (!fresca && recordada && ahora - recordada.pedida < VENTANA_VERSION_MS) return recordada.valor;
  const valor = await cache.marcas.pedir(entidadId);
  // Never over a version asked for later.
  if ((cache.versiones.get(entidadId)?.pedida ?? -1) <= ahora) {
    cache.versiones.delete(entidadId);
    cache.versiones.set(entidadId, { valor, pedida: ahora });
    for (const [id, v] of cache.versiones) {
      if (cache.versiones.size <= MAXIMO_VERSIONES && ahora - v.pedida < VENTANA_VERSION_MS) break;
      cache.versiones.delete(id);
    }
  }
  return valor;
}

// The date in Colombia, computed at most once a second (Intl formatting costs more than a cached read).
let hoyGuardado = { hasta: 0, valor: '' };
function hoy() {
  const ahora = Date.now();
  if (ahora >= hoyGuardado.hasta) hoyGuardado = { hasta: ahora + 1000, valor: hoyEnColombia() };
  return hoyGuardado.valor;
}

/** Every write of an entity through this server drops its cached dashboards at once (app.ts). */
export function invalidarTablero(db: Db, entidadId: string) {
  const c = cacheDe(db);
  c.generaciones.set(entidadId, (c.generaciones.get(entidadId) ?? 0) + 1);
  c.versiones.delete(entidadId);
  c.lru.quitarSi((clave) => clave.split('|')[1] === entidadId);
}

/** A closed period answers with its frozen figures; an open one is computed. */
async function calcularOCongelado(
  db: Db,
  entidadId: string,
  vigencia: number,
  numero: number | undefined,
  dia: string,
): Promise<Tablero> {
  const v = await leerVigencia(db, entidadId, vigencia);
  const n = numero ?? periodoVigente(v.periodos, dia);
  const [corte] = await db
    .select()
    .from(cortePeriodo)
    .where(
      and(
        eq(cortePeriodo.entidadId, entidadId),
        eq(cortePeriodo.vigencia, vigencia),
        eq(cortePeriodo.periodo, n),
      ),
    );
  return corte && v.periodos.find((p) => p.numero === n)?.cerrado
    ? { ...(corte.datos as Tablero), congelado: true }
    : await calcularTablero(db, entidadId, vigencia, n);
}

const comprimirBr = promisify(brotliCompress);
const comprimirGzip = promisify(gzip);

async function construirEntrada(
  db: Db,
  vista: VistaTablero,
  entidadId: string,
  vigencia: number,
  numero: number | undefined,
  dia: string,
): Promise<EntradaTablero> {
  if (vista === 'publico') {
    // Citizens see the figures once the entity has published its plan, not before.
    const [plan] = await db
      .select({
        estado: planAccion.estado,
        version: planAccion.version,
        fechaPublicacion: planAccion.fechaPublicacion,
      })
      .from(planAccion)
      .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
    if (!plan || !visibleAlPublico(plan))
      throw noEncontrado(`un plan de acción publicado de ${vigencia} para esta entidad`);
  }
  const tablero = await calcularOCongelado(db, entidadId, vigencia, numero, dia);
  // Validated once per change, not per read: what is sent is what the contract says.
  const limpio = TableroSchema.parse(sinNoFinitos(tablero));
  const { actividades, ...resto } = limpio;
  const json = Buffer.from(
    JSON.stringify({ ...resto, actividades: actividades.length } satisfies ResumenTablero),
  );
  const [br, gz] = await Promise.all([
    comprimirBr(json, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
    }),
    comprimirGzip(json, { level: 9 }),
  ]);
  const busqueda = actividades.map((a) => normalizarBusqueda(`${a.codigo} ${a.nombre}`));
  const huella = createHash('sha256').update(json).digest('base64url').slice(0, 32);
  return {
    vista,
    tablero,
    actividades,
    busqueda,
    json,
    br,
    gzip: gz,
    // The view is part of the tag: a citizen's tag never validates a representation of the internal view.
    etag: `"${vista === 'publico' ? 'p' : 'i'}-${huella}"`,
    paginas: new Map(),
    // The objects in memory take about twice their JSON; the summary's copies are counted as they are.
    bytes:
      PAGINAS_BYTES +
      2 * JSON.stringify(actividades).length +
      busqueda.join('').length * 2 +
      json.length * 3 +
      br.length +
      gz.length,
  };
}

/**
 * The dashboard of a view (citizens or the entity's people), from the cache when the entity's data did not
 * change since it was built. The key holds the view, the entity, the vigencia and the period asked for (or
 * «the current one»): an entry is never served to another view, entity, vigencia or period.
 */
export async function entradaTablero(
  db: Db,
  c: {
    vista: VistaTablero;
    entidadId: string;
    vigencia: number;
    numero?: number;
    /** The reader wrote a moment ago (mipg_escrito): the version is read, never remembered. */
    fresca?: boolean;
  },
): Promise<EntradaTablero> {
  const cache = cacheDe(db);
  const generacion = cache.generaciones.get(c.entidadId) ?? 0;
  const dia = hoy();
  const version = cache.compartida ? await versionDe(cache, c.entidadId, c.fresca ?? false) : '';
  const marca = `${dia}|${generacion}|${version}`;
  const clave = `${c.vista}|${c.entidadId}|${c.vigencia}|${c.numero ?? 'vigente'}`;
  const guardada = cache.lru.tomar(clave);
  if (guardada?.marca === marca && guardada.hasta > Date.now()) return guardada.entrada;
  const vuelo = `${clave}|${marca}`;
  const enVuelo = cache.calculando.get(vuelo);
  if (enVuelo) return enVuelo;
  const calculo = construirEntrada(db, c.vista, c.entidadId, c.vigencia, c.numero, dia)
    .then((entrada) => {
      if ((cache.generaciones.get(c.entidadId) ?? 0) === generacion)
        cache.lru.poner(clave, { marca, hasta: Date.now() + EDAD_MAXIMA_MS, entrada }, entrada.bytes);
      return entrada;
    })
    .finally(() => cache.calculando.delete(vuelo));
  cache.calculando.set(vuelo, calculo);
  return calculo;
}

/** The dashboard with every activity (the shape a period's closing freezes); not checked for publication. */
export async function leerTablero(db: Db, entidadId: string, vigencia: number, numero?: number) {
  return (await entradaTablero(db, { vista: 'interno', entidadId, vigencia, numero })).tablero;
}

/** A page of the dashboard's activities, filtered; `total` counts every activity that matches. */
export function paginaActividades(e: EntradaTablero, f: ConsultaActividadesTablero): ActividadesTablero {
  const dependencia = f.dependencia
    ? (e.tablero.dependencias.find((d) => d.id === f.dependencia)?.nombre ?? null)
    : undefined;
  const q = f.q ? normalizarBusqueda(f.q) : '';
  const semaforo = f.semaforo === 'sin_dato' ? null : f.semaforo;
  const lista = e.actividades.filter(
    (a, i) =>
      (!f.politica || a.politica === f.politica) &&
      (dependencia === undefined || (dependencia !== null && a.dependencia === dependencia)) &&
      (f.semaforo === undefined || a.semaforo === semaforo) &&
      (!f.estado || a.estado === f.estado) &&
      (!q || e.busqueda[i]!.includes(q)),
  );
  const desde = (f.pagina - 1) * f.porPagina;
  return {
    total: lista.length,
    pagina: f.pagina,
    porPagina: f.porPagina,
    paginas: Math.max(1, Math.ceil(lista.length / f.porPagina)),
    actividades: lista.slice(desde, desde + f.porPagina),
  };
}

/**
 * Territorial consolidation (a gobernación looking at its municipalities, or a platform serving many
 * entities). At this scale the per-activity part of the rules runs in SQL — avance capped to 0–100 of the
 * annual goal (rule 1), missing report (3), no goal (4), weighted sums per policy (5) — and core finishes
 * with the same functions the dashboard uses. A test holds both paths to the same figures.
 */
export async function consolidarTerritorio(db: Db, vigencia: number, numero: number) {
  const porDefecto = periodosDeVigencia(vigencia, 'trimestral', 10, CALENDARIO_NACIONAL)[numero - 1] ?? {
    inicio: `${vigencia}-01-01`,
    corte: `${vigencia}-12-31`,
  };
  const cuentan = sql.join(
    ESTADOS_QUE_CUENTAN.map((e) => sql`${e}`),
    sql`, `,
  );
  const cuenta = cuentaSql();
  // The cut-off rule (core/periodos.ts) per activity, from its entity's schemes: plan months (mp), the
  // activity's (ma), periods counted at this cut-off and its period due in it (0: none).
  const meses = (esquema: SQL) =>
    sql`(case ${esquema} ${sql.raw(ESQUEMAS_PERIODOS.map((e) => `when '${e}' then ${mesesDe(e)}`).join(' '))} end)`;
  const mp = meses(sql`coalesce(ve.esquema, 'trimestral')`);
  const ma = (a: string) =>
    meses(
      sql`coalesce(ve.esquemas_instrumento ->> ${sql.raw(a)}.plan612, ve.esquemas_instrumento ->> ${sql.raw(a)}.plan_propio, ve.esquema, 'trimestral')`,
    );
  // One activity's row with its reports aggregated, from the plan's own rows or an approved version's. Its
  // scheme's months and periods are worked out once per activity (`k`, kept apart by `offset 0`), not again
  // for each of its reports.
  const porActividad = (fuente: SQL, entidadId: SQL, donde: SQL, grupo: SQL) => sql`
          select ${entidadId} as entidad_id, a.politica, a.dependencia_id, a.ponderacion, a.meta_anual,
                 a.fecha_inicio, a.fecha_fin, a.acumulacion, k.ma = k.mp as del_plan, k.ma, k.propio,
                 ${agregadosSql(cuenta)},
                 bool_or(not (abs(s.valor) <= ${MAXIMO_CIFRA})) filter (where s.estado in (${cuentan})) as fuera,
                 bool_or(s.periodo = k.propio and s.estado not in ('borrador', 'devuelto')) as envio
          from ${fuente}
          left join vigencia_entidad ve on ve.entidad_id = ${entidadId} and ve.vigencia = ${vigencia}
          cross join lateral (
            select m.ma, m.mp, (${numero}::int * m.mp) / m.ma as hasta,
                   case when (${numero}::int * m.mp) / m.ma > ((${numero}::int - 1) * m.mp) / m.ma
                     then (${numero}::int * m.mp) / m.ma else 0 end as propio
            from (select ${ma('a')} as ma, ${mp} as mp offset 0) m offset 0) k
          left join seguimiento s on s.actividad_id = a.id and s.periodo <= k.hasta
          where ${donde}
          group by ${grupo}, k.ma, k.mp, k.hasta, k.propio`;
  // Without JIT: compiling this one-off query's expressions cost PostgreSQL more than it saved (a third of
  // the time in EXPLAIN ANALYZE, 500 entities). `set local` needs a transaction and ends with it.
  const filas = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    // 150.000 activities grouped in memory: with the default 4 MB the aggregation spilled to disk. Only the
    // platform's administrator runs it, one request at a time.
    await tx.execute(sql`set local work_mem = '64MB'`);
    return filasSql<{
      entidad_id: string;
      politica: string;
      dependencia_id: string | null;
      suma_ponderada: number | null;
      suma_pesos: number | null;
      suma_avance: number | null;
      con_avance: number;
      actividades: number;
      sin_reporte: number;
    }>(
      tx,
      sql`with en_curso as (
          -- While a new version is in course the entity's dashboard follows the last approved one
          -- (version-vigente.ts): its activities as approved, with their reports by id.
          select p.id as plan_id, p.entidad_id,
                 (select v.actividades from version_plan v where v.plan_id = p.id and v.version < p.version
                  order by v.version desc limit 1) as actividades
          from plan_accion p
          where p.vigencia = ${vigencia} and p.version > 1 and p.estado in ('borrador', 'enviado')),
        aprobada as (
          select (x ->> 'id')::uuid as id, e.entidad_id, x ->> 'politica' as politica,
                 (x ->> 'dependenciaId')::uuid as dependencia_id, (x ->> 'ponderacion')::float8 as ponderacion,
                 (x ->> 'metaAnual')::float8 as meta_anual, (x ->> 'fechaInicio')::date as fecha_inicio,
                 (x ->> 'fechaFin')::date as fecha_fin, coalesce(x ->> 'acumulacion', 'suma') as acumulacion,
                 x ->> 'plan612' as plan612, x ->> 'planPropio' as plan_propio
          from en_curso e, jsonb_array_elements(e.actividades) x
          where e.actividades is not null),
        r as (
          -- Each activity with its reports, aggregated in one pass. Aggregating the reports apart and joining
          -- them back made PostgreSQL hash 150,000 groups in every parallel worker (bench/plan.ts). Grouped by
          -- the activity's key alone: a wider key spilled the aggregation to disk.
          ${porActividad(
            sql`actividad a join plan_accion p on p.id = a.plan_id`,
            sql`p.entidad_id`,
            sql`p.vigencia = ${vigencia}
              and not exists (select 1 from en_curso e where e.plan_id = p.id and e.actividades is not null)`,
            sql`a.id, p.entidad_id`,
          )}
          union all
          ${porActividad(
            sql`aprobada a`,
            sql`a.entidad_id`,
            sql`true`,
            sql`a.id, a.entidad_id, a.politica, a.dependencia_id, a.ponderacion, a.meta_anual, a.fecha_inicio,
                a.fecha_fin, a.acumulacion, a.plan612, a.plan_propio`,
          )}),
        act as (
          select r.entidad_id, r.politica, r.dependencia_id, greatest(r.ponderacion, 0) as w, r.meta_anual,
                 r.fecha_inicio, r.fecha_fin, r.fuera, r.envio, r.del_plan, r.ma, r.propio,
                 -- The goal type's achievement (core/acumulacion.ts, logradoAcumulado).
                 case r.acumulacion
                   when 'ultimo' then r.ultimo when 'promedio' then r.suma / nullif(r.n, 0) when 'maximo' then r.maximo
                   when 'hito' then case when r.ultimo > 0 then r.meta_anual else 0 end
                   else r.suma end as logrado
          from r),
        evaluada as (
          select a.entidad_id, a.politica, a.dependencia_id, a.w,
                 -- Values out of the input bounds (stored before them) leave no avance, as in core; a goal
                 -- under the finest step would overflow the quotient, which is capped at 100 anyway.
                 case when a.meta_anual > 0 and not coalesce(a.fuera, false)
                   then least(100, greatest(0, coalesce(a.logrado, 0)) / greatest(a.meta_anual, 0.000001) * 100)
                   end as avance,
                 (a.meta_anual > 0
                   and case when a.del_plan then
                     a.fecha_inicio <= coalesce(pe.corte, ${porDefecto.corte}::date)
                     and a.fecha_fin >= coalesce(pe.inicio, ${porDefecto.inicio}::date)
                   else
                     -- An instrument with its own scheme: due only in the period that holds its cut-off.
                     a.propio > 0
                     and a.fecha_inicio < make_date(${vigencia}::int, 1, 1) + make_interval(months => a.propio * a.ma)
                     and a.fecha_fin >= make_date(${vigencia}::int, 1, 1) + make_interval(months => (a.propio - 1) * a.ma)
                   end
                   and not coalesce(a.envio, false)) as sin_reporte
          from act a
          left join periodo pe on pe.entidad_id = a.entidad_id and pe.vigencia = ${vigencia} and pe.numero = ${numero})
        select entidad_id, politica, dependencia_id,
               (sum(w * avance) filter (where avance is not null))::float8 as suma_ponderada,
               (sum(w) filter (where avance is not null))::float8 as suma_pesos,
               sum(avance)::float8 as suma_avance,
               count(avance)::int as con_avance,
               count(*)::int as actividades,
               (count(*) filter (where sin_reporte))::int as sin_reporte
        from evaluada group by entidad_id, politica, dependencia_id`,
    );
  });
  const politicas = await politicasDeVigencia(db, vigencia);
  const entidades = new Map(
    (
      await db
        .select({ id: entidad.id, nombre: entidad.nombre, tipoFormulario: entidad.tipoFormulario })
        .from(entidad)
    ).map((e) => [e.id, e]),
  );
  const modos = new Map(
    (
      await db
        .select({ id: vigenciaEntidad.entidadId, modo: vigenciaEntidad.modoPonderacion })
        .from(vigenciaEntidad)
        .where(eq(vigenciaEntidad.vigencia, vigencia))
    ).map((x) => [x.id, x.modo]),
  );
  const porEntidad = new Map<string, typeof filas>();
  // push, not spread: copying the group on every row made this quadratic (bench/plan.ts, territorial).
  for (const f of filas) {
    const g = porEntidad.get(f.entidad_id);
    if (g) g.push(f);
    else porEntidad.set(f.entidad_id, [f]);
  }
  // The SQL sums per policy and dependencia add up to any level; core's rules finish each one.
  const nivel = (suyas: typeof filas, ponderado: boolean) => {
    const n = suyas.reduce((x, f) => x + f.con_avance, 0);
    const media = n ? suyas.reduce((x, f) => x + (f.suma_avance ?? 0), 0) / n : null;
    if (!ponderado) return media;
    return desdeSumas({
      sumaPonderada: suyas.reduce((x, f) => x + (f.suma_ponderada ?? 0), 0),
      sumaPesos: suyas.reduce((x, f) => x + (f.suma_pesos ?? 0), 0),
      media,
    }).valor;
  };
  const agrupar = (suyas: typeof filas, clave: (f: (typeof filas)[number]) => string) => {
    const grupos = new Map<string, typeof filas>();
    for (const f of suyas) {
      const g = grupos.get(clave(f));
      if (g) g.push(f);
      else grupos.set(clave(f), [f]);
    }
    return grupos;
  };
  // Each entity is averaged over the policies its FURAG form includes, as its own dashboard does; there are
  // a few forms and hundreds of entities, so each form's policies are worked out once.
  const porFormulario = new Map<string, { suyas: typeof politicas; aplican: Set<string> }>();
  const deFormulario = (tipo: TipoFormulario) => {
    let x = porFormulario.get(tipo);
    if (!x) {
      const suyas = politicasAplicables(politicas, tipo);
      x = { suyas, aplican: new Set(suyas.map((p) => p.clave)) };
      porFormulario.set(tipo, x);
    }
    return x;
  };
  return [...porEntidad].map(([id, todas]) => {
    const { suyas: suyasPoliticas, aplican } = deFormulario(entidades.get(id)?.tipoFormulario ?? 'MIPG');
    const suyas = todas.filter((f) => aplican.has(f.politica));
    const modo = modos.get(id) ?? 'politica';
    const porPolitica = agrupar(suyas, (f) => f.politica);
    const avancePolitica = new Map([...porPolitica].map(([clave, g]) => [clave, nivel(g, true)]));
    const { dimensiones, avance } = consolidarDimensiones(
      suyasPoliticas.map((p) => ({ dimension: p.dimension, avance: avancePolitica.get(p.clave) ?? null })),
    );
    const dependencias = [...agrupar(suyas, (f) => f.dependencia_id ?? '').values()].map((g) =>
      nivel(g, modo === 'dependencia'),
    );
    return {
      id,
      nombre: entidades.get(id)?.nombre ?? '',
      avance: avanceDelPlan(modo, { dimensiones: avance, dependencias, plan: nivel(suyas, true) }),
      dimensiones,
      actividades: suyas.reduce((n, f) => n + f.actividades, 0),
      sinReporte: suyas.reduce((n, f) => n + f.sin_reporte, 0),
    };
  });
}

/**
 * A page as bytes, kept with its dashboard: the same question on the same data gives the same bytes, so its
 * tag is strong and a repeated question costs no filtering, serialising or compressing.
 */
export function paginaGuardada(e: EntradaTablero, f: ConsultaActividadesTablero): PaginaGuardada {
  const pregunta = JSON.stringify([
    f.pagina,
    f.porPagina,
    f.politica,
    f.dependencia,
    f.semaforo,
    f.estado,
    f.q,
  ]);
  const guardada = e.paginas.get(pregunta);
  if (guardada) return guardada;
  const json = Buffer.from(JSON.stringify(paginaActividades(e, f)));
  const pagina = {
    etag: `${e.etag.slice(0, -1)}.${createHash('sha256').update(pregunta).digest('base64url').slice(0, 16)}"`,
    json,
  };
  let ocupado = json.length;
  for (const p of e.paginas.values()) ocupado += p.json.length * 2;
  // Oldest first out when the room is full.
  for (const [k, p] of e.paginas) {
    if (ocupado <= PAGINAS_BYTES / 2) break;
    e.paginas.delete(k);
    ocupado -= p.json.length * 2;
  }
  if (json.length <= PAGINAS_BYTES / 4) e.paginas.set(pregunta, pagina);
  return pagina;
}

/** The page's bytes in the encoding asked for, compressed once (below 1 KB they go as they are). */
export function cuerpoPagina(p: PaginaGuardada, codificacion: 'br' | 'gzip' | null) {
  if (!codificacion || p.json.length < 1024) return { cuerpo: p.json, codificacion: null };
  if (codificacion === 'br')
    p.br ??= brotliCompressSync(p.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  else p.gzip ??= gzipSync(p.json, { level: 6 });
  return { cuerpo: (codificacion === 'br' ? p.br : p.gzip)!, codificacion };
}
