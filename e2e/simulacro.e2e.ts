// The FURAG rehearsal in the browser, on the demo entity: planeación imports the vigencia's bank, opens the
// simulacro and assigns a module to a person of its office; she answers the whole module with evidence (one file
// already uploaded in seguimiento, one link), seeing last vigencia's answer beside each question, and the
// progress reaches 100 % completeness for the module and for her; control interno answers only its form. The
// FURAG window shows as an estimate until planeación records dates in the calendar. Axe on every state, desktop
// and 390 px.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { type Entorno, entrarComo, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
let vigencia: number;
const correo = (u: string) => `${u}@${DEMO.dominio}`;
const NOMBRE = 'Banco FURAG de prueba del navegador (ejemplo, no oficial)';
const LINA = 'Lina Marcela Quenán Pantoja';

const SI_NO = [
  { codigo: 'si', texto: 'Sí' },
  { codigo: 'no', texto: 'No' },
];

/** A short bank written for the test; last year's first question had another code (PL-A). */
const banco = (v: number, codigo: string, nombre: string) => ({
  formato: 'mipg-cuestionario/1',
  codigo,
  nombre,
  vigencia: v,
  instrumento: 'furag',
  fuente: 'Ejemplo, no oficial',
  secciones: [
    {
      codigo: 'PL',
      nombre: 'Planeación institucional',
      items: [
        {
          codigo: v === vigencia ? 'PL-1' : 'PL-A',
          tipo: 'seleccion_unica',
          texto: '¿La entidad aprobó su plan de acción en el comité institucional? (ejemplo, no oficial)',
          opciones: SI_NO,
          evidencia: true,
          ...(v === vigencia ? { equivalencias: { [String(v - 1)]: 'PL-A' } } : {}),
        },
        {
          codigo: 'PL-2',
          tipo: 'numero',
          texto: '¿Cuántas actividades tiene el plan de acción? (ejemplo, no oficial)',
          minimo: 0,
          maximo: 1000,
          decimales: 0,
        },
      ],
      secciones: [],
    },
    {
      codigo: 'CI',
      nombre: 'Control interno',
      items: [
        {
          codigo: 'CI-1',
          tipo: 'seleccion_unica',
          texto: '¿El comité de control interno sesionó en la vigencia? (ejemplo, no oficial)',
          opciones: SI_NO,
          evidencia: true,
        },
      ],
      secciones: [],
    },
  ],
});

beforeAll(async () => {
  e = await iniciarEntorno({ demo: true });
  const admin = await sesionApi(e.url, correo('admin'), DEMO.clave);
  const planeacion = await sesionApi(e.url, correo('planeacion'), DEMO.clave);
  const sesion = await planeacion<{ entidades: { id: string }[] }>('GET', '/api/auth/sesion');
  const entidadId = sesion.entidades[0]!.id;
  const base = `/api/entidades/${entidadId}`;
  const { simulacros } = await planeacion<{ simulacros: { vigencia: number }[] }>(
    'GET',
    `${base}/simulacros`,
  );
  vigencia = simulacros[0]!.vigencia;
  // Planeación's professional joins planeación's role: the office answers the rehearsal.
  const usuarios = await admin<{ id: string; correo: string; roles: string[] }[]>('GET', `${base}/usuarios`);
  const lina = usuarios.find((u) => u.correo === correo('apoyoplaneacion'))!;
  await admin('PUT', `${base}/usuarios/${lina.id}/roles`, { roles: [...lina.roles, 'planeacion'] });
  // Last vigencia's rehearsal, answered: its answer shows beside this year's question.
  const anterior = await planeacion<{ id: string }>(
    'POST',
    `/api/cuestionarios/import?entidadId=${entidadId}`,
    banco(vigencia - 1, 'E2E-FURAG', 'Banco FURAG del año pasado (ejemplo, no oficial)'),
  );
  const previo = await planeacion<{ id: string }>('POST', `${base}/simulacros`, {
    cuestionarioId: anterior.id,
    seccionControlInterno: 'CI',
  });
  const yo = (await planeacion<{ usuario: { id: string } }>('GET', '/api/auth/sesion')).usuario.id;
  await planeacion('PUT', `${base}/simulacros/${previo.id}/asignaciones/PL`, { usuarioId: yo });
  await planeacion('PUT', `${base}/simulacros/${previo.id}/respuestas/PL-A`, {
    respuesta: { opcion: 'no' },
    observacion: 'El plan se aprobó tarde, en febrero.',
    evidencias: [{ nombre: 'Acta del comité', url: `https://${DEMO.dominio}/transparencia/acta-comite.pdf` }],
  });
}, 600_000); // seeding the demo takes minutes on a loaded machine
afterAll(() => e?.cerrar());

async function abrir(p: Page, movil = false) {
  if (movil) await p.getByRole('button', { name: 'Menú de secciones' }).click();
  await p
    .getByRole('navigation', { name: 'Secciones' })
    .getByRole('link', { name: 'Simulacro FURAG', exact: true })
    .click();
  await p.getByRole('heading', { name: 'Simulacro FURAG', level: 1 }).waitFor();
}

async function abrirBanco(p: Page, movil = false) {
  await abrir(p, movil);
  await p.getByRole('link', { name: NOMBRE }).first().click();
  await p.getByRole('heading', { name: 'Preguntas' }).waitFor();
}

/** From the top: a full-page capture of a page scrolled down leaves the tables' sticky headers over their rows. */
async function revisar(p: Page, nombre: string) {
  await p.evaluate(() => window.scrollTo(0, 0));
  await revisarPagina(p, nombre);
}

const pregunta = (p: Page, codigo: string) => p.getByRole('region', { name: new RegExp(`^${codigo}\\.`) });
const fila = (p: Page, tabla: string, nombre: string) =>
  p.getByRole('table', { name: tabla }).getByRole('row').filter({ hasText: nombre });

describe('simulacro FURAG', () => {
  it('planeación importa el banco, abre el simulacro y asigna un módulo a una persona de su oficina', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('planeacion'), DEMO.clave);
    await abrir(p);
    await p.getByRole('table', { name: 'Simulacros de la entidad' }).waitFor();
    await p.getByText('Estimada (no oficial)').waitFor();
    await revisar(p, 'simulacro-01-lista');

    await p
      .getByRole('region', { name: 'Importar un cuestionario' })
      .locator('input[type=file]')
      .setInputFiles({
        name: 'banco-furag.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(banco(vigencia, 'E2E-FURAG', NOMBRE))),
      });
    await p.getByRole('button', { name: 'Importar el cuestionario' }).click();
    await p.getByText(/^Se importó el cuestionario E2E-FURAG/).waitFor();
    await p
      .getByLabel('Banco de preguntas')
      .selectOption({ label: `${NOMBRE} — vigencia ${vigencia} (3 preguntas, Ejemplo, no oficial)` });
    // The bank's control-interno module is offered by its name.
    expect(await p.getByLabel('Formulario de control interno').inputValue()).toBe('CI');
    await p.getByRole('button', { name: 'Abrir el simulacro' }).click();
    await p.getByRole('link', { name: 'Asigne sus módulos a las personas' }).click();
    await p.getByRole('heading', { name: 'Quién responde' }).waitFor();
    // The control-interno form is never offered for assignment.
    // The options arrive with the office's sections: read them once they are there, not before.
    await expect
      .poll(() => p.getByLabel('Sección').locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['PL Planeación institucional']);
    await p
      .getByLabel('Persona')
      .selectOption({ label: `${LINA} (Profesional universitaria de Planeación)` });
    await p.getByRole('button', { name: 'Asignar' }).click();
    await p.getByText(`La sección PL quedó asignada a ${LINA}.`).waitFor();
    await fila(p, 'Avance por persona', LINA).getByText('0 % (0 de 2)').waitFor();
    await revisar(p, 'simulacro-02-asignar');
    await p.context().close();
  }, 180_000);

  it('la persona responde su módulo entero con evidencia, ve la respuesta anterior y el avance llega a 100 %', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('apoyoplaneacion'), DEMO.clave);
    await abrirBanco(p);
    await p.getByText('Usted responde 2 preguntas de este simulacro.').waitFor();
    // Only her questions by default: control interno's is not among them.
    expect(await pregunta(p, 'CI-1').count()).toBe(0);

    const pl1 = pregunta(p, 'PL-1');
    await pl1.getByText(`Respuesta de ${vigencia - 1}: No`).waitFor();
    await pl1.getByText('Observación: El plan se aprobó tarde, en febrero.').waitFor();
    await pl1.getByRole('radio', { name: 'Sí' }).check();
    await pl1.getByRole('button', { name: 'Guardar la respuesta de PL-1' }).click();
    await pl1.getByText('Guardado', { exact: true }).waitFor();
    // Evidence already uploaded in seguimiento, linked: the same file.
    await pl1.getByRole('button', { name: 'Enlazar la evidencia a PL-1' }).click();
    await pl1.getByRole('button', { name: /^Quitar la evidencia .* de PL-1$/ }).waitFor();
    const enlace = await pl1.locator('.evidencias-item a').first().getAttribute('href');
    expect(enlace).toMatch(/^\/api\/entidades\/[0-9a-f-]{36}\/evidencias\/[0-9a-f-]{36}$/);

    const pl2 = pregunta(p, 'PL-2');
    await pl2.getByText(`Respuesta de ${vigencia - 1}: sin respuesta`).waitFor();
    await pl2.getByRole('textbox', { name: 'Número' }).fill('42');
    await pl2.getByRole('button', { name: 'Guardar la respuesta de PL-2' }).click();
    await pl2.getByText('Guardado', { exact: true }).waitFor();
    await pl2.getByRole('button', { name: 'Agregar una evidencia' }).click();
    await pl2.getByRole('button', { name: /^Agregar un enlace/ }).click();
    await pl2.getByLabel('Nombre de la evidencia').fill('Plan de acción publicado');
    await pl2.getByLabel('Enlace (https://…)').fill('javascript:alert(1)');
    await pl2.getByRole('button', { name: 'Agregar el enlace a PL-2' }).click();
    await pl2.getByText('El enlace debe empezar por https:// o http://').waitFor();
    await pl2.getByLabel('Enlace (https://…)').fill(`https://${DEMO.dominio}/transparencia/plan-accion.pdf`);
    await pl2.getByRole('button', { name: 'Agregar el enlace a PL-2' }).click();
    await pl2.getByRole('link', { name: 'Plan de acción publicado' }).waitFor();

    await fila(p, 'Avance por módulo', 'Planeación institucional')
      .getByText('100 % (2 de 2)')
      .first()
      .waitFor();
    const modulo = fila(p, 'Avance por módulo', 'Planeación institucional');
    expect(await modulo.textContent()).toMatch(/100 % \(2 de 2\).*100 % \(2 de 2\)/);
    expect(await fila(p, 'Avance por persona', LINA).textContent()).toMatch(
      /100 % \(2 de 2\).*100 % \(2 de 2\)/,
    );
    await p.getByText(/no es un puntaje del FURAG ni una predicción/).waitFor();
    await revisar(p, 'simulacro-03-responder');

    // Every answer goes out in .xlsx with its evidence as links that open from the workbook.
    const [descarga] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: /^Descargar todas las respuestas/ }).click(),
    ]);
    expect(descarga.suggestedFilename()).toBe(`simulacro-furag-${vigencia}.xlsx`);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.readFile((await descarga.path())!);
    const filas = libro.getWorksheet('Respuestas')!.getSheetValues() as unknown[][];
    const pl1Fila = filas.find((f) => f?.[3] === 'PL-1')!;
    expect(pl1Fila[7]).toBe('Sí');
    expect(pl1Fila[9]).toMatch(
      new RegExp(`^.+: ${e.url}/api/entidades/[0-9a-f-]{36}/evidencias/[0-9a-f-]{36}$`),
    );
    expect(pl1Fila[11]).toBe('No');
    expect(filas.find((f) => f?.[3] === 'PL-2')![9]).toBe(
      `Plan de acción publicado: https://${DEMO.dominio}/transparencia/plan-accion.pdf`,
    );
    await p.context().close();
  }, 180_000);

  it('control interno responde solo su formulario, en un teléfono de 390 px', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('controlinterno'), DEMO.clave, 390);
    await abrir(p, true);
    await revisar(p, 'simulacro-04-lista-movil');
    await p.getByRole('link', { name: NOMBRE }).first().click();
    await p.getByRole('heading', { name: 'Preguntas' }).waitFor();
    await p.getByText(/Control interno responde solo el formulario de control interno/).waitFor();
    // Its form is shown and answerable; the module of planeación, only to read.
    const ci1 = pregunta(p, 'CI-1');
    await ci1.getByRole('radio', { name: 'Sí' }).check();
    await ci1.getByRole('button', { name: 'Guardar la respuesta de CI-1' }).click();
    await ci1.getByText('Guardado', { exact: true }).waitFor();
    await p.getByRole('checkbox', { name: 'Solo las preguntas que yo respondo' }).uncheck();
    await p.getByLabel('Módulo').selectOption('PL');
    const pl1 = pregunta(p, 'PL-1');
    expect(await pl1.getByRole('radio', { name: 'Sí' }).isDisabled()).toBe(true);
    expect(await pl1.getByRole('button', { name: /^Guardar/ }).count()).toBe(0);
    await revisar(p, 'simulacro-05-control-interno-movil');
    await p.context().close();
  }, 180_000);

  it('la ventana del FURAG: estimada hasta que planeación registra las fechas en el calendario', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('planeacion'), DEMO.clave);
    await abrirBanco(p);
    const ventana = p.getByRole('region', { name: `Ventana del FURAG de la vigencia ${vigencia}` });
    await ventana.getByText('Estimada (no oficial)').waitFor();
    await ventana.getByText(/No es una fecha oficial/).waitFor();

    await p.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Calendario' }).click();
    await p.getByLabel('Año').selectOption(String(vigencia + 1));
    const editor = p.getByRole('region', { name: new RegExp(`^Ventana del FURAG en ${vigencia + 1}`) });
    await editor.getByLabel('Apertura').fill(`03/03/${vigencia + 1}`);
    await editor.getByLabel('Cierre').fill(`17/04/${vigencia + 1}`);
    await editor.getByLabel('Fuente de las fechas').fill('Circular de prueba de Función Pública');
    await editor.getByRole('button', { name: 'Registrar las fechas' }).click();
    await editor.getByText('Las fechas quedaron registradas para esta entidad.').waitFor();
    await editor.getByText(`Del 03/03/${vigencia + 1} al 17/04/${vigencia + 1}`).waitFor();
    await revisar(p, 'simulacro-06-calendario-ventana');

    await abrirBanco(p);
    await ventana.getByText('Registrada por la entidad — Circular de prueba de Función Pública').waitFor();
    await p.context().close();
  }, 180_000);
});
