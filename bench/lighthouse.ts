// `npm run bench:lighthouse`: Lighthouse (mobile preset, simulated throttling) on the pages a person opens
// first — login, home, tablero, plan and the public page — with Debian's Chromium, on the demo entity.
// It builds nothing: run `npm run build` first (npm start rebuilds only what is stale). It is a bench, not a
// test: it exits non-zero only with --estricto.
//
//   npm run bench:lighthouse -- [--corridas 3] [--publico /publico/hrm] [--solo tablero,plan] [--estricto]
//                               [--json bench/results/lighthouse.json] [--informes bench/results/lhr]
// --informes keeps each page's last full Lighthouse report (JSON) to see what shifts or blocks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { puertoLibre } from '../src/server/red.ts';
import { detener, esperarSalud, f, lanzar, lanzarComoNpmStart } from './comun.ts';

const { values: opciones } = parseArgs({
  options: {
    corridas: { type: 'string', default: '3' },
    publico: { type: 'string' },
    solo: { type: 'string' },
    estricto: { type: 'boolean', default: false },
    json: { type: 'string' },
    informes: { type: 'string' },
  },
});
const CORRIDAS = Math.max(1, Number(opciones.corridas) || 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BANDERAS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const META = { rendimiento: 90, cls: 0.1, lcpMs: 2500, jsInicialKb: 120 };
const mediana = (xs: number[]) => {
  const o = [...xs].sort((a, b) => a - b);
  const m = Math.floor(o.length / 2);
  return o.length % 2 ? o[m]! : (o[m - 1]! + o[m]!) / 2;
};
const kb = (bytes: number) => bytes / 1024;

// 1. First-load JS as gzip: the scripts index.html loads or preloads, read from the build's .gz copies.
const dist = join(import.meta.dirname, '..', 'web', 'dist');
let indice: string;
try {
  indice = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error('✖ No hay aplicación construida en web/dist: ejecute «npm run build» primero.');
  process.exit(1);
}
const tamanoGzip = (ruta: string) => {
  const archivo = join(dist, ruta);
  try {
    return readFileSync(`${archivo}.gz`).length;
  } catch {
    return readFileSync(archivo).length; // under 1 KB the build keeps no compressed copy
  }
};
const scriptsIniciales = [
  ...indice.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...indice.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]!);
const cssIniciales = [...indice.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map(
  (m) => m[1]!,
);
const jsInicialGzip = scriptsIniciales.reduce((n, s) => n + tamanoGzip(s), 0);
const cssInicialGzip = cssIniciales.reduce((n, s) => n + tamanoGzip(s), 0);

// 2. The demo entity on a fresh embedded database, seeded before the server opens it (PGlite has one owner).
const dataDir = mkdtempSync(join(tmpdir(), 'mipg-lighthouse-'));
const entorno = { MIPG_DATA_DIR: dataDir, DATABASE_URL: '' };
const siembra = lanzar(['--import', 'tsx', 'src/cli/index.ts', 'seed-demo'], entorno);
const codigo = await new Promise<number | null>((r) => siembra.once('exit', r));
if (codigo !== 0) {
  console.error('✖ No fue posible crear la entidad de demostración.');
  process.exit(1);
}
const puerto = await puertoLibre();
const servidor = lanzarComoNpmStart({ ...entorno, PORT: String(puerto), HOST: '127.0.0.1' });
const base = `http://127.0.0.1:${puerto}`;

let chrome: chromeLauncher.LaunchedChrome | undefined;
// Ctrl+C must not leave a Chromium, the server or the temporary database behind.
for (const senal of ['SIGINT', 'SIGTERM'] as const)
  process.once(senal, () => {
    chrome?.kill();
    servidor.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  });
try {
  await esperarSalud(`${base}/api/health`);

  // 3. A session of the planning office (the person who opens tablero and plan every day).
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `planeacion@${DEMO.dominio}`, password: DEMO.clave }),
  });
  if (!login.ok) throw new Error(`inicio de sesión: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const sesion = (await login.json()) as { entidades: { id: string }[] };
  const entidadId = sesion.entidades[0]!.id;

  // 4. The public page's address as the app itself shows it (the plan page links to it), so the bench
  // follows the address wherever it moves; --publico overrides it.
  const publico = opciones.publico ?? (await direccionPublica(base, cookie)) ?? `/publico/${entidadId}`;

  const paginas = [
    { nombre: 'login', ruta: '/', conSesion: false },
    { nombre: 'inicio', ruta: '/', conSesion: true },
    { nombre: 'tablero', ruta: '/tablero', conSesion: true },
    { nombre: 'plan', ruta: '/plan', conSesion: true },
    { nombre: 'publico', ruta: publico, conSesion: false },
  ].filter((p) => !opciones.solo || opciones.solo.split(',').includes(p.nombre));

  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: BANDERAS_CHROMIUM,
    logLevel: 'silent',
  });
  const resultados: Resultado[] = [];
  for (const p of paginas) {
    const corridas: Medida[] = [];
    // A run that Lighthouse could not finish (no LCP, page not ready) is repeated, at most twice more.
    for (let i = 0, fallidas = 0; i < CORRIDAS; ) {
      const r = await lighthouse(
        base + p.ruta,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          // The session goes with every request of the page, the API calls included.
          extraHeaders: p.conSesion ? { Cookie: cookie } : undefined,
        },
        // The default configuration is the mobile preset: Moto G Power, slow 4G, 4× CPU, simulated.
        { extends: 'lighthouse:default' },
      );
      if (!r) throw new Error(`Lighthouse no devolvió resultado para ${p.ruta}`);
      const error =
        r.lhr.runtimeError?.message ?? (r.lhr.categories.performance?.score == null && 'sin puntaje');
      if (error) {
        process.stderr.write(`\n  corrida fallida en ${p.nombre}: ${error}\n`);
        if (++fallidas > 2) throw new Error(`Lighthouse falló tres veces en ${p.ruta}`);
        continue;
      }
      corridas.push(medida(r.lhr));
      if (opciones.informes) {
        mkdirSync(opciones.informes, { recursive: true });
        writeFileSync(join(opciones.informes, `${p.nombre}.json`), JSON.stringify(r.lhr));
      }
      process.stderr.write('.');
      i++;
    }
    const m = (k: keyof Medida) => mediana(corridas.map((c) => c[k]));
    resultados.push({
      ...p,
      rendimiento: m('rendimiento'),
      lcp: m('lcp'),
      cls: m('cls'),
      tbt: m('tbt'),
      fcp: m('fcp'),
      transferido: m('transferido'),
      js: m('js'),
      corridas,
    });
  }
  process.stderr.write('\n');
  informar(resultados, publico);
  if (opciones.json) {
    mkdirSync(dirname(opciones.json), { recursive: true });
    writeFileSync(
      opciones.json,
      JSON.stringify({ fecha: new Date().toISOString(), jsInicialGzip, cssInicialGzip, resultados }, null, 2),
    );
  }
  const cumple = resultados.every(cumpleMetas) && kb(jsInicialGzip) <= META.jsInicialKb;
  if (opciones.estricto && !cumple) process.exitCode = 1;
} finally {
  await chrome?.kill();
  await detener(servidor);
  rmSync(dataDir, { recursive: true, force: true });
}

interface Medida {
  rendimiento: number;
  lcp: number;
  cls: number;
  tbt: number;
  fcp: number;
  transferido: number;
  js: number;
}
interface Resultado extends Medida {
  nombre: string;
  ruta: string;
  conSesion: boolean;
  corridas: Medida[];
}

function medida(lhr: {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: unknown }>;
}): Medida {
  const valor = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const solicitudes =
    (
      lhr.audits['network-requests']?.details as {
        items?: { resourceType?: string; transferSize?: number }[];
      }
    )?.items ?? [];
  return {
    rendimiento: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: valor('largest-contentful-paint'),
    cls: valor('cumulative-layout-shift'),
    tbt: valor('total-blocking-time'),
    fcp: valor('first-contentful-paint'),
    transferido: valor('total-byte-weight'),
    js: solicitudes.filter((s) => s.resourceType === 'Script').reduce((n, s) => n + (s.transferSize ?? 0), 0),
  };
}

function cumpleMetas(r: Resultado) {
  return r.rendimiento >= META.rendimiento && r.cls < META.cls && r.lcp < META.lcpMs;
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

function informar(resultados: Resultado[], publico: string) {
  const marca = (ok: boolean) => (ok ? '✔' : '✖');
  console.log(
    `\nMIPG Abierto — Lighthouse ${CORRIDAS > 1 ? `(mediana de ${CORRIDAS} corridas)` : ''}, perfil móvil con limitación simulada; Chromium de Debian; Node ${process.version}\n`,
  );
  console.log(
    `${marca(kb(jsInicialGzip) <= META.jsInicialKb)} JavaScript de la primera carga: ${f(kb(jsInicialGzip))} KB gzip en ${scriptsIniciales.length} archivo(s) (meta ≤ ${META.jsInicialKb} KB); CSS: ${f(kb(cssInicialGzip))} KB gzip\n`,
  );
  const columnas = ['Página', 'Rend.', 'LCP', 'CLS', 'TBT', 'FCP', 'Transferido', 'JS'];
  const anchos = [28, 6, 8, 6, 8, 8, 12, 10];
  const fila = (celdas: string[]) => celdas.map((c, i) => c.padEnd(anchos[i]!)).join(' ');
  console.log(`  ${fila(columnas)}`);
  for (const r of resultados)
    console.log(
      `${marca(cumpleMetas(r))} ${fila([
        `${r.nombre} (${r.nombre === 'publico' ? publico : r.ruta})`.slice(0, 28),
        String(r.rendimiento),
        `${f(r.lcp / 1000, 2)} s`,
        f(r.cls, 3),
        `${f(r.tbt, 0)} ms`,
        `${f(r.fcp / 1000, 2)} s`,
        `${f(kb(r.transferido), 0)} KB`,
        `${f(kb(r.js), 0)} KB`,
      ])}`,
    );
  console.log(
    `\nMetas: rendimiento ≥ ${META.rendimiento}, CLS < ${META.cls}, LCP < ${f(META.lcpMs / 1000, 1)} s, JavaScript inicial ≤ ${META.jsInicialKb} KB gzip. Transferido y JS: bytes por la red (brotli si el navegador lo acepta).`,
  );
  if (CORRIDAS > 1)
    console.log(
      `Rendimiento de cada corrida: ${resultados.map((r) => `${r.nombre} ${r.corridas.map((c) => c.rendimiento).join('/')}`).join(' · ')}`,
    );
}
