import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActaFirmadaQuery,
  ComiteEntradaSchema,
  ComiteParams,
  ComiteResumenSchema,
  ComiteSchema,
  CompromisoEntradaSchema,
  CompromisoParams,
  ConvocarSchema,
  DecisionEntradaSchema,
  IntegranteCambioSchema,
  IntegranteEntradaSchema,
  IntegranteParams,
  SesionCambioSchema,
  SesionParams,
  SesionResumenSchema,
  SesionSchema,
} from '../../contrato/comites.ts';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { contentDisposition } from '../../core/nombre-archivo.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { enviarArchivo } from '../../server/enviar-archivo.ts';
import { actaPdf } from './acta-pdf.ts';
import {
  actaFirmada,
  adjuntarActaFirmada,
  agregarIntegrante,
  cambiarIntegrante,
  cambiarSesion,
  convocarSesion,
  crearComite,
  cumplirCompromiso,
  type EnComite,
  type EnSesion,
  listarComites,
  listarSesiones,
  registrarCompromiso,
  registrarDecision,
  verComite,
  verSesion,
} from './comites.service.ts';

const tags = ['Comités'];
const ACTA_MAXIMA = 25 * 1024 * 1024;
const ver = { acceso: { permiso: 'entidad.ver' as const } };
const gestionar = { acceso: { permiso: 'comite.gestionar' as const } };
const errores = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const BASE = '/api/entidades/:entidadId/comites';
const SESION = `${BASE}/:comiteId/sesiones/:sesionId`;

/** Committees, sessions, decisions and actas: who convenes and records is checked per committee type. */
export const comitesRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Who acts and on which committee (or session) of which entity, from the request's path. */
  const enComite = (r: FastifyRequest & { params: { entidadId: string; comiteId: string } }): EnComite => ({
    db: app.db,
    actor: actorDe(r),
    u: usuarioDe(r),
    entidadId: r.params.entidadId,
    comiteId: r.params.comiteId,
  });
  const enSesion = (
    r: FastifyRequest & { params: { entidadId: string; comiteId: string; sesionId: string } },
  ): EnSesion => ({ ...enComite(r), sesionId: r.params.sesionId });

  app.addContentTypeParser(
    ['application/pdf', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: ACTA_MAXIMA },
    (_req, cuerpo, listo) => listo(null, cuerpo),
  );

  app.get(
    BASE,
    {
      config: ver,
      schema: {
        tags,
        summary: 'Comités de la entidad (CIGD, CICCI, órgano que aprueba los planes, otros)',
        params: EntidadParams,
        response: { 200: z.array(ComiteResumenSchema) },
      },
    },
    async (request) => listarComites(app.db, usuarioDe(request), request.params.entidadId),
  );

  app.post(
    BASE,
    {
      config: gestionar,
      schema: {
        tags,
        summary: 'Crear un comité con su acto de creación e integrantes por cargo',
        params: EntidadParams,
        body: ComiteEntradaSchema,
        response: { 201: ComiteSchema, ...errores },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await crearComite(
            app.db,
            actorDe(request),
            usuarioDe(request),
            request.params.entidadId,
            request.body,
          ),
        ),
  );

  app.get(
    `${BASE}/:comiteId`,
    {
      config: ver,
      schema: {
        tags,
        summary: 'Un comité con sus integrantes por cargo',
        params: ComiteParams,
        response: { 200: ComiteSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      verComite(app.db, usuarioDe(request), request.params.entidadId, request.params.comiteId),
  );

  app.post(
    `${BASE}/:comiteId/integrantes`,
    {
      config: gestionar,
      schema: {
        tags,
        summary: 'Agregar un cargo al comité, con su rol, voz y voto y vigencia',
        params: ComiteParams,
        body: IntegranteEntradaSchema,
        response: { 200: ComiteSchema, ...errores },
      },
    },
    async (request) => agregarIntegrante(enComite(request), request.body),
  );

  app.put(
    `${BASE}/:comiteId/integrantes/:integranteId`,
    {
      config: gestionar,
      schema: {
        tags,
        summary:
          'Cambiar el titular de un cargo o su fecha final (los cargos no se borran); con lo leído: si otra persona lo cambió entre tanto, 409',
        params: IntegranteParams,
        body: IntegranteCambioSchema,
        response: { 200: ComiteSchema, ...errores },
      },
    },
    async (request) => cambiarIntegrante(enComite(request), request.params.integranteId, request.body),
  );

  app.get(
    `${BASE}/:comiteId/sesiones`,
    {
      config: ver,
      schema: {
        tags,
        summary: 'Sesiones del comité, la más reciente primero',
        params: ComiteParams,
        response: { 200: z.array(SesionResumenSchema), 404: ErrorSchema },
      },
    },
    async (request) => listarSesiones(app.db, request.params.entidadId, request.params.comiteId),
  );

  app.post(
    `${BASE}/:comiteId/sesiones`,
    {
      config: gestionar,
      schema: {
        tags,
        summary:
          'Convocar (registrar) una sesión ordinaria o extraordinaria; sin orden del día, se arma con lo pendiente',
        params: ComiteParams,
        body: ConvocarSchema,
        response: { 201: SesionSchema, ...errores },
      },
    },
    async (request, reply) => reply.status(201).send(await convocarSesion(enComite(request), request.body)),
  );

  app.get(
    SESION,
    {
      config: ver,
      schema: {
        tags,
        summary: 'Una sesión: asistencia y quórum, orden del día, desarrollo, decisiones y compromisos',
        params: SesionParams,
        response: { 200: SesionSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, comiteId, sesionId } = request.params;
      return verSesion(app.db, usuarioDe(request), entidadId, comiteId, sesionId);
    },
  );

  app.put(
    SESION,
    {
      config: gestionar,
      schema: {
        tags,
        summary: 'Registrar asistencia, orden del día y desarrollo (409 si el acta firmada ya está adjunta)',
        params: SesionParams,
        body: SesionCambioSchema,
        response: { 200: SesionSchema, ...errores },
      },
    },
    async (request) => cambiarSesion(enSesion(request), request.body),
  );

  app.post(
    `${SESION}/decisiones`,
    {
      config: gestionar,
      schema: {
        tags,
        summary:
          'Registrar una decisión tipada; «plan_aprobado» y «modificacion_aprobada» aprueban el plan con el mismo flujo',
        params: SesionParams,
        body: DecisionEntradaSchema,
        response: { 200: SesionSchema, ...errores },
      },
    },
    async (request) => registrarDecision(enSesion(request), request.body, app.correo),
  );

  app.post(
    `${SESION}/compromisos`,
    {
      config: gestionar,
      schema: {
        tags,
        summary: 'Registrar un compromiso con responsable y fecha (aparece en sus pendientes)',
        params: SesionParams,
        body: CompromisoEntradaSchema,
        response: { 200: SesionSchema, ...errores },
      },
    },
    async (request) => registrarCompromiso(enSesion(request), request.body),
  );

  app.post(
    `${BASE}/:comiteId/compromisos/:compromisoId/cumplido`,
    {
      config: gestionar,
      schema: {
        tags,
        summary: 'Marcar cumplido un compromiso de una sesión del comité',
        params: CompromisoParams,
        response: { 200: z.object({ id: z.guid(), cumplidoEn: z.string() }), ...errores },
      },
    },
    async (request) => cumplirCompromiso(enComite(request), request.params.compromisoId),
  );

  app.get(
    `${SESION}/acta.pdf`,
    {
      config: ver,
      schema: {
        tags,
        summary: 'El acta de la sesión en PDF, con la estructura de la GTC 185',
        params: SesionParams,
      },
    },
    async (request, reply) => {
      const { entidadId, comiteId, sesionId } = request.params;
      const a = await actaPdf(app.db, app.dataDir, usuarioDe(request), entidadId, comiteId, sesionId);
      return reply
        .header('content-disposition', contentDisposition(a.nombre))
        .header('cache-control', 'private, no-store')
        .type('application/pdf')
        .send(a.contenido);
    },
  );

  app.post(
    `${SESION}/acta-firmada`,
    {
      config: gestionar,
      bodyLimit: ACTA_MAXIMA,
      schema: {
        tags,
        summary: 'Adjuntar el acta firmada escaneada (PDF): la sesión queda bloqueada',
        params: SesionParams,
        querystring: ActaFirmadaQuery,
        consumes: ['application/pdf', 'application/octet-stream'],
        response: { 200: SesionSchema, ...errores, 413: ErrorSchema },
      },
    },
    async (request) =>
      adjuntarActaFirmada(enSesion(request), app.dataDir, request.body, request.query.nombre),
  );

  app.get(
    `${SESION}/acta-firmada`,
    {
      config: ver,
      schema: {
        tags,
        summary: 'Descargar el acta firmada escaneada (se comprueba su SHA-256)',
        params: SesionParams,
      },
    },
    async (request, reply) => {
      const { entidadId, comiteId, sesionId } = request.params;
      const a = await actaFirmada(app.db, app.dataDir, entidadId, comiteId, sesionId);
      return enviarArchivo(reply, a);
    },
  );
};
