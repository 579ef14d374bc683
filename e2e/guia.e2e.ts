// Regenerates the screenshots of the user guide (docs/guia/img): the demo entity walked through by each
// role, as the guide tells it. Viewport pictures (1280 × 800 on a desktop, 390 × 844 on a phone), not whole
// pages, so they stay small and show what a person sees first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { ADMIN, type Entorno, ingresar, iniciarEntorno } from './entorno.ts';

const CARPETA = join(import.meta.dirname, '..', 'docs', 'guia', 'img');
let e: Entorno;

beforeAll(async () => {
  mkdirSync(CARPETA, { recursive: true });
  e = await iniciarEntorno({ demo: true });
}, 600_000); // seeding the demo and starting the server take minutes on a loaded machine
afterAll(() => e?.cerrar());

const ESCRITORIO = { width: 1280, height: 800 };
const TELEFONO = { width: 390, height: 844 };

async function abrir(navegador: Browser, telefono = false) {
  const ctx = await navegador.newContext({
    locale: 'es-CO',
    viewport: telefono ? TELEFONO : ESCRITORIO,
    isMobile: telefono,
    hasTouch: telefono,
    deviceScaleFactor: 1,
  });
  return ctx.newPage();
}

async function entrar(navegador: Browser, correo: string, clave = DEMO.clave, telefono = false) {
  const p = await abrir(navegador, telefono);
  await ingresar(p, e.url, correo, clave);
  await p.getByRole('heading', { name: /^Bienvenid/ }).waitFor();
  await quieta(p);
  return p;
}
const demo = (usuario: string) => `${usuario}@${DEMO.dominio}`;

async function quieta(p: Page) {
  await p.waitForLoadState('networkidle').catch(() => undefined);
  await p
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

/** The picture of what is on screen; with `en`, that element is first brought to the top of the window. */
async function foto(p: Page, nombre: string, en?: Locator) {
  await quieta(p);
  if (en) await en.first().evaluate((n) => n.scrollIntoView({ block: 'start' }));
  else await p.evaluate(() => window.scrollTo(0, 0));
  // No blinking caret or hover effect in the picture.
  await p.mouse.move(0, 0);
  await p.screenshot({ path: join(CARPETA, `${nombre}.png`), animations: 'disabled', caret: 'hide' });
}

async function ir(p: Page, seccion: string) {
  const antes = await p
    .locator('main h1')
    .first()
    .textContent()
    .catch(() => null);
  const menu = p.getByRole('button', { name: 'Menú de secciones' });
  if (await menu.isVisible()) await menu.click();
  const enlace = p
    .getByRole('navigation', { name: 'Secciones' })
    .getByRole('link', { name: seccion, exact: true });
  const destino = new URL((await enlace.getAttribute('href')) ?? '/', p.url()).pathname;
  const yaEstaba = new URL(p.url()).pathname === destino;
  await enlace.click();
  // The previous page stays on screen while the next one loads its code and data: wait for its heading.
  if (!yaEstaba)
    await p.waitForFunction((previo) => {
      const h1 = document.querySelector('main h1');
      return !!h1 && h1.textContent !== previo;
    }, antes);
  await p.locator('main h1').first().waitFor();
  await quieta(p);
}

async function dialogo(p: Page, boton: RegExp, nombre: string) {
  await p.getByRole('button', { name: boton }).first().click();
  const d = p.getByRole('dialog').last();
  await d.waitFor();
  await quieta(p);
  await p.waitForTimeout(300); // the dialog's opening transition
  await p.screenshot({ path: join(CARPETA, `${nombre}.png`), animations: 'disabled', caret: 'hide' });
  await p.keyboard.press('Escape');
  await d.waitFor({ state: 'hidden' });
}

describe('capturas de la guía de uso', () => {
  it('ingreso y administrador de la plataforma', async () => {
    const inicio = await abrir(e.navegador);
    await inicio.goto(e.url);
    await inicio.getByRole('button', { name: 'Ingresar' }).waitFor();
    await foto(inicio, 'ingreso');
    await inicio.context().close();

    const p = await entrar(e.navegador, ADMIN.correo, ADMIN.clave);
    await foto(p, 'plataforma-inicio');
    await ir(p, 'Entidades');
    await foto(p, 'plataforma-entidades');
    await foto(
      p,
      'plataforma-registrar-entidad',
      p.getByLabel('Nombre de la entidad').locator('xpath=ancestor::form'),
    );
    await p.context().close();
  });

  it('administrador de la entidad', async () => {
    const p = await entrar(e.navegador, demo('admin'));
    await foto(p, 'entidad-inicio');
    await ir(p, 'Entidad');
    await foto(p, 'entidad-datos');
    await p.getByRole('button', { name: /^grupo par/ }).click();
    await p.waitForTimeout(100);
    await p.screenshot({ path: join(CARPETA, 'glosario-termino.png'), caret: 'hide' });
    await p.keyboard.press('Escape');
    await ir(p, 'Dependencias');
    await foto(p, 'entidad-dependencias');
    await ir(p, 'Usuarios y roles');
    await foto(p, 'entidad-usuarios');
    await dialogo(p, /^Cambiar roles de /, 'entidad-roles');
    await ir(p, 'Vigencia y periodos');
    await foto(p, 'entidad-vigencia');
    await ir(p, 'Catálogo MIPG');
    await foto(p, 'entidad-catalogo');
    await dialogo(p, /^Asignar responsable de /, 'entidad-asignar-responsable');
    await ir(p, 'Glosario');
    await foto(p, 'glosario');
    await p.context().close();
  });

  it('planeación', async () => {
    const p = await entrar(e.navegador, demo('planeacion'));
    await foto(p, 'planeacion-inicio');
    await ir(p, 'Plan de acción');
    await foto(p, 'planeacion-plan');
    await dialogo(p, /^Abrir una nueva versión$/, 'planeacion-nueva-version');
    await ir(p, 'Seguimiento');
    await foto(p, 'planeacion-seguimiento');
    await dialogo(p, /varios a la vez$/, 'planeacion-aceptar-varios');
    await dialogo(p, /^Cerrar el periodo$/, 'planeacion-cerrar-periodo');
    await ir(p, 'Tablero');
    await foto(p, 'planeacion-tablero');
    await ir(p, 'Indicadores');
    await foto(p, 'planeacion-indicadores');
    await ir(p, 'Publicaciones');
    await p.getByRole('heading', { name: /^Publicaciones del 31 de enero/ }).waitFor();
    await foto(p, 'publicaciones');
    await p.context().close();
  });

  it('alta dirección', async () => {
    const p = await entrar(e.navegador, demo('gerencia'));
    await foto(p, 'direccion-inicio');
    await ir(p, 'Tablero');
    await foto(p, 'direccion-tablero');
    await p.context().close();
  });

  it('responsable de dependencia, en escritorio y en el teléfono', async () => {
    const p = await entrar(e.navegador, demo('archivo'));
    await foto(p, 'responsable-inicio');
    const pendiente = p.getByRole('link', { name: /^Reportar el avance/ }).first();
    await pendiente.click();
    await p.locator('main h1').first().waitFor();
    await foto(p, 'responsable-reporte', p.getByRole('article').first());
    await p.context().close();

    const t = await entrar(e.navegador, demo('archivo'), DEMO.clave, true);
    await foto(t, 'responsable-telefono-inicio');
    await t
      .getByRole('link', { name: /^Reportar el avance/ })
      .first()
      .click();
    await t.locator('main h1').first().waitFor();
    await foto(t, 'responsable-telefono-reporte', t.getByRole('article').first());
    await t.context().close();
  });

  it('control interno', async () => {
    const p = await entrar(e.navegador, demo('controlinterno'));
    await foto(p, 'control-inicio');
    const verificar = p.getByRole('link', { name: /^Verificar el reporte/ }).first();
    if (await verificar.count()) {
      await verificar.click();
      await p.locator('main h1').first().waitFor();
      await foto(p, 'control-verificar', p.getByRole('article').first());
    }
    await ir(p, 'Seguimiento');
    // Verification is selective: the bulk step shows only when something chosen is waiting in this period.
    await p.getByRole('region', { name: /Selección de control interno para verificar/ }).waitFor();
    if (await p.getByRole('button', { name: /varios a la vez$/ }).count())
      await dialogo(p, /varios a la vez$/, 'control-verificar-varios');
    await ir(p, 'Auditoría');
    await foto(p, 'control-auditoria');
    await p.context().close();
  });

  it('ciudadanía: la página pública, en escritorio y en el teléfono', async () => {
    const p = await abrir(e.navegador);
    await p.goto(`${e.url}/publico/hrm`);
    await p.locator('h1').first().waitFor();
    await foto(p, 'ciudadano-pagina-publica');
    await foto(
      p,
      'ciudadano-descargas',
      p.getByRole('link', { name: /CSV/ }).locator('xpath=ancestor::section[1]'),
    );
    await p.context().close();
    const t = await abrir(e.navegador, true);
    await t.goto(`${e.url}/publico/hrm`);
    await t.locator('h1').first().waitFor();
    await foto(t, 'ciudadano-telefono');
    await t.context().close();
  });
});
