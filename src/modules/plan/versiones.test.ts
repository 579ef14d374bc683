import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let comite: Sesion;
let responsable: Sesion & { id: string };
let a1: string;
let a2: string;
const base = () => `/api/entidades/${entidadId}/planes/2026`;
const datos = (codigo: string, ponderacion: number, metasPeriodo = [1, 1, 1, 1]) => ({
  politica: 'integridad',
  codigo,
  nombre: `Actividad ${codigo}`,
  producto: 'Informe',
  metaAnual: metasPeriodo.reduce((a, b) => a + b, 0),
  unidad: 'informe',
  metasPeriodo,
  ponderacion,
  responsableId: responsable.id,
  fechaInicio: '2026-01-15',
  fechaFin: '2026-12-15',
});
const aprobar = async (acta: string) => {
  expect((await t.pedir(planeacion, 'POST', `${base()}/enviar`, {})).statusCode).toBe(200);
  const r = await t.pedir(comite, 'POST', `${base()}/aprobar`, {
    fechaSesionComite: '2026-04-20',
    actaComite: acta,
  });
  expect(r.statusCode).toBe(200);
};

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('Alcaldía de Prueba', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  await t.pedir(planeacion, 'PUT', `/api/entidades/${entidadId}/vigencias/2026`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
  a1 = (await t.pedir(planeacion, 'POST', `${base()}/actividades`, datos('IN-01', 50))).json().id;
  a2 = (await t.pedir(planeacion, 'POST', `${base()}/actividades`, datos('IN-02', 50))).json().id;
  await aprobar('Acta 01 de 2026');
  const seg = `/api/entidades/${entidadId}/seguimientos/${a1}/1`;
  expect(
    (await t.pedir(responsable, 'PUT', seg, { valor: 1, descripcion: 'Informe del primer trimestre.' }))
      .statusCode,
  ).toBe(200);
  expect(
    (await t.pedir(planeacion, 'POST', `/api/entidades/${entidadId}/vigencias/2026/periodos/1/cerrar`, {}))
      .statusCode,
  ).toBe(200);
});
afterAll(() => t.cerrar());

describe('versiones del plan aprobado', () => {
  it('un plan aprobado no se edita: se abre una nueva versión con justificación', async () => {
    expect(
      (await t.pedir(planeacion, 'PUT', `${base()}/actividades/${a2}`, datos('IN-02', 50))).statusCode,
    ).toBe(409);
    const sin = await t.pedir(planeacion, 'POST', `${base()}/nueva-version`, { justificacion: 'cambio' });
    expect(sin.statusCode).toBe(400);
    expect(sin.json().campos[0].campo).toBe('justificacion');
    expect(
      (await t.pedir(comite, 'POST', `${base()}/nueva-version`, { justificacion: 'x'.repeat(20) }))
        .statusCode,
    ).toBe(403);
    const v2 = await t.pedir(planeacion, 'POST', `${base()}/nueva-version`, {
      justificacion: 'Recorte presupuestal aprobado por la junta directiva en abril.',
    });
    expect(v2.json().plan).toMatchObject({ version: 2, estado: 'borrador' });
  });

  it('en la nueva versión no cambia la meta de un periodo cerrado ni se quita lo ya reportado', async () => {
    const cerrada = await t.pedir(
      planeacion,
      'PUT',
      `${base()}/actividades/${a1}`,
      datos('IN-01', 50, [2, 1, 1, 0]),
    );
    expect(cerrada.statusCode).toBe(409);
    expect(cerrada.json().campos[0].campo).toBe('metasPeriodo');
    const quitar = await t.pedir(planeacion, 'DELETE', `${base()}/actividades/${a1}`);
    expect(quitar.statusCode).toBe(409);
    expect(quitar.json().mensaje).toContain('reportes de seguimiento');
    expect(
      (await t.pedir(planeacion, 'PUT', `${base()}/actividades/${a1}`, datos('IN-01', 60, [1, 1, 2, 0])))
        .statusCode,
    ).toBe(200);
    expect((await t.pedir(planeacion, 'DELETE', `${base()}/actividades/${a2}`)).statusCode).toBe(204);
    expect((await t.pedir(planeacion, 'POST', `${base()}/actividades`, datos('IN-03', 40))).statusCode).toBe(
      201,
    );
    await aprobar('Acta 04 de 2026');
  });

  it('se conservan todas las versiones y dos se comparan campo por campo', async () => {
    const versiones = (await t.pedir(responsable, 'GET', `${base()}/versiones`)).json();
    expect(versiones).toMatchObject([
      { version: 1, actaComite: 'Acta 01 de 2026', justificacion: null, actividades: 2 },
      {
        version: 2,
        actaComite: 'Acta 04 de 2026',
        justificacion: expect.stringContaining('Recorte'),
        actividades: 2,
      },
    ]);
    const c = (await t.pedir(responsable, 'GET', `${base()}/comparar?desde=1&hasta=2`)).json();
    expect(c.agregadas.map((x: { codigo: string }) => x.codigo)).toEqual(['IN-03']);
    expect(c.quitadas.map((x: { codigo: string }) => x.codigo)).toEqual(['IN-02']);
    expect(c.cambiadas).toEqual([
      expect.objectContaining({
        codigo: 'IN-01',
        cambios: [
          expect.objectContaining({
            etiqueta: 'Metas por periodo',
            antes: [1, 1, 1, 1],
            despues: [1, 1, 2, 0],
          }),
          expect.objectContaining({ etiqueta: 'Ponderación', antes: 50, despues: 60 }),
        ],
      }),
    ]);
    expect((await t.pedir(responsable, 'GET', `${base()}/comparar?desde=1&hasta=7`)).statusCode).toBe(404);
  });
});
