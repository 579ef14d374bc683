import { describe, expect, it } from 'vitest';
import { hoyEnColombia, sumarDias, ultimoDiaDelMes } from './calendario.ts';

describe('fechas civiles', () => {
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
