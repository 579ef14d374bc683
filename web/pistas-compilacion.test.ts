// The compile hint's plugin on a bundle of its own: the file names (hash) and the files say the same thing.
import type { Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { llevaPista, PISTA, pistasCompilacion } from './pistas-compilacion.ts';

const trozo = (fileName: string, moduleIds: string[], code: string) =>
  ({
    type: 'chunk',
    fileName,
    moduleIds,
    code,
    map: { mappings: 'AAAA;AACA' },
  }) as unknown as Rolldown.OutputChunk;

describe('la pista de compilación de V8 en la compilación', () => {
  it('la lleva el código de la aplicación, no un archivo con ECharts; en rutas de Linux y de Windows', () => {
    expect(
      llevaPista(['/app/web/src/features/tablero/tablero-page.tsx', '/app/node_modules/react/index.js']),
    ).toBe(true);
    expect(llevaPista(['/app/node_modules/echarts/lib/chart/line.js'])).toBe(false);
    expect(
      llevaPista(['C:\\app\\node_modules\\zrender\\lib\\core\\env.js', 'C:\\app\\web\\src\\ui\\x.ts']),
    ).toBe(false);
    // A package whose name only starts like it is another package.
    expect(llevaPista(['/app/node_modules/echarts-locale/index.js'])).toBe(true);
  });

  it('va en la primera línea justo de los archivos cuyo nombre la incluye, y el mapa de fuentes baja una línea', () => {
    const plugin = pistasCompilacion();
    const app = trozo('assets/a.js', ['/app/web/src/main.tsx'], 'const __vite__mapDeps=1;import"./b.js";');
    const graficas = trozo('assets/b.js', ['/app/node_modules/echarts/core.js'], 'export const e=1;');
    const mapa = { type: 'asset', fileName: 'assets/a.js.map', source: JSON.stringify({ mappings: 'AAAA' }) };
    const paquete = {
      'assets/a.js': app,
      'assets/b.js': graficas,
      'assets/a.js.map': mapa,
    } as unknown as Rolldown.OutputBundle;
    const { handler } = plugin.generateBundle as unknown as {
      handler: (o: unknown, p: Rolldown.OutputBundle) => void;
    };
    handler({}, paquete);
    const hash = plugin.augmentChunkHash as (c: Rolldown.OutputChunk) => string | undefined;
    for (const c of [app, graficas]) expect(c.code.startsWith(`${PISTA}\n`)).toBe(hash(c) === PISTA);
    expect(app.code).toBe(`${PISTA}\nconst __vite__mapDeps=1;import"./b.js";`);
    expect(graficas.code).toBe('export const e=1;');
    expect(app.map?.mappings).toBe(';AAAA;AACA');
    expect(JSON.parse(String((mapa as Rolldown.OutputAsset).source)).mappings).toBe(';AAAA');
  });
});
