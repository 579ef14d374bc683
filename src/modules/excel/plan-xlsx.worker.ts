// Worker entry: reads an uploaded plan workbook away from the thread that serves requests (leer-en-hilo.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { leerLibroPlan } from './plan-xlsx.ts';

const contenido = workerData as Uint8Array;
parentPort!.postMessage(
  await leerLibroPlan(Buffer.from(contenido.buffer, contenido.byteOffset, contenido.byteLength)),
);
