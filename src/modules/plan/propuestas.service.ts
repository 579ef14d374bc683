import { and, asc, count, eq } from 'drizzle-orm';
import type { ActividadEntrada } from '../../contrato/plan.ts';
import {
  type EstadoPropuesta,
  MAXIMO_PROPUESTAS_PENDIENTES,
  mensajePropuestaResuelta,
  planAceptaPropuestas,
} from '../../core/propuestas.ts';
import type { Db } from '../../db/client.ts';
import { propuestaActividad, responsablePolitica, usuario } from '../../db/schema.ts';
import { sostenerTope } from '../../db/tope.ts';
import { conflicto, ErrorApi, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { notificar } from '../notificaciones/notificacion.repository.ts';
import { usuariosConRol } from '../seguimiento/seguimiento.service.ts';
import type { OrigenActividad } from './origenes.service.ts';
import { insertarActividad, planDe, validarActividad } from './plan.service.ts';

type Fila = typeof propuestaActividad.$inferSelect;

const vista = (p: Fila, autor: string) => ({
  id: p.id,
  politica: p.politica,
  estado: p.estado,
  autor: { id: p.autorId, nombre: autor },
  datos: p.datos as ActividadEntrada,
  motivo: p.motivo,
  actividadId: p.actividadId,
  recomendacionId: p.recomendacionId,
  autodiagnosticoId: p.autodiagnosticoId,
  autodiagnosticoItem: p.autodiagnosticoItem,
  creadoEn: p.creadoEn.toISOString(),
});

const enlace = (vigencia: number) => `/plan?vigencia=${vigencia}`;

/** The proposals of the vigencia, oldest first, with their author's name. */
export async function listarPropuestas(db: Db, entidadId: string, vigencia: number) {
  const filas = await db
    .select({ p: propuestaActividad, autor: usuario.nombre })
    .from(propuestaActividad)
    .innerJoin(usuario, eq(usuario.id, propuestaActividad.autorId))
    .where(and(eq(propuestaActividad.entidadId, entidadId), eq(propuestaActividad.vigencia, vigencia)))
    .orderBy(asc(propuestaActividad.creadoEn));
  return filas.map(({ p, autor }) => vista(p, autor));
}

/** Only the responsible of the policy in this vigencia proposes its activities. */
async function exigirResponsableDe(
  db: Db,
  usuarioId: string,
  entidadId: string,
  vigencia: number,
  politica: string,
) {
  const [r] = await db
    .select({ politica: responsablePolitica.politica })
    .from(responsablePolitica)
    .where(
      and(
        eq(responsablePolitica.entidadId, entidadId),
        eq(responsablePolitica.vigencia, vigencia),
        eq(responsablePolitica.politica, politica),
        eq(responsablePolitica.usuarioId, usuarioId),
      ),
    );
  if (!r)
    throw new ErrorApi(
      403,
      `Usted no es responsable de esta política en ${vigencia}: solo propone actividades de las suyas.`,
      [{ campo: 'politica', mensaje: 'elija una política de la que usted es responsable' }],
    );
}

async function exigirPlanAbierto(db: Db, entidadId: string, vigencia: number) {
  const plan = await planDe(db, entidadId, vigencia, 'share');
  if (!planAceptaPropuestas(plan))
    throw conflicto(
      `El plan de ${vigencia} está ${plan!.estado}: ya no recibe propuestas. Hable con planeación si hace falta una nueva versión.`,
    );
}

async function nombreDe(db: Db, id: string) {
  const [u] = await db.select({ nombre: usuario.nombre }).from(usuario).where(eq(usuario.id, id));
  return u?.nombre ?? '';
}

/** A proposal that answers a recommendation or an autodiagnóstico gap (origenes.service.ts). */
export interface OrigenPropuesta extends OrigenActividad {
  /** Planeación proposes for any policy; the 1.ª línea only for the policies it is responsible for. */
  deCualquierPolitica: boolean;
}

/** A responsible de política drafts an activity of their policy; planeación hears of it. */
export async function proponerActividad(
  db: Db,
  actor: Actor & { usuarioId: string },
  entidadId: string,
  vigencia: number,
  entrada: ActividadEntrada,
  origen?: OrigenPropuesta,
) {
  if (!origen?.deCualquierPolitica)
    await exigirResponsableDe(db, actor.usuarioId, entidadId, vigencia, entrada.politica);
  await validarActividad(db, entidadId, vigencia, entrada);
  return db.transaction(async (tx) => {
    await origen?.sostener(tx);
    await exigirPlanAbierto(tx, entidadId, vigencia);
    await sostenerTope(tx, 'propuestas_pendientes', `${entidadId}:${vigencia}:${actor.usuarioId}`);
    const [pendientes] = await tx
      .select({ n: count() })
      .from(propuestaActividad)
      .where(
        and(
          eq(propuestaActividad.entidadId, entidadId),
          eq(propuestaActividad.vigencia, vigencia),
          eq(propuestaActividad.autorId, actor.usuarioId),
          eq(propuestaActividad.estado, 'pendiente'),
        ),
      );
    if (Number(pendientes?.n ?? 0) >= MAXIMO_PROPUESTAS_PENDIENTES)
      throw conflicto(
        `Usted ya tiene ${MAXIMO_PROPUESTAS_PENDIENTES} propuestas pendientes en el plan ${vigencia}, el máximo: espere a que planeación las incorpore o descarte, o corrija una de ellas.`,
      );
    const [p] = await tx
      .insert(propuestaActividad)
      .values({
        entidadId,
        vigencia,
        politica: entrada.politica,
        autorId: actor.usuarioId,
        datos: entrada,
        recomendacionId: origen?.recomendacionId ?? null,
        autodiagnosticoId: origen?.brecha?.autodiagnosticoId ?? null,
        autodiagnosticoItem: origen?.brecha?.item ?? null,
      })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'proponer',
      recurso: 'propuesta',
      recursoId: p!.id,
      despues: {
        codigo: entrada.codigo,
        nombre: entrada.nombre,
        politica: entrada.politica,
        ...(origen?.recomendacionId && { recomendacionId: origen.recomendacionId }),
        ...(origen?.brecha && {
          autodiagnosticoId: origen.brecha.autodiagnosticoId,
          autodiagnosticoItem: origen.brecha.item,
        }),
      },
    });
    const autor = await nombreDe(tx, actor.usuarioId);
    await notificar(
      tx,
      await usuariosConRol(tx, entidadId, 'planeacion'),
      entidadId,
      `${autor} propuso la actividad ${entrada.codigo} «${entrada.nombre.slice(0, 80)}» para el plan ${vigencia}.`,
      enlace(vigencia),
    );
    return vista(p!, autor);
  });
}

/**
 * Changes a proposal only while it is pending, and only by its author: the conditional update makes the
 * loser of a race with planeación's decision get a 409.
 */
export async function corregirPropuesta(
  db: Db,
  actor: Actor & { usuarioId: string },
  entidadId: string,
  vigencia: number,
  propuestaId: string,
  entrada: ActividadEntrada,
) {
  const antes = await propuestaDe(db, entidadId, vigencia, propuestaId);
  if (antes.autorId !== actor.usuarioId)
    throw new ErrorApi(403, 'Solo quien hizo la propuesta la corrige; planeación la edita al incorporarla.');
  await exigirResponsableDe(db, actor.usuarioId, entidadId, vigencia, entrada.politica);
  await validarActividad(db, entidadId, vigencia, entrada);
  return db.transaction(async (tx) => {
    await exigirPlanAbierto(tx, entidadId, vigencia);
    const p = await resolverSiPendiente(tx, antes, { politica: entrada.politica, datos: entrada });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'actualizar',
      recurso: 'propuesta',
      recursoId: p.id,
      antes: antes.datos,
      despues: entrada,
    });
    return vista(p, await nombreDe(tx, p.autorId));
  });
}

async function propuestaDe(db: Db, entidadId: string, vigencia: number, propuestaId: string) {
  const [p] = await db
    .select()
    .from(propuestaActividad)
    .where(
      and(
        eq(propuestaActividad.id, propuestaId),
        eq(propuestaActividad.entidadId, entidadId),
        eq(propuestaActividad.vigencia, vigencia),
      ),
    );
  if (!p) throw noEncontrado(`la propuesta en el plan de ${vigencia} de esta entidad`);
  return p;
}

/** The conditional update of a pending proposal; a proposal already decided answers 409. */
async function resolverSiPendiente(
  tx: Db,
  p: Fila,
  cambios: Partial<typeof propuestaActividad.$inferInsert>,
) {
  const [hecha] = await tx
    .update(propuestaActividad)
    .set(cambios)
    .where(and(eq(propuestaActividad.id, p.id), eq(propuestaActividad.estado, 'pendiente')))
    .returning();
  if (!hecha) {
    const [ahora] = await tx
      .select({ estado: propuestaActividad.estado })
      .from(propuestaActividad)
      .where(eq(propuestaActividad.id, p.id));
    throw conflicto(mensajePropuestaResuelta((ahora?.estado ?? 'descartada') as EstadoPropuesta));
  }
  return hecha;
}

/**
 * Planeación incorporates a proposal into the plan in borrador, as it came or edited: the activity keeps
 * the proposal's author (`propuestaPor`), and the proposal points to it. One transaction: of two clicks
 * one incorporates and the other gets a 409.
 */
export async function incorporarPropuesta(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  propuestaId: string,
  edicion: ActividadEntrada | undefined,
) {
  const p = await propuestaDe(db, entidadId, vigencia, propuestaId);
  const entrada = edicion ?? (p.datos as ActividadEntrada);
  await validarActividad(db, entidadId, vigencia, entrada);
  return db.transaction(async (tx) => {
    // Claimed first: the loser of a race stops here, before touching the plan.
    await resolverSiPendiente(tx, p, { estado: 'incorporada', resueltaPor: actor.usuarioId });
    const a = await insertarActividad(tx, actor, entidadId, vigencia, entrada, {
      propuestaPor: p.autorId,
      recomendacionId: p.recomendacionId,
      brecha:
        p.autodiagnosticoId && p.autodiagnosticoItem
          ? { autodiagnosticoId: p.autodiagnosticoId, item: p.autodiagnosticoItem }
          : null,
    });
    const [hecha] = await tx
      .update(propuestaActividad)
      .set({ actividadId: a.id })
      .where(eq(propuestaActividad.id, p.id))
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'incorporar',
      recurso: 'propuesta',
      recursoId: p.id,
      antes: { estado: 'pendiente' },
      despues: { estado: 'incorporada', actividadId: a.id, codigo: a.codigo, editada: !!edicion },
    });
    await notificar(
      tx,
      [p.autorId],
      entidadId,
      `Planeación incorporó al plan ${vigencia} su propuesta ${a.codigo} «${a.nombre.slice(0, 80)}».`,
      enlace(vigencia),
    );
    return vista(hecha!, await nombreDe(tx, p.autorId));
  });
}

/** Planeación sets a proposal aside, saying why; the author hears of it. */
export async function descartarPropuesta(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  propuestaId: string,
  motivo: string,
) {
  const p = await propuestaDe(db, entidadId, vigencia, propuestaId);
  return db.transaction(async (tx) => {
    const hecha = await resolverSiPendiente(tx, p, {
      estado: 'descartada',
      motivo,
      resueltaPor: actor.usuarioId,
    });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'descartar',
      recurso: 'propuesta',
      recursoId: p.id,
      antes: { estado: 'pendiente' },
      despues: { estado: 'descartada', motivo },
    });
    const datos = p.datos as ActividadEntrada;
    await notificar(
      tx,
      [p.autorId],
      entidadId,
      `Planeación no incorporó su propuesta ${datos.codigo} al plan ${vigencia}: «${motivo.slice(0, 140)}».`,
      enlace(vigencia),
    );
    return vista(hecha, await nombreDe(tx, p.autorId));
  });
}
