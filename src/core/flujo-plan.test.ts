import { describe, expect, it } from 'vitest';
import {
  type AccionPlan,
  aprobadoAlgunaVez,
  ESTADOS_PLAN,
  type EstadoPlan,
  problemaFechaActo,
  problemaFechaPublicacion,
  problemaFechaSesion,
  publicacionVencida,
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
  const publicado = '2026-01-30';
  it.each([
    [{ estado: 'borrador', version: 1, fechaPublicacion: null }, false, false],
    [{ estado: 'enviado', version: 1, fechaPublicacion: null }, false, false],
    [{ estado: 'aprobado', version: 1, fechaPublicacion: null }, true, false],
    [{ estado: 'publicado', version: 1, fechaPublicacion: publicado }, true, true],
    [{ estado: 'borrador', version: 2, fechaPublicacion: publicado }, true, true],
    [{ estado: 'enviado', version: 3, fechaPublicacion: publicado }, true, true],
    [{ estado: 'aprobado', version: 2, fechaPublicacion: publicado }, true, true],
    // Approved, reopened before anyone published it: still nothing for citizens.
    [{ estado: 'borrador', version: 2, fechaPublicacion: null }, true, false],
    [{ estado: 'aprobado', version: 2, fechaPublicacion: null }, true, false],
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

describe('publicación del plan a más tardar el 31 de enero', () => {
  const plan = (estado: EstadoPlan, version = 1, fechaPublicacion: string | null = null) => ({
    estado,
    version,
    fechaPublicacion: fechaPublicacion ?? (estado === 'publicado' ? '2026-01-30' : null),
  });
  it.each([
    ['sin plan, 31 de enero', null, '2026-01-31', false],
    ['sin plan, 1 de febrero', null, '2026-02-01', true],
    ['borrador, 1 de febrero', plan('borrador'), '2026-02-01', true],
    ['enviado, en marzo', plan('enviado'), '2026-03-10', true],
    ['aprobado sin publicar, en febrero', plan('aprobado'), '2026-02-15', true],
    ['publicado', plan('publicado'), '2026-02-01', false],
    ['nueva versión en curso de un plan publicado', plan('borrador', 2, '2026-01-30'), '2026-06-01', false],
    ['nueva versión de un plan aprobado que nunca se publicó', plan('borrador', 2), '2026-06-01', true],
    ['aprobado en diciembre del año anterior', plan('aprobado'), '2025-12-20', false],
  ] as const)('%s → vencida: %s', (_caso, p, hoy, vencida) => {
    expect(publicacionVencida(p, 2026, hoy)).toBe(vencida);
  });

  it('las fechas del acto y de la publicación no son futuras ni de dos años antes', () => {
    expect(problemaFechaActo('2026-01-20', 2026, '2026-01-25')).toBeNull();
    expect(problemaFechaActo('2026-01-26', 2026, '2026-01-25')).toContain('fecha futura');
    expect(problemaFechaActo('2024-12-31', 2026, '2026-01-25')).toContain('anterior a 2025');
    expect(problemaFechaPublicacion('2026-01-30', 2026, '2026-01-31')).toBeNull();
    expect(problemaFechaPublicacion('2026-02-01', 2026, '2026-01-31')).toContain('futura');
    expect(problemaFechaPublicacion('2024-06-01', 2026, '2026-01-31')).toContain('anterior a 2025');
  });
});
