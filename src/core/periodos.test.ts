import { describe, expect, it } from 'vitest';
import { CALENDARIO_NACIONAL, crearCalendario } from './dias-habiles.ts';
import { esReporteTardio, estadoVentana, periodosDeVigencia } from './periodos.ts';

const N = CALENDARIO_NACIONAL;

describe('periodos de una vigencia', () => {
  it('trimestral: cortes 31/03, 30/06, 30/09, 31/12 y cierre a los 10 días hábiles', () => {
    const p = periodosDeVigencia(2026, 'trimestral', 10, N);
    expect(p.map((x) => [x.nombre, x.inicio, x.corte, x.cierra])).toEqual([
      ['Trimestre 1', '2026-01-01', '2026-03-31', '2026-04-16'],
      // 13/07/2026 is a holiday since Ley 2578 de 2026: the second window closes a day later than before.
      ['Trimestre 2', '2026-04-01', '2026-06-30', '2026-07-15'],
      ['Trimestre 3', '2026-07-01', '2026-09-30', '2026-10-15'],
      ['Trimestre 4', '2026-10-01', '2026-12-31', '2027-01-18'],
    ]);
  });

  it.each([
    ['cuatrimestral', ['2026-04-30', '2026-08-31', '2026-12-31']],
    ['semestral', ['2026-06-30', '2026-12-31']],
  ] as const)('%s', (esquema, cortes) => {
    expect(periodosDeVigencia(2026, esquema, 10, N).map((x) => x.corte)).toEqual(cortes);
  });

  it('mensual: 12 periodos contiguos que cubren el año, febrero bisiesto incluido', () => {
    const p = periodosDeVigencia(2028, 'mensual', 10, N);
    expect(p).toHaveLength(12);
    expect(p[1]).toMatchObject({ nombre: 'Febrero', inicio: '2028-02-01', corte: '2028-02-29' });
    for (let i = 1; i < p.length; i++) expect(p[i]!.inicio > p[i - 1]!.corte).toBe(true);
  });

  it('ventana de reporte y reporte tardío', () => {
    const [t1] = periodosDeVigencia(2026, 'trimestral', 5, N);
    expect(t1!.cierra).toBe('2026-04-09');
    expect(estadoVentana(t1!, '2026-03-30')).toBe('por_abrir');
    expect(estadoVentana(t1!, '2026-03-31')).toBe('abierta');
    expect(estadoVentana(t1!, '2026-04-09')).toBe('abierta');
    expect(estadoVentana(t1!, '2026-04-10')).toBe('cerrada');
    expect(esReporteTardio(t1!, '2026-04-09')).toBe(false);
    expect(esReporteTardio(t1!, '2026-04-10')).toBe(true);
  });

  it('un día de cierre propio de la entidad corre la ventana que lo cruza', () => {
    const cierre = crearCalendario([
      { fecha: '2026-04-06', tipo: 'festivo', nombre: 'Cierre por inventario', origen: 'entidad' },
    ]);
    expect(periodosDeVigencia(2026, 'trimestral', 10, cierre)[0]!.cierra).toBe('2026-04-17');
    expect(periodosDeVigencia(2026, 'trimestral', 10, cierre)[1]!.cierra).toBe('2026-07-15');
  });
});
