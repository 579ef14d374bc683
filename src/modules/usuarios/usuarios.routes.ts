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
  UsuarioEntidadSchema,
  UsuarioParams,
} from '../../contrato/usuarios.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import {
  cambiarRoles,
  darAccesoEnEntidad,
  editarUsuario,
  invitacionesDeEntidad,
  restablecerEnEntidad,
  retirarInvitacion,
  usuariosDeEntidad,
} from './usuarios.service.ts';

const tags = ['Usuarios y roles'];

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
      const { estado, acceso } = await darAccesoEnEntidad(
        app.db,
        actorDe(request),
        usuarioDe(request),
        request.params.entidadId,
        request.body,
        app.correo,
      );
      return reply.status(estado).send(acceso);
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
      return cambiarRoles(app.db, actorDe(request), usuarioDe(request), entidadId, usuarioId, request.body);
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
      return restablecerEnEntidad(
        app.db,
        actorDe(request),
        usuarioDe(request),
        entidadId,
        usuarioId,
        app.correo,
      );
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
      return editarUsuario(app.db, actorDe(request), usuarioDe(request), entidadId, usuarioId, request.body);
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
    async (request) => invitacionesDeEntidad(app.db, request.params.entidadId),
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
      await retirarInvitacion(app.db, actorDe(request), entidadId, invitacionId);
      return reply.status(204).send(null);
    },
  );
};
