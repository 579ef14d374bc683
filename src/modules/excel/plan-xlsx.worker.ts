// Worker entry: reads an uploaded plan workbook away from the thread that serves requests (leer-en-hilo.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type LimitesHoja, leerLibroPlan } from './plan-xlsx.ts';

const { contenido, limites } = workerData as { contenido: Uint8Array; limites: LimitesHoja };
parentPort!.postMessage(
  await leerLibroPlan(Buffer.from(contenido.buffer, contenido.byteOffset, contenido.byteLength), limites),
);
