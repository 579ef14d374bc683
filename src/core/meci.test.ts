import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAVES_MECI, type EvaluacionComponente, estadoSistema } from './meci.ts';

const bien = (nivel: number): EvaluacionComponente => ({
  presente: true,
  funcionando: true,
  nivel,
  fortalezas: '',
  debilidades: '',
});

describe('evaluación independiente del sistema de control interno', () => {
  it('con los cinco componentes presentes y funcionando el sistema es efectivo; el nivel es el promedio', () => {
    const todos = Object.fromEntries(CLAVES_MECI.map((c, i) => [c, bien(80 + i)]));
    expect(estadoSistema(todos)).toEqual({ nivel: 82, efectivo: true, faltan: [], conFallas: [] });
  });

  it.each([
    ['un componente sin evaluar: sin nivel y no efectivo', { ambiente_control: bien(90) }, null, false],
    [
      'un componente presente que no funciona: no efectivo, con nivel',
      Object.fromEntries(
        CLAVES_MECI.map((c) => [
          c,
          c === 'evaluacion_riesgo' ? { ...bien(40), funcionando: false } : bien(90),
        ]),
      ),
      80,
      false,
    ],
  ])('%s', (_, componentes, nivel, efectivo) => {
    const e = estadoSistema(componentes);
    expect(e.nivel).toBe(nivel);
    expect(e.efectivo).toBe(efectivo);
  });

  it('nombra lo que falta y lo que falla', () => {
    const e = estadoSistema({ ambiente_control: { ...bien(50), presente: false } });
    expect(e.faltan).toEqual([
      'Evaluación del riesgo',
      'Actividades de control',
      'Información y comunicación',
      'Actividades de monitoreo',
    ]);
    expect(e.conFallas).toEqual(['Ambiente de control']);
  });

  it('el nivel queda entre el menor y el mayor de los componentes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }), (decimas) => {
        const niveles = decimas.map((d) => d / 10);
        const e = estadoSistema(Object.fromEntries(CLAVES_MECI.map((c, i) => [c, bien(niveles[i]!)])));
        expect(e.nivel!).toBeGreaterThanOrEqual(Math.min(...niveles) - 0.05);
        expect(e.nivel!).toBeLessThanOrEqual(Math.max(...niveles) + 0.05);
      }),
    );
  });
});
