import type { FastifyReply, FastifyRequest } from 'fastify';
import { COOKIE_SESION } from '../../server/auth.ts';
import { DURACION_SESION_MS } from '../../server/sesiones.ts';

/** The session cookie, the same after the API's login and after the login form without JavaScript. */
export function ponerCookieSesion(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(COOKIE_SESION, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: DURACION_SESION_MS / 1000,
  });
}
