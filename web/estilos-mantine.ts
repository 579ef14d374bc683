import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { type Plugin, runnerImport } from 'vite';
import { alias } from './alias.ts';

const ID = 'virtual:estilos-mantine.css';
const RESUELTO = '\0estilos-mantine.css';
const SIN_DIBUJO = '\0mantine-dibujado-en-la-hoja.js';
const DIBUJADOS_EN_LA_HOJA = /\/(MantineCssVariables|MantineClasses)\.mjs$/;

/**
 * `import 'virtual:estilos-mantine.css'` gives the CSS of only the Mantine components that web/src imports,
 * with the ones they use inside (Modal → Overlay, CloseButton…), in the order of Mantine's full sheet: about
 * half of the 40 KB gzip that blocks the first paint. The list is worked out from the code on every build, so a
 * component added tomorrow brings its styles without anyone editing a list. The dev server serves the full sheet.
 */
export function estilosMantine(fuentes: string): Plugin {
  let construccion = false;
  return {
    name: 'mipg-estilos-mantine',
    // Before Vite's resolver: it would resolve Mantine's relative imports first.
    enforce: 'pre',
    configResolved(config) {
      construccion = config.command === 'build';
    },
    resolveId(id, importador) {
      if (id === ID) return RESUELTO;
      // The built app never renders these two (`proveedor(true)`): their output is in this sheet. Without
      // them the first load does not carry the theme's variable and colour functions either (≈ 2 KB gzip).
      if (construccion && importador?.endsWith('MantineProvider.mjs') && DIBUJADOS_EN_LA_HOJA.test(id))
        return SIN_DIBUJO;
      return undefined;
    },
    async load(id) {
      if (id === SIN_DIBUJO)
        return 'export const MantineCssVariables = () => null, MantineClasses = () => null;';
      if (id !== RESUELTO) return;
      const raiz = dirname(createRequire(import.meta.url).resolve('@mantine/core/styles.css'));
      const completa = readFileSync(join(raiz, 'styles.css'), 'utf8');
      if (!construccion) return completa;
      const hojas = ['baseline', 'default-css-variables', 'global', ...componentesUsados(raiz, fuentes)];
      return hojas
        .map((h) => readFileSync(join(raiz, 'styles', `${h}.css`), 'utf8'))
        .map((css) => ({ css, lugar: completa.indexOf(css.trim().slice(0, 200)) }))
        .sort((a, b) => a.lugar - b.lugar)
        .map((h) => h.css)
        .concat(await cssDelTema())
        .join('\n');
    },
  };
}

/**
 * The `<style>` tags MantineProvider renders (the theme's CSS variables, the responsive helper classes), rendered
 * once here with the app's own settings: in the built app the provider skips them (`proveedor(true)`), so no
 * phone computes ~300 variables and their colours on every load (≈ 10 ms of blocked main thread).
 */
async function cssDelTema(): Promise<string> {
  const { module: t } = await runnerImport<typeof import('./src/ui/tema.ts')>(
    fileURLToPath(new URL('./src/ui/tema.ts', import.meta.url)),
    { configFile: false, logLevel: 'silent', resolve: { alias } },
  );
  const html = renderToStaticMarkup(createElement(MantineProvider, t.proveedor(false), null));
  const hojas = [...html.matchAll(/<style data-mantine-styles="[^"]*">([\s\S]*?)<\/style>/g)].map(
    (m) => m[1]!,
  );
  if (hojas.length < 2) throw new Error('MantineProvider ya no dibuja sus variables ni sus clases globales');
  return hojas.join('\n');
}

/** Names of the style sheets (styles/<Nombre>.css) reached from the components imported in `fuentes`. */
function componentesUsados(raiz: string, fuentes: string): Set<string> {
  const esm = join(raiz, 'esm');
  // index.mjs imports each public name from its file: `import { Modal } from "./components/Modal/Modal.mjs";`
  const archivoDe = new Map<string, string>();
  for (const m of readFileSync(join(esm, 'index.mjs'), 'utf8').matchAll(/import \{([^}]+)\} from "([^"]+)"/g))
    for (const nombre of m[1]!.split(','))
      archivoDe.set(nombre.trim().split(' as ').pop()!, join(esm, m[2]!));
  const usados = new Set<string>();
  for (const archivo of readdirSync(fuentes, { recursive: true, withFileTypes: true })) {
    if (!archivo.isFile() || !/\.tsx?$/.test(archivo.name)) continue;
    const codigo = readFileSync(join(archivo.parentPath, archivo.name), 'utf8');
    for (const m of codigo.matchAll(/import\s+(?:type\s+)?\{([^}]+)\}\s+from\s+'@mantine\/core'/g))
      for (const nombre of m[1]!.split(','))
        if (!/^\s*type\s/.test(nombre) && nombre.trim()) usados.add(nombre.trim().split(/\s+as\s+/)[0]!);
  }
  const hojas = new Set<string>();
  const vistos = new Set<string>();
  const pendientes = [...usados].flatMap((n) => archivoDe.get(n) ?? []);
  while (pendientes.length) {
    const archivo = pendientes.pop()!;
    if (vistos.has(archivo)) continue;
    vistos.add(archivo);
    const codigo = readFileSync(archivo, 'utf8');
    const modulo = /\/([^/]+)\.module\.mjs$/.exec(archivo);
    if (modulo) hojas.add(modulo[1]!);
    for (const m of codigo.matchAll(/(?:import|export)[^'"]*from "(\.[^"]+)"/g))
      pendientes.push(join(dirname(archivo), m[1]!));
  }
  const existentes = new Set(readdirSync(join(raiz, 'styles')).map((f) => f.replace(/\.css$/, '')));
  return new Set([...hojas].filter((h) => existentes.has(h)));
}
