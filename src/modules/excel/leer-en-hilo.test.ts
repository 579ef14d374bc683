import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { argumentosEsbuild, ENTRADAS } from '../../../scripts/empaquetar.mjs';

const raiz = fileURLToPath(new URL('../../..', import.meta.url));

describe('el hilo de lectura en el paquete de npm start', () => {
  it('servidor.mjs encuentra plan-xlsx.worker.mjs a su lado y lee con él', { timeout: 60_000 }, () => {
    // Inside the project, so the bundle finds node_modules (packages stay external, as in scripts/iniciar.mjs).
    const dist = mkdtempSync(join(raiz, '.prueba-dist-'));
    try {
      const esbuild = spawnSync(
        join(raiz, 'node_modules', '.bin', 'esbuild'),
        argumentosEsbuild(
          {
            servidor: join('src', 'modules', 'excel', 'leer-en-hilo.ts'),
            'plan-xlsx.worker': ENTRADAS['plan-xlsx.worker']!,
          },
          dist,
        ),
        { cwd: raiz, encoding: 'utf8' },
      );
      expect(esbuild.status, esbuild.stderr).toBe(0);
      const codigo = `
        import ExcelJS from 'exceljs';
        import { leerLibroPlanEnHilo } from ${JSON.stringify(pathToFileURL(join(dist, 'servidor.mjs')).href)};
        const libro = new ExcelJS.Workbook();
        libro.addWorksheet('Plan de acción').getCell('XFD1').value = 'x';
        const r = await leerLibroPlanEnHilo(Buffer.from(await libro.xlsx.writeBuffer()));
        console.log(JSON.stringify(r));`;
      const node = spawnSync(process.execPath, ['--input-type=module', '-e', codigo], {
        cwd: raiz,
        encoding: 'utf8',
      });
      expect(node.status, node.stderr).toBe(0);
      expect(JSON.parse(node.stdout)).toMatchObject({ ok: false, status: 413 });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
