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
