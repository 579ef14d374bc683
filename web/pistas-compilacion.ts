import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (Chrome and Edge 136+, the browsers of most phones here): every function of a file
 * that carries it is compiled on a background thread while the file downloads. Without it V8 compiles each
 * function the first time it is called, on the main thread: on the tablero that was half the time of the
 * start-up's longest tasks (measured in ADR 0037). Other browsers read it as a comment.
 */
export const PISTA = '//# allFunctionsCalledOnLoad';

/**
 * Which files carry it. Route code splitting already loads a file when its page or component is about to run,
 * so most of what a loaded file holds runs. Not the charts library: a page draws one or two chart types with a
 * fraction of its 500 KB, and compiling all of it would cost a phone more than it saves.
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
    // The hint must come first in the file, before anything but comments; Vite writes its list of a chunk's
    // dependencies at the top once the chunks are final, so it goes in after they are written (and before the
    // compressed copies: `comprimir`, in closeBundle).
    writeBundle(opciones, paquete) {
      for (const archivo of Object.values(paquete)) {
        if (archivo.type !== 'chunk' || !llevaPista(archivo.moduleIds)) continue;
        const ruta = join(opciones.dir ?? '', archivo.fileName);
        writeFileSync(ruta, `${PISTA}\n${readFileSync(ruta, 'utf8')}`);
      }
    },
  };
}
