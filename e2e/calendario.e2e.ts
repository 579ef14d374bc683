// The business-day calendar in the browser: the law's holidays of the year (13/07/2026 included), an
// entity's closure day registered with a form that names its fields, and the deadline it moves.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Entorno, ingresar, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
let contexto: BrowserContext;
let page: Page;
let entidadId = '';

beforeAll(async () => {
  e = await iniciarEntorno();
  const admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  ({ id: entidadId } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'Alcaldía de Prueba del Calendario',
    nit: '800197268-4',
  }));
  contexto = await e.navegador.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 900 } });
  page = await contexto.newPage();
  await ingresar(page, e.url, ADMIN.correo, ADMIN.clave);
});
afterAll(async () => {
  await contexto?.close();
  await e?.cerrar();
});

describe('calendario de días hábiles', () => {
  it('muestra los festivos de ley de 2026 con el 13 de julio', async () => {
    await page.goto(`${e.url}/calendario?entidad=${entidadId}&vigencia=2026`);
    await page.getByRole('heading', { name: 'Calendario de días hábiles' }).waitFor();
    const fila = page.getByRole('row', { name: /13\/07\/2026 \(lunes\)/ });
    await fila.waitFor();
    expect(await fila.textContent()).toContain('Festivo de ley');
    await revisarPagina(page, 'calendario-01-festivos');
  });

  it('un ajuste mal escrito se explica por la etiqueta del campo y no se guarda', async () => {
    await page.getByLabel('Fecha', { exact: true }).fill('31/02/2026');
    await page.getByRole('button', { name: 'Registrar ajuste' }).click();
    const resumen = page.getByRole('alert').filter({ hasText: 'Revise' });
    await resumen.waitFor();
    const texto = await resumen.textContent();
    expect(texto).toContain('Fecha:');
    expect(texto).toContain('Motivo:');
    expect(texto).not.toMatch(/\bnombre:|\bfecha:/);
    await revisarPagina(page, 'calendario-02-errores');
  });

  it('un día de cierre de la entidad aparece en la lista y corre la ventana de reporte', async () => {
    const antes = await fetch(`${e.url}/api/calendario/festivos?anio=2026`).then((r) => r.json());
    await page.getByLabel('Fecha', { exact: true }).fill('02/07/2026');
    await page.getByLabel('Motivo').fill('Cierre por inventario anual');
    await page.getByRole('button', { name: 'Registrar ajuste' }).click();
    await page.getByText('El ajuste quedó registrado').waitFor();
    await page
      .getByRole('row', { name: /02\/07\/2026 \(jueves\).*Cierre por inventario anual/ })
      .first()
      .waitFor();
    // Only this entity: the platform's list is unchanged.
    expect(await fetch(`${e.url}/api/calendario/festivos?anio=2026`).then((r) => r.json())).toEqual(antes);
    await page
      .getByRole('navigation', { name: 'Secciones' })
      .getByRole('link', { name: 'Vigencia y periodos' })
      .click();
    await page.getByText('16/07/2026').first().waitFor();
    await page.goto(`${e.url}/calendario?entidad=${entidadId}&vigencia=2026`);
    await page.getByRole('button', { name: 'Quitar el ajuste del 02/07/2026' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Cierre por inventario anual/ }).count()).toBe(0);
  });

  it('en el teléfono la lista se lee como tarjetas', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'Calendario de días hábiles' }).waitFor();
    await revisarPagina(page, 'calendario-03-telefono');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
