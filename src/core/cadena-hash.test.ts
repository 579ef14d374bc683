import { describe, expect, it } from 'vitest';
import {
  anclaValida,
  compararAncla,
  type EslabonAuditoria,
  firmarAncla,
  HASH_GENESIS,
  hashEslabon,
  jsonCanonico,
  verificarCadena,
} from './cadena-hash.ts';

function cadena(n: number): EslabonAuditoria[] {
  const out: EslabonAuditoria[] = [];
  let anterior = HASH_GENESIS;
  for (let i = 1; i <= n; i++) {
    const base = {
      entidadId: null,
      usuarioId: null,
      usuarioCorreo: 'a@b.example',
      accion: 'crear',
      recurso: 'dependencia',
      recursoId: String(i),
      antes: null,
      despues: { nombre: `Dependencia ${i}`, orden: i },
      ip: '127.0.0.1',
      creadoEn: new Date(2026, 0, i).toISOString(),
      hashAnterior: anterior,
    };
    const e = { id: i, ...base, hash: hashEslabon(base) };
    out.push(e);
    anterior = e.hash;
  }
  return out;
}

describe('cadena de auditoría', () => {
  it('una cadena íntegra se verifica completa', () => {
    expect(verificarCadena(cadena(5))).toEqual({ ok: true, revisados: 5 });
  });

  it.each([
    [
      'contenido alterado',
      (c: EslabonAuditoria[]) => ((c[2]!.despues as { nombre: string }).nombre = 'X'),
      3,
    ],
    ['registro borrado', (c: EslabonAuditoria[]) => c.splice(1, 1), 3],
    ['hash recalculado sin reencadenar', (c: EslabonAuditoria[]) => (c[3]!.hash = 'f'.repeat(64)), 4],
  ])('detecta %s y nombra el primer eslabón roto', (_n, dañar, idRoto) => {
    const c = cadena(6);
    dañar(c);
    const r = verificarCadena(c);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.idRoto).toBe(idRoto);
  });

  it('el JSON canónico no depende del orden de las claves', () => {
    expect(jsonCanonico({ b: 1, a: [{ d: 2, c: null }] })).toBe(
      jsonCanonico({ a: [{ c: null, d: 2 }], b: 1 }),
    );
  });
});

describe('anclas firmadas', () => {
  const clave = Buffer.alloc(32, 7);
  const ancla = { ultimoId: 10, ultimoHash: 'a'.repeat(64), total: 10, fecha: '2026-11-25T00:00:00.000Z' };

  it('la firma valida el ancla y falla si cambia un campo o la clave', () => {
    const firmada = firmarAncla(ancla, clave);
    expect(anclaValida(firmada, clave)).toBe(true);
    expect(anclaValida({ ...firmada, ultimoId: 9 }, clave)).toBe(false);
    expect(anclaValida({ ...firmada, total: 9 }, clave)).toBe(false);
    expect(anclaValida(firmada, Buffer.alloc(32, 8))).toBe(false);
    expect(anclaValida({ ...firmada, firma: 'x' }, clave)).toBe(false);
  });

  it('compararAncla: falta el registro, otro hash u otra posición = cadena truncada', () => {
    expect(compararAncla(ancla, { hash: ancla.ultimoHash, posicion: 10 }, 12)).toEqual({
      ok: true,
      revisados: 12,
    });
    for (const fila of [
      undefined,
      { hash: 'b'.repeat(64), posicion: 10 },
      { hash: ancla.ultimoHash, posicion: 9 },
    ]) {
      const r = compararAncla(ancla, fila, 8);
      expect(r).toMatchObject({ ok: false, falla: 'truncada', idRoto: 10 });
      expect(!r.ok && r.motivo).toMatch(/^cadena truncada: /);
    }
  });
});
