import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitoVerificacion, formatearNit, validarNit } from './nit.ts';

describe('validarNit', () => {
  it.each([
    ['846000253-6', '846000253', 6],
    ['846.000.253-6', '846000253', 6],
    [' 800197268-4 ', '800197268', 4], // DIAN
    ['899999001-7', '899999001', 7], // Ministerio de Educación Nacional
    ['800091594-4', '800091594', 4],
    ['890399010-6', '890399010', 6],
  ])('acepta %s', (entrada, base, dv) => {
    expect(validarNit(entrada)).toEqual({ ok: true, base, dv, formateado: `${base}-${dv}` });
  });

  it.each([
    ['846000253-5', 'debe ser 6, no 5'],
    ['846000253', 'dígito de verificación'],
    ['84600025A-6', 'dígito de verificación'],
    ['12345-6', 'entre 6 y 15'],
    ['', 'dígito de verificación'],
    ['846000253-66', 'dígito de verificación'],
  ])('rechaza %s en español', (entrada, fragmento) => {
    const r = validarNit(entrada);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.mensaje).toContain(fragmento);
  });

  it('todo NIT con su dígito calculado es válido y cualquier otro dígito es rechazado', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{5,14}$/), fc.integer({ min: 0, max: 9 }), (base, otro) => {
        const dv = digitoVerificacion(base);
        expect(dv).toBeGreaterThanOrEqual(0);
        expect(dv).toBeLessThanOrEqual(9);
        expect(validarNit(`${base}-${dv}`).ok).toBe(true);
        if (otro !== dv) expect(validarNit(`${base}-${otro}`).ok).toBe(false);
      }),
    );
  });

  it('formatea con puntos de miles', () => {
    expect(formatearNit('846000253', 6)).toBe('846.000.253-6');
  });
});
