import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITES } from '../../core/numeros.ts';
import { ESQUEMAS, type EsquemaPeriodos, periodosDeVigencia } from '../../core/periodos.ts';
import { problemasRangos, RANGOS_POR_DEFECTO } from '../../core/semaforo.ts';
import { periodo, vigenciaEntidad } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, ErrorSchema, invalido, noEncontrado } from '../../server/errores.ts';
import { fechaEn, numeroEn } from '../../server/esquemas.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { vigenciaSchema } from '../catalogo/catalogo.routes.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { bloquearPeriodo, leerVigencia, tieneActividades } from './vigencia.service.ts';

const tags = ['Vigencias y periodos'];
const fechaSchema = fechaEn();
// Cumplimiento in %: aggregates are capped at 100, so yellow and green must start within 0–100; «azul»
// (over-achievement) is only seen per activity and may start above 100.
const SemaforoSchema = z.object({
  amarilloDesde: numeroEn('el inicio del amarillo', LIMITES.umbral),
  verdeDesde: numeroEn('el inicio del verde', LIMITES.umbral),
  azulSobre: numeroEn('el límite del azul', LIMITES.umbralAzul),
  etiquetas: z.object({ rojo: z.string(), amarillo: z.string(), verde: z.string(), azul: z.string() }),
});
const PeriodoSchema = z.object({
  numero: z.number(),
  nombre: z.string(),
  inicio: z.string(),
  corte: z.string(),
  abre: z.string(),
  cierra: z.string(),
  cerrado: z.boolean(),
  ventana: z.enum(['por_abrir', 'abierta', 'cerrada']),
  diasHabilesParaCerrar: z.number(),
});
const VigenciaSchema = z
  .object({
    vigencia: z.number(),
    configurada: z.boolean(),
    esquema: z.string(),
    diasHabilesReporte: z.number(),
    semaforo: SemaforoSchema,
    periodos: z.array(PeriodoSchema),
  })
  .meta({ id: 'VigenciaEntidad' });
const Params = EntidadParams.extend({ vigencia: vigenciaSchema });

export const vigenciasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/vigencias/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary:
          'Esquema de periodos, ventanas de reporte y semáforo de la vigencia (con la propuesta por defecto si no se ha configurado)',
        params: Params,
        response: { 200: VigenciaSchema },
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
        params: Params,
        body: z.object({
          esquema: z.enum(Object.keys(ESQUEMAS) as [EsquemaPeriodos, ...EsquemaPeriodos[]], {
            error: 'el esquema debe ser trimestral, cuatrimestral, semestral o mensual',
          }),
          diasHabilesReporte: z
            .number({ error: 'escriba un número de días hábiles' })
            .int('escriba un número entero de días hábiles')
            .min(1, 'debe haber al menos 1 día hábil para reportar')
            .max(60, 'no más de 60 días hábiles'),
          semaforo: SemaforoSchema.optional(),
        }),
        response: { 200: VigenciaSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia } = request.params;
      const { esquema, diasHabilesReporte } = request.body;
      const semaforo = request.body.semaforo ?? RANGOS_POR_DEFECTO;
      const problemas = problemasRangos(semaforo);
      if (problemas.length) throw invalido('semaforo', `${problemas.join('; ')}.`);
      const antes = await leerVigencia(app.db, entidadId, vigencia);
      const cambiaPeriodos =
        antes.esquema !== esquema || antes.diasHabilesReporte !== diasHabilesReporte || !antes.configurada;
      if (cambiaPeriodos && antes.periodos.some((p) => p.cerrado))
        throw conflicto(
          'Hay periodos cerrados en esta vigencia: no se puede cambiar el esquema ni los plazos.',
        );
      if (
        antes.configurada &&
        antes.esquema !== esquema &&
        (await tieneActividades(app.db, entidadId, vigencia))
      )
        throw conflicto(
          'El plan de acción de esta vigencia ya tiene actividades con metas por periodo: no se puede cambiar el esquema de periodos.',
        );
      await app.db.transaction(async (tx) => {
        if (cambiaPeriodos) {
          // Held until commit: a period closed meanwhile is seen here, not wiped by the new periods.
          const guardados = await tx
            .select({ cerrado: periodo.cerrado })
            .from(periodo)
            .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia)))
            .for('update');
          if (guardados.some((p) => p.cerrado))
            throw conflicto(
              'Hay periodos cerrados en esta vigencia: no se puede cambiar el esquema ni los plazos.',
            );
        }
        await tx
          .insert(vigenciaEntidad)
          .values({ entidadId, vigencia, esquema, diasHabilesReporte, semaforo })
          .onConflictDoUpdate({
            target: [vigenciaEntidad.entidadId, vigenciaEntidad.vigencia],
            set: { esquema, diasHabilesReporte, semaforo },
          });
        if (cambiaPeriodos) {
          await tx
            .delete(periodo)
            .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia)));
          await tx.insert(periodo).values(
            periodosDeVigencia(vigencia, esquema, diasHabilesReporte).map((p) => ({
              ...p,
              entidadId,
              vigencia,
            })),
          );
        }
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'configurar',
          recurso: 'vigencia',
          recursoId: String(vigencia),
          antes: antes.configurada
            ? {
                esquema: antes.esquema,
                diasHabilesReporte: antes.diasHabilesReporte,
                semaforo: antes.semaforo,
              }
            : null,
          despues: { esquema, diasHabilesReporte, semaforo },
        });
      });
      return leerVigencia(app.db, entidadId, vigencia);
    },
  );

  app.put(
    '/api/entidades/:entidadId/vigencias/:vigencia/periodos/:numero',
    {
      config: { acceso: { permiso: 'vigencia.configurar' } },
      schema: {
        tags,
        summary: 'Cambiar la ventana de reporte de un periodo',
        params: Params.extend({ numero: z.coerce.number().int().min(1).max(12) }),
        body: z.object({ abre: fechaSchema, cierra: fechaSchema }),
        response: { 200: VigenciaSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, numero } = request.params;
      const { abre, cierra } = request.body;
      const actual = await leerVigencia(app.db, entidadId, vigencia);
      if (!actual.configurada) throw conflicto('Configure primero el esquema de periodos de la vigencia.');
      const p = actual.periodos.find((x) => x.numero === numero);
      if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
      if (p.cerrado)
        throw conflicto(`El periodo «${p.nombre}» está cerrado: reábralo antes de cambiar su ventana.`);
      if (cierra < abre) throw invalido('cierra', 'la ventana no puede cerrar antes de abrir.');
      if (abre < p.inicio)
        throw invalido('abre', `la ventana no puede abrir antes del inicio del periodo (${p.inicio}).`);
      await app.db.transaction(async (tx) => {
        // Under the closing's lock: a window is not moved on a period closed meanwhile.
        const actual = await bloquearPeriodo(tx, entidadId, vigencia, numero, 'update');
        if (actual?.cerrado)
          throw conflicto(`El periodo «${p.nombre}» está cerrado: reábralo antes de cambiar su ventana.`);
        await tx
          .update(periodo)
          .set({ abre, cierra })
          .where(
            and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia), eq(periodo.numero, numero)),
          );
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'cambiar_ventana',
          recurso: 'periodo',
          recursoId: `${vigencia}:${numero}`,
          antes: { abre: actual?.abre ?? p.abre, cierra: actual?.cierra ?? p.cierra },
          despues: { abre, cierra },
        });
      });
      return leerVigencia(app.db, entidadId, vigencia);
    },
  );
};
