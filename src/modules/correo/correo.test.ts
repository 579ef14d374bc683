// E-mail through a real local SMTP server: invitations and resets with one-time links, notices of the
// review chain, the outbox's retries and claims, and the daily digest.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_INTENTOS_CORREO } from '../../core/correo.ts';
import { filas } from '../../db/client.ts';
import { correoSaliente, enlaceClave, planAccion } from '../../db/schema.ts';
import { type Escenario, escenarioConPlan, exigirEstado, reporteEn } from '../../server/constructores.ts';
import { type AppPrueba, CLAVE_PRUEBA, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { crearCorreo, encolarCorreos, procesarLote } from './correo.service.ts';
import { enviarResumenes } from './resumen.service.ts';
import { iniciarSmtpPrueba, type SmtpPrueba } from './smtp-prueba.ts';

let smtp: SmtpPrueba;
let t: AppPrueba;
let entidadId: string;
let admin: Sesion & { id: string };
let e: Escenario;

beforeAll(async () => {
  smtp = await iniciarSmtpPrueba();
  // No worker: each test sends when it wants to, so what arrives is deterministic.
  t = await crearAppPrueba({ correo: smtp.config, intervaloCorreoMs: 0 });
  entidadId = await t.crearEntidad('E.S.E. Hospital Sibundoy', '800091594-4');
  e = await escenarioConPlan(t);
  admin = await t.usuarioCon(entidadId, ['admin_entidad']);
});
afterAll(async () => {
  await t.cerrar();
  await smtp.cerrar();
});
beforeEach(async () => {
  // Every test starts with an empty outbox and mailbox.
  await enviar();
  smtp.recibidos.length = 0;
  await t.conexion.db.delete(correoSaliente);
});

const enviar = () => procesarLote(t.conexion.db, t.app.correo!, { espera: () => 0 });
const token = (enlace: string) => new URL(enlace, 'http://x').searchParams.get('token')!;
let ip = 0;
/** Anonymous requests from a fresh address each, so the per-address limits stay out of the way. */
const anonimo = (url: string, body: object, remoteAddress = `127.9.0.${++ip}`) =>
  t.app.inject({ method: 'POST', url, payload: body, remoteAddress });
const definir = (enlace: string, clave: string) =>
  anonimo('/api/auth/definir-clave', { token: token(enlace), clave });

describe('dar acceso a una persona nueva', () => {
  it('le llega un correo con el enlace, que define la contraseña una sola vez', async () => {
    const r = await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/usuarios`, {
      nombre: 'Rosa Jacanamejoy',
      correo: 'Rosa.J@prueba.example',
      roles: ['responsable_actividad'],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ enlaceClave: null, correoEnviado: true });
    expect(r.body).not.toContain('token');
    // Nobody can enter before she sets her password.
    expect(
      (await anonimo('/api/auth/login', { email: 'rosa.j@prueba.example', password: CLAVE_PRUEBA }))
        .statusCode,
    ).toBe(401);

    expect(await enviar()).toMatchObject({ enviados: 1 });
    const [m] = await smtp.esperar(1);
    expect(m!.para).toEqual(['rosa.j@prueba.example']);
    expect(m!.asunto).toBe('Active su cuenta en MIPG Abierto — E.S.E. Hospital Sibundoy');
    expect(m!.texto).toContain('Hola, Rosa Jacanamejoy.');
    expect(m!.texto).toContain('vence en 72 horas');
    expect(m!.enlace).toMatch(/^\/definir-clave\?token=[\w-]{43}$/);
    expect(m!.crudo).toMatch(/^From: mipg@prueba\.example$/im);

    const consulta = await anonimo('/api/auth/enlace-clave', { token: token(m!.enlace!) });
    expect(consulta.statusCode).toBe(200);
    expect(consulta.json()).toMatchObject({ nombre: 'Rosa Jacanamejoy', proposito: 'invitacion' });
    // The token in the page's address never leaves in a Referer header.
    expect(consulta.headers['referrer-policy']).toBe('no-referrer');

    // A password that breaks the rules is refused at the field and does not burn the link.
    const debil = await definir(m!.enlace!, 'rosa.j12345');
    expect(debil.statusCode).toBe(400);
    expect(debil.json().campos[0]).toMatchObject({ campo: 'clave' });
    expect((await definir(m!.enlace!, 'Valle-de-Sibundoy-7')).statusCode).toBe(204);
    const s = await t.iniciarSesion('rosa.j@prueba.example', 'Valle-de-Sibundoy-7');
    expect((await t.pedir(s, 'GET', `/api/entidades/${entidadId}`)).statusCode).toBe(200);

    const otraVez = await definir(m!.enlace!, 'Otra-Clave-Nueva-8');
    expect(otraVez.statusCode).toBe(400);
    expect(otraVez.json().mensaje).toContain('ya fue usado o venció');
    const [aud] = await filas<{ accion: string }>(
      t.conexion.db,
      sql`select accion from auditoria where accion = 'definir_clave' order by id desc limit 1`,
    );
    expect(aud?.accion).toBe('definir_clave');
  });

  it('un enlace vencido, o uno que no existe, no sirve', async () => {
    const r = await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/usuarios`, {
      nombre: 'Mario Tandioy',
      correo: 'mario.t@prueba.example',
      roles: ['consulta'],
    });
    expect(r.statusCode).toBe(201);
    await enviar();
    const [m] = await smtp.esperar(1);
    await t.conexion.db
      .update(enlaceClave)
      .set({ expiraEn: new Date(Date.now() - 1000) })
      .where(eq(enlaceClave.correo, 'mario.t@prueba.example'));
    expect((await definir(m!.enlace!, 'Valle-de-Sibundoy-7')).statusCode).toBe(400);
    expect((await anonimo('/api/auth/enlace-clave', { token: token(m!.enlace!) })).statusCode).toBe(400);
    expect(
      (
        await definir(
          '/definir-clave?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          'Valle-de-Sibundoy-7',
        )
      ).statusCode,
    ).toBe(400);
  });

  it('dos usos a la vez del mismo enlace: uno define la contraseña, el otro recibe 400', async () => {
    const p = await t.usuarioCon(entidadId, ['consulta'], 'carrera@prueba.example');
    exigirEstado(
      await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/usuarios/${p.id}/restablecer-clave`),
      200,
      'restablecer',
    );
    await enviar();
    const [m] = await smtp.esperar(1);
    const r = await Promise.all([
      definir(m!.enlace!, 'Primera-Clave-2026'),
      definir(m!.enlace!, 'Segunda-Clave-2026'),
    ]);
    expect(r.map((x) => x.statusCode).sort()).toEqual([204, 400]);
    const gana = r[0]!.statusCode === 204 ? 'Primera-Clave-2026' : 'Segunda-Clave-2026';
    await t.iniciarSesion('carrera@prueba.example', gana);
  });

  it('quien ya tiene cuenta recibe por correo el aviso de la invitación', async () => {
    const otra = await t.crearEntidad('Alcaldía de Colón', '800197268-4');
    const adminOtra = await t.usuarioCon(otra, ['admin_entidad']);
    const p = await t.usuarioCon(entidadId, ['consulta'], 'invitada@prueba.example');
    const r = await t.pedir(adminOtra, 'POST', `/api/entidades/${otra}/usuarios`, {
      nombre: 'Quien sea',
      correo: 'invitada@prueba.example',
      roles: ['planeacion'],
    });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toMatchObject({ usuario: null, enlaceClave: null, correoEnviado: true });
    await enviar();
    const [m] = await smtp.esperar(1);
    expect(m!.para).toEqual(['invitada@prueba.example']);
    expect(m!.asunto).toBe('Invitación de Alcaldía de Colón en MIPG Abierto');
    expect(m!.texto).toContain('Planeación');
    expect(m!.enlace).toBe('/');
    expect(p.id).toBeTruthy();
  });
});

describe('restablecer la contraseña', () => {
  it('la respuesta es la misma exista o no la cuenta, y solo la que existe recibe el enlace', async () => {
    const p = await t.usuarioCon(entidadId, ['consulta'], 'olvido@prueba.example');
    const existe = await anonimo('/api/auth/olvide-clave', { correo: 'OLVIDO@prueba.example' });
    const noExiste = await anonimo('/api/auth/olvide-clave', { correo: 'nadie@prueba.example' });
    expect(existe.statusCode).toBe(202);
    expect(noExiste.statusCode).toBe(202);
    expect(existe.body).toBe(noExiste.body);
    await enviar();
    const [m] = await smtp.esperar(1);
    expect(smtp.recibidos).toHaveLength(1);
    expect(m!.para).toEqual(['olvido@prueba.example']);
    expect(m!.asunto).toBe('Restablezca su contraseña de MIPG Abierto');
    expect(m!.texto).toContain('vence en 1 hora');

    // Asking changes nothing until the link is used: the old password still works.
    const vieja = await t.iniciarSesion('olvido@prueba.example');
    expect((await definir(m!.enlace!, 'Mocoa-Putumayo-2027')).statusCode).toBe(204);
    // Every other session closes; the new password opens one.
    expect((await t.pedir(p, 'GET', '/api/auth/sesion')).statusCode).toBe(401);
    expect((await t.pedir(vieja, 'GET', '/api/auth/sesion')).statusCode).toBe(401);
    await t.iniciarSesion('olvido@prueba.example', 'Mocoa-Putumayo-2027');
  });

  it('una cuenta recibe a lo sumo 3 por hora y una dirección pide a lo sumo 10 cada 15 minutos', async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'insistente@prueba.example');
    const respuestas = [];
    for (let i = 0; i < 10; i++)
      respuestas.push(
        await anonimo('/api/auth/olvide-clave', { correo: 'insistente@prueba.example' }, '127.8.0.1'),
      );
    expect(respuestas.map((r) => r.statusCode)).toEqual(Array(10).fill(202));
    expect(new Set(respuestas.map((r) => r.body)).size).toBe(1);
    const otra = await anonimo('/api/auth/olvide-clave', { correo: 'otro@prueba.example' }, '127.8.0.1');
    expect(otra.statusCode).toBe(429);
    expect(otra.json().mensaje).toContain('Demasiados intentos');
    await enviar();
    await smtp.esperar(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.recibidos).toHaveLength(3);
    // Only the newest link works.
    const [primero, , ultimo] = smtp.recibidos;
    expect((await definir(primero!.enlace!, 'Mocoa-Putumayo-2027')).statusCode).toBe(400);
    expect((await definir(ultimo!.enlace!, 'Mocoa-Putumayo-2027')).statusCode).toBe(204);
  });

  it('el administrador restablece: la contraseña anterior deja de servir y el enlace llega por correo', async () => {
    const p = await t.usuarioCon(entidadId, ['consulta'], 'restablecida@prueba.example');
    const r = await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/usuarios/${p.id}/restablecer-clave`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ enlaceClave: null, correoEnviado: true });
    expect((await t.pedir(p, 'GET', '/api/auth/sesion')).statusCode).toBe(401);
    const login = await anonimo('/api/auth/login', {
      email: 'restablecida@prueba.example',
      password: CLAVE_PRUEBA,
    });
    expect(login.statusCode).toBe(401);
    await enviar();
    const [m] = await smtp.esperar(1);
    expect(m!.texto).toContain('El administrador de su entidad restableció su contraseña');
    expect(m!.texto).toContain('vence en 72 horas');
    expect((await definir(m!.enlace!, 'Mocoa-Putumayo-2027')).statusCode).toBe(204);
    await t.iniciarSesion('restablecida@prueba.example', 'Mocoa-Putumayo-2027');
  });
});

describe('avisos de la revisión', () => {
  it('enviar un reporte avisa por correo a planeación; devolverlo, al responsable con las observaciones', async () => {
    const r = await reporteEn(t, e, 'borrador');
    exigirEstado(await t.pedir(e.responsable, 'POST', `${r.url}/enviar`, {}), 200, 'enviar');
    await enviar();
    const [m] = await smtp.esperar(1);
    expect(m!.asunto).toMatch(/^MIPG: reporte PR-\w+ enviado a planeación$/);
    expect(m!.enlace).toMatch(/^\/seguimiento\?vigencia=2026&periodo=1&actividad=/);
    const [planeacion] = await filas<{ correo: string }>(
      t.conexion.db,
      sql`select correo from usuario where id = ${e.planeacion.id}`,
    );
    expect(m!.para).toEqual([planeacion!.correo]);

    exigirEstado(
      await t.pedir(e.planeacion, 'POST', `${r.url}/devolver`, {
        observaciones: 'Falta la lista de asistencia\r\nBcc: todos@ejemplo.com',
      }),
      200,
      'devolver',
    );
    await enviar();
    const [, d] = await smtp.esperar(2);
    expect(d!.asunto).toMatch(/devuelto con observaciones$/);
    expect(d!.texto).toContain('Falta la lista de asistencia');
    // Typed text never becomes a header.
    expect(d!.crudo.split(/\r?\n\r?\n/)[0]).not.toMatch(/^Bcc:/im);
    expect(d!.para).not.toContain('todos@ejemplo.com');
  });
});

describe('avisos del plan', () => {
  it('el comité devuelve el plan: planeación recibe el aviso con las observaciones', async () => {
    await t.conexion.db.update(planAccion).set({ estado: 'enviado' }).where(eq(planAccion.id, e.planId));
    try {
      exigirEstado(
        await t.pedir(e.comite, 'POST', `${e.base}/planes/${e.vigencia}/devolver`, {
          observaciones: 'Ajustar las metas de la política de integridad',
        }),
        200,
        'devolver el plan',
      );
      await enviar();
      const [m] = await smtp.esperar(1);
      expect(m!.asunto).toBe(
        'MIPG: el Comité Institucional de Gestión y Desempeño devolvió el plan de acción 2026 con observaciones',
      );
      expect(m!.texto).toContain('Observaciones: Ajustar las metas de la política de integridad');
      expect(m!.enlace).toBe('/plan?vigencia=2026');
      const [aviso] = await filas<{ texto: string }>(
        t.conexion.db,
        sql`select texto from notificacion where usuario_id = ${e.planeacion.id} order by creado_en desc limit 1`,
      );
      expect(aviso?.texto).toContain('devolvió el plan de acción 2026');
    } finally {
      await t.conexion.db.update(planAccion).set({ estado: 'aprobado' }).where(eq(planAccion.id, e.planId));
    }
  });
});

describe('bandeja de salida', () => {
  it('si el servidor de correo falla, reintenta y luego envía; tras el último intento lo da por perdido y lo muestra', async () => {
    await t.conexion.db.transaction((tx) =>
      encolarCorreos(tx, t.app.correo, [
        { destinatario: 'reintento@prueba.example', asunto: 'Prueba de reintento', texto: 'Hola' },
      ]),
    );
    smtp.fallar = true;
    expect(await enviar()).toMatchObject({ tomados: 1, fallidos: 1 });
    const [fila] = await t.conexion.db.select().from(correoSaliente);
    expect(fila).toMatchObject({ estado: 'pendiente', intentos: 1 });
    expect(fila!.ultimoError).toContain('451');
    smtp.fallar = false;
    expect(await enviar()).toMatchObject({ tomados: 1, enviados: 1 });
    expect((await t.conexion.db.select().from(correoSaliente))[0]).toMatchObject({
      estado: 'enviado',
      intentos: 2,
    });
    expect(smtp.recibidos.map((m) => m.asunto)).toEqual(['Prueba de reintento']);

    await t.conexion.db.transaction((tx) =>
      encolarCorreos(tx, t.app.correo, [
        { destinatario: 'perdido@prueba.example', asunto: 'Nunca llega', texto: 'Hola' },
      ]),
    );
    smtp.fallar = true;
    for (let i = 0; i < MAX_INTENTOS_CORREO; i++) await enviar();
    expect(await enviar()).toMatchObject({ tomados: 0 });
    smtp.fallar = false;
    const bandeja = await t.pedir(t.admin, 'GET', '/api/plataforma/correo');
    expect(bandeja.statusCode).toBe(200);
    expect(bandeja.json()).toMatchObject({
      correoActivo: true,
      fallidos: 1,
      ultimosFallidos: [{ destinatario: 'perdido@prueba.example', intentos: MAX_INTENTOS_CORREO }],
    });
    expect((await t.pedir(admin, 'GET', '/api/plataforma/correo')).statusCode).toBe(403);
  });

  it('dos remitentes a la vez nunca envían dos veces la misma fila', async () => {
    const mensajes = Array.from({ length: 30 }, (_, i) => ({
      destinatario: `lote${i}@prueba.example`,
      asunto: `Lote ${i}`,
      texto: 'Hola',
    }));
    await t.conexion.db.transaction((tx) => encolarCorreos(tx, t.app.correo, mensajes));
    const otro = crearCorreo(smtp.config);
    const [a, b] = await Promise.all([
      procesarLote(t.conexion.db, t.app.correo!, { max: 7 }),
      procesarLote(t.conexion.db, otro, { max: 7 }),
    ]);
    expect(a.tomados + b.tomados).toBe(14);
    // Until the outbox is empty, two at a time.
    while ((await Promise.all([enviar(), procesarLote(t.conexion.db, otro)])).some((r) => r.tomados));
    otro.transporte.close?.();
    await smtp.esperar(30);
    const asuntos = smtp.recibidos.map((m) => m.asunto);
    expect(asuntos).toHaveLength(30);
    expect(new Set(asuntos).size).toBe(30);
  });

  it('una dirección que podría inyectar cabeceras no se encola', async () => {
    await t.conexion.db.transaction((tx) =>
      encolarCorreos(tx, t.app.correo, [
        { destinatario: 'a@prueba.example\r\nBcc: b@prueba.example', asunto: 'x', texto: 'y' },
      ]),
    );
    expect(await t.conexion.db.select().from(correoSaliente)).toHaveLength(0);
  });
});

describe('resumen diario', () => {
  it('cada persona con pendientes recibe uno al día, aunque dos servidores lo intenten', async () => {
    await reporteEn(t, e, 'enviado');
    const antes = new Date('2026-11-25T11:00:00Z'); // 6 a. m. en Colombia
    const despues = new Date('2026-11-25T13:00:00Z'); // 8 a. m.
    expect(await enviarResumenes(t.conexion.db, t.app.correo!, 7, antes)).toBe(0);
    const otro = crearCorreo(smtp.config);
    await Promise.all([
      enviarResumenes(t.conexion.db, t.app.correo!, 7, despues),
      enviarResumenes(t.conexion.db, otro, 7, despues),
    ]);
    otro.transporte.close?.();
    expect(await enviarResumenes(t.conexion.db, t.app.correo!, 7, despues)).toBe(0);
    await enviar();
    await new Promise((r) => setTimeout(r, 100));
    const [planeacion] = await filas<{ correo: string }>(
      t.conexion.db,
      sql`select correo from usuario where id = ${e.planeacion.id}`,
    );
    const recibidos = smtp.recibidos.filter((m) => m.para.includes(planeacion!.correo));
    expect(recibidos).toHaveLength(1);
    expect(recibidos[0]!.asunto).toMatch(/^MIPG: tiene (1 pendiente|\d+ pendientes) hoy 25\/11\/2026$/);
    expect(recibidos[0]!.texto).toContain('E.S.E. Hospital de Prueba:');
    expect(recibidos[0]!.texto).toContain('Revisar el reporte de');
    expect(recibidos[0]!.texto).toContain('https://mipg.prueba.example/seguimiento?vigencia=2026');
    // Nobody gets two, whichever server took them.
    const personas = smtp.recibidos.flatMap((m) => m.para);
    expect(new Set(personas).size).toBe(personas.length);
    // The next day, again.
    const manana = new Date('2026-11-26T13:00:00Z');
    expect(await enviarResumenes(t.conexion.db, t.app.correo!, 7, manana)).toBeGreaterThan(0);
  });
});
