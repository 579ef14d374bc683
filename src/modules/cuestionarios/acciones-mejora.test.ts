// «Crear acción de mejora» (issue 10 §4): a gap of an autodiagnóstico becomes an activity of the plan in
// borrador (planeación) or a proposal (the policy's responsible), linked both ways; and the detail compares the
// score and completeness with the same policy's autodiagnóstico of earlier vigencias, item by equivalent code.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cuestionario, Item, Seccion } from '../../core/cuestionario.ts';
import { planAccion } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nitNuevo,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { EJEMPLO_CUESTIONARIO } from './cuestionario-xlsx.ts';

let t: AppPrueba;
let e: Escenario;
let lider: Sesion & { id: string };
let otroLider: Sesion & { id: string };
let consulta: Sesion;
let ajena: Escenario;
let autoId: string;
let previoId: string;

/** The example with its items' codes changed by `renombrar` and, optionally, a code map to another year. */
function variante(
  codigo: string,
  vigencia: number,
  renombrar: (c: string) => string,
  equivalencias?: (c: string) => Record<string, string> | undefined,
): Cuestionario {
  const seccion = (s: Seccion): Seccion => ({
    ...s,
    items: s.items?.map(
      (i: Item): Item => ({
        ...i,
        codigo: renombrar(i.codigo),
        ...(equivalencias?.(i.codigo) && { equivalencias: equivalencias(i.codigo) }),
      }),
    ),
    secciones: s.secciones?.map(seccion),
  });
  return {
    ...EJEMPLO_CUESTIONARIO,
    codigo,
    vigencia,
    secciones: EJEMPLO_CUESTIONARIO.secciones.map(seccion),
  };
}

const actividad = (codigo: string, politica = 'talento_humano') => ({
  politica,
  codigo,
  indiceFurag: null,
  nombre: 'Caracterizar la planta de personal con su evidencia',
  producto: 'Caracterización actualizada',
  metaAnual: 1,
  acumulacion: 'hito',
  unidad: 'documento',
  metasPeriodo: [0, 1, 0, 0],
  ponderacion: 0,
  fechaInicio: '2026-02-01',
  fechaFin: '2026-12-15',
});

const responder = (item: string, puntaje: number, id = autoId) =>
  t.pedir(lider, 'PUT', `${e.base}/autodiagnosticos/${id}/respuestas/${item}`, { respuesta: { puntaje } });
const convertir = (
  s: Sesion,
  item: string,
  destino: 'actividad' | 'propuesta',
  cuerpo: unknown,
  base = e.base,
) => t.pedir(s, 'POST', `${base}/autodiagnosticos/${autoId}/brechas/${item}/${destino}`, cuerpo);
const detalle = () => t.exigir(200, consulta, 'GET', `${e.base}/autodiagnosticos/${autoId}`);

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
  lider = await t.usuarioCon(e.entidadId, ['responsable_politica']);
  otroLider = await t.usuarioCon(e.entidadId, ['responsable_politica']);
  consulta = await t.usuarioCon(e.entidadId, ['consulta']);
  ajena = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
  for (const vigencia of [2024, 2025, 2026])
    await t.exigir(200, e.planeacion, 'PUT', `${e.base}/responsables/${vigencia}/talento_humano`, {
      usuarioId: lider.id,
      dependenciaId: null,
    });
  // 2024 called EJ-01 «TH24-01»; the 2025 questionnaire maps it back.
  const de2024 = variante('EJEMPLO-TH', 2024, (c) => (c === 'EJ-01' ? 'TH24-01' : c));
  const de2025 = variante(
    'EJEMPLO-TH',
    2025,
    (c) => c,
    (c) => (c === 'EJ-01' ? { '2024': 'TH24-01' } : undefined),
  );
  const asignar = async (c: Cuestionario) => {
    const { id } = await t.exigir(201, t.admin, 'POST', '/api/cuestionarios/import', c);
    return (await t.exigir(201, e.planeacion, 'POST', `${e.base}/autodiagnosticos`, { cuestionarioId: id }))
      .id;
  };
  previoId = await asignar(de2024);
  autoId = await asignar(de2025);
  for (const [item, puntaje] of [
    ['TH24-01', 40],
    ['EJ-02', 20],
    ['EJ-09', 100],
  ] as const)
    expect((await responder(item, puntaje, previoId)).statusCode).toBe(200);
  for (const [item, puntaje] of [
    ['EJ-01', 30],
    ['EJ-02', 90],
    ['EJ-09', 50],
  ] as const)
    expect((await responder(item, puntaje)).statusCode).toBe(200);
}, 120_000);
afterAll(() => t.cerrar());

describe('acciones de mejora desde las brechas del autodiagnóstico', () => {
  it('el detalle lista las brechas sin acciones todavía', async () => {
    const d = await detalle();
    expect(d.brechas).toEqual([
      expect.objectContaining({ item: 'EJ-01', puntaje: 30, actividades: [], propuestas: [] }),
      expect.objectContaining({ item: 'EJ-09', puntaje: 50, actividades: [], propuestas: [] }),
    ]);
    expect(d.accionesMejora).toEqual({});
  });

  it('planeación convierte una brecha en actividad del plan en borrador, con la política del autodiagnóstico y vínculo en los dos sentidos', async () => {
    const cuerpo = { vigencia: 2026, actividad: actividad('TH-10') };
    const otraPolitica = await convertir(e.planeacion, 'EJ-01', 'actividad', {
      vigencia: 2026,
      actividad: actividad('TH-10', 'integridad'),
    });
    expect(otraPolitica.statusCode).toBe(400);
    expect(otraPolitica.json().campos).toEqual([{ campo: 'politica', mensaje: expect.any(String) }]);
    const anterior = await convertir(e.planeacion, 'EJ-01', 'actividad', { ...cuerpo, vigencia: 2024 });
    expect(anterior.statusCode).toBe(400);
    expect(anterior.json().campos[0].campo).toBe('vigencia');
    const noEsBrecha = await convertir(e.planeacion, 'EJ-02', 'actividad', cuerpo);
    expect(noEsBrecha.statusCode).toBe(400);
    expect(noEsBrecha.json().mensaje).toMatch(/no es una brecha/);
    // With a higher threshold EJ-02 (90) is still no gap; EJ-03 (blank) never is.
    expect((await convertir(e.planeacion, 'EJ-02', 'actividad', { ...cuerpo, umbral: 90 })).statusCode).toBe(
      400,
    );
    expect((await convertir(e.planeacion, 'EJ-03', 'actividad', cuerpo)).statusCode).toBe(400);
    expect((await convertir(e.planeacion, 'NO-EXISTE', 'actividad', cuerpo)).statusCode).toBe(404);
    for (const s of [consulta, lider, e.control])
      expect((await convertir(s, 'EJ-01', 'actividad', cuerpo)).statusCode).toBe(403);

    const desde = await ultimaAuditoria(t);
    const a = await t.exigir(
      201,
      e.planeacion,
      'POST',
      `${e.base}/autodiagnosticos/${autoId}/brechas/EJ-01/actividad`,
      cuerpo,
    );
    expect(a).toMatchObject({
      codigo: 'TH-10',
      politica: 'talento_humano',
      autodiagnosticoId: autoId,
      autodiagnosticoItem: 'EJ-01',
    });
    const [registro] = await auditoriaDesde(t, desde, 'autodiagnostico', `${autoId}:EJ-01`);
    expect(registro).toMatchObject({
      accion: 'convertir_brecha',
      despues: { actividadId: a.id, vigencia: 2026, puntaje: 30 },
    });
    const plan = await t.exigir(200, e.planeacion, 'GET', `${e.base}/planes/2026`);
    expect(plan.actividades).toContainEqual(
      expect.objectContaining({ id: a.id, autodiagnosticoId: autoId, autodiagnosticoItem: 'EJ-01' }),
    );
    const d = await detalle();
    expect(d.brechas[0].actividades).toEqual([
      { id: a.id, codigo: 'TH-10', nombre: a.nombre, vigencia: 2026, estadoPlan: 'borrador' },
    ]);
    expect(Object.keys(d.accionesMejora)).toEqual(['EJ-01']);
  });

  it('el responsable de la política la propone; otro responsable no; al incorporarla la actividad hereda el vínculo', async () => {
    const cuerpo = { vigencia: 2026, actividad: actividad('TH-11') };
    expect((await convertir(otroLider, 'EJ-09', 'propuesta', cuerpo)).statusCode).toBe(403);
    expect((await convertir(consulta, 'EJ-09', 'propuesta', cuerpo)).statusCode).toBe(403);
    expect((await convertir(e.control, 'EJ-09', 'propuesta', cuerpo)).statusCode).toBe(403);
    const p = await t.exigir(
      201,
      lider,
      'POST',
      `${e.base}/autodiagnosticos/${autoId}/brechas/EJ-09/propuesta`,
      cuerpo,
    );
    expect(p).toMatchObject({
      estado: 'pendiente',
      autor: { id: lider.id },
      autodiagnosticoId: autoId,
      autodiagnosticoItem: 'EJ-09',
      recomendacionId: null,
    });
    const incorporada = await t.exigir(
      200,
      e.planeacion,
      'POST',
      `${e.base}/planes/2026/propuestas/${p.id}/incorporar`,
      null,
    );
    const plan = await t.exigir(200, e.planeacion, 'GET', `${e.base}/planes/2026`);
    expect(plan.actividades).toContainEqual(
      expect.objectContaining({
        id: incorporada.actividadId,
        codigo: 'TH-11',
        autodiagnosticoId: autoId,
        autodiagnosticoItem: 'EJ-09',
        propuestaPor: lider.id,
      }),
    );
    const d = await detalle();
    const ej09 = d.brechas.find((b: { item: string }) => b.item === 'EJ-09');
    expect(ej09.propuestas).toEqual([
      expect.objectContaining({ id: p.id, estado: 'incorporada', actividadId: incorporada.actividadId }),
    ]);
    expect(ej09.actividades.map((a: { codigo: string }) => a.codigo)).toEqual(['TH-11']);
  });

  it('otra entidad no convierte brechas ajenas: 403 en la ruta ajena, 404 con el id bajo la suya', async () => {
    const cuerpo = { vigencia: 2026, actividad: actividad('TH-12') };
    expect((await convertir(ajena.planeacion, 'EJ-01', 'actividad', cuerpo)).statusCode).toBe(403);
    expect((await convertir(ajena.planeacion, 'EJ-01', 'actividad', cuerpo, ajena.base)).statusCode).toBe(
      404,
    );
    expect((await convertir(ajena.planeacion, 'EJ-01', 'propuesta', cuerpo, ajena.base)).statusCode).toBe(
      404,
    );
    const plan = await t.exigir(200, ajena.planeacion, 'GET', `${ajena.base}/planes/2026`);
    expect(plan.actividades).toEqual([]);
  });

  it('la respuesta cambia mientras se convierte: o se convierte siendo brecha, o 400/409; nunca un 500', async () => {
    for (let ronda = 0; ronda < 5; ronda++) {
      expect((await responder('EJ-02', 10)).statusCode).toBe(200);
      const [conversion, cambio] = await aLaVez(
        () =>
          convertir(e.planeacion, 'EJ-02', 'actividad', {
            vigencia: 2026,
            actividad: actividad(`CA-${ronda}`),
          }),
        () => responder('EJ-02', 95),
      );
      expect(cambio!.statusCode, cambio!.body).toBe(200);
      expect([201, 400, 409], conversion!.body).toContain(conversion!.statusCode);
      if (conversion!.statusCode === 409) expect(conversion!.json().mensaje).toMatch(/ya no es una brecha/);
    }
  });

  it('con el plan enviado ya no se crea la acción de mejora: 409, directa o propuesta', async () => {
    await t.conexion.db.update(planAccion).set({ estado: 'enviado' }).where(eq(planAccion.id, e.planId));
    const cuerpo = { vigencia: 2026, actividad: actividad('TH-13') };
    const directa = await convertir(e.planeacion, 'EJ-01', 'actividad', cuerpo);
    expect(directa.statusCode).toBe(409);
    expect(directa.json().mensaje).toMatch(/enviado/);
    expect((await convertir(lider, 'EJ-01', 'propuesta', cuerpo)).statusCode).toBe(409);
    await t.conexion.db.update(planAccion).set({ estado: 'borrador' }).where(eq(planAccion.id, e.planId));
  });
});

describe('comparación con vigencias anteriores', () => {
  it('trae el autodiagnóstico de 2024 de la política, puntuado sobre las secciones de 2025 por código equivalente', async () => {
    const d = await detalle();
    expect(d.anteriores).toHaveLength(1);
    const [previo] = d.anteriores;
    expect(previo).toMatchObject({ id: previoId, vigencia: 2024, codigo: 'EJEMPLO-TH', estado: 'borrador' });
    // TH24-01 (40) lands on EJ-01: PLA.1 = (40 + 20) / 2 = 30, PLA.2 blank → PLA = 30; DES = EJ-09 = 100.
    const [pla, des] = previo.resultado.secciones;
    expect(pla).toMatchObject({ codigo: 'PLA', puntaje: 30, respondidos: 2 });
    expect(pla.secciones.map((s: { puntaje: number | null }) => s.puntaje)).toEqual([30, null]);
    expect(des).toMatchObject({ codigo: 'DES', puntaje: 100, respondidos: 1 });
    expect(previo.resultado).toMatchObject({ puntaje: 65, respondidos: 3, aplicables: 7, sinEvidencia: 1 });
    expect(previo.resultado.completitud).toBeCloseTo((3 / 7) * 100, 1);
    // This year's, for the same sections.
    expect(d.autodiagnostico.resultado.secciones.map((s: { codigo: string }) => s.codigo)).toEqual([
      'PLA',
      'DES',
    ]);
  });

  it('sin el código equivalente, la respuesta anterior no se ubica: no cuenta ni como respondida', async () => {
    // The 2024 questionnaire seen from one without the map: TH24-01 has no counterpart.
    const sinMapa = variante('EJEMPLO-TH-SIN-MAPA', 2025, (c) => c);
    const { id } = await t.exigir(201, t.admin, 'POST', '/api/cuestionarios/import', sinMapa);
    const otro = await t.exigir(201, e.planeacion, 'POST', `${e.base}/autodiagnosticos`, {
      cuestionarioId: id,
    });
    const d = await t.exigir(200, consulta, 'GET', `${e.base}/autodiagnosticos/${otro.id}`);
    const previo = d.anteriores.find((x: { id: string }) => x.id === previoId);
    expect(previo.resultado).toMatchObject({ respondidos: 2, sinEvidencia: 0 });
    expect(previo.resultado.secciones[0].secciones[0]).toMatchObject({ puntaje: 20, respondidos: 1 });
  });

  it('un autodiagnóstico sin vigencias anteriores trae la lista vacía', async () => {
    const d = await t.exigir(200, consulta, 'GET', `${e.base}/autodiagnosticos/${previoId}`);
    expect(d.anteriores).toEqual([]);
  });
});
