import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITES } from '../../core/numeros.ts';
import { actorDe } from '../../server/auth.ts';
import { ErrorSchema } from '../../server/errores.ts';
import { numeroEn } from '../../server/esquemas.ts';
import { vigenciaSchema } from '../catalogo/catalogo.routes.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { guardarPonderaciones } from './ponderaciones.service.ts';

const PonderacionesEntrada = z.object({
  ponderaciones: z
    .array(
      z.object({
        actividadId: z.uuid('el identificador de la actividad no es válido'),
        ponderacion: numeroEn('la ponderación', LIMITES.ponderacion),
      }),
    )
    .min(1, 'envíe la ponderación de cada actividad de la política')
    .max(500, 'una política tiene como máximo 500 actividades'),
});

const PonderacionesSchema = z
  .object({
    politica: z.string(),
    cambiadas: z.number().int(),
    actividades: z.array(z.object({ id: z.string(), codigo: z.string(), ponderacion: z.number() })),
  })
  .meta({ id: 'Ponderaciones' });

export const ponderacionesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/entidades/:entidadId/planes/:vigencia/politicas/:politica/ponderaciones',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags: ['Plan de acción'],
        summary:
          'Repartir de una vez las ponderaciones de las actividades de una política (deben sumar 100 %)',
        params: EntidadParams.extend({
          vigencia: vigenciaSchema,
          politica: z
            .string()
            .regex(/^[a-z0-9_]{1,60}$/, 'la política debe ser la clave del catálogo, p. ej. integridad'),
        }),
        body: PonderacionesEntrada,
        response: { 200: PonderacionesSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, politica } = request.params;
      return guardarPonderaciones(
        app.db,
        actorDe(request),
        entidadId,
        vigencia,
        politica,
        request.body.ponderaciones,
      );
    },
  );
};
