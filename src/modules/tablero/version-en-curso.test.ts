// While a new version of an approved plan is in course (borrador, then enviado), the dashboard — the
// entity's and the citizens' — and the public page keep showing the last approved version, with its
// figures: not the draft's activities, goals or weights, and not an empty dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seguimiento } from '../../db/schema.ts';
import { exigirEstado } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let comite: Sesion;
let responsable: Sesion & { id: string };
const plan = () => `/api/entidades/${entidadId}/planes/2026`;
const actividad = (codigo: string, nombre: string, ponderacion: number, metasPeriodo: number[]) => ({
  politica: 'integridad',
  codigo,
  nombre,
  producto: 'Informe',
  metaAnual: metasPeriodo.reduce((a, b) => a + b, 0),
  unidad: 'informe',
  metasPeriodo,
  ponderacion,
  responsableId: responsable.id,
  fechaInicio: '2026-01-15',
  fechaFin: '2026-12-15',
});
const paso = async (quien: Sesion, accion: string, cuerpo: object = {}) =>
  exigirEstado(await t.pedir(quien, 'POST', `${plan()}/${accion}`, cuerpo), 200, accion);
const aprobar = async (acta: string) => {
  await paso(planeacion, 'enviar');
  await paso(comite, 'aprobar', { fechaSesionComite: '2026-01-27', actaComite: acta });
};

/** What a person reads of the dashboard of period 1: figures and the activities listed. */
async function tablero(quien: Sesion | null) {
  const q = `vigencia=2026&periodo=1`;
  const resumen = exigirEstado(
    await t.pedir(quien, 'GET', `/api/entidades/${entidadId}/tablero?${q}`),
    200,
    'tablero',
  ).json();
  const lista = exigirEstado(
    await t.pedir(quien, 'GET', `/api/entidades/${entidadId}/tablero/actividades?${q}&porPagina=100`),
    200,
    'actividades del tablero',
  ).json();
  return {
    avance: resumen.avance,
    actividades: resumen.actividades,
    politicas: resumen.politicas.map((p: { clave: string; avance: number | null }) => [p.clave, p.avance]),
    lista: lista.actividades.map((a: { codigo: string; nombre: string; avance: number | null }) => [
      a.codigo,
      a.nombre,
      a.avance,
    ]),
  };
}

/** The entity's figure in the platform's territorial consolidation (SQL) of period 1. */
async function territorial() {
  const r = exigirEstado(
    await t.pedir(t.admin, 'GET', '/api/tablero-territorial?vigencia=2026&periodo=1'),
    200,
    'territorial',
  ).json();
  return r.entidades.find((e: { id: string }) => e.id === entidadId).avance as number;
}

/** The citizens' open data of the vigencia: the version shown, its figures and its activities. */
async function datosPublicos() {
  const r = exigirEstado(
    await t.app.inject({ method: 'GET', url: '/publico/hb/datos.json?vigencia=2026' }),
    200,
    'datos abiertos',
  ).json();
  return {
    version: r.versionPlan,
    avance: r.avance,
    actividades: r.actividades.map((a: { codigo: string; nombre: string; avance: number | null }) => [
      a.codigo,
      a.nombre,
      a.avance,
    ]),
  };
}

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('Hospital Borrador', '846000253-6');
  exigirEstado(
    await t.pedir(t.admin, 'PUT', `/api/entidades/${entidadId}`, {
      nombre: 'Hospital Borrador',
      nit: '846000253-6',
      sigla: 'HB',
    }),
    200,
    'sigla',
  );
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  exigirEstado(
    await t.pedir(planeacion, 'PUT', `/api/entidades/${entidadId}/vigencias/2026`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
    }),
    200,
    'vigencia',
  );
}, 60_000);
afterAll(() => t.cerrar());

describe('el tablero y la página pública durante una nueva versión del plan', () => {
  it('mientras la nueva versión está en borrador o enviada se ve la última aprobada, con sus cifras; al aprobarse, la nueva', async () => {
    const crear = async (datos: ReturnType<typeof actividad>) =>
      exigirEstado(
        await t.pedir(planeacion, 'POST', `${plan()}/actividades`, datos),
        201,
        datos.codigo,
      ).json().id as string;
    const in1 = await crear(actividad('IN-01', 'Socializar el código de integridad', 40, [1, 1, 1, 1]));
    const in2 = await crear(actividad('IN-02', 'Medir la apropiación del código', 30, [1, 1, 1, 1]));
    const in4 = await crear(actividad('IN-04', 'Actualizar el código de integridad', 30, [1, 1, 1, 1]));
    await aprobar('Acta 01 de 2026');
    await paso(planeacion, 'publicar', { fechaPublicacion: '2026-01-29' });
    // Period 1: IN-01 did all it programmed (100 %), IN-02 nothing yet (0 %), both accepted.
    await t.conexion.db.insert(seguimiento).values(
      [
        [in1, 1],
        [in2, 0],
      ].map(([actividadId, valor]) => ({
        entidadId,
        actividadId: actividadId as string,
        periodo: 1,
        valor: valor as number,
        descripcion: 'Reporte del primer trimestre.',
        estado: 'aceptado' as const,
        reportadoPor: responsable.id,
        enviadoEn: new Date(),
      })),
    );
    const aprobado = {
      interno: await tablero(planeacion),
      publico: await tablero(null),
      datos: await datosPublicos(),
    };
    expect(aprobado.interno.avance).toBeCloseTo(10); // 40 % of 25 + 30 % of 0 + 30 % of 0
    expect(aprobado.interno.lista.map((a: unknown[]) => a[0])).toEqual(['IN-01', 'IN-02', 'IN-04']);
    expect(aprobado.datos.avance).toBeCloseTo(10);
    expect(aprobado.datos.version).toBe(1);
    expect(await territorial()).toBeCloseTo(10, 9);

    // A new version: IN-01 renamed, weights and goals changed, IN-04 removed, a new activity added.
    await paso(planeacion, 'nueva-version', {
      justificacion: 'Ajuste de metas aprobado por la Junta Directiva en abril.',
    });
    exigirEstado(
      await t.pedir(
        planeacion,
        'PUT',
        `${plan()}/actividades/${in1}`,
        actividad('IN-01', 'Nombre cambiado en el borrador', 30, [4, 0, 0, 0]),
      ),
      200,
      'editar IN-01',
    );
    // IN-02 has a report: it cannot be removed, its goals change instead; IN-04, without reports, goes.
    expect((await t.pedir(planeacion, 'DELETE', `${plan()}/actividades/${in2}`)).statusCode).toBe(409);
    exigirEstado(
      await t.pedir(
        planeacion,
        'PUT',
        `${plan()}/actividades/${in2}`,
        actividad('IN-02', 'Medir la apropiación del código', 20, [0, 0, 0, 1]),
      ),
      200,
      'editar IN-02',
    );
    exigirEstado(await t.pedir(planeacion, 'DELETE', `${plan()}/actividades/${in4}`), 204, 'quitar IN-04');
    await crear(actividad('IN-03', 'Actividad nueva del borrador', 50, [1, 0, 0, 0]));

    const enBorrador = {
      interno: await tablero(planeacion),
      publico: await tablero(null),
      datos: await datosPublicos(),
    };
    // Neither the draft nor empty: the approved version, with the same figures.
    expect(enBorrador).toEqual(aprobado);
    expect(JSON.stringify(enBorrador)).not.toContain('borrador');
    // The territorial consolidation follows the same version (IN-04, gone from the draft, still counts).
    expect(await territorial()).toBeCloseTo(10, 9);

    // Sent to the approving body: still the approved version.
    await paso(planeacion, 'enviar');
    expect(await tablero(planeacion)).toEqual(aprobado.interno);
    expect(await tablero(null)).toEqual(aprobado.publico);
    expect(await territorial()).toBeCloseTo(10, 9);

    // Approved: the dashboard follows the new version.
    await paso(comite, 'aprobar', { fechaSesionComite: '2026-04-20', actaComite: 'Acta 04 de 2026' });
    const nueva = await tablero(planeacion);
    expect(nueva.lista.map((a: unknown[]) => a[0])).toEqual(['IN-01', 'IN-02', 'IN-03']);
    expect(nueva.lista[0]).toEqual(['IN-01', 'Nombre cambiado en el borrador', 25]);
    expect(nueva.avance).toBeCloseTo(7.5); // 30 % of 25
    expect(await territorial()).toBeCloseTo(7.5, 9);
  });
});
