import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CatalogoRecomendaciones,
  claveRecomendacion,
  columnaDeRecomendacion,
  LIMITES_RECOMENDACIONES,
  leerRecomendaciones,
  textoRecomendacion,
} from './furag-recomendaciones.ts';
import type { CeldaTabla, FilaTabla } from './tabla-importacion.ts';

const hoja = (...filas: CeldaTabla[][]): FilaTabla[] => filas.map((celdas, i) => ({ numero: i + 1, celdas }));

const CATALOGO: CatalogoRecomendaciones = {
  politicas: [
    { clave: 'talento_humano', nombre: 'Gestión Estratégica del Talento Humano', codigoFurag: 'POL01' },
    { clave: 'integridad', nombre: 'Integridad', codigoFurag: 'POL02' },
    { clave: 'planeacion_institucional', nombre: 'Planeación Institucional', codigoFurag: 'POL03' },
  ],
  indices: [
    { codigo: 'I01', politica: 'talento_humano' },
    { codigo: 'I02', politica: 'talento_humano' },
    { codigo: 'I05', politica: 'integridad' },
  ],
};
const leer = (filas: FilaTabla[]) => leerRecomendaciones(filas, CATALOGO, 2025);

describe('columnas del archivo de recomendaciones', () => {
  it.each([
    ['Índice', 'indice'],
    ['ÍNDICE\nFURAG', 'indice'],
    ['Código del índice', 'indice'],
    ['Recomendación', 'texto'],
    ['RECOMENDACIONES', 'texto'],
    ['Texto de la\r\nrecomendación', 'texto'],
    ['Política', 'politica'],
    ['Política de gestión y desempeño', 'politica'],
    ['Entidad', null],
    ['', null],
  ])('«%s» es %s', (encabezado, columna) => {
    expect(columnaDeRecomendacion(encabezado)).toBe(columna);
  });
});

describe('lectura de las recomendaciones', () => {
  it('encabezado desplazado, índice con su nombre, saltos de línea dentro del texto y política opcional', () => {
    const r = leer(
      hoja(
        ['Recomendaciones FURAG 2025 — E.S.E. Hospital Sintético', null],
        [null, null],
        ['ÍNDICE\nFURAG', 'Texto de la\nrecomendación', 'Observaciones'],
        [
          'I01 Calidad de la planeación estratégica del talento humano',
          '  Actualizar el plan\r\nestratégico   de TH.  ',
          'x',
        ],
        [null, null, null],
        ['i5', 'Socializar el código de integridad.\n\n\n\nCon evidencias.', null],
      ),
    );
    expect(r).toEqual({
      ok: true,
      recomendaciones: [
        {
          fila: 4,
          indice: 'I01',
          politica: 'talento_humano',
          texto: 'Actualizar el plan\nestratégico de TH.',
        },
        {
          fila: 6,
          indice: 'I05',
          politica: 'integridad',
          texto: 'Socializar el código de integridad.\n\nCon evidencias.',
        },
      ],
    });
  });

  it('la columna política, por código o por nombre, sirve para las políticas sin índices', () => {
    const r = leer(
      hoja(
        ['Política', 'Índice', 'Recomendación'],
        ['POL03 Planeación Institucional', null, 'Formular el plan estratégico con indicadores.'],
        ['integridad', 'I05', 'Medir la apropiación del código.'],
      ),
    );
    expect(r.ok && r.recomendaciones.map((x) => [x.politica, x.indice])).toEqual([
      ['planeacion_institucional', null],
      ['integridad', 'I05'],
    ]);
  });

  it.each<[string, CeldaTabla[], string, RegExp]>([
    [
      'índice fuera del catálogo de esa vigencia',
      ['I99 Un índice que no existe', 'Algo'],
      'Índice',
      /I99 no existe en el catálogo de la vigencia 2025/,
    ],
    [
      'índice que no es un código',
      ['Calidad del talento', 'Algo'],
      'Índice',
      /no empieza por el código de un índice/,
    ],
    [
      'una política en la columna del índice',
      ['POL01', 'Algo'],
      'Índice',
      /no empieza por el código de un índice/,
    ],
    ['sin texto', ['I01', '   '], 'Recomendación', /Falta el texto/],
    ['sin índice', [null, 'Algo que hacer'], 'Índice', /Falta el índice/],
    [
      'texto demasiado largo',
      ['I01', 'x'.repeat(LIMITES_RECOMENDACIONES.largoTexto + 1)],
      'Recomendación',
      /máximo es 4\.000/,
    ],
    ['texto ilegible', ['I01', 'Texto con \u0000 nulo'], 'Recomendación', /./],
  ])('%s → problema con fila y columna', (_caso, fila, columna, problema) => {
    const r = leer(hoja(['Índice', 'Recomendación'], ['I02', 'Una recomendación buena.'], fila));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.mensaje).toMatch(/no se cargó ninguna recomendación/);
    expect(r.problemas).toEqual([{ fila: 3, columna, problema: expect.stringMatching(problema) }]);
  });

  it('índice de otra política que la escrita, y la misma recomendación dos veces', () => {
    const r = leer(
      hoja(
        ['Índice', 'Política', 'Recomendación'],
        ['I05', 'POL01', 'Algo'],
        ['I01', null, 'Revisar el plan.'],
        ['I01', 'POL01', 'revisar  el PLAN.'],
        ['I01', 'POL77', 'Otra'],
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problemas).toEqual([
      { fila: 2, columna: 'Índice', problema: expect.stringMatching(/I05 es de la política «Integridad»/) },
      { fila: 4, columna: 'Recomendación', problema: 'Repite la recomendación de la fila 3.' },
      { fila: 5, columna: 'Política', problema: expect.stringMatching(/no es una política del catálogo/) },
    ]);
  });

  it('sin encabezados reconocibles, columnas repetidas, vacío o demasiadas filas: mensaje sin cargar nada', () => {
    const sin = leer(hoja(['Código', 'Texto libre'], ['I01', 'x']));
    expect(sin).toMatchObject({ ok: false, mensaje: expect.stringMatching(/fila de encabezados/) });
    const dos = leer(hoja(['Índice', 'Recomendación', 'Recomendaciones'], ['I01', 'x']));
    expect(dos).toMatchObject({ ok: false, problemas: [{ fila: 1, columna: 'Recomendación' }] });
    expect(leer(hoja(['Índice', 'Recomendación'], [null, null]))).toMatchObject({
      ok: false,
      mensaje: expect.stringMatching(/no tiene recomendaciones/),
    });
    const muchas = hoja(
      ['Índice', 'Recomendación'],
      ...Array.from({ length: LIMITES_RECOMENDACIONES.filas + 1 }, (_, i) => ['I01', `R ${i}`]),
    );
    expect(leer(muchas)).toMatchObject({ ok: false, mensaje: expect.stringMatching(/el máximo es 2\.000/) });
  });

  it('propiedad: lo que se lee vuelve a leerse igual (texto normalizado estable) y nunca pasa del tope', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 20 }), (textos) => {
        const r = leer(hoja(['Índice', 'Recomendación'], ...textos.map((x) => ['I01', x])));
        if (!r.ok) return;
        for (const x of r.recomendaciones) {
          expect(textoRecomendacion(x.texto)).toBe(x.texto);
          expect(x.texto.length).toBeGreaterThan(0);
          expect(x.texto.length).toBeLessThanOrEqual(LIMITES_RECOMENDACIONES.largoTexto);
        }
        expect(new Set(r.recomendaciones.map(claveRecomendacion)).size).toBe(r.recomendaciones.length);
      }),
    );
  });
});
