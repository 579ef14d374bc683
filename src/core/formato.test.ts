import { describe, expect, it } from 'vitest';
import { cantidad, fechaHora, leerFecha, limiteDelDia } from './formato.ts';

describe('fechas es-CO', () => {
  it('muestra dd/mm/aaaa hh:mm en hora de Colombia', () => {
    expect(fechaHora(new Date('2026-01-31T05:07:00Z'))).toBe('31/01/2026 00:07');
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
