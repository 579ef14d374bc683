// `npm run bench`: figures for the platform foundation, each against a baseline measured in the same run.
//  - req/s of GET /api/health against a bare Fastify hello-world (ratio; target ≥ 70 %)
//  - time from start to healthy with a fresh embedded database (target ≤ 5 s)
//  - idle memory (RSS) with PGlite (target ≤ 250 MB)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { puertoLibre } from '../src/server/red.ts';
import { carga, detener, esperarSalud, f, lanzar, lanzarComoNpmStart } from './comun.ts';

const DURACION_MS = Number(process.env.BENCH_MS ?? 5000);
const CONCURRENCIA = 32;
const RONDAS = 3;

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

// 1. MIPG Abierto as `npm start` runs it, on a fresh embedded database: start time and idle memory.
const dataDir = mkdtempSync(join(tmpdir(), 'mipg-bench-'));
const pApp = await puertoLibre();
const t0 = performance.now();
const app = lanzarComoNpmStart({
  PORT: String(pApp),
  HOST: '127.0.0.1',
  MIPG_DATA_DIR: dataDir,
  MIPG_ADMIN_EMAIL: 'bench@plataforma.example',
  MIPG_ADMIN_PASSWORD: 'Putumayo2026',
  DATABASE_URL: '',
});
const saludUrl = `http://127.0.0.1:${pApp}/api/health`;
await esperarSalud(saludUrl);
const arranqueMs = performance.now() - t0;
await new Promise((r) => setTimeout(r, 3000));
const rssReposo = rssMb(app.pid!);

// 2. Throughput against a bare Fastify hello-world, both running, measured in alternating rounds so that a
// passing load on the machine hits both alike; the median of each is compared.
const pBase = await puertoLibre();
const base = lanzar(['--import', 'tsx', 'bench/hola-mundo.ts'], { PORT: String(pBase) });
const holaUrl = `http://127.0.0.1:${pBase}/`;
await esperarSalud(holaUrl);
await carga(holaUrl, CONCURRENCIA, DURACION_MS); // warm-up
await carga(saludUrl, CONCURRENCIA, DURACION_MS);
const rondasHola: Awaited<ReturnType<typeof carga>>[] = [];
const rondasSalud: Awaited<ReturnType<typeof carga>>[] = [];
for (let i = 0; i < RONDAS; i++) {
  rondasHola.push(await carga(holaUrl, CONCURRENCIA, DURACION_MS));
  rondasSalud.push(await carga(saludUrl, CONCURRENCIA, DURACION_MS));
}
const mediana = (xs: Awaited<ReturnType<typeof carga>>[]) =>
  [...xs].sort((a, b) => a.rps - b.rps)[Math.floor(xs.length / 2)]!;
const hola = mediana(rondasHola);
const salud = mediana(rondasSalud);
const rssCarga = rssMb(app.pid!);
await detener(base);
await detener(app);

// 3. Second start on the same folder: what a running installation restarts with every day.
const t1 = performance.now();
const app2 = lanzarComoNpmStart({
  PORT: String(pApp),
  HOST: '127.0.0.1',
  MIPG_DATA_DIR: dataDir,
  DATABASE_URL: '',
});
await esperarSalud(saludUrl);
const arranque2Ms = performance.now() - t1;
await new Promise((r) => setTimeout(r, 3000));
const rssReposo2 = rssMb(app2.pid!);
await detener(app2);
rmSync(dataDir, { recursive: true, force: true });

const ratio = salud.rps / hola.rps;
const filas: [string, string, string, boolean][] = [
  [
    'Fastify «hola mundo» (línea base)',
    `${f(hola.rps, 0)} sol/s · p50 ${f(hola.p50, 2)} ms · p99 ${f(hola.p99, 2)} ms`,
    '—',
    true,
  ],
  [
    'GET /api/health',
    `${f(salud.rps, 0)} sol/s · p50 ${f(salud.p50, 2)} ms · p99 ${f(salud.p99, 2)} ms`,
    `${f(ratio * 100)} % de la línea base (meta ≥ 70 %)`,
    ratio >= 0.7,
  ],
  [
    'Arranque hasta «sano» (base embebida nueva)',
    `${f(arranqueMs / 1000, 2)} s`,
    'meta ≤ 5 s',
    arranqueMs <= 5000,
  ],
  ['Memoria en reposo (RSS, PGlite)', `${f(rssReposo)} MB`, 'meta ≤ 250 MB', rssReposo <= 250],
  ['Memoria tras la carga (RSS)', `${f(rssCarga)} MB`, '—', true],
  ['Arranque con la base ya creada', `${f(arranque2Ms / 1000, 2)} s`, 'meta ≤ 5 s', arranque2Ms <= 5000],
  ['Memoria en reposo con la base ya creada', `${f(rssReposo2)} MB`, 'meta ≤ 250 MB', rssReposo2 <= 250],
];
console.log(
  `\nMIPG Abierto — banco de pruebas (${CONCURRENCIA} conexiones, ${RONDAS} rondas alternadas de ${DURACION_MS / 1000} s, mediana; Node ${process.version})\n`,
);
for (const [que, cifra, meta, ok] of filas)
  console.log(`${ok ? '✔' : '✖'} ${que.padEnd(46)} ${cifra.padEnd(52)} ${meta}`);
