import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EntidadParams, ErrorSchema, VigenciaQuery } from '../../contrato/comun.ts';
import {
  AsignarResponsableParams,
  AsignarResponsableSchema,
  ResponsablePoliticaSchema,
  ResponsableSchema,
} from '../../contrato/responsables.ts';
import { dependencia, responsablePolitica, rolUsuario, usuario } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { invalido, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';

const tags = ['Responsables de política'];
export const responsablesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/responsables',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Responsable y dependencia de cada política en una vigencia',
        params: EntidadParams,
        querystring: VigenciaQuery,
        response: { 200: z.array(ResponsableSchema) },
      },
    },
    async (request) => {
      const { entidadId } = request.params;
      return app.db
        .select({
          politica: responsablePolitica.politica,
          usuarioId: responsablePolitica.usuarioId,
          dependenciaId: responsablePolitica.dependenciaId,
          usuarioNombre: usuario.nombre,
          dependenciaNombre: dependencia.nombre,
        })
        .from(responsablePolitica)
        .leftJoin(usuario, eq(usuario.id, responsablePolitica.usuarioId))
        .leftJoin(dependencia, eq(dependencia.id, responsablePolitica.dependenciaId))
        .where(
          and(
            eq(responsablePolitica.entidadId, entidadId),
            eq(responsablePolitica.vigencia, request.query.vigencia),
          ),
        );
    },
  );

  app.put(
    '/api/entidades/:entidadId/responsables/:vigencia/:politica',
    {
      config: { acceso: { permiso: 'responsable.asignar' } },
      schema: {
        tags,
        summary: 'Asignar la persona y la dependencia responsables de una política',
        params: AsignarResponsableParams,
        body: AsignarResponsableSchema,
        response: { 200: ResponsablePoliticaSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, politica } = request.params;
      const { usuarioId, dependenciaId } = request.body;
      if (!(await politicasDeVigencia(app.db, vigencia)).some((p) => p.clave === politica))
        throw noEncontrado(`la política «${politica}» en el catálogo de la vigencia ${vigencia}`);
      if (usuarioId) {
        const [r] = await app.db
          .select()
          .from(rolUsuario)
          .where(and(eq(rolUsuario.usuarioId, usuarioId), eq(rolUsuario.entidadId, entidadId)))
          .limit(1);
        if (!r) throw invalido('usuarioId', 'la persona no tiene un rol en esta entidad.');
      }
      if (dependenciaId) {
        const [d] = await app.db
          .select()
          .from(dependencia)
          .where(and(eq(dependencia.id, dependenciaId), eq(dependencia.entidadId, entidadId)));
        if (!d) throw invalido('dependenciaId', 'la dependencia no existe en esta entidad.');
      }
      const clave = and(
        eq(responsablePolitica.entidadId, entidadId),
        eq(responsablePolitica.vigencia, vigencia),
        eq(responsablePolitica.politica, politica),
      );
      return app.db.transaction(async (tx) => {
        const [antes] = await tx.select().from(responsablePolitica).where(clave);
        await tx
          .insert(responsablePolitica)
          .values({ entidadId, vigencia, politica, usuarioId, dependenciaId })
          .onConflictDoUpdate({
            target: [
              responsablePolitica.entidadId,
              responsablePolitica.vigencia,
              responsablePolitica.politica,
            ],
            set: { usuarioId, dependenciaId },
          });
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'asignar_responsable',
          recurso: 'politica',
          recursoId: `${vigencia}:${politica}`,
          antes: antes ? { usuarioId: antes.usuarioId, dependenciaId: antes.dependenciaId } : null,
          despues: { usuarioId, dependenciaId },
        });
        return { politica, usuarioId, dependenciaId };
      });
    },
  );
};
