import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ProblemasImportacionSchema, TABLA_MAXIMA_BYTES } from '../../contrato/excel.ts';
import {
  CargaFuragQuery,
  CargaFuragSchema,
  FuragEntidadQuery,
  ResultadoFuragSchema,
} from '../../contrato/furag.ts';
import { actorDe } from '../../server/auth.ts';
import { aceptarTablas, CSV, leerTablaSubida, XLSX } from '../importacion/leer-tabla.ts';
import { cargarResultados, LIMITES_HOJA_FURAG, resultadoDeEntidad } from './furag.service.ts';

const tags = ['Medición FURAG'];
/** The national file as .xlsx is ≈ 3–5 MB; as CSV up to ≈ 10 MB. */
const RESULTADOS_MAXIMO_BYTES = Math.max(TABLA_MAXIMA_BYTES, 16 * 1024 * 1024);

export const furagRoutes: FastifyPluginAsyncZod = async (app) => {
  aceptarTablas(app, RESULTADOS_MAXIMO_BYTES);

  app.post(
    '/api/furag/resultados/import',
    {
      config: { acceso: 'plataforma' },
      bodyLimit: RESULTADOS_MAXIMO_BYTES,
      schema: {
        tags,
        summary:
          'Cargar el archivo oficial de resultados FURAG de una vigencia (.xlsx o .csv, todo o nada; reemplaza la carga anterior de esa vigencia)',
        querystring: CargaFuragQuery,
        consumes: [XLSX, CSV],
        response: {
          201: CargaFuragSchema,
          400: ProblemasImportacionSchema,
          413: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const rechazar = (mensaje: string, problemas: { fila: number; columna: string; problema: string }[]) =>
        reply.status(400).send({ error: 'validacion', mensaje, problemas });
      const tabla = await leerTablaSubida(
        request,
        reply,
        'Envíe el archivo de resultados FURAG (.xlsx o .csv).',
        LIMITES_HOJA_FURAG,
      );
      if (!tabla.ok) return rechazar(tabla.mensaje, []);
      const r = await cargarResultados(
        app.db,
        actorDe(request),
        request.query.vigencia,
        tabla.encabezados,
        tabla.filas,
      );
      if (!r.ok) return rechazar(r.mensaje, r.problemas);
      return reply.status(201).send({ entidades: r.entidades, columnas: r.columnas });
    },
  );

  app.get(
    '/api/entidades/:entidadId/furag',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Puntajes FURAG oficiales de la entidad frente a su grupo par (IDI, dimensiones, políticas, índices)',
        params: EntidadParams,
        querystring: FuragEntidadQuery,
        response: { 200: ResultadoFuragSchema, 404: ErrorSchema },
      },
    },
    async (request) => resultadoDeEntidad(app.db, request.params.entidadId, request.query.vigencia),
  );
};
