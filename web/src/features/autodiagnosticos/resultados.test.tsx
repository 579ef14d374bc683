import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import type { Autodiagnostico } from './api.ts';
import { Resultados } from './resultados.tsx';

const seccion = (codigo: string, nombre: string, puntaje: number | null, completitud: number) => ({
  codigo,
  nombre,
  puntaje,
  completitud,
  respondidos: completitud === 75 ? 3 : 1,
  aplicables: 4,
  sinEvidencia: 0,
  secciones: [],
});

const datos = {
  autodiagnostico: {
    resultado: {
      puntaje: 47.5,
      nivel: 'Básico operativo alto',
      completitud: 50,
      respondidos: 4,
      aplicables: 8,
      sinEvidencia: 1,
      secciones: [seccion('PLA', 'Planeación', 47.5, 75), seccion('DES', 'Desarrollo', null, 25)],
    },
  },
  brechas: [{ item: 'EJ-04', texto: '¿Qué planes integró?', secciones: ['PLA'], puntaje: 0 }],
} as unknown as Autodiagnostico;

describe('resultados del autodiagnóstico', () => {
  it('el puntaje nunca va solo: nivel y completitud al lado, por sección también; las brechas en su tabla', () => {
    renderConMantine(<Resultados d={datos} />);
    expect(screen.getByText('47,5 puntos (Básico operativo alto) · completitud 50 % (4 de 8)')).toBeTruthy();
    expect(screen.getByText('Planeación (completitud 75 %)')).toBeTruthy();
    expect(screen.getByText('Desarrollo (completitud 25 %)')).toBeTruthy();
    const filas = screen.getByRole('region', { name: 'Puntaje y completitud por sección' });
    expect(filas.textContent).toContain('75 % (3 de 4)');
    expect(filas.textContent).toContain('sin puntaje');
    expect(screen.getByText('1 ítem respondido exige evidencia y aún no la tiene.')).toBeTruthy();
    const brechas = screen.getByRole('region', { name: 'Brechas del autodiagnóstico' });
    expect(brechas.textContent).toContain('EJ-04');
  });
});
