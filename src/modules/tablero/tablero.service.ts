import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import { type ActividadConsolidable, consolidar } from '../../core/consolidacion.ts';
import { periodosDeVigencia } from '../../core/periodos.ts';
import { ESTADOS_SEGUIMIENTO, type EstadoSeguimiento, seguimientoCuenta } from '../../core/seguimiento.ts';
import { type EstadoActividad, estadoActividad, type NivelSemaforo } from '../../core/semaforo.ts';
import { type Db, filas as filasSql } from '../../db/client.ts';
import {
  actividad,
  cortePeriodo,
  dependencia,
  dimension,
  entidad,
  planAccion,
  seguimiento,
} from '../../db/schema.ts';
import { noEncontrado } from '../../server/errores.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';

const sumaHasta = (xs: readonly number[], n: number) => xs.slice(0, n).reduce((a, b) => a + b, 0);

/** The default cut-off: the latest period whose cut-off date has passed (the first one before that). */
export function periodoVigente(periodos: { numero: number; corte: string }[], hoy: string) {
  const pasados = periodos.filter((p) => p.corte <= hoy);
  return (pasados.at(-1) ?? periodos[0])!.numero;
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
    db
      .select({ a: actividad })
      .from(actividad)
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)))
      .orderBy(asc(actividad.codigo)),
    db
      .select({ id: dependencia.id, nombre: dependencia.nombre })
      .from(dependencia)
      .where(eq(dependencia.entidadId, entidadId)),
  ]);
  const actividades = filas.map((f) => f.a);
  const reportes = actividades.length
    ? await db
        .select({
          actividadId: seguimiento.actividadId,
          periodo: seguimiento.periodo,
          valor: seguimiento.valor,
          estado: seguimiento.estado,
          tardio: seguimiento.tardio,
        })
        .from(seguimiento)
        .where(
          and(
            eq(seguimiento.entidadId, entidadId),
            lte(seguimiento.periodo, numero),
            inArray(
              seguimiento.actividadId,
              actividades.map((a) => a.id),
            ),
          ),
        )
    : [];
  const porActividad = new Map<string, typeof reportes>();
  for (const r of reportes) porActividad.set(r.actividadId, [...(porActividad.get(r.actividadId) ?? []), r]);
  const nombreDependencia = new Map(dependencias.map((d) => [d.id, d.nombre]));

  const consolidables: ActividadConsolidable[] = [];
  const detalle = actividades.map((a) => {
    const suyos = porActividad.get(a.id) ?? [];
    const contados = suyos.filter((r) => seguimientoCuenta(r.estado as EstadoSeguimiento));
    const actual = suyos.find((r) => r.periodo === numero);
    // Due: the activity runs during the period. Sent: anything past borrador/devuelto.
    const debia = a.fechaInicio <= p.corte && a.fechaFin >= p.inicio;
    const envio = !!actual && actual.estado !== 'borrador' && actual.estado !== 'devuelto';
    consolidables.push({
      id: a.id,
      politica: a.politica,
      dependencia: a.dependenciaId,
      ponderacion: a.ponderacion,
      metaAnual: a.metaAnual,
      planeadoAlCorte: sumaHasta(a.metasPeriodo, numero),
      logradoAlCorte: contados.reduce((s, r) => s + r.valor, 0),
      reporto: !debia || envio,
    });
    return { a, actual, debia, envio };
  });
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
  const listado = detalle.map(({ a, actual, debia, envio }, i) => {
    const r = c.actividades[i]!;
    const estado = estadoActividad(
      {
        reportoUltimoPeriodo: envio,
        avance: r.avanceReal,
        cumplimiento: r.cumplimiento,
        iniciada: a.fechaInicio <= p.corte,
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
      dependencia: a.dependenciaId ? (nombreDependencia.get(a.dependenciaId) ?? null) : null,
      avance: r.avance,
      cumplimiento: r.cumplimiento,
      semaforo: r.semaforo,
      estado,
      reporte: actual?.estado ?? null,
      tardio: actual?.tardio ?? false,
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

/** A closed period answers with its frozen figures; an open one is computed now. */
export async function leerTablero(db: Db, entidadId: string, vigencia: number, numero?: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const n = numero ?? periodoVigente(v.periodos, hoyEnColombia());
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
  if (corte && v.periodos.find((p) => p.numero === n)?.cerrado)
    return { ...(corte.datos as Tablero), congelado: true };
  return calcularTablero(db, entidadId, vigencia, n);
}

const ESTADOS_QUE_CUENTAN = ESTADOS_SEGUIMIENTO.filter(seguimientoCuenta);

/**
 * Territorial consolidation (a gobernación looking at its municipalities, or a platform serving many
 * entities): one set-based query for every activity's accepted figures, then the same `consolidar` rules
 * per entity. Entities without a plan in the vigencia are left out.
 */
export async function consolidarTerritorio(db: Db, vigencia: number, numero: number, entidadIds?: string[]) {
  const filtro = entidadIds
    ? sql`and p.entidad_id in (${sql.join(
        entidadIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const cuentan = sql.join(
    ESTADOS_QUE_CUENTAN.map((e) => sql`${e}`),
    sql`, `,
  );
  const filas = await filasSql<{
    entidad_id: string;
    nombre: string;
    id: string;
    politica: string;
    dependencia_id: string | null;
    ponderacion: number;
    meta_anual: number;
    metas_periodo: number[];
    fecha_inicio: string;
    fecha_fin: string;
    inicio: string | null;
    corte: string | null;
    logrado: number;
    envio: boolean | null;
  }>(
    db,
    sql`select p.entidad_id, e.nombre, a.id, a.politica, a.dependencia_id, a.ponderacion, a.meta_anual,
          a.metas_periodo, a.fecha_inicio::text, a.fecha_fin::text, pe.inicio::text, pe.corte::text,
          coalesce(sum(s.valor) filter (where s.estado in (${cuentan})), 0)::float8 as logrado,
          bool_or(s.periodo = ${numero} and s.estado not in ('borrador', 'devuelto')) as envio
        from actividad a
        join plan_accion p on p.id = a.plan_id
        join entidad e on e.id = p.entidad_id
        left join periodo pe on pe.entidad_id = p.entidad_id and pe.vigencia = p.vigencia and pe.numero = ${numero}
        left join seguimiento s on s.actividad_id = a.id and s.periodo <= ${numero}
        where p.vigencia = ${vigencia} ${filtro}
        group by p.entidad_id, e.nombre, a.id, pe.inicio, pe.corte`,
  );
  const politicas = await politicasDeVigencia(db, vigencia);
  const porDefecto = periodosDeVigencia(vigencia, 'trimestral')[numero - 1];
  const porEntidad = new Map<string, { nombre: string; actividades: ActividadConsolidable[] }>();
  for (const f of filas) {
    const inicio = f.inicio ?? porDefecto?.inicio ?? `${vigencia}-01-01`;
    const corte = f.corte ?? porDefecto?.corte ?? `${vigencia}-12-31`;
    const debia = f.fecha_inicio <= corte && f.fecha_fin >= inicio;
    const e = porEntidad.get(f.entidad_id) ?? { nombre: f.nombre, actividades: [] };
    e.actividades.push({
      id: f.id,
      politica: f.politica,
      dependencia: f.dependencia_id,
      ponderacion: f.ponderacion,
      metaAnual: f.meta_anual,
      planeadoAlCorte: sumaHasta(f.metas_periodo, numero),
      logradoAlCorte: Number(f.logrado),
      reporto: !debia || !!f.envio,
    });
    porEntidad.set(f.entidad_id, e);
  }
  return [...porEntidad].map(([id, { nombre, actividades }]) => {
    const c = consolidar(actividades, politicas);
    return {
      id,
      nombre,
      avance: c.avance,
      dimensiones: c.dimensiones,
      actividades: actividades.length,
      sinReporte: c.sinReporte,
    };
  });
}
