import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { usuarioDe } from '../../server/auth.ts';
import { vigenciaSchema } from '../catalogo/catalogo.routes.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { PendienteSchema, pendientesDe } from './pendientes.service.ts';

export const pendientesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/pendientes',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags: ['Seguimiento'],
        summary: 'Mis pendientes en la entidad según mis roles (reportar, revisar, verificar, aprobar)',
        params: EntidadParams,
        querystring: z.object({ vigencia: vigenciaSchema }),
        response: { 200: z.object({ pendientes: z.array(PendienteSchema) }) },
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
