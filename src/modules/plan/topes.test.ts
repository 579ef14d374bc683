// Bounds on what one person or entity can pile up: pending proposals per author, own plans per entity and
// verification criteria per vigencia. At the bound the next one is a 409 in Spanish that says the limit and
// what to do, and nothing is written.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActividadEntradaSchema } from '../../contrato/plan.ts';
import { MAXIMO_PLANES_PROPIOS } from '../../core/catalogo.ts';
import { MAXIMO_PROPUESTAS_PENDIENTES } from '../../core/propuestas.ts';
import { MAXIMO_CRITERIOS_VERIFICACION } from '../../core/verificacion.ts';
import { criterioVerificacion, planPropio, propuestaActividad } from '../../db/schema.ts';
import { aLaVez, escenarioConPlan, nitNuevo, resultado } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

const propuesta = (codigo: string) => ({
  politica: 'integridad',
  codigo,
  nombre: 'Realizar dos jornadas de socialización del código de integridad',
  producto: 'Listas de asistencia',
  metaAnual: 2,
  unidad: 'jornada',
  metasPeriodo: [0, 1, 0, 1],
  ponderacion: 100,
  fechaInicio: '2026-03-01',
  fechaFin: '2026-12-15',
});

describe('topes', () => {
  it(`un responsable tiene a lo sumo ${MAXIMO_PROPUESTAS_PENDIENTES} propuestas pendientes por vigencia; las resueltas no cuentan`, async () => {
    const e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
    const lider = await t.usuarioCon(e.entidadId, ['responsable_politica']);
    await t.exigir(200, e.planeacion, 'PUT', `${e.base}/responsables/${e.vigencia}/integridad`, {
      usuarioId: lider.id,
      dependenciaId: null,
    });
    const filas = await t.conexion.db
      .insert(propuestaActividad)
      .values(
        Array.from({ length: MAXIMO_PROPUESTAS_PENDIENTES }, (_, i) => ({
          entidadId: e.entidadId,
          vigencia: e.vigencia,
          politica: 'integridad',
          autorId: lider.id,
          // As the API stores it: the entry with its defaults.
          datos: ActividadEntradaSchema.parse(propuesta(`IN-${i}`)),
        })),
      )
      .returning();
    const url = `${e.base}/planes/${e.vigencia}/propuestas`;
    const tope = await t.pedir(lider, 'POST', url, propuesta('IN-X'));
    expect(tope.statusCode).toBe(409);
    expect(tope.json().mensaje).toBe(
      `Usted ya tiene ${MAXIMO_PROPUESTAS_PENDIENTES} propuestas pendientes en el plan 2026, el máximo: espere a que planeación las incorpore o descarte, o corrija una de ellas.`,
    );
    const pendientes = async () =>
      Number(
        (
          await t.conexion.db
            .select({ n: count() })
            .from(propuestaActividad)
            .where(and(eq(propuestaActividad.autorId, lider.id), eq(propuestaActividad.estado, 'pendiente')))
        )[0]!.n,
      );
    expect(await pendientes()).toBe(MAXIMO_PROPUESTAS_PENDIENTES);
    // Planeación sets one aside: room for one more.
    await t.exigir(200, e.planeacion, 'POST', `${url}/${filas[0]!.id}/descartar`, {
      motivo: 'Ya está en el plan como IN-01.',
    });
    await t.exigir(201, lider, 'POST', url, propuesta('IN-X'));
    expect((await t.pedir(lider, 'POST', url, propuesta('IN-Y'))).statusCode).toBe(409);
  });

  it(`una entidad tiene a lo sumo ${MAXIMO_PLANES_PROPIOS} planes propios`, async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    await t.conexion.db.insert(planPropio).values(
      Array.from({ length: MAXIMO_PLANES_PROPIOS - 1 }, (_, i) => ({
        entidadId: e.entidadId,
        codigo: `P${i}`,
        nombre: `Plan propio número ${i}`,
      })),
    );
    const url = `${e.base}/planes-propios`;
    await t.exigir(201, e.planeacion, 'POST', url, {
      codigo: 'PAMEC',
      nombre: 'Programa de Auditoría para el Mejoramiento de la Calidad',
      politicas: [],
    });
    const tope = await t.pedir(e.planeacion, 'POST', url, {
      codigo: 'PHE',
      nombre: 'Plan Hospitalario de Emergencias',
      politicas: [],
    });
    expect(tope.statusCode).toBe(409);
    expect(tope.json().mensaje).toBe(
      `La entidad ya tiene ${MAXIMO_PLANES_PROPIOS} planes propios, el máximo: quite uno que ya no use antes de crear otro.`,
    );
    expect(await t.exigir(200, e.planeacion, 'GET', url)).toHaveLength(MAXIMO_PLANES_PROPIOS);
  });

  it('al tope, varias creaciones a la vez: entra una sola y las demás reciben el 409 del tope', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    await t.conexion.db.insert(planPropio).values(
      Array.from({ length: MAXIMO_PLANES_PROPIOS - 1 }, (_, i) => ({
        entidadId: e.entidadId,
        codigo: `P${i}`,
        nombre: `Plan propio número ${i}`,
      })),
    );
    const url = `${e.base}/planes-propios`;
    const r = resultado(
      await aLaVez(
        ...Array.from(
          { length: 6 },
          (_, i) => () =>
            t.pedir(e.planeacion, 'POST', url, {
              codigo: `SIM${i}`,
              nombre: `Plan simultáneo ${i}`,
              politicas: [],
            }),
        ),
      ),
    );
    expect(r.ganadores).toHaveLength(1);
    expect(r.perdedores.map((x) => x.statusCode)).toEqual([409, 409, 409, 409, 409]);
    expect(await t.exigir(200, e.planeacion, 'GET', url)).toHaveLength(MAXIMO_PLANES_PROPIOS);
  });

  it(`la selección de control interno tiene a lo sumo ${MAXIMO_CRITERIOS_VERIFICACION} criterios por vigencia`, async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    await t.conexion.db.insert(criterioVerificacion).values(
      Array.from({ length: MAXIMO_CRITERIOS_VERIFICACION }, (_, i) => ({
        entidadId: e.entidadId,
        vigencia: e.vigencia,
        tipo: 'politica' as const,
        politica: `politica_${i}`,
        clave: `politica:politica_${i}`,
      })),
    );
    const url = `${e.base}/verificacion/${e.vigencia}/criterios`;
    const tope = await t.pedir(e.control, 'POST', url, { tipo: 'muestra', porcentaje: 20, motivo: null });
    expect(tope.statusCode).toBe(409);
    expect(tope.json().mensaje).toBe(
      `La selección de 2026 ya tiene ${MAXIMO_CRITERIOS_VERIFICACION} criterios, el máximo: elija por política, por dependencia o con una muestra en lugar de actividad por actividad.`,
    );
    const seleccion = await t.exigir(200, e.control, 'GET', `${e.base}/verificacion/${e.vigencia}`);
    expect(seleccion.criterios).toHaveLength(MAXIMO_CRITERIOS_VERIFICACION);
    // Another vigencia has its own room.
    await t.exigir(201, e.control, 'POST', `${e.base}/verificacion/2025/criterios`, {
      tipo: 'muestra',
      porcentaje: 20,
      motivo: null,
    });
  });
});
