import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { carpetaArchivos } from '../respaldo/respaldo.service.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const rutaDe = (dataDir: string, hash: string) => join(carpetaArchivos(dataDir), hash.slice(0, 2), hash);

/**
 * Content-addressed store under the data folder: the same file is kept once, named by its SHA-256.
 * Safe under concurrent uploads of the same file: each writes its own temporary file and renames it
 * over the final name (atomic, and every writer carries the same bytes); a copy already stored and
 * intact is not written again.
 */
export async function guardarArchivo(dataDir: string, contenido: Uint8Array): Promise<string> {
  const hash = sha256(contenido);
  if (await leerArchivo(dataDir, hash)) return hash;
  const destino = rutaDe(dataDir, hash);
  await mkdir(join(destino, '..'), { recursive: true });
  // Unique per write: a name shared by two requests of one process let one rename the other's half-written file.
  const temporal = `${destino}.${randomUUID()}.tmp`;
  try {
    const f = await open(temporal, 'wx');
    try {
      await f.writeFile(contenido);
      await f.sync(); // on disk before it carries the final name: a crash never leaves a short file there
    } finally {
      await f.close();
    }
    // Replaces an altered copy too: the bytes just written are the ones the hash names.
    await rename(temporal, destino);
  } catch (e) {
    await rm(temporal, { force: true });
    throw e;
  }
  return hash;
}

/** Reads a stored file and checks it still matches its hash; null when missing or altered. */
export async function leerArchivo(dataDir: string, hash: string): Promise<Buffer | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const contenido = await readFile(rutaDe(dataDir, hash)).catch(() => null);
  if (!contenido || sha256(contenido) !== hash) return null;
  return contenido;
}
