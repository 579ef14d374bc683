import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorSchema } from '../../contrato/comun.ts';
import {
  PonderacionesEntradaSchema,
  PonderacionesParams,
  PonderacionesSchema,
} from '../../contrato/ponderaciones.ts';
import { actorDe } from '../../server/auth.ts';
import { guardarPonderaciones } from './ponderaciones.service.ts';

export const ponderacionesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/entidades/:entidadId/planes/:vigencia/politicas/:politica/ponderaciones',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags: ['Plan de acción'],
        summary:
          'Repartir de una vez las ponderaciones de las actividades de una política (deben sumar 100 %)',
        params: PonderacionesParams,
        body: PonderacionesEntradaSchema,
        response: { 200: PonderacionesSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, politica } = request.params;
      return guardarPonderaciones(
        app.db,
        actorDe(request),
        entidadId,
        vigencia,
        politica,
        request.body.ponderaciones,
      );
    },
  );
};
