import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codigoEnVigencia,
  type MapaEquivalencias,
  problemasEquivalencias,
  seguirIndices,
} from './furag-equivalencias.ts';

// 2024: I45 became I70 (and I45 was given to a new index); 2025: I38 is new; 2026: nothing changed. The
// catalog has no 2023: older files keep 2024's codes.
const MAPAS: MapaEquivalencias = {
  '2024': { I70: 'I45', I45: null },
  '2025': { I38: null },
  '2026': {},
};

describe('el código de un índice en otra vigencia', () => {
  it.each([
    // codigo, desde, hasta, esperado
    ['I01', 2025, 2024, 'I01'],
    ['I70', 2025, 2024, 'I70'],
    ['I70', 2024, 2023, 'I45'],
    ['I70', 2026, 2020, 'I45'],
    ['I45', 2024, 2023, null],
    ['I38', 2025, 2024, null],
    ['I38', 2026, 2025, 'I38'],
    ['I45', 2023, 2024, 'I70'],
    ['I45', 2022, 2026, 'I70'],
    ['I70', 2023, 2024, null],
    ['I38', 2024, 2025, null],
    ['I01', 2020, 2026, 'I01'],
    ['I01', 2025, 2025, 'I01'],
  ] as const)('%s de %i en %i: %s', (codigo, desde, hasta, esperado) => {
    expect(codigoEnVigencia(MAPAS, codigo, desde, hasta)).toBe(esperado);
  });

  it('un índice dividido en dos no se sigue hacia adelante (no se adivina cuál lo continúa)', () => {
    const dividido: MapaEquivalencias = { '2025': { I20: 'I10', I21: 'I10' } };
    expect(codigoEnVigencia(dividido, 'I10', 2024, 2025)).toBeNull();
  });

  it('ida y vuelta: lo que se sigue hacia atrás vuelve al mismo código', () => {
    const codigo = fc.constantFrom('I01', 'I38', 'I45', 'I70', 'I99');
    fc.assert(
      fc.property(
        codigo,
        fc.integer({ min: 2020, max: 2027 }),
        fc.integer({ min: 2020, max: 2027 }),
        (c, a, b) => {
          const [desde, hasta] = a >= b ? [a, b] : [b, a];
          const antes = codigoEnVigencia(MAPAS, c, desde, hasta);
          if (antes !== null) expect(codigoEnVigencia(MAPAS, antes, hasta, desde)).toBe(c);
        },
      ),
    );
  });
});

const m = (codigo: string, puntaje: number | null) => ({ codigo, puntaje });

describe('los índices de varias vigencias, seguidos a través de los cambios de código', () => {
  it('une I45 de 2023 con I70 de 2024 y 2025; el I45 nuevo de 2024 y el I38 nuevo de 2025 empiezan su propia serie', () => {
    const series = seguirIndices(
      [
        { vigencia: 2023, indices: [m('I01', 40), m('I38', 10), m('I45', 50)] },
        { vigencia: 2024, indices: [m('I01', 45), m('I45', 20), m('I70', 55)] },
        { vigencia: 2025, indices: [m('I01', 48), m('I38', 30), m('I45', 25), m('I70', 61)] },
      ],
      MAPAS,
    );
    const resumen = series.map((s) => [
      s.codigo,
      s.serie.map((p) => `${p.vigencia}:${p.medicion.codigo}=${p.medicion.puntaje}`).join(' '),
    ]);
    expect(resumen).toEqual([
      ['I01', '2023:I01=40 2024:I01=45 2025:I01=48'],
      ['I38', '2025:I38=30'],
      ['I45', '2024:I45=20 2025:I45=25'],
      ['I70', '2023:I45=50 2024:I70=55 2025:I70=61'],
      // The old I38 ended in 2024 (2025's I38 is another index): its own series, by its last code.
      ['I38', '2023:I38=10'],
    ]);
  });

  it('un año sin el índice (no aplicó) no corta la serie, y el orden de entrada no importa', () => {
    const series = seguirIndices(
      [
        { vigencia: 2025, indices: [m('I70', 61)] },
        { vigencia: 2023, indices: [m('I45', 50)] },
        { vigencia: 2024, indices: [] },
      ],
      MAPAS,
    );
    expect(series).toEqual([
      {
        codigo: 'I70',
        serie: [
          { vigencia: 2023, medicion: m('I45', 50) },
          { vigencia: 2025, medicion: m('I70', 61) },
        ],
      },
    ]);
  });

  it('sin mapas, cada código es su propia serie', () => {
    expect(
      seguirIndices(
        [
          { vigencia: 2024, indices: [m('I02', 1)] },
          { vigencia: 2025, indices: [m('I01', 2)] },
        ],
        {},
      ).map((s) => s.codigo),
    ).toEqual(['I01', 'I02']);
  });

  it('cada medición queda en una sola serie', () => {
    const vigencia = fc.record({
      vigencia: fc.integer({ min: 2020, max: 2027 }),
      indices: fc.uniqueArray(fc.constantFrom('I01', 'I38', 'I45', 'I70', 'I99'), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(vigencia, { selector: (v) => v.vigencia, maxLength: 6 }), (vs) => {
        const entrada = vs.map((v) => ({ vigencia: v.vigencia, indices: v.indices.map((c) => m(c, 1)) }));
        const series = seguirIndices(entrada, MAPAS);
        const puestos = series.flatMap((s) => s.serie.map((p) => `${p.vigencia}:${p.medicion.codigo}`));
        expect(puestos.sort()).toEqual(
          entrada.flatMap((v) => v.indices.map((i) => `${v.vigencia}:${i.codigo}`)).sort(),
        );
        // And one point per vigencia in each series.
        for (const s of series) expect(new Set(s.serie.map((p) => p.vigencia)).size).toBe(s.serie.length);
      }),
    );
  });
});

describe('el mapa de una vigencia frente al catálogo', () => {
  const de2024 = new Set(['I01', 'I45', 'I70']);
  const de2023 = new Set(['I01', 'I45']);
  it.each([
    [{ I70: 'I45', I45: null }, []],
    [{ I71: 'I45', I45: null }, ['2024: «I71» no es un código de la vigencia.']],
    [{ I70: 'I99' }, ['2024: «I99» no es un código de 2023.']],
    [
      { I70: 'I45' },
      [
        '2024: «I45» pasó a «I70» pero sigue siendo un código de la vigencia; márquelo «I45»: null si es un índice nuevo.',
      ],
    ],
    [
      { I70: 'I01', I45: 'I01', I01: null },
      ['2024: «I70» y «I45» vienen los dos de «I01»; diga cuál lo continúa.'],
    ],
  ] as const)('%j', (mapa, problemas) => {
    expect(problemasEquivalencias(2024, mapa, de2024, de2023)).toEqual(problemas);
  });

  it('sin el catálogo del año anterior, los códigos de antes no se revisan', () => {
    expect(problemasEquivalencias(2024, { I70: 'I99', I45: null }, de2024, null)).toEqual([]);
  });
});
