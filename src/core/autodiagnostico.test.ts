import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccionAutodiagnostico,
  ESTADOS_AUTODIAGNOSTICO,
  type EstadoAutodiagnostico,
  problemasAccionMejora,
  problemaTransicion,
  TRANSICIONES_AUTODIAGNOSTICO,
} from './autodiagnostico.ts';
import { PERMISOS } from './roles.ts';

describe('flujo del autodiagnóstico', () => {
  const permitidas: Record<AccionAutodiagnostico, EstadoAutodiagnostico[]> = {
    enviar: ['borrador', 'devuelto'],
    revisar: ['enviado'],
    devolver: ['enviado'],
  };
  it.each(
    (Object.keys(permitidas) as AccionAutodiagnostico[]).flatMap((accion) =>
      ESTADOS_AUTODIAGNOSTICO.map((estado) => [accion, estado, permitidas[accion].includes(estado)] as const),
    ),
  )('%s desde %s: %s', (accion, estado, puede) => {
    const p = problemaTransicion(accion, estado);
    if (puede) expect(p).toBeNull();
    else expect(p).toMatch(/^No se puede .+ en estado «.+»\.$/);
  });

  it('responde solo el responsable de la política y revisa solo planeación', () => {
    expect(PERMISOS[TRANSICIONES_AUTODIAGNOSTICO.enviar.permiso]).toEqual(['responsable_politica']);
    expect(PERMISOS[TRANSICIONES_AUTODIAGNOSTICO.revisar.permiso]).toEqual(['planeacion']);
    expect(PERMISOS[TRANSICIONES_AUTODIAGNOSTICO.devolver.permiso]).toEqual(['planeacion']);
  });
});

describe('acción de mejora de una brecha', () => {
  const auto = { vigencia: 2025, politica: 'talento_humano' };
  it.each([
    [2025, 'talento_humano', []],
    [2026, 'talento_humano', []],
    [2024, 'talento_humano', ['vigencia']],
    [2026, 'integridad', ['politica']],
    [2023, 'integridad', ['vigencia', 'politica']],
  ] as const)('al plan de %i con la política %s: problemas en %j', (vigencia, politica, campos) => {
    expect(problemasAccionMejora(auto, vigencia, politica).map((p) => p.campo)).toEqual(campos);
  });

  it('va al plan de la vigencia del autodiagnóstico o una posterior, nunca a uno anterior, siempre con su política', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2018, max: 2100 }),
        fc.integer({ min: 2018, max: 2100 }),
        fc.constantFrom('talento_humano', 'integridad', 'control_interno'),
        (vAuto, vPlan, politica) => {
          const campos = problemasAccionMejora(
            { vigencia: vAuto, politica: 'integridad' },
            vPlan,
            politica,
          ).map((p) => p.campo);
          expect(campos.includes('vigencia')).toBe(vPlan < vAuto);
          expect(campos.includes('politica')).toBe(politica !== 'integridad');
        },
      ),
    );
  });

  it('la propone planeación o el responsable de la política, y solo planeación la pone directo en el plan', () => {
    expect(PERMISOS['autodiagnostico.proponer_mejora']).toEqual(['planeacion', 'responsable_politica']);
    expect(PERMISOS['plan.editar']).toEqual(['planeacion']);
  });
});
