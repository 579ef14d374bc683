import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { actorDe } from '../../server/auth.ts';
import { cambiarLogo, LOGO_MAXIMO, leerLogo, TIPOS_LOGO } from './logo.service.ts';

const tags = ['Entidades'];

/** The entity's logo for its public pages. */
export const logoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(TIPOS_LOGO, { parseAs: 'buffer', bodyLimit: LOGO_MAXIMO }, (_req, cuerpo, listo) =>
    listo(null, cuerpo),
  );

  app.put(
    '/api/entidades/:entidadId/logo',
    {
      config: { acceso: { permiso: 'entidad.editar' } },
      schema: {
        tags,
        summary: 'Cargar el logo (cuerpo: la imagen PNG, JPEG o WebP, hasta 512 KB y 4096 × 4096 píxeles)',
        params: EntidadParams,
        consumes: TIPOS_LOGO,
        response: { 204: z.null(), 400: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema },
      },
    },
    async (request, reply) => {
      await cambiarLogo(app.db, app.dataDir, actorDe(request), request.params.entidadId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/entidades/:entidadId/logo',
    {
      config: { acceso: 'publico' },
      schema: { tags, summary: 'Logo de la entidad (público)', params: EntidadParams, produces: TIPOS_LOGO },
    },
    async (request, reply) => {
      const { imagen, tipo, hash } = await leerLogo(app.db, app.dataDir, request.params.entidadId);
      return reply.type(tipo).header('cache-control', 'no-cache').header('etag', `"${hash}"`).send(imagen);
    },
  );
};
