// Backups as a gzipped tar streamed in both directions, so memory stays flat whatever the size of the
// evidence (format in ADR 0006):
//   respaldo.json            header: format, version, date
//   tablas/<tabla>.jsonl     one row per line, PostgreSQL's own JSON (row_to_json), table by table
//   archivos/<ruta>          the evidence files, byte for byte
//   bitacora/anclas.jsonl    the audit chain's signed anchors (ADR 0003)
//   manifiesto.json          last: size and SHA-256 of every entry, row counts, the audit chain's head
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { constants, createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { anclaValida, type ResultadoVerificacion } from '../../core/cadena-hash.ts';
import { rutaDentro } from '../../core/ruta-segura.ts';
import { type Db, filas } from '../../db/client.ts';
import { TABLAS_EN_ORDEN } from '../../db/schema.ts';
import { archivoAnclas, claveBitacora } from '../auditoria/anclas.ts';
import { verificarAuditoria } from '../auditoria/auditoria.service.ts';
import { cabeceraTar, ErrorTar, FIN_TAR, leerTar, rellenoTar } from './tar.ts';

// Sessions are not carried over: a restored copy must not accept the old cookies.
const TABLAS_RESPALDO: readonly string[] = TABLAS_EN_ORDEN.filter((t) => t !== 'sesion');
const FORMATO = 'mipg-abierto-respaldo';
const VERSION = 2;
const FILAS_POR_PAGINA = 1000;
const BYTES_POR_LOTE = 4 * 1024 * 1024;
// The old single-JSON format (version 1) is still restored, read whole: it could never exceed V8's
// largest string anyway, which is why it was replaced.
const MAX_V1 = 512 * 1024 * 1024;
const MAX_JSON = 256 * 1024 * 1024;

export const carpetaArchivos = (dataDir: string) => join(dataDir, 'archivos');

/** A backup that cannot be read or restored; the message says why, in Spanish. */
export class ErrorRespaldo extends Error {}

export interface EntradaManifiesto {
  nombre: string;
  bytes: number;
  sha256: string;
  filas?: number;
}

interface CabezaBitacora {
  ultimoId: number;
  ultimoHash: string;
  total: number;
}

export interface Manifiesto {
  formato: typeof FORMATO;
  version: typeof VERSION;
  creadoEn: string;
  tablas: Record<string, number>;
  archivos: number;
  bitacora: CabezaBitacora | null;
  entradas: EntradaManifiesto[];
}

export interface ResumenRespaldo {
  tablas: Record<string, number>;
  archivos: number;
  /** The audit chain as checked before the copy (backup only). */
  bitacora?: ResultadoVerificacion;
}

// ---------- Backup ----------

interface TablaVolcada extends EntradaManifiesto {
  ruta: string;
  filas: number;
}

/** Writes a table to a spool file a page at a time (tar needs each entry's size before its bytes). */
async function volcarTabla(tx: Db, tabla: string, ruta: string): Promise<TablaVolcada> {
  const orden = tabla === 'auditoria' ? 'order by x.id' : '';
  await tx.execute(
    sql.raw(
      `declare volcado no scroll cursor for select row_to_json(x)::text as j from "${tabla}" x ${orden}`,
    ),
  );
  const hash = createHash('sha256');
  const salida = createWriteStream(ruta);
  let bytes = 0;
  let n = 0;
  try {
    for (;;) {
      const pagina = await filas<{ j: string }>(tx, sql.raw(`fetch ${FILAS_POR_PAGINA} from volcado`));
      if (pagina.length === 0) break;
      const trozo = Buffer.from(pagina.map((f) => `${f.j}\n`).join(''), 'utf8');
      hash.update(trozo);
      bytes += trozo.length;
      n += pagina.length;
      if (!salida.write(trozo)) await once(salida, 'drain');
    }
  } finally {
    salida.end();
    await once(salida, 'close');
    await tx.execute(sql.raw('close volcado'));
  }
  return { nombre: `tablas/${tabla}.jsonl`, ruta, bytes, sha256: hash.digest('hex'), filas: n };
}

async function listarArchivos(base: string): Promise<string[]> {
  const entradas = await readdir(base, { withFileTypes: true, recursive: true }).catch(() => []);
  return entradas
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp')) // .tmp: a store write still in progress
    .map((e) => relative(base, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

async function* entradaEnMemoria(nombre: string, contenido: Buffer, manifiesto: EntradaManifiesto[]) {
  manifiesto.push({
    nombre,
    bytes: contenido.length,
    sha256: createHash('sha256').update(contenido).digest('hex'),
  });
  yield cabeceraTar(nombre, contenido.length);
  yield contenido;
  yield rellenoTar(contenido.length);
}

/** Streams a file from disk into the archive, hashing it on the way. */
async function* entradaDeDisco(nombre: string, ruta: string, entradas: EntradaManifiesto[], filas?: number) {
  const { size } = await stat(ruta);
  yield cabeceraTar(nombre, size);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const trozo of createReadStream(ruta, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    bytes += trozo.length;
    if (bytes > size) break;
    hash.update(trozo);
    yield trozo;
  }
  if (bytes !== size)
    throw new ErrorRespaldo(
      `El archivo «${ruta}» cambió de tamaño mientras se respaldaba; repita el respaldo.`,
    );
  yield rellenoTar(size);
  entradas.push({ nombre, bytes, sha256: hash.digest('hex'), ...(filas === undefined ? {} : { filas }) });
}

/**
 * Writes the backup to `destino` (through a temporary name, so a failed backup never leaves a file that
 * looks complete). Rows come from one read-only snapshot, so tables agree with each other.
 */
export async function escribirRespaldo(db: Db, dataDir: string, destino: string): Promise<ResumenRespaldo> {
  // Verifying first also anchors the chain's head in the data folder (ADR 0003).
  const bitacora = await verificarAuditoria(db, dataDir);
  const creadoEn = new Date().toISOString();
  const carpeta = await mkdtemp(join(dirname(destino), `.${basename(destino)}.partes-`));
  const temporal = `${destino}.${process.pid}.tmp`;
  try {
    const { tablas, cabeza } = await db.transaction(
      async (tx) => {
        const tablas: TablaVolcada[] = [];
        for (const t of TABLAS_RESPALDO) tablas.push(await volcarTabla(tx, t, join(carpeta, `${t}.jsonl`)));
        const [u] = await filas<{ id: number; hash: string }>(
          tx,
          sql`select id, hash from auditoria order by id desc limit 1`,
        );
        const total = tablas.find((t) => t.nombre === 'tablas/auditoria.jsonl')!.filas;
        const cabeza: CabezaBitacora | null = u
          ? { ultimoId: Number(u.id), ultimoHash: u.hash, total }
          : null;
        return { tablas, cabeza };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    const base = carpetaArchivos(dataDir);
    const archivos = await listarArchivos(base);
    const entradas: EntradaManifiesto[] = [];
    async function* contenido() {
      yield* entradaEnMemoria(
        'respaldo.json',
        Buffer.from(JSON.stringify({ formato: FORMATO, version: VERSION, creadoEn })),
        entradas,
      );
      for (const t of tablas) yield* entradaDeDisco(t.nombre, t.ruta, entradas, t.filas);
      for (const a of archivos) yield* entradaDeDisco(`archivos/${a}`, join(base, a), entradas);
      const anclas = await readFile(archivoAnclas(dataDir)).catch(() => null);
      if (anclas) yield* entradaEnMemoria('bitacora/anclas.jsonl', anclas, entradas);
      const manifiesto: Manifiesto = {
        formato: FORMATO,
        version: VERSION,
        creadoEn,
        tablas: Object.fromEntries(tablas.map((t) => [t.nombre.slice(7, -6), t.filas])),
        archivos: archivos.length,
        bitacora: cabeza,
        entradas,
      };
      yield* entradaEnMemoria('manifiesto.json', Buffer.from(JSON.stringify(manifiesto)), []);
      yield FIN_TAR;
    }
    // Fastest level: evidence is mostly PDF and images, already compressed.
    await pipeline(
      Readable.from(contenido(), { objectMode: false }),
      createGzip({ level: constants.Z_BEST_SPEED }),
      createWriteStream(temporal, { mode: 0o600 }),
    );
    await rename(temporal, destino);
    return {
      tablas: Object.fromEntries(tablas.map((t) => [t.nombre.slice(7, -6), t.filas])),
      archivos: archivos.length,
      bitacora,
    };
  } catch (e) {
    await rm(temporal, { force: true });
    throw e;
  } finally {
    await rm(carpeta, { recursive: true, force: true });
  }
}

// ---------- Restore ----------

async function baseVacia(db: Db) {
  const [ocupada] = await filas<{ n: number }>(
    db,
    sql`select (select count(*) from entidad) + (select count(*) from usuario) + (select count(*) from auditoria) as n`,
  );
  if (Number(ocupada!.n) > 0)
    throw new ErrorRespaldo('La base de datos de destino ya tiene datos: restaure solo en una base vacía.');
}

async function insertarLote(tx: Db, tabla: string, lineas: string[]) {
  if (lineas.length === 0) return;
  try {
    await tx.execute(
      sql`insert into ${sql.raw(`"${tabla}"`)} overriding system value select * from json_populate_recordset(null::${sql.raw(`"${tabla}"`)}, ${`[${lineas.join(',')}]`}::json)`,
    );
  } catch (e) {
    throw new ErrorRespaldo(
      `El respaldo está dañado o fue alterado: las filas de la tabla «${tabla}» no se pudieron cargar (${(e as Error).message}).`,
    );
  }
}

/** Identity and serial columns continue after the restored rows. */
async function ajustarSecuencias(tx: Db) {
  const columnas = await filas<{ tabla: string; columna: string }>(
    tx,
    sql`select table_name as tabla, column_name as columna from information_schema.columns
        where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')`,
  );
  for (const { tabla, columna } of columnas.filter((c) => TABLAS_RESPALDO.includes(c.tabla)))
    await tx.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('"${tabla}"', '${columna}'), coalesce((select max("${columna}") from "${tabla}"), 0) + 1, false)`,
      ),
    );
}

function rutaDeArchivo(ruta: string, carpeta: string): string {
  const destino = rutaDentro(carpeta, ruta);
  if (!destino) throw new ErrorRespaldo(`El respaldo contiene una ruta de archivo no permitida: «${ruta}».`);
  return destino;
}

async function guardarTemporal(destino: string, trozos: AsyncIterable<Buffer>) {
  await mkdir(dirname(destino), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const salida = createWriteStream(destino, { flags: 'wx' });
  await pipeline(
    trozos,
    async function* (fuente: AsyncIterable<Buffer>) {
      for await (const t of fuente) {
        hash.update(t);
        bytes += t.length;
        yield t;
      }
    },
    salida,
  );
  return { bytes, sha256: hash.digest('hex') };
}

const leerJson = async (trozos: AsyncIterable<Buffer>, tamano: number, que: string) => {
  if (tamano > MAX_JSON) throw new ErrorRespaldo(`El respaldo está dañado: ${que} es demasiado grande.`);
  const partes: Buffer[] = [];
  for await (const t of trozos) partes.push(t);
  const contenido = Buffer.concat(partes);
  try {
    return { contenido, valor: JSON.parse(contenido.toString('utf8')) as unknown };
  } catch {
    throw new ErrorRespaldo(`El respaldo está dañado: ${que} no es JSON válido.`);
  }
};

/** Streams a table's JSON lines into the database in batches, hashing the bytes as they pass. */
async function cargarTabla(tx: Db, tabla: string, trozos: AsyncIterable<Buffer>) {
  const hash = createHash('sha256');
  const decodificador = new StringDecoder('utf8');
  let resto = '';
  let lote: string[] = [];
  let loteBytes = 0;
  let bytes = 0;
  let n = 0;
  const agregar = async (linea: string) => {
    if (!linea) return;
    lote.push(linea);
    loteBytes += linea.length;
    n++;
    if (lote.length >= FILAS_POR_PAGINA || loteBytes >= BYTES_POR_LOTE) {
      await insertarLote(tx, tabla, lote);
      lote = [];
      loteBytes = 0;
    }
  };
  for await (const t of trozos) {
    hash.update(t);
    bytes += t.length;
    const lineas = (resto + decodificador.write(t)).split('\n');
    resto = lineas.pop()!;
    for (const l of lineas) await agregar(l);
  }
  await agregar(resto + decodificador.end());
  await insertarLote(tx, tabla, lote);
  return { bytes, sha256: hash.digest('hex'), filas: n };
}

function compararConManifiesto(m: Manifiesto, vistas: EntradaManifiesto[]) {
  const alterado = (detalle: string) =>
    new ErrorRespaldo(`El respaldo fue alterado o está dañado: ${detalle}. No se restauró nada.`);
  if (!Array.isArray(m.entradas)) throw alterado('el manifiesto no lista las entradas');
  for (let i = 0; i < Math.max(m.entradas.length, vistas.length); i++) {
    const esperada = m.entradas[i];
    const vista = vistas[i];
    if (!vista) throw alterado(`falta la entrada «${esperada!.nombre}»`);
    if (!esperada || esperada.nombre !== vista.nombre)
      throw alterado(`la entrada «${vista.nombre}» no figura en el manifiesto en ese lugar`);
    if (esperada.bytes !== vista.bytes || esperada.sha256 !== vista.sha256)
      throw alterado(`el contenido de «${vista.nombre}» no coincide con su SHA-256`);
    if (esperada.filas !== vista.filas) throw alterado(`el número de filas de «${vista.nombre}» no coincide`);
  }
  for (const [t, n] of Object.entries(m.tablas ?? {})) {
    const vista = vistas.find((v) => v.nombre === `tablas/${t}.jsonl`);
    if ((vista?.filas ?? 0) !== n) throw alterado(`la tabla «${t}» debía tener ${n} filas`);
  }
  const archivos = vistas.filter((v) => v.nombre.startsWith('archivos/')).length;
  if (archivos !== m.archivos) throw alterado(`debía tener ${m.archivos} archivos y tiene ${archivos}`);
}

interface Carga {
  tablas: Record<string, number>;
  /** Paths relative to the evidence folder, already written under the temporary folder. */
  archivos: string[];
  /** The anchors that travelled with the backup, saved under the temporary folder. */
  anclas: string | null;
}

/** Version 2: entries in order, each hashed as it streams; nothing is kept until the manifest agrees. */
async function cargarTar(tx: Db, fuente: AsyncIterable<Buffer>, temporal: string): Promise<Carga> {
  const vistas: EntradaManifiesto[] = [];
  const carga: Carga = { tablas: {}, archivos: [], anclas: null };
  let manifiesto: Manifiesto | undefined;
  for await (const e of leerTar(fuente)) {
    if (manifiesto) throw new ErrorRespaldo('El respaldo fue alterado: hay datos después del manifiesto.');
    if (e.tipo !== '0')
      throw new ErrorRespaldo(
        `El respaldo contiene «${e.nombre}», que no es un archivo regular (enlace, carpeta o dispositivo); no se restauró nada.`,
      );
    if (vistas.length === 0) {
      const { contenido, valor } = await leerJson(e.contenido, e.tamano, 'la cabecera');
      const c = valor as { formato?: string; version?: number };
      if (e.nombre !== 'respaldo.json' || c.formato !== FORMATO)
        throw new ErrorRespaldo('El archivo no es un respaldo de MIPG Abierto.');
      if (c.version !== VERSION)
        throw new ErrorRespaldo(
          `El respaldo es de la versión ${c.version} del formato y esta instalación solo lee la 1 y la ${VERSION}; actualice MIPG Abierto.`,
        );
      vistas.push({
        nombre: e.nombre,
        bytes: contenido.length,
        sha256: createHash('sha256').update(contenido).digest('hex'),
      });
      continue;
    }
    if (e.nombre === 'manifiesto.json') {
      manifiesto = (await leerJson(e.contenido, e.tamano, 'el manifiesto')).valor as Manifiesto;
      continue;
    }
    if (vistas.some((v) => v.nombre === e.nombre))
      throw new ErrorRespaldo(`El respaldo fue alterado: la entrada «${e.nombre}» aparece dos veces.`);
    const tabla = /^tablas\/([a-z0-9_]+)\.jsonl$/.exec(e.nombre)?.[1];
    if (tabla !== undefined) {
      if (!TABLAS_RESPALDO.includes(tabla))
        throw new ErrorRespaldo(`El respaldo contiene la tabla «${tabla}», que esta instalación no conoce.`);
      const r = await cargarTabla(tx, tabla, e.contenido);
      carga.tablas[tabla] = r.filas;
      vistas.push({ nombre: e.nombre, ...r });
    } else if (e.nombre.startsWith('archivos/')) {
      const ruta = e.nombre.slice('archivos/'.length);
      const r = await guardarTemporal(rutaDeArchivo(ruta, join(temporal, 'archivos')), e.contenido);
      carga.archivos.push(ruta);
      vistas.push({ nombre: e.nombre, ...r });
    } else if (e.nombre === 'bitacora/anclas.jsonl') {
      carga.anclas = join(temporal, 'anclas.jsonl');
      vistas.push({ nombre: e.nombre, ...(await guardarTemporal(carga.anclas, e.contenido)) });
    } else {
      throw new ErrorRespaldo(`El respaldo contiene una entrada desconocida: «${e.nombre}».`);
    }
  }
  if (!manifiesto)
    throw new ErrorRespaldo('El respaldo está incompleto: falta el manifiesto final. No se restauró nada.');
  compararConManifiesto(manifiesto, vistas);
  return carga;
}

interface RespaldoV1 {
  formato: typeof FORMATO;
  version: 1;
  tablas: Record<string, unknown[]>;
  archivos: { ruta: string; base64: string }[];
}

/** Version 1 (one JSON, files in base64): read-only compatibility for backups made before version 2. */
async function cargarV1(tx: Db, fuente: AsyncIterable<Buffer>, temporal: string): Promise<Carga> {
  const partes: Buffer[] = [];
  let total = 0;
  for await (const t of fuente) {
    total += t.length;
    if (total > MAX_V1)
      throw new ErrorRespaldo(
        'El respaldo en el formato antiguo (.json.gz) es demasiado grande para leerlo.',
      );
    partes.push(t);
  }
  let r: RespaldoV1;
  try {
    r = JSON.parse(Buffer.concat(partes).toString('utf8'));
  } catch {
    throw new ErrorRespaldo('El archivo no es un respaldo de MIPG Abierto legible.');
  }
  if (r.formato !== FORMATO || r.version !== 1 || typeof r.tablas !== 'object' || !Array.isArray(r.archivos))
    throw new ErrorRespaldo('El archivo no es un respaldo de MIPG Abierto.');
  const carga: Carga = { tablas: {}, archivos: [], anclas: null };
  for (const [tabla, lista] of Object.entries(r.tablas)) {
    if (!TABLAS_RESPALDO.includes(tabla))
      throw new ErrorRespaldo(`El respaldo contiene la tabla «${tabla}», que esta instalación no conoce.`);
    for (let i = 0; i < lista.length; i += FILAS_POR_PAGINA)
      await insertarLote(
        tx,
        tabla,
        lista.slice(i, i + FILAS_POR_PAGINA).map((f) => JSON.stringify(f)),
      );
    carga.tablas[tabla] = lista.length;
  }
  for (const a of r.archivos) {
    const destino = rutaDeArchivo(String(a.ruta), join(temporal, 'archivos'));
    await guardarTemporal(destino, [
      Buffer.from(String(a.base64), 'base64'),
    ] as unknown as AsyncIterable<Buffer>);
    carga.archivos.push(a.ruta);
  }
  return carga;
}

/** The gunzipped bytes, with zlib's English errors turned into Spanish ones. */
async function* descomprimir(origen: string): AsyncGenerator<Buffer> {
  const entrada = createReadStream(origen);
  const gunzip = createGunzip();
  entrada.on('error', (e) => gunzip.destroy(e));
  entrada.pipe(gunzip);
  try {
    for await (const t of gunzip as AsyncIterable<Buffer>) yield t;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new ErrorRespaldo(`No existe el archivo «${origen}».`);
    if (err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message))
      throw new ErrorRespaldo('El respaldo está incompleto (truncado): el archivo termina antes de tiempo.');
    if (err.code === 'Z_DATA_ERROR')
      throw new ErrorRespaldo(
        /header/i.test(err.message)
          ? `El archivo «${origen}» no es un respaldo de MIPG Abierto legible (no está comprimido con gzip).`
          : 'El respaldo está dañado o fue alterado: la compresión no cuadra.',
      );
    throw e;
  } finally {
    entrada.destroy();
  }
}

/** Tells version 1 (JSON, starts with «{») from version 2 (tar) by the first decompressed byte. */
async function formatoDe(fuente: AsyncGenerator<Buffer>) {
  const primero = await fuente.next();
  if (primero.done) throw new ErrorRespaldo('El archivo de respaldo está vacío.');
  const todo = (async function* () {
    yield primero.value;
    yield* fuente;
  })();
  return { v1: primero.value[0] === 0x7b, fuente: todo };
}

/**
 * Keeps the anchors that travelled with the backup when this installation's key verifies them (a restore
 * on the same server); anchors signed elsewhere are kept aside for reference. Any previous anchors file
 * is moved aside: it describes a chain that no longer exists here.
 */
async function colocarAnclas(dataDir: string, anclas: string | null) {
  const marca = new Date().toISOString().replaceAll(':', '-');
  const actual = archivoAnclas(dataDir);
  if (await stat(actual).catch(() => null)) await rename(actual, `${actual}.${marca}.anterior`);
  if (!anclas) return;
  const clave = await claveBitacora(dataDir);
  const lineas = (await readFile(anclas, 'utf8')).split('\n').filter((l) => l.trim());
  const propias = lineas.every((l) => {
    try {
      return anclaValida(JSON.parse(l), clave);
    } catch {
      return false;
    }
  });
  await rename(anclas, propias ? actual : join(dataDir, `bitacora-anclas.origen-${marca}.jsonl`));
}

/**
 * Restores into an empty database, all or nothing: rows go in one transaction and files to a temporary
 * folder; only when every hash and count matches the manifest are the files moved into place and the
 * transaction committed.
 */
export async function restaurarRespaldo(db: Db, dataDir: string, origen: string): Promise<ResumenRespaldo> {
  await baseVacia(db);
  await mkdir(dataDir, { recursive: true });
  const temporal = await mkdtemp(join(dataDir, '.restauracion-'));
  const base = carpetaArchivos(dataDir);
  const movidos: string[] = [];
  try {
    const carga = await db.transaction(async (tx) => {
      for (const t of [...TABLAS_RESPALDO].reverse()) await tx.execute(sql.raw(`delete from "${t}"`));
      const { v1, fuente } = await formatoDe(descomprimir(origen));
      const carga = await (v1 ? cargarV1 : cargarTar)(tx, fuente, temporal).catch((e) => {
        throw e instanceof ErrorTar ? new ErrorRespaldo(e.message) : e;
      });
      await ajustarSecuencias(tx);
      for (const ruta of carga.archivos) {
        const destino = rutaDeArchivo(ruta, base);
        await mkdir(dirname(destino), { recursive: true });
        // A file already there with the same content-addressed name is the same file.
        if (await lstat(destino).catch(() => null)) continue;
        await rename(rutaDeArchivo(ruta, join(temporal, 'archivos')), destino);
        movidos.push(destino);
      }
      return carga;
    });
    await colocarAnclas(dataDir, carga.anclas);
    return { tablas: carga.tablas, archivos: carga.archivos.length };
  } catch (e) {
    for (const m of movidos) await unlink(m).catch(() => {});
    throw e;
  } finally {
    await rm(temporal, { recursive: true, force: true });
  }
}
