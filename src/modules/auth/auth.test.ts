import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INTENTOS } from '../../core/bloqueo.ts';
import { usuario } from '../../db/schema.ts';
import { type AppPrueba, CLAVE_PRUEBA, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
});
afterAll(() => t.cerrar());

const login = (email: string, password: string) =>
  t.pedir(null, 'POST', '/api/auth/login', { email, password });
/** Sets a password with a set-password link's path, as the page /definir-clave does. */
const definirCon = (enlace: string, clave: string) =>
  t.pedir(null, 'POST', '/api/auth/definir-clave', {
    token: new URL(enlace, 'http://x').searchParams.get('token'),
    clave,
  });

describe('inicio de sesión', () => {
  it('da una cookie HttpOnly SameSite=Lax y la lista de entidades con roles', async () => {
    await t.usuarioCon(entidadId, ['planeacion', 'consulta'], 'ana@prueba.example');
    const r = await login('ANA@prueba.example', CLAVE_PRUEBA);
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === 'mipg_sesion')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(r.json().entidades).toEqual([
      expect.objectContaining({ id: entidadId, roles: expect.arrayContaining(['planeacion', 'consulta']) }),
    ]);
  });

  it('credenciales erradas: 401 con el mismo mensaje exista o no el correo', async () => {
    const a = await login('ana@prueba.example', 'ClaveErrada123');
    const b = await login('nadie@prueba.example', 'ClaveErrada123');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().mensaje).toBe('Correo o contraseña incorrectos.');
    expect(b.json().mensaje).toBe(a.json().mensaje);
  });

  it(`bloquea la cuenta tras ${MAX_INTENTOS} intentos fallidos, incluso con la clave correcta, y el administrador la desbloquea`, async () => {
    const victima = await t.usuarioCon(entidadId, ['consulta'], 'bloqueo@prueba.example');
    for (let i = 0; i < MAX_INTENTOS; i++)
      expect((await login('bloqueo@prueba.example', 'Incorrecta999')).statusCode).toBe(401);
    const bloqueado = await login('bloqueo@prueba.example', CLAVE_PRUEBA);
    expect(bloqueado.statusCode).toBe(423);
    expect(bloqueado.json().mensaje).toContain('el acceso está en pausa');

    const admin = await t.usuarioCon(entidadId, ['admin_entidad']);
    const lista = (await t.pedir(admin, 'GET', `/api/entidades/${entidadId}/usuarios`)).json();
    expect(lista.find((u: { id: string }) => u.id === victima.id).bloqueado).toBe(true);
    const reset = await t.pedir(
      admin,
      'POST',
      `/api/entidades/${entidadId}/usuarios/${victima.id}/restablecer-clave`,
    );
    expect(reset.statusCode).toBe(200);
    // The reset unlocks at once; the link sets the new password.
    expect((await definirCon(reset.json().enlaceClave, 'Sibundoy-Valle-2026')).statusCode).toBe(204);
    expect((await login('bloqueo@prueba.example', 'Sibundoy-Valle-2026')).statusCode).toBe(200);
  });

  it('una cuenta nueva entra solo después de definir su contraseña con el enlace de un solo uso', async () => {
    const admin = await t.usuarioCon(entidadId, ['admin_entidad']);
    const alta = await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/usuarios`, {
      nombre: 'Carlos Jamioy',
      correo: 'carlos.jamioy@prueba.example',
      roles: ['responsable_actividad'],
    });
    expect(alta.statusCode).toBe(201);
    expect(alta.body).not.toContain('claveTemporal');
    const enlace = alta.json().enlaceClave as string;

    const debil = await definirCon(enlace, 'corta');
    expect(debil.statusCode).toBe(400);
    expect(debil.json().campos[0]).toMatchObject({ campo: 'clave' });
    expect(debil.json().mensaje).toContain('al menos 10 caracteres');

    expect((await definirCon(enlace, 'Sibundoy2026')).statusCode).toBe(204);
    const s = await t.iniciarSesion('carlos.jamioy@prueba.example', 'Sibundoy2026');
    expect((await t.pedir(s, 'GET', `/api/entidades/${entidadId}`)).statusCode).toBe(200);
    expect((await definirCon(enlace, 'Sibundoy2027')).statusCode).toBe(400);
  });

  it('una cuenta marcada con contraseña temporal (versiones anteriores) solo puede cambiarla', async () => {
    const p = await t.usuarioCon(entidadId, ['consulta']);
    await t.conexion.db.update(usuario).set({ debeCambiarClave: true }).where(eq(usuario.id, p.id));
    const bloqueada = await t.pedir(p, 'GET', `/api/entidades/${entidadId}`);
    expect(bloqueada.statusCode).toBe(403);
    expect(bloqueada.json().mensaje).toContain('cambiar su contraseña temporal');
    const ok = await t.pedir(p, 'POST', '/api/auth/cambiar-clave', {
      actual: CLAVE_PRUEBA,
      nueva: 'Sibundoy2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.pedir(p, 'GET', `/api/entidades/${entidadId}`)).statusCode).toBe(200);
  });

  it('las escrituras exigen el código CSRF de la sesión', async () => {
    const admin = await t.usuarioCon(entidadId, ['admin_entidad']);
    const sinCsrf = await t.pedir(
      { cookie: admin.cookie, csrf: 'otro' },
      'POST',
      `/api/entidades/${entidadId}/dependencias`,
      {
        nombre: 'Gerencia',
      },
    );
    expect(sinCsrf.statusCode).toBe(403);
    expect(sinCsrf.json().mensaje).toContain('código de seguridad');
  });

  it('cerrar sesión invalida la cookie', async () => {
    const s = await t.usuarioCon(entidadId, ['consulta']);
    expect((await t.pedir(s, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    const r = await t.pedir(s, 'GET', '/api/auth/sesion');
    expect(r.statusCode).toBe(401);
    expect(r.json().mensaje).toContain('iniciar sesión');
  });

  it('un usuario desactivado no puede entrar', async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'inactivo@prueba.example');
    await t.conexion.db
      .update(usuario)
      .set({ activo: false })
      .where(eq(usuario.correo, 'inactivo@prueba.example'));
    expect((await login('inactivo@prueba.example', CLAVE_PRUEBA)).statusCode).toBe(401);
  });
});
