// The committee in the browser: planeación registers the CIGD, convenes a session, records attendance (the
// quorum shows), approves the plan as the committee's decision, downloads the acta as PDF and attaches the
// signed scan, which locks the session; a mistyped field shows its Spanish error on the field, and a post
// changes holder and end date. Axe on every state; the session and the committee on a 390 px phone.
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
let p: Page;
const CLAVE = 'Sibundoy2026x';
const VIGENCIA = new Date().getFullYear();
const PLANEACION = {
  nombre: 'Jorge Planeación',
  correo: 'planeacion@comites.example',
  roles: ['planeacion'],
};
// Today in Colombia as people type it (dd/mm/aaaa).
const HOY = new Intl.DateTimeFormat('es-CO', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'America/Bogota',
}).format(new Date());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let entidadId = '';
let planeacion: Awaited<ReturnType<typeof sesionApi>>;

beforeAll(async () => {
  e = await iniciarEntorno();
  const admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  ({ id: entidadId } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'Alcaldía de Colón',
    nit: '800197268-4',
  }));
  await personaConClave(e.url, admin, entidadId, PLANEACION, CLAVE);
  planeacion = await sesionApi(e.url, PLANEACION.correo, CLAVE);
  const plan = `/api/entidades/${entidadId}/planes/${VIGENCIA}`;
  await planeacion('PUT', `/api/entidades/${entidadId}/vigencias/${VIGENCIA}`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
  await planeacion('POST', `${plan}/actividades`, {
    politica: 'integridad',
    codigo: 'IN-01',
    nombre: 'Implementar el procedimiento de conflicto de intereses',
    producto: 'Procedimiento adoptado',
    metaAnual: 4,
    unidad: 'jornada',
    metasPeriodo: [1, 1, 1, 1],
    ponderacion: 100,
    fechaInicio: `${VIGENCIA}-02-01`,
    fechaFin: `${VIGENCIA}-12-15`,
  });
  await planeacion('POST', `${plan}/enviar`, {});
  p = await entrarComo(e.navegador, e.url, PLANEACION.correo, CLAVE);
});
afterAll(() => e?.cerrar());

describe('comité institucional de gestión y desempeño', () => {
  it('planeación registra el CIGD desde el menú', async () => {
    await p
      .getByRole('navigation', { name: 'Secciones' })
      .getByRole('link', { name: 'Comités', exact: true })
      .click();
    await p.getByRole('heading', { name: 'Comités', level: 1 }).waitFor();
    await p.getByText('La entidad aún no ha registrado sus comités.').waitFor();
    await revisarPagina(p, 'comites-01-sin-comites');
    await p.getByLabel('Acto de creación').fill('Decreto 045 de 2018');
    await p.getByRole('button', { name: 'Registrar comité' }).click();
    await p.getByText('El comité quedó registrado').waitFor();
    await p.getByRole('link', { name: 'Comité Institucional de Gestión y Desempeño' }).click();
    await p.getByRole('heading', { name: 'Integrantes por cargo' }).waitFor();
    // Its posts: three with vote and a guest.
    for (const [cargo, rol] of [
      ['Alcalde municipal', 'presidente'],
      ['Jefe de la Oficina de Planeación', 'secretaria_tecnica'],
      ['Secretario de Hacienda', 'miembro'],
      ['Jefe de Control Interno', 'invitado'],
    ]) {
      await p.getByLabel(/^Cargo/).fill(cargo!);
      await p.getByLabel('Rol en el comité').selectOption(rol!);
      await p.getByRole('button', { name: 'Agregar cargo' }).click();
      await p.getByRole('cell', { name: cargo, exact: true }).waitFor();
    }
    await revisarPagina(p, 'comites-02-comite');
  });

  it('un dato mal escrito muestra el error en español en su campo, también el que responde el servidor', async () => {
    // The browser checks with the server's schema: an empty post and an impossible date, by their labels.
    const desde = p.getByLabel(/^Integra el comité desde/);
    await desde.fill('31/02/2026');
    await p.getByRole('button', { name: 'Agregar cargo' }).click();
    const resumen = p.getByRole('alert').filter({ hasText: 'Revise estos 2 datos' });
    await resumen.getByText('Cargo: Escriba el cargo').waitFor();
    await resumen
      .getByText('Integra el comité desde: Escriba una fecha válida del calendario (dd/mm/aaaa)')
      .waitFor();
    expect(await p.getByLabel(/^Cargo/).getAttribute('aria-invalid')).toBe('true');
    expect(await desde.getAttribute('aria-invalid')).toBe('true');
    await p.getByText('Escriba una fecha válida del calendario (dd/mm/aaaa)', { exact: true }).waitFor();
    await revisarPagina(p, 'comites-02b-errores-cargo');
    await desde.fill(HOY);
    // A session in the future: the server refuses it and the message lands on «Fecha de la sesión».
    const fecha = p.getByLabel(/^Fecha de la sesión/);
    await fecha.fill(`31/12/${VIGENCIA + 1}`);
    await p.getByRole('button', { name: 'Registrar sesión' }).click();
    await p
      .getByRole('alert')
      .getByText('Fecha de la sesión: La sesión del comité no puede tener fecha futura')
      .waitFor();
    expect(await fecha.getAttribute('aria-invalid')).toBe('true');
    await revisarPagina(p, 'comites-02c-error-servidor');
    await fecha.fill(HOY);
  });

  it('cambia el titular y la fecha final de un cargo; el cargo se conserva', async () => {
    await p.getByRole('button', { name: 'Cambiar titular o fecha final: Secretario de Hacienda' }).click();
    const ventana = p.getByRole('dialog', { name: 'Cambiar el cargo «Secretario de Hacienda»' });
    await ventana.getByLabel('Titular del cargo').fill('Pedro Gómez');
    await ventana.getByLabel('Fecha final en el comité').fill(`31/12/${VIGENCIA}`);
    await revisarPagina(p, 'comites-02d-cambiar-cargo');
    await ventana.getByRole('button', { name: 'Guardar el cambio' }).click();
    await p.getByText('El cargo «Secretario de Hacienda» quedó actualizado.').waitFor();
    const fila = p.getByRole('row').filter({ hasText: 'Secretario de Hacienda' });
    await fila.getByRole('cell', { name: 'Pedro Gómez' }).waitFor();
    await fila.getByText(`hasta 31/12/${VIGENCIA}`).waitFor();
    expect(await ventana.count()).toBe(0);
  });

  it('convoca una sesión: el orden del día trae el plan por aprobar y el quórum se ve', async () => {
    await p.getByRole('button', { name: 'Registrar sesión' }).click();
    await p.getByRole('heading', { name: `Acta n.º 1 de ${VIGENCIA}`, level: 1 }).waitFor();
    await p.getByText(`Estudio y aprobación del plan de acción ${VIGENCIA}`).waitFor();
    await p.getByText('Sin quórum: 0 de 3').waitFor();
    await p.getByLabel(/^Alcalde municipal/).check();
    await p.getByLabel(/^Jefe de la Oficina de Planeación/).check();
    await p.getByRole('button', { name: 'Guardar asistencia' }).click();
    await p.getByText('Hay quórum: 2 de 3 integrantes con voto presentes (se requieren 2).').waitFor();
    await p.getByLabel('Desarrollo de la sesión').fill('La secretaría técnica presentó el plan de acción.');
    await p.getByRole('button', { name: 'Guardar desarrollo' }).click();
    await p.getByText('El desarrollo quedó guardado.').waitFor();
    await revisarPagina(p, 'comites-03-sesion-quorum');
  });

  it('aprueba el plan como decisión del comité', async () => {
    await p.getByLabel('Tipo de decisión').selectOption('plan_aprobado');
    await p
      .getByLabel('Descripción de la decisión')
      .fill('El comité aprueba por unanimidad el plan de acción.');
    await p.getByRole('button', { name: 'Registrar decisión' }).click();
    await p.getByText('La decisión quedó registrada.').waitFor();
    await p.locator('strong', { hasText: 'Aprobación del plan de acción' }).waitFor();
    const plan = await planeacion<{ plan: { estado: string; actaComite: string } }>(
      'GET',
      `/api/entidades/${entidadId}/planes/${VIGENCIA}`,
    );
    expect(plan.plan.estado).toBe('aprobado');
    expect(plan.plan.actaComite).toContain(`Acta n.º 1 de ${VIGENCIA}`);
    await revisarPagina(p, 'comites-04-decision');
  });

  it('descarga el acta en PDF y, con el acta firmada adjunta, la sesión queda cerrada', async () => {
    const enlace = p.getByRole('link', { name: 'Descargar el acta en PDF' });
    const acta = await p.request.get(new URL((await enlace.getAttribute('href'))!, e.url).toString());
    expect(acta.status()).toBe(200);
    expect(acta.headers()['content-type']).toBe('application/pdf');
    expect((await acta.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await p
      .locator('input[type=file]')
      .setInputFiles({ name: 'acta-1-firmada.pdf', mimeType: 'application/pdf', buffer: PDF });
    await p.getByRole('button', { name: 'Adjuntar acta firmada' }).click();
    await p.getByText('El acta firmada está adjunta: la sesión quedó cerrada y no admite cambios.').waitFor();
    await expect.poll(() => p.getByRole('button', { name: 'Registrar decisión' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Guardar asistencia' }).count()).toBe(0);
    // The locked acta reads who came and who did not, not greyed-out boxes.
    await p.getByRole('heading', { name: 'Ausentes' }).waitFor();
    await p
      .getByRole('listitem')
      .filter({ hasText: 'Secretario de Hacienda (Pedro Gómez) · Miembro' })
      .waitFor();
    await revisarPagina(p, 'comites-05-acta-cerrada');
  });

  it('en un teléfono de 390 px la sesión se lee entera', async () => {
    await p.setViewportSize({ width: 390, height: 844 });
    await p.reload();
    await p.getByRole('heading', { name: `Acta n.º 1 de ${VIGENCIA}`, level: 1 }).waitFor();
    const ancho = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(ancho).toBeLessThanOrEqual(390);
    await revisarPagina(p, 'comites-06-telefono');
  });

  it('en un teléfono de 390 px el comité y el cambio de un cargo caben', async () => {
    await p.getByRole('link', { name: 'Volver al comité' }).click();
    await p.getByRole('heading', { name: 'Integrantes por cargo' }).waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await revisarPagina(p, 'comites-07-comite-telefono');
    await p.getByRole('button', { name: 'Cambiar titular o fecha final: Alcalde municipal' }).click();
    const ventana = p.getByRole('dialog', { name: 'Cambiar el cargo «Alcalde municipal»' });
    await ventana.getByLabel('Titular del cargo').waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await revisarPagina(p, 'comites-08-cambiar-cargo-telefono');
    await ventana.getByRole('button', { name: 'Cancelar' }).click();
    await expect.poll(() => ventana.count()).toBe(0);
  });
});
