// The people of an entity and their roles, as its administrator manages them: the use cases behind
// usuarios.routes.ts (accounts, links and invitations themselves are in usuario.service.ts).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Acceso,
  CambiarRolesSchema,
  DarAcceso,
  EditarUsuario,
  UsuarioEntidad,
} from '../../contrato/usuarios.ts';
import { gestionaCredenciales } from '../../core/cuentas.ts';
import type { Db } from '../../db/client.ts';
import { invitacion, rolUsuario, usuario } from '../../db/schema.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { cerrarSesionesDe } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import type { Correo } from '../correo/correo.service.ts';
import {
  darAcceso,
  entidadesDeCuenta,
  exigirCuentaGestionable,
  normalizarCorreo,
  restablecerClave,
} from './usuario.service.ts';

/** People with a role in the entity; `gestionable`: whether `actor` may change their credentials. */
export async function usuariosDeEntidad(db: Db, entidadId: string, actor: { adminPlataforma: boolean }) {
  const filas = await db
    .select({
      id: usuario.id,
      nombre: usuario.nombre,
      correo: usuario.correo,
      cargo: usuario.cargo,
      activo: usuario.activo,
      adminPlataforma: usuario.adminPlataforma,
      // Locked out of logging in; a pause of her own password change (she is signed in) is not a lock.
      bloqueado: sql<boolean>`exists (select 1 from intento_acceso i where i.correo = ${usuario.correo} and i.bloqueado_hasta > now() and i.ambito <> 'cambio_clave')`,
      entidades: sql<string[]>`${entidadesDeCuenta(sql`${usuario.id}`)}`,
      rol: rolUsuario.rol,
    })
    .from(rolUsuario)
    .innerJoin(usuario, eq(usuario.id, rolUsuario.usuarioId))
    .where(eq(rolUsuario.entidadId, entidadId))
    .orderBy(asc(usuario.nombre), asc(rolUsuario.rol));
  const porId = new Map<string, UsuarioEntidad>();
  for (const { rol, adminPlataforma, entidades, ...u } of filas) {
    const previo = porId.get(u.id);
    if (previo) previo.roles.push(rol);
    else
      porId.set(u.id, {
        ...u,
        gestionable: gestionaCredenciales(actor, entidadId, { adminPlataforma, entidades }),
        roles: [rol],
      });
  }
  return [...porId.values()];
}

export async function usuarioDeEntidad(
  db: Db,
  entidadId: string,
  usuarioId: string,
  actor: { adminPlataforma: boolean },
) {
  const u = (await usuariosDeEntidad(db, entidadId, actor)).find((x) => x.id === usuarioId);
  if (!u) throw noEncontrado('el usuario en esta entidad');
  return u;
}

/**
 * «Dar acceso»: a new person gets an account (201), someone who already works in the entity gets the roles
 * (201), anyone else an invitation (202).
 */
export async function darAccesoEnEntidad(
  db: Db,
  actor: Actor,
  gestor: UsuarioSesion,
  entidadId: string,
  datos: DarAcceso,
  servicioCorreo: Correo | null,
): Promise<{ estado: 201 | 202; acceso: Acceso }> {
  const r = await darAcceso(db, actor, entidadId, datos, servicioCorreo);
  if (r.tipo === 'invitacion')
    return {
      estado: 202,
      acceso: {
        usuario: null,
        invitacion: { id: r.invitacionId, correo: normalizarCorreo(datos.correo), roles: r.roles },
        enlaceClave: null,
        correoEnviado: !!servicioCorreo,
      },
    };
  return {
    estado: 201,
    acceso: {
      usuario: await usuarioDeEntidad(db, entidadId, r.id, gestor),
      invitacion: null,
      enlaceClave: r.tipo === 'creada' ? r.enlace : null,
      correoEnviado: r.tipo === 'creada' && r.correoEnviado,
    },
  };
}

/** New roles of a person in the entity (none: access withdrawn); the entity keeps at least one administrator. */
export async function cambiarRoles(
  db: Db,
  actor: Actor,
  gestor: UsuarioSesion,
  entidadId: string,
  usuarioId: string,
  { roles }: z.infer<typeof CambiarRolesSchema>,
) {
  const antes = await usuarioDeEntidad(db, entidadId, usuarioId, gestor);
  if (antes.roles.includes('admin_entidad') && !roles.includes('admin_entidad')) {
    const admins = (await usuariosDeEntidad(db, entidadId, gestor)).filter((u) =>
      u.roles.includes('admin_entidad'),
    );
    if (admins.length <= 1)
      throw conflicto(
        'La entidad debe conservar al menos un administrador: asigne otro antes de quitar este rol.',
      );
  }
  await db.transaction(async (tx) => {
    const quitar = antes.roles.filter((r) => !roles.includes(r as (typeof roles)[number]));
    if (quitar.length)
      await tx
        .delete(rolUsuario)
        .where(
          and(
            eq(rolUsuario.usuarioId, usuarioId),
            eq(rolUsuario.entidadId, entidadId),
            inArray(rolUsuario.rol, quitar),
          ),
        );
    if (roles.length)
      await tx
        .insert(rolUsuario)
        .values(roles.map((rol) => ({ usuarioId, entidadId, rol })))
        .onConflictDoNothing();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'cambiar_roles',
      recurso: 'usuario',
      recursoId: usuarioId,
      antes: { roles: antes.roles },
      despues: { roles },
    });
  });
  return { roles };
}

/** The administrator's reset of a person of the entity (restablecerClave, after checking they work there). */
export async function restablecerEnEntidad(
  db: Db,
  actor: Actor,
  gestor: UsuarioSesion,
  entidadId: string,
  usuarioId: string,
  servicioCorreo: Correo | null,
) {
  await usuarioDeEntidad(db, entidadId, usuarioId, gestor);
  return restablecerClave(db, actor, gestor, entidadId, usuarioId, servicioCorreo);
}

/**
 * Name, position, e-mail or state of an account that belongs only to this entity; a new e-mail or a closed
 * account ends its sessions. Nobody closes their own account.
 */
export async function editarUsuario(
  db: Db,
  actor: Actor,
  gestor: UsuarioSesion,
  entidadId: string,
  usuarioId: string,
  datos: EditarUsuario,
): Promise<UsuarioEntidad> {
  const antes = await usuarioDeEntidad(db, entidadId, usuarioId, gestor);
  if (usuarioId === gestor.id && !datos.activo) throw conflicto('No puede desactivar su propia cuenta.');
  const despues = {
    nombre: datos.nombre,
    correo: normalizarCorreo(datos.correo),
    cargo: datos.cargo ?? null,
    activo: datos.activo,
  };
  await db.transaction(async (tx) => {
    await exigirCuentaGestionable(tx, gestor, entidadId, usuarioId);
    await tx.update(usuario).set(despues).where(eq(usuario.id, usuarioId));
    // A new address or a closed account must not keep sessions opened under the old one.
    if (despues.correo !== antes.correo || !despues.activo) await cerrarSesionesDe(tx, usuarioId);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'editar',
      recurso: 'usuario',
      recursoId: usuarioId,
      antes: { nombre: antes.nombre, correo: antes.correo, cargo: antes.cargo, activo: antes.activo },
      despues,
    });
  });
  return usuarioDeEntidad(db, entidadId, usuarioId, gestor);
}

/** The entity's invitations still waiting for an answer, oldest first. */
export function invitacionesDeEntidad(db: Db, entidadId: string) {
  return db
    .select({
      id: invitacion.id,
      correo: invitacion.correo,
      roles: invitacion.roles,
      creadoEn: invitacion.creadoEn,
    })
    .from(invitacion)
    .where(eq(invitacion.entidadId, entidadId))
    .orderBy(asc(invitacion.creadoEn));
}

/** Withdraws an invitation not answered yet; 404 when it was answered or withdrawn already. */
export async function retirarInvitacion(db: Db, actor: Actor, entidadId: string, invitacionId: string) {
  await db.transaction(async (tx) => {
    const [inv] = await tx
      .delete(invitacion)
      .where(and(eq(invitacion.id, invitacionId), eq(invitacion.entidadId, entidadId)))
      .returning();
    if (!inv) throw noEncontrado('la invitación (ya fue respondida o retirada)');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'retirar',
      recurso: 'invitacion',
      recursoId: invitacionId,
      antes: { correo: inv.correo, roles: inv.roles },
    });
  });
}
