// A faithful catalog in the browser: the 2025 labels and each FURAG index with its description; an E.S.E.
// adds its own plans from the plan page and tags activities with them; an entity that answers only the
// control-interno form (MECI) sees Control Interno alone. Axe on every page touched, desktop and phone.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Entorno, ingresar, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
let contexto: BrowserContext;
let page: Page;
let entidadId = '';
let admin: Awaited<ReturnType<typeof sesionApi>>;
const NOMBRE = 'E.S.E. Hospital de Prueba del Catálogo';
const NIT = '891200513-8';

beforeAll(async () => {
  e = await iniciarEntorno();
  admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  ({ id: entidadId } = await admin<{ id: string }>('POST', '/api/entidades', { nombre: NOMBRE, nit: NIT }));
  await admin('PUT', `/api/entidades/${entidadId}/vigencias/2026`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
  contexto = await e.navegador.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
  page = await contexto.newPage();
  await ingresar(page, e.url, ADMIN.correo, ADMIN.clave);
});
afterAll(async () => {
  await contexto?.close();
  await e?.cerrar();
});

describe('catálogo fiel', () => {
  it('2025 usa sus etiquetas oficiales y cada índice trae su nombre completo y su descripción', async () => {
    await page.goto(`${e.url}/catalogo?entidad=${entidadId}&vigencia=2025`);
    await page.getByRole('heading', { name: /Gestión para Resultados con Valores/ }).waitFor();
    await page.getByRole('heading', { name: 'Servicio a las Ciudadanías' }).waitFor();
    const servicio = page.locator('details').filter({ hasText: 'I37 —' });
    await servicio.locator('summary').click();
    await page.getByText('I37 — Accesibilidad para personas con discapacidad').waitFor();
    expect(await servicio.textContent()).toContain('Condiciones para que las personas con discapacidad');
    const ptep = page.getByRole('row', { name: /Programa de Transparencia y Ética Pública/ });
    expect(await ptep.textContent()).toContain('Integridad');
    expect(await ptep.textContent()).toContain('Participación Ciudadana en la Gestión Pública');
    await revisarPagina(page, 'catalogo-01-etiquetas-e-indices');
  });

  it('una E.S.E. agrega sus planes propios desde el plan y el formulario de actividad los ofrece', async () => {
    await page.goto(`${e.url}/plan?entidad=${entidadId}&vigencia=2026`);
    const seccion = page.getByRole('region', { name: 'Planes propios de la entidad' });
    await seccion.getByText('Aún no hay planes propios.').waitFor();
    await seccion.getByRole('button', { name: /^PAMEC/ }).click();
    await seccion.getByRole('button', { name: 'Quitar el plan PAMEC' }).waitFor();
    await seccion.getByLabel('Sigla (p. ej. PAAI)').fill('PHE-2026');
    await seccion.getByLabel('Nombre del plan').fill('Plan Hospitalario de Emergencias 2026');
    await seccion.getByRole('button', { name: 'Agregar plan propio' }).click();
    await seccion.getByRole('button', { name: 'Quitar el plan PHE-2026' }).waitFor();
    const propio = page
      .getByRole('region', { name: 'Agregar una actividad' })
      .getByLabel('Plan propio de la entidad (opcional)');
    await expect
      .poll(async () => (await propio.locator('option').allTextContents()).join(' | '), { timeout: 20_000 })
      .toContain('PAMEC · Programa de Auditoría para el Mejoramiento de la Calidad');
    await revisarPagina(page, 'catalogo-02-planes-propios');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('region', { name: 'Planes propios de la entidad' }).waitFor();
    await revisarPagina(page, 'catalogo-03-planes-propios-telefono');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('una entidad que responde solo el formulario MECI ve únicamente Control Interno', async () => {
    await admin('PUT', `/api/entidades/${entidadId}`, { nombre: NOMBRE, nit: NIT, tipoFormulario: 'MECI' });
    await page.goto(`${e.url}/plan?entidad=${entidadId}&vigencia=2026`);
    const politica = page.getByRole('region', { name: 'Agregar una actividad' }).getByLabel('Política');
    await expect
      .poll(async () => politica.locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['POL19 Control Interno']);
    await revisarPagina(page, 'catalogo-04-plan-meci');
    await page.goto(`${e.url}/catalogo?entidad=${entidadId}&vigencia=2026`);
    await page.getByText(/le aplica 1\)/).waitFor();
    expect(await page.getByText('No aplica a esta entidad').count()).toBe(18);
    await revisarPagina(page, 'catalogo-05-catalogo-meci');
    await page.goto(`${e.url}/?entidad=${entidadId}&vigencia=2026`);
    const paso = page.locator('.mantine-Card-root').filter({ hasText: 'Responsables de las políticas' });
    await expect.poll(async () => paso.textContent(), { timeout: 20_000 }).toMatch(/0 de 1 políticas/);
    await revisarPagina(page, 'catalogo-06-inicio-meci');
    await page.goto(`${e.url}/entidad?entidad=${entidadId}&vigencia=2026`);
    await page.getByText(/A ellas solo les aplica Control Interno/).waitFor();
    await revisarPagina(page, 'catalogo-07-entidad');
  });
});
