import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ProblemasImportacionSchema, TABLA_MAXIMA_BYTES } from '../../contrato/excel.ts';
import {
  CandidatosFuragSchema,
  CargaFuragQuery,
  CargaFuragSchema,
  DepartamentoFuragQuery,
  DepartamentoFuragSchema,
  FuragEntidadQuery,
  HistoriaFuragSchema,
  PuntajesDigitadosEntradaSchema,
  PuntajesDigitadosParams,
  PuntajesDigitadosSchema,
  RESULTADOS_FURAG_MAXIMO_BYTES,
  ResultadoFuragSchema,
} from '../../contrato/furag.ts';
import { actorDe } from '../../server/auth.ts';
import { aceptarTablas, CSV, responderTablaSubida, XLSX } from '../importacion/leer-tabla.ts';
import {
  candidatosDeEntidad,
  cargarResultados,
  departamentoDeEntidad,
  guardarDigitados,
  historiaDeEntidad,
  LIMITES_HOJA_FURAG,
  puntajesDigitados,
  resultadoDeEntidad,
  resultadosDeDepartamento,
} from './furag.service.ts';

const tags = ['Medición FURAG'];
const RESULTADOS_MAXIMO_BYTES = Math.max(TABLA_MAXIMA_BYTES, RESULTADOS_FURAG_MAXIMO_BYTES);

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
    async (request, reply) =>
      responderTablaSubida(
        request,
        reply,
        { falta: 'Envíe el archivo de resultados FURAG (.xlsx o .csv).', limites: LIMITES_HOJA_FURAG },
        (tabla) =>
          cargarResultados(app.db, actorDe(request), request.query.vigencia, tabla.encabezados, tabla.filas),
      ),
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

  app.get(
    '/api/entidades/:entidadId/furag/historia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Historia del IDI, las dimensiones y las políticas de la entidad en cada vigencia cargada, frente a su grupo par',
        params: EntidadParams,
        response: { 200: HistoriaFuragSchema, 404: ErrorSchema },
      },
    },
    async (request) => historiaDeEntidad(app.db, request.params.entidadId),
  );

  app.get(
    '/api/entidades/:entidadId/furag/candidatos',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Filas del archivo de resultados con un nombre parecido al de la entidad, para reconocer la suya y registrar su código SIGEP',
        params: EntidadParams,
        querystring: FuragEntidadQuery,
        response: { 200: CandidatosFuragSchema, 404: ErrorSchema },
      },
    },
    async (request) => candidatosDeEntidad(app.db, request.params.entidadId, request.query.vigencia),
  );

  app.get(
    '/api/entidades/:entidadId/furag/departamento',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Las entidades del departamento de una gobernación, lado a lado (IDI y dimensiones) desde el mismo archivo; el administrador de la plataforma puede pedir cualquier departamento',
        params: EntidadParams,
        querystring: DepartamentoFuragQuery,
        response: { 200: DepartamentoFuragSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const departamento = await departamentoDeEntidad(
        app.db,
        request.params.entidadId,
        request.usuario?.adminPlataforma === true,
        request.query.departamento,
      );
      return resultadosDeDepartamento(app.db, departamento, request.query.vigencia);
    },
  );

  app.get(
    '/api/entidades/:entidadId/furag/digitados/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Los puntajes FURAG que la entidad digitó para una vigencia, con su versión para corregirlos',
        params: PuntajesDigitadosParams,
        response: { 200: PuntajesDigitadosSchema, 404: ErrorSchema },
      },
    },
    async (request) => puntajesDigitados(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.put(
    '/api/entidades/:entidadId/furag/digitados/:vigencia',
    {
      // Planeación: the role that edits the plan reports FURAG and loads its recommendations (plan.editar too).
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary:
          'Digitar los puntajes oficiales de la entidad de una vigencia desde su informe de resultados, cuando el archivo nacional no trae su fila (planeación); quedan marcados como digitados por la entidad y no se comparan con el grupo par',
        params: PuntajesDigitadosParams,
        body: PuntajesDigitadosEntradaSchema,
        response: { 200: PuntajesDigitadosSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      guardarDigitados(
        app.db,
        actorDe(request),
        request.params.entidadId,
        request.params.vigencia,
        request.body,
      ),
  );
};
