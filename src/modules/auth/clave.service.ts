// Setting a password with a one-time link, and asking for one ("¿Olvidó su contraseña?").
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { RESTABLECER_POR_HORA, VIGENCIA_ENLACE_MS } from '../../core/correo.ts';
import type { Db } from '../../db/client.ts';
import { enlaceClave, usuario } from '../../db/schema.ts';
import { cerrarSesionesDe } from '../../server/sesiones.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { type Correo, encolarCorreos } from '../correo/correo.service.ts';
import { mensajeRestablecer } from '../correo/mensajes.ts';
import {
  buscarPorCorreo,
  exigirClaveValida,
  hashClave,
  normalizarCorreo,
} from '../usuarios/usuario.service.ts';
import { consumirEnlace, emitirEnlace, enlaceInvalido, leerEnlace } from './enlace.repository.ts';
import { desbloquear } from './intento.repository.ts';

/** What the set-password page shows before the person types: whose account, and why. */
export async function consultarEnlace(db: Db, token: string) {
  const e = await leerEnlace(db, token);
  return { nombre: e.nombre, correo: e.correo, proposito: e.proposito, expiraEn: e.expiraEn };
}

/**
 * Sets the password of the link's account: the link is taken by the same transaction (a second use, or a
 * race, gets 400), the account is unlocked and every session it had is closed.
 */
export async function definirClave(db: Db, ip: string, token: string, clave: string) {
  const previo = await leerEnlace(db, token);
  // Checked before taking the link: a password that breaks the rules does not burn it.
  exigirClaveValida(clave, previo.correo);
  const claveHash = await hashClave(clave);
  await db.transaction(async (tx) => {
    const e = await consumirEnlace(tx, token);
    const [u] = await tx
      .update(usuario)
      .set({ claveHash, debeCambiarClave: false })
      .where(and(eq(usuario.id, e.usuarioId), eq(usuario.correo, e.correo), eq(usuario.activo, true)))
      .returning({ id: usuario.id, correo: usuario.correo });
    if (!u) throw enlaceInvalido();
    await desbloquear(tx, u.correo);
    await cerrarSesionesDe(tx, u.id);
    await registrarAuditoria(
      tx,
      { usuarioId: u.id, correo: u.correo, ip },
      { entidadId: null, accion: 'definir_clave', recurso: 'usuario', recursoId: u.id },
    );
  });
}

/**
 * "¿Olvidó su contraseña?": the caller always gets the same answer. An active account gets a link by e-mail,
 * at most RESTABLECER_POR_HORA an hour whoever asks; an unknown e-mail, or e-mail switched off, gets nothing.
 * The old password keeps working until the link is used, so asking cannot lock anyone out.
 */
export async function solicitarRestablecimiento(db: Db, correo: Correo | null, ip: string, email: string) {
  if (!correo) return;
  const u = await buscarPorCorreo(db, normalizarCorreo(email));
  if (!u?.activo) return;
  await db.transaction(async (tx) => {
    // The account's row serialises two requests, so the hourly cap holds under a race.
    await tx.execute(sql`select 1 from usuario where id = ${u.id} for update`);
    const [recientes] = await tx
      .select({ n: count() })
      .from(enlaceClave)
      .where(
        and(
          eq(enlaceClave.usuarioId, u.id),
          eq(enlaceClave.proposito, 'restablecer'),
          gt(enlaceClave.creadoEn, new Date(Date.now() - 60 * 60 * 1000)),
        ),
      );
    if ((recientes?.n ?? 0) >= RESTABLECER_POR_HORA) return;
    const camino = await emitirEnlace(tx, u.id, u.correo, 'restablecer');
    await encolarCorreos(tx, correo, [
      mensajeRestablecer(correo, {
        destinatario: u.correo,
        nombre: u.nombre,
        camino,
        vigenciaMs: VIGENCIA_ENLACE_MS.restablecer,
        porAdministrador: false,
      }),
    ]);
    await registrarAuditoria(
      tx,
      { usuarioId: null, correo: null, ip },
      { entidadId: null, accion: 'solicitar_restablecimiento', recurso: 'usuario', recursoId: u.id },
    );
  });
}
