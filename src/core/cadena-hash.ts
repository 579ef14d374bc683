import { createHash } from 'node:crypto';

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

export type ResultadoVerificacion =
  | { ok: true; revisados: number }
  | { ok: false; revisados: number; idRoto: number; motivo: string };

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
        idRoto: e.id,
        motivo: 'el registro no apunta al anterior (se borró o se insertó un registro)',
      };
    }
    const { hash, id: _id, ...resto } = e;
    if (hashEslabon(resto) !== hash) {
      return { ok: false, revisados, idRoto: e.id, motivo: 'el contenido del registro fue modificado' };
    }
    anterior = hash;
  }
  return { ok: true, revisados };
}
