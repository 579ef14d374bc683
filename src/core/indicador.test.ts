import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumplimientoIndicador, valorMedicion } from './indicador.ts';

describe('valor de una medición', () => {
  it.each([
    [45, 50, '%', 90],
    [45, 50, 'pacientes por cama', 0.9],
    [12, null, 'jornadas', 12],
    [3, 0, '%', null],
  ] as const)('%s / %s (%s) → %s', (n, d, u, v) => {
    const r = valorMedicion(n, d, u);
    if (v === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(v);
  });
});

describe('cumplimiento frente a la meta', () => {
  it.each([
    [90, 100, 'creciente', 90],
    [120, 100, 'creciente', 120],
    [-5, 100, 'creciente', 0],
    [10, 0, 'creciente', null],
    [15, 15, 'decreciente', 100],
    [30, 15, 'decreciente', 50],
    [10, 15, 'decreciente', 150],
    [0, 15, 'decreciente', 100],
    [5, 0, 'decreciente', 0],
    [null, 10, 'creciente', null],
  ] as const)('valor %s, meta %s, %s → %s', (valor, meta, pol, esperado) => {
    const r = cumplimientoIndicador(valor, meta, pol);
    if (esperado === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(esperado);
  });

  it('acercarse a la meta siempre mejora el cumplimiento, en ambos sentidos', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        (meta, a, b) => {
          const [menor, mayor] = a < b ? [a, b] : [b, a];
          expect(cumplimientoIndicador(mayor, meta, 'creciente')!).toBeGreaterThanOrEqual(
            cumplimientoIndicador(menor, meta, 'creciente')!,
          );
          expect(cumplimientoIndicador(menor, meta, 'decreciente')!).toBeGreaterThanOrEqual(
            cumplimientoIndicador(mayor, meta, 'decreciente')!,
          );
        },
      ),
    );
  });
});
