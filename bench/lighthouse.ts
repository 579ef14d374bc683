// `npm run bench:lighthouse`: Lighthouse (mobile preset, simulated throttling) on the pages a person opens
// first — login, home, tablero, plan and the public page — with Debian's Chromium, on the demo entity.
// It builds nothing: run `npm run build` first (npm start rebuilds only what is stale). It is a bench, not a
// test: it exits non-zero only with --estricto.
//
//   npm run bench:lighthouse -- [--corridas 3] [--publico /publico/hrm] [--solo tablero,plan] [--estricto]
//                               [--json bench/results/lighthouse.json] [--informes bench/results/lhr]
//                               [--base ../otra-copia]
// --informes keeps each page's last full Lighthouse report (JSON) and its trace, to see what shifts or blocks.
// With more than one run it prints each run's score, TBT, main-thread work, the main thread's CPU over its time
// in tasks (how much of a task was waiting for a core) and the frames drawn.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BANDERAS_CHROMIUM, CHROMIUM } from '../e2e/chromium.ts';
import { detener, f, mediana, razon } from './comun.ts';
import { alInterrumpir, CopiaNoDisponible, type Instancia, levantar } from './copias.ts';

const { values: opciones } = parseArgs({
  options: {
    corridas: { type: 'string', default: '3' },
    publico: { type: 'string' },
    solo: { type: 'string' },
    estricto: { type: 'boolean', default: false },
    json: { type: 'string' },
    informes: { type: 'string' },
    base: { type: 'string' },
  },
});
const CORRIDAS = Math.max(1, Math.round(Number(opciones.corridas)) || 3);
const META = { rendimiento: 90, cls: 0.1, lcpMs: 2500, jsInicialKb: 120 };
const kb = (bytes: number) => bytes / 1024;

// --base: another copy of the project (say, main in a `git worktree`), built, measured in the same run with
// its runs alternating with ours, so that the load of a shared machine hits both alike.
const copias = [{ nombre: 'esta copia', dir: join(import.meta.dirname, '..') }];
if (opciones.base) copias.unshift({ nombre: 'base', dir: resolve(opciones.base) });
const instancias: Instancia[] = [];
let chrome: chromeLauncher.LaunchedChrome | undefined;
// Puppeteer on the same Chromium: each run's tab, with its cookies set as a person's browser has them.
let navegador: Browser | undefined;
alInterrumpir(instancias, () => chrome?.kill());
try {
  for (const c of copias) instancias.push(await levantar(c.nombre, c.dir, opciones.publico ?? true));
  const paginas = (i: Instancia) =>
    [
      // The targets are the issue's: login, tablero and the public page. Inicio and plan are measured to
      // follow them (heavier pages, opened after the tablero), not held to the targets.
      { nombre: 'login', ruta: '/', conSesion: false, conMeta: true },
      { nombre: 'inicio', ruta: '/', conSesion: true, conMeta: false },
      { nombre: 'tablero', ruta: '/tablero', conSesion: true, conMeta: true },
      { nombre: 'plan', ruta: '/plan', conSesion: true, conMeta: false },
      { nombre: 'publico', ruta: i.publico, conSesion: false, conMeta: true },
    ].filter((p) => !opciones.solo || opciones.solo.split(',').includes(p.nombre));

  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: BANDERAS_CHROMIUM,
    logLevel: 'silent',
  });
  const corridas = new Map<string, Medida[]>();
  for (const [k, p] of paginas(instancias[0]!).entries())
    for (let n = 0; n < CORRIDAS; n++)
      for (const i of instancias) {
        const pagina = paginas(i)[k]!;
        const m = await medir(chrome.port, i, pagina);
        corridas.set(`${i.nombre}|${p.nombre}`, [...(corridas.get(`${i.nombre}|${p.nombre}`) ?? []), m]);
        process.stderr.write('.');
      }
  process.stderr.write('\n');
  const todos: Record<string, Resultado[]> = {};
  for (const i of instancias) {
    const resultados = paginas(i).map((p) => {
      const lista = corridas.get(`${i.nombre}|${p.nombre}`)!;
      const m = (k: Exclude<keyof Medida, 'elementoLcp'>) => mediana(lista.map((c) => c[k]));
      return {
        ...p,
        rendimiento: m('rendimiento'),
        lcp: m('lcp'),
        cls: m('cls'),
        tbt: m('tbt'),
        fcp: m('fcp'),
        hilo: m('hilo'),
        transferido: m('transferido'),
        js: m('js'),
        enTareas: m('enTareas'),
        cuadros: m('cuadros'),
        cpu: m('cpu'),
        elementoLcp: lista.at(-1)!.elementoLcp,
        corridas: lista,
      };
    });
    informar(i, resultados);
    todos[i.nombre] = resultados;
  }
  if (opciones.base) compararConBase(todos.base!, todos['esta copia']!);
  if (opciones.json) {
    mkdirSync(dirname(opciones.json), { recursive: true });
    writeFileSync(
      opciones.json,
      JSON.stringify(
        {
          fecha: new Date().toISOString(),
          copias: instancias.map((i) => ({
            nombre: i.nombre,
            dir: i.dir,
            jsInicialGzip: i.jsInicialGzip,
            cssInicialGzip: i.cssInicialGzip,
            resultados: todos[i.nombre],
          })),
        },
        null,
        2,
      ),
    );
  }
  const nuestra = instancias.at(-1)!;
  const cumple =
    todos[nuestra.nombre]!.every((r) => !r.conMeta || cumpleMetas(r)) &&
    kb(nuestra.jsInicialGzip) <= META.jsInicialKb;
  if (opciones.estricto && !cumple) process.exitCode = 1;
} catch (e) {
  if (!(e instanceof CopiaNoDisponible)) throw e;
  console.error(`✖ ${e.message}`);
  process.exitCode = 1;
} finally {
  await navegador?.disconnect();
  await chrome?.kill();
  for (const i of instancias) {
    await detener(i.servidor);
    rmSync(i.dataDir, { recursive: true, force: true });
  }
}

/** One Lighthouse run; one that Lighthouse could not finish (no LCP, trace lost) is repeated, twice at most. */
async function medir(
  puerto: number,
  i: Instancia,
  p: { nombre: string; ruta: string; conSesion: boolean },
): Promise<Medida> {
  for (let fallidas = 0; ; ) {
    // Every run is a first visit: no cookie but the session. The session is a real cookie, not an extra
    // header: a cookie the page itself sets (the accessibility bar's choices) would replace that header, and
    // the page, then the next copy on the same host, would lose its session halfway.
    navegador ??= await puppeteer.connect({ browserURL: `http://127.0.0.1:${puerto}` });
    const pestana = await navegador.newPage();
    const cdp = await pestana.createCDPSession();
    await cdp.send('Network.clearBrowserCookies');
    if (p.conSesion) {
      if (!i.cookie.includes('=')) throw new Error('el inicio de sesión no dejó cookie de sesión');
      const [nombre, ...valor] = i.cookie.split('=');
      await cdp.send('Network.setCookie', {
        name: nombre!,
        value: valor.join('='),
        url: i.base,
        httpOnly: true,
      });
    }
    const r = await lighthouse(
      i.base + p.ruta,
      { output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      // The default configuration is the mobile preset: Moto G Power, slow 4G, 4× CPU, simulated.
      { extends: 'lighthouse:default' },
      pestana,
    ).finally(() => pestana.close());
    if (!r) throw new Error(`Lighthouse no devolvió resultado para ${p.ruta}`);
    const error =
      r.lhr.runtimeError?.message ?? (r.lhr.categories.performance?.score == null && 'sin puntaje');
    if (!error) {
      if (opciones.informes) {
        mkdirSync(opciones.informes, { recursive: true });
        const sufijo = i.nombre === 'base' ? '-base' : '';
        writeFileSync(join(opciones.informes, `${p.nombre}${sufijo}.json`), JSON.stringify(r.lhr));
        // The trace, for DevTools' Performance panel: which task blocked and what ran in it.
        writeFileSync(
          join(opciones.informes, `${p.nombre}${sufijo}.trace.json`),
          JSON.stringify(r.artifacts.Trace),
        );
      }
      return { ...medida(r.lhr), ...cpuDelHilo(r.artifacts.Trace) };
    }
    process.stderr.write(`\n  corrida fallida en ${p.nombre}: ${error}\n`);
    if (++fallidas > 2) throw new Error(`Lighthouse falló tres veces en ${p.ruta}`);
  }
}

interface Medida {
  rendimiento: number;
  lcp: number;
  cls: number;
  tbt: number;
  fcp: number;
  /**
   * The main thread's whole work during the load (script, style, layout, paint), scaled by the simulated CPU
   * slowdown: a sum, so it depends less than TBT on how the work happens to be cut into tasks.
   */
  hilo: number;
  transferido: number;
  js: number;
  /** What the largest paint was (Lighthouse's label for its node): the text or image to bring forward. */
  elementoLcp: string;
  /** The page's main thread in the run itself (not simulated): time inside tasks, and CPU time in them. */
  enTareas: number;
  cpu: number;
  /**
   * Frames the browser drew during the run (Lighthouse captures each one): on this kind of machine each is
   * drawn by software and encoded, with CPU taken from the page. An animation or a scrollbar that fades in
   * and out shows here.
   */
  cuadros: number;
}

/**
 * Lighthouse times the tasks of an unthrottled run and multiplies them by 4; a task that waited for a core
 * (the browser compositing a frame, the server answering, Lighthouse itself) counts as work. The trace gives
 * each task's wall time (`dur`) and its thread's CPU time (`tdur`): their ratio tells a slower page from a
 * busier machine.
 */
function cpuDelHilo(traza: { traceEvents: TraceEvento[] }) {
  const nombres = new Map<string, string>();
  for (const e of traza.traceEvents)
    if (e.name === 'thread_name') nombres.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const porHilo = new Map<string, { enTareas: number; cpu: number }>();
  for (const e of traza.traceEvents) {
    const hilo = `${e.pid}:${e.tid}`;
    if (e.name !== 'RunTask' || e.ph !== 'X' || nombres.get(hilo) !== 'CrRendererMain') continue;
    const h = porHilo.get(hilo) ?? { enTareas: 0, cpu: 0 };
    h.enTareas += (e.dur ?? 0) / 1000;
    h.cpu += (e.tdur ?? 0) / 1000;
    porHilo.set(hilo, h);
  }
  const cuadros = traza.traceEvents.filter((e) => e.name === 'Screenshot').length;
  // The page's renderer is the busiest one (the others are Lighthouse's blank tab and internal pages).
  const pagina = [...porHilo.values()].sort((a, b) => b.enTareas - a.enTareas)[0] ?? { enTareas: 0, cpu: 0 };
  return { ...pagina, cuadros };
}
interface TraceEvento {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: unknown };
}
interface Resultado extends Medida {
  nombre: string;
  ruta: string;
  conSesion: boolean;
  /** Held to the targets (login, tablero, public page); the others are measured to follow them. */
  conMeta: boolean;
  corridas: Medida[];
}

function medida(lhr: {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: unknown }>;
}): Omit<Medida, 'enTareas' | 'cpu' | 'cuadros'> {
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
    hilo: valor('mainthread-work-breakdown'),
    transferido: valor('total-byte-weight'),
    js: solicitudes.filter((s) => s.resourceType === 'Script').reduce((n, s) => n + (s.transferSize ?? 0), 0),
    elementoLcp: elementoLcp(lhr.audits['largest-contentful-paint-element']?.details),
  };
}

/** The LCP node's label and CSS selector, from the audit's first table. */
function elementoLcp(detalles: unknown) {
  type Nodo = { nodeLabel?: string; selector?: string };
  const tablas = (detalles as { items?: { items?: { node?: Nodo }[] }[] } | undefined)?.items ?? [];
  const nodo = tablas[0]?.items?.[0]?.node;
  return nodo ? `«${(nodo.nodeLabel ?? '').slice(0, 50)}» (${nodo.selector ?? '?'})` : 'sin dato';
}

function cumpleMetas(r: Resultado) {
  return r.rendimiento >= META.rendimiento && r.cls < META.cls && r.lcp < META.lcpMs;
}

/** Medians of this copy over the base's, page by page: below 1 is less time. */
function compararConBase(base: Resultado[], nuestra: Resultado[]) {
  console.log('\nEsta copia frente a la base (mediana sobre mediana):');
  for (const [k, r] of nuestra.entries()) {
    const b = base[k]!;
    console.log(
      `  ${r.nombre}: rendimiento ${b.rendimiento} → ${r.rendimiento}; TBT ${razon(r.tbt, b.tbt)}; trabajo del hilo principal ${razon(r.hilo, b.hilo)} (${f(b.hilo, 0)} → ${f(r.hilo, 0)} ms)`,
    );
  }
}

function informar(i: Instancia, resultados: Resultado[]) {
  const marca = (ok: boolean) => (ok ? '✔' : '✖');
  console.log(
    `\nMIPG Abierto — Lighthouse${opciones.base ? ` — ${i.nombre} (${i.dir})` : ''} ${CORRIDAS > 1 ? `(mediana de ${CORRIDAS} corridas)` : ''}, perfil móvil con limitación simulada; Chromium de Debian; Node ${process.version}\n`,
  );
  console.log(
    `${marca(kb(i.jsInicialGzip) <= META.jsInicialKb)} JavaScript de la primera carga: ${f(kb(i.jsInicialGzip))} KB gzip en ${i.scriptsIniciales} archivo(s) (meta ≤ ${META.jsInicialKb} KB); CSS: ${f(kb(i.cssInicialGzip))} KB gzip\n`,
  );
  const columnas = ['Página', 'Rend.', 'LCP', 'CLS', 'TBT', 'FCP', 'Transferido', 'JS'];
  const anchos = [28, 6, 8, 6, 8, 8, 12, 10];
  const fila = (celdas: string[]) => celdas.map((c, i) => c.padEnd(anchos[i]!)).join(' ');
  console.log(`  ${fila(columnas)}`);
  for (const r of resultados)
    console.log(
      `${r.conMeta ? marca(cumpleMetas(r)) : '·'} ${fila([
        `${r.nombre} (${r.ruta})`.slice(0, 28),
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
    `\nMetas (ingreso, tablero y página pública; «·»: se mide sin meta): rendimiento ≥ ${META.rendimiento}, CLS < ${META.cls}, LCP < ${f(META.lcpMs / 1000, 1)} s, JavaScript inicial ≤ ${META.jsInicialKb} KB gzip. Transferido y JS: bytes por la red (brotli si el navegador lo acepta).`,
  );
  console.log(
    `Elemento LCP (última corrida): ${resultados.map((r) => `${r.nombre} ${r.elementoLcp}`).join(' · ')}`,
  );
  if (CORRIDAS > 1)
    console.log(
      `Rendimiento de cada corrida: ${resultados.map((r) => `${r.nombre} ${r.corridas.map((c) => c.rendimiento).join('/')}`).join(' · ')}\n` +
        // TBT varies most from run to run on a shared machine: each run's, to tell noise from a change.
        `TBT de cada corrida (ms): ${resultados.map((r) => `${r.nombre} ${r.corridas.map((c) => Math.round(c.tbt)).join('/')}`).join(' · ')}\n` +
        `Trabajo del hilo principal de cada corrida (ms): ${resultados.map((r) => `${r.nombre} ${r.corridas.map((c) => Math.round(c.hilo)).join('/')}`).join(' · ')}\n` +
        // A share far below 100 % is a machine short of cores, not a heavier page: the tasks waited.
        `CPU del hilo principal sobre su tiempo en tareas de cada corrida, sin simular (ms): ${resultados.map((r) => `${r.nombre} ${r.corridas.map((c) => `${Math.round(c.cpu)}/${Math.round(c.enTareas)} (${Math.round((100 * c.cpu) / c.enTareas)} %)`).join(' ')}`).join(' · ')}\n` +
        `Cuadros dibujados de cada corrida: ${resultados.map((r) => `${r.nombre} ${r.corridas.map((c) => c.cuadros).join('/')}`).join(' · ')}`,
    );
}
