// The 31 January pack in the browser: planeación of the demo entity sees what is overdue, publishes the plan de
// acción as a PDF, copies its permanent address, and a citizen finds it on the public page. Axe on every state,
// on desktop and at 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { type Entorno, entrarComo, iniciarEntorno, revisarPagina } from './entorno.ts';

let e: Entorno;
const VIGENCIA = new Date().getFullYear();
const PLANEACION = `planeacion@${DEMO.dominio}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

const ir = (p: Page, texto: string) =>
  p.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: texto, exact: true }).click();

beforeAll(async () => {
  e = await iniciarEntorno({ demo: true });
});
afterAll(() => e?.cerrar());

describe('publicaciones del 31 de enero', () => {
  it('planeación publica el plan de acción y la ciudadanía lo encuentra en la página pública', async () => {
    const p = await entrarComo(e.navegador, e.url, PLANEACION, DEMO.clave);
    await ir(p, 'Publicaciones');
    await p.getByRole('heading', { name: `Publicaciones del 31 de enero de ${VIGENCIA}` }).waitFor();
    await p.getByText('Documentos sin publicar: plazo vencido').waitFor();
    await revisarPagina(p, '95-publicaciones');

    await p.getByRole('button', { name: `Publicar Plan de acción ${VIGENCIA}`, exact: true }).click();
    const v = p.getByRole('dialog', { name: `Publicar: Plan de acción ${VIGENCIA}` });
    await v.locator('input[type="file"]').setInputFiles({
      name: `Plan de acción ${VIGENCIA}.pdf`,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await v.getByLabel('Qué cambió (opcional)').fill('Versión aprobada por el comité');
    await revisarPagina(p, '96-publicar-documento');
    await v.getByRole('button', { name: 'Publicar', exact: true }).click();
    await p.getByText(`Quedó publicada la versión 1 de «Plan de acción ${VIGENCIA}».`).waitFor();
    await p.getByText('Publicado fuera de plazo').first().waitFor();
    const enlace = p.getByRole('link', { name: `Dirección pública de Plan de acción ${VIGENCIA}` });
    const href = (await enlace.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/publico/[0-9a-f-]{36}/documentos/${VIGENCIA}/plan-accion$`));
    // The permanent address serves the file to anyone, without a session.
    const archivo = await fetch(new URL(href, e.url));
    expect(archivo.status).toBe(200);
    expect(Buffer.from(await archivo.arrayBuffer()).equals(PDF)).toBe(true);
    await p.context().close();

    const ciudadano = await (await e.navegador.newContext({ locale: 'es-CO' })).newPage();
    await ciudadano.goto(new URL(href.replace(/\/documentos\/.*$/, ''), e.url).toString());
    await ciudadano.getByRole('heading', { name: 'Documentos publicados' }).waitFor();
    await ciudadano.getByRole('link', { name: `Plan de acción ${VIGENCIA}`, exact: true }).waitFor();
    expect(await ciudadano.locator('#documentos ~ ul, #documentos + p + ul').first().textContent()).toContain(
      'numeral 4.3',
    );
    await revisarPagina(ciudadano, '97-publicaciones-pagina-publica');
    await ciudadano.context().close();
  });

  it('a 390 px la lista se lee como tarjetas, sin violaciones de accesibilidad', async () => {
    const p = await entrarComo(e.navegador, e.url, PLANEACION, DEMO.clave, 390);
    await p.getByRole('button', { name: 'Menú de secciones' }).click();
    await ir(p, 'Publicaciones');
    await p.getByRole('heading', { name: `Publicaciones del 31 de enero de ${VIGENCIA}` }).waitFor();
    await p.getByText('Informe de gestión', { exact: false }).first().waitFor();
    await revisarPagina(p, '98-publicaciones-movil');
    await p.context().close();
  });
});
