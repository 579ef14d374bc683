import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  resultado,
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

const actividad = (
  politica: string,
  codigo: string,
  etiquetas: { plan612?: string; planPropio?: string },
) => ({
  politica,
  codigo,
  nombre: 'Ejecutar la actividad programada en el plan',
  producto: 'Informe de ejecución',
  metaAnual: 4,
  unidad: 'informes',
  // A vigencia configured without saying anything puts the PTEP by cuatrimestres: 3 goals.
  metasPeriodo: etiquetas.plan612 === 'transparencia_etica' ? [1, 1, 2] : [1, 1, 1, 1],
  ponderacion: 10,
  fechaInicio: '2026-01-15',
  fechaFin: '2026-12-15',
  ...etiquetas,
});

describe('planes propios de la entidad', () => {
  it('planeación los crea, lista y usa en actividades; cada cambio queda en la auditoría', async () => {
    const url = `${e.base}/planes-propios`;
    const desde = await ultimaAuditoria(t);
    const auditoria = {
      codigo: 'PAAI',
      nombre: 'Plan Anual de Auditoría',
      politicas: ['control_interno'],
    };
    expect((await t.pedir(e.control, 'POST', url, auditoria)).statusCode).toBe(403);
    expect((await t.pedir(e.responsable, 'POST', url, auditoria)).statusCode).toBe(403);
    const creado = await t.pedir(e.planeacion, 'POST', url, auditoria);
    expect(creado.statusCode).toBe(201);
    expect(creado.json()).toMatchObject(auditoria);
    const pamec = await t.exigir(201, e.planeacion, 'POST', url, {
      codigo: 'PAMEC',
      nombre: 'Programa de Auditoría para el Mejoramiento de la Calidad de la atención en salud',
    });
    expect(pamec.politicas).toEqual([]);

    const repetido = await t.pedir(e.planeacion, 'POST', url, {
      ...auditoria,
      nombre: 'Otro plan con el código',
    });
    expect(repetido.statusCode).toBe(409);
    expect(repetido.json().campos).toEqual([{ campo: 'codigo', mensaje: 'el código PAAI ya está en uso' }]);
    const sinPolitica = await t.pedir(e.planeacion, 'POST', url, {
      codigo: 'PHE',
      nombre: 'Plan Hospitalario de Emergencias',
      politicas: ['emergencias'],
    });
    expect(sinPolitica.statusCode).toBe(400);
    expect(sinPolitica.json().campos[0]).toEqual({
      campo: 'politicas',
      mensaje: '«emergencias» no es una política del catálogo MIPG',
    });
    const malCodigo = await t.pedir(e.planeacion, 'POST', url, {
      codigo: 'P H E',
      nombre: 'Plan de Emergencias',
    });
    expect(malCodigo.statusCode).toBe(400);
    expect(malCodigo.json().campos[0].campo).toBe('codigo');

    // Everyone of the entity reads the list (the activity form offers it).
    const lista = await t.exigir(200, e.control, 'GET', url);
    expect(lista.map((p: { codigo: string }) => p.codigo)).toEqual(['PAAI', 'PAMEC']);

    // Activities name an own plan by its code; the plan's policies bound them (none: any policy).
    const actividades = `${e.base}/planes/2026/actividades`;
    const ci = await t.pedir(
      e.planeacion,
      'POST',
      actividades,
      actividad('control_interno', 'CI-01', { planPropio: 'PAAI' }),
    );
    expect(ci.statusCode).toBe(201);
    expect(ci.json().planPropio).toBe('PAAI');
    expect(
      (
        await t.pedir(
          e.planeacion,
          'POST',
          actividades,
          actividad('servicio_ciudadano', 'SC-01', { planPropio: 'PAMEC' }),
        )
      ).statusCode,
    ).toBe(201);
    const fuera = await t.pedir(
      e.planeacion,
      'POST',
      actividades,
      actividad('integridad', 'IN-01', { planPropio: 'PAAI' }),
    );
    expect(fuera.statusCode).toBe(400);
    expect(fuera.json().campos).toEqual([
      { campo: 'planPropio', mensaje: '«Plan Anual de Auditoría» no corresponde a la política elegida' },
    ]);
    const otro = await t.pedir(
      e.planeacion,
      'POST',
      actividades,
      actividad('integridad', 'IN-01', { planPropio: 'PGG' }),
    );
    expect(otro.statusCode).toBe(400);
    expect(otro.json().campos).toEqual([
      { campo: 'planPropio', mensaje: 'elija uno de los planes propios de la entidad' },
    ]);
    const plan = await t.exigir(200, e.control, 'GET', `${e.base}/planes/2026`);
    expect(
      plan.actividades.map((a: { codigo: string; planPropio: string | null }) => [a.codigo, a.planPropio]),
    ).toEqual([
      ['CI-01', 'PAAI'],
      ['SC-01', 'PAMEC'],
    ]);

    // Changing a plan keeps its activities consistent; one in use is not removed.
    const id = creado.json().id;
    const estrecho = await t.pedir(e.planeacion, 'PUT', `${url}/${id}`, {
      nombre: 'Plan Anual de Auditoría',
      politicas: ['integridad'],
    });
    expect(estrecho.statusCode).toBe(409);
    expect(estrecho.json().mensaje).toContain('CI-01');
    const renombrado = await t.pedir(e.planeacion, 'PUT', `${url}/${id}`, {
      nombre: 'Plan Anual de Auditoría Interna',
      politicas: ['control_interno', 'integridad'],
    });
    expect(renombrado.statusCode).toBe(200);
    expect(renombrado.json()).toMatchObject({ codigo: 'PAAI', nombre: 'Plan Anual de Auditoría Interna' });
    const quitar = await t.pedir(e.planeacion, 'DELETE', `${url}/${id}`);
    expect(quitar.statusCode).toBe(409);
    expect(quitar.json().mensaje).toBe('La actividad CI-01 está en PAAI: no se puede quitar el plan.');

    const libre = await t.exigir(201, e.planeacion, 'POST', url, {
      codigo: 'PGG',
      nombre: 'Plan de Gestión del gerente',
    });
    expect((await t.pedir(e.planeacion, 'DELETE', `${url}/${libre.id}`)).statusCode).toBe(204);

    const registros = await auditoriaDesde(t, desde, 'plan_propio');
    expect(registros.map((r) => r.accion)).toEqual(['crear', 'crear', 'actualizar', 'crear', 'eliminar']);
    expect(registros[2]!.antes).toEqual({
      nombre: 'Plan Anual de Auditoría',
      politicas: ['control_interno'],
    });
  });

  it('dos planes con el mismo código a la vez: uno entra y el otro recibe 409, y solo uno queda auditado', async () => {
    const desde = await ultimaAuditoria(t);
    const plan = { codigo: 'PAC', nombre: 'Plan de Acción de Calidad' };
    const r = resultado(
      await aLaVez(
        () => t.pedir(e.planeacion, 'POST', `${e.base}/planes-propios`, plan),
        () => t.pedir(e.planeacion, 'POST', `${e.base}/planes-propios`, plan),
      ),
    );
    expect(r.estados.sort()).toEqual([201, 409]);
    expect(r.perdedores[0]!.json().mensaje).toBe('Ya hay un plan propio con el código PAC.');
    expect(await auditoriaDesde(t, desde, 'plan_propio')).toHaveLength(1);
  });

  it('quitar un plan propio mientras se le agrega una actividad: nunca queda una actividad en un plan que no existe', async () => {
    const desde = await ultimaAuditoria(t);
    for (let ronda = 0; ronda < 8; ronda++) {
      const codigo = `PR${ronda}`;
      const plan = await t.exigir(201, e.planeacion, 'POST', `${e.base}/planes-propios`, {
        codigo,
        nombre: `Plan de prueba ${ronda}`,
        politicas: ['control_interno'],
      });
      const [agregar, quitar] = await aLaVez(
        () =>
          t.pedir(
            e.planeacion,
            'POST',
            `${e.base}/planes/${e.vigencia}/actividades`,
            actividad('control_interno', `CR-${ronda}`, { planPropio: codigo }),
          ),
        () => t.pedir(e.planeacion, 'DELETE', `${e.base}/planes-propios/${plan.id}`),
      );
      // One of the two wins; the loser says why at the field, in Spanish.
      if (agregar!.statusCode === 201) {
        expect(quitar!.statusCode).toBe(409);
        expect(quitar!.json().mensaje).toContain(codigo);
      } else {
        expect(quitar!.statusCode).toBe(204);
        expect([400, 409]).toContain(agregar!.statusCode);
        expect(agregar!.json().campos.map((c: { campo: string }) => c.campo)).toContain('planPropio');
      }
      const planes = await t.exigir(200, e.planeacion, 'GET', `${e.base}/planes-propios`);
      const sigue = planes.some((p: { codigo: string }) => p.codigo === codigo);
      expect(sigue).toBe(agregar!.statusCode === 201);
    }
    const escritos = await auditoriaDesde(t, desde, 'actividad');
    expect(escritos.every((r) => r.accion === 'crear')).toBe(true);
  });

  it('otra entidad no ve ni toca los planes propios de esta', async () => {
    const [plan] = await t.exigir(200, e.planeacion, 'GET', `${e.base}/planes-propios`);
    const otra = await t.crearEntidad('Alcaldía de Otra Parte', '800123456-5');
    const ajena = await t.usuarioCon(otra, ['planeacion']);
    expect((await t.pedir(ajena, 'GET', `${e.base}/planes-propios`)).statusCode).toBe(403);
    expect(
      (await t.pedir(ajena, 'PUT', `${e.base}/planes-propios/${plan.id}`, { nombre: 'Plan ajeno cambiado' }))
        .statusCode,
    ).toBe(403);
    // Through its own entity's address the plan does not exist.
    const porLaPropia = await t.pedir(ajena, 'DELETE', `/api/entidades/${otra}/planes-propios/${plan.id}`);
    expect(porLaPropia.statusCode).toBe(404);
    expect(await t.exigir(200, ajena, 'GET', `/api/entidades/${otra}/planes-propios`)).toEqual([]);
  });
});

describe('planes del Decreto 612 con varias políticas', () => {
  it.each([
    ['integridad', 'transparencia_etica', 201],
    ['participacion_ciudadana', 'transparencia_etica', 201],
    ['transparencia', 'transparencia_etica', 201],
    ['gestion_presupuestal', 'adquisiciones', 201],
    ['compras_contratacion', 'adquisiciones', 201],
    ['gobierno_digital', 'seguridad_privacidad', 201],
    ['seguridad_digital', 'riesgos_seguridad_informacion', 201],
    ['integridad', 'peti', 400],
    ['talento_humano', 'no_existe', 400],
  ])('una actividad de %s en el plan %s → %i', async (politica, plan612, estado) => {
    const r = await t.pedir(
      e.planeacion,
      'POST',
      `${e.base}/planes/2026/actividades`,
      actividad(politica, `612-${politica.slice(0, 6)}-${plan612.slice(0, 6)}`, { plan612 }),
    );
    expect(r.statusCode, r.body).toBe(estado);
    if (estado === 400) expect(r.json().campos.map((c: { campo: string }) => c.campo)).toEqual(['plan612']);
    else expect(r.json().plan612).toBe(plan612);
  });
});
