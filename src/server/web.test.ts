// The built web app on a slow connection: compressed copies chosen by Accept-Encoding, hashed assets cached
// for good. Skipped when web/dist was not built (CI builds it before npm test).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crearAdministrador } from '../modules/usuarios/administrador.service.ts';
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

  it('los archivos de la compilación salen de memoria con las mismas cabeceras de seguridad; lo demás sigue su camino', async () => {
    const archivos = readdirSync(join(CARPETA_WEB, 'assets'));
    const leer = (f: string) => readFileSync(join(CARPETA_WEB, 'assets', f));
    const css = archivos.find((f) => f.endsWith('.css') && archivos.includes(`${f}.br`))!;
    const url = `/assets/${css}`;
    const r = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0.5, br;q=0' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.rawPayload.equals(leer(`${css}.gz`))).toBe(true);
    expect(r.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(r.headers.vary).toBe('accept-encoding');
    // helmet's headers, as on every other answer.
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(Number(r.headers['content-length'])).toBe(r.rawPayload.length);
    // Without Accept-Encoding, the file as it is; HEAD, its headers only.
    const plano = await app.inject({ method: 'GET', url });
    expect(plano.headers['content-encoding']).toBeUndefined();
    expect(plano.rawPayload.equals(leer(css))).toBe(true);
    const cabeza = await app.inject({ method: 'HEAD', url, headers: { 'accept-encoding': 'br' } });
    expect(cabeza.statusCode).toBe(200);
    expect(cabeza.rawPayload.length).toBe(0);
    expect(Number(cabeza.headers['content-length'])).toBe(leer(`${css}.br`).length);
    // A file too small for compressed copies goes as it is whatever the browser accepts; a font, with its type.
    const pequeno = archivos.find((f) => f.endsWith('.js') && !archivos.includes(`${f}.br`))!;
    const p = await app.inject({
      method: 'GET',
      url: `/assets/${pequeno}`,
      headers: { 'accept-encoding': 'br' },
    });
    expect([p.statusCode, p.headers['content-encoding']]).toEqual([200, undefined]);
    expect(p.rawPayload.equals(leer(pequeno))).toBe(true);
    const fuente = archivos.find((f) => f.endsWith('.woff2'))!;
    expect((await app.inject({ method: 'GET', url: `/assets/${fuente}` })).headers['content-type']).toBe(
      'font/woff2',
    );
  });

  it('cada copia de un archivo tiene su validador; un 304 no dice nada del cuerpo', async () => {
    const archivos = readdirSync(join(CARPETA_WEB, 'assets'));
    const css = archivos.find((f) => f.endsWith('.css') && archivos.includes(`${f}.br`))!;
    const url = `/assets/${css}`;
    const pedir = (encoding: string, siNo?: string) =>
      app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': encoding, ...(siNo && { 'if-none-match': siNo }) },
      });
    // The name carries the content's hash: a strong validator, one per encoding (RFC 9110 §8.8.3).
    expect((await pedir('br')).headers.etag).toBe(`"${css}.br"`);
    expect((await pedir('gzip')).headers.etag).toBe(`"${css}.gz"`);
    expect((await pedir('identity')).headers.etag).toBe(`"${css}"`);
    const igual = await pedir('gzip', `"${css}.gz"`);
    expect(igual.statusCode).toBe(304);
    expect(igual.rawPayload.length).toBe(0);
    expect(igual.headers['content-encoding']).toBeUndefined();
    expect(igual.headers['content-type']).toBeUndefined();
    // Weak comparison: a list, a weak tag or «*» match too; the validator of another copy does not.
    expect((await pedir('gzip', `"otro", W/"${css}.gz"`)).statusCode).toBe(304);
    expect((await pedir('gzip', '*')).statusCode).toBe(304);
    expect((await pedir('gzip', `"${css}.br"`)).statusCode).toBe(200);
    // What is not a file of the build goes on as before: a name not there, the same with a query (served
    // by @fastify/static, with its own weak validator), a POST.
    const otro = await app.inject({ method: 'GET', url: '/assets/no-existe.js' });
    expect(otro.headers['cache-control']).not.toBe('public, max-age=31536000, immutable');
    const conConsulta = await app.inject({ method: 'GET', url: `${url}?v=2` });
    expect(conConsulta.statusCode).toBe(200);
    expect(conConsulta.headers.etag).toMatch(/^W\//);
    const post = await app.inject({ method: 'POST', url, payload: {} });
    expect(post.statusCode).toBeGreaterThanOrEqual(400);
    expect(post.statusCode).toBeLessThan(500);
  });

  it('cada script, salvo los que traen ECharts, pide a V8 compilarse mientras se descarga, también comprimido', () => {
    const carpeta = join(CARPETA_WEB, 'assets');
    const leer = (f: string) => readFileSync(join(carpeta, f));
    const scripts = new Map(
      readdirSync(carpeta)
        .filter((f) => f.endsWith('.js'))
        .map((f) => [f, leer(f)]),
    );
    const nombres = [...scripts.keys()];
    // The hint only counts as the file's first line (web/pistas-compilacion.ts).
    const sin = nombres.filter(
      (f) => !scripts.get(f)!.toString('utf8').startsWith('//# allFunctionsCalledOnLoad\n'),
    );
    // Exactly ECharts' own file and the files that carry some of its modules (they import it at the top); not
    // a page that only imports it when it draws a chart.
    const echarts = nombres.find((f) => scripts.get(f)!.includes('zrender'));
    const traeEcharts = (f: string) =>
      f === echarts ||
      /^(?:import[^;]*;)*/.exec(scripts.get(f)!.toString('utf8'))![0].includes(`"./${echarts}"`);
    expect(sin.sort()).toEqual(nombres.filter(traeEcharts).sort());
    expect(sin.length).toBeLessThan(nombres.length / 10);
    // Every compressed copy is its file, hint included.
    for (const [f, datos] of scripts) {
      if (!existsSync(join(carpeta, `${f}.br`))) continue;
      expect(brotliDecompressSync(leer(`${f}.br`)).equals(datos)).toBe(true);
      expect(gunzipSync(leer(`${f}.gz`)).equals(datos)).toBe(true);
    }
  });

  it('la página de entrada no se guarda por un año: una versión nueva se ve al recargar', async () => {
    const r = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).not.toContain('immutable');
  });
});

describe.skipIf(!construida)('el primer trazo de la página llega con el HTML', () => {
  const raiz = (html: string) =>
    /<div id="esqueleto"[^>]*>([\s\S]*)<\/div><div id="raiz"><\/div>/.exec(html)?.[1] ?? '';
  it('sin sesión, cualquier dirección de la plataforma trae el formulario de ingreso, sin JavaScript', async () => {
    for (const url of ['/', '/tablero?vigencia=2026&periodo=2']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      expect(r.headers.vary).toContain('Cookie');
      expect(r.body).toContain('<title>Ingresar — MIPG Abierto</title>');
      expect(r.body).toContain('<h1 class="titulo-pagina">Ingresar</h1>');
      expect(r.body).toContain('action="/ingresar" method="post"');
      // The form goes on to the address asked for, written as HTML.
      expect(r.body).toContain(`name="destino" value="${url.replaceAll('&', '&amp;')}"`);
      // Nothing of the web app: no script, no module, no question to the API, no «needs JavaScript» notice.
      expect(r.body).not.toMatch(/<script|modulepreload|href="\/api\/|<noscript|__[A-Z]+__/);
      expect(r.body).toContain('rel="stylesheet"');
    }
    // On a platform without an administrator the page already says how to create one.
    const ingreso = await app.inject({ method: 'GET', url: '/' });
    const { sinAdministrador } = (await app.inject({ method: 'GET', url: '/api/plataforma/estado' })).json();
    expect(ingreso.body.includes('Falta crear el administrador de la plataforma')).toBe(sinAdministrador);
    // The password pages are the web app's, bare.
    const publica = await app.inject({ method: 'GET', url: '/olvide-clave' });
    expect(raiz(publica.body)).toBe('');
    expect(publica.body).toContain('<script type="module"');
  });

  it('con sesión, el tablero trae su título con la vigencia de la dirección o la de este año', async () => {
    const headers = { cookie: 'mipg_sesion=abc' };
    const conVigencia = await app.inject({ method: 'GET', url: '/tablero?vigencia=2025&periodo=2', headers });
    expect(raiz(conVigencia.body)).toContain('Tablero de avance 2025</h1>');
    expect(conVigencia.body).toContain('data-clave="tablero"');
    const sinVigencia = await app.inject({ method: 'GET', url: '/tablero?vigencia=%3Cb%3E', headers });
    expect(raiz(sinVigencia.body)).toContain(`Tablero de avance ${new Date().getFullYear()}</h1>`);
    // A page without a first paint of its own (the home page greets by name) gets the bare page.
    const inicio = await app.inject({ method: 'GET', url: '/', headers });
    expect(raiz(inicio.body)).toBe('');
  });

  it('el tamaño de letra y el alto contraste elegidos llegan en el HTML, sin que la página salte al cargar', async () => {
    const html = (r: { body: string }) => /<html[^>]*>/.exec(r.body)?.[0];
    const normal = await app.inject({
      method: 'GET',
      url: '/tablero',
      headers: { cookie: 'mipg_sesion=abc' },
    });
    expect(html(normal)).toBe('<html lang="es-CO" data-mantine-color-scheme="light">');
    const elegido = await app.inject({
      method: 'GET',
      url: '/tablero',
      headers: { cookie: 'mipg_sesion=abc; mipg_tamano=150; mipg_contraste=1' },
    });
    expect(html(elegido)).toBe(
      '<html lang="es-CO" style="font-size:150%" data-contraste="alto" data-mantine-color-scheme="light">',
    );
    // The same first paint, only the <html> changes; a hand-made value is ignored.
    expect(elegido.body.replace(html(elegido)!, '')).toBe(normal.body.replace(html(normal)!, ''));
    const inventado = await app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: 'mipg_tamano=1%22onload%3D1' },
    });
    expect(html(inventado)).toBe('<html lang="es-CO" data-mantine-color-scheme="light">');
  });

  it('cualquier cantidad de variantes (año, letra, contraste) se sirve bien, también las que ya salieron de la memoria', async () => {
    const pedir = (vigencia: number, tamano: number) =>
      app.inject({
        method: 'GET',
        url: `/tablero?vigencia=${vigencia}`,
        headers: { cookie: `mipg_sesion=abc; mipg_tamano=${tamano}`, 'accept-encoding': 'br' },
      });
    for (let v = 2000; v <= 2100; v++) expect((await pedir(v, v % 2 ? 125 : 150)).statusCode).toBe(200);
    const primera = await app.inject({
      method: 'GET',
      url: '/tablero?vigencia=2000',
      headers: { cookie: 'mipg_sesion=abc; mipg_tamano=150' },
    });
    expect(raiz(primera.body)).toContain('Tablero de avance 2000</h1>');
    expect(primera.body).toContain('<html lang="es-CO" style="font-size:150%"');
  });

  it('el aviso de primer arranque se va de la página de ingreso en cuanto existe el administrador', async () => {
    // Its own platform: creating the administrator must not change what the other tests read.
    const propia = await crearBasePrueba();
    const otra = await construirApp({ conexion: propia.conexion, dataDir: propia.dataDir, servirWeb: true });
    try {
      const aviso = 'Falta crear el administrador de la plataforma';
      expect((await otra.inject({ method: 'GET', url: '/' })).body).toContain(aviso);
      await crearAdministrador(propia.conexion, 'admin@plataforma.example', 'Putumayo2026');
      expect((await otra.inject({ method: 'GET', url: '/' })).body).not.toContain(aviso);
      expect((await otra.inject({ method: 'GET', url: '/plan' })).body).not.toContain(aviso);
    } finally {
      await otra.close();
      await propia.cerrar();
    }
  });

  it('el HTML viaja comprimido', async () => {
    const r = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'br' } });
    expect(r.headers['content-encoding']).toBe('br');
  });
});
