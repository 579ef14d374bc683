import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { zodEnEspanol } from '../contrato/mensajes.ts';
import type { Conexion, Db } from '../db/client.ts';
import { conPrioridad } from '../db/prioridad.ts';
import { auditoriaRoutes } from '../modules/auditoria/auditoria.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { ingresoSinJsRoutes } from '../modules/auth/ingreso-sin-js.routes.ts';
import { calendarioRoutes } from '../modules/calendario/calendario.routes.ts';
import { calendarioLegalRoutes } from '../modules/calendario/calendario-legal.routes.ts';
import { iniciarTareaRecordatorios } from '../modules/calendario/recordatorios.service.ts';
import { catalogoRoutes } from '../modules/catalogo/catalogo.routes.ts';
import { comitesRoutes } from '../modules/comites/comites.routes.ts';
import { consultasRoutes } from '../modules/consultas/consultas.routes.ts';
import { correoRoutes } from '../modules/correo/correo.routes.ts';
import { type Correo, crearCorreo } from '../modules/correo/correo.service.ts';
import { iniciarTareasCorreo } from '../modules/correo/tareas.ts';
import { autodiagnosticosRoutes } from '../modules/cuestionarios/autodiagnosticos.routes.ts';
import { cuestionariosRoutes } from '../modules/cuestionarios/cuestionarios.routes.ts';
import { simulacrosRoutes } from '../modules/cuestionarios/simulacros.routes.ts';
import { dependenciasRoutes } from '../modules/dependencias/dependencias.routes.ts';
import { entidadesRoutes } from '../modules/entidades/entidades.routes.ts';
import { logoRoutes } from '../modules/entidades/logo.routes.ts';
import { excelRoutes } from '../modules/excel/excel.routes.ts';
import { furagRoutes } from '../modules/furag/furag.routes.ts';
import { recomendacionesRoutes } from '../modules/furag/recomendaciones.routes.ts';
import { importacionRoutes } from '../modules/importacion/importacion.routes.ts';
import { planPropioRoutes } from '../modules/importacion/plan-propio.routes.ts';
import { indicadoresRoutes } from '../modules/indicadores/indicadores.routes.ts';
import { informesRoutes } from '../modules/informes/informes.routes.ts';
import { notificacionesRoutes } from '../modules/notificaciones/notificaciones.routes.ts';
import { pendientesRoutes } from '../modules/pendientes/pendientes.routes.ts';
import { aprobacionPlanRoutes } from '../modules/plan/aprobacion.routes.ts';
import { flujoPlanRoutes, versionesPlanRoutes } from '../modules/plan/flujo.routes.ts';
import { objetivosRoutes } from '../modules/plan/objetivos.routes.ts';
import { planRoutes } from '../modules/plan/plan.routes.ts';
import { planesPropiosRoutes } from '../modules/plan/planes-propios.routes.ts';
import { ponderacionesRoutes } from '../modules/plan/ponderaciones.routes.ts';
import { publicacionesRoutes } from '../modules/publicaciones/publicaciones.routes.ts';
import { publicoRoutes } from '../modules/publico/publico.routes.ts';
import { invalidarDirectorio } from '../modules/publico/publico.service.ts';
import { responsablesRoutes } from '../modules/responsables/responsables.routes.ts';
import { saludRoutes } from '../modules/salud/salud.routes.ts';
import { evidenciasRoutes } from '../modules/seguimiento/evidencias.routes.ts';
import { seguimientoRoutes } from '../modules/seguimiento/seguimiento.routes.ts';
import { verificacionRoutes } from '../modules/seguimiento/verificacion.routes.ts';
import { tableroRoutes, tableroTerritorialRoutes } from '../modules/tablero/tablero.routes.ts';
import { baseDeUnSoloProceso, invalidarTablero } from '../modules/tablero/tablero.service.ts';
import { invitacionesRoutes } from '../modules/usuarios/invitaciones.routes.ts';
import { usuariosRoutes } from '../modules/usuarios/usuarios.routes.ts';
import { vigenciasRoutes } from '../modules/vigencias/vigencias.routes.ts';
import { servirActivosWeb } from './activos-web.ts';
import { registrarAutorizacion } from './auth.ts';
import type { ConfigCorreo } from './config.ts';
import { errorDeMarco, registrarManejoErrores } from './errores.ts';
import { sinNoFinitos } from './esquemas.ts';
import { marcarEscritura } from './http-cache.ts';
import { cargarPaginaWeb } from './pagina-web.ts';
import { CARPETA_WEB } from './rutas.ts';
import { VERSION } from './version.ts';

zodEnEspanol();

const METODOS_LECTURA = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OpcionesApp {
  conexion: Conexion;
  dataDir: string;
  logger?: boolean;
  /** Serve the built web app from web/dist when it exists. */
  servirWeb?: boolean;
  /** Largest evidence file, in bytes; 25 MB by default. */
  evidenciaMaxBytes?: number;
  /** Proxies whose forwarded headers are believed (config.ts); none by default. */
  confiarEnProxy?: false | number | string[];
  /** Outgoing e-mail (config.ts); absent or null: e-mail is off and everything stays in-app. */
  correo?: ConfigCorreo | null;
  /** Hour (Colombia) of the daily digest; 7 by default. */
  resumenHora?: number;
  /** Pause between rounds of the e-mail worker, 5 s by default; 0: no worker (tests send by hand). */
  intervaloCorreoMs?: number;
  /** How often the legal calendar's daily reminders look whether today's round is due; 10 min; 0: off. */
  intervaloRecordatoriosMs?: number;
  /** The reminders' clock (daily job and the round after a calendar edit); tests give a fixed day. */
  relojRecordatorios?: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    conexion: Conexion;
    dataDir: string;
    evidenciaMaxBytes: number;
    /** E-mail service, or null when MIPG_SMTP_URL is not set. */
    correo: Correo | null;
    /** The legal calendar reminders' clock (the daily job and the round after an edit). */
    relojRecordatorios: () => Date;
  }
}

/** A number of hops becomes proxy-addr's rule for it: trust the first `n` addresses from the socket inward. */
const confianza = (c: false | number | string[]) =>
  typeof c === 'number' ? (_direccion: string, salto: number) => salto < c : c;

/** The Zod serializer behind the safety net of esquemas.ts (Infinity/NaN → null). */
const serializarSinNoFinitos: typeof serializerCompiler = (ruta) => {
  const serializar = serializerCompiler(ruta);
  return (datos) => serializar(sinNoFinitos(datos));
};

export async function construirApp(opciones: OpcionesApp): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opciones.logger ? { level: 'info' } : false,
    // Two log lines for every read cost ~15 % of throughput; writes and errors are logged below instead.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: confianza(opciones.confiarEnProxy ?? false),
    frameworkErrors: errorDeMarco,
    bodyLimit: 1024 * 1024,
  });
  app.decorate('db', opciones.conexion.db);
  // PGlite's folder is this process's alone: its dashboards need not ask the database for its version.
  baseDeUnSoloProceso(opciones.conexion.db, opciones.conexion.tipo === 'pglite');
  app.decorate('conexion', opciones.conexion);
  app.decorate('dataDir', opciones.dataDir);
  app.decorate('evidenciaMaxBytes', opciones.evidenciaMaxBytes ?? 25 * 1024 * 1024);
  const correo = opciones.correo ? crearCorreo(opciones.correo) : null;
  app.decorate('correo', correo);
  if (correo && (opciones.intervaloCorreoMs ?? 5000) > 0)
    iniciarTareasCorreo(app, correo, {
      intervaloMs: opciones.intervaloCorreoMs ?? 5000,
      resumenHora: opciones.resumenHora ?? 7,
    });
  else if (correo) app.addHook('onClose', async () => correo.transporte.close?.());
  app.decorate('relojRecordatorios', opciones.relojRecordatorios ?? (() => new Date()));
  // In-app reminders go out with or without e-mail.
  if ((opciones.intervaloRecordatoriosMs ?? 600_000) > 0)
    iniciarTareaRecordatorios(app, {
      intervaloMs: opciones.intervaloRecordatoriosMs ?? 600_000,
      hora: opciones.resumenHora ?? 7,
      reloj: app.relojRecordatorios,
    });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializarSinNoFinitos);
  const conWeb = opciones.servirWeb && existsSync(join(CARPETA_WEB, 'index.html'));
  // Accounts are never deleted and the platform role is never taken away (the state route counts deactivated
  // administrators too): once the platform has one it keeps having one, and the login page, which anyone can
  // ask for without a session, stops asking the database.
  let hayAdministrador = false;
  const paginaWeb = conWeb
    ? await cargarPaginaWeb(CARPETA_WEB, {
        // The same answer as the platform's state route.
        sinAdministrador: async () => {
          if (hayAdministrador) return false;
          const r = await app.inject({ method: 'GET', url: '/api/plataforma/estado' });
          if (r.statusCode !== 200) return false;
          const sin = r.json<{ sinAdministrador: boolean }>().sinAdministrador;
          hayAdministrador = !sin;
          return sin;
        },
      })
    : undefined;
  registrarManejoErrores(app, paginaWeb);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // Right after helmet: the build's files leave from memory with its headers and skip every hook below.
  if (conWeb) servirActivosWeb(app, CARPETA_WEB);
  await app.register(fastifyCookie);
  // JSON (and plain text or CSV) compressed on the fly, brotli first, from 1 KB. Answers that come already
  // compressed are left alone: the web's .br/.gz copies and the dashboard's cached bytes set Content-Encoding;
  // xlsx, tar.gz, images and other binary downloads are not of these types. Request bodies are never inflated.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: /^(?:application\/(?:[\w.+-]+\+)?json|text\/(?:plain|csv))(?:;|$)/,
    globalDecompression: false,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'MIPG Abierto — API',
        description: 'API de la plataforma abierta para el Modelo Integrado de Planeación y Gestión.',
        version: VERSION,
      },
      components: {
        securitySchemes: { sesion: { type: 'apiKey', in: 'cookie', name: 'mipg_sesion' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  // A write's statements go ahead of queued reads on the embedded database (src/db/prioridad.ts), from the
  // session lookup on: everything after this hook runs inside the context (src/db/prioridad.test.ts).
  app.addHook('onRequest', (request, _reply, hecho) => {
    if (METODOS_LECTURA.has(request.method)) hecho();
    else conPrioridad(hecho);
  });
  registrarAutorizacion(app);
  // After a write, before the answer leaves (so the next read already sees the change): the entity's cached
  // dashboards go (tablero.service.ts), and creating or editing an entity may change the readable addresses
  // of the public pages (name, sigla). A successful write also marks its writer's next reads as fresh on any
  // server sharing the database (http-cache.ts). A callback hook, not an async one: it runs on every answer.
  app.addHook('onSend', (request, reply, payload, hecho) => {
    if (!METODOS_LECTURA.has(request.method)) {
      if (reply.statusCode >= 200 && reply.statusCode < 300) marcarEscritura(request, reply);
      const entidadId = (request.params as { entidadId?: string } | undefined)?.entidadId;
      if (entidadId) invalidarTablero(app.db, entidadId);
      const ruta = `${request.method} ${request.routeOptions.url}`;
      if (ruta === 'POST /api/entidades' || ruta === 'PUT /api/entidades/:entidadId')
        invalidarDirectorio(app.db);
    }
    hecho(null, payload);
  });
  app.addHook('onResponse', (request, reply, hecho) => {
    if (request.method !== 'GET' || reply.statusCode >= 400)
      request.log.info(
        {
          metodo: request.method,
          ruta: request.url,
          estado: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'solicitud',
      );
    hecho();
  });

  app.get('/api/openapi.json', { config: { acceso: 'publico' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(saludRoutes);
  await app.register(authRoutes);
  await app.register(correoRoutes);
  await app.register(catalogoRoutes);
  await app.register(calendarioRoutes);
  await app.register(calendarioLegalRoutes);
  await app.register(entidadesRoutes);
  await app.register(logoRoutes);
  await app.register(dependenciasRoutes);
  await app.register(importacionRoutes);
  await app.register(furagRoutes);
  await app.register(recomendacionesRoutes);
  await app.register(cuestionariosRoutes);
  await app.register(autodiagnosticosRoutes);
  await app.register(simulacrosRoutes);
  await app.register(usuariosRoutes);
  await app.register(invitacionesRoutes);
  await app.register(responsablesRoutes);
  await app.register(vigenciasRoutes);
  await app.register(planRoutes);
  await app.register(ponderacionesRoutes);
  await app.register(flujoPlanRoutes);
  await app.register(versionesPlanRoutes);
  await app.register(aprobacionPlanRoutes);
  await app.register(publicacionesRoutes);
  await app.register(consultasRoutes);
  await app.register(objetivosRoutes);
  await app.register(planesPropiosRoutes);
  await app.register(seguimientoRoutes);
  await app.register(evidenciasRoutes);
  await app.register(verificacionRoutes);
  await app.register(tableroRoutes);
  await app.register(tableroTerritorialRoutes);
  await app.register(pendientesRoutes);
  await app.register(comitesRoutes);
  await app.register(excelRoutes);
  await app.register(informesRoutes);
  await app.register(planPropioRoutes);
  await app.register(indicadoresRoutes);
  await app.register(notificacionesRoutes);
  await app.register(auditoriaRoutes);
  // Citizens' pages, HTML from the server; before the web app's fallback (its not-found handler).
  await app.register(publicoRoutes, { prefix: '/publico' });
  // The forms of the login page without JavaScript, which the web app's build draws.
  if (paginaWeb) await app.register(ingresoSinJsRoutes, { paginaWeb });

  if (conWeb)
    await app.register(fastifyStatic, {
      root: CARPETA_WEB,
      wildcard: false,
      // «/» goes to the not-found handler like every client route: it gets the login page's first paint.
      index: false,
      maxAge: '1h',
      // The .br/.gz copies made at build time (web/vite.config.ts), chosen by Accept-Encoding.
      preCompressed: true,
      // Vite names assets by their content hash: a new build is a new name, so they never go stale.
      setHeaders: (reply, ruta) => {
        if (ruta.includes(`${sep}assets${sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  return app;
}
