import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, filas } from '../../db/client.ts';
import { TABLAS_EN_ORDEN } from '../../db/schema.ts';

// Sessions are not carried over: a restored copy must not accept the old cookies.
const TABLAS_RESPALDO = TABLAS_EN_ORDEN.filter((t) => t !== 'sesion');
const FORMATO = 'mipg-abierto-respaldo';

export interface Respaldo {
  formato: typeof FORMATO;
  version: 1;
  creadoEn: string;
  tablas: Record<string, unknown[]>;
  archivos: { ruta: string; base64: string }[];
}

export const carpetaArchivos = (dataDir: string) => join(dataDir, 'archivos');

async function listarArchivos(carpeta: string): Promise<string[]> {
  const entradas = await readdir(carpeta, { withFileTypes: true, recursive: true }).catch(() => []);
  return entradas.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Rows are read as PostgreSQL's own JSON, so types come back unchanged on either database. */
export async function crearRespaldo(db: Db, dataDir: string): Promise<Respaldo> {
  const tablas: Record<string, unknown[]> = {};
  for (const t of TABLAS_RESPALDO) {
    const [r] = await filas<{ filas: unknown[] }>(
      db,
      sql.raw(
        `select coalesce(json_agg(x order by ${t === 'auditoria' ? 'x.id' : '1'}), '[]'::json) as filas from ${t} x`,
      ),
    );
    tablas[t] = r!.filas;
  }
  const base = carpetaArchivos(dataDir);
  const archivos = await Promise.all(
    (await listarArchivos(base)).map(async (ruta) => ({
      ruta: relative(base, ruta),
      base64: (await readFile(ruta)).toString('base64'),
    })),
  );
  return { formato: FORMATO, version: 1, creadoEn: new Date().toISOString(), tablas, archivos };
}

export async function escribirRespaldo(db: Db, dataDir: string, destino: string) {
  const r = await crearRespaldo(db, dataDir);
  await writeFile(destino, gzipSync(JSON.stringify(r)));
  return {
    tablas: Object.fromEntries(Object.entries(r.tablas).map(([k, v]) => [k, v.length])),
    archivos: r.archivos.length,
  };
}

export async function leerRespaldo(origen: string): Promise<Respaldo> {
  let r: Respaldo;
  try {
    r = JSON.parse(gunzipSync(await readFile(origen)).toString('utf8'));
  } catch {
    throw new Error(`El archivo «${origen}» no es un respaldo de MIPG Abierto legible.`);
  }
  if (r.formato !== FORMATO || r.version !== 1)
    throw new Error(`El archivo «${origen}» no es un respaldo de MIPG Abierto.`);
  return r;
}

/** Restores into a database with no entities, users or audit rows; all in one transaction. */
export async function restaurarRespaldo(db: Db, dataDir: string, r: Respaldo) {
  const [ocupada] = await filas<{ n: number }>(
    db,
    sql`select (select count(*) from entidad) + (select count(*) from usuario) + (select count(*) from auditoria) as n`,
  );
  if (Number(ocupada!.n) > 0)
    throw new Error('La base de datos de destino ya tiene datos: restaure solo en una base vacía.');
  await db.transaction(async (tx) => {
    for (const t of [...TABLAS_RESPALDO].reverse()) await tx.execute(sql.raw(`delete from ${t}`));
    for (const t of TABLAS_RESPALDO) {
      const filas = r.tablas[t] ?? [];
      if (filas.length === 0) continue;
      const override = t === 'auditoria' ? 'overriding system value' : '';
      await tx.execute(
        sql`insert into ${sql.raw(t)} ${sql.raw(override)} select * from json_populate_recordset(null::${sql.raw(t)}, ${JSON.stringify(filas)}::json)`,
      );
    }
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('auditoria', 'id'), coalesce((select max(id) from auditoria), 0) + 1, false)`,
    );
  });
  const base = carpetaArchivos(dataDir);
  for (const a of r.archivos) {
    const destino = join(base, a.ruta);
    if (!destino.startsWith(base)) continue; // never write outside the data folder
    await mkdir(dirname(destino), { recursive: true });
    await writeFile(destino, Buffer.from(a.base64, 'base64'));
  }
}
