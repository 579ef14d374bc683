import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EvidenciasElegiblesSchema } from '../../contrato/autodiagnosticos.ts';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';

import {
  AsignarSeccionSchema,
  CrearSimulacroSchema,
  GuardarRespuestaSimulacroSchema,
  ItemSimulacroParams,
  ListaSimulacrosSchema,
  SeccionSimulacroParams,
  SimulacroParams,
  SimulacroResumenSchema,
  SimulacroSchema,
} from '../../contrato/simulacros.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { XLSX } from '../importacion/leer-tabla.ts';
import {
  asignarSeccion,
  crearSimulacro,
  evidenciasElegiblesSimulacro,
  exportarSimulacro,
  guardarRespuestaSimulacro,
  listarSimulacros,
  verSimulacro,
} from './simulacros.service.ts';

const tags = ['Simulacro FURAG'];

export const simulacrosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/simulacros',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Simulacros FURAG de la entidad con su avance: completitud y cobertura de evidencia (nunca un puntaje)',
        params: EntidadParams,
        response: { 200: ListaSimulacrosSchema, 404: ErrorSchema },
      },
    },
    async (request) => ({ simulacros: await listarSimulacros(app.db, request.params.entidadId) }),
  );

  app.post(
    '/api/entidades/:entidadId/simulacros',
    {
      config: { acceso: { permiso: 'simulacro.gestionar' } },
      schema: {
        tags,
        summary:
          'Abrir el simulacro FURAG de la entidad con el banco de preguntas de la vigencia (cuestionario de instrumento «furag»), diciendo qué módulo es el formulario de control interno',
        params: EntidadParams,
        body: CrearSimulacroSchema,
        response: { 201: SimulacroResumenSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await crearSimulacro(
            app.db,
            actorDe(request),
            request.params.entidadId,
            request.body.cuestionarioId,
            request.body.seccionControlInterno ?? null,
          ),
        ),
  );

  app.get(
    '/api/entidades/:entidadId/simulacros/:simulacroId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'El simulacro: preguntas, respuestas con evidencias, la respuesta de la vigencia anterior al lado, quién responde cada una y el avance por módulo y persona',
        params: SimulacroParams,
        response: { 200: SimulacroSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      verSimulacro(app.db, usuarioDe(request), request.params.entidadId, request.params.simulacroId),
  );

  app.put(
    '/api/entidades/:entidadId/simulacros/:simulacroId/asignaciones/:seccion',
    {
      config: { acceso: { permiso: 'simulacro.gestionar' } },
      schema: {
        tags,
        summary:
          'Asignar una sección (un módulo o una parte) a una persona de planeación; null quita la asignación',
        params: SeccionSimulacroParams,
        body: AsignarSeccionSchema,
        response: {
          200: SimulacroSchema.shape.asignaciones,
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { entidadId, simulacroId, seccion } = request.params;
      return asignarSeccion(
        app.db,
        actorDe(request),
        entidadId,
        simulacroId,
        seccion,
        request.body.usuarioId,
      );
    },
  );

  app.put(
    '/api/entidades/:entidadId/simulacros/:simulacroId/respuestas/:item',
    {
      config: { acceso: { permiso: 'simulacro.responder' } },
      schema: {
        tags,
        summary:
          'Responder una pregunta con su observación y enlaces de evidencia (la persona asignada a su sección; control interno solo su formulario)',
        params: ItemSimulacroParams,
        body: GuardarRespuestaSimulacroSchema,
        response: {
          200: SimulacroSchema.shape.avance,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { entidadId, simulacroId, item } = request.params;
      return guardarRespuestaSimulacro(
        app.db,
        actorDe(request),
        usuarioDe(request),
        entidadId,
        simulacroId,
        item,
        request.body,
      );
    },
  );

  app.get(
    '/api/entidades/:entidadId/simulacros/:simulacroId/export.xlsx',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Todas las preguntas del simulacro con su respuesta, observación, enlaces de evidencia, quién responde y la respuesta de la vigencia anterior, en .xlsx',
        params: SimulacroParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      // The address the person used: the links of seguimiento's evidence open from the workbook.
      const { nombre, contenido } = await exportarSimulacro(
        app.db,
        request.params.entidadId,
        request.params.simulacroId,
        `${request.protocol}://${request.host}`,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${nombre}"`)
        .header('cache-control', 'no-store')
        .send(contenido);
    },
  );

  app.get(
    '/api/entidades/:entidadId/simulacros/:simulacroId/evidencias-elegibles',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Evidencias ya cargadas en el seguimiento de la entidad que se pueden enlazar a las respuestas del simulacro (primero las de su vigencia)',
        params: SimulacroParams,
        response: { 200: EvidenciasElegiblesSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      evidenciasElegiblesSimulacro(app.db, request.params.entidadId, request.params.simulacroId),
  );
};
