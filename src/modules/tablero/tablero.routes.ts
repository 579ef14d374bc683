import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, VigenciaSchema as vigenciaSchema } from '../../contrato/comun.ts';
import {
  ActividadesTableroSchema,
  ConsultaActividadesTableroSchema,
  ConsultaTableroSchema,
  ResumenTableroSchema,
  TableroSchema,
} from '../../contrato/tablero.ts';
import { ReabrirPeriodoSchema } from '../../contrato/vigencias.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { conflicto, ErrorSchema, noEncontrado } from '../../server/errores.ts';
import { codificacionAceptada, coincideEtag, escribioHacePoco } from '../../server/http-cache.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';
import {
  cerrarPeriodo,
  consolidarTerritorio,
  cuerpoPagina,
  entradaTablero,
  paginaGuardada,
  reabrirPeriodo,
  type VistaTablero,
} from './tablero.service.ts';

/** The entity's people (and the platform's administrator) see the internal view; everyone else, the public one. */
function vistaDe(request: FastifyRequest, entidadId: string): VistaTablero {
  const u = request.usuario;
  return u && (u.adminPlataforma || (u.roles.get(entidadId)?.length ?? 0) > 0) ? 'interno' : 'publico';
}

const tags = ['Tablero'];
const pct = z.number().nullable();
const CABECERAS_CACHE = {
  // Revalidated on every use (the ETag makes that a 304) and kept by no shared cache: the answer depends
  // on the session (a citizen sees only a published plan).
  'cache-control': 'private, no-cache',
  vary: 'Cookie, Accept-Encoding',
};

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
          'Resumen del tablero de avance por dimensión, política y dependencia (público cuando el plan está publicado); la lista de actividades está en …/tablero/actividades. Responde con ETag y 304 a If-None-Match',
        params: EntidadParams,
        querystring: ConsultaTableroSchema,
        response: {
          200: ResumenTableroSchema,
          304: z.null().describe('sin cambios desde la versión de If-None-Match'),
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const e = await entradaTablero(app.db, {
        vista: vistaDe(request, entidadId),
        entidadId,
        vigencia: request.query.vigencia,
        numero: request.query.periodo,
        fresca: escribioHacePoco(request),
      });
      reply.headers({ ...CABECERAS_CACHE, etag: e.etag });
      if (coincideEtag(request.headers['if-none-match'], e.etag)) return reply.code(304).send(null);
      // Compressed once when the entry was built, not on every read.
      const codificacion = codificacionAceptada(request.headers['accept-encoding']);
      reply.header('content-type', 'application/json; charset=utf-8');
      if (codificacion) reply.header('content-encoding', codificacion);
      return reply.send((codificacion === 'br' ? e.br : codificacion === 'gzip' ? e.gzip : e.json) as never);
    },
  );

  app.get(
    '/api/entidades/:entidadId/tablero/actividades',
    {
      config: { acceso: 'publico' },
      schema: {
        tags,
        summary:
          'Actividades del tablero por páginas, con filtros por política, dependencia, semáforo, estado y texto (público cuando el plan está publicado)',
        params: EntidadParams,
        querystring: ConsultaActividadesTableroSchema,
        response: {
          200: ActividadesTableroSchema,
          304: z.null().describe('sin cambios desde la versión de If-None-Match'),
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const q = request.query;
      const e = await entradaTablero(app.db, {
        vista: vistaDe(request, entidadId),
        entidadId,
        vigencia: q.vigencia,
        numero: q.periodo,
        fresca: escribioHacePoco(request),
      });
      const p = paginaGuardada(e, q);
      reply.headers({ ...CABECERAS_CACHE, etag: p.etag });
      if (coincideEtag(request.headers['if-none-match'], p.etag)) return reply.code(304).send(null);
      const { cuerpo, codificacion } = cuerpoPagina(
        p,
        codificacionAceptada(request.headers['accept-encoding']),
      );
      reply.header('content-type', 'application/json; charset=utf-8');
      if (codificacion) reply.header('content-encoding', codificacion);
      return reply.send(cuerpo as never);
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
        body: ReabrirPeriodoSchema,
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
