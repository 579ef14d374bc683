// What the public page reads besides the dashboard: the entities for their addresses, the contact data, the
// plans a citizen may see and the published plan's activities. One query per need.

import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Acumulacion } from '../../core/acumulacion.ts';
import { NOMBRE_ORGANO } from '../../core/entidad.ts';
import { visibleAlPublico } from '../../core/flujo-plan.ts';
import type { Db } from '../../db/client.ts';
import { actividad, dependencia, dimension, entidad, planAccion, versionPlan } from '../../db/schema.ts';

/** Every entity with what its slug is made of (the list is bounded: a platform serves thousands at most). */
export function entidadesParaSlug(db: Db) {
  return db
    .select({
      id: entidad.id,
      nombre: entidad.nombre,
      sigla: entidad.sigla,
      nit: entidad.nit,
      creadoEn: entidad.creadoEn,
    })
    .from(entidad);
}

export async function contactoEntidad(db: Db, id: string) {
  const [e] = await db
    .select({
      id: entidad.id,
      nombre: entidad.nombre,
      sigla: entidad.sigla,
      nit: entidad.nit,
      dv: entidad.dv,
      direccion: entidad.direccion,
      municipio: entidad.municipio,
      departamento: entidad.departamento,
      telefono: entidad.telefono,
      correo: entidad.correo,
      sitioWeb: entidad.sitioWeb,
      horarioAtencion: entidad.horarioAtencion,
      logo: entidad.logo,
    })
    .from(entidad)
    .where(eq(entidad.id, id));
  return e;
}

export type ContactoEntidad = NonNullable<Awaited<ReturnType<typeof contactoEntidad>>>;

/** The entity's plans a citizen may see (same rule as the dashboard's public read), newest year first. */
export async function planesVisibles(db: Db, entidadId: string) {
  const planes = await db
    .select({
      id: planAccion.id,
      vigencia: planAccion.vigencia,
      estado: planAccion.estado,
      version: planAccion.version,
      fechaPublicacion: planAccion.fechaPublicacion,
    })
    .from(planAccion)
    .where(eq(planAccion.entidadId, entidadId))
    .orderBy(desc(planAccion.vigencia), desc(planAccion.version));
  const porVigencia = new Map<number, (typeof planes)[number]>();
  for (const p of planes) if (!porVigencia.has(p.vigencia)) porVigencia.set(p.vigencia, p);
  return [...porVigencia.values()].filter(visibleAlPublico);
}

export type PlanVisible = Awaited<ReturnType<typeof planesVisibles>>[number];

export interface ActividadPlan {
  id: string;
  codigo: string;
  nombre: string;
  politica: string;
  producto: string;
  unidad: string;
  metaAnual: number;
  acumulacion: Acumulacion;
  metasPeriodo: number[];
  fechaInicio: string;
  fechaFin: string;
  dependenciaId: string | null;
}

/**
 * The activities of the version a citizen may see. A published plan is its own rows. A plan whose new
 * version is in course (borrador, enviado, or approved and not yet published) shows the last version
 * approved before it, as the committee approved it (version_plan): the edits in course never show.
 */
export async function actividadesVisibles(db: Db, plan: PlanVisible) {
  let lista: ActividadPlan[];
  if (plan.estado === 'publicado') {
    lista = await db
      .select({
        id: actividad.id,
        codigo: actividad.codigo,
        nombre: actividad.nombre,
        politica: actividad.politica,
        producto: actividad.producto,
        unidad: actividad.unidad,
        metaAnual: actividad.metaAnual,
        acumulacion: actividad.acumulacion,
        metasPeriodo: actividad.metasPeriodo,
        fechaInicio: actividad.fechaInicio,
        fechaFin: actividad.fechaFin,
        dependenciaId: actividad.dependenciaId,
      })
      .from(actividad)
      .where(eq(actividad.planId, plan.id))
      .orderBy(asc(actividad.codigo));
  } else {
    const [v] = await db
      .select({ actividades: versionPlan.actividades })
      .from(versionPlan)
      .where(and(eq(versionPlan.planId, plan.id), lt(versionPlan.version, plan.version)))
      .orderBy(desc(versionPlan.version))
      .limit(1);
    lista = ((v?.actividades ?? []) as ActividadPlan[]).sort((a, b) =>
      a.codigo < b.codigo ? -1 : a.codigo > b.codigo ? 1 : 0,
    );
  }
  const ids = [...new Set(lista.map((a) => a.dependenciaId).filter((x): x is string => !!x))];
  const nombres = ids.length
    ? await db
        .select({ id: dependencia.id, nombre: dependencia.nombre })
        .from(dependencia)
        .where(inArray(dependencia.id, ids))
    : [];
  const nombre = new Map(nombres.map((d) => [d.id, d.nombre]));
  return {
    version: plan.estado === 'publicado' ? plan.version : plan.version - 1,
    actividades: lista.map((a) => ({
      ...a,
      // A version approved before goal types existed added its periods up.
      acumulacion: a.acumulacion ?? 'suma',
      dependencia: a.dependenciaId ? (nombre.get(a.dependenciaId) ?? null) : null,
    })),
  };
}

/** Names of the vigencia's dimensions, in their fixed order. */
export function dimensionesDeVigencia(db: Db, vigencia: number) {
  return db
    .select({ codigo: dimension.codigo, nombre: dimension.nombre })
    .from(dimension)
    .where(eq(dimension.vigencia, vigencia))
    .orderBy(asc(dimension.orden));
}

/** Who approved the version a citizen sees, the act that adopted it, and where the plan was published. */
export async function aprobacionVisible(db: Db, entidadId: string, plan: PlanVisible) {
  const version = plan.estado === 'publicado' ? plan.version : plan.version - 1;
  const [[v], [p], [e]] = await Promise.all([
    db
      .select()
      .from(versionPlan)
      .where(and(eq(versionPlan.planId, plan.id), eq(versionPlan.version, version))),
    db
      .select({ fecha: planAccion.fechaPublicacion, url: planAccion.urlPublicacion })
      .from(planAccion)
      .where(eq(planAccion.id, plan.id)),
    db.select({ organo: entidad.organoAprobacion }).from(entidad).where(eq(entidad.id, entidadId)),
  ]);
  return {
    planId: plan.id,
    version,
    organo: NOMBRE_ORGANO[e?.organo ?? 'cigd'],
    acto:
      v?.tipoActo && v.numeroActo && v.fechaActo
        ? { tipo: v.tipoActo, numero: v.numeroActo, fecha: v.fechaActo, pdf: !!v.actoHash }
        : null,
    fechaPublicacion: p?.fecha ?? null,
    urlPublicacion: p?.url ?? null,
  };
}
