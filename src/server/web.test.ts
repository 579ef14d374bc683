// The built web app on a slow connection: compressed copies chosen by Accept-Encoding, hashed assets cached
// for good. Skipped when web/dist was not built (CI builds it before npm test).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { construirApp } from './app.ts';
import { type BasePrueba, crearBasePrueba } from './prueba.ts';
import { CARPETA_WEB } from './rutas.ts';

const construida = existsSync(join(CARPETA_WEB, 'index.html'));
let base: BasePrueba;
let app: Awaited<ReturnType<typeof construirApp>>;
beforeAll(async () => {
  if (!construida) return;
  base = await crearBasePrueba();
  app = await construirApp({ conexion: base.conexion, dataDir: base.dataDir, servirWeb: true });
});
afterAll(async () => {
  await app?.close();
  await base?.cerrar();
});

describe.skipIf(!construida)('la aplicación web servida', () => {
  it('el JavaScript viaja comprimido con brotli o gzip, según lo que acepte el navegador, y se guarda para siempre', async () => {
    const js = readdirSync(join(CARPETA_WEB, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;
    const url = `/assets/${js}`;
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plano = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plano.headers['content-encoding']).toBeUndefined();
    expect(br.rawPayload.length).toBeLessThan(plano.rawPayload.length / 2);
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    // The copies made at build time go out as they are: the on-the-fly compression of JSON leaves them alone.
    expect(br.rawPayload.equals(readFileSync(join(CARPETA_WEB, 'assets', `${js}.br`)))).toBe(true);
    expect(gz.rawPayload.equals(readFileSync(join(CARPETA_WEB, 'assets', `${js}.gz`)))).toBe(true);
  });

  it('la página de entrada no se guarda por un año: una versión nueva se ve al recargar', async () => {
    const r = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).not.toContain('immutable');
  });
});
