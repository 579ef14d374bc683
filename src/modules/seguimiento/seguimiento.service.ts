import { and, asc, eq, inArray } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import { rolesPermiten } from '../../core/roles.ts';
import {
  aCargoDe,
  cifrasSeguimiento,
  type EstadoSeguimiento,
  seguimientoCuenta,
  seguimientoEditable,
} from '../../core/seguimiento.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  evidencia,
  planAccion,
  responsablePolitica,
  rolUsuario,
  seguimiento,
} from '../../db/schema.ts';
import { conflicto, ErrorApi, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../auth/sesion.repository.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';

export type Actividad = typeof actividad.$inferSelect;
export type Seguimiento = typeof seguimiento.$inferSelect;

/** The activity with its plan's vigencia, only if it belongs to the entity. */
export async function actividadDeEntidad(db: Db, entidadId: string, actividadId: string) {
  const [fila] = await db
    .select({ a: actividad, vigencia: planAccion.vigencia })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(actividad.id, actividadId), eq(planAccion.entidadId, entidadId)));
  if (!fila) throw noEncontrado('la actividad en esta entidad');
  return { ...fila.a, vigencia: fila.vigencia };
}

/** The period of the vigencia; a closed period is frozen for every change. */
export async function periodoDe(db: Db, entidadId: string, vigencia: number, numero: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const p = v.periodos.find((x) => x.numero === numero);
  if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
  return p;
}

export function exigirAbierto(p: { nombre: string; cerrado: boolean }) {
  if (p.cerrado)
    throw conflicto(
      `El periodo «${p.nombre}» está cerrado: sus cifras están congeladas. Planeación puede reabrirlo con una justificación.`,
    );
}

/** Who reports: the activity's responsible or its policy's responsible for the vigencia (1.ª línea). */
export async function puedeReportar(
  db: Db,
  u: UsuarioSesion,
  entidadId: string,
  a: Actividad & { vigencia: number },
) {
  if (!rolesPermiten(u.roles.get(entidadId) ?? [], 'seguimiento.reportar')) return false;
  if (aCargoDe(a, u.id)) return true;
  const [r] = await db
    .select()
    .from(responsablePolitica)
    .where(
      and(
        eq(responsablePolitica.entidadId, entidadId),
        eq(responsablePolitica.vigencia, a.vigencia),
        eq(responsablePolitica.politica, a.politica),
        eq(responsablePolitica.usuarioId, u.id),
      ),
    );
  return !!r;
}

export async function exigirReportante(
  db: Db,
  u: UsuarioSesion,
  entidadId: string,
  a: Actividad & { vigencia: number },
) {
  if (!(await puedeReportar(db, u, entidadId, a)))
    throw prohibido(
      'Solo el responsable de la actividad o el responsable de su política puede reportar su seguimiento.',
    );
}

export async function seguimientoDe(db: Db, actividadId: string, periodo: number) {
  const [s] = await db
    .select()
    .from(seguimiento)
    .where(and(eq(seguimiento.actividadId, actividadId), eq(seguimiento.periodo, periodo)));
  return s ?? null;
}

export function exigirEditable(s: Seguimiento) {
  if (!seguimientoEditable(s.estado as EstadoSeguimiento))
    throw conflicto(
      'El reporte ya fue enviado a planeación: solo se puede cambiar si planeación lo devuelve.',
    );
}

export async function evidenciasDe(db: Db, seguimientoIds: string[]) {
  if (!seguimientoIds.length) return [];
  return db
    .select()
    .from(evidencia)
    .where(inArray(evidencia.seguimientoId, seguimientoIds))
    .orderBy(asc(evidencia.creadoEn));
}

/** The people of an entity who hold a role: who gets the notification of a step. */
export async function usuariosConRol(db: Db, entidadId: string, rol: string) {
  const filas = await db
    .select({ usuarioId: rolUsuario.usuarioId })
    .from(rolUsuario)
    .where(and(eq(rolUsuario.entidadId, entidadId), eq(rolUsuario.rol, rol)));
  return filas.map((f) => f.usuarioId);
}

const vista = (s: Seguimiento | undefined, evidencias: (typeof evidencia.$inferSelect)[]) =>
  s
    ? {
        id: s.id,
        estado: s.estado,
        valor: s.valor,
        numerador: s.numerador,
        denominador: s.denominador,
        descripcion: s.descripcion,
        dificultades: s.dificultades,
        tardio: s.tardio,
        observacionesPlaneacion: s.observacionesPlaneacion,
        observacionesControl: s.observacionesControl,
        enviadoEn: s.enviadoEn?.toISOString() ?? null,
        evidencias: evidencias
          .filter((e) => e.seguimientoId === s.id)
          .map((e) => ({
            id: e.id,
            nombre: e.nombre,
            tipo: e.tipo,
            bytes: e.bytes,
            url: e.url,
            creadoEn: e.creadoEn.toISOString(),
          })),
      }
    : null;

/**
 * The follow-up sheet of a period: every activity of the plan with its figures and its report.
 * Other periods count only once accepted; the period shown counts its own report as typed, so the
 * responsible sees the percentages before sending.
 */
export async function hojaSeguimiento(
  db: Db,
  entidadId: string,
  vigencia: number,
  numero: number,
  usuario: UsuarioSesion | null,
  soloActividad?: string,
) {
  const p = await periodoDe(db, entidadId, vigencia, numero);
  const actividades = await db
    .select({ a: actividad })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(
      and(
        eq(planAccion.entidadId, entidadId),
        eq(planAccion.vigencia, vigencia),
        ...(soloActividad ? [eq(actividad.id, soloActividad)] : []),
      ),
    )
    .orderBy(asc(actividad.politica), asc(actividad.codigo));
  // Joins rather than lists of ids: a plan of thousands of activities would send thousands of parameters.
  const delPlan = and(
    eq(planAccion.entidadId, entidadId),
    eq(planAccion.vigencia, vigencia),
    ...(soloActividad ? [eq(actividad.id, soloActividad)] : []),
  );
  const reportes = (
    await db
      .select({ s: seguimiento })
      .from(seguimiento)
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(delPlan)
  ).map((x) => x.s);
  const evidencias = (
    await db
      .select({ e: evidencia })
      .from(evidencia)
      .innerJoin(seguimiento, eq(seguimiento.id, evidencia.seguimientoId))
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(and(delPlan, eq(seguimiento.periodo, numero)))
      .orderBy(asc(evidencia.creadoEn))
  ).map((x) => x.e);
  const politicasPropias = usuario
    ? (
        await db
          .select({ politica: responsablePolitica.politica })
          .from(responsablePolitica)
          .where(
            and(
              eq(responsablePolitica.entidadId, entidadId),
              eq(responsablePolitica.vigencia, vigencia),
              eq(responsablePolitica.usuarioId, usuario.id),
            ),
          )
      ).map((r) => r.politica)
    : [];
  const reporta = !!usuario && rolesPermiten(usuario.roles.get(entidadId) ?? [], 'seguimiento.reportar');
  // Grouped once: filtering the whole list for each activity took a second for 2,000 activities, with the
  // server's only thread blocked (bench/carga.ts).
  const reportesDe = new Map<string, typeof reportes>();
  for (const r of reportes) reportesDe.set(r.actividadId, [...(reportesDe.get(r.actividadId) ?? []), r]);
  const evidenciasDe = new Map<string, typeof evidencias>();
  for (const e of evidencias)
    evidenciasDe.set(e.seguimientoId, [...(evidenciasDe.get(e.seguimientoId) ?? []), e]);
  const filas = actividades.map(({ a }) => {
    const suyos = reportesDe.get(a.id) ?? [];
    const logros = a.metasPeriodo.map((_, i) => {
      const r = suyos.find((x) => x.periodo === i + 1);
      if (!r) return null;
      return seguimientoCuenta(r.estado as EstadoSeguimiento) || i + 1 === numero ? r.valor : null;
    });
    const propio = suyos.find((r) => r.periodo === numero);
    return {
      actividad: {
        id: a.id,
        codigo: a.codigo,
        nombre: a.nombre,
        politica: a.politica,
        producto: a.producto,
        unidad: a.unidad,
        metaAnual: a.metaAnual,
        metasPeriodo: a.metasPeriodo,
        dependenciaId: a.dependenciaId,
        responsableId: a.responsableId,
      },
      cifras: cifrasSeguimiento(a.metaAnual, a.metasPeriodo, logros, numero),
      reporte: vista(propio, (propio && evidenciasDe.get(propio.id)) || []),
      puedeReportar: reporta && (aCargoDe(a, usuario!.id) || politicasPropias.includes(a.politica)),
    };
  });
  return { periodo: p, hoy: hoyEnColombia(), filas };
}

export const mensajeNoReportable = () =>
  new ErrorApi(409, 'No hay un reporte de este periodo: guarde primero el avance.');
