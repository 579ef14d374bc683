import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import { ActividadEntradaSchema, ActividadParams, ActividadSchema, PlanSchema } from '../../contrato/plan.ts';
import { actorDe } from '../../server/auth.ts';
import { actualizarActividad, crearActividad, quitarActividad, resumenPlan } from './plan.service.ts';

const tags = ['Plan de acción'];

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/planes/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Plan de acción de la vigencia: actividades y revisión de ponderaciones por política',
        params: EntidadVigenciaParams,
        response: { 200: PlanSchema },
      },
    },
    async (request) => resumenPlan(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/actividades',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Agregar una actividad al plan en borrador (crea el plan si no existe)',
        params: EntidadVigenciaParams,
        body: ActividadEntradaSchema,
        response: { 201: ActividadSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const creada = await crearActividad(app.db, actorDe(request), entidadId, vigencia, request.body);
      return reply.status(201).send(creada);
    },
  );

  app.put(
    '/api/entidades/:entidadId/planes/:vigencia/actividades/:actividadId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Cambiar una actividad del plan en borrador',
        params: ActividadParams,
        body: ActividadEntradaSchema,
        response: { 200: ActividadSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, actividadId } = request.params;
      return actualizarActividad(app.db, actorDe(request), entidadId, vigencia, actividadId, request.body);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/planes/:vigencia/actividades/:actividadId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Quitar una actividad del plan en borrador',
        params: ActividadParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, actividadId } = request.params;
      await quitarActividad(app.db, actorDe(request), entidadId, vigencia, actividadId);
      return reply.status(204).send(null);
    },
  );
};
