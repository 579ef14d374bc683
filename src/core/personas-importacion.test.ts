import { describe, expect, it } from 'vitest';
import { MAXIMO_PERSONAS, validarPersonas } from './personas-importacion.ts';
import type { FilaTabla } from './tabla-importacion.ts';

const ENC = ['Nombre', 'Correo', 'Roles', 'Cargo'];
const filas = (...datos: (string | null)[][]): FilaTabla[] =>
  datos.map((celdas, i) => ({ numero: i + 2, celdas }));
const cuentas = new Map([
  ['ana@alcaldia.gov.co', { enEntidad: true }],
  ['luis@otra.gov.co', { enEntidad: false }],
]);

describe('importar personas: archivos correctos', () => {
  it.each([
    {
      caso: 'roles por su nombre en pantalla, sin tildes ni mayúsculas, varios separados por coma',
      fila: ['  María   Pérez ', 'Maria.Perez@Alcaldia.gov.co', 'consulta, RESPONSABLE DE POLITICA', 'Jefe'],
      esperado: {
        nombre: 'María Pérez',
        correo: 'maria.perez@alcaldia.gov.co',
        cargo: 'Jefe',
        roles: ['consulta', 'responsable_politica'],
      },
    },
    {
      caso: 'rol por su código, repetido cuenta una vez, sin cargo',
      fila: ['Pedro Gómez', 'pedro@alcaldia.gov.co', 'planeacion; Planeación / líder MIPG (2.ª línea)', null],
      esperado: {
        nombre: 'Pedro Gómez',
        correo: 'pedro@alcaldia.gov.co',
        cargo: null,
        roles: ['planeacion'],
      },
    },
  ])('$caso', ({ fila, esperado }) => {
    expect(validarPersonas(ENC, filas(fila), cuentas)).toEqual({
      ok: true,
      personas: [{ fila: 2, ...esperado }],
    });
  });
});

describe('importar personas: el informe dice fila, columna y problema', () => {
  it.each([
    {
      caso: 'falta una columna obligatoria',
      encabezados: ['Nombre', 'Correo'],
      filas: filas(['Ana', 'a@b.co']),
      problemas: [
        { fila: 1, columna: 'Roles', problema: expect.stringContaining('falta la columna «Roles»') },
      ],
    },
    {
      caso: 'correo repetido dentro del archivo (sin importar mayúsculas)',
      encabezados: ENC,
      filas: filas(['Ana Ruiz', 'ana.r@x.co', 'Consulta'], ['Ana Ruiz 2', 'ANA.R@x.co', 'Consulta']),
      problemas: [
        { fila: 3, columna: 'Correo', problema: 'ana.r@x.co está repetido (también en la fila 2)' },
      ],
    },
    {
      caso: 'persona que ya trabaja en la entidad y cuenta de otra entidad',
      encabezados: ENC,
      filas: filas(
        ['Ana Díaz', 'ana@alcaldia.gov.co', 'Consulta'],
        ['Luis Mora', 'luis@otra.gov.co', 'Consulta'],
      ),
      problemas: [
        { fila: 2, columna: 'Correo', problema: expect.stringContaining('ya trabaja en la entidad') },
        { fila: 3, columna: 'Correo', problema: expect.stringContaining('ya tiene cuenta en MIPG Abierto') },
      ],
    },
    {
      caso: 'rol desconocido, sin rol, correo inválido, nombre corto y cargo largo',
      encabezados: ENC,
      filas: filas(['Jo', 'no-es-correo', 'Alcalde', 'x'.repeat(121)], ['Rosa Peña', 'rosa@x.co', null]),
      problemas: [
        { fila: 2, columna: 'Nombre', problema: 'escriba el nombre completo' },
        { fila: 2, columna: 'Correo', problema: '«no-es-correo» no es un correo electrónico válido' },
        { fila: 2, columna: 'Cargo', problema: 'el cargo no puede tener más de 120 caracteres' },
        { fila: 2, columna: 'Roles', problema: expect.stringContaining('«Alcalde» no es un rol') },
        { fila: 3, columna: 'Roles', problema: expect.stringContaining('escriba al menos un rol') },
      ],
    },
    {
      caso: 'archivo sin personas',
      encabezados: ENC,
      filas: filas([null, '', null]),
      problemas: [{ fila: 2, columna: 'Nombre', problema: 'el archivo no tiene personas' }],
    },
    {
      caso: 'más filas que el máximo',
      encabezados: ENC,
      filas: filas(
        ...Array.from({ length: MAXIMO_PERSONAS + 1 }, (_, i) => [`Persona ${i}`, `p${i}@x.co`, 'Consulta']),
      ),
      problemas: [
        {
          fila: MAXIMO_PERSONAS + 2,
          columna: 'Nombre',
          problema: 'se importan como máximo 500 personas por archivo',
        },
      ],
    },
  ])('$caso', ({ encabezados, filas, problemas }) => {
    expect(validarPersonas(encabezados, filas, cuentas)).toEqual({ ok: false, problemas });
  });
});
