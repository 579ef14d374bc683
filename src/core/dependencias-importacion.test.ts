import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FilaTabla, validarDependencias } from './dependencias-importacion.ts';

const ENC = ['Nombre', 'Código', 'Depende de'];
const filas = (...datos: (string | null)[][]): FilaTabla[] =>
  datos.map((celdas, i) => ({ numero: i + 2, celdas }));
const existentes = [
  { id: 'd-gerencia', nombre: 'Gerencia', codigo: '100' },
  { id: 'd-planeacion', nombre: 'Oficina Asesora de Planeación', codigo: '110' },
];

describe('importar dependencias: casos', () => {
  it.each([
    {
      caso: 'una jerarquía nueva colgada de una existente, con el padre después del hijo en el archivo',
      filas: filas(
        ['Archivo central', 'AC', 'Subgerencia Administrativa'],
        ['Subgerencia Administrativa', '200', 'gerencia'],
      ),
      esperado: [
        { fila: 3, nombre: 'Subgerencia Administrativa', codigo: '200', padre: { id: 'd-gerencia' } },
        { fila: 2, nombre: 'Archivo central', codigo: 'AC', padre: { fila: 3 } },
      ],
    },
    {
      caso: 'el padre se nombra por su código, sin importar tildes ni mayúsculas',
      filas: filas(['Banco de proyectos', null, '110'], ['Calidad', null, 'OFICINA ASESORA DE PLANEACION']),
      esperado: [
        { fila: 2, nombre: 'Banco de proyectos', codigo: null, padre: { id: 'd-planeacion' } },
        { fila: 3, nombre: 'Calidad', codigo: null, padre: { id: 'd-planeacion' } },
      ],
    },
    {
      caso: 'espacios repetidos en el nombre se reducen y las filas en blanco se saltan',
      filas: filas(['  Talento   Humano ', null, null], [null, null, null], ['Jurídica', 'J', '']),
      esperado: [
        { fila: 2, nombre: 'Talento Humano', codigo: null, padre: null },
        { fila: 4, nombre: 'Jurídica', codigo: 'J', padre: null },
      ],
    },
  ])('$caso', ({ filas: f, esperado }) => {
    expect(validarDependencias(ENC, f, existentes)).toEqual({ ok: true, dependencias: esperado });
  });

  it.each([
    {
      caso: 'nombre que ya existe (sin tildes) y repetido en el archivo',
      filas: filas(
        ['oficina asesora de planeacion', null, null],
        ['Calidad', null, null],
        ['CALIDAD', null, null],
      ),
      problemas: [
        { fila: 2, columna: 'Nombre', problema: '«oficina asesora de planeacion» ya existe en la entidad' },
        { fila: 4, columna: 'Nombre', problema: '«CALIDAD» está repetida (también en la fila 3)' },
      ],
    },
    {
      caso: 'código ajeno, código largo y nombre vacío',
      filas: filas(['Calidad', '100', null], ['Control', 'X'.repeat(21), null], [null, 'Z', null]),
      problemas: [
        { fila: 2, columna: 'Código', problema: 'el código 100 ya es de otra dependencia de la entidad' },
        { fila: 3, columna: 'Código', problema: 'el código no puede tener más de 20 caracteres' },
        { fila: 4, columna: 'Nombre', problema: 'escriba el nombre de la dependencia' },
      ],
    },
    {
      caso: 'padre que no existe y padre que es ella misma',
      filas: filas(['Calidad', null, 'Secretaría de Hacienda'], ['Control', 'C', 'C']),
      problemas: [
        {
          fila: 2,
          columna: 'Depende de',
          problema: '«Secretaría de Hacienda» no es una dependencia de la entidad ni de este archivo',
        },
        { fila: 3, columna: 'Depende de', problema: 'una dependencia no puede depender de sí misma' },
      ],
    },
    {
      caso: 'un ciclo dentro del archivo',
      filas: filas(['Área A', null, 'Área B'], ['Área B', null, 'Área A'], ['Área C', null, 'Gerencia']),
      problemas: [
        { fila: 2, columna: 'Depende de', problema: expect.stringContaining('ciclo') },
        { fila: 3, columna: 'Depende de', problema: expect.stringContaining('ciclo') },
      ],
    },
  ])('$caso → nada se importa', ({ filas: f, problemas }) => {
    expect(validarDependencias(ENC, f, existentes)).toEqual({ ok: false, problemas });
  });

  it('sin la columna Nombre pide la plantilla; sin filas lo dice', () => {
    expect(validarDependencias(['Dependencia'], filas(['x']), [])).toMatchObject({
      ok: false,
      problemas: [{ fila: 1, columna: 'Nombre', problema: expect.stringContaining('plantilla') }],
    });
    expect(validarDependencias(ENC, [], [])).toMatchObject({
      ok: false,
      problemas: [{ problema: 'el archivo no tiene dependencias' }],
    });
  });

  it('más de 2.000 filas se rechazan diciendo el límite', () => {
    const muchas = filas(...Array.from({ length: 2001 }, (_, i) => [`Dependencia ${i}`, null, null]));
    expect(validarDependencias(ENC, muchas, [])).toMatchObject({
      ok: false,
      problemas: [{ fila: 2002, problema: expect.stringContaining('2.000') }],
    });
  });
});

describe('importar dependencias: propiedades', () => {
  it('cuando es válido, cada padre nuevo queda antes que sus hijos y no falta ninguna fila', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 40 }), (padres) => {
        // Row i may hang from an earlier row (a forest, so no cycles) or from an existing dependencia.
        const datos = padres.map((p, i) => [
          `Dependencia ${i}`,
          null,
          p === null ? null : i === 0 || p % 3 === 0 ? 'Gerencia' : `Dependencia ${p % i}`,
        ]);
        const r = validarDependencias(ENC, filas(...datos), existentes);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.dependencias).toHaveLength(padres.length);
        const posicion = new Map(r.dependencias.map((d, i) => [d.fila, i]));
        for (const [i, d] of r.dependencias.entries())
          if (d.padre && 'fila' in d.padre) expect(posicion.get(d.padre.fila)!).toBeLessThan(i);
      }),
    );
  });
});
