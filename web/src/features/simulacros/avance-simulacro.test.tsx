import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import type { AvanceSimulacro as Avance } from './api.ts';
import { AvanceSimulacro } from './avance-simulacro.tsx';

const cifras = (aplicables: number, respondidos: number, conEvidencia: number) => ({
  aplicables,
  respondidos,
  conEvidencia,
  completitud: aplicables ? Math.round((respondidos / aplicables) * 1000) / 10 : null,
  coberturaEvidencia: respondidos ? Math.round((conEvidencia / respondidos) * 1000) / 10 : null,
});

const avance: Avance = {
  total: cifras(7, 4, 3),
  modulos: [
    { codigo: 'TH', nombre: 'Talento humano', ...cifras(3, 3, 3) },
    { codigo: 'IN', nombre: 'Integridad', ...cifras(2, 0, 0) },
    { codigo: 'CI', nombre: 'Control interno', ...cifras(2, 1, 0) },
  ],
  personas: [
    { clave: 'u1', nombre: 'Luisa Fernanda Rojas', ...cifras(3, 3, 3) },
    { clave: 'sin_asignar', nombre: 'Sin asignar', ...cifras(2, 0, 0) },
    { clave: 'control_interno', nombre: 'Control interno', ...cifras(2, 1, 0) },
  ],
};

const fila = (tabla: HTMLElement, nombre: string) =>
  within(tabla)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(nombre))!.textContent;

describe('avance del simulacro', () => {
  it('muestra completitud y cobertura de evidencia en total, por módulo y por persona, con sus cuentas', () => {
    renderConMantine(<AvanceSimulacro avance={avance} />);
    expect(screen.getByText('Completitud: 57,1 % (4 de 7)')).toBeTruthy();
    expect(screen.getByText('Cobertura de evidencia: 75 % (3 de 4)')).toBeTruthy();
    const modulos = screen.getByRole('table', { name: 'Avance por módulo' });
    expect(fila(modulos, 'Talento humano')).toContain('100 % (3 de 3)');
    expect(fila(modulos, 'Integridad')).toContain('0 % (0 de 2)');
    // Nothing answered: no coverage to speak of, and it says so instead of a 0 %.
    expect(fila(modulos, 'Integridad')).toContain('Sin respuestas aún');
    expect(fila(modulos, 'Control interno')).toContain('0 % (0 de 1)');
    const personas = screen.getByRole('table', { name: 'Avance por persona' });
    expect(fila(personas, 'Luisa Fernanda Rojas')).toContain('100 % (3 de 3)');
    expect(fila(personas, 'Sin asignar')).toContain('0 % (0 de 2)');
    expect(screen.getByText('2 preguntas no tienen una persona asignada.')).toBeTruthy();
  });

  it('dice en palabras sencillas que no es un puntaje previsto, y no muestra ninguno', () => {
    const { container } = renderConMantine(<AvanceSimulacro avance={avance} />);
    const nota = screen.getByRole('note');
    expect(nota.textContent).toMatch(/no es un puntaje del FURAG ni una predicción/);
    expect(nota.textContent).toMatch(/no publica la fórmula/);
    expect(container.textContent).not.toMatch(/puntos|puntaje previsto:|\bIDI\b/);
  });

  it('sin preguntas que apliquen no inventa un porcentaje', () => {
    renderConMantine(<AvanceSimulacro avance={{ total: cifras(0, 0, 0), modulos: [], personas: [] }} />);
    expect(screen.getByText('Completitud: Sin preguntas que apliquen')).toBeTruthy();
    expect(screen.getByText('Cobertura de evidencia: Sin respuestas aún')).toBeTruthy();
  });
});
