import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../contrato/comun.ts';
import {
  DescargarEvidenciaQuery,
  EnlaceSchema,
  EvidenciaParams,
  EvidenciaSchema,
  ParamsSeguimiento,
  SubirEvidenciaQuery,
} from '../../contrato/seguimiento.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { enviarArchivo } from '../../server/enviar-archivo.ts';
import {
  agregarEnlace,
  borrarEvidencia,
  descargarEvidencia,
  type Reportante,
  subirEvidencia,
  TIPOS_ACEPTADOS,
} from './evidencias.service.ts';

const tags = ['Seguimiento'];
const quien = (request: Parameters<typeof usuarioDe>[0]): Reportante => ({
  actor: actorDe(request),
  usuario: usuarioDe(request),
});

export const evidenciasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: app.evidenciaMaxBytes },
    (_req, cuerpo, listo) => listo(null, cuerpo),
  );

  app.post(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/evidencias',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      bodyLimit: app.evidenciaMaxBytes,
      schema: {
        tags,
        summary: `Adjuntar un archivo de evidencia (cuerpo: el archivo como application/octet-stream; ${TIPOS_ACEPTADOS}). El mismo archivo enviado de nuevo al reporte responde 200 con la evidencia ya adjunta.`,
        params: ParamsSeguimiento,
        querystring: SubirEvidenciaQuery,
        consumes: ['application/octet-stream'],
        response: {
          200: EvidenciaSchema,
          201: EvidenciaSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
          413: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const r = await subirEvidencia(
        app.db,
        app.dataDir,
        quien(request),
        request.params,
        request.body,
        request.query.nombre,
      );
      return reply.status(r.nueva ? 201 : 200).send(r.evidencia);
    },
  );

  app.post(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/enlaces',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      schema: {
        tags,
        summary:
          'Agregar un enlace como evidencia (p. ej. la publicación en la sede electrónica). El mismo enlace enviado de nuevo responde 200 con la evidencia ya adjunta.',
        params: ParamsSeguimiento,
        body: EnlaceSchema,
        response: {
          200: EvidenciaSchema,
          201: EvidenciaSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const r = await agregarEnlace(app.db, quien(request), request.params, request.body);
      return reply.status(r.nueva ? 201 : 200).send(r.evidencia);
    },
  );

  app.get(
    '/api/entidades/:entidadId/evidencias/:evidenciaId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          "Descargar una evidencia (se comprueba su SHA-256). Un CSV se entrega con las celdas que parecen fórmulas precedidas de «'» (cabecera X-CSV-Neutralized-Cells); con ?original=1 se entregan los bytes exactos, como application/octet-stream.",
        params: EvidenciaParams,
        querystring: DescargarEvidenciaQuery,
      },
    },
    async (request, reply) => {
      const { entidadId, evidenciaId } = request.params;
      const d = await descargarEvidencia(
        app.db,
        app.dataDir,
        entidadId,
        evidenciaId,
        !!request.query.original,
      );
      if ('enlace' in d) return reply.redirect(d.enlace);
      if (d.celdasNeutralizadas !== undefined)
        reply.header('x-csv-neutralized-cells', String(d.celdasNeutralizadas));
      return enviarArchivo(reply, d);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/evidencias/:evidenciaId',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      schema: {
        tags,
        summary: 'Quitar una evidencia de un reporte que aún se puede editar',
        params: EvidenciaParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, evidenciaId } = request.params;
      await borrarEvidencia(app.db, quien(request), entidadId, evidenciaId);
      return reply.status(204).send(null);
    },
  );
};
