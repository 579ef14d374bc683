import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { EntidadEntradaSchema, EntidadSchema } from '../../contrato/entidades.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import {
  actualizarEntidad,
  crearEntidad,
  listarEntidades,
  obtenerEntidad,
  presentarEntidad,
} from './entidad.service.ts';

const tags = ['Entidades'];

export const entidadesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags,
        summary: 'Entidades a las que el usuario tiene acceso',
        response: { 200: z.array(EntidadSchema) },
      },
    },
    async (request) => {
      const u = usuarioDe(request);
      return (await listarEntidades(app.db)).filter((e) => u.adminPlataforma || u.roles.has(e.id));
    },
  );

  app.post(
    '/api/entidades',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary: 'Registrar una entidad (administrador de la plataforma)',
        body: EntidadEntradaSchema,
        response: { 201: EntidadSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await crearEntidad(app.db, actorDe(request), request.body)),
  );

  app.get(
    '/api/entidades/:entidadId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Perfil de la entidad',
        params: EntidadParams,
        response: { 200: EntidadSchema },
      },
    },
    async (request) => presentarEntidad(await obtenerEntidad(app.db, request.params.entidadId)),
  );

  app.put(
    '/api/entidades/:entidadId',
    {
      config: { acceso: { permiso: 'entidad.editar' } },
      schema: {
        tags,
        summary: 'Actualizar el perfil de la entidad',
        params: EntidadParams,
        body: EntidadEntradaSchema,
        response: { 200: EntidadSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => actualizarEntidad(app.db, actorDe(request), request.params.entidadId, request.body),
  );
};
