import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diasHabilesEntre,
  esDiaHabil,
  esFestivo,
  hoyEnColombia,
  sumarDias,
  sumarDiasHabiles,
  ultimoDiaDelMes,
} from './calendario.ts';

describe('días hábiles en Colombia', () => {
  it.each([
    ['2026-01-12', false, 'Reyes Magos, trasladado al lunes'],
    ['2026-04-02', false, 'Jueves Santo'],
    ['2026-04-03', false, 'Viernes Santo'],
    ['2026-07-20', false, 'Independencia'],
    ['2026-11-16', false, 'Independencia de Cartagena, trasladado'],
    ['2026-11-24', true, 'martes ordinario'],
    ['2026-11-28', false, 'sábado'],
    ['2026-11-29', false, 'domingo'],
  ])('%s hábil = %s (%s)', (fecha, habil) => {
    expect(esDiaHabil(fecha)).toBe(habil);
  });

  it.each([
    ['2026-03-31', 10, '2026-04-16', 'corte del I trimestre: Semana Santa no cuenta'],
    ['2026-06-30', 10, '2026-07-14', 'corte del II trimestre'],
    ['2026-12-31', 10, '2027-01-18', 'cruza el año y Reyes (11/01/2027)'],
    ['2026-11-24', 0, '2026-11-24', 'cero días'],
    ['2026-11-27', 1, '2026-11-30', 'viernes + 1 = lunes'],
  ])('%s + %i hábiles = %s (%s)', (desde, n, esperado) => {
    expect(sumarDiasHabiles(desde, n)).toBe(esperado);
  });

  it('sumar n hábiles deja exactamente n hábiles entre las dos fechas, y el resultado es hábil', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (d, n) => {
          const desde = d.toISOString().slice(0, 10);
          const hasta = sumarDiasHabiles(desde, n);
          expect(esDiaHabil(hasta)).toBe(true);
          expect(diasHabilesEntre(desde, hasta)).toBe(n);
          expect(diasHabilesEntre(hasta, desde)).toBe(-n);
        },
      ),
    );
  });

  it('hoy en Colombia no depende de la zona horaria del servidor', () => {
    expect(hoyEnColombia(new Date('2026-11-25T03:30:00Z'))).toBe('2026-11-24');
    expect(hoyEnColombia(new Date('2026-11-25T05:00:00Z'))).toBe('2026-11-25');
  });

  it('fin de mes, incluido febrero bisiesto', () => {
    expect(ultimoDiaDelMes(2028, 2)).toBe('2028-02-29');
    expect(ultimoDiaDelMes(2026, 2)).toBe('2026-02-28');
    expect(sumarDias('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('fechas fuera de la tabla de festivos', () => {
  it('un año que la tabla no cubre no rompe el calendario: solo cuentan los fines de semana', () => {
    expect(esFestivo('9999-12-31')).toBe(false);
    expect(esFestivo('1200-01-01')).toBe(false);
    expect(esDiaHabil('9999-12-31')).toBe(true); // a Friday
  });
});
