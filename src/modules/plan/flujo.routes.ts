import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccionPlan, type EstadoPlan, transicionPlan } from '../../core/flujo-plan.ts';
import type { Permiso } from '../../core/roles.ts';
import { planAccion } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, ErrorApi, ErrorSchema, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { vigenciaSchema } from '../catalogo/catalogo.routes.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { PlanSchema } from './plan.schema.ts';
import { planDe, resumenPlan } from './plan.service.ts';

const tags = ['Plan de acción'];
const Params = EntidadParams.extend({ vigencia: vigenciaSchema });

const CUERPOS = {
  enviar: z.object({}).optional(),
  devolver: z.object({
    observaciones: z.string().trim().min(5, 'escriba las observaciones para planeación').max(2000),
  }),
  aprobar: z.object({
    fechaSesionComite: z.iso.date('escriba la fecha de la sesión como aaaa-mm-dd'),
    actaComite: z.string().trim().min(1, 'escriba el número o la referencia del acta').max(120),
  }),
  publicar: z.object({}).optional(),
} as const;

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
          params: Params,
          body: CUERPOS[accion],
          response: { 200: PlanSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (request) => {
        const { entidadId, vigencia } = request.params;
        const plan = await planDe(app.db, entidadId, vigencia);
        if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
        const t = transicionPlan(plan.estado as EstadoPlan, accion);
        if (!t.ok) throw conflicto(t.mensaje);
        if (accion === 'enviar') {
          // The committee receives a complete plan: every policy's weights add up to 100 %.
          const { actividades, ponderaciones } = await resumenPlan(app.db, entidadId, vigencia);
          if (!actividades.length) throw conflicto('El plan no tiene actividades.');
          const malas = ponderaciones.filter((p) => !p.ok);
          if (malas.length)
            throw new ErrorApi(
              409,
              `Antes de enviar, corrija las ponderaciones: ${malas.map((p) => p.mensaje).join(' ')}`,
            );
        }
        const cuerpo = (request.body ?? {}) as Partial<{
          observaciones: string;
          fechaSesionComite: string;
          actaComite: string;
        }>;
        await app.db.transaction(async (tx) => {
          await tx
            .update(planAccion)
            .set({
              estado: t.hacia,
              ...(accion === 'devolver' ? { observaciones: cuerpo.observaciones } : {}),
              ...(accion === 'aprobar'
                ? {
                    fechaSesionComite: cuerpo.fechaSesionComite,
                    actaComite: cuerpo.actaComite,
                    observaciones: null,
                  }
                : {}),
            })
            .where(eq(planAccion.id, plan.id));
          await registrarAuditoria(tx, actorDe(request), {
            entidadId,
            accion,
            recurso: 'plan',
            recursoId: `${vigencia}:v${plan.version}`,
            antes: { estado: plan.estado },
            despues: { estado: t.hacia, ...cuerpo },
          });
        });
        return resumenPlan(app.db, entidadId, vigencia);
      },
    );
  }
};
