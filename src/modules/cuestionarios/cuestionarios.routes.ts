import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../contrato/comun.ts';
import {
  CUESTIONARIO_MAXIMO_BYTES,
  CuestionarioParams,
  CuestionarioSchema,
  CuestionariosQuery,
  ImportacionCuestionarioSchema,
  ImportarCuestionarioQuery,
  InformeCuestionarioSchema,
  ListaCuestionariosSchema,
} from '../../contrato/cuestionarios.ts';
import { FORMATO_CUESTIONARIO } from '../../core/cuestionario.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { aceptarTablas, XLSX } from '../importacion/leer-tabla.ts';
import { leerCuestionarioXlsx, plantillaCuestionario } from './cuestionario-xlsx.ts';
import {
  autorizarEscritura,
  eliminarCuestionario,
  exportarCuestionario,
  importarCuestionario,
  listarCuestionarios,
} from './cuestionarios.service.ts';

const tags = ['Cuestionarios'];

// Who may do what is decided per questionnaire in the service (the platform's or an entity's, by role), so
// these routes declare only a session.
export const cuestionariosRoutes: FastifyPluginAsyncZod = async (app) => {
  aceptarTablas(app, CUESTIONARIO_MAXIMO_BYTES);

  app.get(
    '/api/cuestionarios',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags,
        summary:
          'Cuestionarios de la plataforma y, con entidadId, también los de esa entidad (para quien tiene un rol en ella)',
        querystring: CuestionariosQuery,
        response: { 200: ListaCuestionariosSchema, 403: ErrorSchema },
      },
    },
    async (request) => ({
      cuestionarios: await listarCuestionarios(app.db, usuarioDe(request), request.query),
    }),
  );

  app.post(
    '/api/cuestionarios/import',
    {
      config: { acceso: 'sesion' },
      // The entity comes in the query, which the declared rule does not read: checked here, before the file
      // is parsed or validated, so a stranger learns nothing from the answer about the file or the entity.
      onRequest: async (request) => {
        const { entidadId } = request.query as { entidadId?: unknown };
        autorizarEscritura(usuarioDe(request), typeof entidadId === 'string' ? entidadId : null);
      },
      bodyLimit: CUESTIONARIO_MAXIMO_BYTES,
      schema: {
        tags,
        summary: `Importar un cuestionario (JSON en el formato ${FORMATO_CUESTIONARIO} o la plantilla .xlsx), todo o nada. Sin entidadId, de la plataforma (su administrador); con entidadId, de esa entidad (planeación)`,
        querystring: ImportarCuestionarioQuery,
        consumes: ['application/json', XLSX],
        body: z
          .unknown()
          .describe(`formato ${FORMATO_CUESTIONARIO} (docs/cuestionarios.md) o la plantilla .xlsx`),
        response: {
          201: ImportacionCuestionarioSchema,
          400: InformeCuestionarioSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
          413: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      let entrada: unknown = request.body;
      let filaDe: ((seccion: string | null, item: string | null) => number | null) | undefined;
      if (Buffer.isBuffer(request.body)) {
        const hoja = await leerCuestionarioXlsx(request, reply);
        if (!hoja.ok)
          return reply
            .status(400)
            .send({ error: 'validacion', mensaje: hoja.mensaje, problemas: hoja.problemas });
        entrada = hoja.entrada;
        filaDe = hoja.filaDe;
      }
      const r = await importarCuestionario(
        app.db,
        actorDe(request),
        usuarioDe(request),
        request.query.entidadId ?? null,
        entrada,
      );
      if (!r.ok) {
        const problemas = filaDe
          ? r.problemas.map((p) => ({ ...p, fila: filaDe(p.seccion, p.item) }))
          : r.problemas;
        return reply.status(400).send({ error: 'validacion', mensaje: r.mensaje, problemas });
      }
      const { ok: _ok, ...cuerpo } = r;
      return reply.status(201).send(cuerpo);
    },
  );

  app.get(
    '/api/cuestionarios/plantilla.xlsx',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags,
        summary:
          'Plantilla .xlsx para escribir un cuestionario en una hoja de cálculo (con un ejemplo de cada tipo de ítem)',
        produces: [XLSX],
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="plantilla-cuestionario.xlsx"')
        .send(await plantillaCuestionario()),
  );

  app.get(
    '/api/cuestionarios/:cuestionarioId/export',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags,
        summary: `Exportar un cuestionario en el formato ${FORMATO_CUESTIONARIO} (el mismo que se importa)`,
        params: CuestionarioParams,
        response: { 200: CuestionarioSchema, 404: ErrorSchema },
      },
    },
    async (request) => exportarCuestionario(app.db, usuarioDe(request), request.params.cuestionarioId),
  );

  app.delete(
    '/api/cuestionarios/:cuestionarioId',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags,
        summary:
          'Eliminar un cuestionario (el administrador de la plataforma los de la plataforma; planeación los de su entidad)',
        params: CuestionarioParams,
        response: { 204: z.null(), 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      await eliminarCuestionario(app.db, actorDe(request), usuarioDe(request), request.params.cuestionarioId);
      return reply.status(204).send(null);
    },
  );
};
