import { and, asc, desc, eq, gt, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import {
  type EslabonAuditoria,
  HASH_GENESIS,
  hashEslabon,
  type ResultadoVerificacion,
  verificarCadena,
} from '../../core/cadena-hash.ts';

import { type Db, filas } from '../../db/client.ts';
import { auditoria } from '../../db/schema.ts';
import type { Actor } from '../../server/auth.ts';

export type { Actor };

export interface CambioAuditado {
  entidadId: string | null;
  accion: string;
  recurso: string;
  recursoId?: string | null;
  antes?: unknown;
  despues?: unknown;
}

// Any fixed number: all writers of the chain take this lock, so links are added one at a time.
const CANDADO_AUDITORIA = 7_727_274;
const SENSIBLES = new Set(['claveHash', 'clave', 'csrf']);

/** Plain JSON without secrets: what jsonb will give back, so the hash verifies later. */
function limpiar(valor: unknown): unknown {
  if (valor === undefined || valor === null) return null;
  return JSON.parse(JSON.stringify(valor, (k, v) => (SENSIBLES.has(k) ? undefined : v)));
}

/** Call inside the same transaction as the change it records: both are written or neither. */
export async function registrarAuditoria(tx: Db, actor: Actor, cambio: CambioAuditado): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CANDADO_AUDITORIA})`);
  const [ultimo] = await tx
    .select({ hash: auditoria.hash })
    .from(auditoria)
    .orderBy(desc(auditoria.id))
    .limit(1);
  const fila = {
    entidadId: cambio.entidadId,
    usuarioId: actor.usuarioId,
    usuarioCorreo: actor.correo,
    accion: cambio.accion,
    recurso: cambio.recurso,
    recursoId: cambio.recursoId ?? null,
    antes: limpiar(cambio.antes),
    despues: limpiar(cambio.despues),
    ip: actor.ip,
    creadoEn: new Date().toISOString(),
    hashAnterior: ultimo?.hash ?? HASH_GENESIS,
  };
  await tx.insert(auditoria).values({ ...fila, hash: hashEslabon(fila) });
}

export interface FiltroAuditoria {
  entidadId?: string;
  accion?: string;
  recurso?: string;
  usuario?: string;
  desde?: Date;
  hasta?: Date;
  pagina: number;
  tamano: number;
}

/** What the user typed is searched as text: `%`, `_` and `\\` would otherwise be LIKE wildcards. */
export const escaparLike = (texto: string) => texto.replace(/[\\%_]/g, '\\$&');

export async function listarAuditoria(db: Db, f: FiltroAuditoria) {
  const condiciones: SQL[] = [];
  if (f.entidadId) condiciones.push(eq(auditoria.entidadId, f.entidadId));
  if (f.accion) condiciones.push(eq(auditoria.accion, f.accion));
  if (f.recurso) condiciones.push(eq(auditoria.recurso, f.recurso));
  if (f.usuario) condiciones.push(ilike(auditoria.usuarioCorreo, `%${escaparLike(f.usuario)}%`));
  if (f.desde) condiciones.push(gte(auditoria.creadoEn, f.desde.toISOString()));
  if (f.hasta) condiciones.push(lte(auditoria.creadoEn, f.hasta.toISOString()));
  const where = condiciones.length ? and(...condiciones) : undefined;
  const [filas, [total]] = await Promise.all([
    db
      .select()
      .from(auditoria)
      .where(where)
      .orderBy(desc(auditoria.id))
      .limit(f.tamano)
      .offset((f.pagina - 1) * f.tamano),
    db.select({ n: sql<number>`count(*)::int` }).from(auditoria).where(where),
  ]);
  return { total: total?.n ?? 0, registros: filas };
}

/** Reads the whole chain in pages, so a long log does not have to fit in memory. */
export async function recorrerCadena(
  db: Db,
): Promise<{ resultado: ResultadoVerificacion; ultimo?: { id: number; hash: string } }> {
  let desdeId = 0;
  let previo = HASH_GENESIS;
  let revisados = 0;
  let ultimo: { id: number; hash: string } | undefined;
  for (;;) {
    const lote = (await db
      .select()
      .from(auditoria)
      .where(gt(auditoria.id, desdeId))
      .orderBy(asc(auditoria.id))
      .limit(2000)) as EslabonAuditoria[];
    if (lote.length === 0) return { resultado: { ok: true, revisados }, ultimo };
    const r = verificarCadena(lote, previo);
    if (!r.ok) return { resultado: { ...r, revisados: revisados + r.revisados } };
    revisados += r.revisados;
    const u = lote[lote.length - 1]!;
    ultimo = { id: u.id, hash: u.hash };
    previo = u.hash;
    desdeId = u.id;
  }
}

/** The row an anchor points at, with its position in the chain (rows up to and including it). */
export async function filaDeAncla(db: Db, id: number) {
  const [f] = await filas<{ hash: string; posicion: number }>(
    db,
    sql`select hash, (select count(*)::int from auditoria where id <= ${id}) as posicion from auditoria where id = ${id}`,
  );
  return f ? { hash: f.hash, posicion: Number(f.posicion) } : undefined;
}

export async function contarDeEntidad(db: Db, entidadId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditoria)
    .where(eq(auditoria.entidadId, entidadId));
  return Number(r?.n ?? 0);
}

export async function entidadDelRegistro(db: Db, id: number): Promise<string | null | undefined> {
  const [r] = await db.select({ e: auditoria.entidadId }).from(auditoria).where(eq(auditoria.id, id));
  return r ? r.e : undefined;
}
