// `npm run bench:carga`: writes while many people read. One entity (19 policies, 2,000 activities, 4 periods,
// two of them reported) served as `npm start` serves it; 50 readers over HTTP on loopback (dashboard,
// follow-up sheet, plan) for BENCH_MS (20 s) while one client reports and accepts follow-ups in a loop.
// Each database is measured with the write priority on and off (MIPG_PRIORIDAD_ESCRITURAS=0, the baseline),
// alternating, twice, every run from a copy of the same seeded data: the ratios compare runs of this process.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { sincronizarCatalogo } from '../src/db/catalogo.ts';
import { type Conexion, conectar } from '../src/db/client.ts';
import { actividad, responsablePolitica, rolUsuario, seguimiento, usuario } from '../src/db/schema.ts';
import { politicasDeVigencia } from '../src/modules/catalogo/catalogo.repository.ts';
import { hashClave } from '../src/modules/usuarios/usuario.service.ts';
import { puertoLibre } from '../src/server/red.ts';
import { cookieDeSesion, detener, esperarSalud, f, lanzarComoNpmStart, percentil } from './comun.ts';
import { nuevaEntidad, sembrarPlan } from './sembrar.ts';

const VIGENCIA = 2026;
const CLAVE = 'Putumayo2026carga';
const DURACION_MS = Number(process.env.BENCH_MS ?? 20_000);
const LECTORES = Number(process.env.BENCH_LECTORES ?? 50);
const RONDAS = Number(process.env.BENCH_RONDAS ?? 2);
const BASES = (process.env.BENCH_BASES ?? 'pglite,postgres').split(',');
const MAX_ESCRITURAS = 5_000; // a bound on the write loop besides time
const META_P99_ESCRITURA_MS = 1000;

interface Sembrado {
  entidadId: string;
  /** Activities to report on in period 3 (none has a report there yet). */
  paraReportar: string[];
  /** Reports sent to planeación (periods 1–2), waiting to be accepted. */
  paraAceptar: { actividadId: string; periodo: number }[];
}

/** Seeds the entity, a reader (consulta) and a writer (planeación and responsible for every policy). */
async function sembrar(conexion: Conexion): Promise<Sembrado> {
  const db = conexion.db;
  await sincronizarCatalogo(db);
  const claves = (await politicasDeVigencia(db, VIGENCIA)).map((p) => p.clave);
  const entidadId = await nuevaEntidad(db, 'E.S.E. Hospital de la Prueba de Carga', '846000253-6');
  await sembrarPlan(db, entidadId, VIGENCIA, 2000, 2, claves);
  const claveHash = await hashClave(CLAVE);
  const [lector, escritor] = await db
    .insert(usuario)
    .values([
      { correo: 'lector@carga.example', nombre: 'Lectora', claveHash },
      { correo: 'escritor@carga.example', nombre: 'Planeación', claveHash },
    ])
    .returning();
  await db.insert(rolUsuario).values([
    { usuarioId: lector!.id, entidadId, rol: 'consulta' },
    { usuarioId: escritor!.id, entidadId, rol: 'planeacion' },
    { usuarioId: escritor!.id, entidadId, rol: 'responsable_politica' },
  ]);
  await db
    .insert(responsablePolitica)
    .values(claves.map((politica) => ({ entidadId, vigencia: VIGENCIA, politica, usuarioId: escritor!.id })));
  const actividades = await db
    .select({ id: actividad.id })
    .from(actividad)
    .orderBy(actividad.codigo)
    .limit(MAX_ESCRITURAS);
  const enviados = await db
    .select({ actividadId: seguimiento.actividadId, periodo: seguimiento.periodo })
    .from(seguimiento)
    .where(and(eq(seguimiento.entidadId, entidadId), eq(seguimiento.estado, 'enviado')))
    .orderBy(seguimiento.periodo);
  return { entidadId, paraReportar: actividades.map((a) => a.id), paraAceptar: enviados };
}

interface Respuesta {
  estado: number;
  ms: number;
  cuerpo: string;
  cookies: string[];
}

function pedir(
  agente: http.Agent,
  url: string,
  opciones: { metodo?: string; cabeceras?: Record<string, string>; cuerpo?: unknown } = {},
): Promise<Respuesta> {
  const cuerpo = opciones.cuerpo === undefined ? undefined : JSON.stringify(opciones.cuerpo);
  return new Promise((ok, mal) => {
    const t0 = performance.now();
    const req = http.request(
      url,
      {
        agent: agente,
        method: opciones.metodo ?? 'GET',
        headers: { ...opciones.cabeceras, ...(cuerpo ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const trozos: Buffer[] = [];
        res.on('data', (t: Buffer) => trozos.push(t));
        res.on('end', () =>
          ok({
            estado: res.statusCode ?? 0,
            ms: performance.now() - t0,
            cuerpo: Buffer.concat(trozos).toString(),
            cookies: [res.headers['set-cookie'] ?? []].flat(),
          }),
        );
      },
    );
    req.on('error', mal);
    req.end(cuerpo);
  });
}

async function iniciarSesion(agente: http.Agent, base: string, correo: string) {
  const r = await pedir(agente, `${base}/api/auth/login`, {
    metodo: 'POST',
    cuerpo: { email: correo, password: CLAVE },
  });
  if (r.estado !== 200) throw new Error(`inicio de sesión de ${correo}: ${r.estado} ${r.cuerpo}`);
  const cookie = cookieDeSesion(r.cookies);
  return { cookie, csrf: (JSON.parse(r.cuerpo) as { csrf: string }).csrf };
}

interface Medicion {
  lecturasPorSegundo: number;
  lectura: { p50: number; p99: number; n: number };
  escritura: { p50: number; p99: number; max: number; n: number };
  porTipo: Record<string, { p50: number; p99: number; n: number }>;
  errores: number;
}

/** The scenario against a running server: LECTORES readers in a closed loop and one writer, for DURACION_MS. */
async function escenario(base: string, s: Sembrado, cursor: { reportar: number; aceptar: number }) {
  const agenteLectores = new http.Agent({ keepAlive: true, maxSockets: LECTORES });
  const agenteEscritor = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const lector = await iniciarSesion(agenteLectores, base, 'lector@carga.example');
  const escritor = await iniciarSesion(agenteEscritor, base, 'escritor@carga.example');
  const e = `${base}/api/entidades/${s.entidadId}`;
  const lecturas: [string, string][] = [
    ['tablero', `${e}/tablero?vigencia=${VIGENCIA}&periodo=2`],
    ['hoja de seguimiento', `${e}/seguimientos?vigencia=${VIGENCIA}&periodo=2`],
    ['plan', `${e}/planes/${VIGENCIA}`],
  ];
  // Warm-up: each read once, so no run pays for the first compilation of its queries.
  for (const [, url] of lecturas) await pedir(agenteLectores, url, { cabeceras: { cookie: lector.cookie } });

  const tiempos: Record<string, number[]> = Object.fromEntries(lecturas.map(([k]) => [k, []]));
  const escrituras: number[] = [];
  let errores = 0;
  const fin = performance.now() + DURACION_MS;
  const inicio = performance.now();
  const lectores = Array.from({ length: LECTORES }, async (_, i) => {
    for (let k = i; performance.now() < fin; k++) {
      const [tipo, url] = lecturas[k % lecturas.length]!;
      const r = await pedir(agenteLectores, url, { cabeceras: { cookie: lector.cookie } });
      if (r.estado !== 200) errores++;
      else tiempos[tipo]!.push(r.ms);
    }
  });
  const cabeceras = { cookie: escritor.cookie, 'x-csrf-token': escritor.csrf };
  const escribir = async (url: string, metodo: string, cuerpo: unknown) => {
    const r = await pedir(agenteEscritor, url, { metodo, cabeceras, cuerpo });
    if (r.estado !== 200) {
      errores++;
      if (errores < 5) console.error(`  ${metodo} ${url}: ${r.estado} ${r.cuerpo.slice(0, 200)}`);
    }
    escrituras.push(r.ms);
  };
  const escritor1 = (async () => {
    for (let n = 0; n < MAX_ESCRITURAS && performance.now() < fin; n++) {
      // Report period 3 of an activity (a new report, in borrador)…
      const id = s.paraReportar[cursor.reportar++ % s.paraReportar.length]!;
      await escribir(`${e}/seguimientos/${id}/3`, 'PUT', {
        valor: 1,
        descripcion: 'Avance reportado durante la prueba de carga',
      });
      if (performance.now() >= fin) break;
      // …and accept a report sent to planeación, while there are any left.
      const a = s.paraAceptar[cursor.aceptar++];
      if (a) await escribir(`${e}/seguimientos/${a.actividadId}/${a.periodo}/aceptar`, 'POST', {});
    }
  })();
  await Promise.all([...lectores, escritor1]);
  const segundos = (performance.now() - inicio) / 1000;
  agenteLectores.destroy();
  agenteEscritor.destroy();
  const todas = Object.values(tiempos).flat();
  return {
    lecturasPorSegundo: todas.length / segundos,
    lectura: { p50: percentil(todas, 0.5), p99: percentil(todas, 0.99), n: todas.length },
    escritura: {
      p50: percentil(escrituras, 0.5),
      p99: percentil(escrituras, 0.99),
      max: Math.max(...escrituras),
      n: escrituras.length,
    },
    porTipo: Object.fromEntries(
      Object.entries(tiempos).map(([k, xs]) => [
        k,
        { p50: percentil(xs, 0.5), p99: percentil(xs, 0.99), n: xs.length },
      ]),
    ),
    errores,
  } satisfies Medicion;
}

const linea = (m: Medicion) =>
  `escrituras p50 ${f(m.escritura.p50, 0)} ms · p99 ${f(m.escritura.p99, 0)} ms (${m.escritura.n}) │ ` +
  `lecturas ${f(m.lecturasPorSegundo, 1)}/s · p50 ${f(m.lectura.p50, 0)} ms · p99 ${f(m.lectura.p99, 0)} ms` +
  (m.errores ? ` │ ${m.errores} errores` : '');

interface Base {
  nombre: string;
  /** A fresh copy of the seeded data; returns the server's environment and how to drop the copy. */
  copia(): Promise<{ env: Record<string, string>; borrar(): Promise<void> }>;
  sembrado: Sembrado;
}

const resultados: [string, Medicion, Medicion][] = [];

async function medirBase(b: Base) {
  // The write loop consumes reports: every run continues where the previous one stopped.
  const cursor = { reportar: 0, aceptar: 0 };
  const modos = [
    ['sin prioridad (línea base)', '0'],
    ['con prioridad de escrituras', '1'],
  ] as const;
  const porModo: Record<string, Medicion[]> = {};
  for (let ronda = 1; ronda <= RONDAS; ronda++)
    for (const [modo, valor] of modos) {
      const { env, borrar } = await b.copia();
      const puerto = await puertoLibre();
      const app = lanzarComoNpmStart({
        ...env,
        PORT: String(puerto),
        HOST: '127.0.0.1',
        MIPG_PRIORIDAD_ESCRITURAS: valor,
      });
      const base = `http://127.0.0.1:${puerto}`;
      try {
        await esperarSalud(`${base}/api/health`, 120_000);
        const m = await escenario(base, b.sembrado, cursor);
        console.log(`${b.nombre} · ronda ${ronda} · ${modo}: ${linea(m)}`);
        for (const [k, t] of Object.entries(m.porTipo))
          console.log(`    ${k.padEnd(20)} p50 ${f(t.p50, 0)} ms · p99 ${f(t.p99, 0)} ms (${t.n})`);
        porModo[modo] = [...(porModo[modo] ?? []), m];
      } finally {
        await detener(app);
        await borrar();
      }
    }
  for (let i = 0; i < RONDAS; i++)
    resultados.push([`${b.nombre}, ronda ${i + 1}`, porModo[modos[0][0]]![i]!, porModo[modos[1][0]]![i]!]);
}

// ================= PGlite, as `npm start` runs it =================
let n = 0;
if (BASES.includes('pglite')) {
  const raiz = mkdtempSync(join(tmpdir(), 'mipg-bench-carga-'));
  const sembradoDir = join(raiz, 'sembrado');
  const t0 = performance.now();
  const conexion = await conectar({ dataDir: sembradoDir });
  const sembrado = await sembrar(conexion);
  await conexion.cerrar();
  console.log(
    `PGlite sembrado en ${f((performance.now() - t0) / 1000)} s: 2.000 actividades, 4.000 reportes.`,
  );
  await medirBase({
    nombre: 'PGlite',
    sembrado,
    async copia() {
      const dir = join(raiz, `copia-${n++}`);
      cpSync(sembradoDir, dir, { recursive: true });
      return {
        env: { MIPG_DATA_DIR: dir, DATABASE_URL: '' },
        borrar: async () => rmSync(dir, { recursive: true }),
      };
    },
  });
  rmSync(raiz, { recursive: true, force: true });
}

// ================= PostgreSQL (BENCH_DATABASE_URL or the local server), pool of 10 =================
const servidor =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: servidor });
const plantilla = `mipg_carga_${Date.now()}`;
let conPostgres = BASES.includes('postgres');
try {
  if (conPostgres) {
    await admin.connect();
    await admin.query(`create database ${plantilla}`);
  }
} catch (e) {
  conPostgres = false;
  console.log(`(PostgreSQL omitido: no hay servidor en ${servidor}: ${(e as Error).message})`);
}
if (conPostgres) {
  const url = (nombre: string) => {
    const u = new URL(servidor);
    u.pathname = `/${nombre}`;
    return u.toString();
  };
  const t0 = performance.now();
  const conexion = await conectar({ databaseUrl: url(plantilla) });
  const sembradoPg = await sembrar(conexion);
  await conexion.cerrar();
  console.log(`PostgreSQL sembrado en ${f((performance.now() - t0) / 1000)} s.`);
  await medirBase({
    nombre: 'PostgreSQL',
    sembrado: sembradoPg,
    async copia() {
      const nombre = `${plantilla}_${n++}`;
      await admin.query(`create database ${nombre} template ${plantilla}`);
      return {
        env: { DATABASE_URL: url(nombre) },
        borrar: async () => {
          await admin.query(`drop database ${nombre} with (force)`);
        },
      };
    },
  });
  await admin.query(`drop database ${plantilla} with (force)`);
}
await admin.end().catch(() => {});

console.log(
  `\nMIPG Abierto — escrituras bajo ${LECTORES} lectores concurrentes, ${f(DURACION_MS / 1000, 0)} s por medición (Node ${process.version})\n`,
);
for (const [que, antes, despues] of resultados) {
  const ok = despues.escritura.p99 < META_P99_ESCRITURA_MS;
  console.log(`${que}`);
  console.log(`   sin prioridad: ${linea(antes)}`);
  console.log(`   con prioridad: ${linea(despues)}`);
  console.log(
    `   ${ok ? '✔' : '✖'} p99 de escritura ${f(despues.escritura.p99 / antes.escritura.p99, 2)} × la línea base ` +
      `(meta < ${META_P99_ESCRITURA_MS} ms) · lecturas/s ${f(despues.lecturasPorSegundo / antes.lecturasPorSegundo, 2)} × ` +
      `· p99 de lectura ${f(despues.lectura.p99 / antes.lectura.p99, 2)} ×`,
  );
}
