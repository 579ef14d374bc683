// The login page without JavaScript, as a browser uses it: a form posted as application/x-www-form-urlencoded.
// Skipped when web/dist was not built (CI builds it before npm test): the page is drawn by the web's build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, CLAVE_PRUEBA, crearAppPrueba } from '../../server/prueba.ts';
import { CARPETA_WEB } from '../../server/rutas.ts';

const construida = existsSync(join(CARPETA_WEB, 'esqueletos.json'));
let t: AppPrueba;
let ip = 0;
beforeAll(async () => {
  if (!construida) return;
  t = await crearAppPrueba({ servirWeb: true });
  const entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  await t.usuarioCon(entidadId, ['planeacion'], 'ana@prueba.example');
});
afterAll(() => t?.cerrar());

/** A form sent by a browser from this site (its own address each, apart from the rate limit's tests). */
const enviar = (
  url: string,
  campos: Record<string, string>,
  headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' },
) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(campos).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    remoteAddress: `127.2.0.${++ip}`,
  });
/** Ana signs in with the right password, going on to `destino`. */
const ingresarHacia = (destino: string) =>
  enviar('/ingresar', { email: 'ana@prueba.example', password: CLAVE_PRUEBA, destino });
const alerta = (html: string) => /role="alert"[\s\S]*?Alert-message[^>]*>([^<]*)</.exec(html)?.[1];

describe.skipIf(!construida)('ingresar sin JavaScript', () => {
  it('con la clave correcta da la sesión y lleva a la dirección que se pidió', async () => {
    const r = await enviar('/ingresar', {
      email: ' ANA@prueba.example ',
      password: CLAVE_PRUEBA,
      destino: '/tablero?vigencia=2026&periodo=2',
    });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/tablero?vigencia=2026&periodo=2');
    const cookie = r.cookies.find((c) => c.name === 'mipg_sesion')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const sesion = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sesion',
      headers: { cookie: `mipg_sesion=${cookie.value}` },
    });
    expect(sesion.json().usuario.correo).toBe('ana@prueba.example');
    // With the session the same address is the web app's.
    const pagina = await t.app.inject({
      method: 'GET',
      url: '/tablero?vigencia=2026',
      headers: { cookie: `mipg_sesion=${cookie.value}` },
    });
    expect(pagina.body).toContain('<script type="module"');
  });

  it('con la clave errada vuelve la página con el motivo, el correo escrito y sin la clave', async () => {
    const r = await enviar('/ingresar', {
      email: 'ana@prueba.example',
      password: 'NoEsLaClave-77',
      destino: '/plan',
    });
    expect(r.statusCode).toBe(401);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.cookies).toHaveLength(0);
    expect(alerta(r.body)).toBe('Correo o contraseña incorrectos.');
    expect(r.body).toContain('value="ana@prueba.example"');
    expect(r.body).not.toContain('NoEsLaClave-77');
    expect(r.body).toContain('name="destino" value="/plan"');
    // The tab's title and the focus go to the reason first.
    expect(r.body).toContain('<title>No se pudo ingresar — MIPG Abierto</title>');
    expect(r.body).toMatch(/autofocus=""[^>]*role="alert"/);
  });

  it('vacío: nombra cada campo por su etiqueta, en español', async () => {
    const r = await enviar('/ingresar', { email: '', password: '' });
    expect(r.statusCode).toBe(400);
    expect(alerta(r.body)).toBe(
      'Revise los datos: «Correo electrónico»: escriba un correo electrónico válido; «Contraseña»: escriba la contraseña.',
    );
  });

  it('lo escrito vuelve como texto, nunca como HTML ni como una marca de la plantilla', async () => {
    const r = await enviar('/ingresar', {
      email: '"><script>alert(1)</script>__DESTINO__',
      password: 'x',
      destino: '/"><b>',
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).not.toMatch(/<script|<b>/);
    expect(r.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;__DESTINO__"');
    // The address goes back as the browser would ask for it: percent-encoded.
    expect(r.body).toContain('name="destino" value="/%22%3E%3Cb%3E"');
  });

  it.each([['https://otro.example/'], ['//otro.example/'], ['/\\otro.example'], ['/api/auth/sesion']])(
    'un destino fuera de la plataforma (%s) lleva al inicio',
    async (destino) => {
      const r = await ingresarHacia(destino);
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/');
    },
  );

  it('un formulario enviado desde otro sitio no inicia sesión (CSRF de ingreso)', async () => {
    const ajenos: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://otro.example' },
      { origin: 'no es una dirección' },
    ];
    for (const headers of ajenos) {
      const r = await enviar('/ingresar', { email: 'ana@prueba.example', password: CLAVE_PRUEBA }, headers);
      expect(r.statusCode).toBe(403);
      expect(r.cookies).toHaveLength(0);
      expect(alerta(r.body)).toBe('El formulario llegó desde otro sitio. Ingrese desde esta página.');
    }
    // «Origin: null» is what a forged form in a sandboxed frame sends, from a browser without Sec-Fetch-Site.
    const nulo = await enviar(
      '/ingresar',
      { email: 'ana@prueba.example', password: CLAVE_PRUEBA },
      { origin: 'null' },
    );
    expect(nulo.statusCode).toBe(403);
    // The login page goes out asking the browser to say its real origin with its forms; that one is let in.
    const pagina = await t.app.inject({ method: 'GET', url: '/' });
    expect(pagina.headers['referrer-policy']).toBe('same-origin');
    const propio = await enviar(
      '/ingresar',
      { email: 'ana@prueba.example', password: CLAVE_PRUEBA },
      { origin: 'http://localhost:80' },
    );
    expect(propio.statusCode).toBe(303);
  });

  it('un cuerpo demasiado largo o con un carácter nulo se explica en la página, sin error 500', async () => {
    const largo = await enviar('/ingresar', { email: 'a'.repeat(10_000), password: 'x' });
    expect(largo.statusCode).toBe(413);
    expect(alerta(largo.body)).toBe('Los datos enviados son demasiado largos.');
    const nulo = await enviar('/ingresar', { email: 'ana\u0000@prueba.example', password: 'x' });
    expect(nulo.statusCode).toBe(400);
    expect(alerta(nulo.body)).toContain('«Correo electrónico»');
  });

  it('tras 20 intentos en un minuto desde la misma dirección, la página pide esperar', async () => {
    // A different e-mail each time: the account lock (5 tries) is another rule, tested in bloqueo.test.ts.
    let n = 0;
    const intento = () =>
      t.app.inject({
        method: 'POST',
        url: '/ingresar',
        payload: `email=nadie${++n}%40prueba.example&password=x`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: '127.3.0.1',
      });
    for (let i = 0; i < 20; i++) expect((await intento()).statusCode).toBe(401);
    const r = await intento();
    expect(r.statusCode).toBe(429);
    expect(alerta(r.body)).toBe('Demasiados intentos seguidos. Espere un minuto e inténtelo de nuevo.');
  });
});

describe.skipIf(!construida)('la barra de accesibilidad sin JavaScript', () => {
  it('cada botón guarda la elección en cookies y vuelve a la misma página, ya con ella', async () => {
    const r = await enviar('/preferencias', { accion: 'mas', volver: '/plan?vigencia=2026' });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/plan?vigencia=2026');
    const cookies = Object.fromEntries(r.cookies.map((c) => [c.name, c.value]));
    expect(cookies).toEqual({ mipg_tamano: '112.5', mipg_contraste: '0' });
    const pagina = await t.app.inject({
      method: 'GET',
      url: '/plan?vigencia=2026',
      headers: { cookie: 'mipg_tamano=112.5; mipg_contraste=1' },
    });
    expect(pagina.body).toContain('<html lang="es-CO" style="font-size:112.5%" data-contraste="alto"');
    // The bar says what is chosen: contrast pressed.
    expect(pagina.body).toMatch(/value="contraste" aria-pressed="true"/);
    const menos = await t.app.inject({
      method: 'POST',
      url: '/preferencias',
      payload: 'accion=menos&volver=%2F',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: 'mipg_tamano=112.5; mipg_contraste=1',
      },
    });
    expect(Object.fromEntries(menos.cookies.map((c) => [c.name, c.value]))).toEqual({
      mipg_tamano: '100',
      mipg_contraste: '1',
    });
  });

  it('una dirección de vuelta con tildes o símbolos vuelve codificada, sin error', async () => {
    const r = await enviar('/preferencias', { accion: 'mas', volver: '/plan?buscar=acción €' });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/plan?buscar=acci%C3%B3n%20%E2%82%AC');
    const ingreso = await ingresarHacia('/€');
    expect(ingreso.statusCode).toBe(303);
    expect(ingreso.headers.location).toBe('/%E2%82%AC');
  });

  it('un cuerpo de otro tipo o demasiado largo no deja a la persona ante un JSON', async () => {
    const otro = await t.app.inject({
      method: 'POST',
      url: '/preferencias',
      payload: 'accion=mas',
      headers: { 'content-type': 'text/plain' },
    });
    expect(otro.statusCode).toBe(303);
    expect(otro.headers.location).toBe('/');
    const largo = await enviar('/preferencias', { accion: 'mas', volver: `/${'a'.repeat(10_000)}` });
    expect(largo.statusCode).toBe(303);
    expect(largo.cookies).toHaveLength(0);
  });

  it('una acción desconocida, o desde otro sitio, no cambia nada; la vuelta nunca sale de la plataforma', async () => {
    const rara = await enviar('/preferencias', { accion: 'borrar', volver: '//otro.example' });
    expect(rara.statusCode).toBe(303);
    expect(rara.headers.location).toBe('/');
    expect(rara.cookies).toHaveLength(0);
    const ajena = await enviar('/preferencias', { accion: 'mas' }, { 'sec-fetch-site': 'cross-site' });
    expect(ajena.cookies).toHaveLength(0);
  });
});

describe.skipIf(!construida)('una sesión que terminó', () => {
  it('su cookie se borra al primer 401, y la página siguiente es el ingreso sin JavaScript', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sesion',
      headers: { cookie: 'mipg_sesion=una-sesion-que-ya-no-existe' },
    });
    expect(r.statusCode).toBe(401);
    const borrada = r.cookies.find((c) => c.name === 'mipg_sesion');
    expect(borrada?.value).toBe('');
    expect(borrada?.expires?.getTime()).toBeLessThan(Date.now());
  });
});
