import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { dimensionesImagen } from '../../core/dimensiones-imagen.ts';
import { tipoImagen } from '../../core/tipo-archivo.ts';
import { entidad } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { ErrorApi, invalido, noEncontrado } from '../../server/errores.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { obtenerEntidad } from './entidad.service.ts';

export const LOGO_MAXIMO = 512 * 1024;
/** Pixels per side: a logo needs a few hundred; the cap keeps a tiny file from declaring a huge canvas. */
export const LOGO_LADO_MAXIMO = 4096;
const TIPOS = ['image/png', 'image/jpeg', 'image/webp'];
const tags = ['Entidades'];

/** The entity's logo for its public pages: PNG, JPEG or WebP by content (no SVG: it can carry scripts). */
export const logoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(TIPOS, { parseAs: 'buffer', bodyLimit: LOGO_MAXIMO }, (_req, cuerpo, listo) =>
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
        consumes: TIPOS,
        response: { 204: z.null(), 400: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const imagen = request.body;
      if (!Buffer.isBuffer(imagen))
        throw new ErrorApi(415, 'Envíe el logo como imagen PNG, JPEG o WebP.', [
          { campo: 'logo', mensaje: 'el archivo debe ser una imagen PNG, JPEG o WebP' },
        ]);
      const tipo = tipoImagen(imagen);
      const medidas = tipo && dimensionesImagen(imagen, tipo);
      if (!medidas)
        throw new ErrorApi(400, 'El archivo no es una imagen PNG, JPEG o WebP válida.', [
          { campo: 'logo', mensaje: 'el contenido del archivo no corresponde a una imagen PNG, JPEG o WebP' },
        ]);
      if (medidas.ancho > LOGO_LADO_MAXIMO || medidas.alto > LOGO_LADO_MAXIMO)
        throw invalido(
          'logo',
          `la imagen mide ${medidas.ancho} × ${medidas.alto} píxeles; el máximo es ${LOGO_LADO_MAXIMO} × ${LOGO_LADO_MAXIMO}`,
        );
      const antes = await obtenerEntidad(app.db, entidadId);
      const hash = await guardarArchivo(app.dataDir, imagen);
      await app.db.transaction(async (tx) => {
        await tx.update(entidad).set({ logo: hash }).where(eq(entidad.id, entidadId));
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'cambiar_logo',
          recurso: 'entidad',
          recursoId: entidadId,
          antes: { logo: antes.logo },
          despues: { logo: hash, bytes: imagen.length },
        });
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/entidades/:entidadId/logo',
    {
      config: { acceso: 'publico' },
      schema: { tags, summary: 'Logo de la entidad (público)', params: EntidadParams, produces: TIPOS },
    },
    async (request, reply) => {
      const e = await obtenerEntidad(app.db, request.params.entidadId);
      const imagen = e.logo ? await leerArchivo(app.dataDir, e.logo) : null;
      if (!imagen) throw noEncontrado('el logo de la entidad');
      return reply
        .type(tipoImagen(imagen)!)
        .header('cache-control', 'no-cache')
        .header('etag', `"${e.logo}"`)
        .send(imagen);
    },
  );
};
