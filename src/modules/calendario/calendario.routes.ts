import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AjusteEntidadParams,
  AjusteEntradaSchema,
  AjusteParams,
  AjusteSchema,
  AnioQuery,
  CalendarioEntidadSchema,
  FestivoSchema,
  VentanaFuragEntradaSchema,
  VentanaFuragSchema,
  VentanaVigenciaParams,
} from '../../contrato/calendario.ts';
import { EntidadParams, EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import { actorDe } from '../../server/auth.ts';
import {
  agregarAjuste,
  calendarioEntidad,
  festivosPlataforma,
  quitarAjuste,
  quitarVentanaFurag,
  registrarVentanaFurag,
  ventanaFuragDe,
} from './calendario.service.ts';

const tags = ['Calendario'];

export const calendarioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/calendario/festivos',
    {
      config: { acceso: 'publico' },
      schema: {
        tags,
        summary:
          'Festivos de Colombia de un año (los de ley con los ajustes de la plataforma); origen: ley o plataforma',
        querystring: AnioQuery,
        response: { 200: z.array(FestivoSchema), 400: ErrorSchema },
      },
    },
    async (request) => festivosPlataforma(app.db, request.query.anio),
  );

  app.post(
    '/api/calendario/ajustes',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary:
          'Agregar un ajuste para todas las entidades (un festivo nuevo por ley o un día que vuelve a ser hábil)',
        body: AjusteEntradaSchema,
        response: { 201: AjusteSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await agregarAjuste(app.db, actorDe(request), null, request.body)),
  );

  app.delete(
    '/api/calendario/ajustes/:ajusteId',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary: 'Quitar un ajuste de la plataforma',
        params: AjusteParams,
        response: { 204: z.null(), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      await quitarAjuste(app.db, actorDe(request), null, request.params.ajusteId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/entidades/:entidadId/calendario',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Días no hábiles de la entidad en un año y los ajustes que le aplican (de la plataforma y propios)',
        params: EntidadParams,
        querystring: AnioQuery,
        response: { 200: CalendarioEntidadSchema, 400: ErrorSchema },
      },
    },
    async (request) => calendarioEntidad(app.db, request.params.entidadId, request.query.anio),
  );

  app.post(
    '/api/entidades/:entidadId/calendario/ajustes',
    {
      config: { acceso: { permiso: 'entidad.editar' } },
      schema: {
        tags,
        summary:
          'Agregar un ajuste propio de la entidad (p. ej. un día de cierre): cuenta en todos sus plazos',
        params: EntidadParams,
        body: AjusteEntradaSchema,
        response: { 201: AjusteSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await agregarAjuste(app.db, actorDe(request), request.params.entidadId, request.body)),
  );

  app.delete(
    '/api/entidades/:entidadId/calendario/ajustes/:ajusteId',
    {
      config: { acceso: { permiso: 'entidad.editar' } },
      schema: {
        tags,
        summary: 'Quitar un ajuste propio de la entidad',
        params: AjusteEntidadParams,
        response: { 204: z.null(), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, ajusteId } = request.params;
      await quitarAjuste(app.db, actorDe(request), entidadId, ajusteId);
      return reply.status(204).send(null);
    },
  );

  // ---------- The FURAG window (core/ventana-furag.ts) ----------
  const respuestasVentana = { 200: VentanaFuragSchema, 400: ErrorSchema, 404: ErrorSchema };

  app.get(
    '/api/entidades/:entidadId/calendario/furag/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Ventana del FURAG en que se reporta la vigencia: la de la entidad, la de la plataforma o, sin ninguna, una estimación marcada como tal (nunca una fecha oficial inventada)',
        params: EntidadVigenciaParams,
        response: respuestasVentana,
      },
    },
    async (request) => ventanaFuragDe(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.put(
    '/api/entidades/:entidadId/calendario/furag/:vigencia',
    {
      config: { acceso: { permiso: 'vigencia.configurar' } },
      schema: {
        tags,
        summary:
          'Registrar las fechas de la ventana del FURAG solo para esta entidad (p. ej. una prórroga): ganan a las de la plataforma',
        params: EntidadVigenciaParams,
        body: VentanaFuragEntradaSchema,
        response: respuestasVentana,
      },
    },
    async (request) =>
      registrarVentanaFurag(
        app.db,
        actorDe(request),
        request.params.entidadId,
        request.params.vigencia,
        request.body,
      ),
  );

  app.delete(
    '/api/entidades/:entidadId/calendario/furag/:vigencia',
    {
      config: { acceso: { permiso: 'vigencia.configurar' } },
      schema: {
        tags,
        summary:
          'Quitar las fechas propias de la entidad: vuelven a regir las de la plataforma o la estimación',
        params: EntidadVigenciaParams,
        response: respuestasVentana,
      },
    },
    async (request) =>
      quitarVentanaFurag(app.db, actorDe(request), request.params.entidadId, request.params.vigencia),
  );

  app.put(
    '/api/calendario/furag/:vigencia',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary:
          'Registrar para todas las entidades las fechas oficiales de la ventana del FURAG de una vigencia (las de la circular de Función Pública)',
        params: VentanaVigenciaParams,
        body: VentanaFuragEntradaSchema,
        response: respuestasVentana,
      },
    },
    async (request) =>
      registrarVentanaFurag(app.db, actorDe(request), null, request.params.vigencia, request.body),
  );

  app.delete(
    '/api/calendario/furag/:vigencia',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary: 'Quitar las fechas de la plataforma: vuelve a mostrarse la estimación',
        params: VentanaVigenciaParams,
        response: respuestasVentana,
      },
    },
    async (request) => quitarVentanaFurag(app.db, actorDe(request), null, request.params.vigencia),
  );
};
