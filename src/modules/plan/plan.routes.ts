import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadVigenciaParams, ErrorSchema } from '../../contrato/comun.ts';
import { ActividadEntradaSchema, ActividadParams, ActividadSchema, PlanSchema } from '../../contrato/plan.ts';
import { actividad, seguimiento } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, ErrorApi, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { bloquearPeriodos, leerVigencia } from '../vigencias/vigencia.service.ts';
import { exigirCodigoLibre, planDe, planEditable, resumenPlan, validarActividad } from './plan.service.ts';

const tags = ['Plan de acción'];
const sinInternos = ({ creadoEn: _c, planId: _p, ...a }: typeof actividad.$inferSelect) => a;

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/planes/:vigencia',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Plan de acción de la vigencia: actividades y revisión de ponderaciones por política',
        params: EntidadVigenciaParams,
        response: { 200: PlanSchema },
      },
    },
    async (request) => resumenPlan(app.db, request.params.entidadId, request.params.vigencia),
  );

  app.post(
    '/api/entidades/:entidadId/planes/:vigencia/actividades',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Agregar una actividad al plan en borrador (crea el plan si no existe)',
        params: EntidadVigenciaParams,
        body: ActividadEntradaSchema,
        response: { 201: ActividadSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia } = request.params;
      await validarActividad(app.db, entidadId, vigencia, request.body);
      const creada = await app.db.transaction(async (tx) => {
        const plan = await planEditable(tx, entidadId, vigencia);
        await exigirCodigoLibre(tx, plan.id, request.body.codigo);
        const [a] = await tx
          .insert(actividad)
          .values({ ...request.body, planId: plan.id })
          .returning();
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'crear',
          recurso: 'actividad',
          recursoId: a!.id,
          despues: sinInternos(a!),
        });
        return sinInternos(a!);
      });
      return reply.status(201).send(creada);
    },
  );

  app.put(
    '/api/entidades/:entidadId/planes/:vigencia/actividades/:actividadId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Cambiar una actividad del plan en borrador',
        params: ActividadParams,
        body: ActividadEntradaSchema,
        response: { 200: ActividadSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, actividadId } = request.params;
      await validarActividad(app.db, entidadId, vigencia, request.body);
      return app.db.transaction(async (tx) => {
        const plan = await planEditable(tx, entidadId, vigencia);
        const [antes] = await tx
          .select()
          .from(actividad)
          .where(and(eq(actividad.id, actividadId), eq(actividad.planId, plan.id)));
        if (!antes) throw noEncontrado('la actividad en el plan de esta vigencia');
        await exigirCodigoLibre(tx, plan.id, request.body.codigo, actividadId);
        // A closed period's figures are frozen: a new version cannot move its goal after the fact. The
        // periods are held until commit, so none closes between this check and the change.
        await bloquearPeriodos(tx, entidadId, vigencia);
        const { periodos } = await leerVigencia(tx, entidadId, vigencia);
        const movida = periodos.find(
          (p) => p.cerrado && antes.metasPeriodo[p.numero - 1] !== request.body.metasPeriodo[p.numero - 1],
        );
        if (movida)
          throw new ErrorApi(409, `El periodo «${movida.nombre}» está cerrado: su meta no puede cambiar.`, [
            { campo: 'metasPeriodo', mensaje: `la meta de «${movida.nombre}» está congelada por el cierre` },
          ]);
        const [a] = await tx
          .update(actividad)
          .set(request.body)
          .where(eq(actividad.id, actividadId))
          .returning();
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'actualizar',
          recurso: 'actividad',
          recursoId: actividadId,
          antes: sinInternos(antes),
          despues: sinInternos(a!),
        });
        return sinInternos(a!);
      });
    },
  );

  app.delete(
    '/api/entidades/:entidadId/planes/:vigencia/actividades/:actividadId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Quitar una actividad del plan en borrador',
        params: ActividadParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, vigencia, actividadId } = request.params;
      await app.db.transaction(async (tx) => {
        // Held (for share) until commit: the plan cannot be sent while an activity leaves it.
        const plan = await planDe(tx, entidadId, vigencia, 'share');
        if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
        if (plan.estado !== 'borrador')
          throw conflicto(`El plan de ${vigencia} está ${plan.estado}: no se pueden quitar actividades.`);
        const [conReporte] = await tx
          .select({ id: seguimiento.id })
          .from(seguimiento)
          .where(eq(seguimiento.actividadId, actividadId))
          .limit(1);
        if (conReporte)
          throw conflicto(
            'La actividad ya tiene reportes de seguimiento: no se puede quitar. Deje su meta de los periodos restantes en cero si ya no se ejecutará.',
          );
        const [antes] = await tx
          .delete(actividad)
          .where(and(eq(actividad.id, actividadId), eq(actividad.planId, plan.id)))
          .returning();
        if (!antes) throw noEncontrado('la actividad en el plan de esta vigencia');
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'eliminar',
          recurso: 'actividad',
          recursoId: actividadId,
          antes: sinInternos(antes),
        });
      });
      return reply.status(204).send(null);
    },
  );
};
