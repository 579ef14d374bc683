import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyInstance } from 'fastify';

/** The types of what Vite writes in web/dist/assets; a file of any other type goes on to @fastify/static. */
const TIPOS: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
};

type Codificacion = 'br' | 'gzip';

interface Activo {
  tipo: string;
  /** The file's name carries its content's hash: the name itself is a strong validator. */
  etag: string;
  plano: Buffer;
  comprimidos: Partial<Record<Codificacion, Buffer>>;
}

/**
 * The build's hashed files (web/dist/assets: scripts, styles, fonts) and their .br/.gz copies, read once at
 * start (~4 MB) and keyed by their address. Only names found there are ever answered: an address is looked
 * up, never turned into a path.
 */
export function cargarActivosWeb(carpetaWeb: string): Map<string, Activo> {
  const carpeta = join(carpetaWeb, 'assets');
  const activos = new Map<string, Activo>();
  let nombres: string[];
  try {
    nombres = readdirSync(carpeta);
  } catch {
    return activos;
  }
  const presentes = new Set(nombres);
  for (const nombre of nombres) {
    const tipo = TIPOS[extname(nombre)];
    if (!tipo) continue;
    const comprimidos: Activo['comprimidos'] = {};
    if (presentes.has(`${nombre}.br`)) comprimidos.br = readFileSync(join(carpeta, `${nombre}.br`));
    if (presentes.has(`${nombre}.gz`)) comprimidos.gzip = readFileSync(join(carpeta, `${nombre}.gz`));
    activos.set(`/assets/${nombre}`, {
      tipo,
      etag: `"${nombre}"`,
      plano: readFileSync(join(carpeta, nombre)),
      comprimidos,
    });
  }
  return activos;
}

/**
 * Answers the build's hashed files from memory, right after the security headers (helmet's onRequest hook,
 * registered before this one) and before everything else a request goes through. A first visit to the
 * dashboard asks for ~55 of them at once; through @fastify/static each cost ~2 ms of the server's CPU (a
 * stat and a stream per file, then the cookie, compression, authorisation and logging hooks that do nothing
 * for a script), ~0,4 ms this way. On a machine with two cores that CPU was taken from the browser loading
 * the same page (ADR 0036). Anything not found here (another file, a query string, a POST) goes on as before.
 */
export function servirActivosWeb(app: FastifyInstance, carpetaWeb: string) {
  const activos = cargarActivosWeb(carpetaWeb);
  const negociador = new Negotiator<Codificacion>({ supportedValues: ['br', 'gzip'] });
  app.addHook('onRequest', (request, reply, hecho) => {
    const activo =
      request.method === 'GET' || request.method === 'HEAD' ? activos.get(request.url) : undefined;
    if (!activo) return hecho();
    const cabeceras: Record<string, string | number> = {
      'content-type': activo.tipo,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: activo.etag,
      vary: 'accept-encoding',
    };
    // As @fastify/static does: «*» (no preference) is taken as gzip, the one every client understands.
    const aceptadas = request.headers['accept-encoding']?.toLowerCase().replace(/\*/g, 'gzip');
    const codificacion = aceptadas ? negociador.negotiate(aceptadas) : null;
    const comprimido = codificacion ? activo.comprimidos[codificacion] : undefined;
    if (comprimido) cabeceras['content-encoding'] = codificacion!;
    const cuerpo = comprimido ?? activo.plano;
    reply.hijack();
    if (request.headers['if-none-match'] === activo.etag) {
      reply.raw.writeHead(304, cabeceras);
      reply.raw.end();
      return;
    }
    cabeceras['content-length'] = cuerpo.length;
    reply.raw.writeHead(200, cabeceras);
    reply.raw.end(request.method === 'HEAD' ? undefined : cuerpo);
  });
}
