// Every path to a credential (reset, e-mail change, deactivation, password change) against the account
// takeover across entities: an entity administrator reaches only accounts that belong to its entity alone.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditoria, rolUsuario } from '../../db/schema.ts';
import { type AppPrueba, CLAVE_PRUEBA, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let a: string;
let b: string;
let adminA: Sesion & { id: string };
let adminB: Sesion & { id: string };
beforeAll(async () => {
  t = await crearAppPrueba();
  a = await t.crearEntidad('Alcaldía de Mocoa', '800102891-6');
  b = await t.crearEntidad('E.S.E. Hospital José María Hernández', '846000253-6');
  adminA = await t.usuarioCon(a, ['admin_entidad'], 'admin.a@prueba.example');
  adminB = await t.usuarioCon(b, ['admin_entidad'], 'admin.b@prueba.example');
});
afterAll(() => t.cerrar());

const invitar = (quien: Sesion, entidad: string, correo: string, roles = ['consulta']) =>
  t.pedir(quien, 'POST', `/api/entidades/${entidad}/usuarios`, { nombre: 'Cualquier Nombre', correo, roles });

/** Makes `persona` a member of `entidad` the only legitimate way: invited, then accepting. */
async function unirse(persona: Sesion, correo: string, entidad: string, adminDeEntidad: Sesion) {
  const inv = await invitar(adminDeEntidad, entidad, correo);
  expect(inv.statusCode).toBe(202);
  const r = await t.pedir(persona, 'POST', `/api/invitaciones/${inv.json().invitacion.id}/aceptar`);
  expect(r.statusCode).toBe(200);
}

const caminosACredenciales = (entidad: string, usuarioId: string, correo: string) =>
  [
    [
      'restablecer la contraseña',
      'POST',
      `/api/entidades/${entidad}/usuarios/${usuarioId}/restablecer-clave`,
      undefined,
    ],
    [
      'cambiar el correo',
      'PUT',
      `/api/entidades/${entidad}/usuarios/${usuarioId}`,
      { nombre: 'Nombre Cambiado', correo: 'atacante@prueba.example', activo: true },
    ],
    [
      'desactivar la cuenta',
      'PUT',
      `/api/entidades/${entidad}/usuarios/${usuarioId}`,
      { nombre: 'Nombre Cambiado', correo, activo: false },
    ],
  ] as const;

describe('agregar a una persona que ya tiene cuenta', () => {
  it('no revela nada de ella ni le cambia nada: solo la invita', async () => {
    const r = await invitar(adminA, a, 'ADMIN.B@prueba.example', ['admin_entidad']);
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({
      usuario: null,
      invitacion: { id: expect.any(String), correo: 'admin.b@prueba.example', roles: ['admin_entidad'] },
      enlaceClave: null,
      correoEnviado: false,
    });
    expect(r.body).not.toContain(adminB.id);
    // Not a member until she accepts: A cannot see her, nor reach her account.
    const lista = (await t.pedir(adminA, 'GET', `/api/entidades/${a}/usuarios`)).json();
    expect(lista.map((u: { id: string }) => u.id)).not.toContain(adminB.id);
    const reset = await t.pedir(
      adminA,
      'POST',
      `/api/entidades/${a}/usuarios/${adminB.id}/restablecer-clave`,
    );
    expect(reset.statusCode).toBe(404);
    expect((await t.iniciarSesion('admin.b@prueba.example')).cookie).toBeTruthy();
    const pendientes = (await t.pedir(adminA, 'GET', `/api/entidades/${a}/invitaciones`)).json();
    expect(pendientes).toEqual([expect.objectContaining({ correo: 'admin.b@prueba.example' })]);
  });

  it('la invitada la ve, la rechaza, y nadie más puede responderla', async () => {
    const p = await t.usuarioCon(b, ['consulta'], 'rechaza@prueba.example');
    const inv = (await invitar(adminA, a, 'rechaza@prueba.example')).json().invitacion;
    const ajena = await t.pedir(adminA, 'POST', `/api/invitaciones/${inv.id}/aceptar`);
    expect(ajena.statusCode).toBe(404);
    expect((await t.pedir(p, 'POST', `/api/invitaciones/${inv.id}/rechazar`)).statusCode).toBe(200);
    expect((await t.pedir(p, 'POST', `/api/invitaciones/${inv.id}/aceptar`)).statusCode).toBe(404);
    const roles = await t.conexion.db.select().from(rolUsuario).where(eq(rolUsuario.usuarioId, p.id));
    expect(roles.map((r) => r.entidadId)).toEqual([b]);
  });

  it('con una invitación pendiente de otra entidad, la cuenta ya no es solo de A: A no puede restablecerla', async () => {
    // Otherwise A resets her password, logs in as her and accepts B's invitation (admin of B).
    const v = await t.usuarioCon(a, ['consulta'], 'invitada.por.b@prueba.example');
    expect((await invitar(adminB, b, 'invitada.por.b@prueba.example', ['admin_entidad'])).statusCode).toBe(
      202,
    );
    const reset = await t.pedir(adminA, 'POST', `/api/entidades/${a}/usuarios/${v.id}/restablecer-clave`);
    expect(reset.statusCode).toBe(403);
    const lista = (await t.pedir(adminA, 'GET', `/api/entidades/${a}/usuarios`)).json();
    expect(lista.find((u: { id: string }) => u.id === v.id).gestionable).toBe(false);
  });

  it('aceptar dos veces a la vez agrega los roles una sola vez y deja una sola entrada en la bitácora', async () => {
    const p = await t.usuarioCon(b, ['consulta'], 'doble@prueba.example');
    const inv = (await invitar(adminA, a, 'doble@prueba.example')).json().invitacion;
    const r = await Promise.all(
      Array.from({ length: 6 }, () => t.pedir(p, 'POST', `/api/invitaciones/${inv.id}/aceptar`)),
    );
    expect(r.map((x) => x.statusCode).sort()).toEqual([200, 404, 404, 404, 404, 404]);
    const filas = await t.conexion.db.select().from(auditoria).where(eq(auditoria.recursoId, inv.id));
    expect(filas.filter((f) => f.accion === 'aceptar')).toHaveLength(1);
  });

  it('invitar otra vez lo mismo no repite el aviso; invitar con otro rol lo suma a la misma invitación', async () => {
    const p = await t.usuarioCon(b, ['consulta'], 'repetida@prueba.example');
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await invitar(adminA, a, 'repetida@prueba.example')).json().invitacion.id);
    const otro = await invitar(adminA, a, 'repetida@prueba.example', ['planeacion']);
    expect(new Set([...ids, otro.json().invitacion.id]).size).toBe(1);
    expect(otro.json().invitacion.roles.sort()).toEqual(['consulta', 'planeacion']);
    const avisos = (await t.pedir(p, 'GET', '/api/notificaciones')).json();
    expect(JSON.stringify(avisos).match(/le invita a participar/g)).toHaveLength(2);
  });

  it('una persona que ya trabaja en la entidad recibe los roles directamente', async () => {
    const p = await t.usuarioCon(a, ['consulta'], 'miembro@prueba.example');
    const r = await invitar(adminA, a, 'miembro@prueba.example', ['planeacion']);
    expect(r.statusCode).toBe(201);
    expect(r.json().usuario).toMatchObject({ id: p.id, roles: ['consulta', 'planeacion'] });
  });
});

describe('credenciales de una cuenta compartida con otra entidad', () => {
  let compartida: Sesion & { id: string };
  beforeAll(async () => {
    compartida = await t.usuarioCon(b, ['planeacion'], 'compartida@prueba.example');
    await unirse(compartida, 'compartida@prueba.example', a, adminA);
  });

  it.each(caminosACredenciales('A', 'ID', 'CORREO').map(([nombre]) => nombre))(
    'el administrador de A no puede %s de quien también trabaja en B',
    async (nombre) => {
      const [, metodo, url, cuerpo] = caminosACredenciales(
        a,
        compartida.id,
        'compartida@prueba.example',
      ).find(([n]) => n === nombre)!;
      const r = await t.pedir(adminA, metodo, url, cuerpo);
      expect(r.statusCode).toBe(403);
      expect(r.json().mensaje).toContain('también tiene acceso a otra entidad');
      // Her password and sessions are intact.
      expect((await t.pedir(compartida, 'GET', '/api/auth/sesion')).statusCode).toBe(200);
      expect((await t.iniciarSesion('compartida@prueba.example')).cookie).toBeTruthy();
    },
  );

  it('el administrador de A sí puede cambiarle o quitarle los roles en A', async () => {
    const r = await t.pedir(adminA, 'PUT', `/api/entidades/${a}/usuarios/${compartida.id}/roles`, {
      roles: ['consulta', 'control_interno'],
    });
    expect(r.statusCode).toBe(200);
    const lista = (await t.pedir(adminA, 'GET', `/api/entidades/${a}/usuarios`)).json();
    expect(lista.find((u: { id: string }) => u.id === compartida.id)).toMatchObject({ gestionable: false });
  });

  it('el administrador de la plataforma sí puede restablecerla', async () => {
    const r = await t.pedir(
      t.admin,
      'POST',
      `/api/entidades/${a}/usuarios/${compartida.id}/restablecer-clave`,
    );
    expect(r.statusCode).toBe(200);
  });

  it('nadie con un rol de entidad toca la cuenta del administrador de la plataforma', async () => {
    const plataforma = (await t.pedir(t.admin, 'GET', '/api/auth/sesion')).json().usuario;
    await unirse(t.admin, 'admin@plataforma.example', a, adminA);
    for (const [, metodo, url, cuerpo] of caminosACredenciales(
      a,
      plataforma.id,
      'admin@plataforma.example',
    )) {
      const r = await t.pedir(adminA, metodo, url, cuerpo);
      expect(r.statusCode).toBe(403);
    }
    expect((await t.iniciarSesion('admin@plataforma.example')).cookie).toBeTruthy();
  });
});

describe('credenciales de una cuenta que pertenece solo a la entidad', () => {
  it('el administrador la restablece, cambia el correo y la desactiva; cada cambio cierra sus sesiones', async () => {
    const p = await t.usuarioCon(a, ['consulta'], 'propia@prueba.example');
    const url = `/api/entidades/${a}/usuarios/${p.id}`;
    const correo = await t.pedir(adminA, 'PUT', url, {
      nombre: 'Persona Propia',
      correo: 'nueva.propia@prueba.example',
      cargo: 'Profesional universitario',
      activo: true,
    });
    expect(correo.statusCode).toBe(200);
    expect(correo.json()).toMatchObject({ correo: 'nueva.propia@prueba.example', gestionable: true });
    expect((await t.pedir(p, 'GET', '/api/auth/sesion')).statusCode).toBe(401);

    const s = await t.iniciarSesion('nueva.propia@prueba.example');
    const baja = await t.pedir(adminA, 'PUT', url, {
      nombre: 'Persona Propia',
      correo: 'nueva.propia@prueba.example',
      activo: false,
    });
    expect(baja.statusCode).toBe(200);
    expect((await t.pedir(s, 'GET', '/api/auth/sesion')).statusCode).toBe(401);
    const login = await t.pedir(null, 'POST', '/api/auth/login', {
      email: 'nueva.propia@prueba.example',
      password: CLAVE_PRUEBA,
    });
    expect(login.statusCode).toBe(401);
  });

  it('un correo que ya usa otra cuenta da 409 y no cambia nada', async () => {
    const p = await t.usuarioCon(a, ['consulta'], 'repetido@prueba.example');
    const r = await t.pedir(adminA, 'PUT', `/api/entidades/${a}/usuarios/${p.id}`, {
      nombre: 'Persona Repetida',
      correo: 'admin.b@prueba.example',
      activo: true,
    });
    expect(r.statusCode).toBe(409);
    expect((await t.pedir(p, 'GET', '/api/auth/sesion')).statusCode).toBe(200);
  });

  it('no puede desactivarse a sí mismo', async () => {
    const r = await t.pedir(adminA, 'PUT', `/api/entidades/${a}/usuarios/${adminA.id}`, {
      nombre: 'Admin A',
      correo: 'admin.a@prueba.example',
      activo: false,
    });
    expect(r.statusCode).toBe(409);
  });
});

describe('cambiar la contraseña propia', () => {
  it('cierra las demás sesiones de la persona y conserva la actual', async () => {
    const p = await t.usuarioCon(a, ['consulta'], 'dos.sesiones@prueba.example');
    const otra = await t.iniciarSesion('dos.sesiones@prueba.example');
    const r = await t.pedir(p, 'POST', '/api/auth/cambiar-clave', {
      actual: CLAVE_PRUEBA,
      nueva: 'Orito-Puerto-Asis-77',
    });
    expect(r.statusCode).toBe(204);
    expect((await t.pedir(otra, 'GET', '/api/auth/sesion')).statusCode).toBe(401);
    expect((await t.pedir(p, 'GET', '/api/auth/sesion')).statusCode).toBe(200);
  });

  it.each(['password1234', 'Password123', 'Colombia2026'])(
    'rechaza una contraseña común: %s',
    async (nueva) => {
      const p = await t.usuarioCon(a, ['consulta']);
      const r = await t.pedir(p, 'POST', '/api/auth/cambiar-clave', { actual: CLAVE_PRUEBA, nueva });
      expect(r.statusCode).toBe(400);
      expect(r.json().campos[0]).toMatchObject({
        campo: 'nueva',
        mensaje: expect.stringContaining('más usadas'),
      });
    },
  );
});
