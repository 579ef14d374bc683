// Migrate once, clone per test file (issue 8): initdb, every migration and the MIPG catalog were most of
// `npm test`. PGlite: one migrated and seeded database is dumped to a tar in the temp folder, named by a hash
// of everything that shapes it, and each test file loads it in memory. PostgreSQL: a template database made
// once per run (src/server/preparar-pruebas.ts) and copied with CREATE DATABASE … TEMPLATE.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { sincronizarCatalogo } from '../db/catalogo.ts';
import { conectar, type Db } from '../db/client.ts';
import * as schema from '../db/schema.ts';
import { CARPETA_MIGRACIONES, RAIZ } from './rutas.ts';

/** Only the tests of this module change them. */
export interface OpcionesPlantilla {
  carpetaMigraciones?: string;
  carpetaCache?: string;
  /** Where the seed files are read from. */
  raiz?: string;
}

export const CARPETA_PLANTILLAS = join(tmpdir(), 'mipg-plantillas');

// What the template's content depends on besides the migrations: the seed and the code that applies both.
export const SEMILLA = [
  'src/db/catalogo.ts',
  'src/db/catalogo',
  'src/db/client.ts',
  'src/server/plantilla-prueba.ts',
];
const PAQUETES = ['@electric-sql/pglite', 'drizzle-orm'];

function archivosDe(ruta: string): string[] {
  if (!statSync(ruta).isDirectory()) return [ruta];
  return readdirSync(ruta)
    .sort()
    .flatMap((nombre) => archivosDe(join(ruta, nombre)));
}

function versionDe(paquete: string): string {
  try {
    return JSON.parse(readFileSync(join(RAIZ, 'node_modules', paquete, 'package.json'), 'utf8')).version;
  } catch {
    return 'desconocida';
  }
}

/** Hash of the migrations folder, the seed code and the versions of PGlite and Drizzle: the template's key. */
export function huellaPlantilla(opciones: OpcionesPlantilla = {}): string {
  const carpetaMigraciones = opciones.carpetaMigraciones ?? CARPETA_MIGRACIONES;
  const raiz = opciones.raiz ?? RAIZ;
  const h = createHash('sha256');
  const agregar = (nombre: string, contenido: Buffer | string) =>
    h.update(`${nombre}\0${contenido.length}\0`).update(contenido);
  for (const f of archivosDe(carpetaMigraciones))
    agregar(`migraciones/${relative(carpetaMigraciones, f)}`, readFileSync(f));
  for (const f of SEMILLA.flatMap((s) => archivosDe(join(raiz, s))))
    agregar(relative(raiz, f), readFileSync(f));
  for (const p of PAQUETES) agregar(p, versionDe(p));
  return h.digest('hex').slice(0, 20);
}

async function migrarYSembrar(db: Db, carpetaMigraciones: string) {
  await migrate(db as never, { migrationsFolder: carpetaMigraciones });
  await sincronizarCatalogo(db);
}

/**
 * Loading the tar (parsing it and writing each file into PGlite's in-memory file system) is most of a copy's
 * cost, so the tar is kept small: uncompressed (inflating a gzip for every test file cost more than reading
 * the plain tar), WAL segments of 1 MB instead of 16, the unused template0 and template1 dropped (the tests
 * use the "postgres" database and never create another one), and a checkpoint so the copy starts without
 * replaying the migrations' WAL. bench/base-prueba.ts measures it.
 */
async function construirPglite(carpetaMigraciones: string): Promise<Buffer> {
  const cliente = new PGlite({ initDbStartParams: ['--wal-segsize=1'] });
  try {
    await migrarYSembrar(drizzle(cliente, { schema }) as unknown as Db, carpetaMigraciones);
    for (const base of ['template0', 'template1']) {
      await cliente.query(`alter database ${base} with is_template false`);
      await cliente.query(`drop database ${base}`);
    }
    await cliente.query('checkpoint');
    return Buffer.from(await (await cliente.dumpDataDir('none')).arrayBuffer());
  } finally {
    await cliente.close();
  }
}

// Templates of other code versions are left for their runs, and deleted once a week old.
const UNA_SEMANA = 7 * 24 * 3600 * 1000;
function podar(carpeta: string, vigente: string) {
  for (const nombre of readdirSync(carpeta)) {
    const ruta = join(carpeta, nombre);
    if (ruta === vigente) continue;
    try {
      if (Date.now() - statSync(ruta).mtimeMs > UNA_SEMANA) rmSync(ruta, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

const enCurso = new Map<string, Promise<string>>();

/**
 * Path of the PGlite template for the current code, built if missing. Written under a temporary name and
 * renamed, so a parallel worker never reads half a file; two builders at once both write the same content.
 */
export function asegurarPlantillaPglite(opciones: OpcionesPlantilla = {}): Promise<string> {
  const carpetaMigraciones = opciones.carpetaMigraciones ?? CARPETA_MIGRACIONES;
  const carpeta = opciones.carpetaCache ?? CARPETA_PLANTILLAS;
  const archivo = join(carpeta, `pglite-${huellaPlantilla(opciones)}.tar`);
  let promesa = enCurso.get(archivo);
  if (!promesa) {
    promesa = (async () => {
      try {
        statSync(archivo);
        return archivo;
      } catch {
        // Not built yet for this code.
      }
      const tar = await construirPglite(carpetaMigraciones);
      mkdirSync(carpeta, { recursive: true });
      const temporal = `${archivo}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporal, tar);
      renameSync(temporal, archivo);
      podar(carpeta, archivo);
      return archivo;
    })();
    enCurso.set(archivo, promesa);
    promesa.catch(() => enCurso.delete(archivo));
  }
  return promesa;
}

/** The template's bytes, for `conectar({ plantilla })`. */
export async function plantillaPglite(opciones: OpcionesPlantilla = {}): Promise<Blob> {
  return new Blob([readFileSync(await asegurarPlantillaPglite(opciones))]);
}

/** Forgets a template that failed to load, so the next call builds it again. */
export function descartarPlantillaPglite(archivo: string) {
  enCurso.delete(archivo);
  rmSync(archivo, { force: true });
}

// PostgreSQL ------------------------------------------------------------------------------------------------

/** What the run's global setup hands to the test workers. */
export interface PlantillaPostgres {
  plantilla: string;
  /** Prefix of the names of this run's databases, so the end of the run finds even those a crash left. */
  prefijo: string;
}

export const urlDe = (servidor: string, base: string) => {
  const url = new URL(servidor);
  url.pathname = `/${base}`;
  return url.toString();
};

async function conAdmin<T>(servidor: string, trabajo: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: servidor });
  await c.connect();
  try {
    return await trabajo(c);
  } finally {
    await c.end();
  }
}

// 55006: a connection to the template is still closing; CREATE DATABASE already waits 5 s for it.
async function reintentar(trabajo: () => Promise<unknown>) {
  for (let intento = 0; ; intento++) {
    try {
      return await trabajo();
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || intento >= 10) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Once per run: a migrated and seeded database marked as template, that nobody can connect to. */
export async function crearPlantillaPostgres(servidor: string): Promise<PlantillaPostgres> {
  const corrida = randomBytes(4).toString('hex');
  const plantilla = `mipg_plantilla_${huellaPlantilla().slice(0, 12)}_${corrida}`;
  await conAdmin(servidor, (c) => c.query(`create database ${plantilla}`));
  try {
    const conexion = await conectar({ databaseUrl: urlDe(servidor, plantilla), prioridad: false });
    try {
      await sincronizarCatalogo(conexion.db);
    } finally {
      await conexion.cerrar();
    }
    // Without connections, parallel workers can copy it at once and autovacuum leaves it alone.
    await conAdmin(servidor, (c) =>
      c.query(`alter database ${plantilla} with is_template true allow_connections false`),
    );
  } catch (e) {
    await borrarBasesPostgres(servidor, { plantilla, prefijo: `mipg_prueba_${corrida}_` });
    throw e;
  }
  return { plantilla, prefijo: `mipg_prueba_${corrida}_` };
}

/** A new database copied from the run's template; returns its name. */
export async function crearBaseDesdePlantilla(servidor: string, p: PlantillaPostgres): Promise<string> {
  const nombre = `${p.prefijo}${randomBytes(6).toString('hex')}`;
  await conAdmin(servidor, (c) =>
    reintentar(() => c.query(`create database ${nombre} template ${p.plantilla}`)),
  );
  return nombre;
}

/** End of the run: this run's test databases that are still there, and its template. */
export async function borrarBasesPostgres(servidor: string, p: PlantillaPostgres): Promise<string[]> {
  return conAdmin(servidor, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1) order by datname`,
      [p.prefijo],
    );
    const nombres = rows.map((r) => r.datname);
    for (const n of nombres) await c.query(`drop database if exists ${n} with (force)`);
    const plantilla = await c.query('select 1 from pg_database where datname = $1', [p.plantilla]);
    if (plantilla.rowCount) {
      await c.query(`alter database ${p.plantilla} with is_template false`);
      await c.query(`drop database ${p.plantilla} with (force)`);
    }
    return nombres;
  });
}
