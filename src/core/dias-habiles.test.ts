import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AjusteCalendario,
  crearCalendario,
  festivosDeLey,
  CALENDARIO_NACIONAL as N,
} from './dias-habiles.ts';

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
    expect(N.esDiaHabil(fecha)).toBe(habil);
  });

  it.each([
    ['2026-03-31', 10, '2026-04-16', 'corte del I trimestre: Semana Santa no cuenta'],
    ['2026-06-30', 10, '2026-07-15', 'corte del II trimestre: el 13/07/2026 es festivo (Ley 2578 de 2026)'],
    ['2026-12-31', 10, '2027-01-18', 'cruza el año y Reyes (11/01/2027)'],
    ['2026-11-24', 0, '2026-11-24', 'cero días'],
    ['2026-11-27', 1, '2026-11-30', 'viernes + 1 = lunes'],
  ])('%s + %i hábiles = %s (%s)', (desde, n, esperado) => {
    expect(N.sumarDiasHabiles(desde, n)).toBe(esperado);
  });

  it('sumar n hábiles deja exactamente n hábiles entre las dos fechas, y el resultado es hábil', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (d, n) => {
          const desde = d.toISOString().slice(0, 10);
          const hasta = N.sumarDiasHabiles(desde, n);
          expect(N.esDiaHabil(hasta)).toBe(true);
          expect(N.diasHabilesEntre(desde, hasta)).toBe(n);
          expect(N.diasHabilesEntre(hasta, desde)).toBe(-n);
        },
      ),
    );
  });
});

describe('festivos de ley', () => {
  it('2026: los 18 festivos, con el 13 de julio de la Ley 2578 de 2026', () => {
    expect(festivosDeLey(2026).map((f) => f.fecha)).toEqual([
      '2026-01-01',
      '2026-01-12',
      '2026-03-23',
      '2026-04-02',
      '2026-04-03',
      '2026-05-01',
      '2026-05-18',
      '2026-06-08',
      '2026-06-15',
      '2026-06-29',
      '2026-07-13',
      '2026-07-20',
      '2026-08-07',
      '2026-08-17',
      '2026-10-12',
      '2026-11-02',
      '2026-11-16',
      '2026-12-08',
      '2026-12-25',
    ]);
    expect(festivosDeLey(2026).find((f) => f.fecha === '2026-05-18')?.nombre).toBe('Ascensión del Señor');
    expect(festivosDeLey(2026).every((f) => f.origen === 'ley')).toBe(true);
  });

  it('el domingo de Pascua no es un festivo de ley', () => {
    expect(festivosDeLey(2026).some((f) => f.fecha === '2026-04-05')).toBe(false);
  });

  it('un año fuera de la tabla no rompe el calendario: solo cuentan los fines de semana', () => {
    expect(festivosDeLey(9999)).toEqual([]);
    expect(N.esDiaHabil('2100-12-31')).toBe(true); // a Friday
  });
});

describe('ajustes de la plataforma y de la entidad', () => {
  const ajuste = (fecha: string, tipo: AjusteCalendario['tipo'], origen: AjusteCalendario['origen']) => ({
    fecha,
    tipo,
    nombre: `${tipo} ${origen}`,
    origen,
  });

  it.each([
    [
      'un día de cierre de la entidad deja de ser hábil',
      [ajuste('2026-11-24', 'festivo', 'entidad')],
      '2026-11-24',
      false,
    ],
    [
      'un festivo que la ley quitó vuelve a ser hábil',
      [ajuste('2026-11-16', 'habil', 'plataforma')],
      '2026-11-16',
      true,
    ],
    [
      'en la misma fecha manda el ajuste de la entidad',
      [ajuste('2026-11-24', 'festivo', 'entidad'), ajuste('2026-11-24', 'habil', 'plataforma')],
      '2026-11-24',
      false,
    ],
    [
      'en la misma fecha manda la entidad aunque venga primero',
      [ajuste('2026-11-16', 'habil', 'entidad'), ajuste('2026-11-16', 'festivo', 'plataforma')],
      '2026-11-16',
      true,
    ],
    [
      'un sábado sigue sin ser hábil aunque se marque hábil',
      [ajuste('2026-11-28', 'habil', 'entidad')],
      '2026-11-28',
      false,
    ],
  ] as const)('%s', (_caso, ajustes, fecha, habil) => {
    expect(crearCalendario(ajustes).esDiaHabil(fecha)).toBe(habil);
  });

  it('la lista del año dice de dónde viene cada día y va en orden', () => {
    const cal = crearCalendario([
      ajuste('2026-12-24', 'festivo', 'entidad'),
      ajuste('2026-12-08', 'habil', 'plataforma'),
    ]);
    const lista = cal.festivos(2026);
    expect(lista.find((f) => f.fecha === '2026-12-24')?.origen).toBe('entidad');
    expect(lista.some((f) => f.fecha === '2026-12-08')).toBe(false);
    expect(lista.map((f) => f.fecha)).toEqual([...lista.map((f) => f.fecha)].sort());
  });

  it('un día más cerrado nunca acorta un plazo', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 30 }),
        (d, cerrado, n) => {
          const desde = d.toISOString().slice(0, 10);
          const cal = crearCalendario([ajuste(cerrado.toISOString().slice(0, 10), 'festivo', 'entidad')]);
          expect(cal.sumarDiasHabiles(desde, n) >= N.sumarDiasHabiles(desde, n)).toBe(true);
        },
      ),
    );
  });
});
