import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import { rolUsuario, usuario } from '../../db/schema.ts';
import { actorDe } from '../../server/auth.ts';
import { conflicto, ErrorSchema, noEncontrado } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { cerrarSesionesDe } from '../auth/sesion.repository.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { claveTemporal, darAcceso, hashClave } from './usuario.service.ts';

const tags = ['Usuarios y roles'];
const RolSchema = z.enum(ROLES, { error: `el rol debe ser uno de: ${ROLES.join(', ')}` });
const RolesSchema = z.array(RolSchema).transform((r) => [...new Set(r)]);
const UsuarioSchema = z
  .object({
    id: z.string(),
    nombre: z.string(),
    correo: z.string(),
    cargo: z.string().nullable(),
    activo: z.boolean(),
    bloqueado: z.boolean(),
    roles: z.array(z.string()),
  })
  .meta({ id: 'UsuarioEntidad' });
const Params = EntidadParams.extend({ usuarioId: z.uuid('el identificador del usuario no es válido') });

export async function usuariosDeEntidad(db: Db, entidadId: string) {
  const filas = await db
    .select({
      id: usuario.id,
      nombre: usuario.nombre,
      correo: usuario.correo,
      cargo: usuario.cargo,
      activo: usuario.activo,
      bloqueadoHasta: usuario.bloqueadoHasta,
      rol: rolUsuario.rol,
    })
    .from(rolUsuario)
    .innerJoin(usuario, eq(usuario.id, rolUsuario.usuarioId))
    .where(eq(rolUsuario.entidadId, entidadId))
    .orderBy(asc(usuario.nombre), asc(rolUsuario.rol));
  const porId = new Map<string, z.infer<typeof UsuarioSchema>>();
  const ahora = Date.now();
  for (const { rol, bloqueadoHasta, ...u } of filas) {
    const previo = porId.get(u.id);
    if (previo) previo.roles.push(rol);
    else porId.set(u.id, { ...u, bloqueado: (bloqueadoHasta?.getTime() ?? 0) > ahora, roles: [rol] });
  }
  return [...porId.values()];
}

async function usuarioDeEntidad(db: Db, entidadId: string, usuarioId: string) {
  const u = (await usuariosDeEntidad(db, entidadId)).find((x) => x.id === usuarioId);
  if (!u) throw noEncontrado('el usuario en esta entidad');
  return u;
}

export const usuariosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/usuarios',
    {
      config: { acceso: { permiso: 'usuario.ver' } },
      schema: {
        tags,
        summary: 'Personas con rol en la entidad',
        params: EntidadParams,
        response: { 200: z.array(UsuarioSchema) },
      },
    },
    async (request) => usuariosDeEntidad(app.db, request.params.entidadId),
  );

  app.post(
    '/api/entidades/:entidadId/usuarios',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary: 'Dar acceso a una persona: la crea con contraseña temporal, o agrega roles si ya existe',
        params: EntidadParams,
        body: z.object({
          nombre: z.string().trim().min(3, 'escriba el nombre completo').max(120),
          correo: z.email('escriba un correo electrónico válido').max(200),
          cargo: z
            .string()
            .trim()
            .max(120)
            .transform((v) => v || null)
            .nullish(),
          roles: RolesSchema.refine((r) => r.length > 0, 'elija al menos un rol'),
        }),
        response: {
          201: z.object({ usuario: UsuarioSchema, claveTemporal: z.string().nullable() }),
          400: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const r = await darAcceso(app.db, actorDe(request), entidadId, request.body);
      return reply
        .status(201)
        .send({ usuario: await usuarioDeEntidad(app.db, entidadId, r.id), claveTemporal: r.claveTemporal });
    },
  );

  app.put(
    '/api/entidades/:entidadId/usuarios/:usuarioId/roles',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary: 'Cambiar los roles de una persona en la entidad (lista vacía: retirar el acceso)',
        params: Params,
        body: z.object({ roles: RolesSchema }),
        response: { 200: z.object({ roles: z.array(z.string()) }), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, usuarioId } = request.params;
      const antes = await usuarioDeEntidad(app.db, entidadId, usuarioId);
      const { roles } = request.body;
      if (antes.roles.includes('admin_entidad') && !roles.includes('admin_entidad')) {
        const admins = (await usuariosDeEntidad(app.db, entidadId)).filter((u) =>
          u.roles.includes('admin_entidad'),
        );
        if (admins.length <= 1)
          throw conflicto(
            'La entidad debe conservar al menos un administrador: asigne otro antes de quitar este rol.',
          );
      }
      await app.db.transaction(async (tx) => {
        const quitar = antes.roles.filter((r) => !roles.includes(r as (typeof roles)[number]));
        if (quitar.length)
          await tx
            .delete(rolUsuario)
            .where(
              and(
                eq(rolUsuario.usuarioId, usuarioId),
                eq(rolUsuario.entidadId, entidadId),
                inArray(rolUsuario.rol, quitar),
              ),
            );
        if (roles.length)
          await tx
            .insert(rolUsuario)
            .values(roles.map((rol) => ({ usuarioId, entidadId, rol })))
            .onConflictDoNothing();
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'cambiar_roles',
          recurso: 'usuario',
          recursoId: usuarioId,
          antes: { roles: antes.roles },
          despues: { roles },
        });
      });
      return { roles };
    },
  );

  app.post(
    '/api/entidades/:entidadId/usuarios/:usuarioId/restablecer-clave',
    {
      config: { acceso: { permiso: 'usuario.gestionar' } },
      schema: {
        tags,
        summary: 'Asignar una contraseña temporal, desbloquear la cuenta y cerrar sus sesiones',
        params: Params,
        response: { 200: z.object({ claveTemporal: z.string() }), 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, usuarioId } = request.params;
      await usuarioDeEntidad(app.db, entidadId, usuarioId);
      const clave = claveTemporal();
      const claveHash = await hashClave(clave);
      await app.db.transaction(async (tx) => {
        await tx
          .update(usuario)
          .set({ claveHash, debeCambiarClave: true, intentosFallidos: 0, bloqueadoHasta: null })
          .where(eq(usuario.id, usuarioId));
        await cerrarSesionesDe(tx, usuarioId);
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'restablecer_clave',
          recurso: 'usuario',
          recursoId: usuarioId,
        });
      });
      return { claveTemporal: clave };
    },
  );
};
