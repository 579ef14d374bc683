import { count, eq } from 'drizzle-orm';
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
import { decidirIntento } from '../../core/bloqueo.ts';
import { hora } from '../../core/formato.ts';
import { ajusteSistema, usuario } from '../../db/schema.ts';
import { actorDe, COOKIE_SESION, usuarioDe } from '../../server/auth.ts';
import { ErrorApi, invalido } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import {
  buscarPorCorreo,
  exigirClaveValida,
  hashClave,
  hashDeRelleno,
  normalizarCorreo,
  verificarClave,
} from '../usuarios/usuario.service.ts';
import { registrarExito, registrarFallo, reservarIntento } from './intento.repository.ts';
import {
  cargarSesion,
  cerrarOtrasSesiones,
  cerrarSesion,
  crearSesion,
  DURACION_SESION_MS,
  entidadesDeUsuario,
  hashToken,
  TOKEN_CONFIGURACION,
  type UsuarioSesion,
} from './sesion.repository.ts';

// One answer whatever the e-mail: it never tells whether an account exists.
const bloqueado = (hasta: Date) =>
  new ErrorApi(
    423,
    `Hay demasiados intentos fallidos con este correo. Por seguridad, el acceso está en pausa hasta las ${hora(hasta)}; si olvidó su contraseña, pida al administrador de su entidad una temporal.`,
  );

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const respuestaSesion = async (u: UsuarioSesion) => {
    return {
      usuario: {
        id: u.id,
        nombre: u.nombre,
        correo: u.correo,
        adminPlataforma: u.adminPlataforma,
        debeCambiarClave: u.debeCambiarClave,
      },
      entidades: await entidadesDeUsuario(app.db, u),
      csrf: u.csrf,
    };
  };

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
      const { email, password } = request.body;
      const intento = await reservarIntento(app.db, normalizarCorreo(email), request.ip);
      const decision = decidirIntento(intento.estados, new Date());
      if (decision.tipo === 'bloqueado') throw bloqueado(decision.hasta);
      const u = await buscarPorCorreo(app.db, email);
      // Unknown e-mails check a dummy hash: same time, same counters, same answers as a wrong password.
      const ok = await verificarClave(u?.claveHash ?? (await hashDeRelleno()), password);
      if (!u || !ok || !u.activo) {
        const bloqueo = await registrarFallo(app.db, intento);
        if (bloqueo && u)
          await app.db.transaction((tx) =>
            registrarAuditoria(
              tx,
              { usuarioId: u.id, correo: u.correo, ip: request.ip },
              { entidadId: null, accion: 'bloquear', recurso: 'usuario', recursoId: u.id },
            ),
          );
        throw new ErrorApi(401, 'Correo o contraseña incorrectos.');
      }
      const { token, csrf } = await crearSesion(app.db, u.id);
      await app.db.transaction(async (tx) => {
        await registrarExito(tx, intento);
        await registrarAuditoria(
          tx,
          { usuarioId: u.id, correo: u.correo, ip: request.ip },
          { entidadId: null, accion: 'iniciar_sesion', recurso: 'sesion', recursoId: u.id },
        );
      });
      reply.setCookie(COOKIE_SESION, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: DURACION_SESION_MS / 1000,
      });
      return respuestaSesion({ ...(await cargarSesion(app.db, token))!, csrf });
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
    async (request) => respuestaSesion(usuarioDe(request)),
  );

  app.post(
    '/api/auth/cambiar-clave',
    {
      config: { acceso: 'sesion' },
      schema: {
        tags: ['Sesión'],
        summary: 'Cambiar la contraseña propia (cierra sus demás sesiones)',
        body: CambiarClaveSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const u = usuarioDe(request);
      const [fila] = await app.db.select().from(usuario).where(eq(usuario.id, u.id));
      if (!fila || !(await verificarClave(fila.claveHash, request.body.actual)))
        throw invalido('actual', 'la contraseña actual no es correcta.');
      if (request.body.nueva === request.body.actual)
        throw invalido('nueva', 'la nueva contraseña debe ser distinta de la actual.');
      exigirClaveValida(request.body.nueva, u.correo, 'nueva');
      const claveHash = await hashClave(request.body.nueva);
      await app.db.transaction(async (tx) => {
        await tx.update(usuario).set({ claveHash, debeCambiarClave: false }).where(eq(usuario.id, u.id));
        // Whoever knew the old password may hold a session: only this one survives the change.
        await cerrarOtrasSesiones(tx, u.id, request.cookies[COOKIE_SESION] ?? '');
        await registrarAuditoria(tx, actorDe(request), {
          entidadId: null,
          accion: 'cambiar_clave',
          recurso: 'usuario',
          recursoId: u.id,
        });
      });
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
      const b = request.body;
      const [guardado] = await app.db
        .select()
        .from(ajusteSistema)
        .where(eq(ajusteSistema.clave, TOKEN_CONFIGURACION));
      if (!guardado || guardado.valor !== hashToken(b.token))
        throw new ErrorApi(403, 'El enlace de configuración inicial no es válido o ya fue usado.');
      const [admins] = await app.db
        .select({ n: count() })
        .from(usuario)
        .where(eq(usuario.adminPlataforma, true));
      if ((admins?.n ?? 0) > 0) throw new ErrorApi(403, 'La plataforma ya tiene administrador.');
      exigirClaveValida(b.clave, b.correo);
      const claveHash = await hashClave(b.clave);
      const id = await app.db.transaction(async (tx) => {
        const [nuevo] = await tx
          .insert(usuario)
          .values({ nombre: b.nombre, correo: normalizarCorreo(b.correo), claveHash, adminPlataforma: true })
          .returning({ id: usuario.id });
        await tx.delete(ajusteSistema).where(eq(ajusteSistema.clave, TOKEN_CONFIGURACION));
        await registrarAuditoria(tx, actorDe(request), {
          entidadId: null,
          accion: 'crear',
          recurso: 'usuario',
          recursoId: nuevo!.id,
          despues: { nombre: b.nombre, correo: b.correo, adminPlataforma: true },
        });
        return nuevo!.id;
      });
      return reply.status(201).send({ id });
    },
  );
};
