import { describe, expect, it } from 'vitest';
import type { Cuestionario } from './cuestionario.ts';
import { COLUMNAS_CUESTIONARIO, filasDeCuestionario, leerHojaCuestionario } from './cuestionario-hoja.ts';

// Every kind and every optional field the sheet carries.
const EJEMPLO: Cuestionario = {
  formato: 'mipg-cuestionario/1',
  codigo: 'HOJA-1',
  nombre: 'Cuestionario de la hoja',
  vigencia: 2025,
  instrumento: 'autodiagnostico',
  politica: 'talento_humano',
  descripcion: 'Descripción',
  fuente: 'Ejemplo, no oficial',
  niveles: [
    { nombre: 'Bajo', desde: 0, hasta: 50 },
    { nombre: 'Alto', desde: 50.01, hasta: 100 },
  ],
  secciones: [
    {
      codigo: 'A',
      nombre: 'Componente A',
      descripcion: 'Del componente',
      items: [
        {
          codigo: 'P1',
          tipo: 'puntaje',
          texto: 'Fila 0 a 100',
          ayuda: 'Ayuda',
          evidencia: true,
          noAplica: true,
        },
        {
          codigo: 'P2',
          tipo: 'seleccion_unica',
          texto: '¿Sí o no?',
          opciones: [
            { codigo: 'si', texto: 'Sí', puntaje: 100 },
            { codigo: 'no', texto: 'No', puntaje: 0 },
          ],
          equivalencias: { '2024': 'Q2', '2023': 'R2' },
        },
        {
          codigo: 'P3',
          tipo: 'seleccion_multiple',
          texto: '¿Cuáles?',
          salto: { item: 'P2', operador: 'igual', valor: 'si' },
          opciones: [
            { codigo: 'a', texto: 'A', puntaje: 50 },
            { codigo: 'b', texto: 'B', puntaje: 50 },
            { codigo: 'ninguna', texto: 'Ninguna de las anteriores', anula: true },
          ],
        },
      ],
      secciones: [
        {
          codigo: 'A.1',
          nombre: 'Categoría',
          items: [
            { codigo: 'P4', tipo: 'numero', texto: '¿Cuántos?', minimo: 0, maximo: 1234.5, decimales: 1 },
            {
              codigo: 'P5',
              tipo: 'texto',
              texto: '¿Por qué?',
              salto: { item: 'P4', operador: 'menor', valor: 3 },
            },
            {
              codigo: 'P6',
              tipo: 'seleccion_multiple_numero',
              texto: '¿Cuántos de cada uno?',
              opciones: [
                { codigo: 'x', texto: 'X' },
                { codigo: 'y', texto: 'Y' },
              ],
              aplicaA: { ordenes: ['municipal', 'distrital'], formularios: ['MIPG'] },
            },
            {
              codigo: 'P7',
              tipo: 'matriz',
              texto: 'Frecuencia',
              filas: [{ codigo: 'f1', texto: 'Uno' }],
              opciones: [
                { codigo: 'nunca', texto: 'Nunca' },
                { codigo: 'siempre', texto: 'Siempre' },
              ],
            },
          ],
          secciones: [],
        },
      ],
    },
  ],
};
const ENCABEZADOS = [...COLUMNAS_CUESTIONARIO];
const comoTabla = (filas: (string | number | null)[][]) =>
  filas.map((celdas, i) => ({ numero: i + 2, celdas }));
const fila = (v: Partial<Record<(typeof COLUMNAS_CUESTIONARIO)[number], string | number>>) =>
  COLUMNAS_CUESTIONARIO.map((c) => v[c] ?? null);
const CABEZA = fila({
  'Tipo de fila': 'cuestionario',
  Código: 'C1',
  Texto: 'Uno',
  Vigencia: 2025,
  Instrumento: 'Autodiagnóstico',
});
const SECCION = fila({ 'Tipo de fila': 'Sección', Código: 'S1', Texto: 'Sección' });

describe('hoja de un cuestionario', () => {
  it('escribir y leer la hoja devuelve el mismo cuestionario', () => {
    const r = leerHojaCuestionario(ENCABEZADOS, comoTabla(filasDeCuestionario(EJEMPLO)));
    expect(r.ok && r.entrada).toEqual(EJEMPLO);
  });

  it('lee el salto, «Aplica a», las equivalencias y los números escritos en es-CO', () => {
    const r = leerHojaCuestionario(
      ENCABEZADOS,
      comoTabla([
        CABEZA,
        SECCION,
        fila({
          'Tipo de fila': 'ítem',
          Código: 'P1',
          Texto: 'Cuántos',
          Sección: 'S1',
          'Tipo de ítem': 'número abierto',
          Máximo: '1.234,5',
        }),
        fila({
          'Tipo de fila': 'item',
          Código: 'P2',
          Texto: 'Y',
          Sección: 'S1',
          'Tipo de ítem': 'puntaje',
          Salto: 'P1 >= 3',
          'Aplica a': 'Municipal, meci',
          Equivalencias: '2023: X1; 2022: X0',
          'No aplica': 'sí',
        }),
      ]),
    );
    expect(r.ok).toBe(true);
    const s = (r as unknown as { entrada: { secciones: Cuestionario['secciones'] } }).entrada.secciones[0]!;
    expect(s.items[0]).toMatchObject({ tipo: 'numero', maximo: 1234.5 });
    expect(s.items[1]).toMatchObject({
      salto: { item: 'P1', operador: 'mayor_igual', valor: 3 },
      aplicaA: { ordenes: ['municipal'], formularios: ['MECI'] },
      equivalencias: { '2023': 'X1', '2022': 'X0' },
      noAplica: true,
    });
  });

  it.each([
    ['tipo de fila desconocido', fila({ 'Tipo de fila': 'pregunta', Código: 'P1' }), /no es un tipo de fila/],
    [
      'opción sin ítem encima',
      fila({ 'Tipo de fila': 'opción', Código: 'a', Texto: 'A' }),
      /debajo de su ítem/,
    ],
    [
      'ítem de una sección que no existe',
      fila({ 'Tipo de fila': 'ítem', Código: 'P1', Texto: 'x', Sección: 'S9', 'Tipo de ítem': 'texto' }),
      /«S9» no existe/,
    ],
    [
      'tipo de ítem desconocido',
      fila({ 'Tipo de fila': 'ítem', Código: 'P1', Texto: 'x', Sección: 'S1', 'Tipo de ítem': 'escala' }),
      /no es un tipo de ítem/,
    ],
    [
      'salto mal escrito',
      fila({
        'Tipo de fila': 'ítem',
        Código: 'P1',
        Texto: 'x',
        Sección: 'S1',
        'Tipo de ítem': 'texto',
        Salto: 'si P0',
      }),
      /debe escribirse/,
    ],
    [
      'sí / no ilegible',
      fila({
        'Tipo de fila': 'ítem',
        Código: 'P1',
        Texto: 'x',
        Sección: 'S1',
        'Tipo de ítem': 'texto',
        Evidencia: 'tal vez',
      }),
      /«Evidencia» debe ser «Sí» o «No»/,
    ],
  ])('%s: el problema llega con su fila', (_n, mala, problema) => {
    const r = leerHojaCuestionario(ENCABEZADOS, comoTabla([CABEZA, SECCION, mala]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problemas).toContainEqual(
      expect.objectContaining({ fila: 4, problema: expect.stringMatching(problema) }),
    );
  });

  it('sin fila «cuestionario» o sin las columnas de la plantilla', () => {
    const sin = leerHojaCuestionario(ENCABEZADOS, comoTabla([SECCION]));
    expect(!sin.ok && sin.problemas[0]!.problema).toMatch(/Falta la fila «cuestionario»/);
    const otra = leerHojaCuestionario(['Nombre', 'Valor'], []);
    expect(!otra.ok && otra.mensaje).toMatch(/no tiene las columnas «Tipo de fila», «Código», «Texto»/);
  });

  it('dos secciones que se contienen una a otra', () => {
    const r = leerHojaCuestionario(
      ENCABEZADOS,
      comoTabla([
        CABEZA,
        fila({ 'Tipo de fila': 'sección', Código: 'A', Texto: 'A', Sección: 'B' }),
        fila({ 'Tipo de fila': 'sección', Código: 'B', Texto: 'B', Sección: 'A' }),
      ]),
    );
    expect(!r.ok && r.problemas.map((p) => p.problema)).toContainEqual(expect.stringMatching(/ciclo/));
  });
});
