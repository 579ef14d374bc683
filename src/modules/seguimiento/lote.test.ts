import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seguimiento } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  reporteEn,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
let e: Escenario;
beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t);
});
afterAll(() => t.cerrar());

const lote = (accion: 'aceptar' | 'verificar') => `${e.base}/periodos/1/seguimientos/${accion}`;
const estadoDe = async (actividadId: string) =>
  (await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.actividadId, actividadId)))[0]?.estado;

describe('revisar varios reportes a la vez', () => {
  it('planeación acepta tres enviados de una vez; uno que no está enviado se explica y los demás entran', async () => {
    const enviados = [
      await reporteEn(t, e, 'enviado'),
      await reporteEn(t, e, 'enviado'),
      await reporteEn(t, e, 'enviado'),
    ];
    const borrador = await reporteEn(t, e, 'borrador');
    const desde = await ultimaAuditoria(t);
    const r = await t.pedir(e.planeacion, 'POST', lote('aceptar'), {
      actividades: [...enviados.map((x) => x.actividadId), borrador.actividadId],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().aplicados).toBe(3);
    const noAplicado = r.json().resultados.find((x: { ok: boolean }) => !x.ok);
    expect(noAplicado).toMatchObject({
      actividadId: borrador.actividadId,
      mensaje: 'No se puede aceptar un reporte «Borrador».',
    });
    for (const x of enviados) expect(await estadoDe(x.actividadId)).toBe('aceptado');
    expect(await estadoDe(borrador.actividadId)).toBe('borrador');
    // One audit entry per report accepted, none for the one left out.
    expect(await auditoriaDesde(t, desde, 'seguimiento')).toHaveLength(3);
  });

  it('control interno verifica en lote; quien no es de su línea recibe 403', async () => {
    const aceptados = [await reporteEn(t, e, 'aceptado'), await reporteEn(t, e, 'aceptado')];
    const cuerpo = { actividades: aceptados.map((x) => x.actividadId) };
    expect((await t.pedir(e.planeacion, 'POST', lote('verificar'), cuerpo)).statusCode).toBe(403);
    expect((await t.pedir(e.responsable, 'POST', lote('aceptar'), cuerpo)).statusCode).toBe(403);
    const r = await t.pedir(e.control, 'POST', lote('verificar'), cuerpo);
    expect(r.json().aplicados).toBe(2);
    for (const x of aceptados) expect(await estadoDe(x.actividadId)).toBe('verificado');
  });

  it('una actividad de otra entidad o inexistente se explica sin tocar nada; la lista está acotada', async () => {
    const r = await t.pedir(e.planeacion, 'POST', lote('aceptar'), {
      actividades: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      aplicados: 0,
      resultados: [{ ok: false, mensaje: expect.any(String) }],
    });
    const muchos = Array.from({ length: 201 }, () => '00000000-0000-4000-8000-000000000000');
    const grande = await t.pedir(e.planeacion, 'POST', lote('aceptar'), { actividades: muchos });
    expect(grande.statusCode).toBe(400);
    expect(grande.json().mensaje).toContain('200 reportes');
    expect((await t.pedir(e.planeacion, 'POST', lote('aceptar'), { actividades: [] })).statusCode).toBe(400);
  });

  it('dos lotes iguales a la vez: cada reporte se acepta una sola vez', async () => {
    const enviados = [await reporteEn(t, e, 'enviado'), await reporteEn(t, e, 'enviado')];
    const cuerpo = { actividades: enviados.map((x) => x.actividadId) };
    const desde = await ultimaAuditoria(t);
    const [a, b] = await aLaVez(
      () => t.pedir(e.planeacion, 'POST', lote('aceptar'), cuerpo),
      () => t.pedir(e.planeacion, 'POST', lote('aceptar'), cuerpo),
    );
    expect(a!.json().aplicados + b!.json().aplicados).toBe(2);
    expect(await auditoriaDesde(t, desde, 'seguimiento')).toHaveLength(2);
  });
});
