import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACUMULACIONES,
  type Acumulacion,
  agregarPeriodos,
  logradoAcumulado,
  logradoDesdeAgregados,
  planeadoAcumulado,
  problemaMetas,
} from './acumulacion.ts';

describe('logrado al corte según el tipo de meta', () => {
  it.each<[Acumulacion, (number | null)[], number | null, number | null, string]>([
    ['suma', [3, 2, null], 10, 5, 'jornadas: 3 + 2'],
    ['suma', [null, null], 10, null, 'sin ningún reporte aceptado'],
    ['ultimo', [8, 15, 20], 20, 20, 'funcionarios capacitados: total acumulado'],
    ['ultimo', [8, null, null], 20, 8, 'el último aceptado aunque falten periodos'],
    ['ultimo', [20, 15, 5], 5, 5, 'un saldo que baja: cuenta el último'],
    ['promedio', [92, 88, 95], 90, 91.666_666_666_666_67, 'PQRSD a tiempo: promedio de los reportados'],
    ['promedio', [92, null, 88], 90, 90, 'un periodo sin reporte no baja el promedio'],
    ['maximo', [60, 75, 70], 80, 75, 'el más alto alcanzado'],
    ['hito', [0, 0, 1], 1, 1, 'hecho en el tercer periodo'],
    ['hito', [0, 0], 1, 0, 'aún no hecho'],
    ['hito', [1], 100, 100, 'hecho cuenta como toda la meta anual'],
    ['hito', [1, 0], 1, 0, 'el último reporte manda (se deshizo)'],
  ])('%s %j (meta %s) → %s: %s', (tipo, valores, meta, esperado) => {
    const r = logradoAcumulado(tipo, valores, meta);
    if (esperado === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(esperado, 9);
  });

  it('una cifra no finita (guardada antes de los límites) da NaN, nunca Infinity', () => {
    for (const tipo of ACUMULACIONES)
      expect(logradoAcumulado(tipo, [1, Number.POSITIVE_INFINITY], 10)).toBeNaN();
  });
});

describe('planeado al corte según el tipo de meta', () => {
  it.each<[Acumulacion, number[], number, number]>([
    ['suma', [5, 5, 5, 5], 2, 10],
    ['ultimo', [5, 10, 15, 20], 2, 10],
    ['ultimo', [0, 10, 0, 20], 3, 10],
    ['promedio', [90, 90, 90, 90], 3, 90],
    ['promedio', [0, 80, 0, 100], 4, 90],
    ['promedio', [0, 80, 0, 100], 1, 0],
    ['maximo', [60, 80, 70, 80], 2, 80],
    ['hito', [0, 0, 1, 0], 2, 0],
    ['hito', [0, 0, 1, 0], 3, 1],
  ])('%s %j al periodo %i → %s', (tipo, metas, n, esperado) => {
    expect(planeadoAcumulado(tipo, metas, n)).toBeCloseTo(esperado, 9);
  });
});

describe('metas por periodo que cuadran con la meta anual', () => {
  it.each<[Acumulacion, number, number[], RegExp | null]>([
    ['suma', 20, [5, 5, 5, 5], null],
    ['suma', 20, [5, 5, 5, 4], /suman 19 y la meta anual es 20/],
    ['ultimo', 20, [5, 10, 15, 20], null],
    ['ultimo', 5, [20, 15, 10, 5], null],
    ['ultimo', 20, [5, 10, 15, 18], /último periodo con meta \(18\)/],
    ['promedio', 90, [90, 90, 90, 90], null],
    ['promedio', 90, [0, 80, 0, 100], null],
    ['promedio', 90, [80, 80, 80, 80], /promedio de las metas .* \(80\)/],
    ['maximo', 80, [60, 80, 70, 80], null],
    ['maximo', 80, [60, 70, 70, 75], /más alta .* \(75\)/],
    ['hito', 1, [0, 0, 1, 0], null],
    ['hito', 1, [0, 0, 0, 0], /periodo en que debe cumplirse/],
    ['hito', 1, [0, 0.5, 1, 0], /los demás tienen meta 0/],
    ['hito', 1, [0, 1, 1, 0], /un solo periodo lleva la meta anual/],
  ])('%s meta %s con %j', (tipo, anual, metas, problema) => {
    const r = problemaMetas(tipo, anual, metas, 4);
    if (problema === null) expect(r).toBeNull();
    else expect(r).toMatch(problema);
  });

  it('cualquier tipo: número de periodos y metas negativas', () => {
    for (const tipo of ACUMULACIONES) {
      expect(problemaMetas(tipo, 10, [5, 5], 4)).toMatch(/cada uno de los 4 periodos/);
      expect(problemaMetas(tipo, 10, [-1, 11, 0, 0], 4)).toMatch(/negativas/);
    }
  });
});

const cifras = fc.array(fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), {
  minLength: 1,
  maxLength: 12,
});

describe('propiedades', () => {
  it('último, promedio y máximo quedan entre el menor y el mayor valor reportado', () => {
    fc.assert(
      fc.property(cifras, (valores) => {
        const presentes = valores.filter((v): v is number => v !== null);
        for (const tipo of ['ultimo', 'promedio', 'maximo'] as const) {
          const r = logradoAcumulado(tipo, valores, 100);
          if (!presentes.length) expect(r).toBeNull();
          else {
            expect(r!).toBeGreaterThanOrEqual(Math.min(...presentes) - 1e-6);
            expect(r!).toBeLessThanOrEqual(Math.max(...presentes) + 1e-6);
          }
        }
      }),
    );
  });

  it('suma y máximo nunca bajan al sumar un periodo; el hito es 0 o la meta anual', () => {
    fc.assert(
      fc.property(
        cifras,
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
        (valores, otro) => {
          for (const tipo of ['suma', 'maximo'] as const) {
            const antes = logradoAcumulado(tipo, valores, 100) ?? 0;
            const despues = logradoAcumulado(tipo, [...valores, otro], 100) ?? 0;
            expect(despues).toBeGreaterThanOrEqual(antes);
          }
          expect([null, 0, 50]).toContain(logradoAcumulado('hito', valores, 50));
        },
      ),
    );
  });

  it('con metas que cuadran, lo planeado al último corte es la meta anual', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (metas) => {
        for (const tipo of ACUMULACIONES) {
          const anual =
            tipo === 'suma' ? metas.reduce((a, b) => a + b, 0) : planeadoAcumulado(tipo, metas, metas.length);
          if (problemaMetas(tipo, anual, metas, metas.length) === null)
            expect(planeadoAcumulado(tipo, metas, metas.length)).toBeCloseTo(anual, 6);
        }
      }),
    );
  });

  it('lo planeado por suma, máximo e hito nunca baja de un corte al siguiente', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 12 }),
        (metas) => {
          for (const tipo of ['suma', 'maximo', 'hito'] as const)
            for (let n = 1; n < metas.length; n++)
              expect(planeadoAcumulado(tipo, metas, n + 1)).toBeGreaterThanOrEqual(
                planeadoAcumulado(tipo, metas, n),
              );
        },
      ),
    );
  });
});

describe('agregados de los periodos (lo que calcula la base)', () => {
  it('cualquier tipo: desde los agregados da lo mismo que desde las cifras de cada periodo', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACUMULACIONES),
        fc.array(fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }), { maxLength: 12 }),
        fc.option(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { nil: null }),
        (tipo, valores, meta) => {
          const directo = logradoAcumulado(tipo, valores, meta);
          const agregado = logradoDesdeAgregados(tipo, agregarPeriodos(valores), meta);
          if (directo === null) expect(agregado).toBeNull();
          else expect(agregado).toBeCloseTo(directo, 6);
        },
      ),
    );
  });

  it.each([
    [[null, null], null],
    [[3, null, 5], { n: 2, suma: 8, maximo: 5, ultimo: 5 }],
    [[7, 2, null], { n: 2, suma: 9, maximo: 7, ultimo: 2 }],
  ] as const)('%j → %j', (valores, esperado) => {
    expect(agregarPeriodos(valores)).toEqual(esperado);
  });
});
