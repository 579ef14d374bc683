import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { alias } from './alias.ts';
import { esqueletos } from './esqueletos.ts';
import { estilosMantine } from './estilos-mantine.ts';
import { pistasCompilacion } from './pistas-compilacion.ts';
import { precargaEscalonada } from './precarga-escalonada.ts';

const salida = fileURLToPath(new URL('./dist', import.meta.url));

/**
 * Brotli and gzip copies of every text asset, made once at build time: the server sends them as they are
 * (`preCompressed`), so a rural 3G connection downloads ~190 KB of JavaScript instead of 640 KB, and no
 * request pays for compressing.
 */
function comprimir(): Plugin {
  return {
    name: 'mipg-comprimir',
    apply: 'build',
    closeBundle() {
      for (const entrada of readdirSync(salida, { recursive: true, withFileTypes: true })) {
        if (!entrada.isFile() || !/\.(js|css|html|svg|json|txt)$/.test(entrada.name)) continue;
        const ruta = join(entrada.parentPath, entrada.name);
        const datos = readFileSync(ruta);
        if (datos.length < 1024) continue;
        writeFileSync(
          `${ruta}.br`,
          brotliCompressSync(datos, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${ruta}.gz`, gzipSync(datos, { level: 9 }));
      }
    },
  };
}

/**
 * Preloads the two heading fonts (hashed names known only after the build): they start downloading with the
 * HTML instead of after the CSS, so the swap from Verdana usually happens before the first paint.
 */
function precargarFuentes(): Plugin {
  return {
    name: 'mipg-precargar-fuentes',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) =>
        Object.keys(bundle ?? {})
          .filter((f) => /nunito-sans-latin-\d+-normal-[^/]*\.woff2$/.test(f))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `/${f}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head',
          })),
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    precargaEscalonada(),
    estilosMantine(fileURLToPath(new URL('./src', import.meta.url))),
    precargarFuentes(),
    esqueletos(),
    pistasCompilacion(),
    comprimir(),
  ],
  resolve: { alias },
  build: {
    outDir: salida,
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    // Every browser the platform supports knows modulepreload: the polyfill would be 0,5 KB more on every first load.
    modulePreload: { polyfill: false },
    // Shared chunks named by their hash alone: index.html's preload map lists every chunk of every route, and
    // the readable prefixes («Loader-», «formulario-actividad-») cost 0,7 KB gzip of the first load; stylesheets
    // keep their name with 7 characters of hash (as distinct as 8, a little less to download).
    rolldownOptions: {
      output: {
        chunkFileNames: 'assets/[hash].js',
        assetFileNames: 'assets/[name]-[hash:7][extname]',
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
