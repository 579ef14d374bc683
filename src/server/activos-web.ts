import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';

/** The types of what Vite writes in web/dist/assets; a file of any other type goes on to @fastify/static. */
const TIPOS: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
};
/** Vite's hashed names; any other name (spaces, accents) goes on to @fastify/static. */
const NOMBRE_DE_VITE = /^[\w.-]+$/;

type Codificacion = 'br' | 'gzip';
const EXTENSION: Record<Codificacion, string> = { br: '.br', gzip: '.gz' };

/** One way a file travels: its bytes and its validator. */
interface Copia {
  cuerpo: Buffer;
  /**
   * The name carries the content's hash, so it is a strong validator, one per copy: a strong ETag must change
   * with the content-encoding (RFC 9110 §8.8.3).
   */
  etag: string;
  codificacion?: Codificacion;
}

interface Activo {
  tipo: string;
  plana: Copia;
  comprimidas: Partial<Record<Codificacion, Copia>>;
  /** Chooses among the copies this file has (files under 1 KB have none). */
  negociador: Negotiator<Codificacion> | null;
}

/**
 * The build's hashed files (web/dist/assets: scripts, styles, fonts) and their .br/.gz copies, read once at
 * start (~4 MB) and keyed by their address. Only names found there are ever answered: an address is looked
 * up, never turned into a path. A server started while a build is being written keeps what it read until it
 * restarts, like @fastify/static, which lists the files at start too.
 */
export function cargarActivosWeb(carpetaWeb: string): Map<string, Activo> {
  const carpeta = join(carpetaWeb, 'assets');
  const activos = new Map<string, Activo>();
  let entradas: Dirent[];
  try {
    entradas = readdirSync(carpeta, { withFileTypes: true });
  } catch {
    return activos;
  }
  const archivos = new Set(entradas.filter((e) => e.isFile()).map((e) => e.name));
  const negociadores = new Map<string, Negotiator<Codificacion>>();
  for (const nombre of archivos) {
    const tipo = TIPOS[extname(nombre)];
    if (!tipo || !NOMBRE_DE_VITE.test(nombre)) continue;
    const comprimidas: Activo['comprimidas'] = {};
    for (const codificacion of ['br', 'gzip'] as const) {
      const archivo = `${nombre}${EXTENSION[codificacion]}`;
      if (archivos.has(archivo))
        comprimidas[codificacion] = {
          cuerpo: readFileSync(join(carpeta, archivo)),
          etag: `"${archivo}"`,
          codificacion,
        };
    }
    const disponibles = Object.keys(comprimidas) as Codificacion[];
    let negociador = negociadores.get(disponibles.join());
    if (!negociador && disponibles.length) {
      negociador = new Negotiator<Codificacion>({ supportedValues: disponibles });
      negociadores.set(disponibles.join(), negociador);
    }
    activos.set(`/assets/${nombre}`, {
      tipo,
      plana: { cuerpo: readFileSync(join(carpeta, nombre)), etag: `"${nombre}"` },
      comprimidas,
      negociador: negociador ?? null,
    });
  }
  return activos;
}

/** If-None-Match matches (weak comparison, RFC 9110 §13.1.2): one of its tags, or `*`. */
function coincide(siNoCoincide: string | undefined, etag: string) {
  if (!siNoCoincide) return false;
  return siNoCoincide.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * Answers the build's hashed files from memory, right after the security headers (helmet's onRequest hooks,
 * registered before this one) and before everything else a request goes through. A first visit to the
 * dashboard asks for ~55 of them at once; through @fastify/static each cost ~2 ms of the server's CPU (a
 * stat and a stream per file, then the cookie, compression and authorisation hooks that do nothing for a
 * script), ~0,4 ms this way. On a machine with two cores that CPU was taken from the browser loading the
 * same page (ADR 0036). Anything not found here (another file, a query string, a POST) goes on as before.
 */
export function servirActivosWeb(app: FastifyInstance, carpetaWeb: string) {
  const activos = cargarActivosWeb(carpetaWeb);
  app.addHook('onRequest', (request, reply, hecho) => {
    const activo =
      request.method === 'GET' || request.method === 'HEAD' ? activos.get(request.url) : undefined;
    if (!activo) return hecho();
    const aceptadas = request.headers['accept-encoding'];
    const elegida = aceptadas && activo.negociador?.negotiate(aceptadas.toLowerCase());
    const copia = (elegida && activo.comprimidas[elegida]) || activo.plana;
    const comunes = {
      'cache-control': 'public, max-age=31536000, immutable',
      etag: copia.etag,
      vary: 'accept-encoding',
    };
    reply.hijack();
    if (coincide(request.headers['if-none-match'], copia.etag)) {
      // A 304 says nothing of the body: the client keeps the copy its validator named.
      reply.raw.writeHead(304, comunes);
      reply.raw.end();
      return;
    }
    reply.raw.writeHead(200, {
      ...comunes,
      'content-type': activo.tipo,
      'content-length': copia.cuerpo.length,
      ...(copia.codificacion && { 'content-encoding': copia.codificacion }),
    });
    reply.raw.end(request.method === 'HEAD' ? undefined : copia.cuerpo);
  });
}
