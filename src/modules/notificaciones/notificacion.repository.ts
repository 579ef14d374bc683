import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notificacion } from '../../db/schema.ts';

/** In-app notice for the people who must act next; written in the same transaction as the change. */
export async function notificar(
  tx: Db,
  usuarioIds: readonly (string | null | undefined)[],
  entidadId: string,
  texto: string,
  enlace: string,
) {
  const destinos = [...new Set(usuarioIds.filter((u): u is string => !!u))];
  if (destinos.length)
    await tx
      .insert(notificacion)
      .values(destinos.map((usuarioId) => ({ usuarioId, entidadId, texto, enlace })));
}

/** The person's 50 most recent notices and how many are unread. */
export async function misNotificaciones(db: Db, usuarioId: string) {
  const filas = await db
    .select()
    .from(notificacion)
    .where(eq(notificacion.usuarioId, usuarioId))
    .orderBy(desc(notificacion.creadoEn))
    .limit(50);
  return {
    sinLeer: filas.filter((n) => !n.leida).length,
    notificaciones: filas.map((n) => ({
      id: n.id,
      entidadId: n.entidadId,
      texto: n.texto,
      enlace: n.enlace,
      leida: n.leida,
      creadoEn: n.creadoEn.toISOString(),
    })),
  };
}

/** Marks all of the person's notices as read (their own inbox: not an entity's data, so not audited). */
export async function marcarLeidas(db: Db, usuarioId: string) {
  await db
    .update(notificacion)
    .set({ leida: true })
    .where(and(eq(notificacion.usuarioId, usuarioId), eq(notificacion.leida, false)));
}
