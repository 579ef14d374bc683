import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import { ImportacionSchema, ProblemasImportacionSchema, SeguimientoXlsxQuery } from '../../contrato/excel.ts';
import { actorDe } from '../../server/auth.ts';
import { reintentarSiOcupado } from '../../server/errores.ts';
import { XLSX } from '../importacion/leer-tabla.ts';
import { importarPlan, libroPlan, plantillaPlan } from './excel.service.ts';

const tags = ['Excel'];
const IMPORTACION_MAXIMA = 30 * 1024 * 1024;

const enviarXlsx = (reply: import('fastify').FastifyReply, nombre: string, contenido: Buffer) =>
  reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="${nombre}"`)
    .header('cache-control', 'no-store')
    .send(contenido);

export const excelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    [XLSX, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: IMPORTACION_MAXIMA },
    (_r, cuerpo, listo) => listo(null, cuerpo),
  );

  app.get(
    '/api/entidades/:entidadId/plan/:vigencia/export.xlsx',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Plan de acción y seguimiento de un periodo en Excel (encabezados en español, filtros, encabezado fijo)',
        params: EntidadVigenciaParams,
        querystring: SeguimientoXlsxQuery,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const libro = await libroPlan(app.db, entidadId, vigencia, request.query.periodo);
      return enviarXlsx(reply, `plan-de-accion-${vigencia}.xlsx`, libro);
    },
  );

  app.get(
    '/api/entidades/:entidadId/plan/:vigencia/plantilla.xlsx',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Plantilla para importar el plan, con las listas válidas de la entidad y del catálogo',
        params: EntidadVigenciaParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      return enviarXlsx(
        reply,
        `plantilla-plan-${vigencia}.xlsx`,
        await plantillaPlan(app.db, entidadId, vigencia),
      );
    },
  );

  app.post(
    '/api/entidades/:entidadId/plan/:vigencia/import.xlsx',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      bodyLimit: IMPORTACION_MAXIMA,
      schema: {
        tags,
        summary: 'Importar actividades al plan en borrador desde la plantilla .xlsx (todo o nada)',
        params: EntidadVigenciaParams,
        consumes: [XLSX, 'application/octet-stream'],
        response: {
          201: ImportacionSchema,
          400: ProblemasImportacionSchema,
          409: ErrorSchema,
          413: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const r = await importarPlan(app.db, actorDe(request), entidadId, vigencia, request.body).catch(
        reintentarSiOcupado(reply),
      );
      if (!r.ok)
        return reply.status(400).send({ error: 'validacion', mensaje: r.mensaje, problemas: r.problemas });
      return reply.status(201).send({ importadas: r.importadas });
    },
  );
};
