// `node --import tsx bench/respaldo.ts [GB]`: backup and restore with more than 1 GB of evidence (1.1 GB by
// default), each in its own process as `npm run cli -- backup|restore` runs them, reporting time, throughput
// and peak resident memory (the process's own maxRSS) against the same process's memory before starting.
// Too slow for the test suite; src/modules/respaldo/respaldo-memoria.test.ts checks the same with 50 MB.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sincronizarCatalogo } from '../src/db/catalogo.ts';
import { conectar } from '../src/db/client.ts';
import { guardarArchivo } from '../src/modules/archivos/almacen.ts';
import { sembrarDemo } from '../src/modules/demo/demo.service.ts';
import { escribirRespaldo, restaurarRespaldo } from '../src/modules/respaldo/respaldo.service.ts';
import { f } from './comun.ts';

const MB = 1024 * 1024;
const TAMANO_ARCHIVO = 8 * MB;

interface Medida {
  ms: number;
  rssInicialMb: number;
  picoMb: number;
  archivos: number;
  filas: number;
}

/** Child: one backup or restore on an embedded database in `dataDir`, then its figures as JSON. */
async function fase(cual: string, dataDir: string, archivo: string) {
  const conexion = await conectar({ dataDir });
  const rssInicialMb = process.memoryUsage.rss() / MB;
  const t0 = performance.now();
  const r =
    cual === 'respaldo'
      ? await escribirRespaldo(conexion.db, dataDir, archivo)
      : await restaurarRespaldo(conexion.db, dataDir, archivo);
  const ms = performance.now() - t0;
  await conexion.cerrar();
  const medida: Medida = {
    ms,
    rssInicialMb,
    picoMb: process.resourceUsage().maxRSS / 1024,
    archivos: r.archivos,
    filas: Object.values(r.tablas).reduce((a, b) => a + b, 0),
  };
  console.log(JSON.stringify(medida));
}

function enOtroProceso(cual: string, dataDir: string, archivo: string): Promise<Medida> {
  return new Promise((ok, mal) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/respaldo.ts', '--fase', cual, dataDir, archivo],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let salida = '';
    p.stdout.on('data', (d) => {
      salida += d;
    });
    p.on('exit', (code) =>
      code === 0
        ? ok(JSON.parse(salida.trim().split('\n').at(-1)!))
        : mal(new Error(`${cual}: código ${code}`)),
    );
  });
}

async function principal(gb: number) {
  const raiz = mkdtempSync(join(tmpdir(), 'mipg-bench-respaldo-'));
  try {
    const origen = join(raiz, 'origen');
    const destino = join(raiz, 'destino');
    const archivo = join(raiz, 'respaldo.tar.gz');
    const n = Math.ceil((gb * 1024 * MB) / TAMANO_ARCHIVO);
    const conexion = await conectar({ dataDir: origen });
    await sincronizarCatalogo(conexion.db);
    await sembrarDemo(conexion.db, { usuarioId: null, correo: 'bench', ip: null }, origen);
    await conexion.cerrar();
    // Incompressible evidence (like PDFs and photos): gzip cannot shrink it, the worst case for time.
    const bloque = randomBytes(TAMANO_ARCHIVO);
    for (let i = 0; i < n; i++) {
      bloque.writeUInt32BE(i, 0);
      await guardarArchivo(origen, bloque);
    }
    const datosMb = (n * TAMANO_ARCHIVO) / MB;
    console.log(`Evidencias: ${f(n, 0)} archivos, ${f(datosMb / 1024, 2)} GB (más la demostración).`);

    const respaldo = await enOtroProceso('respaldo', origen, archivo);
    const archivoMb = statSync(archivo).size / MB;
    const restauracion = await enOtroProceso('restauracion', destino, archivo);
    if (restauracion.archivos !== respaldo.archivos || restauracion.filas !== respaldo.filas)
      throw new Error('La restauración no reprodujo el respaldo.');

    console.log('\nfase           tiempo     MB/s   RSS al inicio   pico RSS   crecimiento');
    for (const [nombre, m] of [
      ['respaldo', respaldo],
      ['restauración', restauracion],
    ] as const)
      console.log(
        `${nombre.padEnd(13)} ${`${f(m.ms / 1000)} s`.padStart(8)} ${f(datosMb / (m.ms / 1000), 0).padStart(8)} ${`${f(m.rssInicialMb, 0)} MB`.padStart(15)} ${`${f(m.picoMb, 0)} MB`.padStart(10)} ${`${f(m.picoMb - m.rssInicialMb, 0)} MB`.padStart(13)}`,
      );
    console.log(
      `\nArchivo: ${f(archivoMb / 1024, 2)} GB; ${f(respaldo.filas, 0)} filas y ${f(respaldo.archivos, 0)} archivos, iguales al restaurar.`,
    );
  } finally {
    rmSync(raiz, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--fase') await fase(args[1]!, args[2]!, args[3]!);
else await principal(Number(args[0] ?? 1.1));
