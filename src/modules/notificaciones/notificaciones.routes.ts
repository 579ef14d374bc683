import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificacionesSchema } from '../../contrato/notificaciones.ts';
import { usuarioDe } from '../../server/auth.ts';
import { marcarLeidas, misNotificaciones } from './notificacion.repository.ts';

const tags = ['Notificaciones'];
export const notificacionesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notificaciones',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags,
        summary: 'Mis notificaciones (las 50 más recientes)',
        response: { 200: NotificacionesSchema },
      },
    },
    async (request) => misNotificaciones(app.db, usuarioDe(request).id),
  );

  // Reading a notice changes only the reader's own inbox: not an entity's data, so it is not audited.
  app.post(
    '/api/notificaciones/leidas',
    {
      config: { acceso: 'sesion' },
      schema: { tags, summary: 'Marcar todas mis notificaciones como leídas', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await marcarLeidas(app.db, usuarioDe(request).id);
      return reply.status(204).send(null);
    },
  );
};
