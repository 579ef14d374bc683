import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema, VigenciaQuery } from '../../contrato/comun.ts';
import {
  IndicadorDetalleSchema,
  IndicadorEntradaSchema,
  IndicadorParams,
  IndicadorSchema,
  MedicionEntradaSchema,
  MedicionParams,
} from '../../contrato/indicadores.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import {
  actualizarIndicador,
  crearIndicador,
  leerIndicador,
  listarIndicadores,
  registrarMedicion,
} from './indicadores.service.ts';

const tags = ['Indicadores'];

export const indicadoresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/indicadores',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Indicadores de la vigencia con sus mediciones',
        params: EntidadParams,
        querystring: VigenciaQuery,
        response: { 200: z.array(IndicadorSchema) },
      },
    },
    async (request) => listarIndicadores(app.db, request.params.entidadId, request.query.vigencia),
  );

  app.get(
    '/api/entidades/:entidadId/indicadores/:indicadorId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Hoja de vida del indicador, sus mediciones y las actividades que lo alimentan',
        params: IndicadorParams,
        response: { 200: IndicadorDetalleSchema, 404: ErrorSchema },
      },
    },
    async (request) => leerIndicador(app.db, request.params.entidadId, request.params.indicadorId),
  );

  app.post(
    '/api/entidades/:entidadId/indicadores',
    {
      config: { acceso: { permiso: 'indicador.editar' } },
      schema: {
        tags,
        summary: 'Crear la hoja de vida de un indicador',
        params: EntidadParams,
        body: IndicadorEntradaSchema,
        response: { 201: IndicadorSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await crearIndicador(app.db, actorDe(request), request.params.entidadId, request.body)),
  );

  app.put(
    '/api/entidades/:entidadId/indicadores/:indicadorId',
    {
      config: { acceso: { permiso: 'indicador.editar' } },
      schema: {
        tags,
        summary: 'Cambiar la hoja de vida de un indicador',
        params: IndicadorParams,
        body: IndicadorEntradaSchema,
        response: { 200: IndicadorSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      actualizarIndicador(
        app.db,
        actorDe(request),
        request.params.entidadId,
        request.params.indicadorId,
        request.body,
      ),
  );

  app.put(
    '/api/entidades/:entidadId/indicadores/:indicadorId/mediciones/:periodo',
    {
      config: { acceso: { permiso: 'indicador.medir' } },
      schema: {
        tags,
        summary: 'Registrar la medición de un periodo (numerador y, si la fórmula lo tiene, denominador)',
        params: MedicionParams,
        body: MedicionEntradaSchema,
        response: {
          200: IndicadorSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { entidadId, indicadorId, periodo } = request.params;
      return registrarMedicion(
        app.db,
        actorDe(request),
        usuarioDe(request),
        entidadId,
        indicadorId,
        periodo,
        request.body,
      );
    },
  );
};
