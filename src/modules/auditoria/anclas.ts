// Signed anchors of the audit chain's head, kept in the data folder: whoever can rewrite the table cannot
// rewrite these without the key, which never enters the database (ADR 0003).
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Ancla, type AnclaFirmada, anclaValida, firmarAncla } from '../../core/cadena-hash.ts';

export const archivoClave = (dataDir: string) => join(dataDir, 'bitacora.clave');
export const archivoAnclas = (dataDir: string) => join(dataDir, 'bitacora-anclas.jsonl');

/** The HMAC key; created (32 random bytes, mode 0600) on first use. */
export async function claveBitacora(dataDir: string): Promise<Buffer> {
  const ruta = archivoClave(dataDir);
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx': two processes starting at once cannot both create a key; the loser reads the winner's.
    const f = await open(ruta, 'wx', 0o600);
    try {
      await f.writeFile(randomBytes(32).toString('hex'));
    } finally {
      await f.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const texto = (await readFile(ruta, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(texto))
    throw new Error(
      `La clave de la bitácora «${ruta}» está dañada: debe contener 64 caracteres hexadecimales. Restáurela desde la copia de la carpeta de datos.`,
    );
  if (((await stat(ruta)).mode & 0o077) !== 0) await chmod(ruta, 0o600);
  return Buffer.from(texto, 'hex');
}

export type LecturaAnclas =
  | { ok: true; ultima: AnclaFirmada | undefined }
  | { ok: false; linea: number; motivo: string };

/** Checks every anchor's signature and returns the newest (highest row id). */
export async function leerAnclas(dataDir: string, clave: Buffer): Promise<LecturaAnclas> {
  const texto = await readFile(archivoAnclas(dataDir), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  let ultima: AnclaFirmada | undefined;
  const lineas = texto.split('\n');
  for (let i = 0; i < lineas.length; i++) {
    if (!lineas[i]!.trim()) continue;
    let a: AnclaFirmada;
    try {
      a = JSON.parse(lineas[i]!);
    } catch {
      return { ok: false, linea: i + 1, motivo: 'no es JSON válido' };
    }
    if (!anclaValida(a, clave)) return { ok: false, linea: i + 1, motivo: 'la firma no coincide' };
    if (!ultima || a.ultimoId >= ultima.ultimoId) ultima = a;
  }
  return { ok: true, ultima };
}

export async function agregarAncla(dataDir: string, clave: Buffer, ancla: Ancla): Promise<AnclaFirmada> {
  const firmada = firmarAncla(ancla, clave);
  await appendFile(archivoAnclas(dataDir), `${JSON.stringify(firmada)}\n`);
  return firmada;
}
