// Sessions are cached in the process for a few seconds (ADR 0009); a revoked session must still fail on its
// very next request: logout, a password change, a removed role, a deactivated account. Each case first
// uses the session twice, so the second answer came from the cache, then revokes it and tries again.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesion as tablaSesion } from '../db/schema.ts';
import { type AppPrueba, CLAVE_PRUEBA, crearAppPrueba, type Sesion } from './prueba.ts';

let t: AppPrueba;
let entidadId: string;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de las Sesiones', '846000253-6');
});
afterAll(() => t.cerrar());

const miSesion = (s: Sesion) => t.pedir(s, 'GET', '/api/auth/sesion');
const dependencias = (s: Sesion) => t.pedir(s, 'GET', `/api/entidades/${entidadId}/dependencias`);

/** Two reads that succeed: the second one is served from the process's cache. */
async function enUso(s: Sesion, leer = miSesion) {
  for (let i = 0; i < 2; i++) expect((await leer(s)).statusCode).toBe(200);
}

describe('una sesión revocada deja de servir en la siguiente solicitud', () => {
  it('al cerrar la sesión', async () => {
    const s = await t.usuarioCon(entidadId, ['consulta']);
    await enUso(s);
    await t.exigir(204, s, 'POST', '/api/auth/logout');
    expect((await miSesion(s)).statusCode).toBe(401);
    expect((await dependencias(s)).statusCode).toBe(401);
  });

  it('al cambiar la contraseña, las demás sesiones de la persona se cierran; la propia sigue', async () => {
    const s = await t.usuarioCon(entidadId, ['consulta']);
    const perfil = await t.exigir(200, s, 'GET', '/api/auth/sesion');
    const otra = await t.iniciarSesion(perfil.usuario.correo);
    await enUso(otra);
    await t.exigir(204, s, 'POST', '/api/auth/cambiar-clave', {
      actual: CLAVE_PRUEBA,
      nueva: 'Otra-Clave-Larga-2026',
    });
    expect((await miSesion(otra)).statusCode).toBe(401);
    expect((await miSesion(s)).statusCode).toBe(200);
  });

  it('al quitarle el rol en la entidad: 403 a la siguiente lectura de la entidad', async () => {
    const s = await t.usuarioCon(entidadId, ['consulta']);
    await enUso(s, dependencias);
    await t.exigir(200, t.admin, 'PUT', `/api/entidades/${entidadId}/usuarios/${s.id}/roles`, { roles: [] });
    expect((await dependencias(s)).statusCode).toBe(403);
    const perfil = (await miSesion(s)).json();
    expect(perfil.entidades).toEqual([]);
  });

  it('al cambiarle el rol: los permisos nuevos valen desde la siguiente solicitud', async () => {
    const s = await t.usuarioCon(entidadId, ['planeacion', 'consulta']);
    const usuarios = (x: Sesion) => t.pedir(x, 'GET', `/api/entidades/${entidadId}/usuarios`);
    await enUso(s, usuarios);
    await t.exigir(200, t.admin, 'PUT', `/api/entidades/${entidadId}/usuarios/${s.id}/roles`, {
      roles: ['consulta'],
    });
    expect((await usuarios(s)).statusCode).toBe(403);
    expect((await dependencias(s)).statusCode).toBe(200);
  });

  it('al desactivar la cuenta', async () => {
    const s = await t.usuarioCon(entidadId, ['consulta']);
    await enUso(s);
    const { usuario } = (await miSesion(s)).json();
    await t.exigir(200, t.admin, 'PUT', `/api/entidades/${entidadId}/usuarios/${s.id}`, {
      nombre: usuario.nombre,
      correo: usuario.correo,
      cargo: null,
      activo: false,
    });
    expect((await miSesion(s)).statusCode).toBe(401);
    expect((await dependencias(s)).statusCode).toBe(401);
  });
});

describe('lo que cambia fuera de este proceso', () => {
  it('una sesión borrada a mano en la base vale a lo sumo hasta la siguiente escritura o 5 s', async () => {
    const s = await t.usuarioCon(entidadId, ['consulta']);
    await enUso(s);
    await t.conexion.db.delete(tablaSesion).where(eq(tablaSesion.usuarioId, s.id));
    // Another process's change is not seen at once: that is the bound the ADR documents…
    expect((await miSesion(s)).statusCode).toBe(200);
    // …and any write through this process (here, someone else's logout) makes it read again.
    const otra = await t.usuarioCon(entidadId, ['consulta']);
    await t.exigir(204, otra, 'POST', '/api/auth/logout');
    expect((await miSesion(s)).statusCode).toBe(401);
  });
});
