import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planAccion } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nuevaActividad,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
let e: Escenario;
beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t, { estadoPlan: 'borrador' });
});
afterAll(() => t.cerrar());

const url = (politica = 'integridad') => `${e.base}/planes/${e.vigencia}/politicas/${politica}/ponderaciones`;
const pesos = (ids: string[], valores: number[]) => ({
  ponderaciones: ids.map((actividadId, i) => ({ actividadId, ponderacion: valores[i]! })),
});
const ponderacionesDelPlan = async () =>
  Object.fromEntries(
    (await t.pedir(e.planeacion, 'GET', `${e.base}/planes/${e.vigencia}`))
      .json()
      .actividades.map((a: { id: string; ponderacion: number }) => [a.id, a.ponderacion]),
  );

describe('repartir las ponderaciones de una política en una sola vez', () => {
  let ids: string[];
  beforeAll(async () => {
    ids = [];
    for (let i = 0; i < 3; i++) ids.push((await nuevaActividad(t, e)).id);
    // Another policy's activity is left alone.
    await nuevaActividad(t, e, { politica: 'gestion_documental', ponderacion: 100 });
  });

  it('guarda las tres a la vez cuando suman 100 % y deja una entrada en la auditoría con el antes y el después', async () => {
    const desde = await ultimaAuditoria(t);
    const r = await t.pedir(e.planeacion, 'PUT', url(), pesos(ids, [50, 25.5, 24.5]));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().cambiadas).toBe(3);
    const plan = await ponderacionesDelPlan();
    expect(ids.map((id) => plan[id])).toEqual([50, 25.5, 24.5]);
    const [entrada] = await auditoriaDesde(t, desde, 'ponderaciones');
    expect(entrada?.despues).toMatchObject({
      politica: 'integridad',
      ponderaciones: expect.arrayContaining([expect.objectContaining({ ponderacion: 25.5 })]),
    });
  });

  it('si no suman 100 % no guarda ninguna y dice cuánto falta', async () => {
    const antes = await ponderacionesDelPlan();
    const r = await t.pedir(e.planeacion, 'PUT', url(), pesos(ids, [50, 30, 10]));
    expect(r.statusCode).toBe(400);
    expect(r.json().mensaje).toBe(
      'Las ponderaciones de «Integridad» suman 90 %: faltan 10 puntos para llegar a 100 %.',
    );
    expect(await ponderacionesDelPlan()).toEqual(antes);
  });

  it('si falta una actividad de la política, sobra una ajena o se repite, responde 409 sin guardar', async () => {
    const antes = await ponderacionesDelPlan();
    const [otra] = Object.keys(antes).filter((id) => !ids.includes(id));
    for (const cuerpo of [
      pesos(ids.slice(0, 2), [50, 50]),
      pesos([...ids.slice(0, 2), otra!], [50, 25, 25]),
      pesos([ids[0]!, ids[0]!, ids[1]!, ids[2]!], [25, 25, 25, 25]),
    ]) {
      const r = await t.pedir(e.planeacion, 'PUT', url(), cuerpo);
      expect(r.statusCode).toBe(409);
      expect(r.json().mensaje).toContain('Recargue la página');
    }
    expect(await ponderacionesDelPlan()).toEqual(antes);
  });

  it('valida cada cifra en español y solo planeación puede hacerlo', async () => {
    const r = await t.pedir(e.planeacion, 'PUT', url(), pesos(ids, [150, -25, 'x' as unknown as number]));
    expect(r.statusCode).toBe(400);
    expect(r.json().campos.map((c: { campo: string }) => c.campo)).toEqual([
      'ponderaciones.0.ponderacion',
      'ponderaciones.1.ponderacion',
      'ponderaciones.2.ponderacion',
    ]);
    expect((await t.pedir(e.responsable, 'PUT', url(), pesos(ids, [50, 25, 25]))).statusCode).toBe(403);
    expect((await t.pedir(e.planeacion, 'PUT', url('no existe'), pesos(ids, [50, 25, 25]))).statusCode).toBe(
      400,
    );
    expect(
      (await t.pedir(e.planeacion, 'PUT', url('talento_humano'), pesos(ids, [50, 25, 25]))).statusCode,
    ).toBe(404);
  });

  it('dos repartos a la vez: ambos quedan completos, nunca mezclados', async () => {
    const respuestas = await aLaVez(
      () => t.pedir(e.planeacion, 'PUT', url(), pesos(ids, [40, 30, 30])),
      () => t.pedir(e.planeacion, 'PUT', url(), pesos(ids, [20, 20, 60])),
    );
    expect(respuestas.map((r) => r.statusCode)).toEqual([200, 200]);
    const plan = await ponderacionesDelPlan();
    expect([
      [40, 30, 30],
      [20, 20, 60],
    ]).toContainEqual(ids.map((id) => plan[id]));
  });

  it('con el plan enviado al comité ya no se cambian', async () => {
    await t.conexion.db.update(planAccion).set({ estado: 'enviado' }).where(eq(planAccion.id, e.planId));
    const r = await t.pedir(e.planeacion, 'PUT', url(), pesos(ids, [50, 25, 25]));
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('está enviado');
  });
});
