// A huge or tiny number must never break a page: each input answers 400 naming the field, nothing is
// written, and the sheet, the indicators and the dashboard keep answering 200 — also for values stored
// before the bounds existed (written here straight into the database).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicador, medicion, seguimiento } from '../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from './prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let consulta: Sesion;
let responsable: Sesion & { id: string };
let a1: string;
let a2: string;
let indicadorId: string;

const base = () => `/api/entidades/${entidadId}`;
const seg = (actividadId: string, periodo = 1) => `${base()}/seguimientos/${actividadId}/${periodo}`;
const hoja = (periodo = 1) => `${base()}/seguimientos?vigencia=2026&periodo=${periodo}`;
const medir = (periodo = 1) => `${base()}/indicadores/${indicadorId}/mediciones/${periodo}`;
const descripcion = 'Se realizó la jornada de integridad con 40 servidores.';
const RANGO_CANTIDAD = 'debe estar entre 0 y 1.000.000.000.000.000';
const actividad = {
  politica: 'integridad',
  nombre: 'Jornada de apropiación del código de integridad',
  producto: 'Informe de la jornada',
  metaAnual: 4,
  unidad: 'jornada',
  metasPeriodo: [1, 1, 1, 1],
  ponderacion: 50,
  fechaInicio: '2026-01-15',
  fechaFin: '2026-12-15',
};
const hojaIndicador = {
  vigencia: 2026,
  codigo: 'IND-01',
  nombre: 'Oportunidad en la respuesta a las PQRSD',
  objetivo: 'Medir qué parte de las peticiones se responde a tiempo',
  tipo: 'eficacia',
  formulaNumerador: 'PQRSD respondidas a tiempo',
  formulaDenominador: 'PQRSD recibidas',
  unidad: '%',
  frecuencia: 'trimestral',
  lineaBase: 72,
  meta: 90,
  polaridad: 'creciente',
  fuente: 'Sistema de gestión documental',
};

type Campo = { campo: string; mensaje: string };
const campos = (r: { json(): { campos?: Campo[] } }) => r.json().campos ?? [];

/** The sheet, the indicator list and the dashboard, as another user sees them: all must answer 200. */
async function paginasResponden() {
  for (const url of [
    hoja(1),
    hoja(2),
    `${base()}/indicadores?vigencia=2026`,
    `${base()}/tablero?vigencia=2026`,
  ]) {
    const r = await t.pedir(consulta, 'GET', url);
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
  }
  const territorial = await t.pedir(t.admin, 'GET', '/api/tablero-territorial?vigencia=2026&periodo=1');
  expect(territorial.statusCode, territorial.body).toBe(200);
}

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  consulta = await t.usuarioCon(entidadId, ['control_interno']);
  const comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  const vigencia = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
  expect(vigencia.statusCode).toBe(200);
  const crear = async (codigo: string) => {
    const r = await t.pedir(planeacion, 'POST', `${base()}/planes/2026/actividades`, {
      ...actividad,
      codigo,
      responsableId: responsable.id,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  a1 = await crear('IN-01');
  a2 = await crear('IN-02');
  expect((await t.pedir(planeacion, 'POST', `${base()}/planes/2026/enviar`, {})).statusCode).toBe(200);
  const aprobado = await t.pedir(comite, 'POST', `${base()}/planes/2026/aprobar`, {
    fechaSesionComite: '2026-01-30',
    actaComite: 'Acta 01 de 2026',
  });
  expect(aprobado.statusCode, aprobado.body).toBe(200);
  const i = await t.pedir(planeacion, 'POST', `${base()}/indicadores`, {
    ...hojaIndicador,
    responsableId: responsable.id,
  });
  expect(i.statusCode, i.body).toBe(201);
  indicadorId = i.json().id;
});
afterAll(() => t.cerrar());

describe('un número absurdo en el seguimiento', () => {
  it('valor 1e308: 400 que nombra el campo y su rango en es-CO; nada se guarda; la hoja sigue en 200', async () => {
    const r = await t.pedir(responsable, 'PUT', seg(a1), { valor: 1e308, descripcion });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'validacion' });
    expect(r.json().mensaje).toContain('«valor»');
    expect(campos(r)).toEqual([{ campo: 'valor', mensaje: `el valor ${RANGO_CANTIDAD}` }]);
    const h = await t.pedir(consulta, 'GET', hoja(1));
    expect(h.statusCode).toBe(200);
    const fila = h.json().filas.find((f: { actividad: { id: string } }) => f.actividad.id === a1);
    expect(fila.reporte).toBeNull();
    await paginasResponden();
  });

  it('numerador 1e300 / denominador 1e-300: cada campo con su rango; nada se guarda', async () => {
    const r = await t.pedir(responsable, 'PUT', seg(a1), {
      numerador: 1e300,
      denominador: 1e-300,
      descripcion,
    });
    expect(r.statusCode).toBe(400);
    expect(campos(r)).toEqual([
      { campo: 'numerador', mensaje: `el numerador ${RANGO_CANTIDAD}` },
      { campo: 'denominador', mensaje: 'el denominador debe estar entre 0,000001 y 1.000.000.000.000.000' },
    ]);
    const sub = await t.pedir(responsable, 'PUT', seg(a1), {
      numerador: 1,
      denominador: 5e-324,
      descripcion,
    });
    expect(campos(sub)).toEqual([
      { campo: 'denominador', mensaje: 'el denominador debe estar entre 0,000001 y 1.000.000.000.000.000' },
    ]);
    const decimales = await t.pedir(responsable, 'PUT', seg(a1), { valor: 1.1234567, descripcion });
    expect(campos(decimales)).toEqual([
      { campo: 'valor', mensaje: 'el valor admite como máximo 6 decimales' },
    ]);
    // Both within bounds, but the ratio × 100 is not: the stored value is refused too.
    const cociente = await t.pedir(responsable, 'PUT', seg(a1), {
      numerador: 1e15,
      denominador: 0.000001,
      descripcion,
    });
    expect(cociente.statusCode).toBe(400);
    expect(campos(cociente)[0]!.campo).toBe('numerador');
    const filas = await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.actividadId, a1));
    expect(filas).toEqual([]);
    await paginasResponden();
  });

  it('un valor grande pero posible se guarda y sus cifras son números', async () => {
    const r = await t.pedir(responsable, 'PUT', seg(a1), { valor: 1e15, descripcion });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().cifras).toMatchObject({ logradoAcumulado: 1e15, avanceAcumulado: 2.5e16 });
    const ratio = await t.pedir(responsable, 'PUT', seg(a1), { numerador: 3, denominador: 4, descripcion });
    expect(ratio.json().reporte).toMatchObject({ valor: 75, numerador: 3, denominador: 4 });
  });
});

describe('un número absurdo en el indicador', () => {
  it('medición de 1e308: 400 con el campo; no se guarda; la lista sigue en 200', async () => {
    const r = await t.pedir(responsable, 'PUT', medir(), { numerador: 1e308, denominador: 100 });
    expect(r.statusCode).toBe(400);
    expect(campos(r)).toEqual([
      {
        campo: 'numerador',
        mensaje: 'el numerador debe estar entre -1.000.000.000.000.000 y 1.000.000.000.000.000',
      },
    ]);
    const d = await t.pedir(responsable, 'PUT', medir(), { numerador: 1, denominador: 1e-300 });
    expect(campos(d)[0]!.campo).toBe('denominador');
    const guardadas = await t.conexion.db
      .select()
      .from(medicion)
      .where(eq(medicion.indicadorId, indicadorId));
    expect(guardadas).toEqual([]);
    await paginasResponden();
  });

  it('meta 5e-324 o 1e308 y línea base 1e308: 400 al crear y al cambiar; la hoja de vida no cambia', async () => {
    const nueva = await t.pedir(planeacion, 'POST', `${base()}/indicadores`, {
      ...hojaIndicador,
      codigo: 'IND-02',
      meta: 5e-324,
    });
    expect(nueva.statusCode).toBe(400);
    expect(campos(nueva)).toEqual([{ campo: 'meta', mensaje: 'la meta admite como máximo 6 decimales' }]);
    const cambio = await t.pedir(planeacion, 'PUT', `${base()}/indicadores/${indicadorId}`, {
      ...hojaIndicador,
      meta: 1e308,
      lineaBase: -1e308,
    });
    expect(cambio.statusCode).toBe(400);
    expect(campos(cambio).map((c) => c.campo)).toEqual(['lineaBase', 'meta']);
    expect(campos(cambio)[1]!.mensaje).toBe(`la meta ${RANGO_CANTIDAD}`);
    const [i] = await t.conexion.db.select().from(indicador).where(eq(indicador.id, indicadorId));
    expect(i!.meta).toBe(90);
    await paginasResponden();
  });
});

describe('un número absurdo en el plan, la vigencia y las consultas', () => {
  it('meta anual, metas por periodo, ponderación y presupuesto: cada uno con su campo y su rango', async () => {
    const r = await t.pedir(planeacion, 'PUT', `${base()}/planes/2026/actividades/${a2}`, {
      ...actividad,
      codigo: 'IN-02',
      metaAnual: 1e308,
      metasPeriodo: [1e308, 0, 0, 5e-324],
      ponderacion: 100.001,
      presupuesto: 1e20,
    });
    expect(r.statusCode).toBe(400);
    expect(campos(r)).toEqual([
      { campo: 'metaAnual', mensaje: `la meta anual ${RANGO_CANTIDAD}` },
      { campo: 'metasPeriodo.0', mensaje: `cada meta por periodo ${RANGO_CANTIDAD}` },
      { campo: 'metasPeriodo.3', mensaje: 'cada meta por periodo admite como máximo 6 decimales' },
      { campo: 'ponderacion', mensaje: 'la ponderación debe estar entre 0 y 100' },
      { campo: 'presupuesto', mensaje: `el presupuesto en pesos ${RANGO_CANTIDAD}` },
    ]);
    const centavos = await t.pedir(planeacion, 'PUT', `${base()}/planes/2026/actividades/${a2}`, {
      ...actividad,
      codigo: 'IN-02',
      presupuesto: 1500000.5,
    });
    expect(campos(centavos)).toEqual([
      { campo: 'presupuesto', mensaje: 'el presupuesto en pesos va sin decimales' },
    ]);
    await paginasResponden();
  });

  it('los rangos del semáforo van de 0 a 100 (el azul hasta 1.000)', async () => {
    const r = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      semaforo: {
        amarilloDesde: 60,
        verdeDesde: 1e308,
        azulSobre: 5000,
        etiquetas: { rojo: 'Crítico', amarillo: 'Bajo', verde: 'Adecuado', azul: 'Sobresaliente' },
      },
    });
    expect(r.statusCode).toBe(400);
    expect(campos(r)).toEqual([
      { campo: 'semaforo.verdeDesde', mensaje: 'el inicio del verde debe estar entre 0 y 100' },
      { campo: 'semaforo.azulSobre', mensaje: 'el límite del azul debe estar entre 0 y 1.000' },
    ]);
  });

  it('una página o versión absurda en la consulta es 400, no un error de la base', async () => {
    const auditoria = await t.pedir(t.admin, 'GET', `${base()}/auditoria?pagina=1e308`);
    expect(auditoria.statusCode).toBe(400);
    expect(campos(auditoria)[0]!.campo).toBe('parámetro pagina');
    const versiones = await t.pedir(planeacion, 'GET', `${base()}/planes/2026/comparar?desde=1&hasta=1e300`);
    expect(versiones.statusCode).toBe(400);
  });
});

describe('cifras absurdas guardadas antes de los límites (escritas directo en la base)', () => {
  it('la hoja, los indicadores y el tablero responden 200 y muestran null en la cifra imposible', async () => {
    const db = t.conexion.db;
    // Two accepted 1e308 (their sum overflows) and an Infinity from a tiny denominator.
    await db.insert(seguimiento).values([
      { entidadId, actividadId: a2, periodo: 1, valor: 1e308, descripcion, estado: 'aceptado' },
      { entidadId, actividadId: a2, periodo: 2, valor: 1e308, descripcion, estado: 'aceptado' },
      {
        entidadId,
        actividadId: a2,
        periodo: 3,
        valor: Number.POSITIVE_INFINITY,
        numerador: 1e300,
        denominador: 1e-300,
        descripcion,
        estado: 'borrador',
      },
    ]);
    await db.update(indicador).set({ meta: 5e-324, lineaBase: 1e308 }).where(eq(indicador.id, indicadorId));
    await db.insert(medicion).values([
      { indicadorId, periodo: 1, numerador: 1e308, denominador: 1, valor: 1e308 },
      { indicadorId, periodo: 2, numerador: 1e300, denominador: 1e-300, valor: Number.POSITIVE_INFINITY },
    ]);

    await paginasResponden();
    const fila = async (periodo: number) =>
      (await t.pedir(consulta, 'GET', hoja(periodo)))
        .json()
        .filas.find((f: { actividad: { id: string } }) => f.actividad.id === a2);
    const p2 = await fila(2);
    expect(p2.reporte.valor).toBe(1e308);
    expect(p2.cifras).toMatchObject({
      logradoAcumulado: null,
      avanceAcumulado: null,
      cumplimientoAcumulado: null,
    });
    const p3 = await fila(3);
    expect(p3.reporte).toMatchObject({ valor: null, numerador: 1e300, denominador: 1e-300 });
    expect(p3.cifras.cumplimientoPeriodo).toBeNull();

    const lista = await t.pedir(consulta, 'GET', `${base()}/indicadores?vigencia=2026`);
    const i = lista.json().find((x: { id: string }) => x.id === indicadorId);
    expect(i.mediciones).toEqual([
      expect.objectContaining({ periodo: 1, valor: 1e308, cumplimiento: null, semaforo: null }),
      expect.objectContaining({ periodo: 2, valor: null, cumplimiento: null, semaforo: null }),
    ]);
    const unIndicador = await t.pedir(consulta, 'GET', `${base()}/indicadores/${indicadorId}`);
    expect(unIndicador.statusCode).toBe(200);

    const tablero = await t.pedir(
      consulta,
      'GET',
      `${base()}/tablero/actividades?vigencia=2026&periodo=2&porPagina=200`,
    );
    const enTablero = tablero.json().actividades.find((x: { id: string }) => x.id === a2);
    expect(enTablero).toMatchObject({ avance: null, cumplimiento: null, semaforo: null });

    // The responsible can still correct the period with the impossible value.
    const corregido = await t.pedir(responsable, 'PUT', seg(a2, 3), { valor: 1, descripcion });
    expect(corregido.statusCode, corregido.body).toBe(200);
    const [s] = await db
      .select()
      .from(seguimiento)
      .where(and(eq(seguimiento.actividadId, a2), eq(seguimiento.periodo, 3)));
    expect(s!.valor).toBe(1);
  });
});
