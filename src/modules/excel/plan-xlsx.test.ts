import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { datosEntrada, leerDirectorioZip } from '../../core/zip.ts';
import { escribirZip } from '../../core/zip-prueba.ts';
import { ErrorApi } from '../../server/errores.ts';
import { leerLibroPlanEnHilo } from './leer-en-hilo.ts';
import { leerLibroPlan, letraColumna } from './plan-xlsx.ts';

const xlsx = async (llenar: (hoja: ExcelJS.Worksheet) => void) => {
  const libro = new ExcelJS.Workbook();
  llenar(libro.addWorksheet('Plan de acción'));
  return Buffer.from(await libro.xlsx.writeBuffer());
};

describe('leer la hoja del plan', () => {
  it('solo recorre las celdas presentes: XFD1 + A1048576 se rechaza enseguida, sin agotar la memoria', async () => {
    const archivo = await xlsx((h) => {
      h.getCell('A1').value = 'Código';
      h.getCell('XFD1').value = 'x';
      h.getCell('A1048576').value = 'y';
    });
    const t0 = performance.now();
    const r = await leerLibroPlan(archivo);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r).toMatchObject({ ok: false, status: 413, mensaje: expect.stringContaining('columna XFD') });
  });

  it('combinar, validar o nombrar toda la hoja (A1:XFD1048576) no se expande celda por celda', async () => {
    const base = await xlsx((h) => h.addRow(['Código', 'Actividad']));
    const zip = leerDirectorioZip(base, { entradas: 100, descomprimidoTotal: 1e8 });
    if (!zip.ok) throw new Error('ExcelJS escribió un ZIP ilegible');
    const toda = 'A1:XFD1048576';
    const hostil = escribirZip(
      zip.entradas.map((e) => {
        const datos = datosEntrada(base, e)!;
        let xml = (e.metodo === 8 ? inflateRawSync(datos) : Buffer.from(datos)).toString('utf8');
        if (e.nombre === 'xl/worksheets/sheet1.xml')
          xml = xml.replace(
            '</sheetData>',
            `</sheetData><mergeCells count="1"><mergeCell ref="${toda}"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="${toda}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
          );
        if (e.nombre === 'xl/workbook.xml')
          xml = xml.replace(
            '</sheets>',
            `</sheets><definedNames><definedName name="Datos">'Plan de acción'!$A$1:$XFD$1048576</definedName></definedNames>`,
          );
        return { nombre: e.nombre, contenido: Buffer.from(xml) };
      }),
    );
    const t0 = performance.now();
    const r = await leerLibroPlan(hostil);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r).toEqual({ ok: true, encabezados: ['Código', 'Actividad'], filas: [] });
  });

  it('devuelve cada fila con su número en la hoja, sin las filas en blanco', async () => {
    const r = await leerLibroPlan(
      await xlsx((h) => {
        h.getRow(1).values = ['Código', 'Actividad'];
        h.getRow(2).values = ['A-1', 'Primera'];
        h.getRow(5).values = ['A-2', null, 'nota'];
      }),
    );
    expect(r).toEqual({
      ok: true,
      encabezados: ['Código', 'Actividad'],
      filas: [
        { numero: 2, celdas: ['A-1', 'Primera'] },
        { numero: 5, celdas: ['A-2', null, 'nota'] },
      ],
    });
  });

  it('las letras de las columnas son las de Excel', () => {
    expect([1, 26, 27, 60, 702, 703, 16_384].map(letraColumna)).toEqual([
      'A',
      'Z',
      'AA',
      'BH',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

describe('leer en un hilo aparte', () => {
  const pequeno = () => xlsx((h) => h.addRow(['Código']));

  it('lo que no es un ZIP se responde sin iniciar un hilo', async () => {
    const t0 = performance.now();
    expect(await leerLibroPlanEnHilo(Buffer.from('%PDF-1.4'))).toMatchObject({ ok: false, status: 400 });
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('el límite de tiempo termina el hilo (503) y el de memoria también (413), en español', async () => {
    const archivo = await pequeno();
    await expect(leerLibroPlanEnHilo(archivo, { tiempoMs: 1, memoriaMb: 256 })).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('se canceló'),
    });
    await expect(leerLibroPlanEnHilo(archivo, { tiempoMs: 60_000, memoriaMb: 4 })).rejects.toMatchObject({
      status: 413,
      message: expect.stringContaining('más de 4 MB de memoria'),
    });
  });

  it('a lo sumo dos lecturas a la vez: la tercera recibe 503 de inmediato', async () => {
    const archivo = await pequeno();
    const dos = [leerLibroPlanEnHilo(archivo), leerLibroPlanEnHilo(archivo)];
    const tercera = await leerLibroPlanEnHilo(archivo).catch((e: unknown) => e);
    expect(tercera).toBeInstanceOf(ErrorApi);
    expect((tercera as ErrorApi).status).toBe(503);
    for (const r of await Promise.all(dos)) expect(r).toMatchObject({ ok: true, encabezados: ['Código'] });
  });
});
