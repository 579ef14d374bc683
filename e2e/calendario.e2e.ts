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

describe('calendario legal', () => {
  const evento = (texto: string | RegExp) => page.getByRole('listitem').filter({ hasText: texto });

  it('lista los plazos del año por mes, con el 13 de julio contado en la ventana del segundo trimestre', async () => {
    await page.goto(`${e.url}/calendario?entidad=${entidadId}&vigencia=2026`);
    await page.getByRole('heading', { name: 'Calendario legal de 2026' }).waitFor();
    const julio = page.getByRole('region', { name: 'Julio de 2026' });
    await julio.getByText('15/07/2026 (miércoles) · Cierra el reporte del trimestre 2 2026').waitFor();
    await page
      .getByRole('region', { name: 'Enero de 2026' })
      .getByText('31/01/2026 (sábado) · Publicar el plan de acción 2026')
      .waitFor();
    // What the law does not date stays «por confirmar»: nothing invented.
    await page
      .getByRole('region', { name: 'Por confirmar' })
      .getByText(/Cierra el reporte FURAG de la vigencia 2025/)
      .waitFor();
    await revisarPagina(page, 'calendario-04-legal');
  });

  it('el administrador mueve una sesión del CIGD con su justificación y la deshace', async () => {
    await page.getByRole('button', { name: 'Cambiar «Sesión del CIGD del primer trimestre»' }).click();
    const item = evento('Sesión del CIGD del primer trimestre');
    await item.getByLabel('Nueva fecha').fill('20/03/2026');
    // Without a reason the change is refused, naming the field.
    await item.getByRole('button', { name: 'Mover el evento' }).click();
    await item.getByRole('alert').filter({ hasText: 'Justificación del cambio' }).waitFor();
    await revisarPagina(page, 'calendario-05-editar-evento');
    await item.getByLabel('Justificación del cambio').fill('La gerencia convocó para el 20 de marzo');
    await item.getByRole('button', { name: 'Mover el evento' }).click();
    await evento('La regla da el 31/03/2026')
      .getByText(/La gerencia convocó/)
      .waitFor();
    await page.getByText('20/03/2026 (viernes) · Sesión del CIGD del primer trimestre').waitFor();
    await page
      .getByRole('button', { name: 'Deshacer el cambio de «Sesión del CIGD del primer trimestre»' })
      .click();
    await page.getByText('31/03/2026 (martes) · Sesión del CIGD del primer trimestre').waitFor();
  });

  it('agrega un evento propio que aparece en su mes', async () => {
    const form = page.getByRole('heading', { name: 'Agregar un evento de la entidad' }).locator('..');
    await form.getByLabel('Título').fill('Feria de servicio al ciudadano');
    await form.getByLabel('Fecha del evento').fill('14/08/2026');
    await form.getByLabel('Justificación').fill('Compromiso del plan de participación');
    await form.getByRole('button', { name: 'Agregar evento' }).click();
    await page
      .getByRole('region', { name: 'Agosto de 2026' })
      .getByText('14/08/2026 (viernes) · Feria de servicio al ciudadano')
      .waitFor();
  });

  it('la plataforma registra la ventana FURAG y deja de estar por confirmar', async () => {
    const form = page.getByRole('region', { name: /^Ventana del FURAG en 2026/ });
    await form.getByLabel('Apertura').fill('03/03/2026');
    await form.getByLabel('Cierre').fill('17/04/2026');
    await form.getByLabel('Fuente de las fechas').fill('Circular 100-011-2025 de Función Pública');
    await form.getByLabel(/^Para todas las entidades de la plataforma/).check();
    await form.getByRole('button', { name: 'Registrar las fechas' }).click();
    await form.getByText('Las fechas quedaron registradas para todas las entidades.').waitFor();
    await page
      .getByRole('region', { name: 'Abril de 2026' })
      .getByText('17/04/2026 (viernes) · Cierra el reporte FURAG de la vigencia 2025')
      .waitFor();
    await page.getByText('Desde el 03/03/2026 hasta el 17/04/2026.').waitFor();
  });

  it('el enlace de suscripción da un iCalendar sin sesión hasta que se revoca', async () => {
    await page.getByRole('button', { name: 'Crear enlace de suscripción' }).click();
    const campo = page.getByLabel(/Su enlace de suscripción/);
    await campo.waitFor();
    const enlace = await campo.inputValue();
    const camino = new URL(enlace).pathname;
    const r = await fetch(`${e.url}${camino}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await r.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Feria de servicio al ciudadano');
    await revisarPagina(page, 'calendario-06-suscripcion');
    await page.getByRole('button', { name: 'Revocar mi enlace' }).click();
    await page.getByRole('button', { name: 'Crear enlace de suscripción' }).waitFor();
    expect((await fetch(`${e.url}${camino}`)).status).toBe(404);
  });

  it('en un teléfono de 390 px la lista cabe sin desplazamiento lateral', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'Calendario legal de 2026' }).waitFor();
    await page.getByText('15/07/2026 (miércoles) · Cierra el reporte del trimestre 2 2026').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await revisarPagina(page, 'calendario-07-legal-telefono');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
