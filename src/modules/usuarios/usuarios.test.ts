import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let admin: Sesion & { id: string };
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
});
afterAll(() => t.cerrar());

describe('usuarios y roles', () => {
  it('una persona puede tener roles en varias entidades', async () => {
    const otra = await t.crearEntidad('Alcaldía de Prueba', '800091594-4');
    const adminOtra = await t.usuarioCon(otra, ['admin_entidad']);
    const datos = { nombre: 'Luisa Chindoy', correo: 'luisa@prueba.example' };
    const a = await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/usuarios`, {
      ...datos,
      roles: ['planeacion'],
    });
    // E-mail is off in this app: the link comes back for the administrator to hand over.
    expect(a.json()).toMatchObject({
      correoEnviado: false,
      enlaceClave: expect.stringMatching(/^\/definir-clave\?token=/),
    });
    const b = await t.pedir(adminOtra, 'POST', `/api/entidades/${otra}/usuarios`, {
      ...datos,
      roles: ['control_interno'],
    });
    // Luisa already has an account: the other entity only invites her; nothing about her is revealed.
    expect(b.statusCode).toBe(202);
    expect(b.json()).toEqual({
      usuario: null,
      invitacion: { id: expect.any(String), correo: 'luisa@prueba.example', roles: ['control_interno'] },
      enlaceClave: null,
      correoEnviado: false,
    });
    const definir = await t.app.inject({
      method: 'POST',
      url: '/api/auth/definir-clave',
      payload: {
        token: new URL(a.json().enlaceClave, 'http://x').searchParams.get('token'),
        clave: 'Sibundoy-Valle-2026',
      },
    });
    expect(definir.statusCode).toBe(204);
    const s = await t.iniciarSesion('luisa@prueba.example', 'Sibundoy-Valle-2026');
    const antes = (await t.pedir(s, 'GET', '/api/auth/sesion')).json();
    expect(antes.entidades.flatMap((e: { roles: string[] }) => e.roles)).toEqual(['planeacion']);
    const invitaciones = (await t.pedir(s, 'GET', '/api/invitaciones')).json();
    expect(invitaciones).toEqual([
      expect.objectContaining({ entidadId: otra, entidad: 'Alcaldía de Prueba', roles: ['control_interno'] }),
    ]);
    const acepta = await t.pedir(s, 'POST', `/api/invitaciones/${invitaciones[0].id}/aceptar`);
    expect(acepta.statusCode).toBe(200);
    const sesion = (await t.pedir(s, 'GET', '/api/auth/sesion')).json();
    expect(sesion.entidades.flatMap((e: { roles: string[] }) => e.roles).sort()).toEqual([
      'control_interno',
      'planeacion',
    ]);
  });

  it('un rol desconocido se rechaza nombrando el campo', async () => {
    const r = await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/usuarios`, {
      nombre: 'Pedro Mutumbajoy',
      correo: 'pedro@prueba.example',
      roles: ['superusuario'],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().campos[0].campo).toBe('roles.0');
  });

  it('la entidad conserva al menos un administrador', async () => {
    const r = await t.pedir(admin, 'PUT', `/api/entidades/${entidadId}/usuarios/${admin.id}/roles`, {
      roles: ['consulta'],
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('al menos un administrador');
  });

  it('quitar todos los roles retira el acceso a la entidad', async () => {
    const p = await t.usuarioCon(entidadId, ['consulta']);
    const r = await t.pedir(admin, 'PUT', `/api/entidades/${entidadId}/usuarios/${p.id}/roles`, {
      roles: [],
    });
    expect(r.statusCode).toBe(200);
    expect((await t.pedir(p, 'GET', `/api/entidades/${entidadId}`)).statusCode).toBe(403);
  });
});
