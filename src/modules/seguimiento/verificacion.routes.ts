import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorSchema } from '../../contrato/comun.ts';
import {
  CriterioEntradaSchema,
  CriterioParams,
  SeleccionParams,
  SeleccionSchema,
} from '../../contrato/seguimiento.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { agregarCriterio, leerSeleccion, quitarCriterio } from './verificacion.service.ts';

const tags = ['Seguimiento'];

/** Control interno's selection of the reports it verifies in a vigencia. */
export const verificacionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/verificacion/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Selección de control interno para verificar: sus criterios (política, dependencia, muestra, actividad) y cuántas actividades elige',
        params: SeleccionParams,
        response: { 200: SeleccionSchema, 400: ErrorSchema },
      },
    },
    async (request) => leerSeleccion(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.post(
    '/api/entidades/:entidadId/verificacion/:vigencia/criterios',
    {
      config: { acceso: { permiso: 'verificacion.seleccionar' } },
      schema: {
        tags,
        summary:
          'Agregar un criterio a la selección (control interno): todas, una política, una dependencia, una muestra aleatoria reproducible del N % o una actividad',
        params: SeleccionParams,
        body: CriterioEntradaSchema,
        response: { 201: SeleccionSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      const r = await agregarCriterio(
        app.db,
        actorDe(request),
        usuarioDe(request),
        entidadId,
        vigencia,
        request.body,
      );
      return reply.status(201).send(r);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/verificacion/:vigencia/criterios/:criterioId',
    {
      config: { acceso: { permiso: 'verificacion.seleccionar' } },
      schema: {
        tags,
        summary: 'Quitar un criterio de la selección (control interno)',
        params: CriterioParams,
        response: { 200: SeleccionSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, criterioId } = request.params;
      return quitarCriterio(app.db, actorDe(request), entidadId, vigencia, criterioId);
    },
  );
};
