import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumarDias } from './calendario.ts';
import {
  estadoVentana,
  problemasVentana,
  textoEstadoVentana,
  ventanaEstimada,
  ventanaVigente,
} from './ventana-furag.ts';

const circular = { inicio: '2026-03-03', fin: '2026-04-17', fuente: 'Circular 100-011-2025' };

describe('ventana del FURAG', () => {
  it('la de la entidad gana a la de la plataforma, y cualquiera de las dos a la estimada', () => {
    expect(ventanaVigente(2025, null, null)).toEqual({
      vigencia: 2025,
      inicio: '2026-03-01',
      fin: '2026-05-31',
      origen: 'estimada',
      fuente: null,
    });
    expect(ventanaVigente(2025, circular, null)).toEqual({
      vigencia: 2025,
      ...circular,
      origen: 'plataforma',
    });
    const prorroga = { inicio: '2026-03-03', fin: '2026-04-30', fuente: 'Prórroga concedida por oficio' };
    expect(ventanaVigente(2025, circular, prorroga)).toMatchObject({ fin: '2026-04-30', origen: 'entidad' });
  });

  it('la estimada cae siempre en el año siguiente a la vigencia y pasa su propia validación', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2018, max: 2099 }), (vigencia) => {
        const v = ventanaEstimada(vigencia);
        expect(problemasVentana(vigencia, v.inicio, v.fin)).toEqual([]);
        expect(v.origen).toBe('estimada');
      }),
    );
  });

  it.each([
    ['apertura en el año de la vigencia', '2025-12-01', '2026-01-31', ['inicio']],
    ['cierre antes de la apertura', '2026-04-17', '2026-03-03', ['fin']],
    ['más de un año', '2026-03-01', '2027-03-03', ['fin']],
    ['un solo día', '2026-03-03', '2026-03-03', []],
  ])('fechas registradas: %s', (_caso, inicio, fin, campos) => {
    expect(problemasVentana(2025, inicio, fin).map((p) => p.campo)).toEqual(campos);
  });

  it('antes, durante (el último día incluido) y después de la ventana', () => {
    expect(estadoVentana(circular, '2026-02-20')).toEqual({ estado: 'por_abrir', dias: 11 });
    expect(textoEstadoVentana(circular, '2026-02-20')).toBe('Abre el 03/03/2026 (faltan 11 días)');
    expect(textoEstadoVentana(circular, '2026-03-03')).toBe('Abierta hasta el 17/04/2026 (quedan 45 días)');
    expect(textoEstadoVentana(circular, '2026-04-16')).toBe('Abierta hasta el 17/04/2026 (queda 1 día)');
    expect(textoEstadoVentana(circular, '2026-03-02')).toBe('Abre el 03/03/2026 (falta 1 día)');
    expect(textoEstadoVentana(circular, '2026-04-17')).toBe('Abierta: hoy 17/04/2026 es el último día');
    expect(textoEstadoVentana(circular, '2026-04-18')).toBe('Cerró el 17/04/2026');
  });

  it('los días que faltan nunca son negativos y cuentan hasta la apertura', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (antes) => {
        const hoy = sumarDias(circular.inicio, -antes);
        expect(estadoVentana(circular, hoy)).toEqual({ estado: 'por_abrir', dias: antes });
      }),
    );
  });
});
