import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ObjetivoEntradaSchema, ObjetivoParams, ObjetivoSchema } from '../../contrato/plan.ts';
import { actividad, objetivoEstrategico, planAccion } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, ErrorApi, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';

const tags = ['Plan de acción'];

/** Objetivos estratégicos / líneas del plan de desarrollo: the entity's own list, used by its activities. */
export const objetivosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/objetivos',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Objetivos estratégicos y líneas del plan de desarrollo de la entidad',
        params: EntidadParams,
        response: { 200: z.array(ObjetivoSchema) },
      },
    },
    async (request) =>
      app.db
        .select({
          id: objetivoEstrategico.id,
          codigo: objetivoEstrategico.codigo,
          nombre: objetivoEstrategico.nombre,
        })
        .from(objetivoEstrategico)
        .where(eq(objetivoEstrategico.entidadId, request.params.entidadId))
        .orderBy(asc(objetivoEstrategico.codigo)),
  );

  app.post(
    '/api/entidades/:entidadId/objetivos',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Agregar un objetivo estratégico o línea del plan de desarrollo',
        params: EntidadParams,
        body: ObjetivoEntradaSchema,
        response: { 201: ObjetivoSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const creado = await app.db.transaction(async (tx) => {
        const [otro] = await tx
          .select({ id: objetivoEstrategico.id })
          .from(objetivoEstrategico)
          .where(
            and(
              eq(objetivoEstrategico.entidadId, entidadId),
              eq(objetivoEstrategico.codigo, request.body.codigo),
            ),
          );
        if (otro)
          throw new ErrorApi(409, `Ya hay un objetivo con el código ${request.body.codigo}.`, [
            { campo: 'codigo', mensaje: `el código ${request.body.codigo} ya está en uso` },
          ]);
        const [o] = await tx
          .insert(objetivoEstrategico)
          .values({ ...request.body, entidadId })
          .returning({
            id: objetivoEstrategico.id,
            codigo: objetivoEstrategico.codigo,
            nombre: objetivoEstrategico.nombre,
          });
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'crear',
          recurso: 'objetivo',
          recursoId: o!.id,
          despues: request.body,
        });
        return o!;
      });
      return reply.status(201).send(creado);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/objetivos/:objetivoId',
    {
      config: { acceso: { permiso: 'plan.editar' } },
      schema: {
        tags,
        summary: 'Quitar un objetivo que ninguna actividad usa',
        params: ObjetivoParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, objetivoId } = request.params;
      const [o] = await app.db
        .select()
        .from(objetivoEstrategico)
        .where(and(eq(objetivoEstrategico.id, objetivoId), eq(objetivoEstrategico.entidadId, entidadId)));
      if (!o) throw noEncontrado('el objetivo en esta entidad');
      const [usada] = await app.db
        .select({ codigo: actividad.codigo })
        .from(actividad)
        .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
        .where(and(eq(planAccion.entidadId, entidadId), eq(actividad.objetivo, o.codigo)))
        .limit(1);
      if (usada)
        throw conflicto(`La actividad ${usada.codigo} contribuye a ${o.codigo}: no se puede quitar.`);
      await app.db.transaction(async (tx) => {
        await tx.delete(objetivoEstrategico).where(eq(objetivoEstrategico.id, objetivoId));
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'eliminar',
          recurso: 'objetivo',
          recursoId: objetivoId,
          antes: { codigo: o.codigo, nombre: o.nombre },
        });
      });
      return reply.status(204).send(null);
    },
  );
};
