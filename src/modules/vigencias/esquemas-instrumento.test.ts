// Period schemes per instrument (issue 9 §2): the plan is quarterly, the Programa de Transparencia y Ética
// Pública (PTEP) follows its own cuatrimestres (30/04, 31/08, 31/12). The clock is set to 05/05/2026, inside
// the window of the first cuatrimestre (30/04 to 15/05/2026).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seguimiento } from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let comite: Sesion;
let responsable: Sesion & { id: string };
let ptep: string;
let trimestral: string;

const base = () => `/api/entidades/${entidadId}`;
const seg = (actividadId: string, periodo: number) => `${base()}/seguimientos/${actividadId}/${periodo}`;
const PTEP = 'transparencia_etica';

const actividad = (codigo: string, metasPeriodo: number[], plan612?: string) => ({
  politica: 'integridad',
  codigo,
  nombre: `Actividad ${codigo} del programa de integridad`,
  producto: 'Informe de seguimiento',
  metaAnual: 4,
  unidad: 'informes',
  metasPeriodo,
  ponderacion: 50,
  responsableId: responsable.id,
  fechaInicio: '2026-01-15',
  fechaFin: '2026-12-15',
  ...(plan612 ? { plan612 } : {}),
});

/** Saves, attaches a link, sends and accepts the report of the plan's period `periodo`. */
async function reportarYAceptar(actividadId: string, periodo: number, valor: number) {
  const url = seg(actividadId, periodo);
  await t.exigir(200, responsable, 'PUT', url, {
    valor,
    descripcion: 'Se publicó el informe de seguimiento en la sede electrónica.',
  });
  await t.exigir(201, responsable, 'POST', `${url}/enlaces`, {
    nombre: 'Informe en la sede electrónica',
    url: 'https://entidad.gov.co/transparencia',
  });
  const enviado = await t.exigir(200, responsable, 'POST', `${url}/enviar`, {});
  await t.exigir(200, planeacion, 'POST', `${url}/aceptar`, {});
  return enviado;
}

const tablero = (periodo: number) =>
  t.exigir(200, planeacion, 'GET', `${base()}/tablero?vigencia=2026&periodo=${periodo}`);
/** An activity's figures on the dashboard of a period. */
async function cifrasDe(periodo: number, id: string) {
  const r = await t.exigir(
    200,
    planeacion,
    'GET',
    `${base()}/tablero/actividades?vigencia=2026&periodo=${periodo}&porPagina=100`,
  );
  return r.actividades.find((a: { id: string }) => a.id === id) as {
    avance: number | null;
    cumplimiento: number | null;
  };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-05T15:00:00Z') });
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
});
afterAll(async () => {
  await t.cerrar();
  vi.useRealTimers();
});

describe('esquemas de periodos por instrumento', () => {
  it('una vigencia nueva configurada sin decir nada pone el PTEP por cuatrimestres', async () => {
    const v = await t.exigir(200, planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
    });
    expect(v.esquemasInstrumento).toEqual({ [PTEP]: 'cuatrimestral' });
    expect((await t.exigir(200, planeacion, 'GET', `${base()}/vigencias/2026`)).esquemasInstrumento).toEqual({
      [PTEP]: 'cuatrimestral',
    });
  });

  it('un instrumento no puede tener periodos más cortos que el plan, ni ser un plan que no existe (400)', async () => {
    const corto = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      esquemasInstrumento: { [PTEP]: 'mensual' },
    });
    expect(corto.statusCode).toBe(400);
    expect(corto.json().mensaje).toContain('«PTEP» no puede ser mensual');
    expect(corto.json().campos[0].campo).toBe('esquemasInstrumento');
    const noExiste = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      esquemasInstrumento: { no_existe: 'semestral' },
    });
    expect(noExiste.statusCode).toBe(400);
    expect(noExiste.json().mensaje).toContain('«no_existe» no es un plan del Decreto 612');
    const muchos = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      esquemasInstrumento: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`p${i}`, 'semestral'])),
    });
    expect(muchos.statusCode).toBe(400);
    expect(muchos.json().mensaje).toContain('no más de 30 instrumentos');
    // Nothing was saved: the PTEP is still by cuatrimestres.
    expect((await t.exigir(200, planeacion, 'GET', `${base()}/vigencias/2026`)).esquemasInstrumento).toEqual({
      [PTEP]: 'cuatrimestral',
    });
  });

  it('una actividad del PTEP se programa con 3 metas y el plan dice su esquema', async () => {
    const cuatro = await t.pedir(
      planeacion,
      'POST',
      `${base()}/planes/2026/actividades`,
      actividad('PTEP-1', [1, 1, 1, 1], PTEP),
    );
    expect(cuatro.statusCode).toBe(400);
    expect(cuatro.json().campos).toEqual([
      { campo: 'metasPeriodo', mensaje: 'El PTEP se programa por cuatrimestres: 3 metas (hay 4).' },
    ]);
    ptep = (
      await t.exigir(
        201,
        planeacion,
        'POST',
        `${base()}/planes/2026/actividades`,
        actividad('PTEP-1', [1, 1, 2], PTEP),
      )
    ).id;
    trimestral = (
      await t.exigir(
        201,
        planeacion,
        'POST',
        `${base()}/planes/2026/actividades`,
        actividad('IN-1', [1, 1, 1, 1]),
      )
    ).id;
    const plan = await t.exigir(200, planeacion, 'GET', `${base()}/planes/2026`);
    const esquemas = Object.fromEntries(
      plan.actividades.map((a: { codigo: string; esquemaPeriodos: string }) => [a.codigo, a.esquemaPeriodos]),
    );
    expect(esquemas).toEqual({ 'PTEP-1': 'cuatrimestral', 'IN-1': 'trimestral' });
  });

  it('no se cambia el esquema de un instrumento que ya tiene actividades programadas (409)', async () => {
    const r = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      esquemasInstrumento: {},
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('El PTEP ya tiene actividades con metas por periodo (PTEP-1)');
    // Other settings still change when the instruments' schemes are kept.
    await t.exigir(200, planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      modoPonderacion: 'plan',
    });
    await t.exigir(200, planeacion, 'POST', `${base()}/planes/2026/enviar`, {});
    await t.exigir(200, comite, 'POST', `${base()}/planes/2026/aprobar`, {
      fechaSesionComite: '2026-01-30',
      actaComite: 'Acta 01 de 2026',
    });
  });

  it('la hoja del 1.er trimestre dice que el PTEP no tiene corte; la del 2.º pide el cuatrimestre 1 en su ventana', async () => {
    const h1 = await t.exigir(200, responsable, 'GET', `${base()}/seguimientos?vigencia=2026&periodo=1`);
    const f1 = h1.filas.find((f: { actividad: { id: string } }) => f.actividad.id === ptep);
    expect(f1).toMatchObject({
      periodoPropio: null,
      sinCorte: 'Se reporta por cuatrimestres; no tiene corte en este periodo.',
      reporte: null,
    });
    expect(f1.actividad.esquemaPeriodos).toBe('cuatrimestral');
    const sinCorte = await t.pedir(responsable, 'PUT', seg(ptep, 1), {
      valor: 1,
      descripcion: 'Se publicó el informe de seguimiento.',
    });
    expect(sinCorte.statusCode).toBe(409);
    expect(sinCorte.json().mensaje).toContain(
      'se reporta por cuatrimestres: no tiene corte en «Trimestre 1»',
    );

    const h2 = await t.exigir(200, responsable, 'GET', `${base()}/seguimientos?vigencia=2026&periodo=2`);
    const f2 = h2.filas.find((f: { actividad: { id: string } }) => f.actividad.id === ptep);
    expect(f2).toMatchObject({
      periodoPropio: {
        numero: 1,
        nombre: 'Cuatrimestre 1 (corte 30/04/2026)',
        corte: '2026-04-30',
        abre: '2026-04-30',
        cierra: '2026-05-15',
        ventana: 'abierta',
      },
      sinCorte: null,
      puedeReportar: true,
    });
    expect(f2.cifras.metaPeriodo).toBe(1);
    const normal = h2.filas.find((f: { actividad: { id: string } }) => f.actividad.id === trimestral);
    expect(normal).toMatchObject({ periodoPropio: null, sinCorte: null });
  });

  it('«Mis pendientes» pide el cuatrimestre 1 con su propia ventana, en la hoja del 2.º trimestre', async () => {
    const { pendientes: lista } = await t.exigir(
      200,
      responsable,
      'GET',
      `${base()}/pendientes?vigencia=2026`,
    );
    const suyo = lista.filter((p: { texto: string }) => p.texto.includes('PTEP-1'));
    expect(suyo).toEqual([
      expect.objectContaining({
        tipo: 'reportar',
        texto: expect.stringContaining('· Cuatrimestre 1 (corte 30/04/2026)'),
        vence: '2026-05-15',
        vencido: false,
        enlace: `/seguimiento?vigencia=2026&periodo=2&actividad=${ptep}`,
      }),
    ]);
  });

  it('el cuatrimestre 1 se reporta dentro de su ventana y se guarda como periodo 1 de la actividad', async () => {
    const fila = await reportarYAceptar(ptep, 2, 1);
    expect(fila.reporte).toMatchObject({ estado: 'enviado', tardio: false });
    const filas = await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.actividadId, ptep));
    expect(filas.map((s) => s.periodo)).toEqual([1]);
    // Quarterly activity: periods 1 and 2; the PTEP's second cuatrimestre (cut-off 31/08, sheet of the 3rd
    // quarter) reported ahead.
    await reportarYAceptar(trimestral, 1, 1);
    await reportarYAceptar(trimestral, 2, 1);
    await reportarYAceptar(ptep, 3, 1);
    expect(
      (await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.actividadId, ptep)))
        .map((s) => s.periodo)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('el tablero del 2.º trimestre cuenta el cuatrimestre 1 y no el 2; el del 3.º, los dos', async () => {
    const t1 = await tablero(1);
    // Before its first cut-off the PTEP has nothing planned nor due: no cumplimiento, not «sin reporte».
    expect(await cifrasDe(1, ptep)).toMatchObject({ avance: 0, cumplimiento: null });
    expect(t1.sinReporte).toBe(0);
    // Metas 1·1·2 (4): cuatrimestre 1 → 1 of 4 = 25 %, planned 1 → 100 %.
    expect(await cifrasDe(2, ptep)).toMatchObject({ avance: 25, cumplimiento: 100 });
    expect(await cifrasDe(2, trimestral)).toMatchObject({ avance: 50, cumplimiento: 100 });
    const t3 = await tablero(3);
    expect(await cifrasDe(3, ptep)).toMatchObject({ avance: 50, cumplimiento: 100 });
    // Quarterly activity without a 3rd report: 2 of 3 planned.
    expect((await cifrasDe(3, trimestral)).avance).toBe(50);
    expect(t3.sinReporte).toBe(1);
  });

  it('la consolidación territorial (SQL) da las mismas cifras que el tablero en cada periodo', async () => {
    for (const periodo of [1, 2, 3, 4]) {
      const suyo = await tablero(periodo);
      const terr = await t.exigir(
        200,
        t.admin,
        'GET',
        `/api/tablero-territorial?vigencia=2026&periodo=${periodo}`,
      );
      const x = terr.entidades.find((y: { id: string }) => y.id === entidadId);
      expect(x.avance, `periodo ${periodo}`).toBeCloseTo(suyo.avance, 9);
      expect(x.sinReporte, `periodo ${periodo}`).toBe(suyo.sinReporte);
      expect(x.dimensiones.map((d: { avance: number | null }) => d.avance)).toEqual(
        suyo.dimensiones.map((d: { avance: number | null }) =>
          d.avance === null ? null : expect.closeTo(d.avance, 9),
        ),
      );
    }
  });

  it('cerrar el 2.º trimestre congela el cuatrimestre 1 con sus cifras', async () => {
    const cierre = await t.exigir(200, planeacion, 'POST', `${base()}/vigencias/2026/periodos/2/cerrar`, {});
    expect(cierre).toMatchObject({ congelado: true, periodo: { numero: 2, cerrado: true } });
    // The cuatrimestre 1 is closed with it: no change to its report.
    const cambio = await t.pedir(responsable, 'PUT', seg(ptep, 2), {
      valor: 2,
      descripcion: 'Se corrige el informe de seguimiento.',
    });
    expect(cambio.statusCode).toBe(409);
    expect(cambio.json().mensaje).toContain('Cuatrimestre 1 (corte 30/04/2026)» está cerrado');
    const congelado = await tablero(2);
    expect(congelado.congelado).toBe(true);
    expect(await cifrasDe(2, ptep)).toMatchObject({ avance: 25, cumplimiento: 100 });
  });
});
