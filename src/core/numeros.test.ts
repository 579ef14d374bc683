import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACUMULACIONES } from './acumulacion.ts';
import { consolidar, desdeSumas, evaluarActividad } from './consolidacion.ts';
import { cumplimientoIndicador, valorMedicion } from './indicador.ts';
import {
  finitoONulo,
  LIMITES,
  mensajeDecimales,
  mensajeRango,
  numeroCo,
  numeroEsCo,
  porcentaje,
  problemaNumero,
  sumaFinita,
  tieneDecimales,
} from './numeros.ts';
import { cifrasSeguimiento, valorReportado } from './seguimiento.ts';
import { estadoActividad, nivelSemaforo } from './semaforo.ts';

const semilla = { seed: 20261125, numRuns: 500 };
/** Any double, finite or not: values stored before the bounds may be anything the column holds. */
const cualquiera = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 5e-324, -5e-324, 1e-300, 1e300, 1e308, -1e308, Number.MAX_VALUE),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const finito = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(5e-324, 1e-300, 1e300, 1e308, Number.MAX_VALUE),
);
const finitoONada = (x: number | null) => x === null || Number.isFinite(x);

describe('límites de los números que se escriben', () => {
  it.each([
    [1, LIMITES.cantidad, null],
    [0, LIMITES.cantidad, null],
    [1e15, LIMITES.cantidad, null],
    [1.123456, LIMITES.cantidad, null],
    [1e308, LIMITES.cantidad, 'el valor debe estar entre 0 y 1.000.000.000.000.000'],
    [-1, LIMITES.cantidad, 'el valor debe estar entre 0 y 1.000.000.000.000.000'],
    [1.1234567, LIMITES.cantidad, 'el valor admite como máximo 6 decimales'],
    [5e-324, LIMITES.cantidad, 'el valor admite como máximo 6 decimales'],
    [1e-300, LIMITES.denominador, 'el valor debe estar entre 0,000001 y 1.000.000.000.000.000'],
    [0.000001, LIMITES.denominador, null],
    [-5, LIMITES.medicion, null],
    [99.5, LIMITES.ponderacion, null],
    [100.01, LIMITES.ponderacion, 'el valor debe estar entre 0 y 100'],
    [1500000.5, LIMITES.presupuesto, 'el valor va sin decimales'],
    [Number.NaN, LIMITES.cantidad, 'el valor debe estar entre 0 y 1.000.000.000.000.000'],
    [
      Number.POSITIVE_INFINITY,
      LIMITES.medicion,
      'el valor debe estar entre -1.000.000.000.000.000 y 1.000.000.000.000.000',
    ],
  ])('%s con %o → %s', (x, l, esperado) => {
    expect(problemaNumero(x, l, 'el valor')).toBe(esperado);
  });

  it('el verbo concuerda con el campo en plural', () => {
    expect(mensajeRango('los días hábiles de aviso', { min: 1, max: 30, decimales: 0 })).toBe(
      'los días hábiles de aviso deben estar entre 1 y 30',
    );
    expect(mensajeDecimales('las horas', { min: 0, max: 24, decimales: 0 })).toBe(
      'las horas van sin decimales',
    );
    expect(mensajeRango('la meta anual', { min: 0, max: 100, decimales: 0 })).toBe(
      'la meta anual debe estar entre 0 y 100',
    );
  });

  it('la ponderación admite dos decimales y no más', () => {
    expect(problemaNumero(12.5, LIMITES.ponderacion, 'la ponderación')).toBeNull();
    expect(problemaNumero(12.345, LIMITES.ponderacion, 'la ponderación')).toBe(
      'la ponderación admite como máximo 2 decimales',
    );
  });

  it('los números se escriben en es-CO', () => {
    expect(numeroEsCo(1e12)).toBe('1.000.000.000.000');
    expect(numeroEsCo(1234.5)).toBe('1.234,5');
    expect(numeroEsCo(0.000001)).toBe('0,000001');
  });

  it('un número aceptado se lee igual con sus decimales (propiedad)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (n, d) => {
        const x = n / 10 ** d;
        expect(tieneDecimales(x, 6)).toBe(true);
      }),
      semilla,
    );
  });

  it('todo número aceptado deja las cuentas finitas (propiedad)', () => {
    const aceptado = (l: typeof LIMITES.cantidad | typeof LIMITES.denominador) =>
      fc.double({ min: l.min, max: l.max, noNaN: true }).filter((x) => problemaNumero(x, l, 'x') === null);
    fc.assert(
      fc.property(aceptado(LIMITES.cantidad), aceptado(LIMITES.denominador), (n, d) => {
        const v = valorReportado({ numerador: n, denominador: d });
        if (v.ok) expect(Number.isFinite(v.valor)).toBe(true);
        expect(Number.isFinite((n / d) * 100)).toBe(true);
      }),
      semilla,
    );
  });
});

describe('aritmética sin Infinity ni NaN (propiedades, semilla fija)', () => {
  it('porcentaje, sumaFinita y finitoONulo dan un número finito o null', () => {
    fc.assert(
      fc.property(cualquiera, cualquiera, fc.array(cualquiera, { maxLength: 12 }), (a, b, xs) => {
        expect(finitoONada(porcentaje(a, b))).toBe(true);
        expect(finitoONada(sumaFinita(xs))).toBe(true);
        expect(finitoONada(finitoONulo(a))).toBe(true);
      }),
      semilla,
    );
  });

  it('cifras del seguimiento: todas finitas o null, dentro o fuera de los límites', () => {
    fc.assert(
      fc.property(
        cualquiera,
        fc.array(finito, { minLength: 4, maxLength: 4 }),
        fc.array(fc.option(cualquiera, { nil: null }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(...ACUMULACIONES),
        (meta, metas, logros, n, tipo) => {
          for (const x of Object.values(cifrasSeguimiento(tipo, meta, metas, logros, n)))
            expect(finitoONada(x)).toBe(true);
        },
      ),
      semilla,
    );
  });

  it('valor reportado: finito o un problema con el campo', () => {
    fc.assert(
      fc.property(
        fc.option(finito, { nil: null }),
        fc.option(finito, { nil: null }),
        fc.option(finito, { nil: null }),
        (valor, numerador, denominador) => {
          const v = valorReportado({ valor, numerador, denominador });
          if (v.ok) expect(Number.isFinite(v.valor)).toBe(true);
          else expect(['valor', 'numerador', 'denominador']).toContain(v.campo);
        },
      ),
      semilla,
    );
  });

  it('indicador: valor y cumplimiento finitos o null; el semáforo no colorea lo imposible', () => {
    fc.assert(
      fc.property(
        cualquiera,
        fc.option(cualquiera, { nil: null }),
        cualquiera,
        fc.constantFrom('%', 'días'),
        fc.constantFrom('creciente' as const, 'decreciente' as const),
        (numerador, denominador, meta, unidad, polaridad) => {
          const valor = valorMedicion(numerador, denominador, unidad);
          expect(finitoONada(valor)).toBe(true);
          const c = cumplimientoIndicador(valor, meta, polaridad);
          expect(finitoONada(c)).toBe(true);
          if (c === null) expect(nivelSemaforo(c)).toBeNull();
        },
      ),
      semilla,
    );
    expect(cumplimientoIndicador(90, 5e-324, 'creciente')).toBeNull();
    expect(valorMedicion(1e300, 1e-300, '%')).toBeNull();
    expect(nivelSemaforo(Number.POSITIVE_INFINITY)).toBeNull();
    expect(
      estadoActividad({
        reportoUltimoPeriodo: true,
        avance: Number.NaN,
        cumplimiento: null,
        iniciada: true,
        debiaReportar: true,
      }),
    ).toBe('en_curso');
  });

  it('consolidación: toda cifra finita o null, con cualquier valor guardado', () => {
    const actividad = fc.record({
      id: fc.uuid(),
      politica: fc.constantFrom('integridad', 'control_interno'),
      dependencia: fc.option(fc.constantFrom('Gerencia', 'Calidad'), { nil: null }),
      ponderacion: cualquiera,
      metaAnual: fc.option(cualquiera, { nil: null }),
      planeadoAlCorte: fc.option(cualquiera, { nil: null }),
      logradoAlCorte: fc.option(cualquiera, { nil: null }),
    });
    const politicas = [
      { clave: 'integridad', dimension: 'D1' },
      { clave: 'control_interno', dimension: 'D7' },
    ];
    fc.assert(
      fc.property(fc.array(actividad, { maxLength: 8 }), (acts) => {
        const c = consolidar(acts, politicas);
        const cifras = [
          c.avance,
          ...c.dimensiones.map((d) => d.avance),
          ...c.politicas.flatMap((p) => [p.avance, p.cumplimiento]),
          ...c.dependencias.map((d) => d.avance),
          ...c.actividades.flatMap((a) => [a.avance, a.avanceReal, a.cumplimiento]),
        ];
        for (const x of cifras) expect(finitoONada(x)).toBe(true);
        for (const a of acts) {
          const r = evaluarActividad(a);
          expect(finitoONada(r.avanceReal) && finitoONada(r.cumplimiento)).toBe(true);
        }
      }),
      semilla,
    );
    expect(desdeSumas({ sumaPonderada: Number.MAX_VALUE * 2, sumaPesos: 1, media: 5 }).valor).toBeNull();
  });
});

describe('números como se escriben en Colombia, sin Intl en el primer dibujo', () => {
  const intl = (x: number, d: number) =>
    new Intl.NumberFormat('es-CO', { maximumFractionDigits: d }).format(x);

  it.each([
    [1234.5, 3, '1.234,5'],
    [1234, 0, '1.234'],
    [999.9995, 3, '1.000'],
    [1.005, 2, '1,01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [-0, 3, '-0'],
    [-0.0001, 3, '-0'],
    [0.1 + 0.2, 20, '0,30000000000000004'],
    [1e-7, 20, '0,0000001'],
    [1e15, 3, '1.000.000.000.000.000'],
    [123456789012345.67, 2, '123.456.789.012.345,67'],
    [Number.NaN, 3, 'NaN'],
    [Number.POSITIVE_INFINITY, 1, '∞'],
    [Number.NEGATIVE_INFINITY, 1, '-∞'],
  ])('%s con %s decimales: %s', (x, d, texto) => {
    expect(numeroCo(x, d)).toBe(texto);
    expect(intl(x, d)).toBe(texto);
  });

  it('escribe lo mismo que Intl.NumberFormat es-CO para cualquier número y precisión', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          cualquiera,
          fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          fc.integer().map((n) => n / 1000),
        ),
        fc.integer({ min: 0, max: 20 }),
        (x, d) => numeroCo(x, d) === intl(x, d),
      ),
      { ...semilla, numRuns: 20_000 },
    );
  });
});
