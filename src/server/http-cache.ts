// Conditional requests and content negotiation for answers the server keeps as bytes (the dashboard), and
// the mark of a recent write that makes its writer's next reads fresh on any server (ADR 0011).
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Set on every successful write (app.ts) for ESCRITO_MS: a read that brings it asks the database for the
 * data version instead of using the one the server remembers (tablero.service.ts, VENTANA_VERSION_MS), so
 * whoever wrote sees the change on their next read, whichever server answers it. It carries no data.
 */
export const COOKIE_ESCRITO = 'mipg_escrito';
/** Longer than the version window (1 s), with room for the answer's trip to the browser. */
export const ESCRITO_MS = 2000;

export function marcarEscritura(request: FastifyRequest, reply: FastifyReply) {
  reply.setCookie(COOKIE_ESCRITO, '1', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: ESCRITO_MS / 1000,
  });
}

export const escribioHacePoco = (request: FastifyRequest) => request.cookies[COOKIE_ESCRITO] !== undefined;

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
export function coincideEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const propia = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((x) => {
    const t = x.trim();
    return t === '*' || t.replace(/^W\//, '') === propia;
  });
}

/** The compression a client accepts, brotli first; null sends the bytes as they are (RFC 9110 §12.5.3). */
export function codificacionAceptada(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const calidad = new Map<string, number>();
  for (const parte of acceptEncoding.toLowerCase().split(',')) {
    const [nombre, ...params] = parte.trim().split(';');
    if (!nombre) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    calidad.set(nombre.trim(), q === undefined ? 1 : Number(q));
  }
  const de = (c: string) => calidad.get(c) ?? calidad.get('*') ?? 0;
  const br = de('br');
  const gz = Math.max(de('gzip'), calidad.get('x-gzip') ?? 0);
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}
