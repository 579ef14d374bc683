import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, VigenciaQuery } from '../../contrato/comun.ts';
import { AvisosSchema, PendientesSchema } from '../../contrato/pendientes.ts';
import { usuarioDe } from '../../server/auth.ts';
import { avisosDeLaEntidad, pendientesDe } from './pendientes.service.ts';

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
  app.get(
    '/api/entidades/:entidadId/avisos',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags: ['Seguimiento'],
        summary:
          'Avisos de la entidad para su tablero interno (hoy: el CIGD lleva más de tres meses sin seguimiento al plan)',
        params: EntidadParams,
        querystring: VigenciaQuery,
        response: { 200: AvisosSchema },
      },
    },
    async (request) => ({
      avisos: await avisosDeLaEntidad(app.db, request.params.entidadId, request.query.vigencia),
    }),
  );
};
