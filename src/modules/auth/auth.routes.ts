import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CambiarClaveSchema,
  ConfiguracionInicialSchema,
  CreadoSchema,
  LoginSchema,
  SesionSchema,
} from '../../contrato/auth.ts';
import { ErrorSchema } from '../../contrato/comun.ts';
import { actorDe, COOKIE_SESION, usuarioDe } from '../../server/auth.ts';
import { cerrarSesion } from '../../server/sesiones.ts';
import { cambiarClave, configurarPlataforma, iniciarSesion, respuestaSesion } from './auth.service.ts';
import { ponerCookieSesion } from './cookie-sesion.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { acceso: 'publico', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['Sesión'],
        summary: 'Iniciar sesión con correo y contraseña',
        body: LoginSchema,
        response: { 200: SesionSchema, 401: ErrorSchema, 423: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { token, sesion } = await iniciarSesion(app.db, request.body, request.ip);
      ponerCookieSesion(request, reply, token);
      return sesion;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { acceso: 'sesion' },
      schema: { tags: ['Sesión'], summary: 'Cerrar la sesión', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[COOKIE_SESION];
      if (token) await cerrarSesion(app.db, token);
      reply.clearCookie(COOKIE_SESION, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/sesion',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags: ['Sesión'],
        summary: 'Usuario de la sesión actual y sus entidades',
        response: { 200: SesionSchema },
      },
    },
    async (request) => respuestaSesion(app.db, usuarioDe(request)),
  );

  app.post(
    '/api/auth/cambiar-clave',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags: ['Sesión'],
        summary: 'Cambiar la contraseña propia (cierra sus demás sesiones)',
        body: CambiarClaveSchema,
        response: { 204: z.null(), 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const token = request.cookies[COOKIE_SESION] ?? '';
      await cambiarClave(app.db, actorDe(request), usuarioDe(request), token, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/configuracion-inicial',
    {
      config: { acceso: 'publico', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['Plataforma'],
        summary:
          'Crear el administrador de la plataforma con el enlace de un solo uso del registro de arranque',
        body: ConfiguracionInicialSchema,
        response: { 201: CreadoSchema, 403: ErrorSchema },
      },
    },
    async (request, reply) => {
      const id = await configurarPlataforma(app.db, actorDe(request), request.body);
      return reply.status(201).send({ id });
    },
  );
};
