import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActividadConsolidable, consolidar, evaluarActividad } from './consolidacion.ts';

const act = (cambio: Partial<ActividadConsolidable>): ActividadConsolidable => ({
  id: 'a',
  politica: 'integridad',
  dependencia: 'Talento Humano',
  ponderacion: 50,
  metaAnual: 10,
  planeadoAlCorte: 5,
  logradoAlCorte: 5,
  ...cambio,
});

const POLITICAS = [
  { clave: 'talento_humano', dimension: 'D1' },
  { clave: 'integridad', dimension: 'D1' },
  { clave: 'control_interno', dimension: 'D7' },
];

describe('una actividad', () => {
  it.each([
    ['a tiempo', {}, { avance: 50, cumplimiento: 100, semaforo: 'verde', sinReporte: false, sinMeta: false }],
    [
      'sobrecumplida: avance acotado, real y semáforo azul',
      { logradoAlCorte: 15 },
      { avance: 100, avanceReal: 150, cumplimiento: 300, semaforo: 'azul' },
    ],
    [
      'sin reporte cuenta como cero',
      { logradoAlCorte: null },
      { avance: 0, cumplimiento: 0, semaforo: 'rojo', sinReporte: true },
    ],
    [
      'falta el último reporte: lo aceptado antes cuenta, y se marca sin reporte',
      { logradoAlCorte: 4, reporto: false },
      { avance: 40, cumplimiento: 80, sinReporte: true },
    ],
    ['sin meta no tiene avance', { metaAnual: null }, { avance: null, sinMeta: true }],
    ['meta cero es sin meta', { metaAnual: 0 }, { avance: null, sinMeta: true }],
    [
      'nada planeado aún: sin cumplimiento ni color',
      { planeadoAlCorte: 0, logradoAlCorte: 0 },
      { avance: 0, cumplimiento: null, semaforo: null },
    ],
    ['un valor negativo se toma como cero', { logradoAlCorte: -3 }, { avance: 0 }],
  ])('%s', (_n, cambio, esperado) => {
    expect(evaluarActividad(act(cambio))).toMatchObject(esperado);
  });
});

describe('consolidación', () => {
  it('pondera dentro de la política, promedia políticas en la dimensión y dimensiones en la entidad', () => {
    const r = consolidar(
      [
        act({ id: '1', politica: 'integridad', ponderacion: 75, logradoAlCorte: 10 }), // 100 %
        act({ id: '2', politica: 'integridad', ponderacion: 25, logradoAlCorte: 2 }), // 20 %
        act({ id: '3', politica: 'talento_humano', ponderacion: 100, logradoAlCorte: 4 }), // 40 %
        act({
          id: '4',
          politica: 'control_interno',
          ponderacion: 100,
          logradoAlCorte: 6,
          dependencia: 'Control Interno',
        }), // 60 %
      ],
      POLITICAS,
    );
    expect(r.politicas.find((p) => p.clave === 'integridad')!.avance).toBeCloseTo(80);
    expect(r.dimensiones).toEqual([
      { codigo: 'D1', avance: expect.closeTo(60) },
      { codigo: 'D7', avance: expect.closeTo(60) },
    ]);
    expect(r.avance).toBeCloseTo(60);
    expect(r.dependencias).toContainEqual({ dependencia: 'Control Interno', avance: expect.closeTo(60) });
  });

  it('pesos que no suman 100 equivalen a normalizarlos, y se informa la suma', () => {
    const r = consolidar(
      [
        act({ id: '1', ponderacion: 30, logradoAlCorte: 10 }),
        act({ id: '2', ponderacion: 10, logradoAlCorte: 0 }),
      ],
      POLITICAS,
    );
    const p = r.politicas.find((x) => x.clave === 'integridad')!;
    expect(p.avance).toBeCloseTo(75);
    expect(p.sumaPesos).toBe(40);
  });

  it('todos los pesos en cero: las actividades cuentan igual', () => {
    const r = consolidar(
      [
        act({ id: '1', ponderacion: 0, logradoAlCorte: 10 }),
        act({ id: '2', ponderacion: 0, logradoAlCorte: 0 }),
      ],
      POLITICAS,
    );
    expect(r.politicas.find((x) => x.clave === 'integridad')).toMatchObject({
      avance: 50,
      pesosIgualados: true,
    });
  });

  it('políticas sin actividades quedan sin dato, y una entidad sin metas no tiene avance', () => {
    const r = consolidar([act({ metaAnual: null })], POLITICAS);
    expect(r.politicas.map((p) => p.avance)).toEqual([null, null, null]);
    expect(r.avance).toBeNull();
  });

  it('cuenta los reportes faltantes', () => {
    const r = consolidar(
      [act({ id: '1', logradoAlCorte: null }), act({ id: '2', logradoAlCorte: null, metaAnual: null })],
      POLITICAS,
    );
    expect(r.sinReporte).toBe(1);
    expect(r.politicas.find((x) => x.clave === 'integridad')!.sinReporte).toBe(2);
  });
});

const arbActividad = fc.record({
  id: fc.uuid(),
  politica: fc.constantFrom('talento_humano', 'integridad', 'control_interno'),
  dependencia: fc.option(fc.constantFrom('Gerencia', 'Calidad'), { nil: null }),
  ponderacion: fc.integer({ min: 0, max: 100 }),
  metaAnual: fc.option(fc.double({ min: -5, max: 1000, noNaN: true }), { nil: null }),
  planeadoAlCorte: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null }),
  logradoAlCorte: fc.option(fc.double({ min: -5, max: 3000, noNaN: true }), { nil: null }),
});

describe('una meta diminuta guardada antes de los límites', () => {
  it('lograr algo frente a ella cuenta como avance completo, no como «sin dato»', () => {
    const base = {
      id: 'a',
      politica: 'integridad',
      dependencia: null,
      ponderacion: 1,
      planeadoAlCorte: null,
    };
    const sin = consolidar([{ ...base, metaAnual: 1e-320, logradoAlCorte: null }], POLITICAS);
    const con = consolidar([{ ...base, metaAnual: 1e-320, logradoAlCorte: 5 }], POLITICAS);
    expect(sin.avance).toBe(0);
    expect(con.avance).toBe(100);
    expect(con.actividades[0]!.avanceReal).toBeNull();
  });
});

describe('propiedades de la consolidación', () => {
  const enRango = (x: number | null) => x === null || (x >= 0 && x <= 100 + 1e-9);

  it('todo avance queda entre 0 y 100 o sin dato', () => {
    fc.assert(
      fc.property(fc.array(arbActividad, { maxLength: 30 }), (acts) => {
        const r = consolidar(acts, POLITICAS);
        expect(enRango(r.avance)).toBe(true);
        for (const x of [...r.dimensiones, ...r.politicas, ...r.dependencias, ...r.actividades])
          expect(enRango(x.avance)).toBe(true);
      }),
    );
  });

  it('el avance de una política está entre el menor y el mayor de sus actividades', () => {
    fc.assert(
      fc.property(fc.array(arbActividad, { minLength: 1, maxLength: 20 }), (acts) => {
        const r = consolidar(acts, POLITICAS);
        for (const p of r.politicas) {
          const avances = acts
            .map((a, i) => ({ a, r: r.actividades[i]! }))
            .filter((x) => x.a.politica === p.clave && x.r.avance !== null)
            .map((x) => x.r.avance!);
          if (!avances.length) expect(p.avance).toBeNull();
          else {
            expect(p.avance!).toBeGreaterThanOrEqual(Math.min(...avances) - 1e-9);
            expect(p.avance!).toBeLessThanOrEqual(Math.max(...avances) + 1e-9);
          }
        }
      }),
    );
  });

  it('multiplicar todos los pesos por la misma constante no cambia nada', () => {
    fc.assert(
      fc.property(fc.array(arbActividad, { maxLength: 20 }), fc.integer({ min: 2, max: 50 }), (acts, k) => {
        const a = consolidar(acts, POLITICAS);
        const b = consolidar(
          acts.map((x) => ({ ...x, ponderacion: x.ponderacion * k })),
          POLITICAS,
        );
        for (let i = 0; i < a.politicas.length; i++) {
          if (a.politicas[i]!.avance === null) expect(b.politicas[i]!.avance).toBeNull();
          else expect(b.politicas[i]!.avance!).toBeCloseTo(a.politicas[i]!.avance!, 6);
        }
      }),
    );
  });

  it('reportar nunca baja el avance frente a no reportar', () => {
    fc.assert(
      fc.property(
        fc.array(arbActividad, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (acts, i, valor) => {
          const j = i % acts.length;
          const sin = consolidar(
            acts.map((a, k) => (k === j ? { ...a, logradoAlCorte: null } : a)),
            POLITICAS,
          );
          const con = consolidar(
            acts.map((a, k) => (k === j ? { ...a, logradoAlCorte: valor } : a)),
            POLITICAS,
          );
          if (sin.avance !== null) expect(con.avance!).toBeGreaterThanOrEqual(sin.avance - 1e-9);
          expect(con.sinReporte).toBeLessThanOrEqual(sin.sinReporte);
        },
      ),
    );
  });
});

describe('avance del plan según dónde suman 100 las ponderaciones (regla 9)', () => {
  // Two policies of different dimensions; three dependencias; one activity without dependencia.
  const actividades = [
    act({
      id: 'a',
      politica: 'integridad',
      dependencia: 'th',
      ponderacion: 30,
      metaAnual: 4,
      logradoAlCorte: 4,
    }), // 100 %
    act({
      id: 'b',
      politica: 'integridad',
      dependencia: 'th',
      ponderacion: 10,
      metaAnual: 4,
      logradoAlCorte: 0,
    }), // 0 %
    act({
      id: 'c',
      politica: 'gestion_documental',
      dependencia: 'ar',
      ponderacion: 50,
      metaAnual: 4,
      logradoAlCorte: 2,
    }), // 50 %
    act({
      id: 'd',
      politica: 'gestion_documental',
      dependencia: null,
      ponderacion: 10,
      metaAnual: 4,
      logradoAlCorte: 1,
    }), // 25 %
  ];
  const politicas = [
    { clave: 'integridad', dimension: 'D1' },
    { clave: 'gestion_documental', dimension: 'D5' },
  ];
  it.each([
    // por política: integridad (30·100 + 10·0)/40 = 75; gestión documental (50·50 + 10·25)/60 = 45,83; D1 y D5
    ['politica', (75 + (50 * 50 + 10 * 25) / 60) / 2],
    // por dependencia: th pondera 75; ar 50; sin dependencia 25 → (75 + 50 + 25) / 3
    ['dependencia', 50],
    // en todo el plan: (30·100 + 10·0 + 50·50 + 10·25) / 100
    ['plan', 57.5],
  ] as const)('%s → %d', (modo, esperado) => {
    const c = consolidar(actividades, politicas, undefined, modo);
    expect(c.avance).toBeCloseTo(esperado, 9);
    // The activity without a dependencia counts for the plan but is not listed as a dependencia.
    expect(c.dependencias.map((d) => d.dependencia)).toEqual(['th', 'ar']);
  });

  it('por dependencia, el avance de cada dependencia es ponderado; en los demás modos, promedio simple', () => {
    const th = (modo: 'politica' | 'dependencia') =>
      consolidar(actividades, politicas, undefined, modo).dependencias.find((d) => d.dependencia === 'th')!
        .avance;
    expect(th('dependencia')).toBeCloseTo(75);
    expect(th('politica')).toBeCloseTo(50);
  });

  it('en cualquier modo el avance del plan queda entre 0 y 100', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('politica', 'dependencia', 'plan' as const),
        fc.array(
          fc.record({
            politica: fc.constantFrom('integridad', 'gestion_documental'),
            dependencia: fc.constantFrom('th', 'ar', null),
            ponderacion: fc.integer({ min: 0, max: 100 }),
            logradoAlCorte: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
          }),
          { maxLength: 12 },
        ),
        (modo, filas) => {
          const c = consolidar(
            filas.map((f, i) => act({ ...f, id: String(i) })),
            politicas,
            undefined,
            modo as 'politica',
          );
          if (c.avance !== null) {
            expect(c.avance).toBeGreaterThanOrEqual(0);
            expect(c.avance).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
