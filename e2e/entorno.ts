// Starts the real server exactly as `npm start` does (on a fresh embedded database) and a headless Debian Chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { puertoLibre } from '../src/server/red.ts';
import { BANDERAS_CHROMIUM, CHROMIUM } from './chromium.ts';

export const ADMIN = { correo: 'admin@plataforma.example', clave: 'Putumayo2026' };
export const CARPETA_CAPTURAS = join(import.meta.dirname, 'screenshots');

export interface Entorno {
  url: string;
  navegador: Browser;
  cerrar(): Promise<void>;
}

/**
 * `demo`: the demo entity (`npm run cli -- seed-demo`) is created first, as an office would try the platform.
 * `extra`: more environment for the server (e.g. MIPG_SMTP_URL for a local SMTP server).
 */
export async function iniciarEntorno({
  demo = false,
  extra = {},
}: {
  demo?: boolean;
  extra?: Record<string, string>;
} = {}): Promise<Entorno> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mipg-e2e-'));
  if (demo) await sembrarDemo(dataDir);
  const port = await puertoLibre();
  const servidor: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--enable-source-maps', 'scripts/iniciar.mjs'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        MIPG_DATA_DIR: dataDir,
        MIPG_ADMIN_EMAIL: ADMIN.correo,
        MIPG_ADMIN_PASSWORD: ADMIN.clave,
        DATABASE_URL: '',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let salida = '';
  servidor.stdout?.on('data', (d) => (salida += d));
  servidor.stderr?.on('data', (d) => (salida += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (servidor.exitCode !== null) throw new Error(`El servidor terminó al arrancar:\n${salida}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    // Two minutes: on a loaded machine (shared cores, CI) the first start took over 40 s.
    if (i > 1200) throw new Error(`El servidor no respondió:\n${salida}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  mkdirSync(CARPETA_CAPTURAS, { recursive: true });
  const navegador = await chromium.launch({
    executablePath: CHROMIUM,
    args: BANDERAS_CHROMIUM,
  });
  return {
    url,
    navegador,
    async cerrar() {
      await navegador.close();
      servidor.kill('SIGTERM');
      await new Promise((r) => servidor.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Seeded before the server opens the embedded database (PGlite has one owner), with the CLI an office uses.
async function sembrarDemo(dataDir: string) {
  const siembra = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'seed-demo'], {
    env: { ...process.env, MIPG_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errores = '';
  siembra.stderr?.on('data', (d) => (errores += d));
  const codigo = await new Promise((r) => siembra.once('exit', r));
  if (codigo !== 0) throw new Error(`No fue posible crear la entidad de demostración:\n${errores}`);
}

/**
 * Open dialogs, menus and popovers are fully drawn: they and their ancestors are opaque. Mantine starts its
 * fade a frame after the element enters the page, so on a loaded machine no animation may be running yet when
 * it shows (a CI run checked a dialog's button mid-fade and found its label with too little contrast).
 * False if something is still transparent after 5 s.
 */
export async function opaco(page: Page) {
  return page
    .waitForFunction(
      () => {
        for (const abierto of document.querySelectorAll('[role="dialog"], [role="menu"], [role="tooltip"]'))
          for (let n: Element | null = abierto; n; n = n.parentElement)
            if (getComputedStyle(n).opacity !== '1') return false;
        return true;
      },
      undefined,
      { timeout: 5000, polling: 100 },
    )
    .then(() => true)
    .catch(() => false);
}

/** Screenshot to e2e/screenshots and zero axe-core violations (WCAG 2.1 A and AA). */
export async function revisarPagina(page: Page, nombre: string) {
  await opaco(page);
  await page.screenshot({ path: join(CARPETA_CAPTURAS, `${nombre}.png`), fullPage: true });
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const resumen = r.violations.map(
    (v) =>
      `${v.id}: ${v.help} → ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(resumen, `violaciones de accesibilidad en ${nombre}`).toEqual([]);
}

/** A JSON call with the session cookie and CSRF code of the person logged in. */
export async function sesionApi(url: string, correo: string, clave: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: correo, password: clave }),
  });
  if (!r.ok) throw new Error(`login ${correo}: ${r.status}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrf } = (await r.json()) as { csrf: string };
  return async <T>(method: string, ruta: string, cuerpo?: unknown): Promise<T> => {
    const x = await fetch(`${url}${ruta}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(cuerpo ? { 'content-type': 'application/json' } : {}) },
      body: cuerpo ? JSON.stringify(cuerpo) : undefined,
    });
    if (!x.ok) throw new Error(`${method} ${ruta}: ${x.status} ${await x.text()}`);
    return (x.status === 204 ? undefined : await x.json()) as T;
  };
}

/**
 * A person the administrator (`admin`, a sesionApi) invites to the entity, with her password already set
 * through the invitation's link, as she would set it; returns her user id.
 */
export async function personaConClave(
  url: string,
  admin: Awaited<ReturnType<typeof sesionApi>>,
  entidadId: string,
  persona: { nombre: string; correo: string; roles: string[] },
  clave: string,
): Promise<string> {
  const r = await admin<{ usuario: { id: string }; enlaceClave: string }>(
    'POST',
    `/api/entidades/${entidadId}/usuarios`,
    persona,
  );
  const definida = await fetch(`${url}/api/auth/definir-clave`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: new URL(r.enlaceClave, url).searchParams.get('token'), clave }),
  });
  if (definida.status !== 204) throw new Error(`definir la clave de ${persona.correo}: ${definida.status}`);
  return r.usuario.id;
}

/** Signs in through the login form at `url` and waits for the signed-in frame. */
export async function ingresar(p: Page, url: string, correo: string, clave: string) {
  await p.goto(url);
  await p.getByLabel('Correo electrónico').fill(correo);
  await p.locator('input[type=password]').fill(clave);
  await p.getByRole('button', { name: 'Ingresar' }).click();
  await p.getByRole('navigation', { name: 'Secciones' }).waitFor();
}

/** A new page in es-CO, `ancho` px wide (a desktop by default), signed in as `correo`. */
export async function entrarComo(
  navegador: Browser,
  url: string,
  correo: string,
  clave: string,
  ancho = 1280,
) {
  const ctx = await navegador.newContext({ locale: 'es-CO', viewport: { width: ancho, height: 900 } });
  const p = await ctx.newPage();
  await ingresar(p, url, correo, clave);
  return p;
}
