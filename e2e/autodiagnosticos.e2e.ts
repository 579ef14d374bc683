// The demo's autodiagnóstico in the browser: talento humano's responsible ticks the cancelling option of a
// multiple-choice item (the others untick), answers a number that hides a later item by its skip logic, saves
// each item, links evidence from seguimiento and sends it; planeación finds it sent and marks it reviewed,
// compares it with last year's, turns a gap into an improvement action and finds it in the plan. Axe on
// desktop and at 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { type Entorno, entrarComo, iniciarEntorno, revisarPagina } from './entorno.ts';

let e: Entorno;
const NOMBRE = 'Autodiagnóstico de talento humano (ejemplo, no oficial)';
const correo = (u: string) => `${u}@${DEMO.dominio}`;

beforeAll(async () => {
  e = await iniciarEntorno({ demo: true });
}, 600_000); // seeding the demo takes minutes on a loaded machine
afterAll(() => e?.cerrar());

async function abrir(p: Page, movil = false) {
  if (movil) await p.getByRole('button', { name: 'Menú de secciones' }).click();
  await p
    .getByRole('navigation', { name: 'Secciones' })
    .getByRole('link', { name: 'Autodiagnósticos', exact: true })
    .click();
  await p.getByRole('link', { name: NOMBRE }).first().waitFor();
}

const item = (p: Page, codigo: string) => p.getByRole('region', { name: new RegExp(`^${codigo}\\.`) });

describe('autodiagnóstico de la demo', () => {
  it('el responsable responde, lo envía y planeación lo da por revisado', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('talentohumano'), DEMO.clave);
    await abrir(p);
    await p.getByRole('cell', { name: 'En diligenciamiento' }).first().waitFor();
    await revisarPagina(p, '95-autodiagnosticos');
    await p.getByRole('link', { name: NOMBRE }).first().click();
    await p.getByRole('heading', { name: 'Preguntas' }).waitFor();

    // The cancelling option unticks the others at once.
    const ej04 = item(p, 'EJ-04');
    expect(await ej04.getByRole('checkbox', { name: 'Plan institucional de capacitación' }).isChecked()).toBe(
      true,
    );
    await ej04.getByRole('checkbox', { name: /^Ninguno de los anteriores/ }).check();
    expect(await ej04.getByRole('checkbox', { name: 'Plan institucional de capacitación' }).isChecked()).toBe(
      false,
    );
    await ej04.getByRole('button', { name: 'Guardar la respuesta de EJ-04' }).click();
    await ej04.getByText('Guardado', { exact: true }).waitFor();

    // EJ-08 shows only while EJ-06 is under 20 hours: typing 30 hides it before anything is saved.
    await item(p, 'EJ-08').waitFor();
    const ej06 = item(p, 'EJ-06');
    await ej06.getByRole('textbox', { name: 'Número' }).fill('30');
    await item(p, 'EJ-08').waitFor({ state: 'detached' });
    await ej06.getByRole('button', { name: 'Guardar la respuesta de EJ-06' }).click();
    await ej06.getByText('Guardado', { exact: true }).waitFor();
    // Evidence already uploaded in seguimiento, linked to the item that requires it (the same file).
    const ej01 = item(p, 'EJ-01');
    await ej01.getByRole('button', { name: 'Enlazar la evidencia a EJ-01' }).click();
    await ej01.getByText('Evidencias enlazadas').waitFor();
    await revisarPagina(p, '96-autodiagnostico-responder');

    await p.getByRole('button', { name: 'Enviar a planeación' }).click();
    await p.getByText('El autodiagnóstico quedó enviado a planeación.').waitFor();
    await p.getByText(/^Estado: Enviado a planeación$/).waitFor();
    await p.context().close();

    const q = await entrarComo(e.navegador, e.url, correo('planeacion'), DEMO.clave);
    await abrir(q);
    await q.getByRole('cell', { name: 'Enviado a planeación' }).first().waitFor();
    await q.getByRole('link', { name: NOMBRE }).first().click();
    await q.getByRole('heading', { name: 'Resultados' }).waitFor();
    await revisarPagina(q, '97-autodiagnostico-revisar');
    await q.getByRole('button', { name: 'Marcar como revisado' }).click();
    await q.getByText('El autodiagnóstico quedó revisado.').waitFor();
    await q.getByText(/^Estado: Revisado por planeación$/).waitFor();
    await q.context().close();
  }, 180_000); // two people, four pages with axe: over a minute on a loaded machine

  it('planeación compara con el año anterior, convierte una brecha en acción de mejora y la encuentra en el plan', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('planeacion'), DEMO.clave);
    await abrir(p);
    await p.getByRole('link', { name: NOMBRE }).first().click();
    // Last year's autodiagnóstico of the demo, scored on this year's sections: bars and radar drawn (ECharts,
    // loaded only here), the same figures with their completeness in the table.
    await p.getByRole('heading', { name: 'Por componente, frente a vigencias anteriores' }).waitFor();
    await p
      .getByRole('img', { name: /^Barras del puntaje por componente en \d{4}, \d{4}/ })
      .locator('svg')
      .waitFor();
    await p
      .getByRole('img', { name: /^Radar del puntaje por sección en \d{4}, \d{4}/ })
      .locator('svg')
      .waitFor();
    const totales = await p
      .getByRole('list', { name: 'Total por vigencia' })
      .getByRole('listitem')
      .allTextContents();
    expect(totales).toHaveLength(2);
    expect(totales[0]).toMatch(/^(\d{4}): [\d,]+ puntos \(.+\) · completitud [\d,]+ % \(\d+ de \d+\)$/);
    expect(Number(totales[0]!.slice(0, 4)) - Number(totales[1]!.slice(0, 4))).toBe(1);
    const tabla = p.getByRole('region', { name: 'Puntaje y completitud por componente y vigencia' });
    // Under each component, a row per year: its score and, beside it, its completeness.
    expect(await tabla.getByRole('row').nth(1).textContent()).toBe('Planeación');
    expect(await tabla.getByRole('row').nth(2).textContent()).toMatch(/^\d{4}[\d,]+[\d,]+ % \(\d+ de \d+\)$/);
    // The demo's plan is published: no button, and the page says why.
    await p.getByText(/^El plan de \d{4} está publicado: las brechas se convierten/).waitFor();
    expect(await p.getByRole('button', { name: /^Crear acción de mejora/ }).count()).toBe(0);
    await revisarPagina(p, '100-autodiagnostico-comparacion');

    // Planeación opens a new version of the plan and comes back.
    await p
      .getByRole('navigation', { name: 'Secciones' })
      .getByRole('link', { name: 'Plan de acción' })
      .click();
    await p.getByRole('button', { name: 'Abrir una nueva versión' }).click();
    const version = p.getByRole('dialog', { name: 'Abrir una nueva versión del plan' });
    await version
      .getByLabel('Justificación del cambio')
      .fill('Acciones de mejora del autodiagnóstico de talento humano');
    await version.getByRole('button', { name: /^Abrir la versión \d+$/ }).click();
    await version.waitFor({ state: 'hidden' });
    await abrir(p);
    await p.getByRole('link', { name: NOMBRE }).first().click();

    const brechas = p.getByRole('list', { name: 'Brechas del autodiagnóstico' });
    const ej04 = brechas.getByRole('listitem').filter({ hasText: /^EJ-04 · 0 puntos/ });
    await ej04.getByText('Aún no tiene acción de mejora.').waitFor();
    await ej04.getByRole('button', { name: 'Crear acción de mejora para EJ-04' }).click();
    const v = p.getByRole('dialog', { name: /^Crear la acción de mejora en el plan \d{4}$/ });
    await v.getByLabel('Código').waitFor();
    // Filled from the gap: the autodiagnóstico's policy (the only one offered) and the item's text.
    await expect.poll(() => v.getByLabel('Política', { exact: true }).locator('option').count()).toBe(1);
    expect(await v.getByRole('textbox', { name: 'Actividad', exact: true }).inputValue()).toMatch(
      /^Acción de mejora de EJ-04: ¿Qué planes integró/,
    );
    await revisarPagina(p, '101-brecha-a-accion-de-mejora');
    await v.getByLabel('Código').fill('TH-90');
    await v
      .getByRole('textbox', { name: 'Actividad', exact: true })
      .fill('Integrar el plan de bienestar y el de vacantes al plan estratégico de talento humano');
    await v.getByLabel('Unidad de medida').fill('plan');
    await v.getByLabel('Producto o entregable').fill('Plan estratégico con sus planes integrados');
    await v.getByLabel('Meta anual').fill('1');
    await v.getByLabel('Meta: Trimestre 4').fill('1');
    await v.getByRole('button', { name: 'Agregar la actividad al plan' }).click();
    await p.getByText(/^La actividad TH-90 quedó en el plan \d{4}\.$/).waitFor();
    // The gap now links to its activity; the activity in the plan links back to the gap.
    const enlace = ej04.getByRole('link', { name: /^Actividad TH-90 «Integrar el plan de bienestar/ });
    await enlace.waitFor();
    await revisarPagina(p, '102-brecha-con-accion');
    await enlace.click();
    await p.getByText('TH-90').first().waitFor();
    await p
      .getByRole('link', { name: 'Acción de mejora de una brecha del autodiagnóstico (ítem EJ-04)' })
      .waitFor();
    await revisarPagina(p, '103-plan-con-accion-de-mejora');
    await p.context().close();
  }, 180_000);

  it('a 390 px la lista, el autodiagnóstico con su comparación y la propuesta de mejora se leen sin violaciones de accesibilidad', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('talentohumano'), DEMO.clave, 390);
    await abrir(p, true);
    await revisarPagina(p, '98-autodiagnosticos-movil');
    await p.getByRole('link', { name: NOMBRE }).first().click();
    await p.getByRole('heading', { name: 'Resultados' }).waitFor();
    await p
      .getByRole('img', { name: /^Radar del puntaje/ })
      .locator('svg')
      .waitFor();
    await revisarPagina(p, '99-autodiagnostico-movil');
    // The policy's responsible proposes (the plan is in borrador since the test before).
    await p.getByRole('button', { name: 'Crear acción de mejora para EJ-03' }).click();
    await p.getByRole('dialog', { name: 'Proponer la acción de mejora' }).getByLabel('Código').waitFor();
    await revisarPagina(p, '104-accion-de-mejora-movil');
    await p.context().close();
  });
});
