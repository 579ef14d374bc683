import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoyEnColombia, sumarDias, ultimoDiaDelMes } from './calendario.ts';

describe('fechas civiles', () => {
  it('hoy en Colombia no depende de la zona horaria del servidor', () => {
    expect(hoyEnColombia(new Date('2026-11-25T03:30:00Z'))).toBe('2026-11-24');
    expect(hoyEnColombia(new Date('2026-11-25T05:00:00Z'))).toBe('2026-11-25');
  });

  it('UTC−5 todo el año: el mismo día que la base de zonas horarias (America/Bogota) de 1994 a 2100', () => {
    const zona = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1994-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => hoyEnColombia(d) === zona.format(d),
      ),
      { seed: 20261126, numRuns: 20_000 },
    );
  });

  it('fin de mes, incluido febrero bisiesto', () => {
    expect(ultimoDiaDelMes(2028, 2)).toBe('2028-02-29');
    expect(ultimoDiaDelMes(2026, 2)).toBe('2026-02-28');
    expect(sumarDias('2026-12-31', 1)).toBe('2027-01-01');
  });
});
