import { describe, expect, it } from 'vitest';
import {
  estadoActividad,
  nivelSemaforo,
  pideJustificacion,
  problemasRangos,
  RANGOS_POR_DEFECTO,
  type SituacionActividad,
} from './semaforo.ts';

describe('semáforo', () => {
  it.each([
    [0, 'rojo'],
    [59.9, 'rojo'],
    [60, 'amarillo'],
    [79.99, 'amarillo'],
    [80, 'verde'],
    [100, 'verde'],
    [100.1, 'azul'],
    [250, 'azul'],
    [null, null],
  ] as const)('%s %% → %s', (c, nivel) => {
    expect(nivelSemaforo(c)).toBe(nivel);
  });

  it('usa los rangos propios de la entidad', () => {
    const r = { ...RANGOS_POR_DEFECTO, amarilloDesde: 50, verdeDesde: 90 };
    expect(nivelSemaforo(85, r)).toBe('amarillo');
    expect(nivelSemaforo(55, r)).toBe('amarillo');
  });

  it.each([
    [{ amarilloDesde: 80, verdeDesde: 60 }, 'menor que el inicio del verde'],
    [{ verdeDesde: 120 }, 'no puede superar el límite del azul'],
    [{ etiquetas: { ...RANGOS_POR_DEFECTO.etiquetas, rojo: ' ' } }, 'falta la etiqueta del nivel rojo'],
  ])('rangos inválidos se explican en español', (cambio, mensaje) => {
    expect(problemasRangos({ ...RANGOS_POR_DEFECTO, ...cambio }).join(' ')).toContain(mensaje);
  });
});

describe('estado de una actividad', () => {
  const base: SituacionActividad = {
    reportoUltimoPeriodo: true,
    avance: 40,
    cumplimiento: 90,
    iniciada: true,
    debiaReportar: true,
  };
  it.each([
    [{}, 'en_curso'],
    [{ reportoUltimoPeriodo: false }, 'sin_reporte'],
    [
      { reportoUltimoPeriodo: false, debiaReportar: false, iniciada: false, cumplimiento: null },
      'sin_iniciar',
    ],
    [{ avance: 100 }, 'cumplida'],
    [{ avance: 130, reportoUltimoPeriodo: false }, 'sin_reporte'],
    [{ cumplimiento: 70 }, 'atrasada'],
    [{ cumplimiento: null }, 'en_curso'],
  ] as const)('%j → %s', (cambio, estado) => {
    expect(estadoActividad({ ...base, ...cambio })).toBe(estado);
  });
});

describe('sobreejecución que pide justificación', () => {
  it.each<[string, number, number, boolean]>([
    // tipo, valor del periodo, meta del periodo → ¿pide justificación? (azul sobre 100 %)
    ['suma', 1, 1, false],
    ['suma', 1.01, 1, true],
    ['suma', 5, 0, false], // nothing programmed for the period: an advance, not an over-execution
    ['promedio', 95, 90, true],
    ['ultimo', 15, 15, false],
    ['maximo', 81, 80, true],
    ['hito', 1, 1, false],
    ['hito', 3, 1, false], // done is done
    ['suma', Number.POSITIVE_INFINITY, 1, false],
  ])('%s: %d de %d → %s', (tipo, valor, meta, pide) => {
    expect(pideJustificacion(tipo, valor, meta)).toBe(pide);
  });

  it('sigue el límite del azul de la entidad', () => {
    const r = { ...RANGOS_POR_DEFECTO, azulSobre: 120 };
    expect(pideJustificacion('suma', 11, 10, r)).toBe(false);
    expect(pideJustificacion('suma', 13, 10, r)).toBe(true);
  });
});
