// `npm start`: builds the web app on first run (no build yet), then serves app and API.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CARPETA_WEB } from '../server/app.ts';

if (!existsSync(join(CARPETA_WEB, 'index.html'))) {
  console.log('Preparando la aplicación web por primera vez (puede tardar un minuto)…');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(
      '✖ No fue posible construir la aplicación web. Ejecute «npm install» y vuelva a intentarlo.',
    );
    process.exit(1);
  }
}
await import('../server/main.ts');
