// Reminders of the legal calendar through a real local SMTP server and a fake clock: N business days before
// a deadline (13 July 2026 is a holiday), the overdue notice, planeación's weekly digest, in-app notices,
// and two app instances on one database running the job at the same time: one e-mail per person and deadline.

import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Conexion, conectar, filas } from '../../db/client.ts';
import { correoSaliente, notificacion, recordatorioEnviado } from '../../db/schema.ts';
import { construirApp } from '../../server/app.ts';
import { urlDe } from '../../server/plantilla-prueba.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { procesarLote } from '../correo/correo.service.ts';
import { iniciarSmtpPrueba, type SmtpPrueba } from '../correo/smtp-prueba.ts';
import { enviarRecordatorios } from './recordatorios.service.ts';

let smtp: SmtpPrueba;
let t: AppPrueba;
let otra: FastifyInstance;
let conexionOtra: Conexion | null = null;
let entidadId: string;
let responsable: Sesion & { id: string };
let planeacion: Sesion & { id: string };
let control: Sesion & { id: string };
const CORREO = {
  responsable: 'rosa.responsable@prueba.example',
  planeacion: 'pedro.planeacion@prueba.example',
  control: 'clara.control@prueba.example',
};

/** 8 a. m. in Colombia of a civil day: the clock the job is given. */
const a_las_8 = (dia: string) => new Date(`${dia}T13:00:00Z`);

beforeAll(async () => {
  smtp = await iniciarSmtpPrueba();
  // The clock of the round that follows a calendar edit: Monday 7 September 2026, 8 a. m.
  t = await crearAppPrueba({
    correo: smtp.config,
    intervaloCorreoMs: 0,
    relojRecordatorios: () => a_las_8('2026-09-07'),
  });
  // A second app on the same database: on PostgreSQL with its own pool (two servers), on PGlite sharing the
  // one connection the embedded database allows.
  let conexion = t.conexion;
  if (process.env.MIPG_TEST_DB === 'postgres') {
    const [b] = await filas<{ nombre: string }>(t.conexion.db, sql`select current_database() as nombre`);
    conexionOtra = await conectar({ databaseUrl: urlDe(process.env.TEST_DATABASE_URL!, b!.nombre) });
    conexion = conexionOtra;
  }
  otra = await construirApp({
    conexion,
    dataDir: t.dataDir,
    correo: smtp.config,
    intervaloCorreoMs: 0,
    intervaloRecordatoriosMs: 0,
  });
  await otra.ready();
  entidadId = await t.crearEntidad('E.S.E. Hospital de los Recordatorios', '846000253-6');
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad'], CORREO.responsable);
  planeacion = await t.usuarioCon(entidadId, ['planeacion'], CORREO.planeacion);
  control = await t.usuarioCon(entidadId, ['control_interno'], CORREO.control);
});
afterAll(async () => {
  await otra?.close();
  await conexionOtra?.cerrar();
  await t?.cerrar();
  await smtp?.cerrar();
});
beforeEach(async () => {
  await enviarTodo();
  smtp.recibidos.length = 0;
  await t.conexion.db.delete(correoSaliente);
});

/** Both servers send the outbox until it is empty. */
async function enviarTodo() {
  const opciones = { espera: () => 0 };
  while (
    (
      await Promise.all([
        procesarLote(t.conexion.db, t.app.correo!, opciones),
        procesarLote(otra.db, otra.correo!, opciones),
      ])
    ).some((r) => r.tomados)
  );
}
const para = (correo: string) => smtp.recibidos.filter((m) => m.para.includes(correo));
const avisosDe = (usuarioId: string) =>
  t.conexion.db.select().from(notificacion).where(eq(notificacion.usuarioId, usuarioId));

describe('recordatorios del calendario legal', () => {
  it('dos instancias corren la tarea a la vez: un solo correo por persona y plazo', async () => {
    const ahora = a_las_8('2026-07-07');
    const [r1, r2] = await Promise.all([
      enviarRecordatorios(t.conexion.db, t.app.correo, ahora),
      enviarRecordatorios(otra.db, otra.correo, ahora),
    ]);
    await enviarTodo();
    // Once more on each, the same day: nothing new.
    const [r3, r4] = await Promise.all([
      enviarRecordatorios(t.conexion.db, t.app.correo, ahora),
      enviarRecordatorios(otra.db, otra.correo, ahora),
    ]);
    expect(r3.recordatorios + r4.recordatorios + r3.resumenes + r4.resumenes).toBe(0);
    await enviarTodo();
    await new Promise((r) => setTimeout(r, 100));

    // 15/07/2026 is 5 business days after 07/07 because 13/07 (Ley 2578 de 2026) is a holiday.
    const asunto = 'MIPG: Vence en 5 días hábiles (15/07/2026): Cierra el reporte del trimestre 2 2026';
    expect(para(CORREO.responsable).map((m) => m.asunto)).toEqual([asunto]);
    const correoResponsable = para(CORREO.responsable)[0]!;
    expect(correoResponsable.texto).toContain('Hola, Persona rosa.responsable@prueba.example.');
    expect(correoResponsable.enlace).toBe(`/calendario?entidad=${entidadId}&vigencia=2026`);
    // Planeación: the same deadline, the CIGD session that passed on 30/06 and the week's digest.
    const dePlaneacion = para(CORREO.planeacion).map((m) => m.asunto);
    expect(dePlaneacion).toHaveLength(3);
    expect(dePlaneacion).toContain(asunto);
    expect(dePlaneacion).toContain('MIPG: Venció el 30/06/2026: Sesión del CIGD del segundo trimestre');
    expect(dePlaneacion).toContain(
      'MIPG: Semana del 06/07/2026: 1 plazo del calendario legal en las próximas 4 semanas',
    );
    const digest = para(CORREO.planeacion).find((m) => m.asunto.includes('Semana'))!;
    expect(digest.texto).toContain('15/07/2026: Cierra el reporte del trimestre 2 2026');
    expect(para(CORREO.control).map((m) => m.asunto)).toEqual([
      'MIPG: Venció el 30/06/2026: Corte de la evaluación independiente del sistema de control interno (primer semestre)',
    ]);
    // Nobody got the same message twice, whichever server took it.
    const pares = smtp.recibidos.map((m) => `${m.para.join()}|${m.asunto}`);
    expect(new Set(pares).size).toBe(pares.length);
    expect(r1.recordatorios + r2.recordatorios).toBe(4);
    expect(r1.resumenes + r2.resumenes).toBe(1);
    // In the app too, once.
    expect((await avisosDe(responsable.id)).map((n) => n.texto)).toEqual([
      'Vence en 5 días hábiles (15/07/2026): Cierra el reporte del trimestre 2 2026',
    ]);
  });

  it('el día después del plazo llega el aviso de vencido, una vez', async () => {
    const ahora = a_las_8('2026-07-16');
    await Promise.all([
      enviarRecordatorios(t.conexion.db, t.app.correo, ahora),
      enviarRecordatorios(otra.db, otra.correo, ahora),
    ]);
    await enviarTodo();
    await new Promise((r) => setTimeout(r, 100));
    expect(para(CORREO.responsable).map((m) => m.asunto)).toEqual([
      'MIPG: Venció el 15/07/2026: Cierra el reporte del trimestre 2 2026',
    ]);
    expect(await enviarRecordatorios(t.conexion.db, t.app.correo, a_las_8('2026-07-17'))).toMatchObject({
      recordatorios: 0,
    });
  });

  it('un plazo movido por la entidad vuelve a recordarse; los días de aviso son de la entidad', async () => {
    await t.exigir(200, planeacion, 'PUT', `/api/entidades/${entidadId}/calendario-legal/aviso`, {
      diasAviso: 2,
    });
    await t.exigir(
      200,
      planeacion,
      'PUT',
      `/api/entidades/${entidadId}/calendario-legal/2026/eventos/seguimiento-ptep-2`,
      {
        fecha: '2026-09-10',
        justificacion: 'El comité pidió publicarlo antes',
      },
    );
    // 07/09 is three business days before 10/09: with 2 days of notice, nothing yet.
    await enviarRecordatorios(t.conexion.db, t.app.correo, a_las_8('2026-09-07'));
    await enviarRecordatorios(t.conexion.db, t.app.correo, a_las_8('2026-09-08'));
    await enviarTodo();
    await new Promise((r) => setTimeout(r, 100));
    expect(para(CORREO.control).map((m) => m.asunto)).toEqual([
      'MIPG: Vence en 2 días hábiles (10/09/2026): Publicar el seguimiento del PTEP al 31/08/2026',
    ]);
    const claves = await t.conexion.db
      .select({ clave: recordatorioEnviado.clave })
      .from(recordatorioEnviado)
      .where(
        and(eq(recordatorioEnviado.usuarioId, control.id), eq(recordatorioEnviado.entidadId, entidadId)),
      );
    expect(claves.map((c) => c.clave)).toContain(`previo:${entidadId}:2026:seguimiento-ptep-2:2026-09-10`);
    await t.exigir(200, planeacion, 'PUT', `/api/entidades/${entidadId}/calendario-legal/aviso`, {
      diasAviso: 5,
    });
  });

  it('un plazo movido dentro del aviso se recuerda al guardarlo, sin esperar la ronda del día siguiente', async () => {
    // Today's round already ran on 07/09 (the app's clock) with the CIGD session still on 30/09.
    await enviarRecordatorios(t.conexion.db, t.app.correo, a_las_8('2026-09-07'));
    await enviarTodo();
    smtp.recibidos.length = 0;
    const evento = `/api/entidades/${entidadId}/calendario-legal/2026/eventos/sesion-cigd-3`;
    await t.exigir(200, planeacion, 'PUT', evento, {
      fecha: '2026-09-11',
      justificacion: 'La gerencia adelantó la sesión del comité',
    });
    await enviarTodo();
    await new Promise((r) => setTimeout(r, 100));
    const asunto = 'MIPG: Vence en 4 días hábiles (11/09/2026): Sesión del CIGD del tercer trimestre';
    expect(para(CORREO.planeacion).map((m) => m.asunto)).toEqual([asunto]);
    expect((await avisosDe(planeacion.id)).map((n) => n.texto)).toContain(asunto.slice('MIPG: '.length));
    // The cut-off is not planeación's: the responsible got nothing new.
    expect(para(CORREO.responsable)).toEqual([]);
    await t.exigir(204, planeacion, 'DELETE', evento);
  });

  it('sin correo configurado el recordatorio llega igual en la aplicación', async () => {
    const antes = (await avisosDe(planeacion.id)).length;
    await enviarRecordatorios(t.conexion.db, null, a_las_8('2026-09-28'));
    const despues = await avisosDe(planeacion.id);
    expect(despues.length).toBeGreaterThan(antes);
    expect(despues.map((n) => n.texto)).toContain(
      'Vence en 2 días hábiles (30/09/2026): Sesión del CIGD del tercer trimestre',
    );
    expect(await t.conexion.db.select().from(correoSaliente)).toHaveLength(0);
  });
});

describe('la tarea diaria dentro de la app', () => {
  it('dos servidores con la tarea encendida sobre la misma base: cada persona recibe un correo por plazo', async () => {
    const id = await t.crearEntidad('Alcaldía de la Tarea Diaria', '800197268-4');
    const correoResponsable = 'tomas.tarea@prueba.example';
    const correoPlaneacion = 'paula.tarea@prueba.example';
    await t.usuarioCon(id, ['responsable_actividad'], correoResponsable);
    await t.usuarioCon(id, ['planeacion'], correoPlaneacion);
    // 24/03/2026, 8 a. m.: the first quarter's cut-off and the CIGD session of 31/03 are 5 business days away.
    const reloj = () => a_las_8('2026-03-24');
    const conexiones: Conexion[] = [];
    const servidores: FastifyInstance[] = [];
    for (let i = 0; i < 2; i++) {
      let conexion = t.conexion;
      if (process.env.MIPG_TEST_DB === 'postgres') {
        const [b] = await filas<{ nombre: string }>(t.conexion.db, sql`select current_database() as nombre`);
        conexion = await conectar({ databaseUrl: urlDe(process.env.TEST_DATABASE_URL!, b!.nombre) });
        conexiones.push(conexion);
      }
      const app = await construirApp({
        conexion,
        dataDir: t.dataDir,
        correo: smtp.config,
        intervaloCorreoMs: 25,
        intervaloRecordatoriosMs: 25,
        relojRecordatorios: reloj,
      });
      await app.ready();
      servidores.push(app);
    }
    try {
      const recordatorios = (correo: string) =>
        para(correo).filter((m) => /^MIPG: (Vence|Venció|Semana)/.test(m.asunto));
      const hasta = Date.now() + 15_000;
      while (recordatorios(correoResponsable).length < 1 || recordatorios(correoPlaneacion).length < 2) {
        if (Date.now() > hasta)
          throw new Error(
            `la tarea no envió los recordatorios: ${smtp.recibidos.map((m) => m.asunto).join(' | ')}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
      // Several more rounds of both servers: nothing is sent twice.
      await new Promise((r) => setTimeout(r, 500));
      expect(recordatorios(correoResponsable).map((m) => m.asunto)).toEqual([
        'MIPG: Vence en 5 días hábiles (31/03/2026): Corte del trimestre 1 2026',
      ]);
      expect(
        recordatorios(correoPlaneacion)
          .map((m) => m.asunto)
          .sort(),
      ).toEqual(
        // The cut-off is the responsables'; planeación gets the CIGD session and the week's digest.
        [
          'MIPG: Semana del 23/03/2026: 3 plazos del calendario legal en las próximas 4 semanas',
          'MIPG: Vence en 5 días hábiles (31/03/2026): Sesión del CIGD del primer trimestre',
        ].sort(),
      );
    } finally {
      for (const app of servidores) await app.close();
      for (const c of conexiones) await c.cerrar();
    }
  });
});
