import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificacionesSchema } from '../../contrato/notificaciones.ts';
import { notificacion } from '../../db/schema.ts';
import { usuarioDe } from '../../server/auth.ts';

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
    async (request) => {
      const u = usuarioDe(request);
      const filas = await app.db
        .select()
        .from(notificacion)
        .where(eq(notificacion.usuarioId, u.id))
        .orderBy(desc(notificacion.creadoEn))
        .limit(50);
      return {
        sinLeer: filas.filter((n) => !n.leida).length,
        notificaciones: filas.map((n) => ({
          id: n.id,
          entidadId: n.entidadId,
          texto: n.texto,
          enlace: n.enlace,
          leida: n.leida,
          creadoEn: n.creadoEn.toISOString(),
        })),
      };
    },
  );

  // Reading a notice changes only the reader's own inbox: not an entity's data, so it is not audited.
  app.post(
    '/api/notificaciones/leidas',
    {
      config: { acceso: 'sesion' },
      schema: { tags, summary: 'Marcar todas mis notificaciones como leídas', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const u = usuarioDe(request);
      await app.db
        .update(notificacion)
        .set({ leida: true })
        .where(and(eq(notificacion.usuarioId, u.id), eq(notificacion.leida, false)));
      return reply.status(204).send(null);
    },
  );
};
