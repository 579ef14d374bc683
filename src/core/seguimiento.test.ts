import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Acumulacion } from './acumulacion.ts';
import {
  type AccionSeguimiento,
  admiteEvidencia,
  cifrasSeguimiento,
  ESTADOS_SEGUIMIENTO,
  type EstadoSeguimiento,
  seguimientoCuenta,
  seguimientoEditable,
  TRANSICIONES_SEGUIMIENTO,
  transicionSeguimiento,
  valorReportado,
} from './seguimiento.ts';

describe('cadena de revisión del seguimiento', () => {
  it.each([
    ['borrador', 'enviar', 'enviado'],
    ['devuelto', 'enviar', 'enviado'],
    ['enviado', 'aceptar', 'aceptado'],
    ['enviado', 'devolver', 'devuelto'],
    ['aceptado', 'verificar', 'verificado'],
    ['aceptado', 'observar', 'con_observaciones'],
    ['con_observaciones', 'responder', 'respondido'],
    ['respondido', 'verificar', 'verificado'],
    ['respondido', 'observar', 'con_observaciones'],
  ] as const)('%s —%s→ %s', (desde, accion, hacia) => {
    expect(transicionSeguimiento(desde, accion)).toEqual({ ok: true, hacia });
  });

  it.each([
    ['borrador', 'aceptar'],
    ['enviado', 'verificar'],
    ['aceptado', 'devolver'],
    ['verificado', 'enviar'],
    ['con_observaciones', 'aceptar'],
    ['con_observaciones', 'verificar'],
    ['aceptado', 'responder'],
    ['respondido', 'responder'],
    ['verificado', 'responder'],
  ] as const)('%s no admite %s, con mensaje en español', (desde, accion) => {
    const r = transicionSeguimiento(desde, accion);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.mensaje).toMatch(/^No se puede .+ un reporte «/);
  });

  it('solo se edita en borrador o devuelto, y solo cuenta lo aceptado por planeación', () => {
    const editables = ESTADOS_SEGUIMIENTO.filter(seguimientoEditable);
    const cuentan = ESTADOS_SEGUIMIENTO.filter(seguimientoCuenta);
    expect(editables).toEqual(['borrador', 'devuelto']);
    expect(cuentan).toEqual(['aceptado', 'verificado', 'con_observaciones', 'respondido']);
    expect(ESTADOS_SEGUIMIENTO.filter(admiteEvidencia)).toEqual([
      'borrador',
      'devuelto',
      'con_observaciones',
    ]);
  });

  it('ningún estado editable cuenta en el tablero, y a todo estado se llega por alguna acción', () => {
    const acciones = Object.keys(TRANSICIONES_SEGUIMIENTO) as AccionSeguimiento[];
    const alcanzables = new Set<EstadoSeguimiento>(['borrador']);
    for (const e of ESTADOS_SEGUIMIENTO)
      for (const a of acciones) {
        const r = transicionSeguimiento(e, a);
        if (r.ok) alcanzables.add(r.hacia);
      }
    expect([...alcanzables].sort()).toEqual([...ESTADOS_SEGUIMIENTO].sort());
    for (const e of ESTADOS_SEGUIMIENTO) expect(seguimientoEditable(e) && seguimientoCuenta(e)).toBe(false);
  });
});

describe('valor reportado', () => {
  it.each([
    [{ valor: 3 }, { ok: true, valor: 3 }],
    [{ valor: 0 }, { ok: true, valor: 0 }],
    [
      { numerador: 45, denominador: 50 },
      { ok: true, valor: 90 },
    ],
    [{}, { ok: false, campo: 'valor' }],
    [{ valor: -1 }, { ok: false, campo: 'valor' }],
    [{ numerador: 4 }, { ok: false, campo: 'denominador' }],
    [{ denominador: 4 }, { ok: false, campo: 'numerador' }],
    [
      { numerador: 4, denominador: 0 },
      { ok: false, campo: 'denominador' },
    ],
    [
      { numerador: -4, denominador: 2 },
      { ok: false, campo: 'numerador' },
    ],
  ])('%j → %j', (entrada, esperado) => {
    expect(valorReportado(entrada)).toMatchObject(esperado);
  });
});

describe('cifras del seguimiento', () => {
  it.each<[Acumulacion, number, number[], (number | null)[], number, number, number | null, number | null]>([
    // tipo, meta, metas por periodo, logros, periodo → avance acumulado, cumplimiento del periodo y acumulado
    ['suma', 12, [3, 3, 3, 3], [3, null, null, null], 1, 25, 100, 100],
    ['suma', 12, [3, 3, 3, 3], [3, 1.5, null, null], 2, 37.5, 50, 75],
    ['suma', 12, [3, 3, 3, 3], [3, null, null, null], 2, 25, 0, 50],
    ['suma', 4, [0, 0, 0, 4], [null, null, null, null], 2, 0, null, null],
    ['suma', 4, [0, 0, 0, 4], [1, null, null, null], 1, 25, null, null],
    ['suma', 10, [5, 5], [8, 6], 2, 140, 120, 140],
    // A rate to hold: 90 % of PQRSD on time each quarter; 92 and 88 average 90 = the goal, met.
    ['promedio', 90, [90, 90, 90, 90], [92, 88, null, null], 2, 100, 97.78, 100],
    // A running total: 8, then 15 trained of 20; planned 10 by the second cut-off.
    ['ultimo', 20, [5, 10, 15, 20], [8, 15, null, null], 2, 75, 150, 150],
    ['maximo', 80, [60, 70, 80, 80], [65, 62, null, null], 2, 81.25, 88.57, 92.86],
    // A milestone due in the third quarter, done in the second: complete, ahead of plan.
    ['hito', 1, [0, 0, 1, 0], [0, 1, null, null], 2, 100, null, null],
    ['hito', 1, [0, 0, 1, 0], [0, 0, 0, null], 3, 0, 0, 0],
  ])(
    '%s: meta %s, metas %j, logros %j, periodo %s',
    (tipo, meta, metas, logros, n, avance, cPeriodo, cAcum) => {
      const c = cifrasSeguimiento(tipo, meta, metas, logros, n);
      expect(c.avanceAcumulado).toBeCloseTo(avance);
      if (cPeriodo === null) expect(c.cumplimientoPeriodo).toBeNull();
      else expect(c.cumplimientoPeriodo).toBeCloseTo(cPeriodo);
      if (cAcum === null) expect(c.cumplimientoAcumulado).toBeNull();
      else expect(c.cumplimientoAcumulado).toBeCloseTo(cAcum);
    },
  );

  it('con suma o máximo lo acumulado nunca disminuye de un periodo al siguiente', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Acumulacion>('suma', 'maximo'),
        fc.array(fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), {
          minLength: 4,
          maxLength: 4,
        }),
        (tipo, logros) => {
          const metas = [1, 1, 1, 1];
          for (let n = 2; n <= 4; n++)
            expect(cifrasSeguimiento(tipo, 4, metas, logros, n).logradoAcumulado!).toBeGreaterThanOrEqual(
              cifrasSeguimiento(tipo, 4, metas, logros, n - 1).logradoAcumulado!,
            );
        },
      ),
    );
  });
});
