import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revisarPesos } from './ponderacion.ts';

describe('ponderaciones por política', () => {
  it.each([
    [[50, 50], true, null],
    [[33.33, 33.33, 33.34], true, null],
    [[40, 40], false, 'suman 80 %: faltan 20 puntos'],
    [[70, 40.5], false, 'suman 110,5 %: sobran 10,5 puntos'],
    [[0, 0], false, 'faltan 100 puntos'],
  ])('%j → ok %s', (pesos, ok, fragmento) => {
    const [r] = revisarPesos(
      pesos.map((ponderacion) => ({ politica: 'integridad', ponderacion })),
      () => 'Integridad',
    );
    expect(r!.ok).toBe(ok);
    if (fragmento) expect(r!.mensaje).toContain(fragmento);
    else expect(r!.mensaje).toBeNull();
  });

  it('revisa cada política por separado', () => {
    const r = revisarPesos([
      { politica: 'a', ponderacion: 100 },
      { politica: 'b', ponderacion: 60 },
    ]);
    expect(r.map((x) => [x.politica, x.ok])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('repartir 100 en n partes enteras siempre cuadra', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        const base = Math.floor(100 / n);
        const pesos = Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
        expect(revisarPesos(pesos.map((ponderacion) => ({ politica: 'p', ponderacion })))[0]!.ok).toBe(true);
      }),
    );
  });
});
