import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BasePrueba, crearBasePrueba } from '../../server/prueba.ts';
import { guardarArchivo } from '../archivos/almacen.ts';
import { escribirRespaldo, restaurarRespaldo } from './respaldo.service.ts';

const MB = 1024 * 1024;
const ARCHIVOS = 25;
const TAMANO = 2 * MB; // 50 MB of incompressible evidence; bench/respaldo.ts does the same with more than 1 GB

let origen: BasePrueba;
let destino: BasePrueba;
beforeAll(async () => {
  [origen, destino] = await Promise.all([crearBasePrueba(), crearBasePrueba()]);
  const bloque = randomBytes(TAMANO);
  for (let i = 0; i < ARCHIVOS; i++) {
    bloque.writeUInt32BE(i, 0); // a different file each time, same cost
    await guardarArchivo(origen.dataDir, bloque);
  }
}, 240_000);
afterAll(async () => {
  await Promise.all([origen.cerrar(), destino.cerrar()]);
});

/** Peak resident memory above the level at the start, sampled while `trabajo` runs. */
async function picoDeMemoria(trabajo: () => Promise<unknown>) {
  const inicio = process.memoryUsage.rss();
  let pico = inicio;
  const muestreo = setInterval(() => {
    pico = Math.max(pico, process.memoryUsage.rss());
  }, 2);
  try {
    await trabajo();
  } finally {
    clearInterval(muestreo);
  }
  return Math.max(pico, process.memoryUsage.rss()) - inicio;
}

describe('memoria del respaldo', () => {
  it('respaldar y restaurar 50 MB de evidencias no sube la memoria en proporción a los datos', async () => {
    const archivo = join(origen.dataDir, 'grande.tar.gz');
    const datos = ARCHIVOS * TAMANO;
    // A first run pays fixed costs (zlib, code paths, buffers) that do not grow with the data.
    await escribirRespaldo(origen.conexion.db, origen.dataDir, `${archivo}.calentamiento`);
    // The old single-JSON backup held every file in base64 plus its gzip: several times the data size.
    const alRespaldar = await picoDeMemoria(() =>
      escribirRespaldo(origen.conexion.db, origen.dataDir, archivo),
    );
    let archivos = 0;
    const alRestaurar = await picoDeMemoria(async () => {
      archivos = (await restaurarRespaldo(destino.conexion.db, destino.dataDir, archivo)).archivos;
    });
    expect(archivos).toBe(ARCHIVOS);
    expect(alRespaldar, 'memoria extra al respaldar').toBeLessThan(datos / 2);
    // Restoring also grows the in-memory PGlite of the destination (its WebAssembly heap grows in steps of
    // several MB): a margin of three quarters of the data still fails for anything that holds the files
    // (the old backup needed several times their size).
    expect(alRestaurar, 'memoria extra al restaurar').toBeLessThan(datos * 0.75);
  });
});
