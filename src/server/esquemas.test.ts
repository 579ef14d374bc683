import { describe, expect, it } from 'vitest';
import { enteroEn, numeroEn } from '../contrato/comun.ts';
import { LIMITES } from '../core/numeros.ts';
import { errorDeBase } from './errores.ts';
import { sinNoFinitos } from './esquemas.ts';

describe('esquemas de números', () => {
  it('un solo mensaje por campo, que lo nombra con su rango en es-CO', () => {
    const s = numeroEn('el valor', LIMITES.cantidad);
    const mensajes = (x: unknown) => s.safeParse(x).error?.issues.map((i) => i.message);
    expect(mensajes(1e308)).toEqual(['el valor debe estar entre 0 y 1.000.000.000.000.000']);
    expect(mensajes(5e-324)).toEqual(['el valor admite como máximo 6 decimales']);
    expect(mensajes('diez')).toEqual(['escriba el valor como número']);
    expect(mensajes(1234.5)).toBeUndefined();
    expect(enteroEn('la página', 1, 1_000_000).safeParse('1e308').error?.issues[0]?.message).toBe(
      'la página debe estar entre 1 y 1.000.000',
    );
  });

  it('red de seguridad: Infinity y NaN salen como null; lo demás no se copia', () => {
    const sano = { a: 1, b: [2, { c: 'x' }], d: new Date(0) };
    expect(sinNoFinitos(sano)).toBe(sano);
    expect(
      sinNoFinitos({ a: Number.POSITIVE_INFINITY, b: [Number.NaN, 1e308], c: { d: -Infinity }, e: 'ok' }),
    ).toEqual({ a: null, b: [null, 1e308], c: { d: null }, e: 'ok' });
  });
});

describe('errores de la base como 400 en español', () => {
  it.each([
    ['22003', 400, 'fuera del rango'],
    ['22P02', 400, 'formato esperado'],
    ['23505', 409, 'Ya existe'],
  ])('%s → %i', (code, status, texto) => {
    // Drizzle wraps the driver's error: the code may come in `cause`.
    for (const err of [{ code }, { cause: { code } }]) {
      const e = errorDeBase(err);
      expect(e?.status).toBe(status);
      expect(e?.message).toContain(texto);
      expect(e?.message).not.toMatch(/no se guardó/i);
    }
  });
});
