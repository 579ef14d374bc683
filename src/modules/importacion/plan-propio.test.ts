import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LecturaHoja } from '../../contrato/plan-propio.ts';
import { mapeoPlanEntidad, planAccion, usuario } from '../../db/schema.ts';
import { aLaVez, auditoriaDesde, ultimaAuditoria } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let a: string;
let b: string;
let planeacionA: Sesion;
let planeacionB: Sesion;
let responsableA: Sesion;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const base = (e: string) => `/api/entidades/${e}/plan/2026/hoja-propia`;

const leer = (s: Sesion, e: string, contenido: Buffer, tipo = XLSX) =>
  t.app.inject({
    method: 'POST',
    url: `${base(e)}/leer`,
    payload: contenido,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': tipo },
  });

/** The office's own layout: a title, the header in row 4, other names and order, no code, no weights. */
async function hojaPropia(filas: (string | number | Date | null)[][]) {
  const libro = new ExcelJS.Workbook();
  const h = libro.addWorksheet('PAI 2026');
  h.addRow(['HOSPITAL SAN JOSÉ E.S.E.']);
  h.addRow(['Plan de Acción Institucional vigencia 2026']);
  h.addRow([]);
  h.addRow(['Política MIPG', 'Acción', 'Meta', 'Responsable', 'Área', 'Fecha límite', 'Observaciones']);
  for (const f of filas) h.addRow(f);
  return Buffer.from(await libro.xlsx.writeBuffer());
}

const FILAS = [
  [
    'Pol. Integridad',
    'Código de integridad adoptado',
    1,
    'Yolanda Muñoz',
    'Talento humano',
    '30/06/2026',
    '',
  ],
  [
    'servicio al ciudadano',
    'Porcentaje de PQRSD respondidas a tiempo',
    '90%',
    'yolanda',
    'Talento Humano',
    '31/12/2026',
    'cada trimestre',
  ],
  [
    'Gestion documental',
    'Jornadas de capacitación en archivo',
    4,
    'Pedro Pérez',
    'Archivo',
    '30/11/2026',
    null,
  ],
];

beforeAll(async () => {
  t = await crearAppPrueba();
  a = await t.crearEntidad('E.S.E. Hospital San José', '846000253-6');
  b = await t.crearEntidad('Alcaldía de Villagarzón', '800197268-4');
  planeacionA = await t.usuarioCon(a, ['planeacion']);
  planeacionB = await t.usuarioCon(b, ['planeacion']);
  responsableA = await t.usuarioCon(a, ['responsable_actividad']);
  const yolanda = await t.usuarioCon(a, ['responsable_actividad'], 'yolanda@hospital.example');
  await t.conexion.db.update(usuario).set({ nombre: 'Yolanda Muñoz' }).where(eq(usuario.id, yolanda.id));
  await t.exigir(201, t.admin, 'POST', `/api/entidades/${a}/dependencias`, {
    nombre: 'Oficina de Talento Humano',
  });
});
afterAll(() => t.cerrar());

describe('leer la hoja propia', () => {
  let lectura: LecturaHoja;
  it('halla el encabezado en la fila 4, sugiere los campos, empareja los nombres y adivina los tipos de meta', async () => {
    const r = await leer(planeacionA, a, await hojaPropia(FILAS));
    expect(r.statusCode, r.body).toBe(200);
    lectura = r.json();
    expect(lectura.filaEncabezado).toBe(4);
    expect(lectura.actividades).toBe(3);
    expect(lectura.columnas.map((c) => c.campo)).toEqual([
      'politica',
      'nombre',
      'metaAnual',
      'responsable',
      'dependencia',
      'fechaFin',
      null,
    ]);
    expect(lectura.columnas.every((c) => c.origen !== 'guardado')).toBe(true);
    expect(lectura.valores.politica.map((v) => [v.texto, v.id])).toEqual([
      ['Pol. Integridad', 'integridad'],
      ['servicio al ciudadano', 'servicio_ciudadano'],
      ['Gestion documental', 'gestion_documental'],
    ]);
    expect(lectura.valores.dependencia.map((v) => [v.texto, v.id !== null])).toEqual([
      ['Talento humano', true],
      ['Archivo', false],
    ]);
    expect(lectura.valores.responsable.map((v) => [v.texto, v.id !== null])).toEqual([
      ['Yolanda Muñoz', true],
      ['yolanda', true],
      ['Pedro Pérez', false],
    ]);
    expect(lectura.tipos.map((x) => x.acumulacion)).toEqual(['hito', 'promedio', 'suma']);
    expect(lectura.filas[0]).toEqual({ numero: 1, celdas: ['HOSPITAL SAN JOSÉ E.S.E.'] });
  });

  it('lo que no coincide se resuelve creando la dependencia con el servicio de siempre y revisando de nuevo', async () => {
    // Planeación asks the entity's administrator (the review screen offers it to whoever holds both roles).
    await t.exigir(201, t.admin, 'POST', `/api/entidades/${a}/dependencias`, { nombre: 'Archivo' });
    const r = await t.exigir(200, planeacionA, 'POST', `${base(a)}/revisar`, {
      filas: lectura.filas,
      filaEncabezado: 4,
    });
    expect(r.valores.dependencia.every((v: { id: string | null }) => v.id)).toBe(true);
  });

  it('todo o nada: con una persona sin cuenta, nada entra y el informe nombra la columna propia', async () => {
    const antes = await t.exigir(200, planeacionA, 'GET', `/api/entidades/${a}/planes/2026`);
    const r = await t.pedir(planeacionA, 'POST', `${base(a)}/importar`, {
      filas: lectura.filas,
      filaEncabezado: 4,
      mapeo: lectura.columnas.map((c) => c.campo),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().problemas).toEqual([
      {
        fila: 7,
        columna: 'Responsable (Responsable (correo))',
        problema: 'Pedro Pérez no es una persona con rol en la entidad',
      },
    ]);
    const despues = await t.exigir(200, planeacionA, 'GET', `/api/entidades/${a}/planes/2026`);
    expect(JSON.stringify(despues)).toBe(JSON.stringify(antes));
    expect(await t.conexion.db.select().from(mapeoPlanEntidad)).toEqual([]);
  });

  it('importa con los nombres elegidos en la revisión, lo audita y guarda el mapa para el año siguiente', async () => {
    const desde = await ultimaAuditoria(t);
    const yolanda = lectura.valores.responsable[0]!.id;
    const r = await t.exigir(201, planeacionA, 'POST', `${base(a)}/importar`, {
      filas: lectura.filas,
      filaEncabezado: 4,
      mapeo: lectura.columnas.map((c) => c.campo),
      equivalencias: { responsable: { 'Pedro Pérez': yolanda } },
      tipos: { '6': 'promedio' },
    });
    expect(r).toEqual({ importadas: 3 });
    const plan = await t.exigir(200, planeacionA, 'GET', `/api/entidades/${a}/planes/2026`);
    const actividades = JSON.stringify(plan);
    for (const n of ['Código de integridad adoptado', 'Porcentaje de PQRSD', 'Jornadas de capacitación'])
      expect(actividades).toContain(n);
    const [auditada] = await auditoriaDesde(t, desde, 'plan');
    expect(auditada).toMatchObject({ accion: 'importar', entidadId: a });
    expect(auditada!.despues).toMatchObject({ actividades: 3, origen: 'hoja propia' });
    const [guardado] = await t.conexion.db.select().from(mapeoPlanEntidad);
    expect(guardado!.columnas).toMatchObject({ 'politica mipg': 'politica', observaciones: '' });

    // Next year's sheet (same headers): the saved mapping comes back as «guardado».
    const otra = await leer(
      planeacionA,
      a,
      await hojaPropia([FILAS[2]!.map((c, i) => (i === 1 ? 'Otra jornada' : c))]),
    );
    expect(otra.statusCode).toBe(200);
    expect(otra.json().columnas.map((c: { origen: string }) => c.origen)).toEqual(Array(7).fill('guardado'));
    // And «Pedro Pérez», chosen by hand to be Yolanda, is Yolanda again (still shown, to change it if needed).
    expect(otra.json().valores.responsable).toContainEqual({
      texto: 'Pedro Pérez',
      filas: 1,
      id: yolanda,
      exacto: false,
    });
  });
});

describe('límites y errores', () => {
  it('un plan que ya no está en borrador no recibe la hoja (409), ni al leerla ni al importarla', async () => {
    await t.conexion.db.update(planAccion).set({ estado: 'aprobado' }).where(eq(planAccion.entidadId, a));
    const r = await leer(planeacionA, a, await hojaPropia(FILAS));
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('abra una nueva versión');
    const cuerpo = { filas: [{ numero: 1, celdas: ['Política'] }], filaEncabezado: 1 };
    expect((await t.pedir(planeacionA, 'POST', `${base(a)}/importar`, cuerpo)).statusCode).toBe(409);
    await t.conexion.db.update(planAccion).set({ estado: 'borrador' }).where(eq(planAccion.entidadId, a));
  });

  it('dos importaciones de la misma hoja a la vez: una entra entera y la otra se rechaza, sin mezclas', async () => {
    const filas = [
      { numero: 1, celdas: ['Política', 'Actividad', 'Meta'] },
      { numero: 2, celdas: ['Integridad', 'Socializar el código de integridad', 4] },
      { numero: 3, celdas: ['Integridad', 'Medir la apropiación del código', 1] },
    ];
    const cuerpo = { filas, filaEncabezado: 1, mapeo: ['politica', 'nombre', 'metaAnual'] };
    const r = await aLaVez(
      () => t.pedir(planeacionB, 'POST', `${base(b)}/importar`, cuerpo),
      () => t.pedir(planeacionB, 'POST', `${base(b)}/importar`, cuerpo),
    );
    // The loser waits for the winner's lock: if it was still checking, 409; if it checks after the winner
    // committed, the codes it would create are taken and it gets 400 naming them. Never both, never a mix.
    const [gano, perdio] = r.map((x) => x.statusCode).sort();
    expect(gano).toBe(201);
    expect([400, 409]).toContain(perdio);
    const plan = await t.exigir(200, planeacionB, 'GET', `/api/entidades/${b}/planes/2026`);
    expect(plan.actividades).toHaveLength(2);
  });

  it('3.000 filas caben en la revisión; una más se rechaza nombrando el límite', async () => {
    const fila = (n: number) => ({
      numero: n,
      celdas: [
        'Integridad',
        `Actividad ${n} con un nombre de largo corriente para una hoja real`,
        4,
        'x'.repeat(40),
      ],
    });
    const filas: { numero: number; celdas: (string | number)[] }[] = [
      { numero: 1, celdas: ['Política', 'Actividad', 'Meta', 'Notas'] },
    ];
    for (let n = 2; n <= 3000; n++) filas.push(fila(n));
    const r = await t.pedir(planeacionB, 'POST', `${base(b)}/revisar`, { filas, filaEncabezado: 1 });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.json().actividades).toBe(2999);
    filas.push(fila(3001), fila(3002));
    const demasiadas = await t.pedir(planeacionB, 'POST', `${base(b)}/revisar`, { filas, filaEncabezado: 1 });
    expect(demasiadas.statusCode).toBe(400);
    expect(demasiadas.body).toContain('3.000 filas');
  });

  it('un CSV con «;» también se lee', async () => {
    const csv = Buffer.from(
      'Plan 2026\n\nPolítica;Actividad;Meta anual\nIntegridad;Socializar el código;4\n',
      'utf-8',
    );
    const r = await leer(planeacionB, b, csv, 'text/csv');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ filaEncabezado: 3, actividades: 1 });
  });

  it.each([
    ['un archivo que no es Excel', Buffer.from('no soy un libro'), XLSX, 400],
    ['un archivo vacío', Buffer.alloc(0), XLSX, 400],
    [
      'una celda de más de 2.000 caracteres',
      Buffer.from(`Política;Actividad\nIntegridad;${'x'.repeat(2001)}\n`),
      'text/csv',
      400,
    ],
    ['un archivo de más de 5 MB', Buffer.alloc(5 * 1024 * 1024 + 1, 65), 'text/csv', 413],
  ])('%s → %i en español, nunca 500', async (_c, contenido, tipo, estado) => {
    const r = await leer(planeacionB, b, contenido, tipo);
    expect(r.statusCode).toBe(estado);
    expect(r.json().mensaje).toMatch(/[áéíóúñ]|archivo|Envíe/);
  });

  it('un mapa con un campo repetido o inventado se rechaza nombrando el campo «mapeo»', async () => {
    const filas = [
      { numero: 1, celdas: ['Política', 'Actividad', 'Meta'] },
      { numero: 2, celdas: ['Integridad', 'Socializar', 4] },
    ];
    for (const mapeo of [
      ['politica', 'politica', 'metaAnual'],
      ['politica', 'inventado', 'metaAnual'],
    ]) {
      const r = await t.pedir(planeacionB, 'POST', `${base(b)}/importar`, {
        filas,
        filaEncabezado: 1,
        mapeo,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().campos[0].campo).toBe('mapeo');
    }
    const sin = await t.pedir(planeacionB, 'POST', `${base(b)}/importar`, {
      filas,
      filaEncabezado: 1,
      mapeo: ['politica', 'nombre', null],
    });
    expect(sin.statusCode).toBe(400);
    expect(sin.json().problemas).toEqual([
      { fila: 1, columna: 'Meta anual', problema: 'elija la columna de la hoja que la trae' },
    ]);
  });

  it('solo planeación de la misma entidad: un responsable y otra entidad reciben 403', async () => {
    const hoja = await hojaPropia(FILAS);
    expect((await leer(responsableA, a, hoja)).statusCode).toBe(403);
    expect((await leer(planeacionB, a, hoja)).statusCode).toBe(403);
    const cuerpo = { filas: [{ numero: 1, celdas: ['Política'] }], filaEncabezado: 1 };
    expect((await t.pedir(planeacionB, 'POST', `${base(a)}/importar`, cuerpo)).statusCode).toBe(403);
    expect((await t.pedir(responsableA, 'POST', `${base(a)}/revisar`, cuerpo)).statusCode).toBe(403);
  });
});
