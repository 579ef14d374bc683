import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digitoVerificacion } from '../../core/nit.ts';
import { escribirZip } from '../../core/zip-prueba.ts';
import { rolUsuario } from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let a: string;
let b: string;
let planeacionA: Sesion;
let planeacionB: Sesion;
let responsable: Sesion & { id: string };
let exportado: Buffer;
let corresponsableId: string;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importar = (s: Sesion, entidadId: string, contenido: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/entidades/${entidadId}/plan/2026/import.xlsx`,
    payload: contenido,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX },
  });
const libroDe = async (contenido: Buffer) => {
  const libro = new ExcelJS.Workbook();
  await libro.xlsx.load(contenido as unknown as ArrayBuffer);
  return libro;
};

beforeAll(async () => {
  t = await crearAppPrueba();
  a = await t.crearEntidad('Alcaldía de Mocoa', '846000253-6');
  b = await t.crearEntidad('Alcaldía de Villagarzón', '800197268-4');
  planeacionA = await t.usuarioCon(a, ['planeacion']);
  planeacionB = await t.usuarioCon(b, ['planeacion']);
  responsable = await t.usuarioCon(a, ['responsable_actividad'], 'yolanda@territorio.example');
  const pedro = await t.usuarioCon(a, ['responsable_actividad'], 'pedro@territorio.example');
  // Both also work in B (an accepted invitation, written directly: the invitation flow is not under test).
  await t.conexion.db.insert(rolUsuario).values(
    [responsable.id, pedro.id].map((usuarioId) => ({
      usuarioId,
      entidadId: b,
      rol: 'responsable_actividad' as const,
    })),
  );
  corresponsableId = pedro.id;
  const deps: Record<string, string> = {};
  for (const e of [a, b]) {
    const r = await t.pedir(t.admin, 'POST', `/api/entidades/${e}/dependencias`, {
      nombre: 'Secretaría de Gobierno',
    });
    deps[e] = r.json().id;
  }
  const actividades = [
    ['GOB-01', 'integridad', 60, [1, 1, 1, 1], 'Socializar el código de integridad', 12_500_000],
    ['GOB-02', 'integridad', 40, [0, 1, 0, 0], 'Actualizar el procedimiento de conflicto de intereses', null],
    [
      'GD-01',
      'gestion_documental',
      100,
      [25, 50, 75, 100],
      'Organizar el archivo central según las TRD',
      48_000_000,
    ],
  ] as const;
  // One goal type each: a flow, a milestone, a running total (the round trip must keep them).
  const tipos = { 'GOB-01': 'suma', 'GOB-02': 'hito', 'GD-01': 'ultimo' } as const;
  for (const [codigo, politica, ponderacion, metas, nombre, presupuesto] of actividades) {
    const r = await t.pedir(planeacionA, 'POST', `/api/entidades/${a}/planes/2026/actividades`, {
      politica,
      codigo,
      nombre,
      producto: 'Informe con soportes',
      metaAnual:
        tipos[codigo] === 'suma'
          ? (metas as readonly number[]).reduce((x, y) => x + y, 0)
          : Math.max(...metas),
      acumulacion: tipos[codigo],
      unidad: politica === 'gestion_documental' ? '%' : 'jornadas',
      metasPeriodo: metas,
      ponderacion,
      dependenciaId: deps[a],
      responsableId: responsable.id,
      corresponsables: codigo === 'GOB-01' ? [corresponsableId] : [],
      fechaInicio: '2026-02-01',
      fechaFin: '2026-11-30',
      presupuesto,
      rubro: presupuesto ? '2.3.2.02.02' : null,
    });
    expect(r.statusCode).toBe(201);
  }
});
afterAll(() => t.cerrar());

/** A row of the plan template that imports, with `cambio` over the defaults. */
const filaValida = (enc: string[], codigo: string, cambio: Record<string, string | number> = {}) => {
  const v: Record<string, string | number> = {
    Código: codigo,
    Política: 'integridad',
    Actividad: `Actividad importada ${codigo}`,
    'Producto o entregable': 'Informe',
    'Meta anual': 4,
    'Unidad de medida': 'informes',
    'Ponderación (%)': 0.1,
    'Fecha de inicio': '01/02/2026',
    'Fecha de fin': '30/11/2026',
    'Meta Trimestre 1': 1,
    'Meta Trimestre 2': 1,
    'Meta Trimestre 3': 1,
    'Meta Trimestre 4': 1,
    ...cambio,
  };
  return enc.slice(1).map((e) => v[e] ?? null);
};

describe('exportar el plan a Excel', () => {
  it('un libro con encabezados en español, encabezado fijo, filtros, fechas y pesos con formato', async () => {
    const r = await t.pedir(responsable, 'GET', `/api/entidades/${a}/plan/2026/export.xlsx?periodo=1`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(XLSX);
    expect(r.headers['content-disposition']).toContain('plan-de-accion-2026.xlsx');
    exportado = r.rawPayload;
    const libro = await libroDe(exportado);
    const hoja = libro.getWorksheet('Plan de acción')!;
    expect(hoja.getRow(1).values).toEqual(
      expect.arrayContaining([
        'Código',
        'Política',
        'Actividad',
        'Meta Trimestre 1',
        'Ponderación (%)',
        'Fecha de inicio',
      ]),
    );
    expect(hoja.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(hoja.autoFilter).toBeTruthy();
    expect(hoja.rowCount).toBe(4);
    const gd = hoja.getRow(2);
    expect(gd.getCell(1).value).toBe('GD-01');
    expect(gd.getCell(2).value).toBe('Gestión Documental');
    const inicio = hoja.getRow(1).values as string[];
    const col = (n: string) => inicio.indexOf(n);
    expect(gd.getCell(col('Fecha de inicio')).numFmt).toBe('dd/mm/yyyy');
    expect((gd.getCell(col('Fecha de inicio')).value as Date).toISOString().slice(0, 10)).toBe('2026-02-01');
    expect(gd.getCell(col('Presupuesto (COP)')).value).toBe(48_000_000);
    expect(gd.getCell(col('Tipo de meta')).value).toBe('Último valor reportado');
    expect(hoja.getRow(4).getCell(col('Tipo de meta')).value).toBe('Hito (hecho o no hecho)');
    expect(gd.getCell(col('Responsable (correo)')).value).toBe('yolanda@territorio.example');
    expect(hoja.getRow(3).getCell(col('Responsable (correo)')).value).toBe(
      'yolanda@territorio.example; pedro@territorio.example',
    );
    expect(libro.getWorksheet('Seguimiento Trimestre 1')!.getRow(2).getCell(11).value).toBe('Sin reporte');
    expect((await t.pedir(planeacionB, 'GET', `/api/entidades/${a}/plan/2026/export.xlsx`)).statusCode).toBe(
      403,
    );
  });
});

describe('importar el plan desde Excel', () => {
  it('ida y vuelta: lo exportado de una entidad se importa en otra con las mismas actividades', async () => {
    const r = await importar(planeacionB, b, exportado);
    expect(r.json()).toEqual({ importadas: 3 });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ importadas: 3 });
    const limpiar = (x: Record<string, unknown>) => {
      const { id: _i, dependenciaId: _d, ...resto } = x;
      return resto;
    };
    const planA = (await t.pedir(planeacionA, 'GET', `/api/entidades/${a}/planes/2026`)).json();
    const planB = (await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/planes/2026`)).json();
    expect(planB.actividades.map(limpiar)).toEqual(planA.actividades.map(limpiar));
    expect(planB.actividades.every((x: { dependenciaId: string | null }) => x.dependenciaId !== null)).toBe(
      true,
    );
  });

  it('importar de nuevo rechaza los códigos que ya están, sin escribir nada', async () => {
    const r = await importar(planeacionB, b, exportado);
    expect(r.statusCode).toBe(400);
    expect(r.json().problemas).toContainEqual({
      fila: 2,
      columna: 'Código',
      problema: 'GD-01 ya está en el plan',
    });
    expect(
      (await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/planes/2026`)).json().actividades,
    ).toHaveLength(3);
  });

  it('cada problema se informa con fila, columna y explicación en español, y no se importa nada', async () => {
    const libro = await libroDe(exportado);
    const hoja = libro.getWorksheet('Plan de acción')!;
    const enc = hoja.getRow(1).values as string[];
    const celda = (fila: number, col: string) => hoja.getRow(fila).getCell(enc.indexOf(col));
    hoja.getRow(2).getCell(1).value = 'GD-09';
    hoja.getRow(3).getCell(1).value = 'GOB-09';
    hoja.getRow(4).getCell(1).value = 'GOB-09';
    celda(2, 'Política').value = 'Política inventada';
    celda(3, 'Fecha de fin').value = '31/02/2026';
    celda(4, 'Meta Trimestre 2').value = 'dos';
    celda(4, 'Dependencia').value = 'Secretaría que no existe';
    const r = await importar(planeacionB, b, Buffer.from(await libro.xlsx.writeBuffer()));
    expect(r.statusCode).toBe(400);
    const j = r.json();
    expect(j.mensaje).toMatch(/^El archivo tiene \d+ problemas: no se importó ninguna actividad/);
    expect(j.problemas).toEqual(
      expect.arrayContaining([
        {
          fila: 2,
          columna: 'Política',
          problema: '«Política inventada» no es una política del catálogo MIPG de 2026',
        },
        { fila: 3, columna: 'Fecha de fin', problema: 'escriba la fecha como dd/mm/aaaa' },
        { fila: 4, columna: 'Código', problema: 'GOB-09 está repetido (también en la fila 3)' },
        { fila: 4, columna: 'Meta Trimestre 2', problema: 'no es un número' },
        {
          fila: 4,
          columna: 'Dependencia',
          problema: '«Secretaría que no existe» no es una dependencia de la entidad',
        },
      ]),
    );
    expect(
      (await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/planes/2026`)).json().actividades,
    ).toHaveLength(3);
  });

  it('la columna «Plan propio» toma los planes propios de la entidad, por código o nombre, y se exporta', async () => {
    await t.exigir(201, planeacionB, 'POST', `/api/entidades/${b}/planes-propios`, {
      codigo: 'PAAI',
      nombre: 'Plan Anual de Auditoría Interna',
      politicas: ['integridad'],
    });
    const libro = await libroDe(exportado);
    const hoja = libro.getWorksheet('Plan de acción')!;
    const enc = hoja.getRow(1).values as string[];
    expect(enc).toContain('Plan propio');
    const celda = (fila: number, col: string) => hoja.getRow(fila).getCell(enc.indexOf(col));
    hoja.getRow(2).getCell(1).value = 'PP-01';
    hoja.getRow(3).getCell(1).value = 'PP-02';
    hoja.getRow(4).getCell(1).value = 'PP-03';
    celda(3, 'Plan propio').value = 'plan anual de auditoría interna';
    celda(4, 'Plan propio').value = 'PAMEC';
    const mal = await importar(planeacionB, b, Buffer.from(await libro.xlsx.writeBuffer()));
    expect(mal.statusCode).toBe(400);
    expect(mal.json().problemas).toEqual([
      { fila: 4, columna: 'Plan propio', problema: '«PAMEC» no es un plan propio de la entidad' },
    ]);
    hoja.spliceRows(4, 1);
    const bien = await importar(planeacionB, b, Buffer.from(await libro.xlsx.writeBuffer()));
    expect(bien.json()).toEqual({ importadas: 2 });
    const plan = (await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/planes/2026`)).json();
    const pp02 = plan.actividades.find((a: { codigo: string }) => a.codigo === 'PP-02');
    expect(pp02.planPropio).toBe('PAAI');
    const vuelta = await libroDe(
      (await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/plan/2026/export.xlsx?periodo=1`)).rawPayload,
    );
    const h = vuelta.getWorksheet('Plan de acción')!;
    const e2 = h.getRow(1).values as string[];
    const fila = [...Array(h.rowCount).keys()]
      .map((i) => h.getRow(i + 1))
      .find((r) => r.getCell(1).value === 'PP-02')!;
    expect(fila.getCell(e2.indexOf('Plan propio')).value).toBe('PAAI');
  });

  it('un archivo que no es Excel, o sin las columnas de la plantilla, se rechaza en español', async () => {
    const pdf = await importar(planeacionB, b, Buffer.from('%PDF-1.4 no soy un libro'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().mensaje).toBe('El archivo no es un libro de Excel (.xlsx) válido.');
    const libro = new ExcelJS.Workbook();
    libro.addWorksheet('Hoja1').addRow(['Código', 'Actividad']);
    const r = await importar(planeacionB, b, Buffer.from(await libro.xlsx.writeBuffer()));
    expect(r.statusCode).toBe(400);
    expect(r.json().problemas).toContainEqual(
      expect.objectContaining({
        fila: 1,
        columna: 'Política',
        problema: expect.stringContaining('descargue la plantilla'),
      }),
    );
    expect((await importar(responsable, b, exportado)).statusCode).toBe(403);
  });

  it('la plantilla trae los encabezados y las listas válidas de la entidad', async () => {
    const r = await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/plan/2026/plantilla.xlsx`);
    const libro = await libroDe(r.rawPayload);
    expect(libro.getWorksheet('Plan de acción')!.rowCount).toBe(1);
    const listas = libro.getWorksheet('Listas válidas')!;
    const texto = JSON.stringify(listas.getSheetValues());
    expect(texto).toContain('Integridad');
    expect(texto).toContain('Secretaría de Gobierno');
    expect(texto).toContain('yolanda@territorio.example');
  });

  it('la plantilla trae listas desplegables en las columnas que solo aceptan valores de una lista', async () => {
    const r = await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/plan/2026/plantilla.xlsx`);
    const libro = await libroDe(r.rawPayload);
    const plan = libro.getWorksheet('Plan de acción')!;
    const listas = libro.getWorksheet('Listas válidas')!;
    const encabezados = plan.getRow(1).values as string[];
    const columnaLista = (encabezado: string) => (listas.getRow(1).values as string[]).indexOf(encabezado);
    // The drop-down of a column points at the list of accepted values, far down the sheet.
    const lista = (encabezado: string, fila: number) =>
      plan.getCell(fila, encabezados.indexOf(encabezado)).dataValidation;
    for (const e of [
      'Política',
      'Dependencia',
      'Responsable (correo)',
      'Plan del Decreto 612',
      'Índice FURAG',
      'Tipo de meta',
    ]) {
      expect(lista(e, 2)?.type, e).toBe('list');
      expect(lista(e, 20_001)?.type, e).toBe('list');
      const valores = listas.getColumn(columnaLista(e)).values.slice(2).filter(Boolean);
      expect(lista(e, 2)?.formulae?.[0]).toContain(`$${valores.length + 1}`);
    }
    expect(lista('Actividad', 2)).toBeUndefined();
    const politicas = listas.getColumn(columnaLista('Política')).values.slice(2);
    expect(politicas).toContain('Integridad');
    expect(politicas).toHaveLength(19);
    expect(listas.getColumn(columnaLista('Tipo de meta')).values).toContain('Hito (hecho o no hecho)');

    // Values picked from the lists import as they are.
    const dep = listas.getColumn(columnaLista('Dependencia')).values[2] as string;
    const correo = listas.getColumn(columnaLista('Responsable (correo)')).values[2] as string;
    const fila = filaValida(encabezados, 'LD-1', {
      Política: 'Integridad',
      Dependencia: dep,
      'Responsable (correo)': correo,
    });
    // Row 2, as a person types it (ExcelJS has made a cell object for every validated cell below).
    fila.forEach((v, i) => {
      if (v !== null) plan.getCell(2, i + 1).value = v;
    });
    const importado = await importar(planeacionB, b, Buffer.from(await libro.xlsx.writeBuffer()));
    expect(importado.statusCode, importado.body).toBeLessThan(300);
    // ExcelJS (not Excel) turns every validated cell into an object when it loads the template: slow here only.
  }, 90_000);
});

describe('importar un Excel hostil o pesado', () => {
  /** A fresh entity with a draft-able plan, for tests that import. */
  const entidadNueva = async (nombre: string, nit: string) => {
    const id = await t.crearEntidad(nombre, `${nit}-${digitoVerificacion(nit)}`);
    return { id, planeacion: await t.usuarioCon(id, ['planeacion']) };
  };
  const xlsx = async (llenar: (hoja: ExcelJS.Worksheet) => void) => {
    const libro = new ExcelJS.Workbook();
    llenar(libro.addWorksheet('Plan de acción'));
    return Buffer.from(await libro.xlsx.writeBuffer());
  };
  const encabezados = async () => {
    const r = await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/plan/2026/plantilla.xlsx`);
    return (await libroDe(r.rawPayload)).getWorksheet('Plan de acción')!.getRow(1).values as string[];
  };

  it('una celda en XFD1 y otra en A1048576 (un libro de pocos KB) se rechazan rápido, diciendo el límite', async () => {
    const c = await entidadNueva('Alcaldía de Orito', '800102896');
    const ambas = await xlsx((h) => {
      h.getCell('A1').value = 'Código';
      h.getCell('XFD1').value = 'x';
      h.getCell('A1048576').value = 'y';
    });
    expect(ambas.length).toBeLessThan(10_000);
    const t0 = performance.now();
    const r = await importar(c.planeacion, c.id, ambas);
    const ms = performance.now() - t0;
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({
      error: 'demasiado_grande',
      mensaje: expect.stringContaining('columna XFD'),
    });
    expect(r.json().mensaje).toContain('como máximo 60 columnas (hasta la BH)');
    // Before: never answered (heap exhausted). The parse alone is timed in plan-xlsx.test.ts; this bound
    // also covers starting the worker and loading ExcelJS under tsx on a busy machine.
    expect(ms).toBeLessThan(15_000);
    const fila = await importar(
      c.planeacion,
      c.id,
      await xlsx((h) => {
        h.getCell('A1').value = 'Código';
        h.getCell('A1048576').value = 'y';
      }),
    );
    expect(fila.statusCode).toBe(413);
    expect(fila.json().mensaje).toBe(
      'La hoja «Plan de acción» tiene datos en la fila 1.048.576: se admiten como máximo 20.000 filas de actividades (hasta la fila 20.001). Borre las filas sobrantes o divida el plan en varios archivos.',
    );
  });

  it('una bomba ZIP se rechaza por sus tamaños, declarados o reales, sin descomprimirla entera', async () => {
    const c = await entidadNueva('Alcaldía de Sibundoy', '800102891');
    const tipos = { nombre: '[Content_Types].xml', contenido: Buffer.from('<Types/>') };
    // 80 MB of spaces compress to ~80 KB: refused by the central directory alone.
    const grande = escribirZip([
      tipos,
      { nombre: 'xl/worksheets/sheet1.xml', contenido: Buffer.alloc(80 * 1024 * 1024, 32) },
    ]);
    expect(grande.length).toBeLessThan(200_000);
    const r = await importar(c.planeacion, c.id, grande);
    expect(r.statusCode).toBe(413);
    expect(r.json().mensaje).toBe(
      'El contenido del archivo .xlsx ocupa más de 64 MB al descomprimirlo: divida el plan en varios archivos.',
    );
    // The same bomb declaring 1 KB: the inflation stops at the declared size.
    const mentirosa = escribirZip([
      tipos,
      {
        nombre: 'xl/worksheets/sheet1.xml',
        contenido: Buffer.alloc(80 * 1024 * 1024, 32),
        declarado: 1024,
      },
    ]);
    const m = await importar(c.planeacion, c.id, mentirosa);
    expect(m.statusCode).toBe(400);
    expect(m.json().mensaje).toBe('El archivo no es un libro de Excel (.xlsx) válido.');
    const muchas = escribirZip(
      Array.from({ length: 501 }, (_, i) => ({ nombre: `xl/media/${i}.png`, contenido: Buffer.from('') })),
    );
    const n = await importar(c.planeacion, c.id, muchas);
    expect(n.statusCode).toBe(413);
    expect(n.json().mensaje).toContain('como máximo 500');
  });

  it('un problema después de filas en blanco se informa con la fila real de la hoja', async () => {
    const c = await entidadNueva('Alcaldía de Colón', '800102893');
    const enc = await encabezados();
    const archivo = await xlsx((h) => {
      h.addRow(enc.slice(1));
      h.getRow(2).values = filaValida(enc, 'CO-01');
      // rows 3 and 4 left blank
      h.getRow(5).values = filaValida(enc, 'CO-02', { Actividad: 'abc' });
    });
    const r = await importar(c.planeacion, c.id, archivo);
    expect(r.statusCode).toBe(400);
    expect(r.json().problemas).toEqual([
      { fila: 5, columna: 'Actividad', problema: 'describa la actividad' },
    ]);
  });

  it('/api/health responde en menos de 500 ms mientras se lee un Excel de 10.000 filas', {
    timeout: 120_000,
  }, async () => {
    const c = await entidadNueva('Alcaldía de Santiago', '800102899');
    const enc = await encabezados();
    // Valid rows of a policy the catalog lacks: the whole file is read, then refused without writing.
    const archivo = await xlsx((h) => {
      h.addRow(enc.slice(1));
      for (let i = 1; i <= 10_000; i++)
        h.addRow(filaValida(enc, `SA-${i}`, { Política: i === 10_000 ? 'inventada' : 'integridad' }));
    });
    let listo = false;
    const importacion = importar(c.planeacion, c.id, archivo).finally(() => {
      listo = true;
    });
    const latencias: number[] = [];
    while (!listo) {
      const t0 = performance.now();
      const salud = await t.app.inject({ method: 'GET', url: '/api/health' });
      latencias.push(performance.now() - t0);
      expect(salud.statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await importacion;
    expect(r.statusCode).toBe(400);
    expect(r.json().problemas).toEqual([expect.objectContaining({ fila: 10_001, columna: 'Política' })]);
    expect(latencias.length).toBeGreaterThan(10);
    expect(Math.max(...latencias)).toBeLessThan(500);
  });
});
