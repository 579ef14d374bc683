import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let control: Sesion;
const actividad = (objetivo: string) => ({
  politica: 'planeacion_institucional',
  codigo: `PI-${objetivo}`,
  nombre: 'Hacer seguimiento al plan de desarrollo',
  producto: 'Informe',
  metaAnual: 4,
  unidad: 'informes',
  metasPeriodo: [1, 1, 1, 1],
  ponderacion: 100,
  objetivo,
  fechaInicio: '2026-01-15',
  fechaFin: '2026-12-15',
});

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('Alcaldía de Prueba', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  control = await t.usuarioCon(entidadId, ['control_interno']);
});
afterAll(() => t.cerrar());

describe('objetivos estratégicos de la entidad', () => {
  it('con la lista definida, una actividad solo contribuye a uno de sus objetivos', async () => {
    const url = `/api/entidades/${entidadId}/objetivos`;
    expect(
      (await t.pedir(control, 'POST', url, { codigo: 'OE1', nombre: 'Salud pública para todos' })).statusCode,
    ).toBe(403);
    const r = await t.pedir(planeacion, 'POST', url, {
      codigo: 'OE1',
      nombre: 'Gestión pública eficiente y transparente',
    });
    expect(r.statusCode).toBe(201);
    expect(
      (await t.pedir(planeacion, 'POST', url, { codigo: 'OE1', nombre: 'Otro con el mismo código' }))
        .statusCode,
    ).toBe(409);
    const mala = await t.pedir(
      planeacion,
      'POST',
      `/api/entidades/${entidadId}/planes/2026/actividades`,
      actividad('OE7'),
    );
    expect(mala.statusCode).toBe(400);
    expect(mala.json().campos).toEqual([
      { campo: 'objetivo', mensaje: 'elija uno de los objetivos estratégicos de la entidad' },
    ]);
    expect(
      (
        await t.pedir(
          planeacion,
          'POST',
          `/api/entidades/${entidadId}/planes/2026/actividades`,
          actividad('OE1'),
        )
      ).statusCode,
    ).toBe(201);
    const quitar = await t.pedir(planeacion, 'DELETE', `${url}/${r.json().id}`);
    expect(quitar.statusCode).toBe(409);
    expect(quitar.json().mensaje).toContain('PI-OE1');
    expect((await t.pedir(control, 'GET', url)).json()).toEqual([expect.objectContaining({ codigo: 'OE1' })]);
  });
});
