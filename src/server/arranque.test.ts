// Start-up failures a new user can cause: each gets a Spanish message and a non-zero exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Async (never spawnSync: a blocked worker cannot time out) and killed after 30 s. */
function arrancar(env: Record<string, string>): Promise<{ codigo: number | null; salida: string }> {
  return new Promise((ok) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, HOST: '127.0.0.1', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let salida = '';
    p.stdout.on('data', (d) => (salida += d));
    p.stderr.on('data', (d) => (salida += d));
    const limite = setTimeout(() => p.kill('SIGKILL'), 30_000);
    p.on('exit', (codigo) => {
      clearTimeout(limite);
      ok({ codigo, salida });
    });
  });
}

describe.skipIf(process.env.MIPG_TEST_DB === 'postgres')('errores de arranque', () => {
  it('una DATABASE_URL que no responde', async () => {
    const r = await arrancar({ DATABASE_URL: 'postgres://nadie@127.0.0.1:1/nada', PORT: '0' });
    expect(r.codigo).toBe(1);
    expect(r.salida).toContain(
      'No fue posible conectarse a la base de datos PostgreSQL indicada en DATABASE_URL',
    );
  });

  it('una carpeta de datos en la que no se puede escribir', async () => {
    // Root ignores permissions, so use a path under a regular file: no user can create it.
    const dir = mkdtempSync(join(tmpdir(), 'mipg-archivo-'));
    const archivo = join(dir, 'soy-un-archivo');
    writeFileSync(archivo, 'x');
    try {
      const r = await arrancar({ MIPG_DATA_DIR: join(archivo, 'datos'), PORT: '0' });
      expect(r.codigo).toBe(1);
      expect(r.salida).toContain('No se puede escribir en la carpeta de datos');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('un puerto ocupado', async () => {
    const ocupado = createServer();
    await new Promise<void>((ok) => ocupado.listen(0, '127.0.0.1', ok));
    const { port } = ocupado.address() as { port: number };
    const dataDir = mkdtempSync(join(tmpdir(), 'mipg-puerto-'));
    try {
      const r = await arrancar({ MIPG_DATA_DIR: dataDir, PORT: String(port) });
      expect(r.codigo).toBe(1);
      expect(r.salida).toContain(`el puerto ${port} ya está en uso`);
    } finally {
      ocupado.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('un PORT que no es número', async () => {
    const r = await arrancar({ PORT: 'tres mil' });
    expect(r.codigo).toBe(1);
    expect(r.salida).toContain('La variable PORT debe ser un número de puerto');
  });
});
