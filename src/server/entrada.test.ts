// Input that no person means to send and no table can store: refused once, in Spanish, before any route runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { construirApp } from './app.ts';
import { leerConfianzaProxy } from './config.ts';
import { errorParaRegistro } from './errores.ts';
import { type AppPrueba, crearAppPrueba } from './prueba.ts';

let t: AppPrueba;
let entidadId: string;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
});
afterAll(() => t.cerrar());

// Written as JSON text: JSON.stringify would escape a lone surrogate as the same \ud800 escape anyway.
const crudo = (method: 'POST' | 'PUT', url: string, json: string) =>
  t.app.inject({
    method,
    url,
    payload: json,
    headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'application/json' },
  });

describe('texto que no se puede guardar', () => {
  it.each([
    ['carácter nulo', '{"nombre":"Talento\\u0000Humano"}', 'nombre', 'carácter nulo'],
    ['sustituto suelto', '{"nombre":"Talento \\ud800 Humano"}', 'nombre', 'Unicode incompleto'],
    ['sustituto bajo al final', '{"nombre":"Talento Humano\\udfff"}', 'nombre', 'Unicode incompleto'],
    ['nulo en el nombre de un campo', '{"nombre":"Talento Humano","x\\u0000":1}', 'x\u0000', 'carácter nulo'],
  ])('%s en el cuerpo: 400 que nombra el campo, nada escrito', async (_caso, json, campo, mensaje) => {
    const r = await crudo('POST', `/api/entidades/${entidadId}/dependencias`, json);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      error: 'validacion',
      campos: [{ campo, mensaje: expect.stringContaining(mensaje) }],
    });
    const deps = (await t.pedir(t.admin, 'GET', `/api/entidades/${entidadId}/dependencias`)).json();
    expect(JSON.stringify(deps)).not.toContain('Talento');
  });

  it('un nulo en un parámetro de consulta o de ruta', async () => {
    const q = await t.pedir(t.admin, 'GET', `/api/entidades/${entidadId}/auditoria?usuario=a%00b`);
    expect(q.statusCode).toBe(400);
    expect(q.json().campos[0].campo).toBe('parámetro usuario');
    const p = await t.pedir(t.admin, 'GET', `/api/entidades/${entidadId}%00/dependencias`);
    expect(p.statusCode).toBe(400);
    expect(p.json().campos[0].campo).toBe('ruta entidadId');
  });

  it('un cuerpo anidado a gran profundidad da 400, no agota la pila', async () => {
    const json = `{"nombre":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const r = await crudo('POST', `/api/entidades/${entidadId}/dependencias`, json);
    expect(r.statusCode).toBe(400);
    expect(r.json().mensaje).toContain('niveles de anidación');
  });
});

describe('direcciones que el enrutador no acepta', () => {
  it.each([
    ['un dato de más de 100 caracteres', `/api/entidades/${'9'.repeat(150)}`, 414, 'demasiado largo'],
    ['un carácter mal codificado', '/api/entidades/%E0%A4%A', 400, 'mal codificado'],
  ])('%s: error en español con el contrato de siempre', async (_caso, url, estado, mensaje) => {
    const r = await t.pedir(t.admin, 'GET', url);
    expect(r.statusCode).toBe(estado);
    expect(r.json()).toEqual({ error: 'solicitud', mensaje: expect.stringContaining(mensaje) });
  });
});

describe('fechas fuera de lo posible', () => {
  it('la ventana de un periodo que cierra en 9999 se rechaza y el año sigue funcionando', async () => {
    const url = `/api/entidades/${entidadId}/vigencias/2026/periodos/1`;
    const r = await t.pedir(t.admin, 'PUT', url, { abre: '2026-04-01', cierra: '9999-12-31' });
    expect(r.statusCode).toBe(400);
    expect(r.json().campos[0]).toMatchObject({
      campo: 'cierra',
      mensaje: 'la fecha debe estar entre el 01/01/2000 y el 31/12/2100',
    });
    expect((await t.pedir(t.admin, 'GET', `/api/entidades/${entidadId}/vigencias/2026`)).statusCode).toBe(
      200,
    );
  });
});

describe('la bitácora del servidor no guarda secretos', () => {
  it('un error de consulta se registra sin sus parámetros', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
    const err = Object.assign(new Error(`Failed query: insert into usuario values ($1)\nparams: ${hash}`), {
      query: 'insert into usuario values ($1)',
      params: [hash],
      cause: { code: '23505', message: 'duplicate key' },
    });
    const registro = JSON.stringify(errorParaRegistro(err));
    expect(registro).not.toContain('argon2');
    expect(registro).toContain('insert into usuario');
    expect(registro).toContain('23505');
  });
});

describe('MIPG_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['1', 1],
    ['127.0.0.1, 10.0.0.0/8', ['127.0.0.1', '10.0.0.0/8']],
    ['loopback', ['loopback']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('«%s» → %j', (valor, esperado) => {
    expect(leerConfianzaProxy(valor)).toEqual(esperado);
  });

  it.each(['true', 'cualquiera', '10.0.0.0/40', '300.1.1.1', '99'])('«%s» se rechaza en español', (valor) => {
    expect(() => leerConfianzaProxy(valor)).toThrow(/MIPG_TRUST_PROXY/);
  });

  it('con el proxy configurado, la dirección viene de X-Forwarded-For solo si la envía ese proxy', async () => {
    const app = await construirApp({
      conexion: t.conexion,
      dataDir: t.dataDir,
      confiarEnProxy: ['10.9.0.1'],
    });
    app.get('/api/prueba-ip', { config: { acceso: 'publico' } }, async (request) => ({ ip: request.ip }));
    await app.ready();
    const ip = async (remoteAddress: string) =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/prueba-ip',
          remoteAddress,
          headers: { 'x-forwarded-for': '198.51.100.7' },
        })
      ).json().ip;
    expect(await ip('10.9.0.1')).toBe('198.51.100.7');
    expect(await ip('10.9.0.2')).toBe('10.9.0.2');
    await app.close();
  });
});
