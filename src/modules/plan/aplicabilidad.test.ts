import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seguimiento } from '../../db/schema.ts';
import {
  type Escenario,
  escenarioConPlan,
  exigirEstado,
  nitDePrueba,
  nuevaActividad,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

// Which policies apply to an entity follows the FURAG form it answers: an entity that reports only the
// control-interno form (MECI: a concejo, a personería) has Control Interno alone.
let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

const actividad = (politica: string, codigo: string) => ({
  politica,
  codigo,
  nombre: 'Presentar el informe pormenorizado del estado del control interno',
  producto: 'Informe publicado',
  metaAnual: 4,
  unidad: 'informes',
  metasPeriodo: [1, 1, 1, 1],
  ponderacion: 100,
  fechaInicio: '2026-01-15',
  fechaFin: '2026-12-15',
});

/** Changes the entity's FURAG form as its administrator would, from the entity's profile. */
async function cambiarFormulario(e: Escenario, nombre: string, nit: string, tipoFormulario: 'MIPG' | 'MECI') {
  const admin = await t.usuarioCon(e.entidadId, ['admin_entidad']);
  const r = await t.pedir(admin, 'PUT', e.base, { nombre, nit, tipoFormulario });
  exigirEstado(r, 200, 'cambiar el formulario FURAG');
  expect(r.json().tipoFormulario).toBe(tipoFormulario);
}

/** A report of period 1 in an accepted state (or another): an accepted one counts in the figures. */
async function aceptado(
  e: Escenario,
  actividadId: string,
  valor: number,
  estado: 'aceptado' | 'enviado' = 'aceptado',
) {
  await t.conexion.db.insert(seguimiento).values({
    entidadId: e.entidadId,
    actividadId,
    periodo: 1,
    valor,
    descripcion: 'Se cumplió lo programado para el trimestre.',
    estado,
    reportadoPor: e.responsable.id,
    enviadoEn: new Date(),
  });
}

describe('aplicabilidad de las políticas según el formulario FURAG', () => {
  it('una entidad MECI solo crea actividades de Control Interno: otra política → 400 en español que nombra el campo', async () => {
    const e = await escenarioConPlan(t, { estadoPlan: 'borrador' });
    // Its own NIT frees the builders' one for the next scenario.
    await cambiarFormulario(e, 'Concejo Municipal de Prueba', '800123456-5', 'MECI');
    const url = `${e.base}/planes/2026/actividades`;
    const mala = await t.pedir(e.planeacion, 'POST', url, actividad('integridad', 'IN-01'));
    expect(mala.statusCode).toBe(400);
    expect(mala.json().campos).toEqual([
      {
        campo: 'politica',
        mensaje: expect.stringContaining('la política «Integridad» no aplica a esta entidad'),
      },
    ]);
    expect(mala.json().mensaje).toContain('formulario FURAG MECI');
    const buena = await t.pedir(e.planeacion, 'POST', url, actividad('control_interno', 'CI-01'));
    expect(buena.statusCode).toBe(201);
    // Editing an activity into a policy that does not apply fails the same way.
    const cambio = await t.pedir(
      e.planeacion,
      'PUT',
      `${url}/${buena.json().id}`,
      actividad('transparencia', 'CI-01'),
    );
    expect(cambio.statusCode).toBe(400);
    expect(cambio.json().campos[0].campo).toBe('politica');
  });

  it('las políticas que no aplican desaparecen del plan, del tablero y de los promedios (también del territorial)', async () => {
    const e = await escenarioConPlan(t);
    await cambiarFormulario(e, 'Personería Municipal de Prueba', '846000253-6', 'MIPG');
    const integridad = await nuevaActividad(t, e, { politica: 'integridad', ponderacion: 100 });
    const control = await nuevaActividad(t, e, { politica: 'control_interno', ponderacion: 100 });
    await aceptado(e, integridad.id, 1); // 1 of 4: 25 %
    await aceptado(e, control.id, 4); // 4 of 4: 100 %
    const tablero = async () =>
      t.exigir(200, e.planeacion, 'GET', `${e.base}/tablero?vigencia=2026&periodo=1`);
    const plan = async () => t.exigir(200, e.planeacion, 'GET', `${e.base}/planes/2026`);
    const territorial = async () =>
      (
        await t.exigir(200, t.admin, 'GET', '/api/tablero-territorial?vigencia=2026&periodo=1')
      ).entidades.find((x: { id: string }) => x.id === e.entidadId);

    // MIPG: both policies, and the average of D1 (25) and D7 (100).
    const antes = await tablero();
    expect(antes.politicas).toHaveLength(19);
    expect(antes.avance).toBeCloseTo(62.5);
    expect((await plan()).actividades).toHaveLength(2);
    expect((await territorial()).avance).toBeCloseTo(62.5);

    await cambiarFormulario(e, 'Personería Municipal de Prueba', '846000253-6', 'MECI');
    const despues = await tablero();
    expect(despues.politicas.map((p: { clave: string }) => p.clave)).toEqual(['control_interno']);
    expect(despues.dimensiones.map((d: { codigo: string }) => d.codigo)).toEqual(['D7']);
    expect(despues.avance).toBe(100);
    expect(despues.actividades).toBe(1);
    const lista = await t.exigir(
      200,
      e.planeacion,
      'GET',
      `${e.base}/tablero/actividades?vigencia=2026&periodo=1`,
    );
    expect(lista.actividades.map((a: { id: string }) => a.id)).toEqual([control.id]);
    const p = await plan();
    expect(p.actividades.map((a: { id: string }) => a.id)).toEqual([control.id]);
    expect(p.ponderaciones.map((x: { politica: string }) => x.politica)).toEqual(['control_interno']);
    const terr = await territorial();
    expect(terr.avance).toBe(100);
    expect(terr.actividades).toBe(1);

    // Kept, not deleted: back to MIPG, the activity and its figures return.
    await cambiarFormulario(e, 'Personería Municipal de Prueba', '846000253-6', 'MIPG');
    expect((await tablero()).avance).toBeCloseTo(62.5);
  });

  it('una personería (solo el formulario de control interno) no ve las demás políticas en su hoja de seguimiento, en sus pendientes ni al crear indicadores', async () => {
    const nit = nitDePrueba(4101);
    const e = await escenarioConPlan(t, { nit });
    await cambiarFormulario(e, 'Personería Municipal de Villagarzón', nit, 'MECI');
    // Activities of a policy that stopped applying stay stored (written before the change of form).
    const integridad = await nuevaActividad(t, e, { politica: 'integridad', codigo: 'IN-01' });
    const otraIntegridad = await nuevaActividad(t, e, { politica: 'integridad', codigo: 'IN-02' });
    const control = await nuevaActividad(t, e, { politica: 'control_interno', codigo: 'CI-01' });
    const otroControl = await nuevaActividad(t, e, { politica: 'control_interno', codigo: 'CI-02' });
    await aceptado(e, integridad.id, 1, 'enviado');
    await aceptado(e, otraIntegridad.id, 1);
    await aceptado(e, control.id, 1, 'enviado');
    await aceptado(e, otroControl.id, 1);

    // The follow-up sheet: Control Interno alone, for everyone who opens it.
    for (const quien of [e.planeacion, e.responsable, e.control]) {
      const hoja = await t.exigir(200, quien, 'GET', `${e.base}/seguimientos?vigencia=2026&periodo=1`);
      expect(hoja.filas.map((f: { actividad: { codigo: string } }) => f.actividad.codigo)).toEqual([
        'CI-01',
        'CI-02',
      ]);
    }

    // «Mis pendientes»: nothing of Integridad to report, review or verify.
    const pendientes = async (quien: typeof e.planeacion) =>
      (await t.exigir(200, quien, 'GET', `${e.base}/pendientes?vigencia=2026`)).pendientes as {
        tipo: string;
        texto: string;
      }[];
    const deResponsable = await pendientes(e.responsable);
    expect(deResponsable.filter((p) => p.tipo === 'reportar').length).toBeGreaterThan(0);
    expect(deResponsable.filter((p) => p.texto.includes('IN-0'))).toEqual([]);
    const dePlaneacion = await pendientes(e.planeacion);
    expect(dePlaneacion.filter((p) => p.tipo === 'revisar').map((p) => p.texto)).toEqual([
      expect.stringContaining('CI-01'),
    ]);
    const deControl = await pendientes(e.control);
    expect(deControl.filter((p) => p.tipo === 'verificar').map((p) => p.texto)).toEqual([
      expect.stringContaining('CI-02'),
    ]);

    // Nor through the API: a report of a policy that stopped applying is refused; Control Interno is taken.
    const reporte = { valor: 1, descripcion: 'Se realizó la jornada programada del trimestre.' };
    const oculto = await t.pedir(
      e.responsable,
      'PUT',
      `${e.base}/seguimientos/${otraIntegridad.id}/2`,
      reporte,
    );
    expect(oculto.statusCode).toBe(409);
    expect(oculto.json().mensaje).toMatch(
      /^La actividad IN-02 no se reporta porque la política «Integridad» no aplica a esta entidad: responde el formulario FURAG MECI/,
    );
    await t.exigir(200, e.responsable, 'PUT', `${e.base}/seguimientos/${control.id}/2`, reporte);

    // Indicators: a policy that does not apply → 400 in Spanish naming the field; Control Interno → 201.
    const indicador = (politica: string, codigo: string) => ({
      vigencia: 2026,
      codigo,
      nombre: 'Cumplimiento del programa anual de auditorías',
      objetivo: 'Medir la ejecución del Plan Anual de Auditoría aprobado',
      tipo: 'eficacia',
      politica,
      formulaNumerador: 'Auditorías ejecutadas',
      formulaDenominador: 'Auditorías programadas',
      unidad: '%',
      frecuencia: 'trimestral',
      meta: 100,
      polaridad: 'creciente',
      fuente: 'Informes de auditoría',
    });
    const url = `${e.base}/indicadores`;
    const mala = await t.pedir(e.planeacion, 'POST', url, indicador('integridad', 'IND-IN'));
    expect(mala.statusCode).toBe(400);
    expect(mala.json().campos).toEqual([
      {
        campo: 'politica',
        mensaje: expect.stringContaining('la política «Integridad» no aplica a esta entidad'),
      },
    ]);
    expect(mala.json().mensaje).toContain('formulario FURAG MECI');
    const buena = await t.pedir(e.planeacion, 'POST', url, indicador('control_interno', 'IND-CI'));
    expect(buena.statusCode, buena.body).toBe(201);
    // Editing it into a policy that does not apply fails the same way.
    const cambio = await t.pedir(
      e.planeacion,
      'PUT',
      `${url}/${buena.json().id}`,
      indicador('transparencia', 'IND-CI'),
    );
    expect(cambio.statusCode).toBe(400);
    expect(cambio.json().campos[0].campo).toBe('politica');
  });
});
