import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actividadSeleccionada,
  type CriterioVerificacion,
  claveCriterio,
  estadoVerificacion,
  MOTIVO_SIN_AUTORREVISION,
  muestraReproducible,
  quienVerifica,
  type ResumenVerificacion,
  resumenVerificacion,
  SITUACIONES_VERIFICACION,
  type SituacionVerificacion,
  situacionVerificacion,
  textoVerificacion,
} from './verificacion.ts';

const a = { id: 'a1', politica: 'integridad', dependenciaId: 'd1' };

describe('selección de control interno para verificar', () => {
  it.each<[string, CriterioVerificacion[], boolean]>([
    ['sin selección registrada, todo se verifica', [], true],
    ['todas', [{ tipo: 'todas' }], true],
    ['su política', [{ tipo: 'politica', politica: 'integridad' }], true],
    ['otra política', [{ tipo: 'politica', politica: 'control_interno' }], false],
    ['su dependencia', [{ tipo: 'dependencia', dependenciaId: 'd1' }], true],
    ['otra dependencia', [{ tipo: 'dependencia', dependenciaId: 'd2' }], false],
    ['elegida una a una', [{ tipo: 'actividad', actividadId: 'a1' }], true],
    ['otra actividad elegida', [{ tipo: 'actividad', actividadId: 'a2' }], false],
    ['en la muestra', [{ tipo: 'muestra', porcentaje: 10, semilla: 's' }], true],
    [
      'basta con un criterio',
      [
        { tipo: 'politica', politica: 'control_interno' },
        { tipo: 'dependencia', dependenciaId: 'd1' },
      ],
      true,
    ],
  ])('%s', (_caso, criterios, esperado) => {
    expect(actividadSeleccionada(criterios, a, new Set(['a1']))).toBe(esperado);
  });

  it('una actividad sin dependencia no entra por un criterio de dependencia', () => {
    expect(
      actividadSeleccionada(
        [{ tipo: 'dependencia', dependenciaId: 'd1' }],
        { ...a, dependenciaId: null },
        new Set(),
      ),
    ).toBe(false);
  });

  it.each<[CriterioVerificacion, string]>([
    [{ tipo: 'todas' }, 'todas'],
    [{ tipo: 'muestra', porcentaje: 20, semilla: 'x' }, 'muestra'],
    [{ tipo: 'politica', politica: 'talento_humano' }, 'politica:talento_humano'],
    [{ tipo: 'dependencia', dependenciaId: 'd9' }, 'dependencia:d9'],
    [{ tipo: 'actividad', actividadId: 'a9' }, 'actividad:a9'],
  ])('clave de %o: %s', (c, clave) => {
    expect(claveCriterio(c)).toBe(clave);
  });
});

describe('muestra aleatoria reproducible', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `act-${i}`);

  it.each([
    [10, 4],
    [25, 10],
    [1, 1],
    [100, 40],
  ])('%i %% de 40 actividades son %i', (pct, n) => {
    expect(muestraReproducible(ids, pct, 'semilla').size).toBe(n);
  });

  it('la misma semilla da la misma muestra; otra semilla, otra', () => {
    expect([...muestraReproducible(ids, 25, 'PAA-2026')]).toEqual([
      ...muestraReproducible(ids, 25, 'PAA-2026'),
    ]);
    expect([...muestraReproducible(ids, 25, 'PAA-2026')].sort()).not.toEqual(
      [...muestraReproducible(ids, 25, 'otra')].sort(),
    );
  });

  it('propiedades: tamaño ⌈n·p⌉, subconjunto, sin depender del orden de la lista', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.string(),
        (lista, pct, semilla) => {
          const m = muestraReproducible(lista, pct, semilla);
          expect(m.size).toBe(Math.ceil((lista.length * pct) / 100));
          for (const id of m) expect(lista).toContain(id);
          expect([...muestraReproducible([...lista].reverse(), pct, semilla)].sort()).toEqual([...m].sort());
        },
      ),
    );
  });
});

describe('nadie se revisa a sí mismo: la regla de la política de Control Interno', () => {
  it.each([
    ['control_interno', true, 'planeacion', MOTIVO_SIN_AUTORREVISION],
    ['control_interno', false, 'control_interno', null],
    ['integridad', true, 'control_interno', null],
    ['integridad', false, 'control_interno', null],
  ] as const)('%s, de control interno: %s → verifica %s', (politica, deControl, linea, motivo) => {
    expect(quienVerifica(politica, deControl)).toEqual({ linea, motivo });
  });
});

describe('la selección de control interno no alcanza su propio trabajo', () => {
  const soloIntegridad: CriterioVerificacion[] = [{ tipo: 'politica', politica: 'integridad' }];
  const ci = { id: 'c1', politica: 'control_interno', dependenciaId: null };
  it.each([
    [ci, true, { seleccionada: true, linea: 'planeacion' }],
    [ci, false, { seleccionada: false, linea: 'control_interno' }],
    [a, true, { seleccionada: true, linea: 'control_interno' }],
  ] as const)('%o, de control interno %s → %o', (actividad, deControl, esperado) => {
    expect(estadoVerificacion(soloIntegridad, actividad, new Set(), deControl)).toMatchObject(esperado);
  });
});

describe('situación del reporte ante la verificación', () => {
  it.each([
    ['aceptado', true, 'pendiente'],
    ['aceptado', false, 'completo'],
    ['verificado', false, 'verificado'],
    ['con_observaciones', true, 'con_observaciones'],
    ['respondido', true, 'respondido'],
    ['enviado', true, 'sin_aceptar'],
    ['borrador', false, 'sin_aceptar'],
    ['devuelto', true, 'sin_aceptar'],
  ] as const)('%s, seleccionado %s → %s', (estado, sel, situacion) => {
    expect(situacionVerificacion(estado, sel)).toBe(situacion);
  });
});

describe('la parte verificada que muestra el tablero', () => {
  it.each<[SituacionVerificacion[], Partial<ResumenVerificacion>]>([
    [[], { aceptados: 0, seleccionados: 0, porcentajeVerificado: null }],
    [['sin_aceptar', 'completo'], { aceptados: 1, completos: 1, porcentajeVerificado: null }],
    [
      ['verificado', 'pendiente', 'con_observaciones', 'respondido', 'completo'],
      {
        aceptados: 5,
        seleccionados: 4,
        verificados: 1,
        enRespuesta: 2,
        pendientes: 1,
        porcentajeVerificado: 25,
      },
    ],
    [['verificado', 'verificado'], { seleccionados: 2, porcentajeVerificado: 100 }],
  ])('%o → %o', (situaciones, esperado) => {
    expect(resumenVerificacion(situaciones)).toMatchObject(esperado);
  });

  it('propiedad: entre 0 y 100, y aceptados = seleccionados + completos', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SITUACIONES_VERIFICACION)), (xs) => {
        const r = resumenVerificacion(xs);
        expect(r.aceptados).toBe(r.seleccionados + r.completos);
        if (r.porcentajeVerificado !== null) {
          expect(r.porcentajeVerificado).toBeGreaterThanOrEqual(0);
          expect(r.porcentajeVerificado).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('la verificación en una línea', () => {
  it.each([
    ['completo', 'control_interno', 'Completo: no seleccionado para verificación'],
    ['pendiente', 'control_interno', 'Pendiente de verificación'],
    [
      'pendiente',
      'planeacion',
      'Pendiente de verificación (verifica planeación: es trabajo de control interno sobre su propia política)',
    ],
  ] as const)('%s, %s → %s', (situacion, linea, texto) => {
    expect(textoVerificacion({ situacion, linea })).toBe(texto);
  });
});
