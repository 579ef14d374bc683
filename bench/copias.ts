// A copy of the project (this checkout, or another one built beside it: `git worktree`) served as its users run
// it, on the demo entity in a fresh embedded database, with a planner's session: what the browser benches
// measure, side by side.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BANDERAS_CHROMIUM, CHROMIUM } from '../e2e/chromium.ts';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { puertoLibre } from '../src/server/red.ts';
import { cookieDeSesion, detener, esperarSalud } from './comun.ts';

export interface Instancia {
  nombre: string;
  dir: string;
  servidor: ChildProcess;
  dataDir: string;
  base: string;
  cookie: string;
  publico: string;
  jsInicialGzip: number;
  cssInicialGzip: number;
  scriptsIniciales: number;
}

/** A copy that cannot be measured (no build, no demo entity, no session): the bench says why and stops. */
export class CopiaNoDisponible extends Error {}

/**
 * One copy's server on the demo entity, with a planner's session and, unless `publico` is false, the public
 * page's address (a string: that address). What it started is stopped and removed if a later step fails.
 */
export async function levantar(
  nombre: string,
  dir: string,
  publico: string | boolean = true,
): Promise<Instancia> {
  const dist = join(dir, 'web', 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new CopiaNoDisponible(`No hay aplicación construida en ${dist}: ejecute «npm run build» primero.`);

  // The demo entity on a fresh embedded database, seeded before the server opens it (PGlite has one owner).
  const dataDir = mkdtempSync(join(tmpdir(), 'mipg-bench-web-'));
  const entorno = { ...process.env, MIPG_DATA_DIR: dataDir, DATABASE_URL: '' };
  const siembra = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'seed-demo'], {
    cwd: dir,
    env: entorno,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if ((await new Promise((r) => siembra.once('exit', r))) !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new CopiaNoDisponible(`No fue posible crear la entidad de demostración en ${dir}.`);
  }
  const puerto = await puertoLibre();
  // The exact node flags and script of that copy's "start", so each copy runs as its users run it.
  const inicio = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    .scripts.start.split(/\s+/)
    .slice(1);
  const servidor = spawn(process.execPath, inicio, {
    cwd: dir,
    env: { ...entorno, PORT: String(puerto), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${puerto}`;
  try {
    await esperarSalud(`${base}/api/health`);
    // Read once the server answers: its start script rebuilds a stale build first, with new file names.
    const { scripts, css, tamanoGzip } = primeraCarga(dist);
    // A session of the planning office (the person who opens tablero and plan every day).
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `planeacion@${DEMO.dominio}`, password: DEMO.clave }),
    });
    if (!login.ok)
      throw new CopiaNoDisponible(`Inicio de sesión en ${dir}: ${login.status} ${await login.text()}`);
    const cookie = cookieDeSesion(login.headers.getSetCookie());
    const sesion = (await login.json()) as { entidades: { id: string }[] };
    // The public page's address as the app itself shows it (the plan page links to it), so the bench follows
    // the address wherever it moves.
    const direccion =
      typeof publico === 'string'
        ? publico
        : publico
          ? ((await direccionPublica(base, cookie)) ?? `/publico/${sesion.entidades[0]!.id}`)
          : '';
    return {
      nombre,
      dir,
      servidor,
      dataDir,
      base,
      cookie,
      publico: direccion,
      jsInicialGzip: scripts.reduce((n, s) => n + tamanoGzip(s), 0),
      cssInicialGzip: css.reduce((n, s) => n + tamanoGzip(s), 0),
      scriptsIniciales: scripts.length,
    };
  } catch (e) {
    await detener(servidor);
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Ctrl+C must not leave a browser, a server or a temporary database behind. */
export function alInterrumpir(instancias: readonly Instancia[], cerrarNavegador: () => void) {
  for (const senal of ['SIGINT', 'SIGTERM'] as const)
    process.once(senal, () => {
      cerrarNavegador();
      for (const i of instancias) {
        i.servidor.kill('SIGTERM');
        rmSync(i.dataDir, { recursive: true, force: true });
      }
      process.exit(130);
    });
}

/** The href of the first link to a public page on the plan page, as a signed-in planner sees it. */
async function direccionPublica(base: string, cookie: string): Promise<string | undefined> {
  const navegador = await chromium.launch({ executablePath: CHROMIUM, args: BANDERAS_CHROMIUM });
  try {
    const contexto = await navegador.newContext({ extraHTTPHeaders: { Cookie: cookie } });
    const pagina = await contexto.newPage();
    await pagina.goto(`${base}/plan`);
    const enlace = pagina.locator('a[href*="/publico/"]').first();
    await enlace.waitFor({ timeout: 15_000 }).catch(() => {});
    const href = await enlace.getAttribute('href', { timeout: 1000 }).catch(() => null);
    return href ? new URL(href, base).pathname : undefined;
  } finally {
    await navegador.close();
  }
}

/** The first load as index.html declares it: the scripts it loads or preloads, its stylesheets, their gzip size. */
function primeraCarga(dist: string) {
  const indice = readFileSync(join(dist, 'index.html'), 'utf8');
  const tamanoGzip = (ruta: string) => {
    const archivo = join(dist, ruta);
    try {
      return readFileSync(`${archivo}.gz`).length;
    } catch {
      return readFileSync(archivo).length; // under 1 KB the build keeps no compressed copy
    }
  };
  const scripts = [
    ...indice.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...indice.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const css = [...indice.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]!);
  return { scripts, css, tamanoGzip };
}
