import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { ErrorSchema } from '../../server/errores.ts';
import { invitacionesDe, responderInvitacion } from './usuario.service.ts';

const tags = ['Usuarios y roles'];
const Params = z.object({ invitacionId: z.uuid('el identificador de la invitación no es válido') });

/** The invited person's side: what entities offer them, and their answer. */
export const invitacionesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/invitaciones',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags,
        summary: 'Invitaciones que le han hecho otras entidades y esperan su respuesta',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              entidadId: z.string(),
              entidad: z.string(),
              roles: z.array(z.string()),
              creadoEn: z.date(),
            }),
          ),
        },
      },
    },
    async (request) => invitacionesDe(app.db, usuarioDe(request).id),
  );

  for (const [accion, acepta] of [
    ['aceptar', true],
    ['rechazar', false],
  ] as const) {
    app.post(
      `/api/invitaciones/:invitacionId/${accion}`,
      {
        config: { acceso: 'sesion' },
        schema: {
          tags,
          summary: acepta
            ? 'Aceptar la invitación: los roles ofrecidos empiezan a regir'
            : 'Rechazar la invitación',
          params: Params,
          response: {
            200: z.object({ entidadId: z.string(), roles: z.array(z.string()) }),
            404: ErrorSchema,
          },
        },
      },
      async (request) =>
        responderInvitacion(
          app.db,
          { ...actorDe(request), usuarioId: usuarioDe(request).id },
          request.params.invitacionId,
          acepta,
        ),
    );
  }
};
