import { hash, verify } from '@node-rs/argon2';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { problemasClave } from '../../core/clave.ts';
import { VIGENCIA_ENLACE_MS } from '../../core/correo.ts';
import { gestionaCredenciales, MENSAJE_CUENTA_AJENA } from '../../core/cuentas.ts';
import type { Rol } from '../../core/roles.ts';
import { esRol, NOMBRE_ROL } from '../../core/roles.ts';
import { type Db, filas } from '../../db/client.ts';
import { entidad, invitacion, rolUsuario, usuario } from '../../db/schema.ts';
import { invalido, noEncontrado, prohibido } from '../../server/errores.ts';
import { cerrarSesionesDe, tokenAleatorio } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { emitirEnlace } from '../auth/enlace.repository.ts';
import { desbloquear } from '../auth/intento.repository.ts';
import { type Correo, encolarAviso, encolarCorreos } from '../correo/correo.service.ts';
import { mensajeBienvenida, mensajeRestablecer } from '../correo/mensajes.ts';
import { notificar } from '../notificaciones/notificacion.repository.ts';

export const hashClave = (clave: string) => hash(clave);
export const verificarClave = (hashGuardado: string, clave: string) =>
  verify(hashGuardado, clave).catch(() => false);

// Verified when the e-mail is unknown, so a wrong address costs the same time as a wrong password.
let hashFicticio: Promise<string> | undefined;
export const hashDeRelleno = () => {
  hashFicticio ??= hash('clave-de-relleno-0');
  return hashFicticio;
};

export function exigirClaveValida(clave: string, correo: string, campo = 'clave') {
  const problemas = problemasClave(clave, correo);
  if (problemas.length) throw invalido(campo, `la contraseña ${problemas.join(', ')}.`);
}

export const normalizarCorreo = (correo: string) => correo.trim().toLowerCase();

export async function buscarPorCorreo(db: Db, correo: string) {
  const [u] = await db
    .select()
    .from(usuario)
    .where(eq(usuario.correo, normalizarCorreo(correo)));
  return u;
}

export interface DatosAcceso {
  nombre: string;
  correo: string;
  cargo?: string | null;
  roles: Rol[];
  /** Only for the demo: a known password instead of a set-password link. */
  claveFija?: string;
}

/**
 * A new account: `enlace` is the set-password link's path when it must be handed over by the administrator
 * (e-mail off); with e-mail on it went by e-mail only and `enlace` is null.
 */
export type ResultadoAcceso =
  | { tipo: 'creada'; id: string; enlace: string | null; correoEnviado: boolean }
  | { tipo: 'roles'; id: string }
  | { tipo: 'invitacion'; invitacionId: string; roles: Rol[] };

/** A password nobody knows: the account works only once its owner sets one with the link. */
export const claveInutilizable = () => hashClave(tokenAleatorio());

/**
 * A new e-mail gets an account and a one-time link to set the password (by e-mail, or handed over by the
 * administrator when e-mail is off). An existing person who already works in the
 * entity gets the roles; anyone else gets an invitation that takes effect only when they accept it, and the
 * answer says nothing about them (no id, name or change to their account).
 */
export async function darAcceso(
  db: Db,
  actor: Actor,
  entidadId: string,
  d: DatosAcceso,
  servicioCorreo: Correo | null = null,
): Promise<ResultadoAcceso> {
  const correo = normalizarCorreo(d.correo);
  const existente = await buscarPorCorreo(db, correo);
  if (existente)
    return await rolesOInvitacion(db, actor, entidadId, existente.id, correo, d.roles, servicioCorreo);
  const claveHash = d.claveFija ? await hashClave(d.claveFija) : await claveInutilizable();
  return db.transaction((tx) =>
    crearCuenta(tx, actor, entidadId, { ...d, correo }, servicioCorreo, claveHash),
  );
}

/**
 * A new account with its roles and its set-password link, inside the caller's transaction (`tx`): one person
 * from «Dar acceso», or every row of an import at once.
 */
export async function crearCuenta(
  tx: Db,
  actor: Actor,
  entidadId: string,
  d: DatosAcceso,
  servicioCorreo: Correo | null,
  claveHash: string,
): Promise<Extract<ResultadoAcceso, { tipo: 'creada' }>> {
  const correo = normalizarCorreo(d.correo);
  const [nuevo] = await tx
    .insert(usuario)
    .values({ nombre: d.nombre, correo, cargo: d.cargo ?? null, claveHash })
    .returning({ id: usuario.id });
  await tx
    .insert(rolUsuario)
    .values(d.roles.map((rol) => ({ usuarioId: nuevo!.id, entidadId, rol })))
    .onConflictDoNothing();
  await registrarAuditoria(tx, actor, {
    entidadId,
    accion: 'crear',
    recurso: 'usuario',
    recursoId: nuevo!.id,
    despues: { nombre: d.nombre, correo, cargo: d.cargo ?? null, roles: d.roles },
  });
  if (d.claveFija) return { tipo: 'creada', id: nuevo!.id, enlace: null, correoEnviado: false };
  const camino = await emitirEnlace(tx, nuevo!.id, correo, 'invitacion');
  const [ent] = await tx.select({ nombre: entidad.nombre }).from(entidad).where(eq(entidad.id, entidadId));
  const enviado = await encolarCorreos(
    tx,
    servicioCorreo,
    servicioCorreo
      ? [
          mensajeBienvenida(servicioCorreo, {
            destinatario: correo,
            nombre: d.nombre,
            entidad: ent?.nombre ?? 'Su entidad',
            camino,
          }),
        ]
      : [],
  );
  return { tipo: 'creada', id: nuevo!.id, enlace: enviado ? null : camino, correoEnviado: enviado };
}

/**
 * The administrator's reset: the old password stops working, the account is unlocked, its sessions close,
 * and a one-time link (72 h, as for a new person) goes by e-mail or, with e-mail off, back to the caller.
 */
export async function restablecerClave(
  db: Db,
  actor: Actor,
  gestor: { adminPlataforma: boolean },
  entidadId: string,
  usuarioId: string,
  servicioCorreo: Correo | null,
) {
  const claveHash = await claveInutilizable();
  return db.transaction(async (tx) => {
    await exigirCuentaGestionable(tx, gestor, entidadId, usuarioId);
    const [u] = await tx
      .update(usuario)
      .set({ claveHash, debeCambiarClave: false })
      .where(eq(usuario.id, usuarioId))
      .returning({ correo: usuario.correo, nombre: usuario.nombre });
    await desbloquear(tx, u!.correo);
    await cerrarSesionesDe(tx, usuarioId);
    const vigenciaMs = VIGENCIA_ENLACE_MS.invitacion;
    const camino = await emitirEnlace(tx, usuarioId, u!.correo, 'restablecer', vigenciaMs);
    const enviado = await encolarCorreos(
      tx,
      servicioCorreo,
      servicioCorreo
        ? [
            mensajeRestablecer(servicioCorreo, {
              destinatario: u!.correo,
              nombre: u!.nombre,
              camino,
              vigenciaMs,
              porAdministrador: true,
            }),
          ]
        : [],
    );
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'restablecer_clave',
      recurso: 'usuario',
      recursoId: usuarioId,
      despues: { enlacePor: enviado ? 'correo' : 'pantalla' },
    });
    return { enlaceClave: enviado ? null : camino, correoEnviado: enviado };
  });
}

async function rolesOInvitacion(
  db: Db,
  actor: Actor,
  entidadId: string,
  usuarioId: string,
  correo: string,
  roles: Rol[],
  servicioCorreo: Correo | null,
): Promise<ResultadoAcceso> {
  return db.transaction(async (tx) => {
    const [miembro] = await tx
      .select({ u: rolUsuario.usuarioId })
      .from(rolUsuario)
      .where(and(eq(rolUsuario.usuarioId, usuarioId), eq(rolUsuario.entidadId, entidadId)))
      .limit(1);
    if (miembro) {
      await tx
        .insert(rolUsuario)
        .values(roles.map((rol) => ({ usuarioId, entidadId, rol })))
        .onConflictDoNothing();
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'asignar_roles',
        recurso: 'usuario',
        recursoId: usuarioId,
        despues: { roles },
      });
      return { tipo: 'roles', id: usuarioId };
    }
    // Inviting again adds the new roles to the pending invitation; the same invitation again changes nothing
    // and notifies nobody (else any entity could flood a person's notices).
    const [inv] = await tx
      .insert(invitacion)
      .values({ entidadId, usuarioId, correo, roles, invitadoPor: actor.usuarioId })
      .onConflictDoUpdate({
        target: [invitacion.entidadId, invitacion.usuarioId],
        set: {
          roles: sql`(select jsonb_agg(distinct r) from jsonb_array_elements_text(${invitacion.roles} || excluded.roles) r)`,
          invitadoPor: actor.usuarioId,
        },
        setWhere: sql`not (${invitacion.roles} @> excluded.roles)`,
      })
      .returning({ id: invitacion.id, roles: invitacion.roles });
    if (!inv) {
      const [igual] = await tx
        .select({ id: invitacion.id, roles: invitacion.roles })
        .from(invitacion)
        .where(and(eq(invitacion.entidadId, entidadId), eq(invitacion.usuarioId, usuarioId)));
      return { tipo: 'invitacion', invitacionId: igual!.id, roles: igual!.roles };
    }
    const [ent] = await tx.select({ nombre: entidad.nombre }).from(entidad).where(eq(entidad.id, entidadId));
    const texto = `${ent?.nombre ?? 'Una entidad'} le invita a participar con los roles: ${inv!.roles.map(nombreRol).join(', ')}. Acepte o rechace la invitación en su página de inicio.`;
    await notificar(tx, [usuarioId], entidadId, texto, '/');
    await encolarAviso(
      tx,
      servicioCorreo,
      [usuarioId],
      `Invitación de ${ent?.nombre ?? 'una entidad'} en MIPG Abierto`,
      texto,
      '/',
    );
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'invitar',
      recurso: 'invitacion',
      recursoId: inv!.id,
      despues: { correo, roles: inv!.roles },
    });
    return { tipo: 'invitacion', invitacionId: inv!.id, roles: inv!.roles };
  });
}

const nombreRol = (r: string) => (esRol(r) ? NOMBRE_ROL[r] : r);

/** Pending invitations addressed to a person, with the inviting entity's name. */
export function invitacionesDe(db: Db, usuarioId: string) {
  return db
    .select({
      id: invitacion.id,
      entidadId: invitacion.entidadId,
      entidad: entidad.nombre,
      roles: invitacion.roles,
      creadoEn: invitacion.creadoEn,
    })
    .from(invitacion)
    .innerJoin(entidad, eq(entidad.id, invitacion.entidadId))
    .where(eq(invitacion.usuarioId, usuarioId))
    .orderBy(invitacion.creadoEn);
}

/** The invited person answers; the invitation is taken in the same statement, so it is answered only once. */
export async function responderInvitacion(
  db: Db,
  actor: Actor & { usuarioId: string },
  invitacionId: string,
  acepta: boolean,
) {
  return db.transaction(async (tx) => {
    // Serialised with credential changes, which hold this row (exigirCuentaGestionable).
    await tx.execute(sql`select 1 from usuario where id = ${actor.usuarioId} for update`);
    const [inv] = await tx
      .delete(invitacion)
      .where(and(eq(invitacion.id, invitacionId), eq(invitacion.usuarioId, actor.usuarioId)))
      .returning();
    if (!inv) throw noEncontrado('la invitación (ya fue respondida o retirada)');
    if (acepta)
      await tx
        .insert(rolUsuario)
        .values(inv.roles.map((rol) => ({ usuarioId: actor.usuarioId, entidadId: inv.entidadId, rol })))
        .onConflictDoNothing();
    await registrarAuditoria(tx, actor, {
      entidadId: inv.entidadId,
      accion: acepta ? 'aceptar' : 'rechazar',
      recurso: 'invitacion',
      recursoId: inv.id,
      despues: { roles: inv.roles },
    });
    return { entidadId: inv.entidadId, roles: acepta ? inv.roles : [] };
  });
}

/**
 * Entities an account belongs to or is invited to: a pending invitation counts, or an entity could reset the
 * password of its own member and then accept, as that person, another entity's invitation.
 */
export const entidadesDeCuenta = (usuarioId: SQL | string) =>
  sql`array(select r.entidad_id::text from rol_usuario r where r.usuario_id = ${usuarioId}
            union select i.entidad_id::text from invitacion i where i.usuario_id = ${usuarioId})`;

/**
 * Throws 403 unless `actor` may change this person's password, e-mail or active state (core/cuentas.ts).
 * Inside the change's transaction: the account's row stays locked, so accepting an invitation (which locks
 * it too) cannot slip in between the check and the change.
 */
export async function exigirCuentaGestionable(
  tx: Db,
  actor: { adminPlataforma: boolean },
  entidadId: string,
  usuarioId: string,
) {
  const [cuenta] = await filas<{ admin_plataforma: boolean; entidades: string[] }>(
    tx,
    sql`select u.admin_plataforma, ${entidadesDeCuenta(sql`u.id`)} as entidades
        from usuario u where u.id = ${usuarioId} for update of u`,
  );
  if (!cuenta) throw noEncontrado('el usuario');
  if (
    !gestionaCredenciales(actor, entidadId, {
      adminPlataforma: cuenta.admin_plataforma,
      entidades: cuenta.entidades,
    })
  )
    throw prohibido(MENSAJE_CUENTA_AJENA);
}
