import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  DocumentoParams,
  PaqueteSchema,
  PublicarDocumentoQuery,
  VersionDocumentoParams,
} from '../../contrato/publicaciones.ts';
import { actorDe } from '../../server/auth.ts';
import { enviarArchivo } from '../../server/enviar-archivo.ts';
import { archivoDocumento, DOCUMENTO_MAXIMO, paqueteDe, publicarDocumento } from './publicaciones.service.ts';

const tags = ['Publicaciones'];

/** The 31 January pack: what the entity publishes, each version, and the addresses to link from its website. */
export const publicacionesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    [
      'application/pdf',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.spreadsheet',
      'application/vnd.oasis.opendocument.text',
    ],
    { parseAs: 'buffer', bodyLimit: DOCUMENTO_MAXIMO },
    (_req, cuerpo, listo) => listo(null, cuerpo),
  );

  app.get(
    '/api/entidades/:entidadId/publicaciones/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Paquete del 31 de enero de la vigencia: plan de acción, planes del Decreto 612 e informe de gestión, con su estado, versiones y dirección pública permanente',
        params: EntidadVigenciaParams,
        response: { 200: PaqueteSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia } = request.params;
      return paqueteDe(app.db, entidadId, vigencia);
    },
  );

  app.post(
    '/api/entidades/:entidadId/publicaciones/:vigencia/:clave',
    {
      config: { acceso: { permiso: 'publicacion.gestionar' } },
      bodyLimit: DOCUMENTO_MAXIMO,
      schema: {
        tags,
        summary:
          'Publicar una nueva versión de un documento del paquete (PDF, Excel, Word u OpenDocument; hasta 25 MB); la dirección pública sirve siempre la última',
        params: DocumentoParams,
        querystring: PublicarDocumentoQuery,
        response: {
          201: PaqueteSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
          413: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, clave } = request.params;
      await publicarDocumento(
        app.db,
        app.dataDir,
        actorDe(request),
        entidadId,
        vigencia,
        clave,
        request.body,
        {
          nombre: request.query.nombre,
          nota: request.query.nota,
        },
      );
      return reply.code(201).send(await paqueteDe(app.db, entidadId, vigencia));
    },
  );

  app.get(
    '/api/entidades/:entidadId/publicaciones/:vigencia/:clave/versiones/:version',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Descargar una versión de un documento publicado',
        params: VersionDocumentoParams,
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, clave, version } = request.params;
      const d = await archivoDocumento(app.db, app.dataDir, entidadId, vigencia, clave, version);
      return enviarArchivo(reply, d);
    },
  );
};
