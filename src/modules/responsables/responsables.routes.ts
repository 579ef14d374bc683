import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema, VigenciaQuery } from '../../contrato/comun.ts';
import {
  AsignarResponsableParams,
  AsignarResponsableSchema,
  ResponsablePoliticaSchema,
  ResponsableSchema,
} from '../../contrato/responsables.ts';
import { actorDe } from '../../server/auth.ts';
import { asignarResponsable, listarResponsables } from './responsables.service.ts';

const tags = ['Responsables de política'];
export const responsablesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/responsables',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Responsable y dependencia de cada política en una vigencia',
        params: EntidadParams,
        querystring: VigenciaQuery,
        response: { 200: z.array(ResponsableSchema) },
      },
    },
    async (request) => listarResponsables(app.db, request.params.entidadId, request.query.vigencia),
  );

  app.put(
    '/api/entidades/:entidadId/responsables/:vigencia/:politica',
    {
      config: { acceso: { permiso: 'responsable.asignar' } },
      schema: {
        tags,
        summary: 'Asignar la persona y la dependencia responsables de una política',
        params: AsignarResponsableParams,
        body: AsignarResponsableSchema,
        response: { 200: ResponsablePoliticaSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, politica } = request.params;
      return asignarResponsable(app.db, actorDe(request), entidadId, vigencia, politica, request.body);
    },
  );
};
