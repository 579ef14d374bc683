import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  DependenciaEntradaSchema,
  DependenciaParams,
  DependenciaSchema,
} from '../../contrato/dependencias.ts';
import { dependencia, responsablePolitica } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { crearDependencia, dependenciasDe, exigirPadreValido, presentar } from './dependencias.service.ts';

const tags = ['Dependencias'];
export const dependenciasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/dependencias',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Dependencias de la entidad',
        params: EntidadParams,
        response: { 200: z.array(DependenciaSchema) },
      },
    },
    async (request) => dependenciasDe(app.db, request.params.entidadId),
  );

  app.post(
    '/api/entidades/:entidadId/dependencias',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Crear una dependencia',
        params: EntidadParams,
        body: DependenciaEntradaSchema,
        response: { 201: DependenciaSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const creada = await crearDependencia(app.db, actorDe(request), entidadId, request.body);
      return reply.status(201).send(creada);
    },
  );

  app.put(
    '/api/entidades/:entidadId/dependencias/:dependenciaId',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Cambiar nombre, código o dependencia superior',
        params: DependenciaParams,
        body: DependenciaEntradaSchema,
        response: { 200: DependenciaSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, dependenciaId } = request.params;
      const antes = (await dependenciasDe(app.db, entidadId)).find((d) => d.id === dependenciaId);
      if (!antes) throw noEncontrado('la dependencia');
      await exigirPadreValido(app.db, entidadId, request.body.padreId, dependenciaId);
      return app.db.transaction(async (tx) => {
        const [d] = await tx
          .update(dependencia)
          .set({ ...request.body, padreId: request.body.padreId ?? null })
          .where(and(eq(dependencia.id, dependenciaId), eq(dependencia.entidadId, entidadId)))
          .returning();
        const salida = presentar(d!);
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'actualizar',
          recurso: 'dependencia',
          recursoId: dependenciaId,
          antes,
          despues: salida,
        });
        return salida;
      });
    },
  );

  app.delete(
    '/api/entidades/:entidadId/dependencias/:dependenciaId',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Eliminar una dependencia sin subdependencias ni responsabilidades',
        params: DependenciaParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, dependenciaId } = request.params;
      const todas = await dependenciasDe(app.db, entidadId);
      const antes = todas.find((d) => d.id === dependenciaId);
      if (!antes) throw noEncontrado('la dependencia');
      if (todas.some((d) => d.padreId === dependenciaId))
        throw conflicto('La dependencia tiene subdependencias: muévalas o elimínelas primero.');
      const [asignada] = await app.db
        .select()
        .from(responsablePolitica)
        .where(eq(responsablePolitica.dependenciaId, dependenciaId))
        .limit(1);
      if (asignada)
        throw conflicto('La dependencia es responsable de una política: reasigne la política primero.');
      await app.db.transaction(async (tx) => {
        await tx.delete(dependencia).where(eq(dependencia.id, dependenciaId));
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'eliminar',
          recurso: 'dependencia',
          recursoId: dependenciaId,
          antes,
        });
      });
      return reply.status(204).send(null);
    },
  );
};
