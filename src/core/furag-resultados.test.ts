import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buscarEntidad,
  codigoDeEncabezado,
  columnaDeIdentificacion,
  estadisticaDe,
  estadisticasPorGrupo,
  indicesMasDebiles,
  LIMITES_RESULTADOS,
  leerArchivoResultados,
  leerPuntaje,
  nombreDeEncabezado,
  ubicar,
} from './furag-resultados.ts';
import type { CeldaTabla, FilaTabla } from './tabla-importacion.ts';

const hoja = (...filas: CeldaTabla[][]): FilaTabla[] => filas.map((celdas, i) => ({ numero: i + 1, celdas }));

describe('código de una columna de resultados', () => {
  it.each([
    ['I01 Calidad de la planeación estratégica del talento humano', 'I01', 'indice'],
    ['I1 Calidad de la planeación', 'I01', 'indice'],
    ['I101 Un índice nuevo', 'I101', 'indice'],
    ['POL19 Índice de Control Interno', 'POL19', 'politica'],
    ['POL 3 Planeación Institucional', 'POL03', 'politica'],
    ['POL03\nPlaneación Institu-\ncional', 'POL03', 'politica'],
    ['D04 Evaluación de Resultados', 'D4', 'dimension'],
    ['D7', 'D7', 'dimension'],
    ['D4: Evaluación', 'D4', 'dimension'],
    ['  I05\r\nGestión del\nconocimiento', 'I05', 'indice'],
    ['IDI', 'IDI', 'idi'],
    ['Índice de Desempeño Institucional', 'IDI', 'idi'],
    ['INDICE DE DESEMPEÑO\nINSTITUCIONAL 2025', 'IDI', 'idi'],
  ])('«%s» es %s (%s)', (encabezado, codigo, nivel) => {
    expect(codigoDeEncabezado(encabezado)).toEqual({ codigo, nivel });
  });

  it.each([
    [
      'I01 Calidad de la planeación estratégica del talento humano',
      'Calidad de la planeación estratégica del talento humano',
    ],
    ['POL03\nPlaneación Institu-\ncional', 'Planeación Institucional'],
    ['D4: Evaluación de Resultados', 'Evaluación de Resultados'],
    ['I05 - Gestión del conocimiento', 'Gestión del conocimiento'],
    ['D7', null],
    ['IDI', null],
    ['INDICE DE DESEMPEÑO\nINSTITUCIONAL 2025', 'INDICE DE DESEMPEÑO INSTITUCIONAL 2025'],
  ])('el nombre que «%s» da a su medición es %s', (encabezado, nombre) => {
    expect(nombreDeEncabezado(encabezado, codigoDeEncabezado(encabezado)!)).toBe(nombre);
  });

  it.each([
    'Entidad',
    'Departamento',
    'D8 No existe',
    'D0',
    'I0 Sin número válido',
    'Dimensión 4',
    'Índice de transparencia',
    'POL',
    'Identificación',
    'Iniciativas',
    'Puntaje',
    '',
  ])('«%s» no es una medición', (encabezado) => {
    expect(codigoDeEncabezado(encabezado)).toBeNull();
  });

  it.each([
    ['Código SIGEP', 'codigoSigep'],
    ['CODIGO\nSIGEP', 'codigoSigep'],
    ['Entidad', 'entidad'],
    ['Nombre de la entidad', 'entidad'],
    ['Tipo Formulario', 'tipoFormulario'],
    ['Naturaleza Jurídica', 'naturalezaJuridica'],
    ['Grupo par', 'grupoPar'],
    ['GRUPO PAR', 'grupoPar'],
    ['Clasificación orgánica', null],
  ])('«%s» identifica %s', (encabezado, columna) => {
    expect(columnaDeIdentificacion(encabezado)).toBe(columna);
  });
});

describe('puntajes', () => {
  it.each([
    [57.9, 57.9],
    ['57,9', 57.9],
    [' 81.40 ', 81.4],
    ['100', 100],
    [0, 0],
    ['0', 0],
    ['', null],
    [null, null],
    [undefined, null],
    ['N/A', null],
    ['No aplica', null],
    ['-', null],
    [101, 'invalido'],
    [-1, 'invalido'],
    ['100,5', 'invalido'],
    ['alto', 'invalido'],
    ['1.234,5', 'invalido'],
    [Number.NaN, 'invalido'],
    [Number.POSITIVE_INFINITY, 'invalido'],
  ] as [CeldaTabla, number | null | 'invalido'][])('%j → %j', (celda, esperado) => {
    expect(leerPuntaje(celda)).toBe(esperado);
  });
});

describe('archivo de resultados', () => {
  // As recent files come: two title rows, the header in row 3, codes with line breaks, a blank meaning
  // «no aplica», and a personería on the control-interno-only form with POL19 alone.
  const archivo = hoja(
    ['Resultados FURAG vigencia 2025'],
    ['Fuente: Función Pública (archivo sintético de prueba)'],
    [
      'Código SIGEP',
      'Entidad',
      'Departamento',
      'Municipio',
      'Tipo de formulario',
      'Naturaleza Jurídica',
      'Grupo par',
      'Índice de Desempeño\nInstitucional',
      'D04\nEvaluación de Resultados',
      'POL19 Índice de\nControl Interno',
      'I01 Calidad de la planeación estratégica del talento humano',
      'Observaciones',
    ],
    [
      '1001',
      'E.S.E. Hospital Uno',
      'Putumayo',
      'Mocoa',
      'MIPG',
      'Descentralizada',
      'ESE GRUPO 1',
      61.5,
      '70,2',
      80,
      '',
    ],
    [
      '1002',
      'Personería de Mocoa',
      'Putumayo',
      'Mocoa',
      'MECI',
      'Órgano de control',
      null,
      '',
      '',
      '55,5',
      '',
    ],
    [],
    [
      '1003',
      'E.S.E. Hospital Dos',
      'Putumayo',
      'Sibundoy',
      'MIPG',
      'Descentralizada',
      'ESE GRUPO 1',
      70,
      65,
      90,
      40,
    ],
  );

  it('encuentra el encabezado en la fila 3 y lee cada columna por su código; vacío es «no aplica»', () => {
    const r = leerArchivoResultados(archivo);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.filaEncabezado).toBe(3);
    expect(r.columnas.reconocidas.map((c) => c.codigo)).toEqual(['IDI', 'D4', 'POL19', 'I01']);
    expect(r.columnas.ignoradas).toEqual(['Observaciones']);
    expect(r.entidades.map((e) => e.entidad)).toEqual([
      'E.S.E. Hospital Uno',
      'Personería de Mocoa',
      'E.S.E. Hospital Dos',
    ]);
    expect(r.entidades[0]!.puntajes).toEqual({ IDI: 61.5, D4: 70.2, POL19: 80 });
    // Control-interno-only form: POL19 alone; the blanks are absent, not zero.
    expect(r.entidades[1]).toMatchObject({ codigoSigep: '1002', tipoFormulario: 'MECI', grupoPar: null });
    expect(r.entidades[1]!.puntajes).toEqual({ POL19: 55.5 });
    expect(r.entidades[2]).toMatchObject({ fila: 7, municipio: 'Sibundoy', puntajes: { I01: 40 } });
  });

  it('las columnas se reconocen por código, no por posición', () => {
    const ancho = archivo[2]!.celdas.length;
    const movidas = archivo.map((f) => ({
      ...f,
      celdas: Array.from({ length: ancho }, (_, i) => f.celdas[i] ?? null).reverse(),
    }));
    const r = leerArchivoResultados(movidas);
    expect(r.ok && r.entidades.map((e) => e.puntajes)).toEqual(
      leerArchivoResultados(archivo).ok && [
        { IDI: 61.5, D4: 70.2, POL19: 80 },
        { POL19: 55.5 },
        { IDI: 70, D4: 65, POL19: 90, I01: 40 },
      ],
    );
  });

  it('rechaza todo el archivo con cada problema en su fila y su columna, en español', () => {
    const malo = hoja(
      ['Código SIGEP', 'Entidad', 'IDI', 'POL01 Talento humano'],
      ['1', 'Alcaldía de Uno', '120', 'alto'],
      ['1', 'Alcaldía de Otro', 50, 50],
      ['2', '', 50, 50],
    );
    const r = leerArchivoResultados(malo);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.mensaje).toBe('El archivo tiene 4 problemas: no se cargó ningún resultado.');
    expect(r.problemas).toEqual([
      {
        fila: 2,
        columna: 'IDI',
        problema: '«120» no es un puntaje de 0 a 100 (deje la celda vacía si no aplica).',
      },
      {
        fila: 2,
        columna: 'POL01 Talento humano',
        problema: '«alto» no es un puntaje de 0 a 100 (deje la celda vacía si no aplica).',
      },
      { fila: 3, columna: 'Código SIGEP', problema: 'El código SIGEP 1 ya está en la fila 2.' },
      { fila: 4, columna: 'Entidad', problema: 'Falta el nombre de la entidad.' },
    ]);
  });

  it('una columna repetida, un archivo sin encabezado o sin filas se rechazan con su razón', () => {
    const repetida = leerArchivoResultados(
      hoja(['Entidad', 'IDI', 'Índice de Desempeño Institucional'], ['A', 1, 2]),
    );
    expect(!repetida.ok && repetida.problemas[0]).toMatchObject({
      fila: 1,
      problema: 'Repite la columna «IDI»: cada medición y cada dato de la entidad va en una sola columna.',
    });
    const sinEncabezado = leerArchivoResultados(hoja(['Nombre', 'Valor'], ['A', 1]));
    expect(!sinEncabezado.ok && sinEncabezado.mensaje).toMatch(/^No se encontró la fila de encabezados/);
    const vacio = leerArchivoResultados(hoja(['Entidad', 'IDI'], [], []));
    expect(!vacio.ok && vacio.mensaje).toBe('El archivo no tiene filas de entidades bajo los encabezados.');
  });

  it('tiene topes de filas, columnas y largo de texto', () => {
    const anchas = leerArchivoResultados(
      hoja(['Entidad', 'IDI', ...Array.from({ length: LIMITES_RESULTADOS.columnas }, (_, i) => `X${i}`)]),
    );
    expect(!anchas.ok && anchas.mensaje).toMatch(/columnas; el máximo es 400/);
    const largas = leerArchivoResultados(hoja(['Entidad', 'IDI'], ['x'.repeat(301), 50]));
    expect(!largas.ok && largas.problemas[0]!.problema).toBe('Tiene más de 300 caracteres.');
    const nula = leerArchivoResultados(hoja(['Entidad', 'IDI'], ['Alcaldía\u0000', 50]));
    expect(nula.ok).toBe(false);
  });
});

describe('grupo par', () => {
  // Hand-computed: 50, 60, 60, 70, 80 → mean 64; places 5, 3, 3, 2, 1 (ties share the best place); quintiles
  // by the mid-rank percentile: 50 → 0,1 → 1; 60 → 0,4 → 3; 70 → 0,7 → 4; 80 → 0,9 → 5.
  const grupo = estadisticaDe([70, 60, 80, 50, 60])!;
  it('promedio, máximo y mínimo', () => {
    expect(grupo).toMatchObject({ n: 5, promedio: 64, maximo: 80, minimo: 50 });
  });
  it.each([
    [80, 1, 5],
    [70, 2, 4],
    [60, 3, 3],
    [50, 5, 1],
    [65, 3, 4],
    [100, 1, 5],
    [0, 6, 1],
  ])('un puntaje de %d queda en el puesto %d y el quintil %d', (puntaje, posicion, quintil) => {
    expect(ubicar(grupo, puntaje)).toEqual({ posicion, quintil });
  });
  it('sin puntajes no hay estadística; una entidad sola queda en el quintil del medio', () => {
    expect(estadisticaDe([])).toBeNull();
    expect(ubicar(estadisticaDe([42])!, 42)).toEqual({ posicion: 1, quintil: 3 });
  });

  it('por grupo y medición, desde el archivo: «no aplica» no cuenta, una entidad sin grupo tampoco', () => {
    const r = leerArchivoResultados(
      hoja(
        ['Entidad', 'Grupo par', 'IDI', 'POL19'],
        ['A', 'G1', 50, ''],
        ['B', 'G1', 70, 90],
        ['C', 'G2', 40, 30],
        ['D', '', 99, 99],
      ),
    );
    if (!r.ok) throw new Error(r.mensaje);
    const e = estadisticasPorGrupo(r.entidades);
    expect([...e.keys()]).toEqual(['G1', 'G2']);
    expect(e.get('G1')!.get('IDI')).toMatchObject({ n: 2, promedio: 60, maximo: 70, minimo: 50 });
    expect(e.get('G1')!.get('POL19')).toMatchObject({ n: 1, promedio: 90 });
  });

  const puntaje = fc.double({ min: 0, max: 100, noNaN: true });
  it('propiedades: rango, orden y que el orden del archivo no cambie nada', () => {
    fc.assert(
      fc.property(fc.array(puntaje, { minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (xs, i, j) => {
        const e = estadisticaDe(xs)!;
        expect(e.minimo).toBeLessThanOrEqual(e.promedio);
        expect(e.promedio).toBeLessThanOrEqual(e.maximo);
        expect(estadisticaDe([...xs].reverse())).toEqual(e);
        const a = xs[i % xs.length]!;
        const b = xs[j % xs.length]!;
        const [ua, ub] = [ubicar(e, a), ubicar(e, b)];
        for (const u of [ua, ub]) {
          expect(u.posicion).toBeGreaterThanOrEqual(1);
          expect(u.posicion).toBeLessThanOrEqual(e.n);
          expect(u.quintil).toBeGreaterThanOrEqual(1);
          expect(u.quintil).toBeLessThanOrEqual(5);
        }
        if (a <= b) {
          expect(ua.quintil).toBeLessThanOrEqual(ub.quintil);
          expect(ua.posicion).toBeGreaterThanOrEqual(ub.posicion);
        }
        expect(ubicar(e, e.maximo).posicion).toBe(1);
      }),
    );
  });

  it('propiedad: un vacío nunca cuenta como cero ni como respondido', () => {
    fc.assert(
      fc.property(fc.array(fc.option(puntaje, { nil: null }), { minLength: 1, maxLength: 40 }), (celdas) => {
        const r = leerArchivoResultados(
          hoja(['Entidad', 'Grupo par', 'IDI'], ...celdas.map((c, i) => [`Entidad ${i}`, 'G', c])),
        );
        if (!r.ok) throw new Error(r.mensaje);
        const con = celdas.filter((c): c is number => c !== null);
        expect(r.entidades.filter((e) => 'IDI' in e.puntajes)).toHaveLength(con.length);
        const est = estadisticasPorGrupo(r.entidades).get('G')?.get('IDI');
        expect(est?.n ?? 0).toBe(con.length);
        if (con.length) expect(est!.minimo).toBe(Math.min(...con));
      }),
    );
  });
});

describe('la fila de la entidad', () => {
  const r = leerArchivoResultados(
    hoja(
      ['Código SIGEP', 'Entidad', 'IDI'],
      ['2281', 'E.S.E. HOSPITAL JOSÉ MARÍA HERNÁNDEZ', 70],
      ['2282', 'Alcaldía de Mocoa', 60],
      ['2283', 'Alcaldía de Mocoa', 61],
      ['2284', 'Hospital Pío XII de Colón', 55],
    ),
  );
  if (!r.ok) throw new Error(r.mensaje);
  it('por código SIGEP primero', () => {
    expect(buscarEntidad(r.entidades, { codigoSigep: '2284', nombre: 'otra' })).toMatchObject({
      tipo: 'sigep',
      entidad: { entidad: 'Hospital Pío XII de Colón' },
    });
  });
  it('por nombre exacto sin tildes, mayúsculas ni puntos cuando hay uno solo', () => {
    expect(
      buscarEntidad(r.entidades, { codigoSigep: '9999', nombre: 'ESE Hospital Jose Maria Hernandez' }),
    ).toMatchObject({ tipo: 'nombre', entidad: { codigoSigep: '2281' } });
  });
  it('si el nombre se repite o no coincide del todo, ofrece candidatos', () => {
    const repetido = buscarEntidad(r.entidades, { nombre: 'Alcaldía de Mocoa' });
    expect(repetido.tipo === 'candidatos' && repetido.candidatos.map((c) => c.codigoSigep)).toEqual([
      '2282',
      '2283',
    ]);
    const parecido = buscarEntidad(r.entidades, { nombre: 'Hospital José María Hernández de Mocoa' });
    expect(parecido.tipo === 'candidatos' && parecido.candidatos[0]!.codigoSigep).toBe('2281');
    const nada = buscarEntidad(r.entidades, { nombre: 'Gobernación del Amazonas' });
    expect(nada).toEqual({ tipo: 'candidatos', candidatos: [] });
  });
});

describe('lectura de los resultados', () => {
  const m = (codigo: string, puntaje: number | null, promedio?: number) => ({
    codigo,
    puntaje,
    grupoPar: promedio === undefined ? null : { promedio },
  });

  it.each([
    ['el menor puntaje primero', [m('I01', 70), m('I02', 40), m('I03', 55)], 2, ['I02', 'I03']],
    ['un índice que no aplica nunca es débil', [m('I01', null), m('I02', 80)], 3, ['I02']],
    [
      'a igual puntaje, el más lejos del promedio de su grupo',
      [m('I01', 50, 60), m('I02', 50, 80)],
      2,
      ['I02', 'I01'],
    ],
    ['a igual puntaje y brecha, por código', [m('I02', 50), m('I01', 50)], 2, ['I01', 'I02']],
    ['ninguno pedido', [m('I01', 10)], 0, []],
  ])('%s', (_caso, indices, cuantos, codigos) => {
    expect(indicesMasDebiles(indices, cuantos).map((x) => x.codigo)).toEqual(codigos);
  });

  it('los más débiles son los de menor puntaje de los que aplican, sin importar el orden de entrada', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (puntajes, n) => {
          const indices = puntajes.map((p, i) => m(`I${String(i + 1).padStart(2, '0')}`, p));
          const debiles = indicesMasDebiles(indices, n);
          const aplican = puntajes.filter((p): p is number => p !== null).sort((a, b) => a - b);
          expect(debiles.map((d) => d.puntaje)).toEqual(aplican.slice(0, n));
          expect(indicesMasDebiles([...indices].reverse(), n)).toEqual(debiles);
        },
      ),
    );
  });
});
