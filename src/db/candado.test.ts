import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tomarCandado } from './candado.ts';

const carpetas: string[] = [];
const carpeta = () => {
  const c = mkdtempSync(join(tmpdir(), 'mipg-candado-'));
  carpetas.push(c);
  return c;
};
afterEach(() => {
  for (const c of carpetas.splice(0)) rmSync(c, { recursive: true, force: true });
});

describe.skipIf(process.env.MIPG_TEST_DB === 'postgres')('candado de la base embebida', () => {
  it('un segundo uso de la misma carpeta se rechaza en español hasta que el primero la suelta', () => {
    const c = carpeta();
    const soltar = tomarCandado(c);
    expect(() => tomarCandado(c)).toThrow(/está en uso por otro proceso de MIPG Abierto \(pid \d+\)/);
    soltar();
    expect(existsSync(join(c, 'mipg.pid'))).toBe(false);
    tomarCandado(c)();
  });

  it('otro proceso vivo la bloquea; el candado de un proceso muerto se recupera', async () => {
    const c = carpeta();
    const otro = spawn('sleep', ['30']);
    writeFileSync(join(c, 'mipg.pid'), String(otro.pid));
    expect(() => tomarCandado(c)).toThrow(`pid ${otro.pid}`);
    otro.kill();
    await new Promise((r) => otro.once('exit', r));
    const soltar = tomarCandado(c);
    soltar();
  });
});
