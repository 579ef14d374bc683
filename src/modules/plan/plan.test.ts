import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actividad as actividadTabla, planAccion } from '../../db/schema.ts';
import { escenarioConPlan, nitNuevo, reporteEn } from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion & { id: string };
let dependenciaId: string;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  const admin = await t.usuarioCon(entidadId, ['admin_entidad']);
  dependenciaId = (
    await t.pedir(admin, 'POST', `/api/entidades/${entidadId}/dependencias`, {
      nombre: 'Gestión Documental y Archivo',
    })
  ).json().id;
});
afterAll(() => t.cerrar());

const url = `/api/entidades/${'{e}'}/planes/2026`;
const base = () => url.replace('{e}', entidadId);
const actividad = (cambio: Record<string, unknown> = {}) => ({
  politica: 'gestion_documental',
  codigo: 'GD-01',
  indiceFurag: 'I50',
  plan612: 'pinar',
  nombre: 'Actualizar el PINAR y presentarlo al comité',
  producto: 'PINAR actualizado y acta del comité',
  metaAnual: 1,
  unidad: 'documento',
  metasPeriodo: [0, 1, 0, 0],
  ponderacion: 60,
  dependenciaId,
  responsableId: planeacion.id,
  fechaInicio: '2026-02-01',
  fechaFin: '2026-06-30',
  presupuesto: 4_500_000,
  ...cambio,
});

describe('plan de acción en borrador', () => {
  it('planeación agrega actividades; el plan avisa cuando las ponderaciones no suman 100 %', async () => {
    const r = await t.pedir(planeacion, 'POST', `${base()}/actividades`, actividad());
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ codigo: 'GD-01', presupuesto: 4_500_000, metasPeriodo: [0, 1, 0, 0] });
    let plan = (await t.pedir(planeacion, 'GET', base())).json();
    expect(plan.plan).toMatchObject({ estado: 'borrador', version: 1 });
    expect(plan.ponderaciones[0]).toMatchObject({ ok: false, suma: 60 });
    expect(plan.ponderaciones[0].mensaje).toBe(
      'Las ponderaciones de «Gestión Documental» suman 60 %: faltan 40 puntos para llegar a 100 %.',
    );
    await t.pedir(
      planeacion,
      'POST',
      `${base()}/actividades`,
      actividad({ codigo: 'GD-02', ponderacion: 40, indiceFurag: 'I51', plan612: null }),
    );
    plan = (await t.pedir(planeacion, 'GET', base())).json();
    expect(plan.actividades).toHaveLength(2);
    // The plan names the dependencia and the person, not only their ids (the public contract).
    expect(plan.actividades[0]).toMatchObject({
      dependenciaId,
      dependenciaNombre: 'Gestión Documental y Archivo',
      responsableId: planeacion.id,
      responsableNombre: expect.stringMatching(/\S/),
    });
    expect(plan.ponderaciones[0]).toMatchObject({ ok: true, mensaje: null });
  });

  it.each([
    [{ politica: 'no_existe' }, 'politica'],
    [{ indiceFurag: 'I05' }, 'indiceFurag'],
    [{ plan612: 'peti' }, 'plan612'],
    [{ metasPeriodo: [1, 1, 0, 0] }, 'metasPeriodo'],
    [{ metasPeriodo: [1, 0, 0] }, 'metasPeriodo'],
    [{ fechaInicio: '2025-12-01' }, 'fechaInicio'],
    [{ fechaFin: '2026-01-15' }, 'fechaFin'],
    [{ metaAnual: 0 }, 'metaAnual'],
    [{ ponderacion: 120 }, 'ponderacion'],
    [{ presupuesto: 1.5 }, 'presupuesto'],
    [{ dependenciaId: '00000000-0000-4000-8000-000000000000' }, 'dependenciaId'],
  ])('rechaza %j en español nombrando el campo, sin escribir nada', async (cambio, campo) => {
    const antes = (await t.pedir(planeacion, 'GET', base())).json().actividades.length;
    const r = await t.pedir(
      planeacion,
      'POST',
      `${base()}/actividades`,
      actividad({ codigo: 'X-1', ...cambio }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().campos.map((c: { campo: string }) => c.campo)).toContain(campo);
    expect((await t.pedir(planeacion, 'GET', base())).json().actividades).toHaveLength(antes);
  });

  it('el tipo de meta decide cómo cuadran las metas por periodo, y el plan lo devuelve', async () => {
    const tasa = { metaAnual: 90, unidad: '%', metasPeriodo: [90, 90, 90, 90], ponderacion: 0 };
    const comoSuma = await t.pedir(
      planeacion,
      'POST',
      `${base()}/actividades`,
      actividad({ codigo: 'T-1', ...tasa }),
    );
    expect(comoSuma.statusCode).toBe(400);
    expect(comoSuma.json().campos).toEqual([
      {
        campo: 'metasPeriodo',
        mensaje: 'Las metas por periodo suman 360 y la meta anual es 90: deben coincidir.',
      },
    ]);
    const r = await t.exigir(201, planeacion, 'POST', `${base()}/actividades`, {
      ...actividad({ codigo: 'T-1', ...tasa }),
      acumulacion: 'promedio',
    });
    expect(r).toMatchObject({ codigo: 'T-1', acumulacion: 'promedio' });
    const hito = await t.pedir(planeacion, 'POST', `${base()}/actividades`, {
      ...actividad({ codigo: 'T-2', metaAnual: 1, metasPeriodo: [0, 1, 1, 0], ponderacion: 0 }),
      acumulacion: 'hito',
    });
    expect(hito.json().campos[0]).toMatchObject({
      campo: 'metasPeriodo',
      mensaje: expect.stringMatching(/hito/),
    });
    const malo = await t.pedir(planeacion, 'POST', `${base()}/actividades`, {
      ...actividad({ codigo: 'T-3' }),
      acumulacion: 'acumulado',
    });
    expect(malo.json().campos).toEqual([
      { campo: 'acumulacion', mensaje: 'elija el tipo de meta de la lista' },
    ]);
    const plan = (await t.pedir(planeacion, 'GET', base())).json();
    expect(
      Object.fromEntries(
        plan.actividades.map((a: { codigo: string; acumulacion: string }) => [a.codigo, a.acumulacion]),
      ),
    ).toMatchObject({ 'GD-01': 'suma', 'T-1': 'promedio' });
    await t.exigir(204, planeacion, 'DELETE', `${base()}/actividades/${r.id}`);
  });

  it('un código repetido en el plan da 409', async () => {
    const r = await t.pedir(planeacion, 'POST', `${base()}/actividades`, actividad());
    expect(r.statusCode).toBe(409);
    expect(r.json().campos[0]).toMatchObject({ campo: 'codigo' });
    expect(r.json().mensaje).toBe('Ya hay una actividad con el código GD-01 en este plan.');
  });

  it('edita y quita actividades, con auditoría de antes y después', async () => {
    const plan = (await t.pedir(planeacion, 'GET', base())).json();
    const gd2 = plan.actividades.find((a: { codigo: string }) => a.codigo === 'GD-02');
    const r = await t.pedir(
      planeacion,
      'PUT',
      `${base()}/actividades/${gd2.id}`,
      actividad({
        codigo: 'GD-02',
        ponderacion: 40,
        indiceFurag: 'I52',
        plan612: null,
        nombre: 'Organizar el archivo central',
      }),
    );
    expect(r.statusCode).toBe(200);
    const audit = (
      await t.pedir(
        t.admin,
        'GET',
        `/api/entidades/${entidadId}/auditoria?recurso=actividad&accion=actualizar`,
      )
    ).json();
    expect(audit.registros[0].antes.nombre).toContain('PINAR');
    expect(audit.registros[0].despues.nombre).toBe('Organizar el archivo central');
    expect((await t.pedir(planeacion, 'DELETE', `${base()}/actividades/${gd2.id}`)).statusCode).toBe(204);
    expect((await t.pedir(planeacion, 'DELETE', `${base()}/actividades/${gd2.id}`)).statusCode).toBe(404);
  });

  it('control interno y los responsables no editan el plan', async () => {
    for (const rol of ['control_interno', 'responsable_actividad', 'alta_direccion'] as const) {
      const s = await t.usuarioCon(entidadId, [rol]);
      expect((await t.pedir(s, 'GET', base())).statusCode).toBe(200);
      expect(
        (await t.pedir(s, 'POST', `${base()}/actividades`, actividad({ codigo: 'Z-1' }))).statusCode,
      ).toBe(403);
    }
  });

  it('un plan que ya no está en borrador no se edita', async () => {
    await t.conexion.db
      .update(planAccion)
      .set({ estado: 'aprobado' })
      .where(eq(planAccion.entidadId, entidadId));
    const r = await t.pedir(planeacion, 'POST', `${base()}/actividades`, actividad({ codigo: 'GD-09' }));
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('está aprobado');
  });
});

describe('quitar una actividad de otra entidad', () => {
  it('la actividad de otra entidad, aunque tenga reportes, da 404 y sigue en su plan', async () => {
    const a = await escenarioConPlan(t, { nit: nitNuevo() });
    const b = await escenarioConPlan(t, { nit: nitNuevo(), estadoPlan: 'borrador' });
    const ajena = await reporteEn(t, a, 'enviado');
    const r = await t.pedir(b.planeacion, 'DELETE', `${b.base}/planes/2026/actividades/${ajena.actividadId}`);
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({
      error: 'no_encontrado',
      mensaje: 'No se encontró la actividad en el plan de esta vigencia.',
    });
    const sigue = await t.conexion.db
      .select({ id: actividadTabla.id })
      .from(actividadTabla)
      .where(eq(actividadTabla.id, ajena.actividadId));
    expect(sigue).toHaveLength(1);
  });
});
