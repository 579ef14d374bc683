import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RAIZ } from './rutas.ts';

export const VERSION: string = JSON.parse(readFileSync(join(RAIZ, 'package.json'), 'utf8')).version;
