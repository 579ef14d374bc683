import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { tomarCandado } from './candado.ts';
import { CARPETA_MIGRACIONES } from './carpetas.ts';
import { ErrorConfiguracion } from './errores-configuracion.ts';
import { ColaPrioridad, enCola, poolEnCola } from './prioridad.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type TipoBase = 'pglite' | 'postgres';

export interface Conexion {
  db: Db;
  tipo: TipoBase;
  cerrar(): Promise<void>;
}

// PGlite keeps PostgreSQL's 128 MB of shared buffers inside its WebAssembly memory; an entity's data is a
// few MB, and 16 MB cuts ~140 MB of resident memory (measured in bench/; see ADR 0001).
const PARAMETROS_PGLITE = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

export { ErrorConfiguracion };

/** Opens an embedded database folder and brings its schema up to date. */
export async function abrirPglite(carpeta: string) {
  const cliente = new PGlite(carpeta, { startParams: PARAMETROS_PGLITE });
  await cliente.waitReady;
  const db = drizzlePglite(cliente, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: CARPETA_MIGRACIONES });
  return { cliente, db };
}

/** PostgreSQL when a URL is given; otherwise PGlite in `dataDir/pg` (or in memory for tests). */
const CONEXIONES_POSTGRES = 10;

export async function conectar(opciones: {
  databaseUrl?: string;
  dataDir?: string;
  /**
   * Writes ahead of queued reads (src/db/prioridad.ts). On by default; MIPG_PRIORIDAD_ESCRITURAS=0 turns it
   * off, for the baseline of bench/carga.ts.
   */
  prioridad?: boolean;
  /** Tests only: an in-memory PGlite started from a dumped data folder (src/server/plantilla-prueba.ts). */
  plantilla?: Blob;
}): Promise<Conexion> {
  const prioridad = opciones.prioridad ?? process.env.MIPG_PRIORIDAD_ESCRITURAS !== '0';
  if (opciones.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opciones.databaseUrl, max: CONEXIONES_POSTGRES });
    // An idle connection dropped by the server (restart, failover) must not bring the process down.
    pool.on('error', (e) => console.error(`Conexión con PostgreSQL perdida; se abrirá otra: ${e.message}`));
    try {
      await pool.query('select 1');
    } catch (e) {
      await pool.end().catch(() => {});
      throw new ErrorConfiguracion(
        `No fue posible conectarse a la base de datos PostgreSQL indicada en DATABASE_URL: ${(e as Error).message}`,
      );
    }
    const cliente = prioridad
      ? poolEnCola(pool, new ColaPrioridad({ plazas: CONEXIONES_POSTGRES, reservadas: 1 }))
      : pool;
    const db = drizzlePg(cliente, { schema, casing: undefined }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder: CARPETA_MIGRACIONES });
    return { db, tipo: 'postgres', cerrar: () => pool.end() };
  }
  let cliente: PGlite;
  let soltar = () => {};
  if (opciones.dataDir) {
    const carpeta = join(opciones.dataDir, 'pg');
    mkdirSync(carpeta, { recursive: true });
    soltar = tomarCandado(opciones.dataDir);
    try {
      cliente = new PGlite(carpeta, { startParams: PARAMETROS_PGLITE });
      await cliente.waitReady;
    } catch (e) {
      soltar();
      throw new ErrorConfiguracion(
        `No fue posible abrir la base de datos embebida en la carpeta «${carpeta}»: ${(e as Error).message}. Revise que la carpeta exista y tenga permisos de escritura (variable MIPG_DATA_DIR).`,
      );
    }
  } else {
    cliente = new PGlite(opciones.plantilla ? { loadDataDir: opciones.plantilla } : {});
  }
  const db = drizzlePglite(prioridad ? enCola(cliente, new ColaPrioridad()) : cliente, {
    schema,
  }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: CARPETA_MIGRACIONES });
  return {
    db,
    tipo: 'pglite',
    cerrar: async () => {
      await cliente.close();
      soltar();
    },
  };
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function filas<T>(db: Db, consulta: SQL): Promise<T[]> {
  return ((await db.execute(consulta)) as unknown as { rows: T[] }).rows;
}

/**
 * For independent reads started together (`Promise.all`): on the pool each one runs at once; inside a
 * transaction, whose one connection takes a query at a time, they run one after the other (node-postgres
 * queues overlapping queries today and will refuse them from pg 9).
 */
export function lectorDe(db: Db) {
  if (!('rollback' in db)) return <T>(leer: () => PromiseLike<T>): Promise<T> => Promise.resolve(leer());
  let cola: Promise<unknown> = Promise.resolve();
  return <T>(leer: () => PromiseLike<T>): Promise<T> => {
    const r = cola.then(leer);
    cola = r.catch(() => undefined);
    return r;
  };
}
