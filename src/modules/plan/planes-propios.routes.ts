import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  PlanPropioCambioSchema,
  PlanPropioEntradaSchema,
  PlanPropioParams,
  PlanPropioSchema,
} from '../../contrato/plan.ts';
import { actorDe } from '../../server/auth.ts';
import {
  cambiarPlanPropio,
  crearPlanPropio,
  listarPlanesPropios,
  quitarPlanPropio,
} from './planes-propios.service.ts';

const tags = ['Plan de acción'];

export const planesPropiosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/planes-propios',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Planes propios de la entidad, además de los 12 del Decreto 612',
        params: EntidadParams,
        response: { 200: z.array(PlanPropioSchema) },
      },
    },
    async (request) => listarPlanesPropios(app.db, request.params.entidadId),
  );

  app.post(
    '/api/entidades/:entidadId/planes-propios',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Agregar un plan propio (p. ej. el Plan Anual de Auditoría o el PAMEC)',
        params: EntidadParams,
        body: PlanPropioEntradaSchema,
        response: { 201: PlanPropioSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await crearPlanPropio(app.db, actorDe(request), request.params.entidadId, request.body)),
  );

  app.put(
    '/api/entidades/:entidadId/planes-propios/:planId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Cambiar el nombre o las políticas de un plan propio',
        params: PlanPropioParams,
        body: PlanPropioCambioSchema,
        response: { 200: PlanPropioSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, planId } = request.params;
      return cambiarPlanPropio(app.db, actorDe(request), entidadId, planId, request.body);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/planes-propios/:planId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Quitar un plan propio que ninguna actividad usa',
        params: PlanPropioParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, planId } = request.params;
      await quitarPlanPropio(app.db, actorDe(request), entidadId, planId);
      return reply.status(204).send(null);
    },
  );
};
