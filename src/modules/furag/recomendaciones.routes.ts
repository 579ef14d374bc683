import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ProblemasImportacionSchema, TABLA_MAXIMA_BYTES } from '../../contrato/excel.ts';
import {
  CargaRecomendacionesQuery,
  CargaRecomendacionesSchema,
  ConvertirRecomendacionSchema,
  RecomendacionesQuery,
  RecomendacionesSchema,
  RecomendacionParams,
  TrazabilidadSchema,
} from '../../contrato/furag-recomendaciones.ts';
import { ActividadSchema, PropuestaSchema } from '../../contrato/plan.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import type { LimitesHoja } from '../excel/plan-xlsx.ts';
import { aceptarTablas, CSV, responderTablaSubida, XLSX } from '../importacion/leer-tabla.ts';
import {
  cargarRecomendaciones,
  convertirEnActividad,
  convertirEnPropuesta,
  listarRecomendaciones,
  trazabilidad,
} from './recomendaciones.service.ts';

const tags = ['Medición FURAG'];

/** A few hundred rows of index and text; the row bound of core/furag-recomendaciones.ts is checked again. */
const LIMITES_HOJA_RECOMENDACIONES: LimitesHoja = {
  columnas: 50,
  filas: 2100,
  queFilas: 'filas de recomendaciones',
  queDividir: 'el archivo',
};

export const recomendacionesRoutes: FastifyPluginAsyncZod = async (app) => {
  aceptarTablas(app, TABLA_MAXIMA_BYTES);

  app.post(
    '/api/entidades/:entidadId/furag/recomendaciones/import',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      bodyLimit: TABLA_MAXIMA_BYTES,
      schema: {
        tags,
        summary:
          'Cargar las recomendaciones de Función Pública a la entidad con sus resultados de una vigencia (.xlsx o .csv con columnas «Índice» y «Recomendación», y «Política» si viene); todo o nada; reemplaza las no usadas de esa vigencia y conserva las ya convertidas en actividad o propuesta',
        params: EntidadParams,
        querystring: CargaRecomendacionesQuery,
        consumes: [XLSX, CSV],
        response: {
          201: CargaRecomendacionesSchema,
          400: ProblemasImportacionSchema,
          404: ErrorSchema,
          413: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) =>
      responderTablaSubida(
        request,
        reply,
        {
          falta: 'Envíe el archivo de recomendaciones (.xlsx o .csv).',
          limites: LIMITES_HOJA_RECOMENDACIONES,
        },
        (tabla) =>
          cargarRecomendaciones(
            app.db,
            actorDe(request),
            request.params.entidadId,
            request.query.vigencia,
            tabla.encabezados,
            tabla.filas,
          ),
      ),
  );

  app.get(
    '/api/entidades/:entidadId/furag/recomendaciones',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Recomendaciones de Función Pública a la entidad, por política e índice, con las actividades y propuestas que salieron de cada una',
        params: EntidadParams,
        querystring: RecomendacionesQuery,
        response: { 200: RecomendacionesSchema, 404: ErrorSchema },
      },
    },
    async (request) => listarRecomendaciones(app.db, request.params.entidadId, request.query.vigencia),
  );

  app.get(
    '/api/entidades/:entidadId/furag/recomendaciones/:recomendacionId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Trazabilidad de una recomendación: sus actividades, su avance y evidencias, y el puntaje del índice en su vigencia y en la siguiente',
        params: RecomendacionParams,
        response: { 200: TrazabilidadSchema, 404: ErrorSchema },
      },
    },
    async (request) => trazabilidad(app.db, request.params.entidadId, request.params.recomendacionId),
  );

  app.post(
    '/api/entidades/:entidadId/furag/recomendaciones/:recomendacionId/actividad',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary:
          'Convertir la recomendación en una actividad del plan en borrador de la vigencia dada, con su política e índice (planeación)',
        params: RecomendacionParams,
        body: ConvertirRecomendacionSchema,
        response: { 201: ActividadSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, recomendacionId } = request.params;
      const a = await convertirEnActividad(
        app.db,
        actorDe(request),
        entidadId,
        recomendacionId,
        request.body.vigencia,
        request.body.actividad,
      );
      return reply.status(201).send(a);
    },
  );

  app.post(
    '/api/entidades/:entidadId/furag/recomendaciones/:recomendacionId/propuesta',
    {
      config: { acceso: { permiso: 'recomendacion.proponer' } },
      schema: {
        tags,
        summary:
          'Convertir la recomendación en una propuesta de actividad para que planeación la incorpore (responsable de la política, o planeación)',
        params: RecomendacionParams,
        body: ConvertirRecomendacionSchema,
        response: {
          201: PropuestaSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId, recomendacionId } = request.params;
      const u = usuarioDe(request);
      const esPlaneacion = u.adminPlataforma || (u.roles.get(entidadId) ?? []).includes('planeacion');
      const p = await convertirEnPropuesta(
        app.db,
        { ...actorDe(request), usuarioId: u.id },
        esPlaneacion,
        entidadId,
        recomendacionId,
        request.body.vigencia,
        request.body.actividad,
      );
      return reply.status(201).send(p);
    },
  );
};
