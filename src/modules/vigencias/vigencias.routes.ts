import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  ConfigurarVigenciaSchema,
  PeriodoParams,
  VentanaSchema,
  VigenciaEntidadSchema,
} from '../../contrato/vigencias.ts';
import { actorDe } from '../../server/auth.ts';
import { cambiarVentana, configurarVigencia, leerVigencia } from './vigencia.service.ts';

const tags = ['Vigencias y periodos'];
export const vigenciasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/vigencias/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Esquema de periodos, ventanas de reporte y semáforo de la vigencia (con la propuesta por defecto si no se ha configurado)',
        params: EntidadVigenciaParams,
        response: { 200: VigenciaEntidadSchema },
      },
    },
    async (request) => leerVigencia(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.put(
    '/api/entidades/:entidadId/vigencias/:vigencia',
    {
      config: { acceso: { permiso: 'vigencia.configurar' } },
      schema: {
        tags,
        summary:
          'Configurar la vigencia: esquema de periodos, días hábiles para reportar y rangos del semáforo',
        params: EntidadVigenciaParams,
        body: ConfigurarVigenciaSchema,
        response: { 200: VigenciaEntidadSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia } = request.params;
      return configurarVigencia(app.db, actorDe(request), entidadId, vigencia, request.body);
    },
  );

  app.put(
    '/api/entidades/:entidadId/vigencias/:vigencia/periodos/:numero',
    {
      config: { acceso: { permiso: 'vigencia.configurar' } },
      schema: {
        tags,
        summary: 'Cambiar la ventana de reporte de un periodo',
        params: PeriodoParams,
        body: VentanaSchema,
        response: { 200: VigenciaEntidadSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, numero } = request.params;
      return cambiarVentana(app.db, actorDe(request), entidadId, vigencia, numero, request.body);
    },
  );
};
