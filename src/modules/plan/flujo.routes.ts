import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  ComparacionSchema,
  CompararQuery,
  CUERPOS_FLUJO_PLAN,
  NuevaVersionSchema,
  PlanSchema,
  VersionPlanSchema,
} from '../../contrato/plan.ts';
import type { AccionPlan } from '../../core/flujo-plan.ts';
import type { Permiso } from '../../core/roles.ts';
import { actorDe } from '../../server/auth.ts';
import {
  abrirNuevaVersion,
  type CuerpoPaso,
  cambiarEstadoPlan,
  compararVersionesPlan,
  versionesAprobadas,
} from './flujo.service.ts';

const tags = ['Plan de acción'];

const REGLAS: Record<AccionPlan, { permiso: Permiso; resumen: string }> = {
  enviar: {
    permiso: 'plan.editar',
    resumen: 'Enviar el plan al Comité Institucional de Gestión y Desempeño',
  },
  devolver: { permiso: 'plan.aprobar', resumen: 'Devolver el plan a planeación con observaciones' },
  aprobar: {
    permiso: 'plan.aprobar',
    resumen: 'Aprobar el plan, con la fecha de la sesión del comité y su acta',
  },
  publicar: { permiso: 'plan.editar', resumen: 'Publicar el plan aprobado' },
};

export const flujoPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const accion of Object.keys(REGLAS) as AccionPlan[]) {
    app.post(
      `/api/entidades/:entidadId/planes/:vigencia/${accion}`,
      {
        config: { acceso: { permiso: REGLAS[accion].permiso } },
        schema: {
          tags,
          summary: REGLAS[accion].resumen,
          params: EntidadVigenciaParams,
          body: CUERPOS_FLUJO_PLAN[accion],
          response: { 200: PlanSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (request) =>
        cambiarEstadoPlan(
          app.db,
          actorDe(request),
          accion,
          request.params.entidadId,
          request.params.vigencia,
          (request.body ?? {}) as CuerpoPaso,
          app.correo,
        ),
    );
  }
};

export const versionesPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/nueva-version',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Abrir una nueva versión del plan aprobado para cambiarlo (vuelve a requerir aprobación)',
        params: EntidadVigenciaParams,
        body: NuevaVersionSchema,
        response: { 200: PlanSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      abrirNuevaVersion(
        app.db,
        actorDe(request),
        request.params.entidadId,
        request.params.vigencia,
        request.body.justificacion,
      ),
  );

  app.get(
    '/api/entidades/:entidadId/planes/:vigencia/versiones',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Versiones aprobadas del plan, con su justificación, sesión del comité y acta',
        params: EntidadVigenciaParams,
        response: {
          200: z.array(VersionPlanSchema),
        },
      },
    },
    async (request) => versionesAprobadas(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.get(
    '/api/entidades/:entidadId/planes/:vigencia/comparar',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Comparar dos versiones del plan (la versión en curso, aún sin aprobar, también se puede comparar)',
        params: EntidadVigenciaParams,
        querystring: CompararQuery,
        response: {
          200: ComparacionSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { entidadId, vigencia } = request.params;
      return compararVersionesPlan(app.db, entidadId, vigencia, request.query.desde, request.query.hasta);
    },
  );
};
