// `npm run bench:plan`: the plan and follow-up at scale, each figure against a baseline of the same run.
//  Scenario 1 (PGlite, as `npm start` runs it): one entity, 19 policies, 2,000 activities, 4 periods,
//   5 vigencias — dashboard p50/p99 and req/s against a bare Fastify hello-world; consolidation time against
//   the raw SQL aggregate alone; export of 2,000 activities; import of 10,000 rows.
//  Scenario 2 (PostgreSQL, BENCH_DATABASE_URL or the local server): 500 entities × 300 activities —
//   territorial consolidation time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { CALENDARIO_NACIONAL } from '../src/core/dias-habiles.ts';
import { periodosDeVigencia } from '../src/core/periodos.ts';
import { encabezadosPlan } from '../src/core/plan-importacion.ts';
import { sincronizarCatalogo } from '../src/db/catalogo.ts';
import { type Conexion, conectar } from '../src/db/client.ts';
import { rolUsuario, usuario } from '../src/db/schema.ts';
import { politicasDeVigencia } from '../src/modules/catalogo/catalogo.repository.ts';
import { hojaSeguimiento } from '../src/modules/seguimiento/seguimiento.service.ts';
import { calcularTablero, consolidarTerritorio } from '../src/modules/tablero/tablero.service.ts';
import { hashClave } from '../src/modules/usuarios/usuario.service.ts';
import { puertoLibre } from '../src/server/red.ts';
import { carga, detener, esperarSalud, f, lanzar, lanzarComoNpmStart, percentil } from './comun.ts';
import { nuevaEntidad, sembrarPlan } from './sembrar.ts';

const VIGENCIA = 2026;
const CLAVE = 'Putumayo2026bench';
const mediana = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function tiempos(veces: number, fn: () => Promise<unknown>) {
  const t: number[] = [];
  for (let i = 0; i < veces; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b);
}
const medir = async (veces: number, fn: () => Promise<unknown>) => mediana(await tiempos(veces, fn));

const resultados: [string, string, string, boolean][] = [];
const anotar = (que: string, cifra: string, meta: string, ok = true) =>
  resultados.push([que, cifra, meta, ok]);

// ================= Scenario 1: PGlite =================
const dataDir = mkdtempSync(join(tmpdir(), 'mipg-bench-plan-'));
let conexion: Conexion = await conectar({ dataDir });
await sincronizarCatalogo(conexion.db);
const db1 = conexion.db;
const claves2026 = (await politicasDeVigencia(db1, VIGENCIA)).map((p) => p.clave);
const entidadId = await nuevaEntidad(db1, 'E.S.E. Hospital del Banco de Pruebas', '846000253-6');
const destinoImport = await nuevaEntidad(db1, 'Alcaldía del Banco de Pruebas', '800197268-4');
let t0 = performance.now();
for (const v of [2022, 2023, 2024, 2025, 2026])
  await sembrarPlan(db1, entidadId, v, 2000, v === VIGENCIA ? 2 : 4, claves2026);
const [persona] = await db1
  .insert(usuario)
  .values({ correo: 'planeacion@bench.example', nombre: 'Planeación', claveHash: await hashClave(CLAVE) })
  .returning();
await db1.insert(rolUsuario).values([
  { usuarioId: persona!.id, entidadId, rol: 'planeacion' },
  { usuarioId: persona!.id, entidadId: destinoImport, rol: 'planeacion' },
]);
console.log(
  `Escenario 1 sembrado en ${f((performance.now() - t0) / 1000)} s: 10.000 actividades y 36.000 reportes.`,
);

// Consolidation in process: the whole dashboard computation against the SQL aggregate it rests on.
// Computed every time (what the first read after a change costs): the cache is not involved here.
// Five calls first, not counted: a server that has answered once (compiled code, PGlite's first plans) is
// what people meet; the first call of a fresh process is a start-up cost, not a dashboard read.
await tiempos(5, () => calcularTablero(db1, entidadId, VIGENCIA, 2));
const sinCache = await tiempos(100, () => calcularTablero(db1, entidadId, VIGENCIA, 2));
const consolidacionMs = percentil(sinCache, 0.5);
const p99SinCache = percentil(sinCache, 0.99);
anotar(
  'Tablero calculado sin caché (100 veces, tras 5 de calentamiento)',
  `p50 ${f(consolidacionMs)} ms · p99 ${f(p99SinCache)} ms`,
  'meta p99 < 100 ms',
  p99SinCache < 100,
);
const agregadoMs = await medir(15, () =>
  db1.execute(sql`select a.politica, count(*), sum(s.valor)
      from actividad a join plan_accion p on p.id = a.plan_id
      left join seguimiento s on s.actividad_id = a.id and s.periodo <= 2
      where p.entidad_id = ${entidadId} and p.vigencia = ${VIGENCIA}
      group by a.politica`),
);
anotar(
  'Consolidación del tablero (2.000 actividades)',
  `${f(consolidacionMs)} ms · agregado SQL solo ${f(agregadoMs)} ms`,
  `${f(consolidacionMs / agregadoMs)} × el agregado SQL`,
);
const hojaMs = await medir(10, () => hojaSeguimiento(db1, entidadId, VIGENCIA, 2, null));
anotar('Hoja de seguimiento de un periodo (2.000 actividades)', `${f(hojaMs)} ms`, '—');
await conexion.cerrar();

// The dashboard over HTTP, from the server as `npm start` runs it, against a hello-world.
const pApp = await puertoLibre();
const app = lanzarComoNpmStart({
  PORT: String(pApp),
  HOST: '127.0.0.1',
  MIPG_DATA_DIR: dataDir,
  DATABASE_URL: '',
});
const base = `http://127.0.0.1:${pApp}`;
await esperarSalud(`${base}/api/health`);
const pHola = await puertoLibre();
const hola = lanzar(['--import', 'tsx', 'bench/hola-mundo.ts'], { PORT: String(pHola) });
await esperarSalud(`http://127.0.0.1:${pHola}/`);
const tableroUrl = `${base}/api/entidades/${entidadId}/tablero?vigencia=${VIGENCIA}&periodo=2`;
await carga(tableroUrl, 1, 1500); // warm-up
const latencia = await carga(tableroUrl, 1, 5000);
const rondasT: number[] = [];
const rondasH: number[] = [];
for (let i = 0; i < 3; i++) {
  rondasH.push((await carga(`http://127.0.0.1:${pHola}/`, 8, 3000)).rps);
  rondasT.push((await carga(tableroUrl, 8, 3000)).rps);
}
anotar(
  'Tablero por HTTP, lecturas seguidas (con caché)',
  `p50 ${f(latencia.p50)} ms · p99 ${f(latencia.p99)} ms`,
  'meta p99 < 100 ms',
  latencia.p99 < 100,
);
anotar(
  'Tablero por HTTP, 8 conexiones (con caché)',
  `${f(mediana(rondasT), 0)} sol/s · hola mundo ${f(mediana(rondasH), 0)} sol/s`,
  `${f((mediana(rondasT) / mediana(rondasH)) * 100, 2)} % de la línea base`,
);
await detener(hola);

// Export and import through the API, logged in as planeación.
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'planeacion@bench.example', password: CLAVE }),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrf } = (await login.json()) as { csrf: string };
let bytes = 0;
const exportMs = await medir(5, async () => {
  const r = await fetch(`${base}/api/entidades/${entidadId}/plan/${VIGENCIA}/export.xlsx?periodo=2`, {
    headers: { cookie },
  });
  if (!r.ok) throw new Error(`exportar: ${r.status}`);
  bytes = (await r.arrayBuffer()).byteLength;
});
anotar(
  'Exportar 2.000 actividades a .xlsx',
  `${f(exportMs)} ms (${f(bytes / 1024 / 1024, 2)} MB)`,
  'meta < 2 s',
  exportMs < 2000,
);

const libro = new ExcelJS.Workbook();
const hoja = libro.addWorksheet('Plan de acción');
const periodos = periodosDeVigencia(VIGENCIA, 'trimestral', 10, CALENDARIO_NACIONAL).map((p) => p.nombre);
hoja.addRow(encabezadosPlan(periodos));
const enc = encabezadosPlan(periodos);
for (let i = 0; i < 10_000; i++) {
  const v: Record<string, string | number> = {
    Código: `IM-${String(i + 1).padStart(5, '0')}`,
    Política: claves2026[i % claves2026.length]!,
    Actividad: `Actividad importada número ${i + 1}`,
    'Producto o entregable': 'Informe',
    'Meta anual': 4,
    'Unidad de medida': 'informes',
    'Ponderación (%)': 0.19,
    'Fecha de inicio': '01/02/2026',
    'Fecha de fin': '30/11/2026',
  };
  for (const p of periodos) v[`Meta ${p}`] = 1;
  hoja.addRow(enc.map((e) => v[e] ?? null));
}
const archivo = Buffer.from(await libro.xlsx.writeBuffer());
t0 = performance.now();
const imp = await fetch(`${base}/api/entidades/${destinoImport}/plan/${VIGENCIA}/import.xlsx`, {
  method: 'POST',
  headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/octet-stream' },
  body: archivo,
});
const importMs = performance.now() - t0;
const importadas = ((await imp.json()) as { importadas?: number }).importadas ?? 0;
anotar(
  'Importar 10.000 filas desde .xlsx',
  `${f(importMs / 1000, 2)} s (${importadas.toLocaleString('es-CO')} actividades, ${f(archivo.length / 1024 / 1024, 2)} MB)`,
  'meta < 10 s',
  importMs < 10_000 && importadas === 10_000,
);
await detener(app);
rmSync(dataDir, { recursive: true, force: true });

// ================= Scenario 2: PostgreSQL =================
const servidor =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const nombreBase = `mipg_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: servidor });
let conPostgres = true;
try {
  await admin.connect();
  await admin.query(`create database ${nombreBase}`);
} catch (e) {
  conPostgres = false;
  console.log(`(Escenario 2 omitido: no hay PostgreSQL en ${servidor}: ${(e as Error).message})`);
}
if (conPostgres) {
  const url = new URL(servidor);
  url.pathname = `/${nombreBase}`;
  conexion = await conectar({ databaseUrl: url.toString() });
  const db2 = conexion.db;
  await sincronizarCatalogo(db2);
  t0 = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < 500; i++) {
    const id = await nuevaEntidad(db2, `Municipio ${i + 1}`, String(800_000_000 + i));
    await sembrarPlan(db2, id, VIGENCIA, 300, 2, claves2026);
    ids.push(id);
  }
  await db2.execute(sql`analyze`);
  console.log(
    `Escenario 2 sembrado en ${f((performance.now() - t0) / 1000)} s: 150.000 actividades y 300.000 reportes.`,
  );
  let entidades = 0;
  const territorialMs = await medir(5, async () => {
    entidades = (await consolidarTerritorio(db2, VIGENCIA, 2)).length;
  });
  const agregado2Ms = await medir(5, () =>
    db2.execute(sql`select p.entidad_id, a.politica, sum(s.valor)
        from actividad a join plan_accion p on p.id = a.plan_id
        left join seguimiento s on s.actividad_id = a.id and s.periodo <= 2
        where p.vigencia = ${VIGENCIA} group by p.entidad_id, a.politica`),
  );
  anotar(
    `Consolidación territorial (${entidades} entidades × 300 actividades, PostgreSQL)`,
    `${f(territorialMs)} ms · agregado SQL solo ${f(agregado2Ms)} ms`,
    'meta < 1 s',
    territorialMs < 1000 && entidades === 500,
  );
  await conexion.cerrar();
  await admin.query(`drop database ${nombreBase} with (force)`);
}
await admin.end().catch(() => {});

console.log(`\nMIPG Abierto — plan y seguimiento a escala (Node ${process.version})\n`);
for (const [que, cifra, meta, ok] of resultados)
  console.log(`${ok ? '✔' : '✖'} ${que.padEnd(62)} ${cifra.padEnd(58)} ${meta}`);
