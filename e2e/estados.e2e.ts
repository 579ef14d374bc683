// Accessibility of every page state of every demo role: each route the role can reach, on a desktop (1280 px)
// and on a phone (390 px), with each of its dialogs, drawers, menus and glossary definitions open, checked
// with axe-core (WCAG 2.1 A/AA and axe's best practices, such as landmarks and heading order).
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { ADMIN, CARPETA_CAPTURAS, type Entorno, ingresar, iniciarEntorno, opaco } from './entorno.ts';

let e: Entorno;
const hallazgos: { estado: string; regla: string; ayuda: string; elementos: string[] }[] = [];
let revisados = 0;

beforeAll(async () => {
  e = await iniciarEntorno({ demo: true });
  rmSync(join(CARPETA_CAPTURAS, 'estados-avance.txt'), { force: true });
}, 600_000); // seeding the demo and starting the server take minutes on a loaded machine
afterAll(async () => {
  // The full list, for whoever fixes them: page state, rule and the first elements.
  writeFileSync(
    join(CARPETA_CAPTURAS, 'estados-axe.json'),
    JSON.stringify({ revisados, hallazgos }, null, 2),
  );
  await e?.cerrar();
});

// A full run visits a few hundred states (about an hour on a loaded 2-core machine); to look at some first:
// ESTADOS_ROLES=planeacion,archivo ESTADOS_ANCHOS=escritorio npm run test:e2e -- e2e/estados.e2e.ts
const elegidos = (variable: string) => process.env[variable]?.split(',').filter(Boolean);
const TODOS_LOS_ANCHOS = [
  { nombre: 'escritorio', viewport: { width: 1280, height: 900 }, movil: false },
  { nombre: 'telefono', viewport: { width: 390, height: 844 }, movil: true },
] as const;
const ANCHOS = TODOS_LOS_ANCHOS.filter(
  (a) => !elegidos('ESTADOS_ANCHOS') || elegidos('ESTADOS_ANCHOS')?.includes(a.nombre),
);

// Every page of web/src/rutas.tsx that a signed-in person can open from the menu or a link.
const RUTAS = [
  '/',
  '/tablero',
  '/plan',
  '/seguimiento',
  '/indicadores',
  '/furag',
  '/furag/recomendaciones',
  '/autodiagnosticos',
  '/simulacros',
  '/publicaciones',
  '/comites',
  '/vigencia',
  '/calendario',
  '/catalogo',
  '/entidad',
  '/dependencias',
  '/usuarios',
  '/auditoria',
  '/entidades',
  '/glosario',
  '/cambiar-clave',
];

/**
 * Buttons that open a dialog, drawer or menu without changing anything (the first one of each kind on the
 * page). Buttons that act at once (publish, send, accept) are left out: they would change the demo's state.
 */
const ABRIDORES: RegExp[] = [
  /^Editar la actividad /,
  /^Aprobar el plan$/,
  /^Devolver el plan/,
  /^Abrir una nueva versión$/,
  /^Cambiar roles de /,
  /^Asignar responsable de /,
  /varios a la vez$/,
  /^Cerrar el periodo$/,
  /^Reabrir el periodo$/,
  /^Escribir la evaluación del semestre/,
  // Confirmations: opening one changes nothing (Escape closes it, as «Cancelar» would).
  /^Quitar la actividad /,
  /^Eliminar (?!la dependencia)/,
];

/**
 * Detail pages, reached by the first link of each kind on a page of RUTAS (or on another detail page): a
 * committee and one of its sessions, an autodiagnóstico, a simulacro. (The import of the office's own sheet is
 * offered only while the plan is a draft, and the demo's is approved: importar-propio.e2e.ts checks it.)
 */
const DETALLES: RegExp[] = [
  /^\/autodiagnosticos\/[^/]+$/,
  /^\/simulacros\/[^/]+$/,
  /^\/comites\/[^/]+$/,
  /^\/comites\/[^/]+\/sesiones\/[^/]+$/,
];

// ESTADOS_RUTAS=/comites,/simulacros looks at some pages only (the signed-out states are not routes).
const RUTAS_ELEGIDAS = RUTAS.filter(
  (r) => !elegidos('ESTADOS_RUTAS') || elegidos('ESTADOS_RUTAS')?.includes(r),
);

const ROLES: { quien: string; correo: string; clave: string }[] = [
  { quien: 'admin-plataforma', correo: ADMIN.correo, clave: ADMIN.clave },
  ...['admin', 'planeacion', 'talentohumano', 'archivo', 'controlinterno', 'gerencia', 'consulta'].map(
    (u) => ({ quien: u, correo: `${u}@${DEMO.dominio}`, clave: DEMO.clave }),
  ),
].filter((r) => !elegidos('ESTADOS_ROLES') || elegidos('ESTADOS_ROLES')?.includes(r.quien));

// When each page's previous check ended: two roles are checked at once, each in its own page.
const ultimaRevision = new WeakMap<Page, number>();
async function axe(page: Page, estado: string) {
  const ultimo = ultimaRevision.get(page) ?? Date.now();
  revisados++;
  if (!(await opaco(page)))
    appendFileSync(
      join(CARPETA_CAPTURAS, 'estados-avance.txt'),
      '(algo abierto sigue transparente a los 5 s)\n',
    );
  const antesDeAxe = Date.now();
  // All result types: with `resultTypes: ['violations']` (a fifth faster) axe's page-wide rules judge from a
  // sample of the passes, and heading-order reported an h3 after an h1 that a full run does not.
  const r = await new AxeBuilder({ page }).analyze();
  const ahora = Date.now();
  // Where a long run spends its time: reaching the state, and axe's analysis of it.
  const tiempos = `${antesDeAxe - ultimo} ms + axe ${ahora - antesDeAxe} ms`;
  ultimaRevision.set(page, ahora);
  for (const v of r.violations)
    hallazgos.push({
      estado,
      regla: v.id,
      ayuda: v.help,
      elementos: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    });
  // Progress on a long run (dozens of states per role), and the findings kept if the run stops halfway.
  appendFileSync(
    join(CARPETA_CAPTURAS, 'estados-avance.txt'),
    `${estado} (${tiempos}): ${
      r.violations
        .map(
          (v) =>
            `${v.id} [${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}]`,
        )
        .join(', ') || 'sin violaciones'
    }\n`,
  );
}

/**
 * Requests in flight per page, and when the last one started or ended. Playwright's «networkidle» is reached
 * once per document (and then waits 500 ms): moving inside the app, as a person does from the menu, needs its
 * own count. Moving inside the app instead of loading each page anew took a route from 1,1 s to 0,13 s.
 */
const red = new WeakMap<Page, { enVuelo: number; ultimo: number }>();
function seguirRed(page: Page) {
  const s = { enVuelo: 0, ultimo: Date.now() };
  const fin = () => {
    s.enVuelo--;
    s.ultimo = Date.now();
  };
  page.on('request', () => {
    s.enVuelo++;
    s.ultimo = Date.now();
  });
  page.on('requestfinished', fin);
  page.on('requestfailed', fin);
  red.set(page, s);
}

/** No request in flight for 300 ms: a page's data, and the chart or chunk its data asks for, have arrived. */
async function redQuieta(page: Page) {
  const s = red.get(page);
  if (!s) return page.waitForLoadState('networkidle').catch(() => undefined);
  const limite = Date.now() + 15_000;
  while (Date.now() < limite && (s.enVuelo > 0 || Date.now() - s.ultimo < 300))
    await new Promise((r) => setTimeout(r, 50));
  if (Date.now() >= limite)
    appendFileSync(
      join(CARPETA_CAPTURAS, 'estados-avance.txt'),
      `(la red de ${page.url()} no se aquietó en 15 s: ${s.enVuelo} solicitudes en curso)\n`,
    );
}

/** The page has settled: no loading blocks, no pending network. */
async function quieta(page: Page) {
  await redQuieta(page);
  // A dialog that opens without a request is checked as soon as it shows; mid-fade its text has too little
  // contrast for axe. Finite CSS transitions and animations are awaited (a spinner's never end).
  await page
    .evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((listo) => setTimeout(listo, 2000)),
      ]),
    )
    .catch(() => undefined);
  await page
    .locator('[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

async function entrar(navegador: Browser, correo: string, clave: string, ancho: (typeof ANCHOS)[number]) {
  const ctx = await navegador.newContext({
    locale: 'es-CO',
    viewport: ancho.viewport,
    isMobile: ancho.movil,
    hasTouch: ancho.movil,
  });
  const p = await ctx.newPage();
  seguirRed(p);
  await ingresar(p, e.url, correo, clave);
  await p.getByRole('heading', { name: /^Bienvenid/ }).waitFor();
  return p;
}

const primeroVisible = async (l: Locator) => {
  const n = await l.count();
  for (let i = 0; i < n; i++) if (await l.nth(i).isVisible()) return l.nth(i);
  return null;
};

/**
 * The section menu and a glossary definition are the same components on every page of a role: each is checked
 * once per role and width (the first page that has it), not on each of the role's pages. On a loaded 2-core
 * machine axe takes 2–4 s per state, and these repeats were a third of the states of the whole run.
 */
const comunesRevisados = new Set<string>();
const primeraVez = (clave: string) => !comunesRevisados.has(clave) && !!comunesRevisados.add(clave);

/**
 * To `ruta` as a person goes: by its link in the section menu (opened first on a phone) or, for a detail page,
 * by its link in the page; a page without a link (the password change) is loaded by its address.
 */
async function irA(p: Page, ruta: string, telefono: boolean) {
  if (new URL(p.url()).pathname === ruta) return;
  // The page that was there: the new one has its own heading (a route's data may be cached, with no request).
  await p.evaluate(() => {
    (window as { h1Antes?: Element | null }).h1Antes = document.querySelector('main h1');
  });
  const s = red.get(p);
  if (s) s.ultimo = Date.now();
  const enMenu = p
    .getByRole('navigation', { name: 'Secciones' })
    .locator(`a[href^="${ruta}?"], a[href="${ruta}"]`)
    .first();
  const enPagina = p.locator(`main a[href^="${ruta}?"], main a[href="${ruta}"]`).first();
  if (await enMenu.count()) {
    if (telefono) await p.getByRole('button', { name: 'Menú de secciones' }).click();
    await enMenu.click();
  } else if (await enPagina.count()) await enPagina.click();
  else await p.goto(`${e.url}${ruta}${new URL(p.url()).search}`);
  await p.waitForURL((u) => u.pathname === ruta);
  await p.waitForFunction(() => {
    const h1 = document.querySelector('main h1');
    return !!h1 && h1 !== (window as { h1Antes?: Element | null }).h1Antes;
  });
  // The section menu closes on its own when the route changes.
  await p.getByRole('button', { name: 'Cerrar el menú' }).waitFor({ state: 'hidden' });
}

async function revisarRuta(p: Page, ruta: string, estado: string, telefono: boolean, rolYAncho: string) {
  await irA(p, ruta, telefono);
  await quieta(p);
  await axe(p, estado);

  // The phone's section menu.
  const menu = await primeroVisible(p.getByRole('button', { name: 'Menú de secciones' }));
  if (menu && primeraVez(`${rolYAncho} · menú`)) {
    await menu.click();
    await axe(p, `${estado} · menú de secciones abierto`);
    // Open, the same button is named for what it does now.
    await p.getByRole('button', { name: 'Cerrar el menú' }).click();
  }

  // A glossary definition open, and the page's disclosures: on a desktop (the same markup on a phone).
  const termino = telefono
    ? null
    : await primeroVisible(p.getByRole('button', { name: /\(qué significa\)$/ }));
  if (termino && primeraVez(`${rolYAncho} · glosario`)) {
    await termino.click();
    await axe(p, `${estado} · definición del glosario abierta`);
    await p.keyboard.press('Escape');
  }

  // Disclosures (groups of a table, a report's history): the first two closed ones, opened.
  const cerrados = p.locator('main button[aria-expanded="false"]:not(.termino-boton)');
  let abiertos = 0;
  for (let i = 0; !telefono && i < Math.min(await cerrados.count(), 6) && abiertos < 2; i++) {
    const b = cerrados.nth(i);
    if (!(await b.isVisible())) continue;
    await b.click();
    abiertos++;
  }
  if (abiertos > 0) {
    await quieta(p);
    await axe(p, `${estado} · secciones desplegadas`);
  }

  for (const abridor of ABRIDORES) {
    const b = await primeroVisible(p.getByRole('button', { name: abridor }));
    if (!b || (await b.isDisabled())) continue;
    await b.click();
    const dialogo = p.getByRole('dialog').last();
    await dialogo.waitFor();
    await quieta(p);
    await axe(p, `${estado} · diálogo «${(await b.textContent())?.trim() ?? abridor.source}»`);
    await p.keyboard.press('Escape');
    await dialogo.waitFor({ state: 'hidden' });
  }

  // The first detail page of each kind this page links to, once per role and width.
  const enlaces = await p
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const patron of DETALLES) {
    const detalle = enlaces.find((r) => r.startsWith(`${ruta}/`) && patron.test(r));
    if (!detalle || !primeraVez(`${rolYAncho} · ${patron.source}`)) continue;
    await revisarRuta(p, detalle, estado.replace(` · ${ruta} · `, ` · ${detalle} · `), telefono, rolYAncho);
  }
}

describe('accesibilidad de cada estado de página, por rol', () => {
  it.skipIf(elegidos('ESTADOS_ROLES') && !elegidos('ESTADOS_ROLES')?.includes('sin-sesion'))(
    'sin sesión: ingreso, recuperar la clave, enlace inválido y la página pública',
    async () => {
      const antes = hallazgos.length;
      for (const ancho of ANCHOS) {
        const ctx = await e.navegador.newContext({ locale: 'es-CO', viewport: ancho.viewport });
        const p = await ctx.newPage();
        await p.goto(e.url);
        await p.getByRole('button', { name: 'Ingresar' }).waitFor();
        await axe(p, `sin sesión · ingreso · ${ancho.nombre}`);
        // The login page is the server's form without JavaScript: the answer is the page again, with why.
        await p.getByRole('button', { name: 'Ingresar' }).click();
        await p.getByRole('alert', { name: 'No se pudo ingresar' }).waitFor();
        await axe(p, `sin sesión · ingreso vacío enviado · ${ancho.nombre}`);
        // A button of the accessibility bar, there too (a form as well): the page comes back with it.
        await p.getByRole('button', { name: 'Alto contraste' }).click();
        await p.getByRole('button', { name: 'Alto contraste', pressed: true }).waitFor();
        await axe(p, `sin sesión · ingreso en alto contraste · ${ancho.nombre}`);
        await p.getByRole('button', { name: 'Alto contraste' }).click();
        await p.getByRole('button', { name: 'Alto contraste', pressed: false }).waitFor();
        for (const ruta of ['/olvide-clave', '/definir-clave?token=invalido', '/configuracion-inicial']) {
          await p.goto(`${e.url}${ruta}`);
          await p.locator('main h1').first().waitFor();
          await quieta(p);
          await axe(p, `sin sesión · ${ruta} · ${ancho.nombre}`);
        }
        await p.goto(`${e.url}/publico/hrm`);
        await p.locator('h1').first().waitFor();
        await axe(p, `ciudadano · página pública · ${ancho.nombre}`);
        await p.goto(`${e.url}/publico/diccionario`);
        await axe(p, `ciudadano · diccionario de datos · ${ancho.nombre}`);
        await p.goto(`${e.url}/publico/no-existe-esta-entidad`);
        await axe(p, `ciudadano · entidad inexistente · ${ancho.nombre}`);
        await ctx.close();
      }
      const nuevos = hallazgos.slice(antes).map((h) => `${h.estado}: ${h.regla} → ${h.elementos[0]}`);
      expect(nuevos).toEqual([]);
    },
    300_000,
  );

  // Two roles at a time, each in its own browser page: while axe analyses one page (one core), the other
  // page moves and loads. On a 2-core machine the sweep took 30 min one role after another.
  for (const rol of ROLES)
    it.concurrent(`${rol.quien}: todas sus páginas, con sus diálogos, en escritorio y teléfono`, async ({
      expect,
    }) => {
      const suyos = () => hallazgos.filter((h) => h.estado.startsWith(`${rol.quien} · `));
      const antes = suyos().length;
      for (const ancho of ANCHOS) {
        const p = await entrar(e.navegador, rol.correo, rol.clave, ancho);
        await quieta(p);
        for (const ruta of RUTAS_ELEGIDAS) {
          // Only the routes the role's menu offers (plus the password change every person has).
          const enMenu =
            ruta === '/' ||
            ruta === '/cambiar-clave' ||
            (await p
              .getByRole('navigation', { name: 'Secciones' })
              .locator(`a[href^="${ruta}?"], a[href="${ruta}"]`)
              .count()) > 0;
          if (!enMenu) continue;
          await revisarRuta(
            p,
            ruta,
            `${rol.quien} · ${ruta} · ${ancho.nombre}`,
            ancho.movil,
            `${rol.quien} · ${ancho.nombre}`,
          );
        }
        await p.context().close();
      }
      const nuevos = suyos()
        .slice(antes)
        .map((h) => `${h.estado}: ${h.regla} → ${h.elementos[0]}`);
      expect(nuevos).toEqual([]);
    }, 900_000);
});
