import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  ConfigurarVigenciaSchema,
  PeriodoParams,
  VentanaSchema,
  VigenciaEntidadSchema,
} from '../../contrato/vigencias.ts';
import { periodosDeVigencia } from '../../core/periodos.ts';
import { problemasRangos, RANGOS_POR_DEFECTO } from '../../core/semaforo.ts';
import { periodo, vigenciaEntidad } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, invalido, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { bloquearPeriodo, leerVigencia, tieneActividades } from './vigencia.service.ts';

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
        params: PeriodoParams,
        body: VentanaSchema,
        response: { 200: VigenciaEntidadSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
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
