import { describe, expect, it } from 'vitest';
import { clasificarCambio } from './cambios-plan.ts';

const a = (id: string, cambio: Record<string, unknown> = {}) => ({
  id,
  codigo: `C-${id}`,
  nombre: `Actividad ${id}`,
  metaAnual: 4,
  metasPeriodo: [1, 1, 1, 1],
  ponderacion: 50,
  fechaInicio: '2026-02-01',
  fechaFin: '2026-12-15',
  responsableId: 'u1',
  acumulacion: 'suma',
  ...cambio,
});

describe('clasificación de un cambio al plan aprobado', () => {
  it.each([
    ['sin cambios', {}, 'ninguno'],
    ['fechas', { fechaInicio: '2026-03-01', fechaFin: '2026-11-30' }, 'menor'],
    ['responsable', { responsableId: 'u2', corresponsables: ['u3'] }, 'menor'],
    ['dependencia', { dependenciaId: 'd9' }, 'menor'],
    ['redacción', { nombre: 'Actividad 1 con mejor redacción', producto: 'Acta firmada' }, 'menor'],
    ['rubro, BPIN y riesgo', { rubro: '2.1.2', bpin: '2026860010001', riesgo: 'Demora' }, 'menor'],
    ['meta anual', { metaAnual: 5 }, 'sustancial'],
    ['metas por periodo', { metasPeriodo: [0, 2, 1, 1] }, 'sustancial'],
    ['ponderación', { ponderacion: 40 }, 'sustancial'],
    ['tipo de meta', { acumulacion: 'ultimo' }, 'sustancial'],
    ['unidad', { unidad: 'porcentaje' }, 'sustancial'],
    ['política', { politica: 'transparencia' }, 'sustancial'],
    ['presupuesto', { presupuesto: 1_000_000 }, 'sustancial'],
    ['indicador', { indicadorId: 'i1' }, 'sustancial'],
    ['fecha y meta a la vez', { fechaFin: '2026-10-31', metaAnual: 3 }, 'sustancial'],
  ] as const)('%s → %s', (_caso, cambio, tipo) => {
    expect(clasificarCambio([a('1'), a('2')], [a('1', cambio), a('2')]).tipo).toBe(tipo);
  });

  it('agregar o quitar una actividad es sustancial y se nombra', () => {
    const agregada = clasificarCambio([a('1')], [a('1'), a('2')]);
    expect(agregada).toMatchObject({
      tipo: 'sustancial',
      razones: ['se agrega la actividad C-2 «Actividad 2»'],
    });
    const quitada = clasificarCambio([a('1'), a('2')], [a('1')]);
    expect(quitada.razones).toEqual(['se quita la actividad C-2 «Actividad 2»']);
  });

  it('nombra en español los campos que exigen el órgano y los que son menores', () => {
    const c = clasificarCambio([a('1')], [a('1', { ponderacion: 60, fechaFin: '2026-11-30' })]);
    expect(c.razones).toEqual(['C-1 «Actividad 1»: cambia ponderación']);
    expect(c.menores).toEqual(['C-1 «Actividad 1»: cambia fecha de fin']);
  });

  it('una versión guardada antes de los tipos de meta se lee como «suma»', () => {
    const { acumulacion: _sin, ...vieja } = a('1');
    expect(clasificarCambio([vieja], [a('1')]).tipo).toBe('ninguno');
    expect(clasificarCambio([vieja], [a('1', { acumulacion: 'hito' })]).tipo).toBe('sustancial');
  });
});
