import { and, asc, eq, sql } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  type ActividadConsolidable,
  consolidar,
  consolidarDimensiones,
  desdeSumas,
} from '../../core/consolidacion.ts';
import { MAXIMO_CIFRA } from '../../core/numeros.ts';
import { periodosDeVigencia } from '../../core/periodos.ts';
import { ESTADOS_SEGUIMIENTO, seguimientoCuenta } from '../../core/seguimiento.ts';
import { type EstadoActividad, estadoActividad, type NivelSemaforo } from '../../core/semaforo.ts';
import { type Db, filas as filasSql } from '../../db/client.ts';
import { cortePeriodo, dependencia, dimension, entidad, periodo } from '../../db/schema.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';
import { bloquearPeriodo, leerVigencia } from '../vigencias/vigencia.service.ts';

const sumaHasta = (xs: readonly number[], n: number) => xs.slice(0, n).reduce((a, b) => a + b, 0);

/** The default cut-off: the latest period whose cut-off date has passed (the first one before that). */
export function periodoVigente(periodos: { numero: number; corte: string }[], hoy: string) {
  const pasados = periodos.filter((p) => p.corte <= hoy);
  return (pasados.at(-1) ?? periodos[0])!.numero;
}

interface FilaCifras {
  id: string;
  politica: string;
  dependencia_id: string | null;
  ponderacion: number;
  meta_anual: number;
  metas_periodo: number[];
  fecha_inicio: string;
  fecha_fin: string;
  logrado: number;
  estado_actual: string | null;
  codigo: string;
  nombre: string;
  tardio_actual: boolean | null;
}

const ESTADOS_QUE_CUENTAN = ESTADOS_SEGUIMIENTO.filter(seguimientoCuenta);

/**
 * Every activity of the entity's plan with its accepted figures up to the cut-off and its report of that
 * period, in one query. A value stored before the input bounds (1e308, Infinity) would overflow the sum in
 * the database: the activity's figure is then NaN, which the consolidation turns into «sin dato». Rows come back as one JSON array: the embedded database spends most of its time
 * converting row by row, not computing.
 */
async function cifrasPorActividad(db: Db, vigencia: number, numero: number, entidadId: string) {
  const cuentan = sql.join(
    ESTADOS_QUE_CUENTAN.map((e) => sql`${e}`),
    sql`, `,
  );
  const [fila] = await filasSql<{ j: string | null }>(
    db,
    sql`select json_agg(json_build_object(
          'id', a.id, 'politica', a.politica, 'dependencia_id', a.dependencia_id,
          'ponderacion', a.ponderacion, 'meta_anual', a.meta_anual, 'metas_periodo', a.metas_periodo,
          'fecha_inicio', a.fecha_inicio, 'fecha_fin', a.fecha_fin, 'logrado', r.logrado,
          'estado_actual', r.estado_actual, 'codigo', a.codigo, 'nombre', a.nombre,
          'tardio_actual', r.tardio_actual) order by a.codigo)::text as j
        from actividad a
        join plan_accion p on p.id = a.plan_id
        left join lateral (
          select case when bool_or(not (abs(s.valor) <= ${MAXIMO_CIFRA})) filter (where s.estado in (${cuentan}))
                   then 'NaN'::float8
                   else coalesce(sum(s.valor) filter (where s.estado in (${cuentan})
                     and abs(s.valor) <= ${MAXIMO_CIFRA}), 0)::float8 end as logrado,
                 max(s.estado) filter (where s.periodo = ${numero}) as estado_actual,
                 bool_or(s.tardio) filter (where s.periodo = ${numero}) as tardio_actual
          from seguimiento s where s.actividad_id = a.id and s.periodo <= ${numero}) r on true
        where p.vigencia = ${vigencia} and p.entidad_id = ${entidadId}`,
  );
  return fila?.j ? (JSON.parse(fila.j) as FilaCifras[]) : [];
}

/** The activity as the consolidation rules see it; `periodo` bounds decide whether a report was due. */
function consolidable(f: FilaCifras, numero: number, periodo: { inicio: string; corte: string }) {
  const debia = f.fecha_inicio <= periodo.corte && f.fecha_fin >= periodo.inicio;
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
      planeadoAlCorte: sumaHasta(f.metas_periodo, numero),
      logradoAlCorte: Number(f.logrado),
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
  const [politicas, dimensiones, filas, dependencias] = await Promise.all([
    politicasDeVigencia(db, vigencia),
    db.select().from(dimension).where(eq(dimension.vigencia, vigencia)).orderBy(asc(dimension.orden)),
    cifrasPorActividad(db, vigencia, numero, entidadId),
    db
      .select({ id: dependencia.id, nombre: dependencia.nombre })
      .from(dependencia)
      .where(eq(dependencia.entidadId, entidadId)),
  ]);
  const nombreDependencia = new Map(dependencias.map((d) => [d.id, d.nombre]));
  const detalle = filas.map((f) => ({ f, ...consolidable(f, numero, p) }));
  const consolidables = detalle.map((d) => d.actividad);
  const c = consolidar(consolidables, politicas, v.semaforo);

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
  const listado = detalle.map(({ f: a, debia, envio }, i) => {
    const r = c.actividades[i]!;
    const estado = estadoActividad(
      {
        reportoUltimoPeriodo: envio,
        avance: r.avanceReal,
        cumplimiento: r.cumplimiento,
        iniciada: a.fecha_inicio <= p.corte,
        debiaReportar: debia && (p.cerrado || hoy > p.cierra),
      },
      v.semaforo,
    );
    estados[estado]++;
    semaforo[r.semaforo ?? 'sinDato']++;
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
      despues: { cerrado: true, avance: datos.avance, sinReporte: datos.sinReporte },
    });
    return foto;
  });
  invalidarTablero(entidadId);
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
  invalidarTablero(entidadId);
}

// Dashboards are read far more than figures change (citizens, committee sessions). A computed dashboard is
// kept until the entity writes anything through this server (see `invalidarTablero`) or for 30 s at most,
// the bound on staleness when several servers share one PostgreSQL.
const VIGENCIA_CACHE_MS = 30_000;
const cache = new Map<string, { expira: number; datos: Tablero }>();
// Bumped on every write: a dashboard computed while a write was landing is not kept.
const generaciones = new Map<string, number>();
// Dashboards being computed, by cache key and generation.
const calculando = new Map<string, Promise<Tablero>>();

/** Every write of an entity (plan, reports, periods…) drops its cached dashboards. */
export function invalidarTablero(entidadId: string) {
  generaciones.set(entidadId, (generaciones.get(entidadId) ?? 0) + 1);
  for (const clave of cache.keys()) if (clave.startsWith(`${entidadId}:`)) cache.delete(clave);
}

/** A closed period answers with its frozen figures; an open one is computed (or taken from the cache). */
export async function leerTablero(db: Db, entidadId: string, vigencia: number, numero?: number) {
  const hoy = hoyEnColombia();
  const generacion = generaciones.get(entidadId) ?? 0;
  const claveSinPeriodo = `${entidadId}:${vigencia}:${hoy}`;
  if (numero !== undefined) {
    const guardado = cache.get(`${claveSinPeriodo}:${numero}`);
    if (guardado && guardado.expira > Date.now()) return guardado.datos;
  }
  const v = await leerVigencia(db, entidadId, vigencia);
  const n = numero ?? periodoVigente(v.periodos, hoy);
  const clave = `${claveSinPeriodo}:${n}`;
  const guardado = cache.get(clave);
  if (guardado && guardado.expira > Date.now()) return guardado.datos;
  // Single flight: readers asking for the same dashboard while it is being computed share that computation
  // (after a write, dozens of open dashboards would otherwise recompute it at once). Keyed by generation: a
  // request that starts after a write never joins a computation that started before it.
  const vuelo = `${clave}:${generacion}`;
  const enVuelo = calculando.get(vuelo);
  if (enVuelo) return enVuelo;
  const calculo = (async () => {
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
    const datos =
      corte && v.periodos.find((p) => p.numero === n)?.cerrado
        ? { ...(corte.datos as Tablero), congelado: true }
        : await calcularTablero(db, entidadId, vigencia, n);
    if (cache.size > 500) cache.clear(); // a bound, not a policy: a server holds a few entities' dashboards
    if ((generaciones.get(entidadId) ?? 0) === generacion)
      cache.set(clave, { expira: Date.now() + VIGENCIA_CACHE_MS, datos });
    return datos;
  })().finally(() => calculando.delete(vuelo));
  calculando.set(vuelo, calculo);
  return calculo;
}

/**
 * Territorial consolidation (a gobernación looking at its municipalities, or a platform serving many
 * entities). At this scale the per-activity part of the rules runs in SQL — avance capped to 0–100 of the
 * annual goal (rule 1), missing report (3), no goal (4), weighted sums per policy (5) — and core finishes
 * with the same functions the dashboard uses. A test holds both paths to the same figures.
 */
export async function consolidarTerritorio(db: Db, vigencia: number, numero: number) {
  const porDefecto = periodosDeVigencia(vigencia, 'trimestral')[numero - 1] ?? {
    inicio: `${vigencia}-01-01`,
    corte: `${vigencia}-12-31`,
  };
  const cuentan = sql.join(
    ESTADOS_QUE_CUENTAN.map((e) => sql`${e}`),
    sql`, `,
  );
  const filas = await filasSql<{
    entidad_id: string;
    politica: string;
    suma_ponderada: number | null;
    suma_pesos: number | null;
    media: number | null;
    actividades: number;
    sin_reporte: number;
  }>(
    db,
    sql`with r as (
          select s.actividad_id,
                 sum(s.valor) filter (where s.estado in (${cuentan}) and abs(s.valor) <= ${MAXIMO_CIFRA}) as logrado,
                 bool_or(not (abs(s.valor) <= ${MAXIMO_CIFRA})) filter (where s.estado in (${cuentan})) as fuera,
                 bool_or(s.periodo = ${numero} and s.estado not in ('borrador', 'devuelto')) as envio
          from seguimiento s
          join actividad a2 on a2.id = s.actividad_id
          join plan_accion p2 on p2.id = a2.plan_id
          where p2.vigencia = ${vigencia} and s.periodo <= ${numero}
          group by s.actividad_id),
        act as (
          select p.entidad_id, a.politica, greatest(a.ponderacion, 0) as w,
                 -- Values out of the input bounds (stored before them) leave no avance, as in core; a goal
                 -- under the finest step would overflow the quotient, which is capped at 100 anyway.
                 case when a.meta_anual > 0 and not coalesce(r.fuera, false)
                   then least(100, greatest(0, coalesce(r.logrado, 0)) / greatest(a.meta_anual, 0.000001) * 100)
                   end as avance,
                 (a.meta_anual > 0
                   and a.fecha_inicio <= coalesce(pe.corte, ${porDefecto.corte}::date)
                   and a.fecha_fin >= coalesce(pe.inicio, ${porDefecto.inicio}::date)
                   and not coalesce(r.envio, false)) as sin_reporte
          from actividad a
          join plan_accion p on p.id = a.plan_id
          left join r on r.actividad_id = a.id
          left join periodo pe on pe.entidad_id = p.entidad_id and pe.vigencia = p.vigencia and pe.numero = ${numero}
          where p.vigencia = ${vigencia})
        select entidad_id, politica,
               (sum(w * avance) filter (where avance is not null))::float8 as suma_ponderada,
               (sum(w) filter (where avance is not null))::float8 as suma_pesos,
               avg(avance)::float8 as media,
               count(*)::int as actividades,
               (count(*) filter (where sin_reporte))::int as sin_reporte
        from act group by entidad_id, politica`,
  );
  const politicas = await politicasDeVigencia(db, vigencia);
  const nombres = new Map(
    (await db.select({ id: entidad.id, nombre: entidad.nombre }).from(entidad)).map((e) => [e.id, e.nombre]),
  );
  const porEntidad = new Map<string, typeof filas>();
  for (const f of filas) porEntidad.set(f.entidad_id, [...(porEntidad.get(f.entidad_id) ?? []), f]);
  return [...porEntidad].map(([id, suyas]) => {
    const avancePolitica = new Map(
      suyas.map((f) => [
        f.politica,
        desdeSumas({ sumaPonderada: f.suma_ponderada ?? 0, sumaPesos: f.suma_pesos ?? 0, media: f.media })
          .valor,
      ]),
    );
    const { dimensiones, avance } = consolidarDimensiones(
      politicas.map((p) => ({ dimension: p.dimension, avance: avancePolitica.get(p.clave) ?? null })),
    );
    return {
      id,
      nombre: nombres.get(id) ?? '',
      avance,
      dimensiones,
      actividades: suyas.reduce((n, f) => n + f.actividades, 0),
      sinReporte: suyas.reduce((n, f) => n + f.sin_reporte, 0),
    };
  });
}
