// Without MIPG_SMTP_URL: nothing is queued (so nothing waits for a sender that does not exist), the
// administrator gets the one-time link to hand over, and everyone can see that e-mail is off.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filas } from '../../db/client.ts';
import { correoSaliente } from '../../db/schema.ts';
import { escenarioConPlan, exigirEstado, reporteEn } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';
import { iniciarSmtpPrueba } from './smtp-prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

const bandejaVacia = async () => expect(await t.conexion.db.select().from(correoSaliente)).toEqual([]);

describe('sin servidor de correo', () => {
  it('la plataforma dice que el correo está desactivado', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/plataforma/estado' });
    expect(r.json()).toEqual({
      correoActivo: false,
      sinAdministrador: false,
      evidenciaMaxBytes: t.app.evidenciaMaxBytes,
    });
    const bandeja = await t.pedir(t.admin, 'GET', '/api/plataforma/correo');
    expect(bandeja.json()).toMatchObject({ correoActivo: false, pendientes: 0 });
  });

  it('dar acceso devuelve el enlace de un solo uso para entregarlo; restablecer también', async () => {
    const e = await escenarioConPlan(t);
    const admin = await t.usuarioCon(e.entidadId, ['admin_entidad']);
    const r = await t.pedir(admin, 'POST', `${e.base}/usuarios`, {
      nombre: 'Nidia Muchavisoy',
      correo: 'nidia@prueba.example',
      roles: ['consulta'],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      correoEnviado: false,
      enlaceClave: expect.stringMatching(/^\/definir-clave\?token=/),
    });
    const token = new URL(r.json().enlaceClave, 'http://x').searchParams.get('token');
    const definir = await t.app.inject({
      method: 'POST',
      url: '/api/auth/definir-clave',
      payload: { token, clave: 'Laguna-de-la-Cocha-9' },
    });
    expect(definir.statusCode).toBe(204);
    await t.iniciarSesion('nidia@prueba.example', 'Laguna-de-la-Cocha-9');

    const reset = await t.pedir(admin, 'POST', `${e.base}/usuarios/${r.json().usuario.id}/restablecer-clave`);
    expect(reset.json()).toMatchObject({
      correoEnviado: false,
      enlaceClave: expect.stringMatching(/^\/definir-clave\?token=/),
    });

    // Review steps stay in-app only.
    const rep = await reporteEn(t, e, 'borrador');
    exigirEstado(await t.pedir(e.responsable, 'POST', `${rep.url}/enviar`, {}), 200, 'enviar');
    const [avisos] = await filas<{ n: number }>(
      t.conexion.db,
      sql`select count(*)::int as n from notificacion where usuario_id = ${e.planeacion.id}`,
    );
    expect(avisos!.n).toBe(1);
    await bandejaVacia();
  });

  it('«¿Olvidó su contraseña?» remite al administrador y no encola nada', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/olvide-clave',
      payload: { correo: 'admin@plataforma.example' },
    });
    expect(r.statusCode).toBe(202);
    expect(r.json().mensaje).toContain('Pida al administrador de su entidad');
    await bandejaVacia();
  });
});

describe('el proceso de envío', () => {
  it('envía solo lo que está en la bandeja y se detiene al cerrar la aplicación', async () => {
    const smtp = await iniciarSmtpPrueba();
    const conCorreo = await crearAppPrueba({ correo: smtp.config, intervaloCorreoMs: 20, resumenHora: 23 });
    try {
      const r = await conCorreo.app.inject({
        method: 'POST',
        url: '/api/auth/olvide-clave',
        payload: { correo: 'admin@plataforma.example' },
      });
      expect(r.statusCode).toBe(202);
      const [m] = await smtp.esperar(1);
      expect(m!.asunto).toBe('Restablezca su contraseña de MIPG Abierto');
    } finally {
      await conCorreo.cerrar();
      await smtp.cerrar();
    }
  });
});
