import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder, found from this file whether it runs from src/ or bundled in dist/. */
function buscarRaiz(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const padre = dirname(dir);
    if (padre === dir) throw new Error('No se encontró la carpeta del proyecto (package.json).');
    dir = padre;
  }
  return dir;
}

export const RAIZ = buscarRaiz();
export const CARPETA_MIGRACIONES = join(RAIZ, 'src', 'db', 'migrations');
