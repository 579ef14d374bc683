import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { problemasClave } from '../../core/clave.ts';
import { gestionaCredenciales, MENSAJE_CUENTA_AJENA } from '../../core/cuentas.ts';
import type { Rol } from '../../core/roles.ts';
import { esRol, NOMBRE_ROL } from '../../core/roles.ts';
import { type Db, filas } from '../../db/client.ts';
import { entidad, invitacion, rolUsuario, usuario } from '../../db/schema.ts';
import { invalido, noEncontrado, prohibido } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
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

const ALFABETO = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Readable temporary password (no 0/O, 1/l) that always satisfies the rules. */
export function claveTemporal(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALFABETO[randomInt(ALFABETO.length)];
  return `${s}${randomInt(10)}`;
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
  /** Only for the demo: a known password instead of a temporary one. */
  claveFija?: string;
}

export type ResultadoAcceso =
  | { tipo: 'creada'; id: string; claveTemporal: string | null }
  | { tipo: 'roles'; id: string }
  | { tipo: 'invitacion'; invitacionId: string; roles: Rol[] };

/**
 * A new e-mail gets an account with a temporary password. An existing person who already works in the
 * entity gets the roles; anyone else gets an invitation that takes effect only when they accept it, and the
 * answer says nothing about them (no id, name or change to their account).
 */
export async function darAcceso(
  db: Db,
  actor: Actor,
  entidadId: string,
  d: DatosAcceso,
): Promise<ResultadoAcceso> {
  const correo = normalizarCorreo(d.correo);
  const existente = await buscarPorCorreo(db, correo);
  if (existente) return await rolesOInvitacion(db, actor, entidadId, existente.id, correo, d.roles);
  const clave = d.claveFija ?? claveTemporal();
  const claveHash = await hashClave(clave);
  const id = await db.transaction(async (tx) => {
    const [nuevo] = await tx
      .insert(usuario)
      .values({ nombre: d.nombre, correo, cargo: d.cargo ?? null, claveHash, debeCambiarClave: !d.claveFija })
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
    return nuevo!.id;
  });
  return { tipo: 'creada', id, claveTemporal: d.claveFija ? null : clave };
}

async function rolesOInvitacion(
  db: Db,
  actor: Actor,
  entidadId: string,
  usuarioId: string,
  correo: string,
  roles: Rol[],
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
    await notificar(
      tx,
      [usuarioId],
      entidadId,
      `${ent?.nombre ?? 'Una entidad'} le invita a participar con los roles: ${inv!.roles.map(nombreRol).join(', ')}. Acepte o rechace la invitación en su página de inicio.`,
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
