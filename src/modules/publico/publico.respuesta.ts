// How the public pages and files leave the server: a weak ETag (304 when the citizen already has them),
// a short public cache, and brotli or gzip when the browser accepts it (a rural 3G connection).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CACHE_CORTA = 'public, max-age=60';
export const CACHE_INMUTABLE = 'public, max-age=31536000, immutable';

export interface Envio {
  cuerpo: string | Buffer;
  tipo: string;
  estado?: number;
  cache?: string;
  /** Download name (ASCII: the slugs are), sent as an attachment. */
  archivo?: string;
}

export const etiquetaDe = (datos: Buffer) =>
  `W/"${createHash('sha256').update(datos).digest('base64url').slice(0, 27)}"`;

const sinDebil = (e: string) => e.trim().replace(/^W\//, '');

/** Brotli or gzip by Accept-Encoding; small bodies go as they are. */
export function comprimir(datos: Buffer, aceptada: string | undefined) {
  const acepta = aceptada ?? '';
  if (datos.length < 1024) return { datos, codificacion: null };
  if (/\bbr\b/.test(acepta))
    return {
      datos: brotliCompressSync(datos, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      codificacion: 'br',
    };
  if (/\bgzip\b/.test(acepta)) return { datos: gzipSync(datos, { level: 6 }), codificacion: 'gzip' };
  return { datos, codificacion: null };
}

export function enviar(request: FastifyRequest, reply: FastifyReply, e: Envio) {
  const datos = Buffer.isBuffer(e.cuerpo) ? e.cuerpo : Buffer.from(e.cuerpo, 'utf8');
  const etag = etiquetaDe(datos);
  const estado = e.estado ?? 200;
  reply
    .type(e.tipo)
    .header('cache-control', e.cache ?? CACHE_CORTA)
    .header('vary', 'Accept-Encoding');
  if (estado === 200) reply.header('etag', etag);
  if (e.archivo) reply.header('content-disposition', `attachment; filename="${e.archivo}"`);
  const pedida = request.headers['if-none-match'];
  if (estado === 200 && pedida && pedida.split(',').some((x) => sinDebil(x) === sinDebil(etag)))
    return reply.status(304).send();
  const c = comprimir(datos, request.headers['accept-encoding']);
  if (c.codificacion) reply.header('content-encoding', c.codificacion);
  return reply.status(estado).send(c.datos);
}
