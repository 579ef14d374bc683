import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { dependencia, responsablePolitica } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, ErrorSchema, invalido, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';

const tags = ['Dependencias'];
const DependenciaSchema = z
  .object({
    id: z.string(),
    nombre: z.string(),
    codigo: z.string().nullable(),
    padreId: z.string().nullable(),
  })
  .meta({ id: 'Dependencia' });
const Entrada = z.object({
  nombre: z.string().trim().min(2, 'escriba el nombre de la dependencia').max(150),
  codigo: z
    .string()
    .trim()
    .max(20, 'el código no puede tener más de 20 caracteres')
    .transform((v) => v || null)
    .nullish(),
  padreId: z.uuid('elija una dependencia superior de la lista').nullish(),
});
const Params = EntidadParams.extend({
  dependenciaId: z.uuid('el identificador de la dependencia no es válido'),
});

const presentar = (d: typeof dependencia.$inferSelect) => ({
  id: d.id,
  nombre: d.nombre,
  codigo: d.codigo,
  padreId: d.padreId,
});

async function dependenciasDe(db: Db, entidadId: string) {
  return db
    .select({
      id: dependencia.id,
      nombre: dependencia.nombre,
      codigo: dependencia.codigo,
      padreId: dependencia.padreId,
    })
    .from(dependencia)
    .where(eq(dependencia.entidadId, entidadId))
    .orderBy(asc(dependencia.nombre));
}

/** The parent must be of the same entity and must not hang below the node itself (no cycles). */
async function exigirPadreValido(
  db: Db,
  entidadId: string,
  padreId: string | null | undefined,
  propioId?: string,
) {
  if (!padreId) return;
  const todas = await dependenciasDe(db, entidadId);
  const porId = new Map(todas.map((d) => [d.id, d]));
  if (!porId.has(padreId)) throw invalido('padreId', 'la dependencia superior no existe en esta entidad.');
  for (let actual: string | null = padreId; actual; actual = porId.get(actual)?.padreId ?? null) {
    if (actual === propioId) throw invalido('padreId', 'una dependencia no puede quedar debajo de sí misma.');
  }
}

type EntradaDependencia = z.output<typeof Entrada>;

export async function crearDependencia(db: Db, actor: Actor, entidadId: string, datos: EntradaDependencia) {
  await exigirPadreValido(db, entidadId, datos.padreId);
  return db.transaction(async (tx) => {
    const [d] = await tx
      .insert(dependencia)
      .values({ ...datos, padreId: datos.padreId ?? null, entidadId })
      .returning();
    const salida = presentar(d!);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'dependencia',
      recursoId: d!.id,
      despues: salida,
    });
    return salida;
  });
}

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
        body: Entrada,
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
        params: Params,
        body: Entrada,
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
        params: Params,
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
