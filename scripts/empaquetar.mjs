// How `npm start` bundles the server (esbuild, packages left external), shared with the test that runs the
// bundle: the worker that reads Excel files must sit next to servidor.mjs under the name leer-en-hilo.ts uses.
import { join } from 'node:path';

export const ENTRADAS = {
  servidor: join('src', 'server', 'main.ts'),
  // Prepares a new embedded database in a process of its own (src/cli/preparar-base.ts).
  'preparar-base': join('src', 'cli', 'preparar-base.ts'),
  // Reads uploaded Excel files in a worker thread; found next to servidor.mjs (src/modules/excel/leer-en-hilo.ts).
  'plan-xlsx.worker': join('src', 'modules', 'excel', 'plan-xlsx.worker.ts'),
};

/** esbuild's arguments for `entradas` (name → source) written to `carpeta`. */
export const argumentosEsbuild = (entradas, carpeta) => [
  ...Object.entries(entradas).map(([nombre, fuente]) => `${nombre}=${fuente}`),
  `--outdir=${carpeta}`,
  '--out-extension:.js=.mjs',
  '--bundle',
  '--platform=node',
  '--format=esm',
  '--target=node20',
  '--packages=external',
  '--log-level=warning',
];
