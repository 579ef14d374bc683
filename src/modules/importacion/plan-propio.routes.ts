import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import { ImportacionSchema, ProblemasImportacionSchema } from '../../contrato/excel.ts';
import {
  AnalisisHojaSchema,
  HojaPropiaSchema,
  LecturaHojaSchema,
  LIMITES_HOJA_PROPIA,
} from '../../contrato/plan-propio.ts';
import { actorDe } from '../../server/auth.ts';
import { reintentarSiOcupado } from '../../server/errores.ts';
import { aceptarTablas, CSV, tipoDeSubida, XLSX } from './leer-tabla.ts';
import { analizarHojaPropia, importarHojaPropia, leerYAnalizar } from './plan-propio.service.ts';

const tags = ['Excel'];
const base = '/api/entidades/:entidadId/plan/:vigencia/hoja-propia';

export const planPropioRoutes: FastifyPluginAsyncZod = async (app) => {
  aceptarTablas(app, LIMITES_HOJA_PROPIA.bytes);

  app.post(
    `${base}/leer`,
    {
      config: { acceso: { permiso: 'plan.editar' } },
      bodyLimit: LIMITES_HOJA_PROPIA.bytes,
      schema: {
        tags,
        summary:
          'Leer el plan en la hoja propia de la entidad (.xlsx o .csv): fila de encabezados, campo sugerido o guardado de cada columna, nombres que no coinciden y tipos de meta',
        params: EntidadVigenciaParams,
        consumes: [XLSX, CSV],
        response: {
          200: LecturaHojaSchema,
          400: ProblemasImportacionSchema,
          409: ErrorSchema,
          413: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const contenido = request.body;
      if (!Buffer.isBuffer(contenido) || contenido.length === 0)
        return reply
          .status(400)
          .send({ error: 'validacion', mensaje: 'Envíe el archivo .xlsx o .csv con el plan.' });
      const tipo = tipoDeSubida(request.headers['content-type']);
      const r = await leerYAnalizar(app.db, entidadId, vigencia, contenido, tipo).catch(
        reintentarSiOcupado(reply),
      );
      if (!r.ok) return reply.status(400).send({ error: 'validacion', mensaje: r.mensaje });
      return r.lectura;
    },
  );

  app.post(
    `${base}/revisar`,
    {
      config: { acceso: { permiso: 'plan.editar' } },
      bodyLimit: LIMITES_HOJA_PROPIA.cuerpoJson,
      schema: {
        tags,
        summary: 'Volver a revisar la hoja con el mapa de columnas, los nombres y los tipos de meta elegidos',
        params: EntidadVigenciaParams,
        body: HojaPropiaSchema,
        response: { 200: AnalisisHojaSchema, 400: ErrorSchema, 409: ErrorSchema, 413: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia } = request.params;
      return analizarHojaPropia(app.db, entidadId, vigencia, request.body);
    },
  );

  app.post(
    `${base}/importar`,
    {
      config: { acceso: { permiso: 'plan.editar' } },
      bodyLimit: LIMITES_HOJA_PROPIA.cuerpoJson,
      schema: {
        tags,
        summary:
          'Importar al plan en borrador la hoja propia con el mapa elegido (todo o nada, con la validación de la plantilla); guarda el mapa para el año siguiente',
        params: EntidadVigenciaParams,
        body: HojaPropiaSchema,
        response: {
          201: ImportacionSchema,
          400: ProblemasImportacionSchema,
          409: ErrorSchema,
          413: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const r = await importarHojaPropia(app.db, actorDe(request), entidadId, vigencia, request.body);
      if (!r.ok)
        return reply.status(400).send({ error: 'validacion', mensaje: r.mensaje, problemas: r.problemas });
      return reply.status(201).send({ importadas: r.importadas });
    },
  );
};
