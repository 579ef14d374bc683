import { describe, expect, it } from 'vitest';
import { compararVersiones } from './versiones.ts';

const a = (id: string, cambio: Record<string, unknown> = {}) => ({
  id,
  codigo: `C-${id}`,
  nombre: `Actividad ${id}`,
  metaAnual: 4,
  metasPeriodo: [1, 1, 1, 1],
  ponderacion: 50,
  ...cambio,
});

describe('comparación de versiones del plan', () => {
  it('versiones iguales no tienen diferencias', () => {
    expect(compararVersiones([a('1'), a('2')], [a('1'), a('2')])).toEqual({
      agregadas: [],
      quitadas: [],
      cambiadas: [],
    });
  });

  it('nombra lo agregado, lo quitado y cada campo cambiado con su etiqueta en español', () => {
    const d = compararVersiones(
      [a('1'), a('2')],
      [a('1', { metasPeriodo: [1, 1, 2, 0], ponderacion: 60 }), a('3')],
    );
    expect(d.agregadas.map((x) => x.id)).toEqual(['3']);
    expect(d.quitadas.map((x) => x.id)).toEqual(['2']);
    expect(d.cambiadas).toEqual([
      {
        id: '1',
        codigo: 'C-1',
        nombre: 'Actividad 1',
        cambios: [
          {
            campo: 'metasPeriodo',
            etiqueta: 'Metas por periodo',
            antes: [1, 1, 1, 1],
            despues: [1, 1, 2, 0],
          },
          { campo: 'ponderacion', etiqueta: 'Ponderación', antes: 50, despues: 60 },
        ],
      },
    ]);
  });

  it('un campo ausente y uno nulo son lo mismo', () => {
    expect(compararVersiones([a('1', { bpin: null })], [a('1')]).cambiadas).toEqual([]);
  });
});
