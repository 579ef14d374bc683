// `npm start`: rebuilds what changed since the last start (web app, server bundle), then serves both.
// Plain JavaScript on purpose: it runs before anything is built. The server runs as one bundled ES module
// (esbuild, packages left external) instead of through a TypeScript loader: less memory (ADR 0004).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { argumentosEsbuild, ENTRADAS } from './empaquetar.mjs';

const raiz = fileURLToPath(new URL('..', import.meta.url));
const mtime = (ruta) => (existsSync(ruta) ? statSync(ruta).mtimeMs : 0);

/** Newest modification time of any file under the given paths. */
function ultimoCambio(rutas) {
  let max = 0;
  for (const r of rutas.map((x) => join(raiz, x))) {
    if (!existsSync(r)) continue;
    if (statSync(r).isFile()) max = Math.max(max, mtime(r));
    else
      for (const e of readdirSync(r, { withFileTypes: true, recursive: true }))
        if (e.isFile()) max = Math.max(max, mtime(join(e.parentPath, e.name)));
  }
  return max;
}

const indiceWeb = join(raiz, 'web', 'dist', 'index.html');
// The web's sources, what it imports from the server's side (@core, @contrato) and the build's own plugins
// (web/*.ts: first paints, Mantine's sheet, the preload helper).
const fuentesWeb = [
  'web/src',
  'web/public',
  'web/index.html',
  ...readdirSync(join(raiz, 'web'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `web/${f}`),
  'src/core',
  'src/contrato',
];
if (mtime(indiceWeb) < ultimoCambio(fuentesWeb)) {
  console.log('Preparando la aplicación web (puede tardar un minuto)…');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', cwd: raiz });
  if (r.status !== 0) {
    console.error(
      '✖ No fue posible construir la aplicación web. Ejecute «npm install» y vuelva a intentarlo.',
    );
    process.exit(1);
  }
}

// esbuild runs as its own process: loading it here would stay in the server's memory (~40 MB).
const servidor = join(raiz, 'dist', 'servidor.mjs');
const esbuild = spawnSync(
  join(raiz, 'node_modules', '.bin', 'esbuild'),
  [...argumentosEsbuild(ENTRADAS, join(raiz, 'dist')), '--sourcemap=linked'],
  { stdio: 'inherit', cwd: raiz },
);
if (esbuild.status !== 0) {
  console.error('✖ No fue posible preparar el servidor. Ejecute «npm install» y vuelva a intentarlo.');
  process.exit(1);
}
// A new embedded database is prepared in a short-lived process: its memory does not stay in the server's.
if (!process.env.DATABASE_URL)
  spawnSync(process.execPath, [join(raiz, 'dist', 'preparar-base.mjs')], { stdio: 'inherit' });
await import(pathToFileURL(servidor).href);
