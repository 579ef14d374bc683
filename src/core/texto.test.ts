import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buscarTextoNoPermitido, PROFUNDIDAD_MAXIMA } from './texto.ts';

const anidado = (n: number): unknown => (n === 0 ? 'x' : [anidado(n - 1)]);

describe('texto que no se puede guardar', () => {
  it.each([
    ['texto normal con tildes y eñes', { nombre: 'Planeación — Año 2026 ñ 😀' }, null],
    ['carácter nulo en un campo', { nombre: 'a\u0000b' }, { ruta: ['nombre'], problema: 'nulo' }],
    [
      'sustituto alto suelto',
      { a: { b: ['ok', 'x\ud800'] } },
      { ruta: ['a', 'b', 1], problema: 'sustituto' },
    ],
    ['sustituto bajo suelto', ['\udfff'], { ruta: [0], problema: 'sustituto' }],
    ['en el nombre de un campo', { 'cla\u0000ve': 1 }, { ruta: ['cla\u0000ve'], problema: 'nulo' }],
    ['números, nulos y booleanos', { n: 1e308, b: true, z: null }, null],
    ['anidación permitida', anidado(PROFUNDIDAD_MAXIMA), null],
    ['anidación excesiva', anidado(PROFUNDIDAD_MAXIMA + 1), { problema: 'profundidad' }],
  ])('%s', (_caso, valor, esperado) => {
    const r = buscarTextoNoPermitido(valor);
    if (esperado === null) expect(r).toBeNull();
    else expect(r).toMatchObject(esperado);
  });

  it('no se desborda con un arreglo de 100.000 niveles', () => {
    let v: unknown = 'x';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(buscarTextoNoPermitido(v)?.problema).toBe('profundidad');
  });

  it('acepta todo texto Unicode bien formado sin nulos, y señala cualquiera con un nulo', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (limpio, otro) => {
        const sinNulo = limpio.replaceAll('\u0000', '');
        expect(buscarTextoNoPermitido({ t: sinNulo })).toBeNull();
        expect(buscarTextoNoPermitido({ t: `${otro}\u0000` })?.ruta).toEqual(['t']);
      }),
      { seed: 20261125 },
    );
  });
});
