import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, VigenciaSchema as vigenciaSchema } from '../../contrato/comun.ts';
import { visibleAlPublico } from '../../core/flujo-plan.ts';
import { planAccion } from '../../db/schema.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { conflicto, ErrorSchema, noEncontrado } from '../../server/errores.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';
import { cerrarPeriodo, consolidarTerritorio, leerTablero, reabrirPeriodo } from './tablero.service.ts';

const tags = ['Tablero'];
const pct = z.number().nullable();
const nivel = z.enum(['rojo', 'amarillo', 'verde', 'azul']).nullable();
const TableroSchema = z
  .object({
    entidad: z.object({ id: z.string(), nombre: z.string() }),
    vigencia: z.number(),
    periodo: z.object({ numero: z.number(), nombre: z.string(), corte: z.string(), cerrado: z.boolean() }),
    congelado: z.boolean().describe('true: cifras congeladas al cerrar el periodo'),
    avance: pct.describe('avance acumulado de la entidad, 0–100, o null sin datos'),
    dimensiones: z.array(
      z.object({ codigo: z.string(), nombre: z.string(), color: z.string(), avance: pct }),
    ),
    politicas: z.array(
      z.object({
        clave: z.string(),
        nombre: z.string(),
        dimension: z.string(),
        avance: pct,
        cumplimiento: pct,
        semaforo: nivel,
        actividades: z.number(),
        sinReporte: z.number(),
      }),
    ),
    dependencias: z.array(z.object({ id: z.string(), nombre: z.string(), avance: pct })),
    semaforo: z.object({
      rojo: z.number(),
      amarillo: z.number(),
      verde: z.number(),
      azul: z.number(),
      sinDato: z.number(),
    }),
    estados: z.object({
      sin_iniciar: z.number(),
      en_curso: z.number(),
      atrasada: z.number(),
      cumplida: z.number(),
      sin_reporte: z.number(),
    }),
    sinReporte: z.number(),
    tardios: z.number(),
    actividades: z.array(
      z.object({
        id: z.string(),
        codigo: z.string(),
        nombre: z.string(),
        politica: z.string(),
        dependencia: z.string().nullable(),
        avance: pct,
        cumplimiento: pct,
        semaforo: nivel,
        estado: z.string(),
        reporte: z.string().nullable(),
        tardio: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Tablero' });
const ParamsPeriodo = EntidadParams.extend({
  vigencia: vigenciaSchema,
  numero: z.coerce.number().int().min(1).max(12),
});

export const tableroRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/tablero',
    {
      config: { acceso: 'publico' },
      schema: {
        tags,
        summary:
          'Tablero de avance por dimensión, política, dependencia y actividad (público cuando el plan está publicado)',
        params: EntidadParams,
        querystring: z.object({
          vigencia: vigenciaSchema,
          periodo: z.coerce
            .number()
            .int()
            .min(1, 'el periodo va de 1 a 12')
            .max(12, 'el periodo va de 1 a 12')
            .optional(),
        }),
        response: { 200: TableroSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId } = request.params;
      const { vigencia, periodo: numero } = request.query;
      const u = request.usuario;
      const interno = !!u && (u.adminPlataforma || (u.roles.get(entidadId)?.length ?? 0) > 0);
      if (!interno) {
        // Citizens see the figures once the entity has published its plan, not before.
        const [plan] = await app.db
          .select({ estado: planAccion.estado, version: planAccion.version })
          .from(planAccion)
          .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
        if (!plan || !visibleAlPublico(plan))
          throw noEncontrado(`un plan de acción publicado de ${vigencia} para esta entidad`);
      }
      return leerTablero(app.db, entidadId, vigencia, numero);
    },
  );

  app.post(
    '/api/entidades/:entidadId/vigencias/:vigencia/periodos/:numero/cerrar',
    {
      config: { acceso: { permiso: 'periodo.cerrar' } },
      schema: {
        tags,
        summary: 'Cerrar el periodo: congela sus cifras para los informes y bloquea los reportes',
        params: ParamsPeriodo,
        body: z.object({}).optional(),
        response: { 200: TableroSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, numero } = request.params;
      const v = await leerVigencia(app.db, entidadId, vigencia);
      if (!v.configurada) throw conflicto('Configure primero el esquema de periodos de la vigencia.');
      const p = v.periodos.find((x) => x.numero === numero);
      if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
      return cerrarPeriodo(app.db, actorDe(request), usuarioDe(request).id, entidadId, vigencia, numero);
    },
  );

  app.post(
    '/api/entidades/:entidadId/vigencias/:vigencia/periodos/:numero/reabrir',
    {
      config: { acceso: { permiso: 'periodo.cerrar' } },
      schema: {
        tags,
        summary: 'Reabrir un periodo cerrado, con una justificación que queda en la auditoría',
        params: ParamsPeriodo,
        body: z.object({
          justificacion: z
            .string()
            .trim()
            .min(10, 'explique en al menos 10 caracteres por qué se reabre el periodo')
            .max(2000),
        }),
        response: { 204: z.null(), 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, numero } = request.params;
      await reabrirPeriodo(app.db, actorDe(request), entidadId, vigencia, numero, request.body.justificacion);
      return reply.status(204).send(null);
    },
  );
};

export const tableroTerritorialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tablero-territorial',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary:
          'Avance consolidado de todas las entidades de la plataforma a un corte (administrador de plataforma)',
        querystring: z.object({
          vigencia: vigenciaSchema,
          periodo: z.coerce
            .number()
            .int()
            .min(1, 'el periodo va de 1 a 12')
            .max(12, 'el periodo va de 1 a 12'),
        }),
        response: {
          200: z.object({
            entidades: z.array(
              z.object({
                id: z.string(),
                nombre: z.string(),
                avance: pct,
                dimensiones: z.array(z.object({ codigo: z.string(), avance: pct })),
                actividades: z.number(),
                sinReporte: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      entidades: await consolidarTerritorio(app.db, request.query.vigencia, request.query.periodo),
    }),
  );
};
