import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Acceso, rolesPermiten } from '../core/roles.ts';
import { ErrorApi, prohibido } from './errores.ts';
import { cargarSesion, olvidarSesiones, type UsuarioSesion } from './sesiones.ts';

export const COOKIE_SESION = 'mipg_sesion';
export const CABECERA_CSRF = 'x-csrf-token';

export interface RutaApi {
  method: string;
  url: string;
  acceso: Acceso;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    acceso?: Acceso;
  }
  interface FastifyRequest {
    usuario: UsuarioSesion | null;
  }
  interface FastifyInstance {
    rutasApi: RutaApi[];
  }
}

const METODOS_SEGUROS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Routes served by libraries (the API browser) that are public and not ours to annotate.
const sinReglaPropia = (url: string) => url.startsWith('/api/docs');

export function usuarioDe(request: FastifyRequest): UsuarioSesion {
  if (!request.usuario) throw new ErrorApi(401, 'Debe iniciar sesión.');
  return request.usuario;
}

export function actorDe(request: FastifyRequest): Actor {
  return { usuarioId: request.usuario?.id ?? null, correo: request.usuario?.correo ?? null, ip: request.ip };
}

/** Who acts, as the audit log records it. */
export interface Actor {
  usuarioId: string | null;
  correo: string | null;
  ip: string | null;
}

/**
 * Every /api and /publico route declares `config.acceso`; one without it stops the server at start, so no route is
 * left open by forgetting. The rule is checked here, before validation, for every request.
 */
export function registrarAutorizacion(app: FastifyInstance) {
  app.decorate('rutasApi', [] as RutaApi[]);
  app.decorateRequest('usuario', null);

  app.addHook('onRoute', (ruta) => {
    // The citizens' pages (/publico) declare their rule too, so the matrix classifies them.
    if (!(ruta.url.startsWith('/api') || ruta.url.startsWith('/publico')) || sinReglaPropia(ruta.url)) return;
    const acceso = ruta.config?.acceso;
    if (!acceso) throw new Error(`La ruta ${ruta.method} ${ruta.url} no declara config.acceso`);
    for (const method of [ruta.method].flat()) {
      if (method !== 'HEAD') app.rutasApi.push({ method, url: ruta.url, acceso });
    }
  });

  // Sessions are cached for a few seconds (sesiones.ts, ADR 0009). Any write may revoke one
  // (logout, password, roles, deactivation, and whatever route comes next): after it, committed or not,
  // this process reads every session again, so a revoked one fails on its very next request.
  app.addHook('onSend', (request, _reply, payload, hecho) => {
    if (!METODOS_SEGUROS.has(request.method)) olvidarSesiones(app.db);
    hecho(null, payload);
  });

  app.addHook('onRequest', async (request, reply) => {
    const acceso = request.routeOptions.config?.acceso;
    if (!acceso) return;
    const token = request.cookies[COOKIE_SESION];
    if (token) request.usuario = await cargarSesion(app.db, token);
    if (acceso === 'publico') return;
    const u = request.usuario;
    if (!u) {
      // A cookie of a session that ended goes: the next page is the light login page, not the web app's.
      if (token) reply.clearCookie(COOKIE_SESION, { path: '/' });
      throw new ErrorApi(401, 'Debe iniciar sesión para continuar.');
    }
    if (!METODOS_SEGUROS.has(request.method) && request.headers[CABECERA_CSRF] !== u.csrf) {
      throw new ErrorApi(
        403,
        'La solicitud no trae el código de seguridad de su sesión. Recargue la página.',
      );
    }
    if (u.debeCambiarClave && !request.url.startsWith('/api/auth/')) {
      throw new ErrorApi(403, 'Debe cambiar su contraseña temporal antes de continuar.');
    }
    if (acceso === 'sesion' || u.adminPlataforma) return;
    if (acceso === 'plataforma') throw prohibido('Solo el administrador de la plataforma puede hacer esto.');
    const entidadId = (request.params as { entidadId?: string }).entidadId;
    const roles = (entidadId && u.roles.get(entidadId)) || [];
    if (roles.length === 0) throw prohibido('No tiene acceso a esta entidad.');
    if (!rolesPermiten(roles, acceso.permiso)) throw prohibido();
  });
}
