import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  ActividadEntradaSchema,
  DescartarPropuestaSchema,
  IncorporarPropuestaSchema,
  PlanSchema,
  PropuestaParams,
  PropuestaSchema,
  SubirActoQuery,
  VersionActoParams,
} from '../../contrato/plan.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { enviarArchivo } from '../../server/enviar-archivo.ts';
import { actoDelPlan, adjuntarActo, aprobarCambioMenor } from './flujo.service.ts';
import {
  corregirPropuesta,
  descartarPropuesta,
  incorporarPropuesta,
  listarPropuestas,
  proponerActividad,
} from './propuestas.service.ts';

const tags = ['Plan de acción'];
const ACTO_MAXIMO = 25 * 1024 * 1024;

/** Who approves what: minor changes by planeación, the act that adopts the plan, the 1.ª línea's proposals. */
export const aprobacionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ['application/pdf', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: ACTO_MAXIMO },
    (_req, cuerpo, listo) => listo(null, cuerpo),
  );
  const quien = (request: Parameters<typeof usuarioDe>[0]) => ({
    ...actorDe(request),
    usuarioId: usuarioDe(request).id,
  });

  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/aprobar-cambio-menor',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary:
          'Aprobar como cambio menor (fechas, responsables, redacción) la nueva versión en borrador; un cambio de metas, ponderaciones o actividades responde 409 y va al órgano que aprueba',
        params: EntidadVigenciaParams,
        response: { 200: PlanSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      aprobarCambioMenor(app.db, actorDe(request), request.params.entidadId, request.params.vigencia),
  );

  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/acto',
    {
      config: { acceso: { permiso: 'plan.acto' } },
      bodyLimit: ACTO_MAXIMO,
      schema: {
        tags,
        summary:
          'Adjuntar el PDF del acto administrativo (resolución o acuerdo) que adopta la versión aprobada; tipo, número y fecha van en la consulta si no se registraron al aprobar',
        params: EntidadVigenciaParams,
        querystring: SubirActoQuery,
        consumes: ['application/pdf', 'application/octet-stream'],
        response: { 200: PlanSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 413: ErrorSchema },
      },
    },
    async (request) => {
      const { nombre, ...datos } = request.query;
      return adjuntarActo(
        app.db,
        app.dataDir,
        actorDe(request),
        request.params.entidadId,
        request.params.vigencia,
        request.body,
        nombre,
        datos,
      );
    },
  );

  app.get(
    '/api/entidades/:entidadId/planes/:vigencia/versiones/:version/acto',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Descargar el PDF del acto que adoptó una versión del plan (se comprueba su SHA-256)',
        params: VersionActoParams,
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, version } = request.params;
      const a = await actoDelPlan(app.db, app.dataDir, entidadId, vigencia, version);
      return enviarArchivo(reply, a);
    },
  );

  app.get(
    '/api/entidades/:entidadId/planes/:vigencia/propuestas',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Propuestas de actividades de la primera línea, con su autor y estado',
        params: EntidadVigenciaParams,
        response: { 200: z.array(PropuestaSchema) },
      },
    },
    async (request) => listarPropuestas(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/propuestas',
    {
      config: { acceso: { permiso: 'plan.proponer' } },
      schema: {
        tags,
        summary:
          'Proponer una actividad de una política a cargo (responsable de política), para que planeación la consolide',
        params: EntidadVigenciaParams,
        body: ActividadEntradaSchema,
        response: { 201: PropuestaSchema, 400: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const p = await proponerActividad(app.db, quien(request), entidadId, vigencia, request.body);
      return reply.status(201).send(p);
    },
  );

  app.put(
    '/api/entidades/:entidadId/planes/:vigencia/propuestas/:propuestaId',
    {
      config: { acceso: { permiso: 'plan.proponer' } },
      schema: {
        tags,
        summary: 'Corregir una propuesta pendiente (solo su autor)',
        params: PropuestaParams,
        body: ActividadEntradaSchema,
        response: {
          200: PropuestaSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { entidadId, vigencia, propuestaId } = request.params;
      return corregirPropuesta(app.db, quien(request), entidadId, vigencia, propuestaId, request.body);
    },
  );

  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/propuestas/:propuestaId/incorporar',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary:
          'Incorporar la propuesta al plan en borrador, tal como llegó o editada (cuerpo: la actividad completa); la actividad conserva su autor',
        params: PropuestaParams,
        body: IncorporarPropuestaSchema,
        response: { 200: PropuestaSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, propuestaId } = request.params;
      return incorporarPropuesta(
        app.db,
        actorDe(request),
        entidadId,
        vigencia,
        propuestaId,
        request.body ?? undefined,
      );
    },
  );

  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/propuestas/:propuestaId/descartar',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'No incorporar la propuesta, con el motivo para su autor',
        params: PropuestaParams,
        body: DescartarPropuestaSchema,
        response: { 200: PropuestaSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, propuestaId } = request.params;
      return descartarPropuesta(
        app.db,
        actorDe(request),
        entidadId,
        vigencia,
        propuestaId,
        request.body.motivo,
      );
    },
  );
};
