// The demo's autodiagnóstico in the browser: talento humano's responsible ticks the cancelling option of a
// multiple-choice item (the others untick), answers a number that hides a later item by its skip logic, saves
// each item, links evidence from seguimiento and sends it; planeación finds it sent and marks it reviewed. Axe on desktop and at 390 px.
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

  it('a 390 px la lista y el autodiagnóstico se leen sin violaciones de accesibilidad', async () => {
    const p = await entrarComo(e.navegador, e.url, correo('talentohumano'), DEMO.clave, 390);
    await abrir(p, true);
    await revisarPagina(p, '98-autodiagnosticos-movil');
    await p.getByRole('link', { name: NOMBRE }).first().click();
    await p.getByRole('heading', { name: 'Resultados' }).waitFor();
    await revisarPagina(p, '99-autodiagnostico-movil');
    await p.context().close();
  });
});
