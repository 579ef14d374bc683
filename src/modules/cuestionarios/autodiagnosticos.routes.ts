import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccionMejoraSchema,
  AsignarAutodiagnosticoSchema,
  AutodiagnosticoParams,
  AutodiagnosticoResumenSchema,
  AutodiagnosticoSchema,
  AutodiagnosticosQuery,
  BrechaParams,
  DevolverAutodiagnosticoSchema,
  EvidenciaEnlazadaSchema,
  EvidenciaItemParams,
  EvidenciasElegiblesSchema,
  GuardarRespuestaSchema,
  ListaAutodiagnosticosSchema,
  RespuestaParams,
  ResultadoAutodiagnosticoSchema,
  VerAutodiagnosticoQuery,
  VincularEvidenciaSchema,
} from '../../contrato/autodiagnosticos.ts';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ActividadSchema, PropuestaSchema } from '../../contrato/plan.ts';
import { TRANSICIONES_AUTODIAGNOSTICO } from '../../core/autodiagnostico.ts';
import { UMBRAL_BRECHA } from '../../core/cuestionario.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { brechaEnActividad, brechaEnPropuesta } from './acciones-mejora.service.ts';
import {
  asignarAutodiagnostico,
  cambiarEstado,
  desvincularEvidencia,
  guardarRespuesta,
  listarAutodiagnosticos,
  verAutodiagnostico,
  vincularEvidencia,
} from './autodiagnosticos.service.ts';
import { evidenciasElegibles } from './evidencias-elegibles.ts';

const tags = ['Autodiagnósticos'];

export const autodiagnosticosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/autodiagnosticos',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Autodiagnósticos de la entidad con su puntaje y, al lado, su completitud',
        params: EntidadParams,
        querystring: AutodiagnosticosQuery,
        response: { 200: ListaAutodiagnosticosSchema, 404: ErrorSchema },
      },
    },
    async (request) => ({
      autodiagnosticos: await listarAutodiagnosticos(
        app.db,
        request.params.entidadId,
        request.query.vigencia,
      ),
    }),
  );

  app.post(
    '/api/entidades/:entidadId/autodiagnosticos',
    {
      config: { acceso: { permiso: 'autodiagnostico.asignar' } },
      schema: {
        tags,
        summary:
          'Asignar a la entidad el autodiagnóstico de una política (lo responde quien es responsable de la política en la vigencia)',
        params: EntidadParams,
        body: AsignarAutodiagnosticoSchema,
        response: { 201: AutodiagnosticoResumenSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await asignarAutodiagnostico(
            app.db,
            actorDe(request),
            request.params.entidadId,
            request.body.cuestionarioId,
          ),
        ),
  );

  app.get(
    '/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Un autodiagnóstico: el cuestionario, las respuestas con observación, lo visible, el puntaje y las brechas',
        params: AutodiagnosticoParams,
        querystring: VerAutodiagnosticoQuery,
        response: { 200: AutodiagnosticoSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      verAutodiagnostico(
        app.db,
        usuarioDe(request),
        request.params.entidadId,
        request.params.autodiagnosticoId,
        request.query.umbral,
      ),
  );

  app.put(
    '/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/respuestas/:item',
    {
      config: { acceso: { permiso: 'autodiagnostico.responder' } },
      schema: {
        tags,
        summary:
          'Responder un ítem con su observación (solo el responsable de la política); devuelve el puntaje',
        params: RespuestaParams,
        body: GuardarRespuestaSchema,
        response: {
          200: ResultadoAutodiagnosticoSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) =>
      guardarRespuesta(
        app.db,
        actorDe(request),
        usuarioDe(request),
        request.params.entidadId,
        request.params.autodiagnosticoId,
        request.params.item,
        request.body,
      ),
  );

  for (const accion of ['enviar', 'revisar', 'devolver'] as const) {
    const t = TRANSICIONES_AUTODIAGNOSTICO[accion];
    app.post(
      `/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/${accion}`,
      {
        config: { acceso: { permiso: t.permiso } },
        schema: {
          tags,
          summary: {
            enviar: 'Enviar el autodiagnóstico a planeación (su responsable)',
            revisar: 'Marcar el autodiagnóstico como revisado (planeación)',
            devolver: 'Devolver el autodiagnóstico al responsable con observaciones (planeación)',
          }[accion],
          params: AutodiagnosticoParams,
          ...(t.observaciones ? { body: DevolverAutodiagnosticoSchema } : {}),
          response: {
            200: AutodiagnosticoResumenSchema,
            400: ErrorSchema,
            403: ErrorSchema,
            404: ErrorSchema,
            409: ErrorSchema,
          },
        },
      },
      async (request) =>
        cambiarEstado(
          app.db,
          actorDe(request),
          usuarioDe(request),
          request.params.entidadId,
          request.params.autodiagnosticoId,
          accion,
          (request.body as { observaciones?: string } | undefined)?.observaciones,
        ),
    );
  }

  app.get(
    '/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/evidencias-elegibles',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Evidencias ya cargadas en el seguimiento de la entidad que se pueden enlazar a sus respuestas (primero las de la vigencia y la política)',
        params: AutodiagnosticoParams,
        response: { 200: EvidenciasElegiblesSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      evidenciasElegibles(app.db, request.params.entidadId, request.params.autodiagnosticoId),
  );

  app.post(
    '/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/respuestas/:item/evidencias',
    {
      config: { acceso: { permiso: 'autodiagnostico.responder' } },
      schema: {
        tags,
        summary:
          'Enlazar a un ítem una evidencia ya cargada en el seguimiento de la entidad (el mismo archivo, no una copia)',
        params: RespuestaParams,
        body: VincularEvidenciaSchema,
        response: {
          201: z.array(EvidenciaEnlazadaSchema),
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId, autodiagnosticoId, item } = request.params;
      return reply
        .status(201)
        .send(
          await vincularEvidencia(
            app.db,
            actorDe(request),
            usuarioDe(request),
            entidadId,
            autodiagnosticoId,
            item,
            request.body.evidenciaId,
          ),
        );
    },
  );

  app.delete(
    '/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/respuestas/:item/evidencias/:evidenciaId',
    {
      config: { acceso: { permiso: 'autodiagnostico.responder' } },
      schema: {
        tags,
        summary: 'Quitar de un ítem una evidencia enlazada (el archivo sigue en su reporte de seguimiento)',
        params: EvidenciaItemParams,
        response: { 204: z.null(), 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, autodiagnosticoId, item, evidenciaId } = request.params;
      await desvincularEvidencia(
        app.db,
        actorDe(request),
        usuarioDe(request),
        entidadId,
        autodiagnosticoId,
        item,
        evidenciaId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/brechas/:item/actividad',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary:
          'Crear acción de mejora: convertir la brecha (ítem con puntaje bajo el umbral) en una actividad del plan en borrador de la vigencia dada, con la política del autodiagnóstico (planeación)',
        params: BrechaParams,
        body: AccionMejoraSchema,
        response: { 201: ActividadSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, autodiagnosticoId, item } = request.params;
      const a = await brechaEnActividad(
        app.db,
        actorDe(request),
        entidadId,
        autodiagnosticoId,
        item,
        request.body.umbral ?? UMBRAL_BRECHA,
        request.body.vigencia,
        request.body.actividad,
      );
      return reply.status(201).send(a);
    },
  );

  app.post(
    '/api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/brechas/:item/propuesta',
    {
      config: { acceso: { permiso: 'autodiagnostico.proponer_mejora' } },
      schema: {
        tags,
        summary:
          'Crear acción de mejora como propuesta de actividad para que planeación la incorpore (responsable de la política en la vigencia del plan, o planeación)',
        params: BrechaParams,
        body: AccionMejoraSchema,
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
      const { entidadId, autodiagnosticoId, item } = request.params;
      const u = usuarioDe(request);
      const esPlaneacion = u.adminPlataforma || (u.roles.get(entidadId) ?? []).includes('planeacion');
      const p = await brechaEnPropuesta(
        app.db,
        { ...actorDe(request), usuarioId: u.id },
        esPlaneacion,
        entidadId,
        autodiagnosticoId,
        item,
        request.body.umbral ?? UMBRAL_BRECHA,
        request.body.vigencia,
        request.body.actividad,
      );
      return reply.status(201).send(p);
    },
  );
};
