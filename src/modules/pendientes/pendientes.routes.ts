import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, VigenciaQuery } from '../../contrato/comun.ts';
import { PendientesSchema } from '../../contrato/pendientes.ts';
import { usuarioDe } from '../../server/auth.ts';
import { pendientesDe } from './pendientes.service.ts';

export const pendientesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/pendientes',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags: ['Seguimiento'],
        summary: 'Mis pendientes en la entidad según mis roles (reportar, revisar, verificar, aprobar)',
        params: EntidadParams,
        querystring: VigenciaQuery,
        response: { 200: PendientesSchema },
      },
    },
    async (request) => ({
      pendientes: await pendientesDe(
        app.db,
        usuarioDe(request),
        request.params.entidadId,
        request.query.vigencia,
      ),
    }),
  );
};
