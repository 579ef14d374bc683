// What the committees leave in «mis pendientes»: each person's open commitments, and for planeación the
// alert when the CIGD has gone more than three months without following up the plan (Decreto 1499).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Pendiente } from '../../contrato/pendientes.ts';
import { compromisoVencido, seguimientoVencido } from '../../core/comites.ts';
import { fechaCivil } from '../../core/formato.ts';
import type { Db } from '../../db/client.ts';
import { comite, compromisoComite, type planAccion, sesionComite, versionPlan } from '../../db/schema.ts';
import { seguimientosDeLaEntidad } from './comites.service.ts';
import { comiteAprobador, nombreActa } from './sesiones.repository.ts';

const enlaceSesion = (comiteId: string, sesionId: string) => `/comites/${comiteId}/sesiones/${sesionId}`;

/** The person's open commitments in the entity, oldest date first. */
export async function compromisosPendientes(db: Db, usuarioId: string, entidadId: string, hoy: string) {
  const filas = await db
    .select({ k: compromisoComite, s: sesionComite, nombre: comite.nombre })
    .from(compromisoComite)
    .innerJoin(sesionComite, eq(sesionComite.id, compromisoComite.sesionId))
    .innerJoin(comite, eq(comite.id, sesionComite.comiteId))
    .where(
      and(
        eq(compromisoComite.responsableId, usuarioId),
        eq(comite.entidadId, entidadId),
        isNull(compromisoComite.cumplidoEn),
      ),
    )
    .orderBy(asc(compromisoComite.fecha));
  return filas.map(
    ({ k, s, nombre }): Pendiente => ({
      tipo: 'compromiso_comite',
      texto: `Cumplir el compromiso «${k.descripcion}» (${nombre}, ${nombreActa(s)})`,
      enlace: enlaceSesion(s.comiteId, s.id),
      vence: k.fecha,
      vencido: compromisoVencido(k.fecha, hoy),
    }),
  );
}

/**
 * The CIGD's (or the approving body's) follow-up is overdue: more than three months since its last quarterly
 * follow-up, or since the plan's first approval when there was none.
 */
export async function alertaSeguimiento(
  db: Db,
  entidadId: string,
  plan: typeof planAccion.$inferSelect,
  hoy: string,
): Promise<Pendiente | null> {
  // Decreto 1499 gives the follow-up to the CIGD (or the body that approves, where it does it): only an entity
  // that registered its committee here records its follow-ups here, so only it can be told they are late.
  const [cigd] = await db
    .select()
    .from(comite)
    .where(and(eq(comite.entidadId, entidadId), eq(comite.tipo, 'cigd')))
    .orderBy(asc(comite.creadoEn))
    .limit(1);
  const c = cigd ?? (await comiteAprobador(db, entidadId)).comite;
  if (!c) return null;
  const [ultimo] = await seguimientosDeLaEntidad(db, entidadId);
  const [primera] = await db
    .select({ fecha: versionPlan.fechaSesionComite })
    .from(versionPlan)
    .where(eq(versionPlan.planId, plan.id))
    .orderBy(asc(versionPlan.version))
    .limit(1);
  const vencido = seguimientoVencido(ultimo?.fecha ?? null, primera?.fecha ?? plan.fechaSesionComite, hoy);
  if (!vencido) return null;
  return {
    tipo: 'seguimiento_comite',
    texto: `${c.nombre}: sin seguimiento al plan de acción desde el ${fechaCivil(vencido.desde)} (más de tres meses); convoque la sesión de seguimiento trimestral`,
    enlace: `/comites/${c.id}`,
    vence: vencido.vence,
    vencido: true,
  };
}
