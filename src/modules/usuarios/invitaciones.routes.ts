import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../contrato/comun.ts';
import {
  InvitacionParams,
  InvitacionRecibidaSchema,
  RespuestaInvitacionSchema,
} from '../../contrato/usuarios.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { invitacionesDe, responderInvitacion } from './usuario.service.ts';

const tags = ['Usuarios y roles'];

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
          200: z.array(InvitacionRecibidaSchema),
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
          params: InvitacionParams,
          response: {
            200: RespuestaInvitacionSchema,
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
