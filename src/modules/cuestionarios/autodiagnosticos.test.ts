import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidencia } from '../../db/schema.ts';
import { escenarioConPlan, nitDePrueba, reporteEn } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { EJEMPLO_CUESTIONARIO } from './cuestionario-xlsx.ts';

let t: AppPrueba;
let a: string;
let b: string;
let planeacionA: Sesion;
let responsableTH: Sesion & { id: string };
let otroResponsable: Sesion;
let consultaA: Sesion;
let planeacionB: Sesion;
let cuestionarioId: string;
let autoId: string;

beforeAll(async () => {
  t = await crearAppPrueba();
  a = await t.crearEntidad('Alcaldía de Mocoa', '846000253-6');
  b = await t.crearEntidad('Alcaldía de Villagarzón', '800197268-4');
  planeacionA = await t.usuarioCon(a, ['planeacion']);
  responsableTH = await t.usuarioCon(a, ['responsable_politica'], 'talento@mocoa.example');
  otroResponsable = await t.usuarioCon(a, ['responsable_politica']);
  consultaA = await t.usuarioCon(a, ['consulta']);
  planeacionB = await t.usuarioCon(b, ['planeacion']);
  await t.exigir(200, planeacionA, 'PUT', `/api/entidades/${a}/responsables/2025/talento_humano`, {
    usuarioId: responsableTH.id,
    dependenciaId: null,
  });
  cuestionarioId = (await t.exigir(201, t.admin, 'POST', '/api/cuestionarios/import', EJEMPLO_CUESTIONARIO))
    .id;
}, 120_000);
afterAll(() => t.cerrar());

const responder = (s: Sesion, item: string, cuerpo: unknown, id = autoId, entidad = a) =>
  t.pedir(s, 'PUT', `/api/entidades/${entidad}/autodiagnosticos/${id}/respuestas/${item}`, cuerpo);

describe('autodiagnósticos', () => {
  it('planeación asigna el autodiagnóstico de la política; queda en blanco, sin puntaje y con completitud 0', async () => {
    expect(
      (await t.pedir(consultaA, 'POST', `/api/entidades/${a}/autodiagnosticos`, { cuestionarioId }))
        .statusCode,
    ).toBe(403);
    const r = await t.exigir(201, planeacionA, 'POST', `/api/entidades/${a}/autodiagnosticos`, {
      cuestionarioId,
    });
    autoId = r.id;
    expect(r).toMatchObject({
      vigencia: 2025,
      politica: 'talento_humano',
      responsable: { id: responsableTH.id },
      resultado: { puntaje: null, completitud: 0, respondidos: 0 },
    });
    const otra = await t.pedir(planeacionA, 'POST', `/api/entidades/${a}/autodiagnosticos`, {
      cuestionarioId,
    });
    expect(otra.statusCode).toBe(409);
  });

  it('solo el responsable de la política responde; otra entidad ni lo ve', async () => {
    const cuerpo = { respuesta: { puntaje: 80 }, observacion: 'Caracterización de marzo' };
    expect((await responder(otroResponsable, 'EJ-01', cuerpo)).statusCode).toBe(403);
    expect((await responder(planeacionA, 'EJ-01', cuerpo)).statusCode).toBe(403);
    expect((await responder(planeacionB, 'EJ-01', cuerpo)).statusCode).toBe(403);
    expect(
      (await t.pedir(planeacionB, 'GET', `/api/entidades/${a}/autodiagnosticos/${autoId}`)).statusCode,
    ).toBe(403);
    // The id of A's autodiagnóstico under B's path: not found there.
    expect(
      (await t.pedir(planeacionB, 'GET', `/api/entidades/${b}/autodiagnosticos/${autoId}`)).statusCode,
    ).toBe(404);
    const r = await responder(responsableTH, 'EJ-01', cuerpo);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ puntaje: 80, respondidos: 1, sinEvidencia: 1 });
  });

  it('valida la respuesta contra su ítem, y la anuladora deja el ítem solo con ella', async () => {
    const fuera = await responder(responsableTH, 'EJ-02', { respuesta: { puntaje: 120 } });
    expect(fuera.statusCode).toBe(400);
    const noAplica = await responder(responsableTH, 'EJ-01', { respuesta: { noAplica: true } });
    expect(noAplica.statusCode).toBe(400);
    expect(noAplica.json().mensaje).toMatch(/no admite «no aplica»/);
    await t.exigir(
      200,
      responsableTH,
      'PUT',
      `/api/entidades/${a}/autodiagnosticos/${autoId}/respuestas/EJ-03`,
      {
        respuesta: { opcion: 'si' },
      },
    );
    await t.exigir(
      200,
      responsableTH,
      'PUT',
      `/api/entidades/${a}/autodiagnosticos/${autoId}/respuestas/EJ-04`,
      {
        respuesta: { opciones: ['pic', 'ninguno', 'sst'] },
      },
    );
    const visto = await t.exigir(200, consultaA, 'GET', `/api/entidades/${a}/autodiagnosticos/${autoId}`);
    expect(visto.respuestas['EJ-04']).toEqual({ respuesta: { opciones: ['ninguno'] }, observacion: null });
    expect(visto.respuestas['EJ-01'].observacion).toBe('Caracterización de marzo');
    expect(visto.puedeResponder).toBe(false);
    expect(visto.visibles).toContain('EJ-04');
    expect((await responder(responsableTH, 'NO-EXISTE', { respuesta: { puntaje: 1 } })).statusCode).toBe(404);
  });

  it('puntaje por sección como las hojas oficiales y completitud al lado; en blanco no cuenta', async () => {
    const { autodiagnosticos } = await t.exigir(
      200,
      consultaA,
      'GET',
      `/api/entidades/${a}/autodiagnosticos?vigencia=2025`,
    );
    const [r] = autodiagnosticos;
    // PLA.1 = 80 (EJ-01; EJ-02 blank), PLA.2 = (100 + 0) / 2 = 50 → PLA = 65; DES: nothing scored.
    expect(r.resultado.secciones.map((s: { puntaje: number | null }) => s.puntaje)).toEqual([65, null]);
    expect(r.resultado).toMatchObject({ puntaje: 65, nivel: 'Transformación', respondidos: 3 });
    // Applicable: 9 items minus EJ-08 (hidden: EJ-06 unanswered) = 8; 3 answered → 37,5 %.
    expect(r.resultado).toMatchObject({ aplicables: 8, completitud: 37.5 });
    // Gaps: EJ-04 (the cancelling option: 0) under 60; EJ-01 (80) and EJ-03 (100) are not.
    const detalle = await t.exigir(200, consultaA, 'GET', `/api/entidades/${a}/autodiagnosticos/${autoId}`);
    expect(detalle.brechas).toEqual([
      {
        item: 'EJ-04',
        texto: expect.any(String),
        secciones: ['PLA', 'PLA.2'],
        puntaje: 0,
        actividades: [],
        propuestas: [],
      },
    ]);
    const con90 = await t.exigir(
      200,
      consultaA,
      'GET',
      `/api/entidades/${a}/autodiagnosticos/${autoId}?umbral=90`,
    );
    expect(con90.brechas.map((b: { item: string }) => b.item)).toEqual(['EJ-04', 'EJ-01']);
    // Blanking EJ-03 takes it out of the score and of the answered, and hides EJ-04 (its skip needs EJ-03).
    const blanco = await responder(responsableTH, 'EJ-03', { respuesta: null });
    expect(blanco.json()).toMatchObject({ puntaje: 80, respondidos: 1, aplicables: 7 });
  });

  it('el responsable lo envía; planeación lo devuelve con observaciones o lo da por revisado', async () => {
    const url = (accion: string) => `/api/entidades/${a}/autodiagnosticos/${autoId}/${accion}`;
    expect((await t.pedir(otroResponsable, 'POST', url('enviar'))).statusCode).toBe(403);
    expect((await t.pedir(planeacionA, 'POST', url('revisar'))).statusCode).toBe(409);
    const enviado = await t.exigir(200, responsableTH, 'POST', url('enviar'));
    expect(enviado.estado).toBe('enviado');
    // Sent: its answers do not change while planeación reviews it.
    const tarde = await responder(responsableTH, 'EJ-02', { respuesta: { puntaje: 10 } });
    expect(tarde.statusCode).toBe(409);
    expect((await t.pedir(consultaA, 'POST', url('revisar'))).statusCode).toBe(403);
    expect((await t.pedir(planeacionA, 'POST', url('devolver'), { observaciones: ' ' })).statusCode).toBe(
      400,
    );
    const devuelto = await t.exigir(200, planeacionA, 'POST', url('devolver'), {
      observaciones: 'Falta la evidencia de la caracterización',
    });
    expect(devuelto).toMatchObject({
      estado: 'devuelto',
      observaciones: 'Falta la evidencia de la caracterización',
    });
    expect((await responder(responsableTH, 'EJ-02', { respuesta: { puntaje: 10 } })).statusCode).toBe(200);
    await t.exigir(200, responsableTH, 'POST', url('enviar'));
    expect((await t.exigir(200, planeacionA, 'POST', url('revisar'))).estado).toBe('revisado');
    const otraVez = await t.pedir(planeacionA, 'POST', url('revisar'));
    expect(otraVez.statusCode).toBe(409);
    expect(otraVez.json().mensaje).toMatch(/Revisado por planeación/);
  });

  it('el cuestionario de un autodiagnóstico asignado no se puede eliminar', async () => {
    const r = await t.pedir(t.admin, 'DELETE', `/api/cuestionarios/${cuestionarioId}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toMatch(/ya está asignado como autodiagnóstico/);
  });
});

describe('evidencias de seguimiento enlazadas a una respuesta', () => {
  it('el responsable enlaza una evidencia de su entidad (no de otra) y el ítem deja de contar sin evidencia', async () => {
    const e = await escenarioConPlan(t, { nit: nitDePrueba(31) });
    const otra = await escenarioConPlan(t, { nit: nitDePrueba(32) });
    const responsable = await t.usuarioCon(e.entidadId, ['responsable_politica']);
    await t.exigir(200, e.planeacion, 'PUT', `${e.base}/responsables/2025/talento_humano`, {
      usuarioId: responsable.id,
      dependenciaId: null,
    });
    const auto = await t.exigir(201, e.planeacion, 'POST', `${e.base}/autodiagnosticos`, { cuestionarioId });
    const propio = await reporteEn(t, e, 'aceptado');
    const ajeno = await reporteEn(t, otra, 'aceptado');
    const idDe = async (seguimientoId: string) =>
      (await t.conexion.db.select().from(evidencia).where(eq(evidencia.seguimientoId, seguimientoId)))[0]!.id;
    const [evidenciaPropia, evidenciaAjena] = [
      await idDe(propio.seguimientoId),
      await idDe(ajeno.seguimientoId),
    ];
    const url = `${e.base}/autodiagnosticos/${auto.id}/respuestas/EJ-01`;
    // What can be linked: the entity's own evidence, never another's; another entity is denied the list.
    const elegibles = await t.exigir(
      200,
      responsable,
      'GET',
      `${e.base}/autodiagnosticos/${auto.id}/evidencias-elegibles`,
    );
    expect(elegibles.truncada).toBe(false);
    expect(elegibles.evidencias.map((x: { id: string }) => x.id)).toEqual([evidenciaPropia]);
    expect(elegibles.evidencias[0]).toMatchObject({
      vigencia: 2026,
      nombre: 'Publicación en la sede electrónica',
    });
    expect(
      (await t.pedir(otra.planeacion, 'GET', `${e.base}/autodiagnosticos/${auto.id}/evidencias-elegibles`))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.pedir(otra.planeacion, 'GET', `${otra.base}/autodiagnosticos/${auto.id}/evidencias-elegibles`))
        .statusCode,
    ).toBe(404);
    await t.exigir(200, responsable, 'PUT', url, { respuesta: { puntaje: 90 } });
    const ver = () => t.exigir(200, e.planeacion, 'GET', `${e.base}/autodiagnosticos/${auto.id}`);
    expect((await ver()).autodiagnostico.resultado.sinEvidencia).toBe(1);

    expect(
      (await t.pedir(responsable, 'POST', `${url}/evidencias`, { evidenciaId: evidenciaAjena })).statusCode,
    ).toBe(404);
    expect(
      (await t.pedir(e.planeacion, 'POST', `${url}/evidencias`, { evidenciaId: evidenciaPropia })).statusCode,
    ).toBe(403);
    const enlazadas = await t.exigir(201, responsable, 'POST', `${url}/evidencias`, {
      evidenciaId: evidenciaPropia,
    });
    expect(enlazadas).toEqual([
      {
        id: evidenciaPropia,
        nombre: 'Publicación en la sede electrónica',
        url: 'https://entidad.gov.co/integridad',
      },
    ]);
    const visto = await ver();
    expect(visto.evidencias['EJ-01']).toEqual(enlazadas);
    expect(visto.autodiagnostico.resultado.sinEvidencia).toBe(0);
    // The same file, never a copy: the evidence table still has one row for it.
    expect(
      await t.conexion.db.select().from(evidencia).where(eq(evidencia.id, evidenciaPropia)),
    ).toHaveLength(1);

    await t.exigir(204, responsable, 'DELETE', `${url}/evidencias/${evidenciaPropia}`);
    expect((await ver()).evidencias['EJ-01']).toBeUndefined();
    expect((await t.pedir(responsable, 'DELETE', `${url}/evidencias/${evidenciaPropia}`)).statusCode).toBe(
      404,
    );
  });
});
