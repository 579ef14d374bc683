import { describe, expect, it } from 'vitest';
import {
  type AccionPlan,
  ESTADOS_PLAN,
  type EstadoPlan,
  TRANSICIONES,
  transicionPlan,
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
