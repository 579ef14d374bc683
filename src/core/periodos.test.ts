import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDARIO_NACIONAL, crearCalendario } from './dias-habiles.ts';
import {
  ESQUEMAS_PERIODOS,
  type EsquemaPeriodos,
  esquemaActividad,
  esReporteTardio,
  estadoVentana,
  mensajeMetasInstrumento,
  mesesDe,
  nombreConCorte,
  periodoEnPeriodoPlan,
  periodoPlanDeCorte,
  periodosContados,
  periodosDeVigencia,
  problemaEsquemaInstrumento,
} from './periodos.ts';

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

describe('esquemas por instrumento', () => {
  const ptep = { plan612: 'transparencia_etica', planPropio: null };
  it('el esquema de una actividad: su plan del 612, si no su plan propio, si no el de la vigencia', () => {
    const esquemas = { transparencia_etica: 'cuatrimestral', PAAI: 'semestral' } as const;
    expect(esquemaActividad(ptep, esquemas, 'trimestral')).toBe('cuatrimestral');
    expect(esquemaActividad({ plan612: null, planPropio: 'PAAI' }, esquemas, 'trimestral')).toBe('semestral');
    expect(esquemaActividad({ plan612: 'pinar', planPropio: 'PAAI' }, esquemas, 'trimestral')).toBe(
      'semestral',
    );
    expect(esquemaActividad({ plan612: null, planPropio: null }, esquemas, 'mensual')).toBe('mensual');
    expect(esquemaActividad(ptep, {}, 'trimestral')).toBe('trimestral');
    expect(esquemaActividad({ planPropio: 'constructor' }, {}, 'trimestral')).toBe('trimestral');
  });

  // PTEP by cuatrimestres (30/04, 31/08, 31/12) in a quarterly plan (31/03, 30/06, 30/09, 31/12).
  it.each([
    [1, 0, null, 'en el 1.er trimestre aún no hay corte del PTEP'],
    [2, 1, 1, 'el 30/04 cae en el 2.º trimestre: cuenta el cuatrimestre 1'],
    [3, 2, 2, 'el 31/08 cae en el 3.er trimestre'],
    [4, 3, 3, 'el 31/12 cierra ambos'],
  ])('trimestre %i del plan: cuenta %i cuatrimestres, reporta %s (%s)', (n, contados, propio, _por) => {
    expect(periodosContados(n, 'trimestral', 'cuatrimestral')).toBe(contados);
    expect(periodoEnPeriodoPlan(n, 'trimestral', 'cuatrimestral')).toBe(propio);
  });

  it.each([
    [1, 'trimestral', 'cuatrimestral', 2],
    [2, 'trimestral', 'cuatrimestral', 3],
    [3, 'trimestral', 'cuatrimestral', 4],
    [1, 'trimestral', 'semestral', 2],
    [1, 'mensual', 'cuatrimestral', 4],
    [2, 'trimestral', 'trimestral', 2],
  ] as const)(
    'el corte del %s.º periodo (%s del plan, %s propio) lo cierra el periodo %i del plan',
    (p, plan, propio, n) => {
      expect(periodoPlanDeCorte(p, plan, propio)).toBe(n);
    },
  );

  it('un instrumento no puede tener periodos más cortos que los del plan (y el mensaje lo nombra)', () => {
    expect(problemaEsquemaInstrumento('PTEP', 'cuatrimestral', 'trimestral')).toBeNull();
    expect(problemaEsquemaInstrumento('PTEP', 'trimestral', 'trimestral')).toBeNull();
    expect(problemaEsquemaInstrumento('PTEP', 'cuatrimestral', 'semestral')).toMatch(/«PTEP».*semestral/);
  });

  it('nombres y mensajes', () => {
    const [c1] = periodosDeVigencia(2026, 'cuatrimestral', 10, N);
    expect(nombreConCorte(c1!)).toBe('Cuatrimestre 1 (corte 30/04/2026)');
    expect(mensajeMetasInstrumento('PTEP', 'cuatrimestral', 4)).toBe(
      'El PTEP se programa por cuatrimestres: 3 metas (hay 4).',
    );
  });

  const compatibles = fc
    .tuple(fc.constantFrom(...ESQUEMAS_PERIODOS), fc.constantFrom(...ESQUEMAS_PERIODOS))
    .filter(([plan, propio]) => mesesDe(propio) >= mesesDe(plan));
  const periodos = (e: EsquemaPeriodos) => periodosDeVigencia(2026, e, 10, N);

  it('propiedad: en el periodo N del plan cuentan exactamente los periodos con corte hasta el del plan', () => {
    fc.assert(
      fc.property(compatibles, fc.integer({ min: 1, max: 12 }), ([plan, propio], n) => {
        const delPlan = periodos(plan);
        fc.pre(n <= delPlan.length);
        const corte = delPlan[n - 1]!.corte;
        const esperados = periodos(propio).filter((p) => p.corte <= corte).length;
        expect(periodosContados(n, plan, propio)).toBe(esperados);
      }),
    );
  });

  it('propiedad: cada periodo propio se reporta en un solo periodo del plan, el que contiene su corte', () => {
    fc.assert(
      fc.property(compatibles, ([plan, propio]) => {
        const delPlan = periodos(plan);
        const reportados = delPlan.map((p) => periodoEnPeriodoPlan(p.numero, plan, propio));
        const propios = periodos(propio);
        expect(reportados.filter((x) => x !== null)).toEqual(propios.map((p) => p.numero));
        for (const p of propios) {
          const n = periodoPlanDeCorte(p.numero, plan, propio);
          const contiene = delPlan[n - 1]!;
          expect(contiene.inicio <= p.corte && p.corte <= contiene.corte).toBe(true);
          expect(reportados[n - 1]).toBe(p.numero);
        }
      }),
    );
  });

  it('propiedad: con el mismo esquema todo queda como antes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ESQUEMAS_PERIODOS), fc.integer({ min: 1, max: 12 }), (e, n) => {
        fc.pre(n <= 12 / mesesDe(e));
        expect(periodosContados(n, e, e)).toBe(n);
        expect(periodoEnPeriodoPlan(n, e, e)).toBe(n);
      }),
    );
  });
});
