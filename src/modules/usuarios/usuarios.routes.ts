import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  AccesoSchema,
  CambiarRolesSchema,
  DarAccesoSchema,
  EditarUsuarioSchema,
  InvitacionEntidadParams,
  InvitacionPendienteSchema,
  RestablecimientoSchema,
  RolesRespuestaSchema,
  type UsuarioEntidad,
  UsuarioEntidadSchema,
  UsuarioParams,
} from '../../contrato/usuarios.ts';
import { gestionaCredenciales } from '../../core/cuentas.ts';
import type { Db } from '../../db/client.ts';
import { invitacion, rolUsuario, usuario } from '../../db/schema.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { cerrarSesionesDe } from '../auth/sesion.repository.ts';
import {
  darAcceso,
  entidadesDeCuenta,
  exigirCuentaGestionable,
  normalizarCorreo,
  restablecerClave,
} from './usuario.service.ts';

const tags = ['Usuarios y roles'];
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
      bloqueado: sql<boolean>`exists (select 1 from intento_acceso i where i.correo = ${usuario.correo} and i.bloqueado_hasta > now())`,
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

async function usuarioDeEntidad(
  db: Db,
  entidadId: string,
  usuarioId: string,
  actor: { adminPlataforma: boolean },
) {
  const u = (await usuariosDeEntidad(db, entidadId, actor)).find((x) => x.id === usuarioId);
  if (!u) throw noEncontrado('el usuario en esta entidad');
  return u;
}

export const usuariosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/usuarios',
    {
      config: { acceso: { permiso: 'usuario.ver' } },
      schema: {
        tags,
        summary: 'Personas con rol en la entidad',
        params: EntidadParams,
        response: { 200: z.array(UsuarioEntidadSchema) },
      },
    },
    async (request) => usuariosDeEntidad(app.db, request.params.entidadId, usuarioDe(request)),
  );

  app.post(
    '/api/entidades/:entidadId/usuarios',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary:
          'Dar acceso a una persona: la crea y le envía por correo un enlace de un solo uso para definir su contraseña (sin correo configurado, el enlace vuelve para entregárselo); si ya tiene cuenta y no trabaja en la entidad, le envía una invitación',
        params: EntidadParams,
        body: DarAccesoSchema,
        response: {
          201: AccesoSchema,
          202: AccesoSchema,
          400: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const r = await darAcceso(app.db, actorDe(request), entidadId, request.body, app.correo);
      if (r.tipo === 'invitacion')
        return reply.status(202).send({
          usuario: null,
          invitacion: { id: r.invitacionId, correo: normalizarCorreo(request.body.correo), roles: r.roles },
          enlaceClave: null,
          correoEnviado: !!app.correo,
        });
      return reply.status(201).send({
        usuario: await usuarioDeEntidad(app.db, entidadId, r.id, usuarioDe(request)),
        invitacion: null,
        enlaceClave: r.tipo === 'creada' ? r.enlace : null,
        correoEnviado: r.tipo === 'creada' && r.correoEnviado,
      });
    },
  );

  app.put(
    '/api/entidades/:entidadId/usuarios/:usuarioId/roles',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary: 'Cambiar los roles de una persona en la entidad (lista vacía: retirar el acceso)',
        params: UsuarioParams,
        body: CambiarRolesSchema,
        response: { 200: RolesRespuestaSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, usuarioId } = request.params;
      const antes = await usuarioDeEntidad(app.db, entidadId, usuarioId, usuarioDe(request));
      const { roles } = request.body;
      if (antes.roles.includes('admin_entidad') && !roles.includes('admin_entidad')) {
        const admins = (await usuariosDeEntidad(app.db, entidadId, usuarioDe(request))).filter((u) =>
          u.roles.includes('admin_entidad'),
        );
        if (admins.length <= 1)
          throw conflicto(
            'La entidad debe conservar al menos un administrador: asigne otro antes de quitar este rol.',
          );
      }
      await app.db.transaction(async (tx) => {
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
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'cambiar_roles',
          recurso: 'usuario',
          recursoId: usuarioId,
          antes: { roles: antes.roles },
          despues: { roles },
        });
      });
      return { roles };
    },
  );

  app.post(
    '/api/entidades/:entidadId/usuarios/:usuarioId/restablecer-clave',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary:
          'Anular la contraseña, desbloquear la cuenta, cerrar sus sesiones y enviarle un enlace de un solo uso para definir otra (sin correo configurado, el enlace vuelve para entregárselo)',
        params: UsuarioParams,
        response: { 200: RestablecimientoSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, usuarioId } = request.params;
      await usuarioDeEntidad(app.db, entidadId, usuarioId, usuarioDe(request));
      return restablecerClave(app.db, actorDe(request), usuarioDe(request), entidadId, usuarioId, app.correo);
    },
  );

  app.put(
    '/api/entidades/:entidadId/usuarios/:usuarioId',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary:
          'Cambiar el nombre, cargo, correo o estado de una cuenta que pertenece solo a esta entidad (desactivar o cambiar el correo cierra sus sesiones)',
        params: UsuarioParams,
        body: EditarUsuarioSchema,
        response: { 200: UsuarioEntidadSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, usuarioId } = request.params;
      const actor = usuarioDe(request);
      const antes = await usuarioDeEntidad(app.db, entidadId, usuarioId, actor);
      if (usuarioId === actor.id && !request.body.activo)
        throw conflicto('No puede desactivar su propia cuenta.');
      const despues = {
        nombre: request.body.nombre,
        correo: normalizarCorreo(request.body.correo),
        cargo: request.body.cargo ?? null,
        activo: request.body.activo,
      };
      await app.db.transaction(async (tx) => {
        await exigirCuentaGestionable(tx, actor, entidadId, usuarioId);
        await tx.update(usuario).set(despues).where(eq(usuario.id, usuarioId));
        // A new address or a closed account must not keep sessions opened under the old one.
        if (despues.correo !== antes.correo || !despues.activo) await cerrarSesionesDe(tx, usuarioId);
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'editar',
          recurso: 'usuario',
          recursoId: usuarioId,
          antes: { nombre: antes.nombre, correo: antes.correo, cargo: antes.cargo, activo: antes.activo },
          despues,
        });
      });
      return usuarioDeEntidad(app.db, entidadId, usuarioId, actor);
    },
  );

  app.get(
    '/api/entidades/:entidadId/invitaciones',
    {
      config: { acceso: { permiso: 'usuario.ver' } },
      schema: {
        tags,
        summary: 'Invitaciones de la entidad que esperan respuesta',
        params: EntidadParams,
        response: {
          200: z.array(InvitacionPendienteSchema),
        },
      },
    },
    async (request) =>
      app.db
        .select({
          id: invitacion.id,
          correo: invitacion.correo,
          roles: invitacion.roles,
          creadoEn: invitacion.creadoEn,
        })
        .from(invitacion)
        .where(eq(invitacion.entidadId, request.params.entidadId))
        .orderBy(asc(invitacion.creadoEn)),
  );

  app.delete(
    '/api/entidades/:entidadId/invitaciones/:invitacionId',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary: 'Retirar una invitación que aún no fue respondida',
        params: InvitacionEntidadParams,
        response: { 204: z.null(), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, invitacionId } = request.params;
      await app.db.transaction(async (tx) => {
        const [inv] = await tx
          .delete(invitacion)
          .where(and(eq(invitacion.id, invitacionId), eq(invitacion.entidadId, entidadId)))
          .returning();
        if (!inv) throw noEncontrado('la invitación (ya fue respondida o retirada)');
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'retirar',
          recurso: 'invitacion',
          recursoId: invitacionId,
          antes: { correo: inv.correo, roles: inv.roles },
        });
      });
      return reply.status(204).send(null);
    },
  );
};
