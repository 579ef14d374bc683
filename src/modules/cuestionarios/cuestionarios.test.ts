import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cuestionario, conteos, FORMATO_CUESTIONARIO, type Item } from '../../core/cuestionario.ts';
import { auditoria, cuestionario, cuestionarioItem, cuestionarioSeccion } from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { bancoSintetico } from './banco-sintetico.ts';
import { EJEMPLO_CUESTIONARIO } from './cuestionario-xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: AppPrueba;
let a: string;
let b: string;
let planeacionA: Sesion;
let consultaA: Sesion;
let controlA: Sesion;
let planeacionB: Sesion;

const conCodigo = (c: Cuestionario, codigo: string): Cuestionario => ({ ...structuredClone(c), codigo });
const importar = (s: Sesion, cuerpo: unknown, entidadId?: string) =>
  t.pedir(s, 'POST', `/api/cuestionarios/import${entidadId ? `?entidadId=${entidadId}` : ''}`, cuerpo);
const subirXlsx = (s: Sesion, contenido: Buffer, entidadId: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/cuestionarios/import?entidadId=${entidadId}`,
    payload: contenido,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX },
  });

beforeAll(async () => {
  t = await crearAppPrueba();
  a = await t.crearEntidad('Alcaldía de Mocoa', '846000253-6');
  b = await t.crearEntidad('Alcaldía de Villagarzón', '800197268-4');
  planeacionA = await t.usuarioCon(a, ['planeacion']);
  consultaA = await t.usuarioCon(a, ['consulta']);
  controlA = await t.usuarioCon(a, ['control_interno']);
  planeacionB = await t.usuarioCon(b, ['planeacion']);
}, 120_000);
afterAll(() => t.cerrar());

describe('importar y exportar', () => {
  it('el administrador importa un cuestionario de la plataforma: 201 con conteos por sección y tipo, y exportar devuelve lo mismo', async () => {
    const r = await importar(t.admin, EJEMPLO_CUESTIONARIO);
    expect(r.statusCode, r.body).toBe(201);
    const cuerpo = r.json();
    const k = conteos(EJEMPLO_CUESTIONARIO);
    expect(cuerpo).toMatchObject({ codigo: 'EJEMPLO-TH', items: 9, porTipo: k.porTipo });
    expect(cuerpo.porTipo).toEqual({
      seleccion_unica: 1,
      seleccion_multiple: 1,
      seleccion_multiple_numero: 1,
      numero: 1,
      texto: 1,
      matriz: 1,
      puntaje: 3,
    });
    expect(cuerpo.secciones).toEqual([
      { codigo: 'PLA', nombre: 'Planeación', nivel: 1, items: 4 },
      { codigo: 'PLA.1', nombre: 'Conocimiento de la planta', nivel: 2, items: 2 },
      { codigo: 'PLA.2', nombre: 'Plan estratégico de talento humano', nivel: 2, items: 2 },
      { codigo: 'DES', nombre: 'Desarrollo', nivel: 1, items: 5 },
    ]);
    const exportado = await t.exigir(200, consultaA, 'GET', `/api/cuestionarios/${cuerpo.id}/export`);
    expect(exportado).toEqual(EJEMPLO_CUESTIONARIO);
    // The rows that answers will reference: one per item in document order, each in its section.
    const filas = await t.conexion.db
      .select({
        codigo: cuestionarioItem.codigo,
        orden: cuestionarioItem.orden,
        seccion: cuestionarioSeccion.codigo,
      })
      .from(cuestionarioItem)
      .innerJoin(cuestionarioSeccion, eq(cuestionarioSeccion.id, cuestionarioItem.seccionId))
      .where(eq(cuestionarioItem.cuestionarioId, cuerpo.id))
      .orderBy(cuestionarioItem.orden);
    expect(filas.map((f) => `${f.seccion}/${f.codigo}`)).toEqual([
      'PLA.1/EJ-01',
      'PLA.1/EJ-02',
      'PLA.2/EJ-03',
      'PLA.2/EJ-04',
      'DES/EJ-05',
      'DES/EJ-06',
      'DES/EJ-07',
      'DES/EJ-08',
      'DES/EJ-09',
    ]);
    const [fila] = await t.conexion.db
      .select()
      .from(auditoria)
      .where(and(eq(auditoria.recurso, 'cuestionario'), eq(auditoria.recursoId, cuerpo.id)));
    expect(fila).toMatchObject({ accion: 'importar', entidadId: null });
  });

  it('el mismo código y vigencia otra vez es 409; exportar → importar en una entidad es sin pérdida', async () => {
    const r = await importar(t.admin, EJEMPLO_CUESTIONARIO);
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toMatch(/Ya existe el cuestionario «EJEMPLO-TH» de la vigencia 2025/);
    const [plataforma] = (await t.exigir(200, t.admin, 'GET', '/api/cuestionarios')).cuestionarios;
    const exportado = await t.exigir(200, t.admin, 'GET', `/api/cuestionarios/${plataforma.id}/export`);
    const enA = await t.exigir(
      201,
      planeacionA,
      'POST',
      `/api/cuestionarios/import?entidadId=${a}`,
      exportado,
    );
    expect(await t.exigir(200, planeacionA, 'GET', `/api/cuestionarios/${enA.id}/export`)).toEqual(exportado);
  });

  it('un banco de 450 preguntas con textos largos y 36 opciones se importa entero y vuelve igual', async () => {
    const banco = bancoSintetico(450, { codigo: 'BANCO-450', largo: 4000 });
    const r = await importar(t.admin, banco);
    expect(r.statusCode, r.body.slice(0, 500)).toBe(201);
    expect(r.json().items).toBe(450);
    const exportado = await t.exigir(200, t.admin, 'GET', `/api/cuestionarios/${r.json().id}/export`);
    expect(exportado).toEqual(banco);
  }, 60_000);

  it('propiedad: exportar tras importar devuelve el mismo cuestionario', async () => {
    let n = 0;
    const opcion = (i: number) =>
      fc.record(
        {
          codigo: fc.constant(`o${i}`),
          texto: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0),
          puntaje: fc.integer({ min: 0, max: 100 }),
        },
        { requiredKeys: ['codigo', 'texto'] },
      );
    const itemArb = (codigo: string): fc.Arbitrary<Item> =>
      fc.oneof(
        fc.record(
          {
            codigo: fc.constant(codigo),
            tipo: fc.constant('puntaje' as const),
            texto: fc.constantFrom('¿Texto con tildes y «comillas»?', 'Ítem 😀 con emoji', 'x'.repeat(4000)),
            ayuda: fc.constantFrom('Ayuda', 'Otra ayuda'),
            noAplica: fc.boolean(),
            evidencia: fc.boolean(),
            aplicaA: fc.record({
              ordenes: fc.subarray(['nacional', 'municipal'] as const, { minLength: 1 }),
            }),
            equivalencias: fc.dictionary(
              fc.constantFrom('2022', '2023', '2024'),
              fc.constantFrom('A1', 'B.2', 'c-3'),
            ),
          },
          { requiredKeys: ['codigo', 'tipo', 'texto'] },
        ),
        fc
          .integer({ min: 2, max: 36 })
          .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => opcion(i))))
          .map((opciones) => ({ codigo, tipo: 'seleccion_unica' as const, texto: 'Elija', opciones })),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }).chain((forma) => {
          let k = 0;
          return fc.tuple(
            ...forma.map((m) => fc.tuple(...Array.from({ length: m }, () => itemArb(`I${++k}`)))),
          );
        }),
        async (grupos) => {
          const c: Cuestionario = {
            formato: FORMATO_CUESTIONARIO,
            codigo: `PROP-${++n}`,
            nombre: 'Propiedad',
            vigencia: 2024,
            instrumento: 'otro',
            secciones: grupos.map((items, i) => ({
              codigo: `S${i}`,
              nombre: `Sección ${i}`,
              items: i === 0 ? items : [],
              secciones: i === 0 ? [] : [{ codigo: `S${i}.1`, nombre: 'Sub', items, secciones: [] }],
            })),
          };
          const r = await importar(t.admin, c);
          expect(r.statusCode, r.body).toBe(201);
          expect(await t.exigir(200, t.admin, 'GET', `/api/cuestionarios/${r.json().id}/export`)).toEqual(c);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('el informe en español, todo o nada', () => {
  it.each<
    [string, (c: Cuestionario) => void, { seccion: string | null; item: string | null; problema: RegExp }]
  >([
    [
      'más de 36 opciones (forma)',
      (c) => {
        c.secciones[0]!.secciones[1]!.items[0]!.opciones = Array.from({ length: 37 }, (_, i) => ({
          codigo: `o${i}`,
          texto: `Opción ${i}`,
        }));
      },
      { seccion: 'PLA.2', item: 'EJ-03', problema: /«opciones»: tiene más de 36 opciones/ },
    ],
    [
      'un texto de más de 4.000 caracteres',
      (c) => {
        c.secciones[1]!.items[0]!.texto = 'a'.repeat(4001);
      },
      {
        seccion: 'DES',
        item: 'EJ-05',
        problema: /«texto»: el texto del ítem tiene más de 4\.000 caracteres/,
      },
    ],
    [
      'salto a un ítem posterior (sentido)',
      (c) => {
        c.secciones[0]!.secciones[0]!.items[0]!.salto = { item: 'EJ-09', operador: 'respondido' };
      },
      { seccion: 'PLA.1', item: 'EJ-01', problema: /viene después/ },
    ],
    [
      'un tipo de ítem desconocido',
      (c) => {
        (c.secciones[1]!.items[1] as { tipo: string }).tipo = 'escala';
      },
      { seccion: 'DES', item: 'EJ-06', problema: /«tipo»/ },
    ],
    [
      'una política que no está en el catálogo',
      (c) => {
        c.politica = 'inventada';
      },
      { seccion: null, item: null, problema: /La política «inventada» no está en el catálogo/ },
    ],
  ])('%s', async (_n, cambiar, esperado) => {
    const c = conCodigo(EJEMPLO_CUESTIONARIO, 'MALO');
    cambiar(c);
    const r = await importar(planeacionA, c, a);
    expect(r.statusCode).toBe(400);
    expect(r.json().mensaje).toMatch(/no se guardó nada/);
    expect(r.json().problemas).toContainEqual({
      fila: null,
      ...esperado,
      problema: expect.stringMatching(esperado.problema),
    });
    const guardados = await t.conexion.db.select().from(cuestionario).where(eq(cuestionario.codigo, 'MALO'));
    expect(guardados).toEqual([]);
  });

  it('un cuerpo que no es un cuestionario', async () => {
    const r = await importar(planeacionA, { hola: 1 }, a);
    expect(r.statusCode).toBe(400);
    expect(r.json().problemas.map((p: { problema: string }) => p.problema)).toContainEqual(
      expect.stringMatching(/«formato»: el formato debe ser «mipg-cuestionario\/1»/),
    );
  });
});

describe('quién ve e importa qué', () => {
  it('planeación importa los de su entidad; consulta, control interno y otra entidad no; nadie de una entidad los de la plataforma', async () => {
    const c = conCodigo(EJEMPLO_CUESTIONARIO, 'PROPIO-A');
    for (const [s, entidad] of [
      [consultaA, a],
      [controlA, a],
      [planeacionB, a],
      [planeacionA, undefined],
    ] as const)
      expect((await importar(s, c, entidad)).statusCode).toBe(403);
    const r = await importar(planeacionA, c, a);
    expect(r.statusCode).toBe(201);
    const propio = r.json().id as string;

    const deA = (await t.exigir(200, consultaA, 'GET', `/api/cuestionarios?entidadId=${a}`)).cuestionarios;
    expect(deA.map((x: { codigo: string }) => x.codigo)).toContain('PROPIO-A');
    expect(deA.every((x: { entidadId: string | null }) => x.entidadId === null || x.entidadId === a)).toBe(
      true,
    );
    const soloPlataforma = (await t.exigir(200, planeacionB, 'GET', '/api/cuestionarios')).cuestionarios;
    expect(soloPlataforma.length).toBeGreaterThan(0);
    expect(soloPlataforma.every((x: { entidadId: string | null }) => x.entidadId === null)).toBe(true);
    expect((await t.pedir(planeacionB, 'GET', `/api/cuestionarios?entidadId=${a}`)).statusCode).toBe(403);
    // Another entity's questionnaire is «not found», for reading and for deleting.
    expect((await t.pedir(planeacionB, 'GET', `/api/cuestionarios/${propio}/export`)).statusCode).toBe(404);
    expect((await t.pedir(planeacionB, 'DELETE', `/api/cuestionarios/${propio}`)).statusCode).toBe(404);
    expect((await t.pedir(consultaA, 'DELETE', `/api/cuestionarios/${propio}`)).statusCode).toBe(403);
    expect((await t.pedir(t.admin, 'GET', `/api/cuestionarios/${propio}/export`)).statusCode).toBe(200);

    expect((await t.pedir(planeacionA, 'DELETE', `/api/cuestionarios/${propio}`)).statusCode).toBe(204);
    expect(
      await t.conexion.db.select().from(cuestionarioItem).where(eq(cuestionarioItem.cuestionarioId, propio)),
    ).toEqual([]);
    const [borrado] = await t.conexion.db
      .select()
      .from(auditoria)
      .where(and(eq(auditoria.accion, 'eliminar'), eq(auditoria.recursoId, propio)));
    expect(borrado).toMatchObject({ entidadId: a, recurso: 'cuestionario' });
  });

  it('quien no puede importar en la entidad recibe 403 antes de que se lea o valide el archivo', async () => {
    const ajena = (contenido: string, tipo: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cuestionarios/import?entidadId=${a}`,
        payload: contenido,
        headers: { cookie: planeacionB.cookie, 'x-csrf-token': planeacionB.csrf, 'content-type': tipo },
      });
    for (const r of [
      await importar(planeacionB, { hola: 1 }, a),
      await importar(consultaA, { hola: 1 }, a),
      await ajena('{ esto no es JSON', 'application/json'),
      await ajena('no soy un xlsx', XLSX),
    ]) {
      expect(r.statusCode, r.body).toBe(403);
      expect(r.json()).toMatchObject({ error: 'prohibido' });
      expect(r.json().problemas).toBeUndefined();
    }
  });

  it('planeación no borra los de la plataforma', async () => {
    const [plataforma] = (await t.exigir(200, planeacionA, 'GET', '/api/cuestionarios')).cuestionarios;
    expect((await t.pedir(planeacionA, 'DELETE', `/api/cuestionarios/${plataforma.id}`)).statusCode).toBe(
      403,
    );
  });
});

describe('plantilla .xlsx', () => {
  const libroDe = async (contenido: Buffer) => {
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(contenido as unknown as ArrayBuffer);
    return libro;
  };
  const descargar = async () =>
    Buffer.from(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/cuestionarios/plantilla.xlsx',
          headers: { cookie: planeacionB.cookie },
        })
      ).rawPayload,
    );

  it('la plantilla trae el ejemplo; subirla importa el mismo cuestionario que el JSON', async () => {
    const r = await subirXlsx(planeacionB, await descargar(), b);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ codigo: 'EJEMPLO-TH', items: 9 });
    expect(await t.exigir(200, planeacionB, 'GET', `/api/cuestionarios/${r.json().id}/export`)).toEqual(
      EJEMPLO_CUESTIONARIO,
    );
  });

  it('los problemas de la hoja llegan con su fila', async () => {
    const libro = await libroDe(await descargar());
    const hoja = libro.getWorksheet('Cuestionario')!;
    const filaDe = (codigo: string) => {
      let n = 0;
      hoja.eachRow((row, i) => {
        if (row.getCell(2).value === codigo && n === 0) n = i;
      });
      return n;
    };
    hoja.getCell(1, 2).value = 'Código';
    const cabeza = filaDe('EJEMPLO-TH');
    hoja.getRow(cabeza).getCell(2).value = 'EJEMPLO-XLSX';
    const p4 = filaDe('EJ-04');
    hoja.getRow(p4).getCell(14).value = 'EJ-09 respondido'; // a skip to a later item
    const p6 = filaDe('EJ-06');
    hoja.getRow(p6).getCell(11).value = 'cero'; // not a number
    const r = await subirXlsx(planeacionB, Buffer.from(await libro.xlsx.writeBuffer()), b);
    expect(r.statusCode).toBe(400);
    expect(r.json().problemas).toContainEqual({
      fila: p6,
      seccion: null,
      item: 'EJ-06',
      problema: '«Mínimo» debe ser un número.',
    });
    hoja.getRow(p6).getCell(11).value = 0;
    const r2 = await subirXlsx(planeacionB, Buffer.from(await libro.xlsx.writeBuffer()), b);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().problemas).toContainEqual({
      fila: p4,
      seccion: 'PLA.2',
      item: 'EJ-04',
      problema: expect.stringMatching(/viene después/),
    });
  });

  it('un archivo que no es un libro de Excel', async () => {
    const r = await subirXlsx(planeacionB, Buffer.from('no soy un xlsx'), b);
    expect(r.statusCode).toBe(400);
    expect(r.json().mensaje).toMatch(/no es un libro de Excel/);
  });
});
