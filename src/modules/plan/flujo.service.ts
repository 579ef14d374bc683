import { and, asc, eq } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  type AccionPlan,
  mensajePlanCambiado,
  problemaFechaSesion,
  transicionPlan,
} from '../../core/flujo-plan.ts';
import type { Rol } from '../../core/roles.ts';
import { type ActividadVersion, compararVersiones } from '../../core/versiones.ts';
import type { Db } from '../../db/client.ts';
import { planAccion, versionPlan } from '../../db/schema.ts';
import { conflicto, ErrorApi, invalido, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { type Correo, encolarAviso } from '../correo/correo.service.ts';
import { notificar } from '../notificaciones/notificacion.repository.ts';
import { usuariosConRol } from '../seguimiento/seguimiento.service.ts';
import { actividadesDe, planDe, resumenPlan } from './plan.service.ts';

// Who must act after each step: the committee studies what was sent; planning adjusts what came back or
// carries out what was approved.
const AVISO_PLAN: Partial<Record<AccionPlan, { rol: Rol; texto: (v: number) => string }>> = {
  enviar: {
    rol: 'alta_direccion',
    texto: (v) => `El plan de acción ${v} fue enviado al comité para su aprobación`,
  },
  devolver: {
    rol: 'planeacion',
    texto: (v) => `El comité devolvió el plan de acción ${v} con observaciones`,
  },
  aprobar: { rol: 'planeacion', texto: (v) => `El comité aprobó el plan de acción ${v}` },
};

type Plan = typeof planAccion.$inferSelect;

export interface CuerpoPaso {
  observaciones?: string;
  fechaSesionComite?: string;
  actaComite?: string;
}

/** The plan read before a conditional update that matched nothing: someone else moved it first. */
async function planCambiado(tx: Db, entidadId: string, vigencia: number) {
  const ahora = await planDe(tx, entidadId, vigencia);
  return conflicto(mensajePlanCambiado(ahora?.estado ?? 'borrado', ahora?.version ?? 0));
}

/**
 * Changes the plan only if it is still in the state and version just read: of two clicks at once only the
 * first matches; the other gets a 409 and writes nothing. The row stays locked until commit, and activity
 * edits hold it (for share), so a send waits for an edit in course and an edit after it sees it sent.
 */
async function cambiarSiSigueIgual(
  tx: Db,
  entidadId: string,
  vigencia: number,
  plan: Plan,
  cambios: Partial<typeof planAccion.$inferInsert>,
) {
  const [hecho] = await tx
    .update(planAccion)
    .set(cambios)
    .where(
      and(
        eq(planAccion.id, plan.id),
        eq(planAccion.estado, plan.estado),
        eq(planAccion.version, plan.version),
      ),
    )
    .returning();
  if (!hecho) throw await planCambiado(tx, entidadId, vigencia);
  return hecho;
}

/** One step of the approval workflow (core/flujo-plan.ts), with its audit entry, in one transaction. */
export async function cambiarEstadoPlan(
  db: Db,
  actor: Actor,
  accion: AccionPlan,
  entidadId: string,
  vigencia: number,
  cuerpo: CuerpoPaso,
  servicioCorreo: Correo | null = null,
) {
  if (accion === 'aprobar' && cuerpo.fechaSesionComite) {
    const problema = problemaFechaSesion(cuerpo.fechaSesionComite, vigencia, hoyEnColombia());
    if (problema) throw invalido('fechaSesionComite', problema);
  }
  await db.transaction(async (tx) => {
    const plan = await planDe(tx, entidadId, vigencia);
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    const t = transicionPlan(plan.estado, accion);
    if (!t.ok) throw conflicto(t.mensaje);
    await cambiarSiSigueIgual(tx, entidadId, vigencia, plan, {
      estado: t.hacia,
      ...(accion === 'devolver' ? { observaciones: cuerpo.observaciones } : {}),
      ...(accion === 'aprobar'
        ? {
            fechaSesionComite: cuerpo.fechaSesionComite,
            actaComite: cuerpo.actaComite,
            observaciones: null,
          }
        : {}),
    });
    if (accion === 'enviar') {
      // Read with the plan already held: these are exactly the activities the committee receives,
      // and every policy's weights must add up to 100 %.
      const { actividades, ponderaciones } = await resumenPlan(tx, entidadId, vigencia);
      if (!actividades.length) throw conflicto('El plan no tiene actividades.');
      const malas = ponderaciones.filter((p) => !p.ok);
      if (malas.length)
        throw new ErrorApi(
          409,
          `Antes de enviar, corrija las ponderaciones: ${malas.map((p) => p.mensaje).join(' ')}`,
        );
    }
    if (accion === 'aprobar')
      // Every approved version is kept whole, so any two can be compared later.
      await tx.insert(versionPlan).values({
        planId: plan.id,
        version: plan.version,
        justificacion: plan.justificacion,
        fechaSesionComite: cuerpo.fechaSesionComite,
        actaComite: cuerpo.actaComite,
        actividades: (await actividadesDe(tx, plan.id)).map(({ creadoEn: _c, planId: _p, ...a }) => a),
      });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion,
      recurso: 'plan',
      recursoId: `${vigencia}:v${plan.version}`,
      antes: { estado: plan.estado },
      despues: { estado: t.hacia, ...cuerpo },
    });
    const aviso = AVISO_PLAN[accion];
    if (aviso) {
      const personas = (await usuariosConRol(tx, entidadId, aviso.rol)).filter((u) => u !== actor.usuarioId);
      const texto = `${aviso.texto(vigencia)}${accion === 'devolver' && cuerpo.observaciones ? `: «${cuerpo.observaciones.slice(0, 140)}»` : '.'}`;
      const enlace = `/plan?vigencia=${vigencia}`;
      await notificar(tx, personas, entidadId, texto, enlace);
      await encolarAviso(
        tx,
        servicioCorreo,
        personas,
        `MIPG: ${aviso.texto(vigencia).toLowerCase()}`,
        accion === 'devolver' && cuerpo.observaciones
          ? `${aviso.texto(vigencia)}.\n\nObservaciones: ${cuerpo.observaciones}`
          : `${aviso.texto(vigencia)}.`,
        enlace,
      );
    }
  });
  return resumenPlan(db, entidadId, vigencia);
}

/** Opens a new version of an approved or published plan: back to borrador, to be approved again. */
export async function abrirNuevaVersion(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  justificacion: string,
) {
  await db.transaction(async (tx) => {
    const plan = await planDe(tx, entidadId, vigencia);
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    if (plan.estado !== 'aprobado' && plan.estado !== 'publicado')
      throw conflicto(`Solo un plan aprobado o publicado abre una nueva versión; este está ${plan.estado}.`);
    await cambiarSiSigueIgual(tx, entidadId, vigencia, plan, {
      version: plan.version + 1,
      estado: 'borrador',
      justificacion,
      observaciones: null,
      fechaSesionComite: null,
      actaComite: null,
    });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'nueva_version',
      recurso: 'plan',
      recursoId: `${vigencia}:v${plan.version + 1}`,
      antes: { version: plan.version, estado: plan.estado },
      despues: { version: plan.version + 1, estado: 'borrador', justificacion },
    });
  });
  return resumenPlan(db, entidadId, vigencia);
}

/** The approved versions of the plan, with their justification, committee session and acta. */
export async function versionesAprobadas(db: Db, entidadId: string, vigencia: number) {
  const plan = await planDe(db, entidadId, vigencia);
  if (!plan) return [];
  const filas = await db
    .select()
    .from(versionPlan)
    .where(eq(versionPlan.planId, plan.id))
    .orderBy(asc(versionPlan.version));
  return filas.map((v) => ({
    version: v.version,
    justificacion: v.justificacion,
    fechaSesionComite: v.fechaSesionComite,
    actaComite: v.actaComite,
    aprobadoEn: v.aprobadoEn.toISOString(),
    actividades: (v.actividades as unknown[]).length,
  }));
}

/** Differences between two versions (the one in progress, not yet approved, can be compared too). */
export async function compararVersionesPlan(
  db: Db,
  entidadId: string,
  vigencia: number,
  desde: number,
  hasta: number,
) {
  const plan = await planDe(db, entidadId, vigencia);
  if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
  const guardadas = await db.select().from(versionPlan).where(eq(versionPlan.planId, plan.id));
  const actividadesDeVersion = async (n: number) => {
    const v = guardadas.find((x) => x.version === n);
    if (v) return v.actividades as ActividadVersion[];
    if (n === plan.version)
      return (await actividadesDe(db, plan.id)).map(({ creadoEn: _c, planId: _p, ...a }) => a);
    throw noEncontrado(`la versión ${n} del plan de ${vigencia}`);
  };
  return {
    desde,
    hasta,
    ...compararVersiones(await actividadesDeVersion(desde), await actividadesDeVersion(hasta)),
  };
}
