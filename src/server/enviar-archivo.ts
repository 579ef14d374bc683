import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../core/nombre-archivo.ts';

/**
 * A stored file as a download: its safe name, a type the browser may not second-guess (nosniff), and kept by
 * no shared cache unless `cache` says otherwise (a public act, a published version).
 */
export function enviarArchivo(
  reply: FastifyReply,
  a: { nombre: string; contenido: Buffer; tipo?: string },
  cache = 'private, no-store',
) {
  return reply
    .header('content-disposition', contentDisposition(a.nombre))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .type(a.tipo ?? 'application/pdf')
    .send(a.contenido);
}
