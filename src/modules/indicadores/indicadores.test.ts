import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let responsable: Sesion & { id: string };
let otro: Sesion & { id: string };
let control: Sesion;
let ajeno: Sesion;
let indicadorId: string;
const base = () => `/api/entidades/${entidadId}/indicadores`;
const hoja = {
  vigencia: 2026,
  codigo: 'IND-SC-01',
  nombre: 'Oportunidad en la respuesta a las PQRSD',
  objetivo: 'Medir qué parte de las peticiones se responde dentro del término legal',
  tipo: 'eficacia',
  politica: 'servicio_ciudadano',
  formulaNumerador: 'PQRSD respondidas dentro del término',
  formulaDenominador: 'PQRSD recibidas en el periodo',
  unidad: '%',
  frecuencia: 'trimestral',
  lineaBase: 72,
  meta: 90,
  polaridad: 'creciente',
  fuente: 'Sistema de gestión documental, módulo de PQRSD',
};

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  const otra = await t.crearEntidad('Alcaldía ajena', '800197268-4');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  otro = await t.usuarioCon(entidadId, ['responsable_actividad']);
  control = await t.usuarioCon(entidadId, ['control_interno']);
  ajeno = await t.usuarioCon(otra, ['planeacion']);
  await t.pedir(planeacion, 'PUT', `/api/entidades/${entidadId}/vigencias/2026`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
});
afterAll(() => t.cerrar());

describe('hoja de vida del indicador', () => {
  it('planeación la crea; se valida cada campo en español', async () => {
    const mala = await t.pedir(planeacion, 'POST', base(), {
      ...hoja,
      tipo: 'calidad',
      politica: 'inventada',
      meta: -1,
    });
    expect(mala.statusCode).toBe(400);
    expect(
      mala
        .json()
        .campos.map((c: { campo: string }) => c.campo)
        .sort(),
    ).toEqual(['meta', 'tipo']);
    const pol = await t.pedir(planeacion, 'POST', base(), { ...hoja, politica: 'inventada' });
    expect(pol.json().campos).toEqual([
      { campo: 'politica', mensaje: 'no existe en el catálogo MIPG de 2026' },
    ]);
    expect((await t.pedir(control, 'POST', base(), hoja)).statusCode).toBe(403);
    expect((await t.pedir(ajeno, 'POST', base(), hoja)).statusCode).toBe(403);
    const r = await t.pedir(planeacion, 'POST', base(), { ...hoja, responsableId: responsable.id });
    expect(r.statusCode).toBe(201);
    indicadorId = r.json().id;
    const repetido = await t.pedir(planeacion, 'POST', base(), hoja);
    expect(repetido.statusCode).toBe(409);
    expect(repetido.json().campos[0].campo).toBe('codigo');
  });

  it('el responsable registra mediciones; el valor y el cumplimiento salen de la fórmula', async () => {
    const url = (n: number) => `${base()}/${indicadorId}/mediciones/${n}`;
    expect((await t.pedir(otro, 'PUT', url(1), { numerador: 10, denominador: 20 })).statusCode).toBe(403);
    expect((await t.pedir(control, 'PUT', url(1), { numerador: 10, denominador: 20 })).statusCode).toBe(403);
    const sinDen = await t.pedir(responsable, 'PUT', url(1), { numerador: 10 });
    expect(sinDen.statusCode).toBe(400);
    expect(sinDen.json().campos[0].campo).toBe('denominador');
    await t.pedir(responsable, 'PUT', url(1), { numerador: 81, denominador: 100 });
    const r = await t.pedir(planeacion, 'PUT', url(2), {
      numerador: 95,
      denominador: 100,
      observacion: 'Nuevo turno en ventanilla.',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().mediciones).toEqual([
      expect.objectContaining({ periodo: 1, valor: 81, cumplimiento: 90, semaforo: 'verde' }),
      expect.objectContaining({
        periodo: 2,
        valor: 95,
        semaforo: 'azul',
        observacion: 'Nuevo turno en ventanilla.',
      }),
    ]);
    expect(r.json().mediciones[1].cumplimiento).toBeCloseTo(105.56, 2);
    const audit = await t.pedir(control, 'GET', `/api/entidades/${entidadId}/auditoria?recurso=indicador`);
    expect(audit.body).toContain('registrar_medicion');
  });

  it('el año se acumula según el tipo de meta: una tasa en % promedia; un conteo suma; el tipo se puede cambiar', async () => {
    // The PQRSD rate was created without a goal type: as a percentage it averages (81 and 95 → 88 of 90).
    const pqrsd = (await t.pedir(planeacion, 'GET', `${base()}/${indicadorId}`)).json();
    expect(pqrsd.acumulacion).toBe('promedio');
    expect(pqrsd.acumulado.valor).toBeCloseTo(88);
    expect(pqrsd.acumulado.cumplimiento).toBeCloseTo(97.78, 2);
    const conteo = await t.pedir(planeacion, 'POST', base(), {
      ...hoja,
      codigo: 'IND-TH-01',
      nombre: 'Funcionarios capacitados en integridad',
      formulaDenominador: null,
      unidad: 'personas',
      meta: 40,
    });
    expect(conteo.json().acumulacion).toBe('suma');
    const id = conteo.json().id;
    for (const [n, numerador] of [
      [1, 12],
      [2, 18],
    ])
      await t.pedir(planeacion, 'PUT', `${base()}/${id}/mediciones/${n}`, { numerador });
    const sumado = (await t.pedir(planeacion, 'GET', `${base()}/${id}`)).json();
    expect(sumado.acumulado).toMatchObject({ valor: 30, cumplimiento: 75 });
    // Reported as a running total instead: the latest figure is the year's.
    const { id: _i, mediciones: _m, acumulado: _a, actividades: _x, ...datos } = sumado;
    const cambiado = await t.pedir(planeacion, 'PUT', `${base()}/${id}`, { ...datos, acumulacion: 'ultimo' });
    expect(cambiado.statusCode).toBe(200);
    expect(cambiado.json().acumulado).toMatchObject({ valor: 18, cumplimiento: 45 });
    const malo = await t.pedir(planeacion, 'PUT', `${base()}/${id}`, { ...datos, acumulacion: 'tasa' });
    expect(malo.statusCode).toBe(400);
    expect(malo.json().campos).toEqual([
      { campo: 'acumulacion', mensaje: 'elija el tipo de meta de la lista' },
    ]);
  });

  it('una actividad se vincula al indicador y la hoja de vida la muestra', async () => {
    const a = await t.pedir(planeacion, 'POST', `/api/entidades/${entidadId}/planes/2026/actividades`, {
      politica: 'servicio_ciudadano',
      codigo: 'SC-01',
      nombre: 'Responder las PQRSD dentro del término legal',
      producto: 'Informe trimestral de PQRSD',
      metaAnual: 4,
      unidad: 'informes',
      metasPeriodo: [1, 1, 1, 1],
      ponderacion: 100,
      indicadorId,
      fechaInicio: '2026-01-15',
      fechaFin: '2026-12-15',
    });
    expect(a.statusCode).toBe(201);
    const h = (await t.pedir(control, 'GET', `${base()}/${indicadorId}`)).json();
    expect(h.actividades).toEqual([expect.objectContaining({ codigo: 'SC-01' })]);
    const mal = await t.pedir(planeacion, 'POST', `/api/entidades/${entidadId}/planes/2026/actividades`, {
      ...(a.json() as Record<string, unknown>),
      id: undefined,
      codigo: 'SC-02',
      indicadorId: '00000000-0000-4000-8000-000000000000',
    });
    expect(mal.statusCode).toBe(400);
    expect(mal.json().campos[0].campo).toBe('indicadorId');
  });

  it('un periodo cerrado no admite mediciones', async () => {
    await t.pedir(planeacion, 'POST', `/api/entidades/${entidadId}/vigencias/2026/periodos/1/cerrar`, {});
    const r = await t.pedir(planeacion, 'PUT', `${base()}/${indicadorId}/mediciones/1`, {
      numerador: 1,
      denominador: 2,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('está cerrado');
    expect((await t.pedir(ajeno, 'GET', `${base()}/${indicadorId}`)).statusCode).toBe(403);
  });
});
