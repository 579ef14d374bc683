import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actividad, evidencia, periodo, planAccion, seguimiento } from '../../db/schema.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { exigirAbierto, exigirEditable, vistaEvidencia } from './seguimiento.service.ts';

/** Enough for any report (actas, listas, fotos); a bound so one report cannot fill the store. */
export const MAX_EVIDENCIAS_POR_REPORTE = 50;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Locks the report (FOR UPDATE) and its period (FOR SHARE) until the transaction ends, then checks that
 * the report is still editable and the period open. A concurrent send for review (a conditional update of
 * the report) or period closing (an update of the period) waits for this transaction, or has already
 * committed and is seen here: an evidence never changes on a report that was sent or in a closed period.
 * Transitions take the period first, then the report; the reverse order here cannot deadlock with them
 * because both hold the period only FOR SHARE, and closing (the one FOR UPDATE on it) locks no report.
 */
async function bloquearReporteEditable(tx: Tx, seguimientoId: string) {
  const [s] = await tx.select().from(seguimiento).where(eq(seguimiento.id, seguimientoId)).for('update');
  if (!s) throw noEncontrado('el reporte de la evidencia');
  const [p] = await tx
    .select({ nombre: periodo.nombre, cerrado: periodo.cerrado })
    .from(periodo)
    .innerJoin(
      planAccion,
      and(eq(planAccion.entidadId, periodo.entidadId), eq(planAccion.vigencia, periodo.vigencia)),
    )
    .innerJoin(actividad, eq(actividad.planId, planAccion.id))
    .where(and(eq(actividad.id, s.actividadId), eq(periodo.numero, s.periodo)))
    .for('share', { of: periodo });
  // A vigencia whose periods were never saved shows its default proposal, open (see leerVigencia).
  if (p) exigirAbierto(p);
  exigirEditable(s);
  return s;
}

/**
 * Adds an evidence to a report, within the bound and once: the same file (by hash) or link (by URL)
 * sent again answers the evidence already attached (`nueva: false`), so a retried or doubled upload
 * neither fails nor duplicates.
 */
export async function agregarEvidencia(
  db: Db,
  actor: Actor,
  contexto: { entidadId: string; codigoActividad: string; seguimientoId: string; usuarioId: string },
  datos: { nombre: string; hash?: string; tipo?: string; bytes?: number; url?: string },
) {
  return db.transaction(async (tx) => {
    const s = await bloquearReporteEditable(tx, contexto.seguimientoId);
    const existentes = await tx
      .select()
      .from(evidencia)
      .where(eq(evidencia.seguimientoId, s.id))
      .orderBy(asc(evidencia.creadoEn));
    const igual = existentes.find((e) => (datos.hash ? e.hash === datos.hash : e.url === datos.url));
    if (igual) return { evidencia: vistaEvidencia(igual), nueva: false };
    if (existentes.length >= MAX_EVIDENCIAS_POR_REPORTE)
      throw conflicto(
        `El reporte ya tiene ${MAX_EVIDENCIAS_POR_REPORTE} evidencias, el máximo permitido. Quite alguna o reúna varias en un ZIP.`,
      );
    const [e] = await tx
      .insert(evidencia)
      .values({ ...datos, seguimientoId: s.id, creadoPor: contexto.usuarioId })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId: contexto.entidadId,
      accion: 'agregar_evidencia',
      recurso: 'seguimiento',
      recursoId: s.id,
      despues: { actividad: contexto.codigoActividad, periodo: s.periodo, ...vistaEvidencia(e!) },
    });
    return { evidencia: vistaEvidencia(e!), nueva: true };
  });
}

/**
 * Removes an evidence in one transaction with the report locked: of two simultaneous removals one
 * deletes and the other finds nothing (404); a report sent or a period closed meanwhile refuses (409).
 * The file stays in the store: another report may share it, and the audit log still names its hash.
 */
export async function quitarEvidencia(
  db: Db,
  actor: Actor,
  entidadId: string,
  e: Pick<typeof evidencia.$inferSelect, 'id' | 'seguimientoId'>,
) {
  await db.transaction(async (tx) => {
    const s = await bloquearReporteEditable(tx, e.seguimientoId);
    const [quitada] = await tx
      .delete(evidencia)
      .where(and(eq(evidencia.id, e.id), eq(evidencia.seguimientoId, s.id)))
      .returning();
    if (!quitada) throw noEncontrado('la evidencia (ya fue quitada del reporte)');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'quitar_evidencia',
      recurso: 'seguimiento',
      recursoId: s.id,
      antes: vistaEvidencia(quitada),
    });
  });
}
