// Reads an uploaded workbook in a worker thread with its own memory and time limits: a heavy or hostile file
// costs that worker, never the event loop that answers every other request (/api/health included).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ErrorApi } from '../../server/errores.ts';
import { type LecturaPlan, LIMITES_HOJA_PLAN, type LimitesHoja, revisarDirectorio } from './plan-xlsx.ts';

export interface LimitesHilo {
  tiempoMs: number;
  memoriaMb: number;
}

/** 20,000 rows of the monthly template read in 4–8 s with less than 200 MB of heap. */
export const LIMITES_HILO: LimitesHilo = { tiempoMs: 60_000, memoriaMb: 384 };
/** Two cores in the reference server: more parallel imports would only slow each other down. */
const HILOS_MAXIMOS = 2;
let activos = 0;

/**
 * From the sources (tsx, vitest) the worker is the .ts file, loaded through tsx's API (Node 20 does not pass
 * `--import` hooks to workers); in the bundle of `npm start` it is dist/plan-xlsx.worker.mjs, next to
 * servidor.mjs (scripts/iniciar.mjs builds both).
 */
function crearWorker(contenido: Buffer, memoriaMb: number, hoja: LimitesHoja) {
  const copia = new Uint8Array(contenido); // the body may share Node's buffer pool: never transfer it
  const opciones = {
    workerData: { contenido: copia, limites: hoja },
    transferList: [copia.buffer],
    resourceLimits: { maxOldGenerationSizeMb: memoriaMb },
    execArgv: [],
  };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./plan-xlsx.worker.mjs', import.meta.url), opciones);
  // tsx's ESM API (its CommonJS build resolves its hooks from the wrong folder).
  const paquete = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(paquete, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entrada = new URL('./plan-xlsx.worker.ts', import.meta.url).href;
  const codigo = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entrada)}); });`;
  return new Worker(codigo, { ...opciones, eval: true });
}

const ocupado = () =>
  new ErrorApi(
    503,
    'El servidor está leyendo otros archivos de Excel en este momento. Inténtelo de nuevo en un minuto.',
  );

export async function leerLibroPlanEnHilo(
  contenido: Buffer,
  limites: LimitesHilo = LIMITES_HILO,
  hoja: LimitesHoja = LIMITES_HOJA_PLAN,
): Promise<LecturaPlan> {
  // Not a zip, or a bomb by its declared sizes: answered here, without starting a thread.
  const directorio = revisarDirectorio(contenido, hoja);
  if (directorio) return directorio;
  if (activos >= HILOS_MAXIMOS) throw ocupado();
  const worker = crearWorker(contenido, limites.memoriaMb, hoja);
  activos++;
  // Counted until the thread has really exited, so its memory is free before another one starts.
  worker.once('exit', () => activos--);
  return new Promise<LecturaPlan>((resolver, rechazar) => {
    const reloj = setTimeout(() => {
      rechazar(
        new ErrorApi(
          503,
          `La lectura del archivo superó ${limites.tiempoMs / 1000} segundos y se canceló. Divida ${hoja.queDividir} en archivos más pequeños o inténtelo de nuevo más tarde.`,
        ),
      );
      void worker.terminate();
    }, limites.tiempoMs);
    const terminar = (f: () => void) => {
      clearTimeout(reloj);
      f();
      void worker.terminate();
    };
    worker.once('message', (m: LecturaPlan) => terminar(() => resolver(m)));
    worker.once('error', (e: Error & { code?: string }) =>
      terminar(() =>
        rechazar(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ErrorApi(
                413,
                `El archivo necesita más de ${limites.memoriaMb} MB de memoria para leerse: divida ${hoja.queDividir} en archivos más pequeños.`,
                [{ campo: 'archivo', mensaje: 'el libro es demasiado grande para leerlo' }],
              )
            : e,
        ),
      ),
    );
    worker.once('exit', () =>
      terminar(() => rechazar(new Error('El hilo de lectura del Excel terminó sin responder.'))),
    );
  });
}
