// `npm run bench:tareas`: the tablero's start-up on a phone-like CPU, measured in the browser itself rather
// than simulated. Chromium (Debian's) runs at 4× less CPU (CDP's throttling, not Lighthouse's simulation); a
// PerformanceObserver collects every task over 50 ms and CDP's Performance.getMetrics the main thread's time in
// script, style and layout. Each run is a first visit with the planner's session on the demo entity.
//
//   npm run bench:tareas -- [--corridas 16] [--base ../otra-copia] [--ruta /tablero]
//
// It builds nothing: run `npm run build` first. With --base, runs alternate between the copies, and the
// medians print side by side with their ratios. On a shared 2-core machine Lighthouse's TBT moved 2× between
// runs of one build; these sums moved ±15 %, so 16 alternating runs tell a 20 % change from the noise.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { BANDERAS_CHROMIUM, CHROMIUM } from '../e2e/chromium.ts';
import { detener, f, mediana, razon } from './comun.ts';
import { alInterrumpir, CopiaNoDisponible, type Instancia, levantar } from './copias.ts';

const { values: opciones } = parseArgs({
  options: {
    corridas: { type: 'string', default: '16' },
    base: { type: 'string' },
    ruta: { type: 'string', default: '/tablero' },
  },
});
const CORRIDAS = Math.max(1, Math.round(Number(opciones.corridas)) || 16);
const LIMITE_MS = 50;

interface Corrida {
  /** Σ (duration − 50 ms) of the long tasks: blocking time as the browser saw it, from navigation on. */
  bloqueo: number;
  largas: number;
  hilo: number;
  script: number;
  estilo: number;
  geometria: number;
}
const CAMPOS: [keyof Corrida, string][] = [
  ['bloqueo', 'Bloqueo (Σ tareas − 50 ms)'],
  ['largas', 'Tareas de más de 50 ms'],
  ['hilo', 'Hilo principal ocupado'],
  ['script', 'JavaScript'],
  ['estilo', 'Estilo'],
  ['geometria', 'Geometría (layout)'],
];

const copias = [{ nombre: 'esta copia', dir: join(import.meta.dirname, '..') }];
if (opciones.base) copias.unshift({ nombre: 'base', dir: resolve(opciones.base) });
const instancias: Instancia[] = [];
const navegador = await chromium.launch({ executablePath: CHROMIUM, args: BANDERAS_CHROMIUM });
alInterrumpir(instancias, () => void navegador.close());
try {
  for (const c of copias) instancias.push(await levantar(c.nombre, c.dir, false));
  const corridas = new Map<string, Corrida[]>(instancias.map((i) => [i.nombre, []]));
  for (let n = 0; n < CORRIDAS; n++)
    for (const i of instancias) {
      corridas.get(i.nombre)!.push(await medir(i));
      process.stderr.write('.');
    }
  process.stderr.write('\n');
  console.log(
    `\nMIPG Abierto — ${opciones.ruta} con CPU 4× más lenta (real, no simulada), pantalla de 412 px; mediana de ${CORRIDAS} corridas${instancias.length > 1 ? ' alternadas' : ''}; Node ${process.version}\n`,
  );
  const medianas = instancias.map((i) => {
    const lista = corridas.get(i.nombre)!;
    return Object.fromEntries(
      CAMPOS.map(([k]) => [k, mediana(lista.map((c) => c[k]))]),
    ) as unknown as Corrida;
  });
  const cabecera = ['Medida'.padEnd(30), ...instancias.map((i) => i.nombre.padStart(12))];
  if (instancias.length > 1) cabecera.push('Razón'.padStart(8));
  console.log(cabecera.join(' '));
  for (const [k, titulo] of CAMPOS) {
    const valores = medianas.map((m) => m[k]);
    const celdas = valores.map((v) => (k === 'largas' ? f(v, 1) : `${f(v, 0)} ms`).padStart(12));
    if (valores.length > 1) celdas.push(razon(valores[1]!, valores[0]!).padStart(8));
    console.log([titulo.padEnd(30), ...celdas].join(' '));
  }
  for (const i of instancias)
    console.log(
      `Bloqueo de cada corrida (${i.nombre}, ms): ${corridas
        .get(i.nombre)!
        .map((c) => Math.round(c.bloqueo))
        .join('/')}`,
    );
} catch (e) {
  if (!(e instanceof CopiaNoDisponible)) throw e;
  console.error(`✖ ${e.message}`);
  process.exitCode = 1;
} finally {
  await navegador.close();
  for (const i of instancias) {
    await detener(i.servidor);
    rmSync(i.dataDir, { recursive: true, force: true });
  }
}

/**
 * One first visit: until the network is idle, a table is in the document (the tablero's four arrive in one
 * transition) and one more second has passed, for the work that follows. A page without tables waits 30 s and
 * the run fails: this bench is for pages with data tables.
 */
async function medir(i: Instancia): Promise<Corrida> {
  const contexto = await navegador.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const [nombre, ...valor] = i.cookie.split('=');
    await contexto.addCookies([{ name: nombre!, value: valor.join('='), url: i.base, httpOnly: true }]);
    const pagina = await contexto.newPage();
    const cdp = await contexto.newCDPSession(pagina);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    await pagina.addInitScript((limite) => {
      const w = window as unknown as { __largas: number[] };
      w.__largas = [];
      new PerformanceObserver((lista) => {
        for (const e of lista.getEntries()) if (e.duration > limite) w.__largas.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    }, LIMITE_MS);
    await pagina.goto(i.base + opciones.ruta, { waitUntil: 'networkidle' });
    // A DOM query, not a role query: computing roles and visibility would itself style and lay out the page.
    await pagina.waitForFunction(() => document.querySelectorAll('table').length > 0, undefined, {
      timeout: 30_000,
    });
    await pagina.waitForTimeout(1000);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const ms = (k: string) => (metrics.find((m) => m.name === k)?.value ?? Number.NaN) * 1000;
    const largas = await pagina.evaluate(() => (window as unknown as { __largas: number[] }).__largas);
    return {
      bloqueo: largas.reduce((s, d) => s + d - LIMITE_MS, 0),
      largas: largas.length,
      hilo: ms('TaskDuration'),
      script: ms('ScriptDuration'),
      estilo: ms('RecalcStyleDuration'),
      geometria: ms('LayoutDuration'),
    };
  } finally {
    await contexto.close();
  }
}
