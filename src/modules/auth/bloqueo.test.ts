// Login throttling as an attacker would try it: concurrent guesses, unknown e-mails, locking someone else out.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INTENTOS, MAX_INTENTOS_CORREO } from '../../core/bloqueo.ts';
import { auditoria, intentoAcceso } from '../../db/schema.ts';
import { type AppPrueba, CLAVE_PRUEBA, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
});
afterAll(() => t.cerrar());

const login = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('bloqueo por intentos fallidos', () => {
  it(`${MAX_INTENTOS * 3} intentos simultáneos: solo ${MAX_INTENTOS} llegan a probar la contraseña`, async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'rafaga@prueba.example');
    const r = await Promise.all(
      Array.from({ length: MAX_INTENTOS * 3 }, () =>
        login('rafaga@prueba.example', 'Adivinanza-123', '10.1.0.1'),
      ),
    );
    const estados = r.map((x) => x.statusCode);
    expect(estados.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_INTENTOS);
    expect(estados.filter((s) => s === 423).length).toBeGreaterThanOrEqual(MAX_INTENTOS * 2);
    expect(estados.every((s) => s === 401 || s === 423)).toBe(true);
    // Even the right password is refused from that address now.
    expect((await login('rafaga@prueba.example', CLAVE_PRUEBA, '10.1.0.1')).statusCode).toBe(423);
    const bloqueos = await t.conexion.db.select().from(auditoria).where(eq(auditoria.accion, 'bloquear'));
    expect(bloqueos).toHaveLength(1);
  });

  it('un correo que no existe responde igual que uno que existe, 423 incluido', async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'existe@prueba.example');
    const respuestas = async (correo: string) => {
      const r: { estado: number; mensaje: string }[] = [];
      for (let i = 0; i <= MAX_INTENTOS; i++) {
        const x = await login(correo, 'Adivinanza-123', '10.2.0.1');
        r.push({ estado: x.statusCode, mensaje: x.json().mensaje.replace(/\d{1,2}:\d{2}.*?m\./, 'HH:MM') });
      }
      return r;
    };
    const existe = await respuestas('existe@prueba.example');
    const noExiste = await respuestas('no.existe@prueba.example');
    expect(existe.at(-1)!.estado).toBe(423);
    expect(noExiste).toEqual(existe);
  });

  it('quien insiste desde otras conexiones no bloquea a la persona en la suya', async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'victima@prueba.example');
    // Past the e-mail's ceiling in attempts, but each address is refused after its own few: only those count.
    for (let i = 0; i < MAX_INTENTOS_CORREO + 5; i++)
      await login('victima@prueba.example', 'Adivinanza-123', i % 2 ? '10.3.0.1' : '10.3.0.3');
    expect((await login('victima@prueba.example', CLAVE_PRUEBA, '10.3.0.1')).statusCode).toBe(423);
    expect((await login('victima@prueba.example', CLAVE_PRUEBA, '10.3.0.2')).statusCode).toBe(200);
  });

  it(`adivinar desde muchas conexiones tiene tope: ${MAX_INTENTOS_CORREO} fallos en total pausan el correo`, async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'distribuido@prueba.example');
    for (let i = 0; i < MAX_INTENTOS_CORREO; i++) {
      const r = await login('distribuido@prueba.example', 'Adivinanza-123', `10.4.${i}.1`);
      expect(r.statusCode).toBe(401);
    }
    expect((await login('distribuido@prueba.example', CLAVE_PRUEBA, '10.4.200.1')).statusCode).toBe(423);
  });

  it('un acceso correcto reinicia la cuenta de fallos', async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'olvidadiza@prueba.example');
    for (let ronda = 0; ronda < 3; ronda++) {
      for (let i = 0; i < MAX_INTENTOS - 1; i++)
        expect((await login('olvidadiza@prueba.example', 'Adivinanza-123', '10.5.0.1')).statusCode).toBe(401);
      expect((await login('olvidadiza@prueba.example', CLAVE_PRUEBA, '10.5.0.1')).statusCode).toBe(200);
    }
  });
});

describe('el cuerpo de la pausa', () => {
  it('la pausa por intentos fallidos responde 423 con el código «bloqueado»', async () => {
    await t.usuarioCon(entidadId, ['consulta'], 'codigo.bloqueo@prueba.example');
    for (let i = 0; i < MAX_INTENTOS; i++)
      expect((await login('codigo.bloqueo@prueba.example', 'Adivinanza-123', '10.8.0.1')).statusCode).toBe(
        401,
      );
    const r = await login('codigo.bloqueo@prueba.example', CLAVE_PRUEBA, '10.8.0.1');
    expect(r.statusCode).toBe(423);
    expect(r.json()).toMatchObject({
      error: 'bloqueado',
      mensaje: expect.stringContaining('en pausa hasta'),
    });
  });
});

describe('direcciones detrás de un proxy', () => {
  it('sin MIPG_TRUST_PROXY, X-Forwarded-For no cambia la dirección: ni el límite ni la bitácora se engañan', async () => {
    const intentos = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `nadie${i}@prueba.example`, password: 'Adivinanza-123' },
          remoteAddress: '10.6.0.1',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        }),
      ),
    );
    expect(intentos.some((r) => r.statusCode === 429)).toBe(true);

    await t.usuarioCon(entidadId, ['consulta'], 'proxy@prueba.example');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'proxy@prueba.example', password: CLAVE_PRUEBA },
      remoteAddress: '10.6.0.2',
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    const filas = await t.conexion.db
      .select()
      .from(auditoria)
      .where(eq(auditoria.usuarioCorreo, 'proxy@prueba.example'));
    expect(filas.map((f) => f.ip)).toContain('10.6.0.2');
    expect(filas.map((f) => f.ip)).not.toContain('198.51.100.7');
  });
});

describe('cambiar la contraseña con una actual equivocada', () => {
  const cambiar = (s: Sesion, actual: string) =>
    t.pedir(s, 'POST', '/api/auth/cambiar-clave', { actual, nueva: 'Mocoa-Sibundoy-2031' });

  it(`tras ${MAX_INTENTOS} fallos responde 429 con la hora; pasada la pausa, la contraseña correcta sirve`, async () => {
    const p = await t.usuarioCon(entidadId, ['consulta'], 'cambia.clave@prueba.example');
    for (let i = 0; i < MAX_INTENTOS; i++) expect((await cambiar(p, 'Adivinanza-123')).statusCode).toBe(400);
    const pausa = await cambiar(p, CLAVE_PRUEBA);
    expect(pausa.statusCode).toBe(429);
    expect(pausa.json()).toMatchObject({
      error: 'demasiadas_solicitudes',
      mensaje: expect.stringMatching(/en pausa hasta las \d{1,2}:\d{2}/),
    });
    // Its own counter: the administrator does not see her as locked, and she still signs in.
    const lista = await t.exigir(200, t.admin, 'GET', `/api/entidades/${entidadId}/usuarios`);
    expect(lista.find((u: { correo: string }) => u.correo === 'cambia.clave@prueba.example').bloqueado).toBe(
      false,
    );
    expect((await login('cambia.clave@prueba.example', CLAVE_PRUEBA, '10.7.0.1')).statusCode).toBe(200);
    await t.conexion.db
      .update(intentoAcceso)
      .set({
        ventanaDesde: sql`now() - interval '16 minutes'`,
        bloqueadoHasta: sql`now() - interval '1 minute'`,
      })
      .where(eq(intentoAcceso.correo, 'cambia.clave@prueba.example'));
    expect((await cambiar(p, CLAVE_PRUEBA)).statusCode).toBe(204);
  });

  it(`${MAX_INTENTOS * 3} intentos simultáneos: solo ${MAX_INTENTOS} llegan a probar la contraseña actual`, async () => {
    const p = await t.usuarioCon(entidadId, ['consulta']);
    const r = await Promise.all(Array.from({ length: MAX_INTENTOS * 3 }, () => cambiar(p, 'Adivinanza-123')));
    const estados = r.map((x) => x.statusCode);
    expect(estados.filter((s) => s === 400).length).toBeLessThanOrEqual(MAX_INTENTOS);
    expect(estados.filter((s) => s === 429).length).toBeGreaterThanOrEqual(MAX_INTENTOS * 2);
    expect(estados.every((s) => s === 400 || s === 429)).toBe(true);
  });
});
