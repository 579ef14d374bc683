import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SaludSchema } from '../../contrato/salud.ts';
import { VERSION } from '../../server/version.ts';

export const saludRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { acceso: 'publico' },
      schema: {
        tags: ['Plataforma'],
        summary: 'Estado del servicio y de la base de datos',
        response: {
          200: SaludSchema,
        },
      },
    },
    async () => ({ status: 'ok' as const, db: app.conexion.tipo, version: VERSION }),
  );
};
