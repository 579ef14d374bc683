import { describe, expect, it } from 'vitest';
import { estadoConsulta, problemaFechasConsulta } from './consulta.ts';

describe('consulta ciudadana', () => {
  it.each([
    ['2026-01-05', '2026-01-20', '2026-01-04', 'programada'],
    ['2026-01-05', '2026-01-20', '2026-01-05', 'abierta'],
    ['2026-01-05', '2026-01-20', '2026-01-20', 'abierta'],
    ['2026-01-05', '2026-01-20', '2026-01-21', 'cerrada'],
    ['2026-01-05', '2026-01-05', '2026-01-05', 'abierta'],
  ] as const)('del %s al %s, el %s está %s', (abre, cierra, hoy, estado) => {
    expect(estadoConsulta(abre, cierra, hoy)).toBe(estado);
  });

  it.each([
    ['2026-01-05', '2026-01-20', null],
    ['2026-01-05', '2026-01-05', null],
    ['2026-01-05', '2026-01-04', 'la fecha de cierre no puede ser anterior a la de apertura'],
    ['2026-01-01', '2026-03-31', null], // 90 days, both included
    ['2026-01-01', '2026-04-01', 'la consulta dura como máximo 90 días'],
  ])('del %s al %s: %s', (abre, cierra, mensaje) => {
    expect(problemaFechasConsulta(abre, cierra)?.mensaje ?? null).toBe(mensaje);
  });
});
