import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Rol } from '../core/roles.ts';
import type { Db } from '../db/client.ts';
import { entidad, rolUsuario, sesion, usuario } from '../db/schema.ts';

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

/**
 * How long this process trusts a session it has looked up (ADR 0009). Revocations made through this
 * process (logout, password change, role change, deactivation: any write request) empty the cache at once;
 * this bounds only what another process on the same PostgreSQL, or a hand edit of the database, changed.
 */
export const VIGENCIA_CACHE_SESION_MS = 5000;
/** Bound of the cache: the oldest entries go first (a flood of logins cannot grow the memory). */
const MAX_SESIONES_EN_CACHE = 10_000;

interface CacheSesiones {
  entradas: Map<string, { usuario: UsuarioSesion; hasta: number }>;
  /** Bumped by every revocation: a lookup that began before it does not enter the cache. */
  generacion: number;
}
// One cache per database handle, as the dashboards' (two servers in one test are two handles).
const caches = new WeakMap<Db, CacheSesiones>();
function cacheDe(db: Db): CacheSesiones {
  let c = caches.get(db);
  if (!c) {
    c = { entradas: new Map(), generacion: 0 };
    caches.set(db, c);
  }
  return c;
}

/**
 * Forgets every session this process has looked up: the next request of each reads the database again.
 * Called after every write request (server/auth.ts), so a revoked session, a removed role or a deactivated
 * user stop working with the next request, whichever route made the change.
 */
export function olvidarSesiones(db: Db) {
  const c = cacheDe(db);
  c.generacion++;
  c.entradas.clear();
}

/** The session's user and roles, from this process's cache when it read them less than 5 s ago. */
export async function cargarSesion(db: Db, token: string): Promise<UsuarioSesion | null> {
  const id = hashToken(token);
  const c = cacheDe(db);
  const ahora = Date.now();
  const guardada = c.entradas.get(id);
  if (guardada && guardada.hasta > ahora) return guardada.usuario;
  if (guardada) c.entradas.delete(id);
  const generacion = c.generacion;
  const leida = await leerSesion(db, id);
  // Unknown tokens are not kept: guessing would only fill the memory.
  if (!leida || c.generacion !== generacion) return leida?.usuario ?? null;
  if (c.entradas.size >= MAX_SESIONES_EN_CACHE) c.entradas.delete(c.entradas.keys().next().value!);
  c.entradas.set(id, {
    usuario: leida.usuario,
    hasta: Math.min(Date.now() + VIGENCIA_CACHE_SESION_MS, leida.expiraEn.getTime()),
  });
  return leida.usuario;
}

async function leerSesion(db: Db, id: string) {
  const [fila] = await db
    .select({
      id: usuario.id,
      correo: usuario.correo,
      nombre: usuario.nombre,
      adminPlataforma: usuario.adminPlataforma,
      debeCambiarClave: usuario.debeCambiarClave,
      csrf: sesion.csrf,
      expiraEn: sesion.expiraEn,
    })
    .from(sesion)
    .innerJoin(usuario, eq(usuario.id, sesion.usuarioId))
    .where(and(eq(sesion.id, id), gt(sesion.expiraEn, new Date()), eq(usuario.activo, true)));
  if (!fila) return null;
  const roles = await db
    .select({ entidadId: rolUsuario.entidadId, rol: rolUsuario.rol })
    .from(rolUsuario)
    .where(eq(rolUsuario.usuarioId, fila.id));
  const mapa = new Map<string, Rol[]>();
  for (const r of roles) mapa.set(r.entidadId, [...(mapa.get(r.entidadId) ?? []), r.rol]);
  const { expiraEn, ...datos } = fila;
  return { usuario: { ...datos, roles: mapa } satisfies UsuarioSesion, expiraEn };
}

export async function cerrarSesion(db: Db, token: string) {
  await db.delete(sesion).where(eq(sesion.id, hashToken(token)));
  olvidarSesiones(db);
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
