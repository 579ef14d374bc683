import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  ComentarioParams,
  ConsultaDetalleSchema,
  ConsultaParams,
  ConsultaSchema,
  NuevaConsultaSchema,
  RespuestaComentarioSchema,
} from '../../contrato/consultas.ts';
import { contentDisposition } from '../../core/nombre-archivo.ts';
import { actorDe } from '../../server/auth.ts';
import {
  crearConsulta,
  detalleConsulta,
  informeConsulta,
  listarConsultas,
  responderComentario,
} from './consultas.service.ts';

const tags = ['Consultas ciudadanas'];

/** The entity's side of a consultation: open it, read the comments (with who wrote them), answer, report. */
export const consultasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/consultas',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Consultas ciudadanas de la entidad',
        params: EntidadParams,
        response: { 200: z.array(ConsultaSchema) },
      },
    },
    async (request) => listarConsultas(app.db, request.params.entidadId),
  );
  app.post(
    '/api/entidades/:entidadId/consultas',
    {
      config: { acceso: { permiso: 'publicacion.gestionar' } },
      schema: {
        tags,
        summary:
          'Abrir a comentarios de la ciudadanía el proyecto de plan de acción o de PTEP, entre dos fechas',
        params: EntidadParams,
        body: NuevaConsultaSchema,
        response: { 201: ConsultaSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await crearConsulta(app.db, actorDe(request), request.params.entidadId, request.body)),
  );
  app.get(
    '/api/entidades/:entidadId/consultas/:consultaId',
    {
      // The comments carry names and e-mails (Ley 1581): only who answers them reads them.
      config: { acceso: { permiso: 'publicacion.gestionar' } },
      schema: {
        tags,
        summary: 'Una consulta con sus comentarios',
        params: ConsultaParams,
        response: { 200: ConsultaDetalleSchema, 404: ErrorSchema },
      },
    },
    async (request) => detalleConsulta(app.db, request.params.entidadId, request.params.consultaId),
  );
  app.post(
    '/api/entidades/:entidadId/consultas/:consultaId/comentarios/:comentarioId/respuesta',
    {
      config: { acceso: { permiso: 'publicacion.gestionar' } },
      schema: {
        tags,
        summary: 'Responder un comentario (una vez; la respuesta se publica)',
        params: ComentarioParams,
        body: RespuestaComentarioSchema,
        response: { 200: ConsultaDetalleSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, consultaId, comentarioId } = request.params;
      return responderComentario(
        app.db,
        actorDe(request),
        entidadId,
        consultaId,
        comentarioId,
        request.body.respuesta,
      );
    },
  );
  app.get(
    '/api/entidades/:entidadId/consultas/:consultaId/informe.pdf',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Informe de comentarios recibidos y respuestas (PDF)',
        params: ConsultaParams,
      },
    },
    async (request, reply) => {
      const i = await informeConsulta(
        app.db,
        app.dataDir,
        request.params.entidadId,
        request.params.consultaId,
      );
      return reply
        .header('content-disposition', contentDisposition(i.nombre))
        .header('cache-control', 'private, no-store')
        .type('application/pdf')
        .send(i.pdf);
    },
  );
};
