// FURAG rehearsal (issue 10 §5): planeación opens it on the vigencia's bank and assigns modules to its people;
// only the assignee answers, control interno answers only its form, other entities are denied; each answer
// carries its evidence links, last vigencia's answer shows beside it, progress is completeness and evidence
// coverage per module and person, and every answer goes out in .xlsx.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cuestionario, Item } from '../../core/cuestionario.ts';
import { evidencia as tablaEvidencia } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nitNuevo,
  reporteEn,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { EJEMPLO_CUESTIONARIO } from './cuestionario-xlsx.ts';

const SI_NO = [
  { codigo: 'si', texto: 'Sí' },
  { codigo: 'no', texto: 'No' },
];
const pregunta = (codigo: string, extra: Partial<Item> = {}): Item => ({
  codigo,
  tipo: 'seleccion_unica',
  texto: `¿La entidad cumple lo de ${codigo}? (ejemplo, no oficial)`,
  opciones: SI_NO,
  evidencia: true,
  ...extra,
});

/** A short bank written for the test: two modules of the entity's form and the control-interno form. */
const banco = (vigencia: number, equivalencias?: Record<string, string>): Cuestionario => ({
  formato: 'mipg-cuestionario/1',
  codigo: 'FURAG-PRUEBA',
  nombre: `Banco FURAG de prueba ${vigencia} (ejemplo, no oficial)`,
  vigencia,
  instrumento: 'furag',
  fuente: 'Ejemplo, no oficial',
  secciones: [
    {
      codigo: 'M1',
      nombre: 'Talento humano',
      items: [
        pregunta(vigencia === 2024 ? 'A1' : 'F1', equivalencias ? { equivalencias } : {}),
        pregunta('F2', { tipo: 'numero', opciones: undefined, evidencia: false }),
      ],
      secciones: [
        {
          codigo: 'M1.1',
          nombre: 'Capacitación',
          items: [pregunta('F3', { tipo: 'texto', opciones: undefined })],
          secciones: [],
        },
      ],
    },
    { codigo: 'M2', nombre: 'Integridad', items: [pregunta('F4'), pregunta('F5')], secciones: [] },
    { codigo: 'CI', nombre: 'Control interno', items: [pregunta('F6'), pregunta('F7')], secciones: [] },
  ],
});

let t: AppPrueba;
let e: Escenario;
let ana: Sesion & { id: string };
let beto: Sesion & { id: string };
let consulta: Sesion;
let ajena: Escenario;
let simId: string;
let previoId: string;
let bancoId: string;

const url = (resto = '', base = e.base, id = simId) => `${base}/simulacros/${id}${resto}`;
const responder = (s: Sesion, item: string, cuerpo: unknown, id = simId) =>
  t.pedir(s, 'PUT', url(`/respuestas/${item}`, e.base, id), cuerpo);
const asignar = (s: Sesion, seccion: string, usuarioId: string | null, id = simId) =>
  t.pedir(s, 'PUT', url(`/asignaciones/${seccion}`, e.base, id), { usuarioId });
const evidencia = (n: number) => ({
  nombre: `Acta ${n}`,
  url: `https://mocoa.example/evidencias/acta-${n}.pdf`,
});

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
  ana = await t.usuarioCon(e.entidadId, ['planeacion']);
  beto = await t.usuarioCon(e.entidadId, ['planeacion']);
  consulta = await t.usuarioCon(e.entidadId, ['consulta']);
  ajena = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
  const de2024 = await t.exigir(201, t.admin, 'POST', '/api/cuestionarios/import', banco(2024));
  // Last year the first question was A1.
  const de2025 = await t.exigir(
    201,
    t.admin,
    'POST',
    '/api/cuestionarios/import',
    banco(2025, { '2024': 'A1' }),
  );
  previoId = (
    await t.exigir(201, e.planeacion, 'POST', `${e.base}/simulacros`, {
      cuestionarioId: de2024.id,
      seccionControlInterno: 'CI',
    })
  ).id;
  await t.exigir(200, e.planeacion, 'PUT', url('/asignaciones/M1', e.base, previoId), { usuarioId: ana.id });
  await t.exigir(200, ana, 'PUT', url('/respuestas/A1', e.base, previoId), {
    respuesta: { opcion: 'no' },
    evidencias: [evidencia(0)],
  });
  bancoId = de2025.id;
}, 120_000);
afterAll(() => t.cerrar());

describe('simulacro FURAG', () => {
  it('planeación lo abre con el banco de la vigencia y el módulo de control interno; nadie más; dos veces 409', async () => {
    const cuestionarioId = bancoId;
    for (const s of [consulta, e.control])
      expect((await t.pedir(s, 'POST', `${e.base}/simulacros`, { cuestionarioId })).statusCode).toBe(403);
    expect(
      (await t.pedir(ajena.planeacion, 'POST', `${e.base}/simulacros`, { cuestionarioId })).statusCode,
    ).toBe(403);
    const subseccion = await t.pedir(e.planeacion, 'POST', `${e.base}/simulacros`, {
      cuestionarioId,
      seccionControlInterno: 'M1.1',
    });
    expect(subseccion.statusCode).toBe(400);
    expect(subseccion.json().campos[0].campo).toBe('seccionControlInterno');
    // The banks come with their modules, to name the control-interno form among them.
    const { cuestionarios } = await t.exigir(
      200,
      e.planeacion,
      'GET',
      `/api/cuestionarios?entidadId=${e.entidadId}&instrumento=furag`,
    );
    expect(cuestionarios.find((c: { id: string }) => c.id === cuestionarioId).modulos).toEqual([
      { codigo: 'M1', nombre: 'Talento humano' },
      { codigo: 'M2', nombre: 'Integridad' },
      { codigo: 'CI', nombre: 'Control interno' },
    ]);
    const ejemplo = await t.exigir(201, t.admin, 'POST', '/api/cuestionarios/import', EJEMPLO_CUESTIONARIO);
    const noFurag = await t.pedir(e.planeacion, 'POST', `${e.base}/simulacros`, {
      cuestionarioId: ejemplo.id,
    });
    expect(noFurag.statusCode).toBe(400);
    expect(noFurag.json().mensaje).toMatch(/furag/);
    const s = await t.exigir(201, e.planeacion, 'POST', `${e.base}/simulacros`, {
      cuestionarioId,
      seccionControlInterno: 'CI',
    });
    simId = s.id;
    expect(s).toMatchObject({
      vigencia: 2025,
      seccionControlInterno: 'CI',
      avance: { aplicables: 7, respondidos: 0, completitud: 0, coberturaEvidencia: null },
    });
    expect(
      (
        await t.pedir(e.planeacion, 'POST', `${e.base}/simulacros`, {
          cuestionarioId,
          seccionControlInterno: 'CI',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('planeación asigna módulos y partes a personas de planeación; el formulario de control interno no se asigna', async () => {
    expect((await asignar(consulta, 'M1', ana.id)).statusCode).toBe(403);
    expect((await asignar(ajena.planeacion, 'M1', ana.id)).statusCode).toBe(403);
    const aControl = await asignar(e.planeacion, 'M1', e.control.id);
    expect(aControl.statusCode).toBe(400);
    expect(aControl.json().campos[0].campo).toBe('usuarioId');
    expect((await asignar(e.planeacion, 'CI', ana.id)).statusCode).toBe(400);
    expect((await asignar(e.planeacion, 'NO-EXISTE', ana.id)).statusCode).toBe(404);
    const desde = await ultimaAuditoria(t);
    await t.exigir(200, e.planeacion, 'PUT', url('/asignaciones/M1'), { usuarioId: ana.id });
    const asignaciones = await t.exigir(200, e.planeacion, 'PUT', url('/asignaciones/M1.1'), {
      usuarioId: beto.id,
    });
    expect(asignaciones).toEqual([
      { seccion: 'M1', usuario: { id: ana.id, nombre: expect.any(String) } },
      { seccion: 'M1.1', usuario: { id: beto.id, nombre: expect.any(String) } },
    ]);
    const [registro] = await auditoriaDesde(t, desde, 'simulacro', `${simId}:M1`);
    expect(registro).toMatchObject({ accion: 'asignar_responsable', despues: { usuarioId: ana.id } });
  });

  it('solo quien tiene asignada la sección responde; control interno solo su formulario; otra entidad nada', async () => {
    const si = { respuesta: { opcion: 'si' }, evidencias: [evidencia(1)] };
    // F1 is Ana's (M1); F3 is Beto's (M1.1 overrides M1); F4 nobody's; F6 control interno's.
    expect((await responder(beto, 'F1', si)).statusCode).toBe(403);
    expect((await responder(consulta, 'F1', si)).statusCode).toBe(403);
    expect((await responder(ajena.planeacion, 'F1', si)).statusCode).toBe(403);
    const deControl = await responder(e.control, 'F1', si);
    expect(deControl.statusCode).toBe(403);
    expect(deControl.json().mensaje).toMatch(/solo el formulario de control interno/);
    const deAna = await responder(ana, 'F6', si);
    expect(deAna.statusCode).toBe(403);
    expect(deAna.json().mensaje).toMatch(/jefe de control interno/);
    expect((await responder(ana, 'F3', { respuesta: { texto: 'Plan de capacitación' } })).statusCode).toBe(
      403,
    );
    expect((await responder(ana, 'F4', si)).statusCode).toBe(403);
    expect((await responder(e.planeacion, 'F1', si)).statusCode).toBe(403);

    const desde = await ultimaAuditoria(t);
    const r = await responder(ana, 'F1', { ...si, observacion: 'Acta del comité de marzo' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().total).toMatchObject({ respondidos: 1, conEvidencia: 1 });
    const [registro] = await auditoriaDesde(t, desde, 'simulacro', `${simId}:F1`);
    expect(registro).toMatchObject({ accion: 'responder_item', despues: { respuesta: { opcion: 'si' } } });
    expect(
      (await responder(beto, 'F3', { respuesta: { texto: 'Plan de capacitación 2025' } })).statusCode,
    ).toBe(200);
    expect((await responder(ana, 'F2', { respuesta: { numero: 12 } })).statusCode).toBe(200);
    expect(
      (await responder(e.control, 'F6', { respuesta: { opcion: 'no' }, evidencias: [evidencia(6)] }))
        .statusCode,
    ).toBe(200);
    // Another entity's planeación, under its own path with this simulacro's id: not found there.
    expect((await t.pedir(ajena.planeacion, 'PUT', url('/respuestas/F1', ajena.base), si)).statusCode).toBe(
      404,
    );
    expect((await t.pedir(ajena.planeacion, 'GET', url())).statusCode).toBe(403);
  });

  it('valida la respuesta contra su pregunta y las evidencias como enlaces web', async () => {
    const mala = await responder(ana, 'F1', { respuesta: { opcion: 'tal-vez' } });
    expect(mala.statusCode).toBe(400);
    const enlace = await responder(ana, 'F1', {
      respuesta: { opcion: 'si' },
      evidencias: [{ nombre: 'Acta', url: 'javascript:alert(1)' }],
    });
    expect(enlace.statusCode).toBe(400);
    expect(enlace.json().campos[0].campo).toBe('evidencias.0.url');
    const muchas = await responder(ana, 'F1', {
      respuesta: { opcion: 'si' },
      evidencias: Array.from({ length: 11 }, (_, i) => evidencia(i)),
    });
    expect(muchas.statusCode).toBe(400);
    expect((await responder(ana, 'NO-EXISTE', { respuesta: null })).statusCode).toBe(404);
  });

  it('enlaza evidencias ya cargadas en el seguimiento de la entidad (el mismo archivo), nunca las de otra', async () => {
    const idDe = async (seguimientoId: string) =>
      (
        await t.conexion.db
          .select()
          .from(tablaEvidencia)
          .where(eq(tablaEvidencia.seguimientoId, seguimientoId))
      )[0]!.id;
    const propia = await idDe((await reporteEn(t, e, 'aceptado')).seguimientoId);
    const deOtra = await idDe((await reporteEn(t, ajena, 'aceptado')).seguimientoId);
    const elegibles = await t.exigir(200, ana, 'GET', url('/evidencias-elegibles'));
    expect(elegibles.evidencias.map((x: { id: string }) => x.id)).toContain(propia);
    expect(elegibles.evidencias.map((x: { id: string }) => x.id)).not.toContain(deOtra);
    expect((await t.pedir(ajena.planeacion, 'GET', url('/evidencias-elegibles'))).statusCode).toBe(403);

    const ajenaR = await responder(ana, 'F2', {
      respuesta: { numero: 12 },
      evidencias: [{ evidenciaId: deOtra }],
    });
    expect(ajenaR.statusCode).toBe(400);
    expect(ajenaR.json().campos).toEqual([
      {
        campo: 'evidencias.0.evidenciaId',
        mensaje: 'la evidencia no está en el seguimiento de esta entidad',
      },
    ]);
    const sinEnlace = await responder(ana, 'F2', {
      respuesta: { numero: 12 },
      evidencias: [{ nombre: 'Acta' }],
    });
    expect(sinEnlace.statusCode).toBe(400);
    expect(sinEnlace.json().mensaje).toMatch(/enlace/);

    // Its name and route are the server's; the same one twice is one; saved again as read, it stays.
    const r = await responder(ana, 'F2', {
      respuesta: { numero: 12 },
      evidencias: [{ evidenciaId: propia, nombre: 'otro nombre' }, { evidenciaId: propia }],
    });
    expect(r.statusCode, r.body).toBe(200);
    const guardada = (await t.exigir(200, ana, 'GET', url())).respuestas.F2;
    expect(guardada.evidencias).toEqual([
      {
        nombre: 'Publicación en la sede electrónica',
        url: `${e.base}/evidencias/${propia}`,
        evidenciaId: propia,
      },
    ]);
    expect((await responder(ana, 'F2', guardada)).statusCode).toBe(200);
    // The route opens the file (here a link: a redirect) for anyone of the entity.
    expect((await t.pedir(consulta, 'GET', `${e.base}/evidencias/${propia}`)).statusCode).toBe(302);
  });

  it('el detalle trae la respuesta de la vigencia anterior al lado (por código equivalente) y el avance por módulo y persona', async () => {
    const d = await t.exigir(200, consulta, 'GET', url());
    expect(d.anterior).toMatchObject({
      simulacroId: previoId,
      vigencia: 2024,
      respuestas: { F1: { respuesta: { opcion: 'no' }, evidencias: [evidencia(0)] } },
    });
    expect(d.respuestas.F1).toEqual({
      respuesta: { opcion: 'si' },
      observacion: 'Acta del comité de marzo',
      evidencias: [evidencia(1)],
    });
    expect(d.puedoResponder).toEqual([]);
    expect(d.responden.F3).toEqual({ tipo: 'persona', usuarioId: beto.id, seccion: 'M1.1' });
    // 4 of 7 answered; with evidence: F1, F2 (seguimiento's), F6; F3 has none.
    expect(d.avance.total).toEqual({
      aplicables: 7,
      respondidos: 4,
      conEvidencia: 3,
      completitud: 57.1,
      coberturaEvidencia: 75,
    });
    expect(
      d.avance.modulos.map((m: { codigo: string; completitud: number }) => [m.codigo, m.completitud]),
    ).toEqual([
      ['M1', 100],
      ['M2', 0],
      ['CI', 50],
    ]);
    const porPersona = Object.fromEntries(
      d.avance.personas.map(
        (p: { clave: string; respondidos: number; aplicables: number; nombre: string }) => [
          p.clave,
          [p.respondidos, p.aplicables, p.nombre],
        ],
      ),
    );
    expect(porPersona).toEqual({
      [ana.id]: [2, 2, expect.any(String)],
      [beto.id]: [1, 1, expect.any(String)],
      sin_asignar: [0, 2, 'Sin asignar'],
      control_interno: [1, 2, 'Control interno'],
    });
    expect(JSON.stringify(d)).not.toMatch(/"puntaje"\s*:\s*\d/);
    const deAna = await t.exigir(200, ana, 'GET', url());
    expect(deAna.puedoResponder).toEqual(['F1', 'F2']);
    const deControl = await t.exigir(200, e.control, 'GET', url());
    expect(deControl.puedoResponder).toEqual(['F6', 'F7']);
  });

  it('exporta todas las respuestas con sus enlaces de evidencia y la respuesta anterior a .xlsx', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: url('/export.xlsx'),
      headers: { cookie: consulta.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="simulacro-furag-2025.xlsx"');
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const hoja = libro.getWorksheet('Respuestas')!;
    const filas = hoja.getSheetValues().slice(1) as unknown[][];
    expect(filas[0]!.slice(1)).toEqual([
      'Módulo',
      'Sección',
      'Código',
      'Pregunta',
      'Tipo',
      'Se muestra',
      'Respuesta',
      'Observación',
      'Evidencias',
      'Responde',
      'Respuesta 2024',
    ]);
    expect(filas).toHaveLength(8);
    const f1 = filas.find((f) => f[3] === 'F1')!;
    expect(f1.slice(1)).toEqual([
      'Talento humano',
      '',
      'F1',
      expect.stringContaining('F1'),
      expect.any(String),
      'Sí',
      'Sí',
      'Acta del comité de marzo',
      'Acta 1: https://mocoa.example/evidencias/acta-1.pdf',
      expect.any(String),
      'No',
    ]);
    const f6 = filas.find((f) => f[3] === 'F6')!;
    expect(f6[10]).toBe('Control interno');
    // Seguimiento's evidence goes out as a whole link, on the address the person used.
    const f2 = filas.find((f) => f[3] === 'F2')!;
    expect(f2[9]).toMatch(
      new RegExp(
        `^Publicación en la sede electrónica: http://localhost(:80)?${e.base}/evidencias/[0-9a-f-]{36}$`,
      ),
    );
    expect((await t.pedir(ajena.planeacion, 'GET', url('/export.xlsx'))).statusCode).toBe(403);
  });

  it('cambiar la asignación mientras alguien responde: o responde antes (200) o queda sin permiso (403); nunca un 500', async () => {
    for (let ronda = 0; ronda < 5; ronda++) {
      await t.exigir(200, e.planeacion, 'PUT', url('/asignaciones/M2'), { usuarioId: ana.id });
      const [respuesta, cambio] = await aLaVez(
        () => responder(ana, 'F4', { respuesta: { opcion: ronda % 2 ? 'si' : 'no' } }),
        () => asignar(e.planeacion, 'M2', beto.id),
      );
      expect(cambio!.statusCode, cambio!.body).toBe(200);
      expect([200, 403], respuesta!.body).toContain(respuesta!.statusCode);
    }
  });
});
