import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Rol } from '../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import { entidad, rolUsuario, sesion, usuario } from '../../db/schema.ts';

export const DURACION_SESION_MS = 12 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const tokenAleatorio = () => randomBytes(32).toString('base64url');

export interface UsuarioSesion {
  id: string;
  correo: string;
  nombre: string;
  adminPlataforma: boolean;
  debeCambiarClave: boolean;
  csrf: string;
  /** entidadId → roles held there */
  roles: Map<string, Rol[]>;
}

export async function crearSesion(db: Db, usuarioId: string): Promise<{ token: string; csrf: string }> {
  const token = tokenAleatorio();
  const csrf = tokenAleatorio();
  await db.delete(sesion).where(lt(sesion.expiraEn, new Date()));
  await db.insert(sesion).values({
    id: hashToken(token),
    usuarioId,
    csrf,
    expiraEn: new Date(Date.now() + DURACION_SESION_MS),
  });
  return { token, csrf };
}

export async function cargarSesion(db: Db, token: string): Promise<UsuarioSesion | null> {
  const [fila] = await db
    .select({
      id: usuario.id,
      correo: usuario.correo,
      nombre: usuario.nombre,
      adminPlataforma: usuario.adminPlataforma,
      debeCambiarClave: usuario.debeCambiarClave,
      csrf: sesion.csrf,
    })
    .from(sesion)
    .innerJoin(usuario, eq(usuario.id, sesion.usuarioId))
    .where(and(eq(sesion.id, hashToken(token)), gt(sesion.expiraEn, new Date()), eq(usuario.activo, true)));
  if (!fila) return null;
  const roles = await db
    .select({ entidadId: rolUsuario.entidadId, rol: rolUsuario.rol })
    .from(rolUsuario)
    .where(eq(rolUsuario.usuarioId, fila.id));
  const mapa = new Map<string, Rol[]>();
  for (const r of roles) mapa.set(r.entidadId, [...(mapa.get(r.entidadId) ?? []), r.rol]);
  return { ...fila, roles: mapa };
}

export async function cerrarSesion(db: Db, token: string) {
  await db.delete(sesion).where(eq(sesion.id, hashToken(token)));
}

export async function cerrarOtrasSesiones(db: Db, usuarioId: string, tokenActual: string) {
  await db.delete(sesion).where(and(eq(sesion.usuarioId, usuarioId), ne(sesion.id, hashToken(tokenActual))));
}

export async function cerrarSesionesDe(db: Db, usuarioId: string) {
  await db.delete(sesion).where(eq(sesion.usuarioId, usuarioId));
}

/** Key in ajuste_sistema of the one-use link that creates the platform admin (written at start-up). */
export const TOKEN_CONFIGURACION = 'token_configuracion_inicial';

/** Entities a user may open: all for the platform administrator, else those where it holds a role. */
export async function entidadesDeUsuario(db: Db, u: UsuarioSesion) {
  const todas = await db
    .select({ id: entidad.id, nombre: entidad.nombre, sigla: entidad.sigla })
    .from(entidad)
    .orderBy(entidad.nombre);
  return todas
    .filter((e) => u.adminPlataforma || u.roles.has(e.id))
    .map((e) => ({ ...e, roles: u.roles.get(e.id) ?? [] }));
}
