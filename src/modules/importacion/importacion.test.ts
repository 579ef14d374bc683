import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exigirEstado } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { hojaHastaLaUltimaFila } from './hoja-prueba.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: AppPrueba;
let entidadId: string;
let admin: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('Alcaldía de Mocoa', '800102891-6');
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
  exigirEstado(
    await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/dependencias`, {
      nombre: 'Despacho del Alcalde',
      codigo: '100',
    }),
    201,
    'crear la dependencia raíz',
  );
});
afterAll(() => t.cerrar());

const importar = (contenido: Buffer, tipo: string, sesion: Sesion = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/entidades/${entidadId}/dependencias/importar`,
    headers: { cookie: sesion.cookie, 'x-csrf-token': sesion.csrf, 'content-type': tipo },
    payload: contenido,
  });
const dependencias = async () =>
  (await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/dependencias`)).json() as {
    id: string;
    nombre: string;
    codigo: string | null;
    padreId: string | null;
  }[];

describe('importar dependencias', () => {
  it('la plantilla .xlsx llena se importa con su jerarquía, y queda en la auditoría', async () => {
    const plantilla = await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/dependencias/plantilla.xlsx`);
    expect(plantilla.statusCode).toBe(200);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(plantilla.rawPayload as unknown as ArrayBuffer);
    const hoja = libro.getWorksheet('Dependencias')!;
    expect(hoja.getRow(1).values).toEqual([undefined, 'Nombre', 'Código', 'Depende de']);
    hoja.addRow(['Archivo Central', 'AC', 'Secretaría General']);
    hoja.addRow(['Secretaría General', '200', '100']);
    const r = await importar(Buffer.from(await libro.xlsx.writeBuffer()), XLSX);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ importadas: 2 });
    const todas = await dependencias();
    const por = (n: string) => todas.find((d) => d.nombre === n)!;
    expect(por('Secretaría General').padreId).toBe(por('Despacho del Alcalde').id);
    expect(por('Archivo Central').padreId).toBe(por('Secretaría General').id);
    const auditoria = (await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/auditoria`)).json();
    expect(JSON.stringify(auditoria)).toContain('Archivo Central');
  });

  it('un CSV de Excel en Colombia (separado por «;», en Windows-1252) se lee con sus tildes', async () => {
    const csv = Buffer.from(
      'Nombre;Código;Depende de\r\nOficina de Control Interno;300;Despacho del Alcalde\r\n',
      'latin1',
    );
    const r = await importar(csv, 'text/csv');
    expect(r.statusCode, r.body).toBe(201);
    expect((await dependencias()).map((d) => d.nombre)).toContain('Oficina de Control Interno');
  });

  it('un CSV en UTF-8 con BOM y comas también', async () => {
    const csv = Buffer.from('\uFEFFNombre,Código,Depende de\n"Planeación, Proyectos",400,\n', 'utf8');
    const r = await importar(csv, 'text/csv; charset=utf-8');
    expect(r.statusCode, r.body).toBe(201);
    expect((await dependencias()).map((d) => d.nombre)).toContain('Planeación, Proyectos');
  });

  it('con un problema en cualquier fila no importa nada e informa fila, columna y problema', async () => {
    const antes = await dependencias();
    const csv = Buffer.from(
      'Nombre;Código;Depende de\nTesorería;500;Secretaría de Hacienda\nsecretaria general;;\nTalento Humano;600;\n',
    );
    const r = await importar(csv, 'text/csv');
    expect(r.statusCode).toBe(400);
    expect(r.json().mensaje).toBe(
      'El archivo tiene 2 problemas: no se importó ninguna dependencia. Corríjalos y vuelva a cargarlo.',
    );
    expect(r.json().problemas).toEqual([
      {
        fila: 2,
        columna: 'Depende de',
        problema: '«Secretaría de Hacienda» no es una dependencia de la entidad ni de este archivo',
      },
      { fila: 3, columna: 'Nombre', problema: '«secretaria general» ya existe en la entidad' },
    ]);
    expect(await dependencias()).toEqual(antes);
  });

  it('dos importaciones iguales a la vez: una entra y la otra informa los nombres repetidos', async () => {
    const csv = Buffer.from('Nombre;Código\nComunicaciones;700\n');
    const [a, b] = await Promise.all([importar(csv, 'text/csv'), importar(csv, 'text/csv')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 400]);
    expect((await dependencias()).filter((d) => d.nombre === 'Comunicaciones')).toHaveLength(1);
  });

  it('archivos que no son tabla, vacíos o demasiado anchos se rechazan en español; solo quien administra importa', async () => {
    expect((await importar(Buffer.from('%PDF-1.4'), XLSX)).json().mensaje).toBe(
      'El archivo no es un libro de Excel (.xlsx) válido.',
    );
    expect((await importar(Buffer.from(''), 'text/csv')).statusCode).toBe(400);
    const ancho = Buffer.from(`${Array.from({ length: 61 }, (_, i) => `c${i}`).join(';')}\n`);
    const r = await importar(ancho, 'text/csv');
    expect(r.statusCode).toBe(413);
    expect(r.json().mensaje).toContain('60 columnas');
    const planeacion = await t.usuarioCon(entidadId, ['planeacion']);
    expect((await importar(Buffer.from('Nombre\nX y Z\n'), 'text/csv', planeacion)).statusCode).toBe(403);
  });

  it('demasiadas filas: el mensaje habla de dependencias, no de actividades', async () => {
    const r = await importar(await hojaHastaLaUltimaFila('Dependencias'), XLSX);
    expect(r.statusCode).toBe(413);
    expect(r.json().mensaje).toBe(
      'La hoja «Dependencias» tiene datos en la fila 1.048.576: se admiten como máximo 20.000 filas de dependencias (hasta la fila 20.001). Borre las filas sobrantes o divida la lista de dependencias en varios archivos.',
    );
  });
});
