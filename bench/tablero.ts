// `npm run bench:tablero`: the dashboard API under load against a bare Fastify hello-world of the same run.
// One entity, 19 policies, 2,000 activities, 4 periods (two reported), published plan; the server runs as
// `npm start` runs it, on PGlite and, when DATABASE_URL or TEST_DATABASE_URL names a server, on PostgreSQL.
// 8 connections, rounds alternating with the hello-world (median of RONDAS), each request with a browser's
// Accept-Encoding. Target: the dashboard (summary, citizen's view) at ≥ 50 % of the hello-world's req/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sincronizarCatalogo } from '../src/db/catalogo.ts';
import { type Conexion, conectar } from '../src/db/client.ts';
import { rolUsuario, usuario } from '../src/db/schema.ts';
import { politicasDeVigencia } from '../src/modules/catalogo/catalogo.repository.ts';
import { hashClave } from '../src/modules/usuarios/usuario.service.ts';
import { puertoLibre } from '../src/server/red.ts';
import { carga, cookieDeSesion, detener, esperarSalud, f, lanzar, lanzarComoNpmStart } from './comun.ts';
import { nuevaEntidad, sembrarPlan } from './sembrar.ts';

const VIGENCIA = 2026;
const CLAVE = 'Putumayo2026tablero';
const CONEXIONES = 8;
const DURACION_MS = Number(process.env.BENCH_MS ?? 3000);
const RONDAS = Number(process.env.BENCH_RONDAS ?? 3);
const META = 0.5;
const NAVEGADOR = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const BASES = (process.env.BENCH_BASES ?? 'pglite,postgres').split(',');

async function sembrar(conexion: Conexion) {
  const db = conexion.db;
  await sincronizarCatalogo(db);
  const claves = (await politicasDeVigencia(db, VIGENCIA)).map((p) => p.clave);
  const entidadId = await nuevaEntidad(db, 'E.S.E. Hospital del Tablero', '846000253-6');
  await sembrarPlan(db, entidadId, VIGENCIA, 2000, 2, claves);
  const [u] = await db
    .insert(usuario)
    .values({ correo: 'consulta@tablero.example', nombre: 'Consulta', claveHash: await hashClave(CLAVE) })
    .returning();
  await db.insert(rolUsuario).values({ usuarioId: u!.id, entidadId, rol: 'consulta' });
  return entidadId;
}

const mediana = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const resultados: string[] = [];

async function medir(nombre: string, env: Record<string, string>, entidadId: string) {
  const puerto = await puertoLibre();
  const app = lanzarComoNpmStart({ ...env, PORT: String(puerto), HOST: '127.0.0.1' });
  const pHola = await puertoLibre();
  const hola = lanzar(['--import', 'tsx', 'bench/hola-mundo.ts'], { PORT: String(pHola) });
  try {
    const base = `http://127.0.0.1:${puerto}`;
    await esperarSalud(`${base}/api/health`, 180_000);
    await esperarSalud(`http://127.0.0.1:${pHola}/`);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'consulta@tablero.example', password: CLAVE }),
    });
    if (!login.ok) throw new Error(`inicio de sesión: ${login.status}`);
    const cookie = cookieDeSesion(login.headers.getSetCookie());
    const e = `${base}/api/entidades/${entidadId}`;
    const tablero = `${e}/tablero?vigencia=${VIGENCIA}&periodo=2`;
    const pagina = `${e}/tablero/actividades?vigencia=${VIGENCIA}&periodo=2&pagina=3&porPagina=50`;
    const primera = await fetch(tablero, { headers: NAVEGADOR });
    const etag = primera.headers.get('etag');
    const bytes = (await primera.arrayBuffer()).byteLength;
    const conPaginas = (await fetch(pagina)).ok;
    const casos: [string, string, Record<string, string>, number][] = [
      ['Hola mundo (línea base)', `http://127.0.0.1:${pHola}/`, NAVEGADOR, 200],
      ['Tablero, vista ciudadana', tablero, NAVEGADOR, 200],
      ['GET /api/health (la pila HTTP sola)', `${base}/api/health`, NAVEGADOR, 200],
      ['Tablero, con sesión', tablero, { ...NAVEGADOR, cookie }, 200],
      ...(etag
        ? [
            ['Tablero, 304 con If-None-Match', tablero, { ...NAVEGADOR, 'if-none-match': etag }, 304] as [
              string,
              string,
              Record<string, string>,
              number,
            ],
          ]
        : []),
      ...(conPaginas
        ? [
            ['Actividades, página de 50 (filtros)', `${pagina}&semaforo=verde`, NAVEGADOR, 200] as [
              string,
              string,
              Record<string, string>,
              number,
            ],
          ]
        : []),
    ];
    for (const [, url, h, estado] of casos) await carga(url, CONEXIONES, 1000, h, estado); // warm-up
    const rps = casos.map(() => [] as number[]);
    const p99 = casos.map(() => [] as number[]);
    for (let r = 0; r < RONDAS; r++)
      for (const [i, [, url, h, estado]] of casos.entries()) {
        const m = await carga(url, CONEXIONES, DURACION_MS, h, estado);
        rps[i]!.push(m.rps);
        p99[i]!.push(m.p99);
      }
    const hola0 = mediana(rps[0]!);
    resultados.push(
      `\n${nombre} — ${CONEXIONES} conexiones, ${RONDAS} rondas alternadas de ${f(DURACION_MS / 1000, 0)} s (mediana); ` +
        `tablero de ${f(bytes / 1024)} KB transferidos${primera.headers.get('content-encoding') ? ` (${primera.headers.get('content-encoding')})` : ' (sin comprimir)'}`,
    );
    for (const [i, [que]] of casos.entries()) {
      const x = mediana(rps[i]!);
      const ratio = x / hola0;
      const meta = i === 1 ? ` (meta ≥ ${f(META * 100, 0)} %)` : '';
      const marca = i === 1 ? (ratio >= META ? '✔' : '✖') : ' ';
      resultados.push(
        `${marca} ${que.padEnd(40)} ${`${f(x, 0)} sol/s · p99 ${f(mediana(p99[i]!), 1)} ms`.padEnd(32)} ${i ? `${f(ratio * 100, 1)} % de la línea base${meta}` : ''}`,
      );
    }
  } finally {
    await detener(hola);
    await detener(app);
  }
}

// ================= PGlite, as `npm start` runs it =================
if (BASES.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'mipg-bench-tablero-'));
  try {
    const conexion = await conectar({ dataDir: dir });
    const entidadId = await sembrar(conexion);
    await conexion.cerrar();
    await medir('PGlite', { MIPG_DATA_DIR: dir, DATABASE_URL: '' }, entidadId);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ================= PostgreSQL, when a server is named =================
const servidor = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (servidor && BASES.includes('postgres')) {
  const nombre = `mipg_tablero_${Date.now()}`;
  const admin = new pg.Client({ connectionString: servidor });
  await admin.connect();
  await admin.query(`create database ${nombre}`);
  try {
    const url = new URL(servidor);
    url.pathname = `/${nombre}`;
    const conexion = await conectar({ databaseUrl: url.toString() });
    const entidadId = await sembrar(conexion);
    await conexion.cerrar();
    await medir('PostgreSQL', { DATABASE_URL: url.toString() }, entidadId);
  } finally {
    await admin.query(`drop database ${nombre} with (force)`);
    await admin.end();
  }
} else resultados.push('\n(PostgreSQL omitido: defina DATABASE_URL o TEST_DATABASE_URL para medirlo.)');

console.log(`\nMIPG Abierto — tablero por HTTP (Node ${process.version})`);
for (const l of resultados) console.log(l);
