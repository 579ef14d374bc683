import { join } from 'node:path';
import { RAIZ } from '../db/carpetas.ts';

export { CARPETA_MIGRACIONES, RAIZ } from '../db/carpetas.ts';
export const CARPETA_WEB = join(RAIZ, 'web', 'dist');
