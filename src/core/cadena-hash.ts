import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const HASH_GENESIS = '0'.repeat(64);

/** JSON with sorted keys, so a value read back from jsonb hashes the same as the one written. */
export function jsonCanonico(valor: unknown): string {
  if (valor === null || valor === undefined) return 'null';
  if (valor instanceof Date) return JSON.stringify(valor.toISOString());
  if (Array.isArray(valor)) return `[${valor.map(jsonCanonico).join(',')}]`;
  if (typeof valor === 'object') {
    const obj = valor as Record<string, unknown>;
    const claves = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${claves.map((k) => `${JSON.stringify(k)}:${jsonCanonico(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(valor);
}

export interface EslabonAuditoria {
  id: number;
  entidadId: string | null;
  usuarioId: string | null;
  usuarioCorreo: string | null;
  accion: string;
  recurso: string;
  recursoId: string | null;
  antes: unknown;
  despues: unknown;
  ip: string | null;
  creadoEn: string;
  hashAnterior: string;
  hash: string;
}

/** The id is left out: the database assigns it, and order is already sealed by hashAnterior. */
export function hashEslabon(e: Omit<EslabonAuditoria, 'hash' | 'id'>): string {
  return createHash('sha256').update(jsonCanonico(e)).digest('hex');
}

/** alterada: a row's content or link fails · truncada: the newest signed anchor's row is gone or differs ·
 * ancla: an anchor's signature fails, so the anchor file itself was edited. */
export type FallaCadena = 'alterada' | 'truncada' | 'ancla';

export type ResultadoVerificacion =
  | { ok: true; revisados: number }
  | { ok: false; revisados: number; falla: FallaCadena; idRoto?: number; motivo: string };

/** Walks the chain in id order and reports the first link whose content or predecessor does not match. */
export function verificarCadena(
  eslabones: Iterable<EslabonAuditoria>,
  previo = HASH_GENESIS,
): ResultadoVerificacion {
  let revisados = 0;
  let anterior = previo;
  for (const e of eslabones) {
    revisados++;
    if (e.hashAnterior !== anterior) {
      return {
        ok: false,
        revisados,
        falla: 'alterada',
        idRoto: e.id,
        motivo: 'el registro no apunta al anterior (se borró o se insertó un registro)',
      };
    }
    const { hash, id: _id, ...resto } = e;
    if (hashEslabon(resto) !== hash) {
      return {
        ok: false,
        revisados,
        falla: 'alterada',
        idRoto: e.id,
        motivo: 'el contenido del registro fue modificado',
      };
    }
    anterior = hash;
  }
  return { ok: true, revisados };
}

/**
 * The chain's head as seen by one verification. The hashes alone cannot show that the newest rows were
 * deleted (the shorter chain is still consistent), so the head is signed with a key kept outside the
 * database and checked on the next verification.
 */
export interface Ancla {
  ultimoId: number;
  ultimoHash: string;
  total: number;
  fecha: string;
}
export interface AnclaFirmada extends Ancla {
  firma: string;
}

const firma = (a: Ancla, clave: Uint8Array) =>
  createHmac('sha256', clave)
    .update(jsonCanonico({ ultimoId: a.ultimoId, ultimoHash: a.ultimoHash, total: a.total, fecha: a.fecha }))
    .digest('hex');

export const firmarAncla = (a: Ancla, clave: Uint8Array): AnclaFirmada => ({ ...a, firma: firma(a, clave) });

export function anclaValida(a: AnclaFirmada, clave: Uint8Array): boolean {
  if (typeof a.firma !== 'string' || !/^[0-9a-f]{64}$/.test(a.firma)) return false;
  return timingSafeEqual(Buffer.from(firma(a, clave), 'hex'), Buffer.from(a.firma, 'hex'));
}

/**
 * Compares the newest anchor with what the table holds now: its row (by id) must still be there, with the
 * same hash and the same number of rows up to it. Since each hash seals every row before it, this one
 * check covers the whole prefix the anchor saw.
 */
export function compararAncla(
  a: Ancla,
  fila: { hash: string; posicion: number } | undefined,
  revisados: number,
): ResultadoVerificacion {
  const truncada = (motivo: string): ResultadoVerificacion => ({
    ok: false,
    revisados,
    falla: 'truncada',
    idRoto: a.ultimoId,
    motivo: `cadena truncada: ${motivo}`,
  });
  if (!fila)
    return truncada(
      `falta el registro #${a.ultimoId}, que la verificación firmada del ${a.fecha} vio como el último (se borraron los registros más recientes)`,
    );
  if (fila.hash !== a.ultimoHash)
    return truncada(
      `el registro #${a.ultimoId} no es el que vio la verificación firmada del ${a.fecha} (la cadena se reescribió)`,
    );
  if (fila.posicion !== a.total)
    return truncada(
      `hasta el registro #${a.ultimoId} había ${a.total} registros el ${a.fecha} y ahora hay ${fila.posicion}`,
    );
  return { ok: true, revisados };
}
