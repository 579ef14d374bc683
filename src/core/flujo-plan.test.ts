import { describe, expect, it } from 'vitest';
import {
  type AccionPlan,
  aprobadoAlgunaVez,
  ESTADOS_PLAN,
  type EstadoPlan,
  problemaFechaSesion,
  TRANSICIONES,
  transicionPlan,
  visibleAlPublico,
} from './flujo-plan.ts';

describe('flujo de aprobación del plan', () => {
  it.each([
    ['borrador', 'enviar', 'enviado'],
    ['enviado', 'devolver', 'borrador'],
    ['enviado', 'aprobar', 'aprobado'],
    ['aprobado', 'publicar', 'publicado'],
  ] as const)('%s --%s--> %s', (desde, accion, hacia) => {
    expect(transicionPlan(desde, accion)).toEqual({ ok: true, hacia });
  });

  it('toda otra combinación se rechaza con un mensaje que dice en qué estado debe estar', () => {
    for (const estado of ESTADOS_PLAN)
      for (const accion of Object.keys(TRANSICIONES) as AccionPlan[]) {
        if (TRANSICIONES[accion].desde === estado) continue;
        const r = transicionPlan(estado as EstadoPlan, accion);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.mensaje).toContain(`debe estar ${TRANSICIONES[accion].desde}`);
      }
  });

  it('un plan publicado no vuelve atrás sin una nueva versión', () => {
    expect((Object.keys(TRANSICIONES) as AccionPlan[]).every((a) => !transicionPlan('publicado', a).ok)).toBe(
      true,
    );
  });
});

describe('qué permite el estado del plan', () => {
  it.each([
    [{ estado: 'borrador', version: 1 }, false, false],
    [{ estado: 'enviado', version: 1 }, false, false],
    [{ estado: 'aprobado', version: 1 }, true, false],
    [{ estado: 'publicado', version: 1 }, true, true],
    [{ estado: 'borrador', version: 2 }, true, true],
    [{ estado: 'enviado', version: 3 }, true, true],
  ])('%j → reporta %s, público %s', (plan, reporta, publico) => {
    expect(aprobadoAlgunaVez(plan)).toBe(reporta);
    expect(visibleAlPublico(plan)).toBe(publico);
  });
});

describe('fecha de la sesión del comité que aprueba el plan', () => {
  it.each([
    ['2026-01-29', 2026, '2026-11-25', null],
    ['2026-11-25', 2026, '2026-11-25', null],
    ['2025-12-15', 2026, '2026-01-10', null],
    ['2026-11-26', 2026, '2026-11-25', 'la sesión del comité no puede tener fecha futura'],
    [
      '2024-12-31',
      2026,
      '2026-11-25',
      'la sesión del comité que aprueba el plan 2026 no puede ser anterior a 2025',
    ],
  ])('%s para la vigencia %i, hoy %s → %s', (fecha, vigencia, hoy, esperado) => {
    expect(problemaFechaSesion(fecha, vigencia, hoy)).toBe(esperado);
  });
});
