import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AgregarEventoSchema,
  AvisoSchema,
  CalendarioLegalSchema,
  EventoCalendarioSchema,
  EventoParams,
  IcsQuery,
  MoverEventoSchema,
  QuitarEventoSchema,
  SuscripcionSchema,
  TokenParams,
} from '../../contrato/calendario-legal.ts';
import { EntidadParams, EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { noEncontrado } from '../../server/errores.ts';
import {
  agregarEvento,
  cambiarDiasAviso,
  crearSuscripcion,
  entidadDeSuscripcion,
  icsDe,
  leerCalendarioLegal,
  moverEvento,
  quitarEvento,
  restaurarEvento,
  revocarSuscripcion,
  vigenciasDeSuscripcion,
} from './calendario-legal.service.ts';
import { recordarTrasCambio } from './recordatorios.service.ts';

const tags = ['Calendario legal'];
const ICS = 'text/calendar; charset=utf-8';

export const calendarioLegalRoutes: FastifyPluginAsyncZod = async (app) => {
  const urlPublica = () => app.correo?.urlPublica ?? null;
  const actorConUsuario = (request: Parameters<typeof actorDe>[0]) => ({
    ...actorDe(request),
    usuarioId: usuarioDe(request).id,
  });

  app.get(
    '/api/entidades/:entidadId/calendario-legal/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Calendario legal de la vigencia: publicaciones del 31 de enero, cortes y ventanas, FURAG, control interno, rendición de cuentas y CIGD, con los cambios de la entidad',
        params: EntidadVigenciaParams,
        response: { 200: CalendarioLegalSchema, 400: ErrorSchema },
      },
    },
    async (request) =>
      leerCalendarioLegal(app.db, request.params.entidadId, request.params.vigencia, usuarioDe(request).id),
  );

  app.post(
    '/api/entidades/:entidadId/calendario-legal/:vigencia/eventos',
    {
      config: { acceso: { permiso: 'calendario.editar' } },
      schema: {
        tags,
        summary: 'Agregar un evento propio de la entidad, con su justificación',
        params: EntidadVigenciaParams,
        body: AgregarEventoSchema,
        response: { 201: EventoCalendarioSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const evento = await agregarEvento(app.db, actorDe(request), entidadId, vigencia, request.body);
      await recordarTrasCambio(app, entidadId);
      return reply.status(201).send(evento);
    },
  );

  app.put(
    '/api/entidades/:entidadId/calendario-legal/:vigencia/eventos/:clave',
    {
      config: { acceso: { permiso: 'calendario.editar' } },
      schema: {
        tags,
        summary: 'Mover un evento a otra fecha, con su justificación (la fecha de la regla queda a la vista)',
        params: EventoParams,
        body: MoverEventoSchema,
        response: { 200: EventoCalendarioSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, clave } = request.params;
      const evento = await moverEvento(app.db, actorDe(request), entidadId, vigencia, clave, request.body);
      await recordarTrasCambio(app, entidadId);
      return evento;
    },
  );

  app.post(
    '/api/entidades/:entidadId/calendario-legal/:vigencia/eventos/:clave/quitar',
    {
      config: { acceso: { permiso: 'calendario.editar' } },
      schema: {
        tags,
        summary: 'Quitar un evento con su justificación (uno de regla queda listado como quitado)',
        params: EventoParams,
        body: QuitarEventoSchema,
        response: { 204: z.null(), 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, clave } = request.params;
      await quitarEvento(app.db, actorDe(request), entidadId, vigencia, clave, request.body.justificacion);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/calendario-legal/:vigencia/eventos/:clave',
    {
      config: { acceso: { permiso: 'calendario.editar' } },
      schema: {
        tags,
        summary: 'Deshacer el cambio de un evento de regla: vuelve a la fecha que da la regla',
        params: EventoParams,
        response: { 204: z.null(), 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, clave } = request.params;
      await restaurarEvento(app.db, actorDe(request), entidadId, vigencia, clave);
      await recordarTrasCambio(app, entidadId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/entidades/:entidadId/calendario-legal/aviso',
    {
      config: { acceso: { permiso: 'calendario.editar' } },
      schema: {
        tags,
        summary: 'Cuántos días hábiles antes de cada plazo se recuerda a sus responsables',
        params: EntidadParams,
        body: AvisoSchema,
        response: { 200: AvisoSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const aviso = await cambiarDiasAviso(
        app.db,
        actorDe(request),
        request.params.entidadId,
        request.body.diasAviso,
      );
      await recordarTrasCambio(app, request.params.entidadId);
      return aviso;
    },
  );

  app.get(
    '/api/entidades/:entidadId/calendario.ics',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Calendario legal en iCalendar (un evento por plazo): del año pedido, o de este año y el siguiente',
        params: EntidadParams,
        querystring: IcsQuery,
      },
    },
    async (request, reply) => {
      const anio = request.query.anio;
      const vigencias = anio ? [anio] : vigenciasDeSuscripcion(hoyEnColombia());
      const ics = await icsDe(app.db, request.params.entidadId, vigencias, urlPublica());
      return reply
        .type(ICS)
        .header('content-disposition', 'attachment; filename="calendario-legal.ics"')
        .send(ics);
    },
  );

  app.post(
    '/api/entidades/:entidadId/calendario/suscripcion',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Crear mi enlace secreto de suscripción al calendario legal (el anterior deja de servir); se muestra una sola vez',
        params: EntidadParams,
        response: { 201: SuscripcionSchema },
      },
    },
    async (request, reply) => {
      const base = urlPublica() ?? `${request.protocol}://${request.host}`;
      return reply
        .status(201)
        .send(await crearSuscripcion(app.db, actorConUsuario(request), request.params.entidadId, base));
    },
  );

  app.delete(
    '/api/entidades/:entidadId/calendario/suscripcion',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Revocar mi enlace de suscripción al calendario legal',
        params: EntidadParams,
        response: { 204: z.null(), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      await revocarSuscripcion(app.db, actorConUsuario(request), request.params.entidadId);
      return reply.status(204).send(null);
    },
  );

  // What a calendar app fetches: no session, the secret token is the credential.
  app.get(
    '/api/calendario/suscripciones/:token/calendario.ics',
    {
      config: { acceso: 'publico' },
      schema: {
        tags,
        summary:
          'Calendario legal por un enlace de suscripción (sin sesión; el enlace es secreto y revocable)',
        params: TokenParams,
      },
    },
    async (request, reply) => {
      const entidadId = await entidadDeSuscripcion(app.db, request.params.token);
      if (!entidadId) throw noEncontrado('el calendario: el enlace no existe o fue revocado');
      const ics = await icsDe(app.db, entidadId, vigenciasDeSuscripcion(hoyEnColombia()), urlPublica());
      return reply.type(ICS).header('cache-control', 'private, max-age=900').send(ics);
    },
  );
};
