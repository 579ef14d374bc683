// One-time set-password links (table enlace_clave): a random 256-bit token goes to the person, only its
// SHA-256 stays here; a link is taken by one conditional update, so it works once.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { type PropositoEnlace, VIGENCIA_ENLACE_MS } from '../../core/correo.ts';
import type { Db } from '../../db/client.ts';
import { enlaceClave, usuario } from '../../db/schema.ts';
import { ErrorApi } from '../../server/errores.ts';
import { hashToken, tokenAleatorio } from '../../server/sesiones.ts';

export const CAMINO_DEFINIR_CLAVE = '/definir-clave';

export const enlaceInvalido = () =>
  new ErrorApi(
    400,
    'El enlace para definir la contraseña no es válido, ya fue usado o venció. Pida uno nuevo con «¿Olvidó su contraseña?» en la página de ingreso o al administrador de su entidad.',
  );

/**
 * Issues a link for `usuarioId` in `tx` and returns its path; any earlier unused link of the account dies,
 * so only the newest one works.
 */
export async function emitirEnlace(
  tx: Db,
  usuarioId: string,
  correo: string,
  proposito: PropositoEnlace,
  vigenciaMs = VIGENCIA_ENLACE_MS[proposito],
): Promise<string> {
  const ahora = new Date();
  await tx
    .update(enlaceClave)
    .set({ expiraEn: ahora })
    .where(
      and(eq(enlaceClave.usuarioId, usuarioId), isNull(enlaceClave.usadoEn), gt(enlaceClave.expiraEn, ahora)),
    );
  const token = tokenAleatorio();
  await tx.insert(enlaceClave).values({
    id: hashToken(token),
    usuarioId,
    correo,
    proposito,
    expiraEn: new Date(ahora.getTime() + vigenciaMs),
  });
  return `${CAMINO_DEFINIR_CLAVE}?token=${token}`;
}

/** The live link of `token` and its account (active, e-mail unchanged since it was issued), or a 400. */
export async function leerEnlace(db: Db, token: string) {
  const [e] = await db
    .select({
      usuarioId: usuario.id,
      correo: usuario.correo,
      nombre: usuario.nombre,
      proposito: enlaceClave.proposito,
      expiraEn: enlaceClave.expiraEn,
    })
    .from(enlaceClave)
    .innerJoin(usuario, and(eq(usuario.id, enlaceClave.usuarioId), eq(usuario.correo, enlaceClave.correo)))
    .where(
      and(
        eq(enlaceClave.id, hashToken(token)),
        isNull(enlaceClave.usadoEn),
        gt(enlaceClave.expiraEn, new Date()),
        eq(usuario.activo, true),
      ),
    );
  if (!e) throw enlaceInvalido();
  return e;
}

/** Takes the link in `tx` (the loser of two uses gets the 400); returns its account. */
export async function consumirEnlace(tx: Db, token: string) {
  const [e] = await tx
    .update(enlaceClave)
    .set({ usadoEn: new Date() })
    .where(
      and(
        eq(enlaceClave.id, hashToken(token)),
        isNull(enlaceClave.usadoEn),
        gt(enlaceClave.expiraEn, new Date()),
      ),
    )
    .returning({ usuarioId: enlaceClave.usuarioId, correo: enlaceClave.correo });
  if (!e) throw enlaceInvalido();
  return e;
}
