import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cantidad, fechaHora, leerFecha, limiteDelDia } from './formato.ts';

describe('fechas es-CO', () => {
  it('muestra dd/mm/aaaa hh:mm en hora de Colombia', () => {
    expect(fechaHora(new Date('2026-01-31T05:07:00Z'))).toBe('31/01/2026 00:07');
  });

  it('la misma fecha y hora que Intl con la zona America/Bogota', () => {
    const zona = new Intl.DateTimeFormat('es-CO', {
      timeZone: 'America/Bogota',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const intl = (d: Date) => {
      const p = Object.fromEntries(zona.formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
    };
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1994-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => fechaHora(d) === intl(d),
      ),
      { seed: 20261126, numRuns: 5_000 },
    );
  });

  it.each([
    ['24/11/2026', { anio: 2026, mes: 11, dia: 24 }],
    ['1/2/2025', { anio: 2025, mes: 2, dia: 1 }],
    ['29/02/2024', { anio: 2024, mes: 2, dia: 29 }],
    ['29/02/2025', null],
    ['31/04/2026', null],
    ['2026-11-24', null],
    ['11/24/2026', null],
  ])('lee %s', (texto, esperado) => {
    expect(leerFecha(texto)).toEqual(esperado);
  });

  it('el día colombiano va de las 05:00 UTC a las 04:59:59,999 UTC del día siguiente', () => {
    const f = { anio: 2026, mes: 11, dia: 24 };
    expect(limiteDelDia(f, 'inicio')).toBe('2026-11-24T05:00:00.000Z');
    expect(limiteDelDia(f, 'fin')).toBe('2026-11-25T04:59:59.999Z');
  });
});

describe('cantidad con el sustantivo que concuerda', () => {
  it.each([
    [0, '0 jornadas'],
    [1, '1 jornada'],
    [2, '2 jornadas'],
    [1234, '1.234 jornadas'],
  ])('%i → %s', (n, esperado) => {
    expect(cantidad(n, 'jornada', 'jornadas')).toBe(esperado);
  });
});
