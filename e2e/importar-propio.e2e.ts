// A planning office's own plan, as it already is: 120 activities in a sheet that is not our template (a
// title above, the header in row 4, other column names and order, policies written their own way, no
// codes and no weights). From the file to a draft plan with a handful of clicks, axe on every step.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Entorno, ingresar, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
let contexto: BrowserContext;
let page: Page;
let entidadId = '';
let admin: Awaited<ReturnType<typeof sesionApi>>;
let clics = 0;
const inicio = Date.now();

// Policies as an office writes them, with the kind of activity each one has.
const POLITICAS = [
  'Pol. Integridad',
  'TALENTO HUMANO',
  'Gestion documental',
  'Servicio al ciudadano',
  'Gobierno digital',
  'Control interno',
];
const DEPENDENCIAS = ['Talento humano', 'Planeación', 'Archivo central'];
const LIDERES = ['Yolanda Muñoz', 'yolanda muñoz', 'Jorge Ortiz', 'Carlos Pérez'];

/** [activity, annual goal, goals by quarter] of four kinds: sum, rate to hold, milestone, running total. */
function actividad(i: number): [string, number, number[]] {
  switch (i % 4) {
    case 0:
      return [`Realizar jornadas de capacitación número ${i}`, 4, [1, 1, 1, 1]];
    case 1:
      return [`Porcentaje de solicitudes respondidas a tiempo en el proceso ${i}`, 90, [0, 0, 0, 90]];
    case 2:
      return [`Procedimiento ${i} actualizado y aprobado`, 1, [0, 1, 0, 0]];
    default:
      return [`Funcionarios formados en el tema ${i} (acumulado)`, 20, [0, 0, 0, 20]];
  }
}

async function hojaDeLaOficina() {
  const libro = new ExcelJS.Workbook();
  const h = libro.addWorksheet('PAI 2026');
  h.addRow(['E.S.E. HOSPITAL SAN RAFAEL']);
  h.addRow(['PLAN DE ACCIÓN INSTITUCIONAL — VIGENCIA 2026']);
  h.addRow([]);
  h.addRow([
    'No.',
    'Dimensión',
    'Política MIPG',
    'Actividad / acción',
    'Meta 2026',
    'I trim',
    'II trim',
    'III trim',
    'IV trim',
    'Dependencia responsable',
    'Líder',
    'Fecha inicio',
    'Fecha final',
    'Recursos ($)',
    'Observaciones',
  ]);
  for (let i = 1; i <= 120; i++) {
    const [nombre, meta, metas] = actividad(i);
    h.addRow([
      `PA-${i}`,
      'Talento humano',
      POLITICAS[i % POLITICAS.length],
      nombre,
      meta,
      ...metas,
      DEPENDENCIAS[i % DEPENDENCIAS.length],
      LIDERES[i % LIDERES.length],
      new Date(Date.UTC(2026, 1, 1)),
      '15/12/2026',
      i % 5 === 0 ? 1_500_000 : null,
      i % 7 === 0 ? 'Sujeto a recursos' : null,
    ]);
  }
  return Buffer.from(await libro.xlsx.writeBuffer());
}

const clic = async (f: () => Promise<void>) => {
  clics++;
  await f();
};

beforeAll(async () => {
  e = await iniciarEntorno();
  admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  ({ id: entidadId } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'E.S.E. Hospital San Rafael',
    nit: '800197268-4',
  }));
  for (const nombre of ['Oficina de Talento Humano', 'Planeación'])
    await admin('POST', `/api/entidades/${entidadId}/dependencias`, { nombre });
  for (const [nombre, correo] of [
    ['Yolanda Muñoz', 'yolanda@sanrafael.example'],
    ['Jorge Ortiz Cano', 'jorge@sanrafael.example'],
  ])
    await admin('POST', `/api/entidades/${entidadId}/usuarios`, {
      nombre,
      correo,
      cargo: null,
      roles: ['responsable_actividad'],
    });
  contexto = await e.navegador.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
  page = await contexto.newPage();
  await ingresar(page, e.url, ADMIN.correo, ADMIN.clave);
});
afterAll(async () => {
  await contexto?.close();
  await e?.cerrar();
});

describe('importar el plan desde la hoja propia de la oficina', () => {
  it('desde el plan se llega a la importación de la hoja propia', async () => {
    await page.goto(`${e.url}/plan?entidad=${entidadId}&vigencia=2026`);
    await clic(() => page.getByRole('link', { name: 'Impórtelo tal como está' }).click());
    await page.getByRole('heading', { name: 'Importar el plan desde su hoja' }).waitFor();
    await revisarPagina(page, 'importar-propio-01-inicio');
  });

  it('lee la hoja: encabezado en la fila 4, columnas reconocidas, nombres parecidos emparejados', async () => {
    await page.locator('input[type=file]').setInputFiles({
      name: 'PAI 2026 Hospital San Rafael.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await hojaDeLaOficina(),
    });
    clics++; // choosing the file
    await clic(() => page.getByRole('button', { name: 'Leer la hoja' }).click());
    await page.getByText('Encontramos 120 actividades bajo los encabezados de la fila 4').waitFor();
    const campo = (encabezado: string) => page.getByLabel(`Campo del plan para «${encabezado}»`);
    expect(await campo('Política MIPG').inputValue()).toBe('politica');
    expect(await campo('Actividad / acción').inputValue()).toBe('nombre');
    expect(await campo('Meta 2026').inputValue()).toBe('metaAnual');
    expect(await campo('II trim').inputValue()).toBe('meta2');
    expect(await campo('Dependencia responsable').inputValue()).toBe('dependencia');
    expect(await campo('Líder').inputValue()).toBe('responsable');
    expect(await campo('Fecha final').inputValue()).toBe('fechaFin');
    expect(await campo('Observaciones').inputValue()).toBe('');
    // «Talento humano» is «Oficina de Talento Humano»; «Jorge Ortiz» is «Jorge Ortiz Cano».
    expect(await page.getByLabel(/«Talento humano»/).inputValue()).not.toBe('');
    expect(await page.getByLabel(/«Jorge Ortiz»/).inputValue()).not.toBe('');
    await revisarPagina(page, 'importar-propio-02-revision');
    // The user guide's picture of this step (docs/guia/entidad-y-planeacion.md).
    await page.screenshot({
      path: join(import.meta.dirname, '..', 'docs', 'guia', 'img', 'planeacion-hoja-propia.png'),
      animations: 'disabled',
      caret: 'hide',
    });
  });

  it('crea la dependencia y da acceso a la persona que faltaban, sin salir de la revisión', async () => {
    await clic(() => page.getByRole('button', { name: 'Crear la dependencia «Archivo central»' }).click());
    await expect.poll(() => page.getByRole('button', { name: /Crear la dependencia/ }).count()).toBe(0);
    await page.getByLabel('Correo de Carlos Pérez').fill('carlos@sanrafael.example');
    await clic(() => page.getByRole('button', { name: 'Invitar a Carlos Pérez' }).click());
    await expect.poll(() => page.getByRole('button', { name: /Invitar a/ }).count()).toBe(0);
    await page.getByText('Todas las políticas, dependencias y personas de la hoja corresponden').waitFor();
    await revisarPagina(page, 'importar-propio-03-nombres');
  });

  it('sugiere el tipo de meta por la redacción, e importa las 120 al plan en borrador', async () => {
    const tipos = page.getByRole('table', { name: 'Tipo de meta de cada actividad' });
    expect(await tipos.getByLabel('Tipo de meta de la fila 5').inputValue()).toBe('promedio');
    expect(await tipos.getByLabel('Tipo de meta de la fila 6').inputValue()).toBe('hito');
    expect(await tipos.getByLabel('Tipo de meta de la fila 7').inputValue()).toBe('ultimo');
    expect(await tipos.getByLabel('Tipo de meta de la fila 8').inputValue()).toBe('suma');
    await clic(() => page.getByRole('button', { name: 'Importar 120 actividades' }).click());
    await page.getByText('Se importaron 120 actividades al plan 2026 en borrador').waitFor();
    await revisarPagina(page, 'importar-propio-04-importado');
    const plan = await admin<{
      plan: { estado: string };
      actividades: { politica: string; ponderacion: number }[];
    }>('GET', `/api/entidades/${entidadId}/planes/2026`);
    expect(plan.plan.estado).toBe('borrador');
    expect(plan.actividades).toHaveLength(120);
    expect(new Set(plan.actividades.map((a) => a.politica)).size).toBe(6);
    const minutos = (Date.now() - inicio) / 60_000;
    expect(minutos).toBeLessThan(10);
    expect(clics).toBeLessThanOrEqual(8);
    console.log(`De archivo a plan en borrador: ${clics} clics, ${minutos.toFixed(1)} minutos`);
  });

  it('el año siguiente la misma hoja llega con las columnas ya elegidas', async () => {
    await page.reload();
    await page.locator('input[type=file]').setInputFiles({
      name: 'PAI 2026.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await hojaDeLaOficina(),
    });
    await page.getByRole('button', { name: 'Leer la hoja' }).click();
    await page.getByText('Encontramos 120 actividades').waitFor();
    expect(await page.getByText('del año pasado').count()).toBeGreaterThan(10);
  });

  it('en el teléfono la revisión se usa igual', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByText('Encontramos 120 actividades').waitFor();
    await revisarPagina(page, 'importar-propio-05-telefono');
  });
});
