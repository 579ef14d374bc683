// Control interno as the third line really works: it verifies what it chose, records its own percentage,
// closes a reply step after its observations, and never verifies its own people's work.

import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTIVO_SIN_AUTORREVISION } from '../../core/verificacion.ts';
import { dependencia, evidencia, seguimiento } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nitDePrueba,
  nuevaActividad,
  reporteEn,
  resultado,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

let cuenta = 0;
const escenario = () => escenarioConPlan(t, { nit: nitDePrueba(++cuenta) });
const seleccion = (e: Escenario) => `${e.base}/verificacion/${e.vigencia}`;
const filaDe = async (e: Escenario, quien: Sesion, actividadId: string, periodo = 1) => {
  const r = await t.exigir(
    200,
    quien,
    'GET',
    `${e.base}/seguimientos?vigencia=${e.vigencia}&periodo=${periodo}`,
  );
  return r.filas.find((f: { actividad: { id: string } }) => f.actividad.id === actividadId);
};
/** The person's pending tasks, only those of `actividadId` in the first period when given. */
const pendientes = async (e: Escenario, quien: Sesion, actividadId?: string) =>
  (
    (await t.exigir(200, quien, 'GET', `${e.base}/pendientes?vigencia=${e.vigencia}`)).pendientes as {
      tipo: string;
      enlace: string;
    }[]
  ).filter((p) => !actividadId || p.enlace.includes(`periodo=1&actividad=${actividadId}`));
const estadoDe = async (seguimientoId: string) =>
  (await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.id, seguimientoId)))[0]!;

describe('verificación selectiva', () => {
  it('sin selección registrada control interno verifica todo lo aceptado', async () => {
    const e = await escenario();
    const r = await reporteEn(t, e, 'aceptado');
    expect((await t.exigir(200, e.control, 'GET', seleccion(e))).todas).toBe(true);
    expect((await filaDe(e, e.control, r.actividadId)).verificacion).toMatchObject({
      seleccionada: true,
      situacion: 'pendiente',
      linea: 'control_interno',
      puedeVerificar: true,
    });
    expect(await pendientes(e, e.control)).toEqual([expect.objectContaining({ tipo: 'verificar' })]);
  });

  it('control interno elige una política: lo demás queda completo al aceptarse y sale de sus pendientes', async () => {
    const e = await escenario();
    const desde = await ultimaAuditoria(t);
    const creada = await t.pedir(e.control, 'POST', `${seleccion(e)}/criterios`, {
      tipo: 'politica',
      politica: 'talento_humano',
      motivo: 'Auditoría al proceso de talento humano, Plan Anual de Auditoría 2026',
    });
    expect(creada.statusCode, creada.body).toBe(201);
    expect(creada.json()).toMatchObject({
      todas: false,
      criterios: [
        {
          tipo: 'politica',
          descripcion: 'Política Gestión Estratégica del Talento Humano',
          motivo: 'Auditoría al proceso de talento humano, Plan Anual de Auditoría 2026',
          creadoPor: e.control.id,
          creadoPorNombre: expect.stringContaining('Persona'),
        },
      ],
    });
    const [aud] = await auditoriaDesde(t, desde, 'seleccion_verificacion');
    expect(aud).toMatchObject({ accion: 'crear', usuarioId: e.control.id, entidadId: e.entidadId });

    const integridad = await reporteEn(t, e, 'aceptado');
    const th = await nuevaActividad(t, e, { politica: 'talento_humano' });
    await t.conexion.db.insert(seguimiento).values({
      entidadId: e.entidadId,
      actividadId: th.id,
      periodo: 1,
      valor: 1,
      descripcion: 'Se ejecutó el plan de capacitación del trimestre.',
      estado: 'aceptado',
      reportadoPor: e.responsable.id,
    });
    expect((await filaDe(e, e.control, integridad.actividadId)).verificacion).toMatchObject({
      seleccionada: false,
      situacion: 'completo',
    });
    expect((await filaDe(e, e.control, th.id)).verificacion).toMatchObject({
      seleccionada: true,
      situacion: 'pendiente',
    });
    const suyos = await pendientes(e, e.control);
    expect(suyos).toHaveLength(1);
    expect(suyos[0]!.enlace).toContain(th.id);

    // The same choice twice, at once: one is recorded, the other gets a 409.
    const otra = { tipo: 'dependencia', dependenciaId: await unaDependencia(e) };
    const { ganadores, perdedores } = resultado(
      await aLaVez(
        () => t.pedir(e.control, 'POST', `${seleccion(e)}/criterios`, otra),
        () => t.pedir(e.control, 'POST', `${seleccion(e)}/criterios`, otra),
      ),
    );
    expect([ganadores.length, perdedores.map((r) => r.statusCode)]).toEqual([1, [409]]);
    expect(perdedores[0]!.json().mensaje).toBe('Ese criterio ya está en la selección de la vigencia.');
  });

  it('solo control interno elige, y lo que nombra debe existir y ser de la entidad', async () => {
    const e = await escenario();
    const url = `${seleccion(e)}/criterios`;
    expect((await t.pedir(e.planeacion, 'POST', url, { tipo: 'todas' })).statusCode).toBe(403);
    expect((await t.pedir(e.responsable, 'POST', url, { tipo: 'todas' })).statusCode).toBe(403);
    const campo = async (cuerpo: object) => {
      const r = await t.pedir(e.control, 'POST', url, cuerpo);
      expect(r.statusCode, r.body).toBe(400);
      return r.json().campos[0].campo;
    };
    expect(await campo({ tipo: 'politica', politica: 'inventada' })).toBe('politica');
    expect(await campo({ tipo: 'muestra', porcentaje: 0 })).toBe('porcentaje');
    expect(await campo({ tipo: 'muestra', porcentaje: 101 })).toBe('porcentaje');
    expect(await campo({ tipo: 'actividad', actividadId: '00000000-0000-4000-8000-000000000000' })).toBe(
      'actividadId',
    );
    const otra = await escenario();
    expect(await campo({ tipo: 'dependencia', dependenciaId: await unaDependencia(otra) })).toBe(
      'dependenciaId',
    );
    expect(await campo({ tipo: 'cualquiera' })).toBe('tipo');
  });

  it('la muestra aleatoria es reproducible, se puede quitar y se audita', async () => {
    const e = await escenario();
    for (let i = 0; i < 10; i++) await nuevaActividad(t, e);
    const r = await t.exigir(201, e.control, 'POST', `${seleccion(e)}/criterios`, {
      tipo: 'muestra',
      porcentaje: 25,
      semilla: 'PAA-2026',
    });
    expect(r).toMatchObject({ actividades: 10, seleccionadas: 3 });
    expect(r.criterios[0].descripcion).toBe(
      'Muestra aleatoria del 25 % de las actividades (semilla «PAA-2026»)',
    );
    const hoja = async () =>
      (await t.exigir(200, e.control, 'GET', `${e.base}/seguimientos?vigencia=${e.vigencia}&periodo=1`)).filas
        .filter((f: { verificacion: { seleccionada: boolean } }) => f.verificacion.seleccionada)
        .map((f: { actividad: { id: string } }) => f.actividad.id);
    const primera = await hoja();
    expect(primera).toHaveLength(3);
    expect(await hoja()).toEqual(primera);
    // A second sample in the same vigencia would make the first meaningless: remove it first.
    const segunda = await t.pedir(e.control, 'POST', `${seleccion(e)}/criterios`, {
      tipo: 'muestra',
      porcentaje: 50,
    });
    expect(segunda.statusCode).toBe(409);
    const desde = await ultimaAuditoria(t);
    const id = r.criterios[0].id;
    const quitada = await t.pedir(e.control, 'DELETE', `${seleccion(e)}/criterios/${id}`);
    expect(quitada.statusCode).toBe(200);
    expect(quitada.json()).toMatchObject({ todas: true, seleccionadas: 10 });
    expect(await auditoriaDesde(t, desde, 'seleccion_verificacion', id)).toEqual([
      expect.objectContaining({ accion: 'eliminar', usuarioId: e.control.id }),
    ]);
    expect((await t.pedir(e.control, 'DELETE', `${seleccion(e)}/criterios/${id}`)).statusCode).toBe(404);
  });
});

async function unaDependencia(e: Escenario) {
  const [d] = await t.conexion.db
    .insert(dependencia)
    .values({ entidadId: e.entidadId, nombre: `Talento Humano ${Math.random()}` })
    .returning();
  return d!.id;
}

describe('el avance verificado de control interno', () => {
  let e: Escenario;
  beforeAll(async () => {
    e = await escenario();
  });

  it('se guarda al verificar, junto al autorreportado, y se audita', async () => {
    const r = await reporteEn(t, e, 'aceptado');
    const desde = await ultimaAuditoria(t);
    const v = await t.pedir(e.control, 'POST', `${r.url}/verificar`, { avanceVerificado: 60.5 });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().reporte).toMatchObject({ estado: 'verificado', avanceVerificado: 60.5 });
    expect(v.json().cifras.cumplimientoPeriodo).toBe(100);
    const [aud] = await auditoriaDesde(t, desde, 'seguimiento', r.seguimientoId);
    expect(aud!.despues).toMatchObject({ estado: 'verificado', avanceVerificado: 60.5 });
  });

  it('va de 0 a 100 y el error nombra el campo; verificar sin cuerpo sigue sirviendo', async () => {
    const r = await reporteEn(t, e, 'aceptado');
    for (const avanceVerificado of [101, -1, 'mucho'] as const) {
      const x = await t.pedir(e.control, 'POST', `${r.url}/verificar`, { avanceVerificado });
      expect(x.statusCode).toBe(400);
      expect(x.json().campos[0]).toMatchObject({ campo: 'avanceVerificado' });
    }
    expect((await estadoDe(r.seguimientoId)).estado).toBe('aceptado');
    const sinCuerpo = await t.pedir(e.control, 'POST', `${r.url}/verificar`, {});
    expect(sinCuerpo.statusCode, sinCuerpo.body).toBe(200);
    expect(sinCuerpo.json().reporte.avanceVerificado).toBeNull();
  });

  it('las observaciones también pueden llevar el porcentaje propio', async () => {
    const r = await reporteEn(t, e, 'aceptado');
    const o = await t.pedir(e.control, 'POST', `${r.url}/observar`, {
      observaciones: 'El acta no tiene firmas.',
      avanceVerificado: 0,
    });
    expect(o.json().reporte).toMatchObject({ estado: 'con_observaciones', avanceVerificado: 0 });
  });
});

describe('el paso de respuesta a las observaciones de control interno', () => {
  let e: Escenario;
  beforeAll(async () => {
    e = await escenario();
  });

  it('el responsable responde con evidencia nueva y control interno cierra', async () => {
    const r = await reporteEn(t, e, 'aceptado');
    await t.exigir(200, e.control, 'POST', `${r.url}/observar`, {
      observaciones: 'La lista de asistencia no corresponde al trimestre.',
    });
    expect(await pendientes(e, e.responsable, r.actividadId)).toEqual([
      expect.objectContaining({ tipo: 'responder' }),
    ]);
    const nueva = await t.pedir(e.responsable, 'POST', `${r.url}/enlaces`, {
      nombre: 'Lista de asistencia del trimestre',
      url: 'https://entidad.gov.co/asistencia-t1',
    });
    expect(nueva.statusCode, nueva.body).toBe(201);
    // What control interno reviewed stays: the evidence it saw cannot be removed now.
    const [vieja] = await t.conexion.db
      .select()
      .from(evidencia)
      .where(eq(evidencia.seguimientoId, r.seguimientoId));
    expect((await t.pedir(e.responsable, 'DELETE', `${e.base}/evidencias/${vieja!.id}`)).statusCode).toBe(
      409,
    );

    const desde = await ultimaAuditoria(t);
    const resp = await t.pedir(e.responsable, 'POST', `${r.url}/responder`, {
      observaciones: 'Se adjunta la lista correcta del primer trimestre.',
    });
    expect(resp.statusCode, resp.body).toBe(200);
    expect(resp.json().reporte).toMatchObject({
      estado: 'respondido',
      respuestaControl: 'Se adjunta la lista correcta del primer trimestre.',
      observacionesControl: 'La lista de asistencia no corresponde al trimestre.',
    });
    expect(resp.json().reporte.evidencias).toHaveLength(2);
    expect(await auditoriaDesde(t, desde, 'seguimiento', r.seguimientoId)).toEqual([
      expect.objectContaining({ accion: 'responder', usuarioId: e.responsable.id }),
    ]);
    expect((await filaDe(e, e.control, r.actividadId)).verificacion.situacion).toBe('respondido');
    expect(await pendientes(e, e.control, r.actividadId)).toEqual([
      expect.objectContaining({ tipo: 'verificar' }),
    ]);
    expect(await pendientes(e, e.responsable, r.actividadId)).toEqual([]);

    const cierre = await t.pedir(e.control, 'POST', `${r.url}/verificar`, { avanceVerificado: 100 });
    expect(cierre.json().reporte).toMatchObject({ estado: 'verificado', avanceVerificado: 100 });
  });

  it('control interno puede dejar una nueva observación sobre la respuesta', async () => {
    const r = await reporteEn(t, e, 'respondido');
    const o = await t.pedir(e.control, 'POST', `${r.url}/observar`, {
      observaciones: 'La nueva lista tampoco tiene firmas.',
    });
    expect(o.json().reporte.estado).toBe('con_observaciones');
  });

  it('solo responde quien reporta, solo lo observado, una sola vez aunque lleguen dos a la vez', async () => {
    const aceptado = await reporteEn(t, e, 'aceptado');
    const cuerpo = { observaciones: 'Respuesta a las observaciones.' };
    const antes = await t.pedir(e.responsable, 'POST', `${aceptado.url}/responder`, cuerpo);
    expect(antes.statusCode).toBe(409);
    expect(antes.json().mensaje).toBe(
      'No se puede responder las observaciones de un reporte «Aceptado por planeación».',
    );
    const r = await reporteEn(t, e, 'con_observaciones');
    expect((await t.pedir(e.control, 'POST', `${r.url}/responder`, cuerpo)).statusCode).toBe(403);
    expect((await t.pedir(e.responsable, 'POST', `${r.url}/responder`, {})).json().campos[0].campo).toBe(
      'observaciones',
    );
    const { ganadores, perdedores } = resultado(
      await aLaVez(
        () => t.pedir(e.responsable, 'POST', `${r.url}/responder`, cuerpo),
        () => t.pedir(e.responsable, 'POST', `${r.url}/responder`, cuerpo),
      ),
    );
    expect([ganadores.length, perdedores.map((x) => x.statusCode)]).toEqual([1, [409]]);
  });
});

describe('nadie se revisa a sí mismo: reportes de control interno sobre su propia política', () => {
  let e: Escenario;
  let jefeControl: Sesion & { id: string };
  beforeAll(async () => {
    e = await escenario();
    // The head of control interno also reports the activities of the Control Interno policy.
    jefeControl = await t.usuarioCon(e.entidadId, ['control_interno', 'responsable_actividad']);
  });

  async function reportePropio() {
    const a = await nuevaActividad(t, e, {
      politica: 'control_interno',
      nombre: 'Presentar el informe pormenorizado del estado del control interno',
      responsableId: jefeControl.id,
    });
    const [s] = await t.conexion.db
      .insert(seguimiento)
      .values({
        entidadId: e.entidadId,
        actividadId: a.id,
        periodo: 1,
        valor: 1,
        descripcion: 'Se publicó el informe del semestre.',
        estado: 'aceptado',
        reportadoPor: jefeControl.id,
      })
      .returning();
    return { actividadId: a.id, seguimientoId: s!.id, url: `${e.base}/seguimientos/${a.id}/1` };
  }

  it('lo verifica planeación, y la pantalla dice por qué', async () => {
    const r = await reportePropio();
    for (const quien of [e.control, e.planeacion])
      expect((await filaDe(e, quien, r.actividadId)).verificacion).toMatchObject({
        linea: 'planeacion',
        motivo: MOTIVO_SIN_AUTORREVISION,
        puedeVerificar: quien === e.planeacion,
      });
    expect(await pendientes(e, e.control, r.actividadId)).toEqual([]);
    expect(await pendientes(e, e.planeacion, r.actividadId)).toEqual([
      expect.objectContaining({ tipo: 'verificar' }),
    ]);

    for (const quien of [e.control, jefeControl]) {
      const no = await t.pedir(quien, 'POST', `${r.url}/verificar`, { avanceVerificado: 100 });
      expect(no.statusCode).toBe(403);
      expect(no.json().mensaje).toContain('lo verifica planeación');
    }
    const lote = await t.pedir(e.control, 'POST', `${e.base}/periodos/1/seguimientos/verificar`, {
      actividades: [r.actividadId],
    });
    expect(lote.json()).toMatchObject({ aplicados: 0, resultados: [{ ok: false }] });
    expect((await estadoDe(r.seguimientoId)).estado).toBe('aceptado');

    const desde = await ultimaAuditoria(t);
    const si = await t.pedir(e.planeacion, 'POST', `${r.url}/verificar`, { avanceVerificado: 90 });
    expect(si.statusCode, si.body).toBe(200);
    expect(si.json().reporte).toMatchObject({ estado: 'verificado', avanceVerificado: 90 });
    const [aud] = await auditoriaDesde(t, desde, 'seguimiento', r.seguimientoId);
    expect(aud).toMatchObject({ accion: 'verificar', usuarioId: e.planeacion.id });
    expect(aud!.despues).toMatchObject({ verificaPlaneacion: MOTIVO_SIN_AUTORREVISION });
  });

  it('planeación deja observaciones y cierra tras la respuesta', async () => {
    const r = await reportePropio();
    await t.exigir(200, e.planeacion, 'POST', `${r.url}/observar`, {
      observaciones: 'Falta el anexo del seguimiento a riesgos.',
    });
    await t.exigir(200, jefeControl, 'POST', `${r.url}/responder`, {
      observaciones: 'Se adjunta el anexo.',
    });
    expect((await t.pedir(e.control, 'POST', `${r.url}/verificar`, {})).statusCode).toBe(403);
    expect((await t.pedir(e.planeacion, 'POST', `${r.url}/verificar`, {})).statusCode).toBe(200);
  });

  it('la selección de control interno no puede dejar su propio trabajo sin verificar', async () => {
    await t.exigir(201, e.control, 'POST', `${seleccion(e)}/criterios`, {
      tipo: 'politica',
      politica: 'integridad',
    });
    const r = await reportePropio();
    expect((await filaDe(e, e.planeacion, r.actividadId)).verificacion).toMatchObject({
      seleccionada: true,
      situacion: 'pendiente',
      linea: 'planeacion',
    });
    expect(await pendientes(e, e.planeacion, r.actividadId)).toEqual([
      expect.objectContaining({ tipo: 'verificar' }),
    ]);
    const tablero = await t.exigir(
      200,
      e.planeacion,
      'GET',
      `${e.base}/tablero/actividades?vigencia=${e.vigencia}&periodo=1`,
    );
    expect(tablero.actividades.find((x: { id: string }) => x.id === r.actividadId).seleccionada).toBe(true);
  });

  it('lo que no es de control interno sobre su política lo sigue verificando control interno', async () => {
    const otro = await reporteEn(t, e, 'aceptado');
    const no = await t.pedir(e.planeacion, 'POST', `${otro.url}/verificar`, {});
    expect(no.statusCode).toBe(403);
    expect(no.json().mensaje).toBe('Solo control interno verifica este reporte o le deja observaciones.');
    const ci = await nuevaActividad(t, e, { politica: 'control_interno' });
    await t.conexion.db.insert(seguimiento).values({
      entidadId: e.entidadId,
      actividadId: ci.id,
      periodo: 1,
      valor: 1,
      descripcion: 'La política la reporta otra dependencia.',
      estado: 'aceptado',
      reportadoPor: e.responsable.id,
    });
    expect(
      (await t.pedir(e.control, 'POST', `${e.base}/seguimientos/${ci.id}/1/verificar`, {})).statusCode,
    ).toBe(200);
  });
});

describe('el tablero muestra la parte verificada y el avance de control interno', () => {
  it('verificados sobre lo elegido, lo no elegido completo, y el porcentaje propio junto al autorreportado', async () => {
    const e = await escenario();
    const verificado = await reporteEn(t, e, 'aceptado');
    const pendiente = await reporteEn(t, e, 'aceptado');
    const noElegido = await reporteEn(t, e, 'aceptado');
    for (const r of [verificado, pendiente])
      await t.exigir(201, e.control, 'POST', `${seleccion(e)}/criterios`, {
        tipo: 'actividad',
        actividadId: r.actividadId,
      });
    await t.exigir(200, e.control, 'POST', `${verificado.url}/verificar`, { avanceVerificado: 75 });
    const tablero = await t.exigir(
      200,
      e.planeacion,
      'GET',
      `${e.base}/tablero?vigencia=${e.vigencia}&periodo=1`,
    );
    expect(tablero.verificacion).toEqual({
      aceptados: 3,
      seleccionados: 2,
      verificados: 1,
      enRespuesta: 0,
      pendientes: 1,
      completos: 1,
      porcentajeVerificado: 50,
    });
    const lista = await t.exigir(
      200,
      e.planeacion,
      'GET',
      `${e.base}/tablero/actividades?vigencia=${e.vigencia}&periodo=1`,
    );
    const de = (id: string) => lista.actividades.find((a: { id: string }) => a.id === id);
    expect(de(verificado.actividadId)).toMatchObject({
      seleccionada: true,
      avanceVerificado: 75,
      avance: 25,
    });
    expect(de(pendiente.actividadId)).toMatchObject({ seleccionada: true, avanceVerificado: null });
    expect(de(noElegido.actividadId)).toMatchObject({ seleccionada: false, reporte: 'aceptado' });
  });
});

describe('Excel lleva el avance verificado junto al autorreportado', () => {
  it('la hoja de seguimiento del periodo trae el porcentaje propio, la verificación y la respuesta', async () => {
    const e = await escenario();
    const r = await reporteEn(t, e, 'aceptado');
    await t.exigir(200, e.control, 'POST', `${r.url}/observar`, {
      observaciones: 'Falta la firma del acta.',
      avanceVerificado: 40,
    });
    await t.exigir(200, e.responsable, 'POST', `${r.url}/responder`, {
      observaciones: 'Se adjunta el acta firmada.',
    });
    const x = await t.pedir(e.planeacion, 'GET', `${e.base}/plan/${e.vigencia}/export.xlsx?periodo=1`);
    expect(x.statusCode).toBe(200);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const hoja = libro.getWorksheet('Seguimiento Trimestre 1')!;
    const encabezados = hoja.getRow(1).values as string[];
    const celda = (col: string) => hoja.getRow(2).getCell(encabezados.indexOf(col)).value;
    // Beside the self-reported cumplimiento, as a number a spreadsheet can use.
    expect(encabezados.indexOf('Avance verificado por control interno (%)')).toBe(
      encabezados.indexOf('Cumplimiento del periodo (%)') + 1,
    );
    expect(celda('Cumplimiento del periodo (%)')).toBe(1);
    expect(celda('Avance verificado por control interno (%)')).toBe(0.4);
    expect(celda('Verificación')).toBe('Respondido, esperando el cierre de la verificación');
    expect(celda('Respuesta a control interno')).toBe('Se adjunta el acta firmada.');
  });
});
