// Función Pública's recommendations in the browser: planeación uploads the file that came with the results,
// turns one recommendation into an activity of the plan with the activity form already filled with its policy,
// index and text, finds it in the plan, and follows it on the traceability page. Axe on desktop and at 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  type Entorno,
  entrarComo,
  iniciarEntorno,
  personaConClave,
  revisarPagina,
  sesionApi,
} from './entorno.ts';

let e: Entorno;
const CLAVE = 'Sibundoy2026x';
const VIGENCIA = new Date().getFullYear();
const PLANEACION = {
  nombre: 'Jorge Planeación',
  correo: 'planeacion@recomendaciones.example',
  roles: ['planeacion'],
};
const ARCHIVO = [
  `Recomendaciones FURAG ${VIGENCIA - 1} — E.S.E. Hospital de las Recomendaciones;`,
  'Índice;Recomendación',
  'I01 Calidad de la planeación estratégica del talento humano;"Actualice el plan estratégico de talento humano\ncon el diagnóstico de la vigencia."',
  'I05 Código de integridad;Mida la apropiación del código de integridad entre los servidores.',
].join('\r\n');

const ir = (p: Page, texto: string) =>
  p.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: texto, exact: true }).click();

beforeAll(async () => {
  e = await iniciarEntorno();
  const admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  const { id: entidadId } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'E.S.E. Hospital de las Recomendaciones',
    nit: '846000253-6',
  });
  await personaConClave(e.url, admin, entidadId, PLANEACION, CLAVE);
});
afterAll(() => e?.cerrar());

describe('recomendaciones de Función Pública al plan', () => {
  it('planeación sube las recomendaciones, convierte una en actividad y la encuentra en el plan', async () => {
    const p = await entrarComo(e.navegador, e.url, PLANEACION.correo, CLAVE);
    await ir(p, 'Recomendaciones FURAG');
    await p.getByRole('heading', { name: 'Cargar las recomendaciones' }).waitFor();
    await p.getByLabel('Vigencia de los resultados').selectOption(String(VIGENCIA - 1));
    await p.locator('input[type="file"]').setInputFiles({
      name: 'recomendaciones.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ARCHIVO),
    });
    await p.getByRole('button', { name: 'Cargar recomendaciones' }).click();
    await p.getByText('Quedaron 2 recomendaciones nuevas.').waitFor();
    await p.getByRole('heading', { name: /POL01 / }).waitFor();
    await revisarPagina(p, '90-recomendaciones');

    await p.getByRole('button', { name: 'Crear actividad' }).first().click();
    const v = p.getByRole('dialog', { name: `Crear la actividad en el plan ${VIGENCIA}` });
    await v.getByLabel('Código').waitFor();
    // Filled from the recommendation: its policy (the only one offered), its index and its text.
    await expect.poll(() => v.getByLabel('Política', { exact: true }).locator('option').count()).toBe(1);
    expect(await v.getByLabel('Índice FURAG (opcional)').inputValue()).toBe('I01');
    expect(await v.getByRole('textbox', { name: 'Actividad', exact: true }).inputValue()).toContain(
      'Actualice el plan estratégico de talento humano con el diagnóstico',
    );
    await revisarPagina(p, '91-recomendacion-a-actividad');
    await v.getByLabel('Código').fill('TH-01');
    await v.getByLabel('Unidad de medida').fill('documento');
    await v.getByLabel('Producto o entregable').fill('Plan estratégico de talento humano actualizado');
    await v.getByLabel('Meta anual').fill('1');
    await v.getByLabel('Meta: Trimestre 2').fill('1');
    await v.getByRole('button', { name: 'Agregar la actividad al plan' }).click();
    await p.getByText(`La actividad TH-01 quedó en el plan ${VIGENCIA}.`).waitFor();
    await p.getByText(/Actividad TH-01 «Actualice el plan estratégico/).waitFor();

    await p.getByRole('link', { name: /^Ver trazabilidad de la recomendación I01/ }).click();
    await p.getByRole('heading', { name: '1. La recomendación' }).waitFor();
    await p.getByText(/TH-01 · Actualice el plan/).waitFor();
    await p.getByText(`Aún no se cargaron los resultados de ${VIGENCIA}`).waitFor();
    await revisarPagina(p, '92-trazabilidad-recomendacion');

    await ir(p, 'Plan de acción');
    await p.getByText('TH-01').first().waitFor();
    expect(await p.locator('main').textContent()).toContain(
      'Actualice el plan estratégico de talento humano',
    );
    await p.context().close();
  });

  it('a 390 px la lista y la trazabilidad se leen sin violaciones de accesibilidad', async () => {
    const p = await entrarComo(e.navegador, e.url, PLANEACION.correo, CLAVE, 390);
    await p.getByRole('button', { name: 'Menú de secciones' }).click();
    await ir(p, 'Recomendaciones FURAG');
    await p.getByRole('heading', { name: /POL02 / }).waitFor();
    await revisarPagina(p, '93-recomendaciones-movil');
    await p.getByRole('button', { name: 'Crear actividad' }).first().click();
    await p.getByRole('dialog').getByLabel('Código').waitFor();
    await revisarPagina(p, '94-recomendacion-a-actividad-movil');
    await p.context().close();
  });
});
