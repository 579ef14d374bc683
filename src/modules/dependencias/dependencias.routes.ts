import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  DependenciaEntradaSchema,
  DependenciaParams,
  DependenciaSchema,
} from '../../contrato/dependencias.ts';
import { actorDe } from '../../server/auth.ts';
import {
  actualizarDependencia,
  crearDependencia,
  dependenciasDe,
  eliminarDependencia,
} from './dependencias.service.ts';

const tags = ['Dependencias'];
export const dependenciasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/dependencias',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Dependencias de la entidad',
        params: EntidadParams,
        response: { 200: z.array(DependenciaSchema) },
      },
    },
    async (request) => dependenciasDe(app.db, request.params.entidadId),
  );

  app.post(
    '/api/entidades/:entidadId/dependencias',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Crear una dependencia',
        params: EntidadParams,
        body: DependenciaEntradaSchema,
        response: { 201: DependenciaSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const creada = await crearDependencia(app.db, actorDe(request), entidadId, request.body);
      return reply.status(201).send(creada);
    },
  );

  app.put(
    '/api/entidades/:entidadId/dependencias/:dependenciaId',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Cambiar nombre, código o dependencia superior',
        params: DependenciaParams,
        body: DependenciaEntradaSchema,
        response: { 200: DependenciaSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, dependenciaId } = request.params;
      return actualizarDependencia(app.db, actorDe(request), entidadId, dependenciaId, request.body);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/dependencias/:dependenciaId',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Eliminar una dependencia sin subdependencias ni responsabilidades',
        params: DependenciaParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, dependenciaId } = request.params;
      await eliminarDependencia(app.db, actorDe(request), entidadId, dependenciaId);
      return reply.status(204).send(null);
    },
  );
};
