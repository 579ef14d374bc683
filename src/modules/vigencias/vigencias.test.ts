import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodo } from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
});
afterAll(() => t.cerrar());

const url = (v = 2026) => `/api/entidades/${entidadId}/vigencias/${v}`;

describe('vigencias y periodos', () => {
  it('sin configurar muestra la propuesta trimestral con cierre a los 10 días hábiles', async () => {
    const r = (await t.pedir(planeacion, 'GET', url())).json();
    expect(r.configurada).toBe(false);
    expect(r.periodos.map((p: { corte: string; cierra: string }) => [p.corte, p.cierra])).toEqual([
      ['2026-03-31', '2026-04-16'],
      ['2026-06-30', '2026-07-15'], // 13/07/2026: festivo de la Ley 2578 de 2026
      ['2026-09-30', '2026-10-15'],
      ['2026-12-31', '2027-01-18'],
    ]);
    expect(r.semaforo.etiquetas.rojo).toBe('Crítico');
  });

  it('planeación elige cuatrimestral con 5 días hábiles y rangos propios; queda auditado', async () => {
    const semaforo = {
      amarilloDesde: 50,
      verdeDesde: 90,
      azulSobre: 100,
      etiquetas: { rojo: 'Crítico', amarillo: 'En riesgo', verde: 'Cumple', azul: 'Supera' },
    };
    const r = await t.pedir(planeacion, 'PUT', url(), {
      esquema: 'cuatrimestral',
      diasHabilesReporte: 5,
      semaforo,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ configurada: true, esquema: 'cuatrimestral', semaforo });
    expect(r.json().periodos.map((p: { corte: string }) => p.corte)).toEqual([
      '2026-04-30',
      '2026-08-31',
      '2026-12-31',
    ]);
    const audit = (
      await t.pedir(t.admin, 'GET', `/api/entidades/${entidadId}/auditoria?recurso=vigencia`)
    ).json();
    expect(audit.registros[0].despues.esquema).toBe('cuatrimestral');
  });

  it('rechaza en español un esquema desconocido y rangos incoherentes, sin escribir nada', async () => {
    const malo = await t.pedir(planeacion, 'PUT', url(), { esquema: 'bimestral', diasHabilesReporte: 10 });
    expect(malo.statusCode).toBe(400);
    expect(malo.json().campos[0]).toMatchObject({ campo: 'esquema' });
    const rangos = await t.pedir(planeacion, 'PUT', url(), {
      esquema: 'mensual',
      diasHabilesReporte: 10,
      semaforo: {
        amarilloDesde: 90,
        verdeDesde: 80,
        azulSobre: 100,
        etiquetas: { rojo: 'a', amarillo: 'b', verde: 'c', azul: 'd' },
      },
    });
    expect(rangos.statusCode).toBe(400);
    expect(rangos.json().campos[0].campo).toBe('semaforo');
    expect((await t.pedir(planeacion, 'GET', url())).json().esquema).toBe('cuatrimestral');
  });

  it('cambia la ventana de un periodo, validando las fechas', async () => {
    const ok = await t.pedir(planeacion, 'PUT', `${url()}/periodos/1`, {
      abre: '2026-04-25',
      cierra: '2026-05-15',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().periodos[0]).toMatchObject({ abre: '2026-04-25', cierra: '2026-05-15' });
    const alReves = await t.pedir(planeacion, 'PUT', `${url()}/periodos/1`, {
      abre: '2026-05-15',
      cierra: '2026-05-01',
    });
    expect(alReves.statusCode).toBe(400);
    expect(alReves.json().campos[0].campo).toBe('cierra');
    const mal = await t.pedir(planeacion, 'PUT', `${url()}/periodos/1`, {
      abre: '15/05/2026',
      cierra: '2026-05-20',
    });
    expect(mal.statusCode).toBe(400);
    expect(mal.json().campos[0].campo).toBe('abre');
    expect(
      (await t.pedir(planeacion, 'PUT', `${url()}/periodos/9`, { abre: '2026-04-25', cierra: '2026-05-15' }))
        .statusCode,
    ).toBe(404);
  });

  it('con un periodo cerrado no se cambian el esquema ni su ventana', async () => {
    await t.conexion.db
      .update(periodo)
      .set({ cerrado: true })
      .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, 2026), eq(periodo.numero, 1)));
    const esquema = await t.pedir(planeacion, 'PUT', url(), {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
    });
    expect(esquema.statusCode).toBe(409);
    expect(esquema.json().mensaje).toContain('periodos cerrados');
    const ventana = await t.pedir(planeacion, 'PUT', `${url()}/periodos/1`, {
      abre: '2026-04-30',
      cierra: '2026-05-30',
    });
    expect(ventana.statusCode).toBe(409);
    // Changing only the semáforo is still allowed.
    const soloSemaforo = await t.pedir(planeacion, 'PUT', url(), {
      esquema: 'cuatrimestral',
      diasHabilesReporte: 5,
    });
    expect(soloSemaforo.statusCode).toBe(200);
  });

  it('control interno consulta pero no configura', async () => {
    const ci = await t.usuarioCon(entidadId, ['control_interno']);
    expect((await t.pedir(ci, 'GET', url())).statusCode).toBe(200);
    expect((await t.pedir(ci, 'PUT', url(), { esquema: 'mensual', diasHabilesReporte: 10 })).statusCode).toBe(
      403,
    );
  });
});
