// `node --import tsx bench/perfil-tablero.ts`: where a dashboard read with a session spends its CPU. Seeds the
// bench's entity on PGlite, runs the built server (`npm start` builds it) with --cpu-prof under 8 connections
// for BENCH_MS, and prints the functions with the most self time, by file. The .cpuprofile stays in
// bench/results/perfil for Chrome's DevTools.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sincronizarCatalogo } from '../src/db/catalogo.ts';
import { conectar } from '../src/db/client.ts';
import { rolUsuario, usuario } from '../src/db/schema.ts';
import { politicasDeVigencia } from '../src/modules/catalogo/catalogo.repository.ts';
import { hashClave } from '../src/modules/usuarios/usuario.service.ts';
import { puertoLibre } from '../src/server/red.ts';
import { carga, cookieDeSesion, detener, esperarSalud, lanzar } from './comun.ts';
import { nuevaEntidad, sembrarPlan } from './sembrar.ts';

const CLAVE = 'Putumayo2026tablero';
const SALIDA = join('bench', 'results', 'perfil');
const dir = mkdtempSync(join(tmpdir(), 'mipg-perfil-'));
try {
  const conexion = await conectar({ dataDir: dir });
  await sincronizarCatalogo(conexion.db);
  const claves = (await politicasDeVigencia(conexion.db, 2026)).map((p) => p.clave);
  const entidadId = await nuevaEntidad(conexion.db, 'E.S.E. Hospital del Perfil', '846000253-6');
  await sembrarPlan(conexion.db, entidadId, 2026, 2000, 2, claves);
  const [u] = await conexion.db
    .insert(usuario)
    .values({ correo: 'consulta@perfil.example', nombre: 'Consulta', claveHash: await hashClave(CLAVE) })
    .returning();
  await conexion.db.insert(rolUsuario).values({ usuarioId: u!.id, entidadId, rol: 'consulta' });
  await conexion.cerrar();
  rmSync(SALIDA, { recursive: true, force: true });
  mkdirSync(SALIDA, { recursive: true });
  const puerto = await puertoLibre();
  const app = lanzar(['--cpu-prof', `--cpu-prof-dir=${SALIDA}`, '--expose-gc', 'dist/servidor.mjs'], {
    MIPG_DATA_DIR: dir,
    DATABASE_URL: '',
    PORT: String(puerto),
    HOST: '127.0.0.1',
  });
  const base = `http://127.0.0.1:${puerto}`;
  await esperarSalud(`${base}/api/health`, 120_000);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'consulta@perfil.example', password: CLAVE }),
  });
  const cookie = cookieDeSesion(login.headers.getSetCookie());
  const url = `${base}/api/entidades/${entidadId}/tablero?vigencia=2026&periodo=2`;
  const m = await carga(url, 8, Number(process.env.BENCH_MS ?? 5000), {
    'accept-encoding': 'gzip, deflate, br, zstd',
    cookie,
  });
  console.log(`${Math.round(m.rps)} sol/s`);
  await detener(app);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Self time per function, summed over the profile's samples.
const archivo = readdirSync(SALIDA).find((f) => f.endsWith('.cpuprofile'))!;
const perfil = JSON.parse(readFileSync(join(SALIDA, archivo), 'utf8')) as {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
};
const porId = new Map(perfil.nodes.map((n) => [n.id, n]));
const cuenta = new Map<string, number>();
for (const s of perfil.samples) {
  const f = porId.get(s)!.callFrame;
  const k = `${f.functionName || '(anónima)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${f.lineNumber}`;
  cuenta.set(k, (cuenta.get(k) ?? 0) + 1);
}
const total = perfil.samples.length;
for (const [k, n] of [...cuenta].sort((a, b) => b[1] - a[1]).slice(0, 45))
  console.log(`${((n / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
