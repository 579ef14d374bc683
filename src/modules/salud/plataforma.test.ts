import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESTADOS_PLAN } from '../../core/flujo-plan.ts';
import { ESTADOS_SEGUIMIENTO } from '../../core/seguimiento.ts';
import { construirApp } from '../../server/app.ts';
import { leerConfig } from '../../server/config.ts';
import { type AppPrueba, type BasePrueba, crearAppPrueba, crearBasePrueba } from '../../server/prueba.ts';
import { prepararAdministrador } from '../usuarios/administrador.service.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

describe('contrato de la plataforma', () => {
  it('GET /api/health dice el estado, la base y la versión', async () => {
    const r = await t.pedir(null, 'GET', '/api/health');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      status: 'ok',
      db: process.env.MIPG_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('el documento OpenAPI describe cada ruta de la API', async () => {
    const doc = (await t.pedir(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const ruta of t.app.rutasApi) {
      // The public page's stylesheet is a static file, not part of the API.
      if (ruta.url === '/api/openapi.json' || ruta.url.startsWith('/publico/estilos/')) continue;
      const camino = ruta.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[camino]?.[ruta.method.toLowerCase()], `${ruta.method} ${camino}`).toBeDefined();
    }
    expect((await t.pedir(null, 'GET', '/api/docs/')).statusCode).toBe(200);
  });

  it('el documento conserva los componentes del contrato y publica los estados como listas cerradas', async () => {
    const doc = (await t.pedir(null, 'GET', '/api/openapi.json')).json();
    const componentes = doc.components.schemas;
    for (const id of [
      'Actividad',
      'Catalogo',
      'Dependencia',
      'Entidad',
      'Error',
      'FilaSeguimiento',
      'Indicador',
      'InvitacionEnviada',
      'PaginaAuditoria',
      'PlanAccion',
      'ResponsablePolitica',
      'ResponsablePoliticaConNombres',
      'Sesion',
      'Tablero',
      'UsuarioEntidad',
      'VerificacionAuditoria',
      'VerificacionAuditoriaEntidad',
      'VigenciaEntidad',
    ])
      expect(componentes[id], id).toBeDefined();
    expect(JSON.stringify(componentes.PlanAccion)).toContain(JSON.stringify(ESTADOS_PLAN));
    expect(JSON.stringify(componentes.FilaSeguimiento)).toContain(JSON.stringify(ESTADOS_SEGUIMIENTO));
  });

  it('una ruta inexistente responde 404 en español', async () => {
    const r = await t.pedir(null, 'GET', '/api/nada');
    expect(r.statusCode).toBe(404);
    expect(r.json().mensaje).toBe('La ruta GET /api/nada no existe.');
  });

  it('un cuerpo que no es JSON no produce un 500', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(r.json().mensaje).toMatch(/solicitud|JSON/);
  });
});

describe('configuración inicial sin variables de entorno', () => {
  let base: BasePrueba;
  beforeAll(async () => {
    base = await crearBasePrueba();
  });
  afterAll(() => base.cerrar());

  it('el enlace de un solo uso crea el administrador y deja de servir', async () => {
    const config = { ...leerConfig({}), dataDir: base.dataDir };
    const enlace = await prepararAdministrador(base.conexion, config);
    expect(enlace).toMatch(/^\/configuracion-inicial\?token=[\w-]{20,}$/);
    const token = new URL(enlace!, 'http://x').searchParams.get('token')!;
    const app = await construirApp({ conexion: base.conexion, dataDir: base.dataDir });
    const datos = { token, nombre: 'Diana Rosero', correo: 'diana@entidad.example', clave: 'Putumayo2026' };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/configuracion-inicial',
          payload: { ...datos, token: 'otro' },
        })
      ).statusCode,
    ).toBe(403);
    const debil = await app.inject({
      method: 'POST',
      url: '/api/configuracion-inicial',
      payload: { ...datos, clave: 'corta' },
    });
    expect(debil.statusCode).toBe(400);
    expect(debil.json().campos[0].campo).toBe('clave');
    // The form's own rule, the same in the browser (src/contrato/clave.ts): letters and digits.
    const sinNumeros = await app.inject({
      method: 'POST',
      url: '/api/configuracion-inicial',
      payload: { ...datos, clave: 'SoloLetrasLargas' },
    });
    expect(sinNumeros.statusCode).toBe(400);
    expect(sinNumeros.json().campos[0]).toMatchObject({
      campo: 'clave',
      mensaje: expect.stringContaining('combinar letras y números'),
    });
    expect(
      (await app.inject({ method: 'POST', url: '/api/configuracion-inicial', payload: datos })).statusCode,
    ).toBe(201);
    const otraVez = await app.inject({ method: 'POST', url: '/api/configuracion-inicial', payload: datos });
    expect(otraVez.statusCode).toBe(403);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: datos.correo, password: datos.clave },
    });
    expect(login.json().usuario.adminPlataforma).toBe(true);
    expect(await prepararAdministrador(base.conexion, config)).toBeNull();
    await app.close();
  });
});
