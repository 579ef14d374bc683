import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ObjetivoEntradaSchema, ObjetivoParams, ObjetivoSchema } from '../../contrato/plan.ts';
import { actorDe } from '../../server/auth.ts';
import { crearObjetivo, listarObjetivos, quitarObjetivo } from './objetivos.service.ts';

const tags = ['Plan de acción'];

export const objetivosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/objetivos',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Objetivos estratégicos y líneas del plan de desarrollo de la entidad',
        params: EntidadParams,
        response: { 200: z.array(ObjetivoSchema) },
      },
    },
    async (request) => listarObjetivos(app.db, request.params.entidadId),
  );

  app.post(
    '/api/entidades/:entidadId/objetivos',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Agregar un objetivo estratégico o línea del plan de desarrollo',
        params: EntidadParams,
        body: ObjetivoEntradaSchema,
        response: { 201: ObjetivoSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await crearObjetivo(app.db, actorDe(request), request.params.entidadId, request.body)),
  );

  app.delete(
    '/api/entidades/:entidadId/objetivos/:objetivoId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Quitar un objetivo que ninguna actividad usa',
        params: ObjetivoParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, objetivoId } = request.params;
      await quitarObjetivo(app.db, actorDe(request), entidadId, objetivoId);
      return reply.status(204).send(null);
    },
  );
};
