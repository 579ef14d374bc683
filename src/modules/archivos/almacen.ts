import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { carpetaArchivos } from '../respaldo/respaldo.service.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const rutaDe = (dataDir: string, hash: string) => join(carpetaArchivos(dataDir), hash.slice(0, 2), hash);

/** Content-addressed store under the data folder: the same file is kept once, named by its SHA-256. */
export async function guardarArchivo(dataDir: string, contenido: Uint8Array): Promise<string> {
  const hash = sha256(contenido);
  const destino = rutaDe(dataDir, hash);
  await mkdir(join(destino, '..'), { recursive: true });
  const temporal = `${destino}.${process.pid}.tmp`;
  await writeFile(temporal, contenido);
  await rename(temporal, destino); // atomic: a half-written file never carries the final name
  return hash;
}

/** Reads a stored file and checks it still matches its hash; null when missing or altered. */
export async function leerArchivo(dataDir: string, hash: string): Promise<Buffer | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const contenido = await readFile(rutaDe(dataDir, hash)).catch(() => null);
  if (!contenido || sha256(contenido) !== hash) return null;
  return contenido;
}
