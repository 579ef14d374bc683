import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let comite: Sesion;
let control: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  control = await t.usuarioCon(entidadId, ['control_interno']);
});
afterAll(() => t.cerrar());

const base = () => `/api/entidades/${entidadId}/planes/2026`;
const actividad = (codigo: string, ponderacion: number) => ({
  politica: 'integridad',
  codigo,
  nombre: 'Implementar el procedimiento de conflicto de intereses',
  producto: 'Procedimiento adoptado',
  metaAnual: 4,
  unidad: 'jornada',
  metasPeriodo: [1, 1, 1, 1],
  ponderacion,
  fechaInicio: '2026-02-01',
  fechaFin: '2026-12-15',
});

describe('aprobación del plan por el comité', () => {
  it('no se envía un plan cuyas ponderaciones no suman 100 %', async () => {
    expect((await t.pedir(planeacion, 'POST', `${base()}/enviar`, {})).statusCode).toBe(404);
    await t.pedir(planeacion, 'POST', `${base()}/actividades`, actividad('IN-01', 70));
    const r = await t.pedir(planeacion, 'POST', `${base()}/enviar`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('suman 70 %: faltan 30 puntos');
  });

  it('enviar → devolver con observaciones → enviar → aprobar con acta → publicar, todo auditado', async () => {
    await t.pedir(planeacion, 'POST', `${base()}/actividades`, actividad('IN-02', 30));
    expect((await t.pedir(planeacion, 'POST', `${base()}/enviar`, {})).json().plan.estado).toBe('enviado');
    // Sent: planeación can no longer edit it.
    expect(
      (await t.pedir(planeacion, 'POST', `${base()}/actividades`, actividad('IN-03', 0))).statusCode,
    ).toBe(409);

    const sinObs = await t.pedir(comite, 'POST', `${base()}/devolver`, { observaciones: '' });
    expect(sinObs.statusCode).toBe(400);
    expect(sinObs.json().campos[0].campo).toBe('observaciones');
    const devuelto = await t.pedir(comite, 'POST', `${base()}/devolver`, {
      observaciones: 'Falta la meta de rendición de cuentas.',
    });
    expect(devuelto.json().plan).toMatchObject({
      estado: 'borrador',
      observaciones: 'Falta la meta de rendición de cuentas.',
    });

    await t.pedir(planeacion, 'POST', `${base()}/enviar`, {});
    const sinActa = await t.pedir(comite, 'POST', `${base()}/aprobar`, { fechaSesionComite: '2026-01-28' });
    expect(sinActa.statusCode).toBe(400);
    expect(sinActa.json().campos[0].campo).toBe('actaComite');
    const manana = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    for (const [fecha, problema] of [
      [manana, 'fecha futura'],
      ['2024-12-31', 'no puede ser anterior a 2025'],
    ] as const) {
      const mal = await t.pedir(comite, 'POST', `${base()}/aprobar`, {
        fechaSesionComite: fecha,
        actaComite: 'Acta 1',
      });
      expect(mal.statusCode).toBe(400);
      expect(mal.json().campos).toEqual([
        { campo: 'fechaSesionComite', mensaje: expect.stringContaining(problema) },
      ]);
    }
    const aprobado = await t.pedir(comite, 'POST', `${base()}/aprobar`, {
      fechaSesionComite: '2026-01-28',
      actaComite: 'Acta CIGD 01 de 2026',
    });
    expect(aprobado.json().plan).toMatchObject({
      estado: 'aprobado',
      fechaSesionComite: '2026-01-28',
      actaComite: 'Acta CIGD 01 de 2026',
      observaciones: null,
    });

    const otraVez = await t.pedir(comite, 'POST', `${base()}/aprobar`, {
      fechaSesionComite: '2026-01-28',
      actaComite: 'x',
    });
    expect(otraVez.statusCode).toBe(409);
    expect(otraVez.json().mensaje).toBe('No se puede aprobar un plan aprobado: debe estar enviado.');

    expect((await t.pedir(planeacion, 'POST', `${base()}/publicar`, {})).json().plan.estado).toBe(
      'publicado',
    );
    const audit = (
      await t.pedir(control, 'GET', `/api/entidades/${entidadId}/auditoria?recurso=plan`)
    ).json();
    expect(audit.registros.map((r: { accion: string }) => r.accion).reverse()).toEqual([
      'enviar',
      'devolver',
      'enviar',
      'aprobar',
      'publicar',
    ]);
  });

  it('control interno no aprueba ni devuelve; planeación no se aprueba a sí misma', async () => {
    for (const s of [control, planeacion]) {
      expect(
        (await t.pedir(s, 'POST', `${base()}/aprobar`, { fechaSesionComite: '2026-01-28', actaComite: 'x' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await t.pedir(s, 'POST', `${base()}/devolver`, { observaciones: 'no corresponde' })).statusCode,
      ).toBe(403);
    }
  });
});
