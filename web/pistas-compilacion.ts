import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (Chrome and Edge 136+, the browsers of most phones here): every function of a file
 * that carries it is compiled on a background thread while the file downloads. Without it V8 compiles each
 * function the first time it is called, on the main thread: on the tablero that was half the time of the
 * start-up's longest tasks (ADR 0037). Other browsers read it as a comment.
 */
export const PISTA = '//# allFunctionsCalledOnLoad';

/**
 * Which files carry it. Route code splitting already loads a file when its page or component is about to run,
 * so most of what a loaded file holds runs. Not a file with the charts library: a page draws one or two chart
 * types with a fraction of its 500 KB, and compiling all of it would cost a phone more than it saves.
 */
export const llevaPista = (modulos: readonly string[]) =>
  !modulos.some((m) => /[\\/]node_modules[\\/](echarts|zrender)[\\/]/.test(m));

export function pistasCompilacion(): Plugin {
  return {
    name: 'mipg-pistas-compilacion',
    apply: 'build',
    // A file with the hint is not the same file: its name (the hash) says so, and a browser holding the copy
    // without it does not keep it forever under the same immutable name.
    augmentChunkHash: (chunk) => (llevaPista(chunk.moduleIds) ? PISTA : undefined),
    // The hint counts only before anything but comments. The minifier drops comments, and Vite puts its list of
    // a chunk's dependencies (`__vite__mapDeps`) at the top of the files with dynamic imports in its own
    // generateBundle: so after every other plugin's, on the code about to be written (and compressed).
    generateBundle: {
      order: 'post',
      handler(_opciones, paquete) {
        for (const archivo of Object.values(paquete)) {
          if (archivo.type !== 'chunk' || !llevaPista(archivo.moduleIds)) continue;
          archivo.code = `${PISTA}\n${archivo.code}`;
          // One line more at the top: in a source map, every line of the file moves one down.
          if (archivo.map) archivo.map.mappings = `;${archivo.map.mappings}`;
          const mapa = paquete[`${archivo.fileName}.map`];
          if (mapa?.type === 'asset') {
            const json = JSON.parse(String(mapa.source)) as { mappings: string };
            json.mappings = `;${json.mappings}`;
            mapa.source = JSON.stringify(json);
          }
        }
      },
    },
  };
}
