// Start-up failures a new user can cause: each gets a Spanish message and a non-zero exit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function arrancar(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { codigo: r.status, salida: r.stdout + r.stderr };
}

describe.skipIf(process.env.MIPG_TEST_DB === 'postgres')('errores de arranque', () => {
  it('una DATABASE_URL que no responde', () => {
    const r = arrancar({ DATABASE_URL: 'postgres://nadie@127.0.0.1:1/nada', PORT: '0' });
    expect(r.codigo).toBe(1);
    expect(r.salida).toContain(
      'No fue posible conectarse a la base de datos PostgreSQL indicada en DATABASE_URL',
    );
  });

  it('una carpeta de datos en la que no se puede escribir', () => {
    // Root ignores permissions, so use a path under a regular file: no user can create it.
    const dir = mkdtempSync(join(tmpdir(), 'mipg-archivo-'));
    const archivo = join(dir, 'soy-un-archivo');
    writeFileSync(archivo, 'x');
    try {
      const r = arrancar({ MIPG_DATA_DIR: join(archivo, 'datos'), PORT: '0' });
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
      const r = arrancar({ MIPG_DATA_DIR: dataDir, PORT: String(port) });
      expect(r.codigo).toBe(1);
      expect(r.salida).toContain(`el puerto ${port} ya está en uso`);
    } finally {
      ocupado.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('un PORT que no es número', () => {
    const r = arrancar({ PORT: 'tres mil' });
    expect(r.codigo).toBe(1);
    expect(r.salida).toContain('La variable PORT debe ser un número de puerto');
  });
});
