// Función Pública's recommendations (issue 10 §2): planeación loads them with the results of a vigencia, turns
// one into an activity of the plan in borrador, the policy's responsible turns another into a proposal, a new
// file replaces only the unused ones, and one page follows a recommendation to next year's index score.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entidad, evidencia, planAccion, seguimiento } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  conEquivalencias,
  type Escenario,
  escenarioConPlan,
  nitNuevo,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let e: Escenario;
let lider: Sesion & { id: string };
let consulta: Sesion;
let ajena: { entidadId: string; planeacion: Sesion };
beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
  await t.conexion.db.update(entidad).set({ codigoSigep: '7001' }).where(eq(entidad.id, e.entidadId));
  lider = await t.usuarioCon(e.entidadId, ['responsable_politica']);
  await t.exigir(200, e.planeacion, 'PUT', `${e.base}/responsables/${e.vigencia}/talento_humano`, {
    usuarioId: lider.id,
    dependenciaId: null,
  });
  consulta = await t.usuarioCon(e.entidadId, ['consulta']);
  const otra = await escenarioConPlan(t, { estadoPlan: 'borrador', nit: nitNuevo() });
  ajena = { entidadId: otra.entidadId, planeacion: otra.planeacion };
});
afterAll(() => t.cerrar());

const subir = (
  s: Sesion,
  entidadId: string,
  contenido: string | Buffer,
  vigencia = 2025,
  tipo = 'text/csv',
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/entidades/${entidadId}/furag/recomendaciones/import?vigencia=${vigencia}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': tipo },
    payload: contenido,
  });

// A title row before the header; a multi-line text; the policy column for a policy without sub-indices.
const ARCHIVO = [
  'Recomendaciones FURAG 2025 — E.S.E. Hospital de Prueba;;',
  'Índice;"Texto de la\nrecomendación";Política',
  'I01 Calidad de la planeación estratégica del talento humano;"Actualice el plan estratégico de talento humano\ncon el diagnóstico de la vigencia.";',
  'I05;Mida la apropiación del código de integridad.;POL02',
  ';Formule indicadores de resultado para el plan estratégico.;POL03 Planeación Institucional',
].join('\r\n');

const actividad = (codigo: string, politica: string, indiceFurag: string | null) => ({
  politica,
  codigo,
  indiceFurag,
  nombre: 'Actualizar el plan estratégico de talento humano con el diagnóstico',
  producto: 'Plan estratégico actualizado',
  metaAnual: 1,
  acumulacion: 'hito',
  unidad: 'documento',
  metasPeriodo: [0, 1, 0, 0],
  ponderacion: 0,
  fechaInicio: '2026-02-01',
  fechaFin: '2026-12-15',
});

const lista = async (s: Sesion = e.planeacion, consultaUrl = '?vigencia=2025') =>
  t.exigir(200, s, 'GET', `${e.base}/furag/recomendaciones${consultaUrl}`);

describe('recomendaciones de Función Pública', () => {
  let porIndice: Record<string, string>;

  it('planeación carga el archivo; consulta y otra entidad no pueden; un índice fuera del catálogo rechaza todo', async () => {
    expect((await subir(consulta, e.entidadId, ARCHIVO)).statusCode).toBe(403);
    expect((await subir(lider, e.entidadId, ARCHIVO)).statusCode).toBe(403);
    expect((await subir(ajena.planeacion, e.entidadId, ARCHIVO)).statusCode).toBe(403);
    const mala = await subir(e.planeacion, e.entidadId, `${ARCHIVO}\r\nI99 Índice inventado;Algo;`);
    expect(mala.statusCode).toBe(400);
    expect(mala.json().problemas).toEqual([
      { fila: 6, columna: 'Índice', problema: 'El índice I99 no existe en el catálogo de la vigencia 2025.' },
    ]);
    expect((await lista()).recomendaciones).toEqual([]);
    const sinCatalogo = await subir(e.planeacion, e.entidadId, ARCHIVO, 2019);
    expect(sinCatalogo.statusCode).toBe(400);
    expect(sinCatalogo.json().campos[0].campo).toBe('vigencia');

    const desde = await ultimaAuditoria(t);
    const r = await subir(e.planeacion, e.entidadId, ARCHIVO);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ cargadas: 3, conservadas: 0, reemplazadas: 0 });
    const [registro] = await auditoriaDesde(t, desde, 'furag_recomendaciones');
    expect(registro).toMatchObject({ accion: 'importar', recursoId: '2025', entidadId: e.entidadId });
  });

  it('se listan por política (orden del catálogo) e índice, con el texto en varias líneas; otra entidad no las ve', async () => {
    const r = await lista(consulta, '');
    expect(r.vigencia).toBe(2025);
    expect(r.vigencias).toEqual([2025]);
    expect(
      r.recomendaciones.map((x: { politica: string; indice: string | null }) => [x.politica, x.indice]),
    ).toEqual([
      ['talento_humano', 'I01'],
      ['integridad', 'I05'],
      ['planeacion_institucional', null],
    ]);
    expect(r.recomendaciones[0]).toMatchObject({
      politicaCodigo: 'POL01',
      indiceNombre: expect.any(String),
      texto: 'Actualice el plan estratégico de talento humano\ncon el diagnóstico de la vigencia.',
      fila: 3,
      actividades: [],
      propuestas: [],
    });
    porIndice = Object.fromEntries(
      r.recomendaciones.map((x: { id: string; indice: string | null }) => [x.indice ?? 'POL03', x.id]),
    );
    const otra = await t.pedir(ajena.planeacion, 'GET', `${e.base}/furag/recomendaciones`);
    expect(otra.statusCode).toBe(403);
    // Through its own entity, another entity's recommendation does not exist.
    const cruzada = await t.pedir(
      ajena.planeacion,
      'GET',
      `/api/entidades/${ajena.entidadId}/furag/recomendaciones/${porIndice.I01}`,
    );
    expect(cruzada.statusCode).toBe(404);
  });

  it('planeación la convierte en actividad del plan en borrador, con su índice y política, vinculada en los dos sentidos', async () => {
    const url = `${e.base}/furag/recomendaciones/${porIndice.I01}/actividad`;
    const otraPolitica = await t.pedir(e.planeacion, 'POST', url, {
      vigencia: 2026,
      actividad: actividad('TH-01', 'integridad', 'I05'),
    });
    expect(otraPolitica.statusCode).toBe(400);
    expect(otraPolitica.json().campos.map((c: { campo: string }) => c.campo)).toEqual([
      'politica',
      'indiceFurag',
    ]);
    const anterior = await t.pedir(e.planeacion, 'POST', url, {
      vigencia: 2024,
      actividad: actividad('TH-01', 'talento_humano', 'I01'),
    });
    expect(anterior.statusCode).toBe(400);
    for (const s of [consulta, lider, e.control])
      expect(
        (
          await t.pedir(s, 'POST', url, {
            vigencia: 2026,
            actividad: actividad('TH-01', 'talento_humano', 'I01'),
          })
        ).statusCode,
      ).toBe(403);

    const desde = await ultimaAuditoria(t);
    const a = await t.exigir(201, e.planeacion, 'POST', url, {
      vigencia: 2026,
      actividad: actividad('TH-01', 'talento_humano', 'I01'),
    });
    expect(a).toMatchObject({ codigo: 'TH-01', indiceFurag: 'I01', recomendacionId: porIndice.I01 });
    const [registro] = await auditoriaDesde(t, desde, 'recomendacion', porIndice.I01);
    expect(registro).toMatchObject({ accion: 'convertir', despues: { actividadId: a.id, vigencia: 2026 } });

    const plan = await t.exigir(200, e.planeacion, 'GET', `${e.base}/planes/2026`);
    expect(plan.actividades).toContainEqual(
      expect.objectContaining({ codigo: 'TH-01', recomendacionId: porIndice.I01 }),
    );
    const r = await lista();
    expect(r.recomendaciones[0].actividades).toEqual([
      { id: a.id, codigo: 'TH-01', nombre: a.nombre, vigencia: 2026, estadoPlan: 'borrador' },
    ]);
  });

  it('el responsable de la política la convierte en propuesta (solo de sus políticas); al incorporarla la actividad hereda el vínculo', async () => {
    const cuerpo = (codigo: string, politica: string, indice: string | null) => ({
      vigencia: 2026,
      actividad: actividad(codigo, politica, indice),
    });
    const ajenaPolitica = await t.pedir(
      lider,
      'POST',
      `${e.base}/furag/recomendaciones/${porIndice.I05}/propuesta`,
      cuerpo('IN-01', 'integridad', 'I05'),
    );
    expect(ajenaPolitica.statusCode).toBe(403);
    expect(
      (
        await t.pedir(
          consulta,
          'POST',
          `${e.base}/furag/recomendaciones/${porIndice.I01}/propuesta`,
          cuerpo('TH-02', 'talento_humano', 'I01'),
        )
      ).statusCode,
    ).toBe(403);
    const p = await t.exigir(
      201,
      lider,
      'POST',
      `${e.base}/furag/recomendaciones/${porIndice.I01}/propuesta`,
      cuerpo('TH-02', 'talento_humano', 'I01'),
    );
    expect(p).toMatchObject({ estado: 'pendiente', recomendacionId: porIndice.I01, autor: { id: lider.id } });
    // Planeación proposes for any policy (a recommendation to a policy without sub-indices here).
    const dePlaneacion = await t.exigir(
      201,
      e.planeacion,
      'POST',
      `${e.base}/furag/recomendaciones/${porIndice.POL03}/propuesta`,
      cuerpo('PI-01', 'planeacion_institucional', null),
    );
    expect(dePlaneacion.recomendacionId).toBe(porIndice.POL03);

    const incorporada = await t.exigir(
      200,
      e.planeacion,
      'POST',
      `${e.base}/planes/2026/propuestas/${p.id}/incorporar`,
      null,
    );
    const plan = await t.exigir(200, e.planeacion, 'GET', `${e.base}/planes/2026`);
    expect(plan.actividades).toContainEqual(
      expect.objectContaining({
        id: incorporada.actividadId,
        codigo: 'TH-02',
        recomendacionId: porIndice.I01,
        propuestaPor: lider.id,
      }),
    );
    const r = await lista();
    expect(r.recomendaciones[0].actividades.map((a: { codigo: string }) => a.codigo)).toEqual([
      'TH-01',
      'TH-02',
    ]);
    expect(r.recomendaciones[0].propuestas).toEqual([
      expect.objectContaining({ id: p.id, estado: 'incorporada', actividadId: incorporada.actividadId }),
    ]);
    expect(r.recomendaciones[2].propuestas).toEqual([expect.objectContaining({ estado: 'pendiente' })]);
  });

  it('un archivo nuevo reemplaza solo las no usadas: las convertidas se conservan con su vínculo y no se duplican', async () => {
    const nuevo = [
      'Índice;Recomendación',
      'I01;"Actualice el plan estratégico de talento humano\ncon el diagnóstico de la vigencia."',
      'I02;Publique las vacantes para concurso de mérito.',
    ].join('\n');
    const r = await subir(e.planeacion, e.entidadId, nuevo);
    expect(r.statusCode, r.body).toBe(201);
    // I01 and the POL03 recommendation (a pending proposal) stay; I05 is replaced; only I02 is new.
    expect(r.json()).toEqual({ cargadas: 1, conservadas: 2, reemplazadas: 1 });
    const despues = await lista();
    expect(despues.recomendaciones.map((x: { indice: string | null }) => x.indice)).toEqual([
      'I01',
      'I02',
      null,
    ]);
    expect(despues.recomendaciones[0].id).toBe(porIndice.I01);
    expect(despues.recomendaciones[0].actividades).toHaveLength(2);
    // The replaced one is gone: converting it now is a 404.
    const tarde = await t.pedir(
      e.planeacion,
      'POST',
      `${e.base}/furag/recomendaciones/${porIndice.I05}/actividad`,
      {
        vigencia: 2026,
        actividad: actividad('IN-02', 'integridad', 'I05'),
      },
    );
    expect(tarde.statusCode).toBe(404);
  });

  it('trazabilidad: recomendación → actividad → avance y evidencias → puntaje del índice en el año siguiente', async () => {
    const { recomendaciones } = await lista();
    const [th01] = recomendaciones[0].actividades;
    const [s] = await t.conexion.db
      .insert(seguimiento)
      .values({
        entidadId: e.entidadId,
        actividadId: th01.id,
        periodo: 2,
        valor: 1,
        descripcion: 'Plan actualizado y aprobado en comité',
        estado: 'aceptado',
      })
      .returning();
    await t.conexion.db
      .insert(evidencia)
      .values({ seguimientoId: s!.id, nombre: 'Acta del comité', url: 'https://example.org/acta.pdf' });
    const url = `${e.base}/furag/recomendaciones/${porIndice.I01}`;

    const antes = await t.exigir(200, consulta, 'GET', url);
    expect(antes.medicion).toEqual({
      codigo: 'I01',
      base: { vigencia: 2025, codigo: null, estado: 'sin_cargar', puntaje: null },
      siguiente: { vigencia: 2026, codigo: null, estado: 'sin_cargar', puntaje: null },
    });
    const resultados = (vigencia: number, i01: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/furag/resultados/import?vigencia=${vigencia}`,
        headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'text/csv' },
        payload: `Código SIGEP;Entidad;Grupo par;I01 Planeación del TH;POL01\r\n7001;Hospital de Prueba;ESE;${i01};60\r\n7002;Otro;ESE;50;50`,
      });
    expect((await resultados(2025, '40')).statusCode).toBe(201);
    const conBase = await t.exigir(200, consulta, 'GET', url);
    expect(conBase.medicion.base).toEqual({
      vigencia: 2025,
      codigo: 'I01',
      estado: 'con_puntaje',
      puntaje: 40,
    });
    expect(conBase.medicion.siguiente.estado).toBe('sin_cargar');
    expect((await resultados(2026, '72,5')).statusCode).toBe(201);

    const r = await t.exigir(200, consulta, 'GET', url);
    expect(r.recomendacion).toMatchObject({ id: porIndice.I01, indice: 'I01' });
    expect(r.medicion.siguiente).toEqual({
      vigencia: 2026,
      codigo: 'I01',
      estado: 'con_puntaje',
      puntaje: 72.5,
    });
    const traza = r.actividades.find((a: { id: string }) => a.id === th01.id);
    expect(traza).toMatchObject({
      codigo: 'TH-01',
      metaAnual: 1,
      logrado: 1,
      avance: 100,
      reportes: [
        {
          periodo: 2,
          valor: 1,
          estado: 'aceptado',
          evidencias: [
            { id: expect.any(String), nombre: 'Acta del comité', url: 'https://example.org/acta.pdf' },
          ],
        },
      ],
    });
    // When FURAG renumbers the index the next year (the catalog's map of 2026), the score followed is the new
    // code's: 2026's I01 is then another index, and I02 (the old I01) has no score in the file.
    await conEquivalencias(t, 2026, { I02: 'I01', I01: null }, async () => {
      const renumerado = await t.exigir(200, consulta, 'GET', url);
      expect(renumerado.medicion.siguiente).toEqual({
        vigencia: 2026,
        codigo: 'I02',
        estado: 'no_aplica',
        puntaje: null,
      });
    });
    expect((await t.pedir(ajena.planeacion, 'GET', url)).statusCode).toBe(403);
    const noExiste = await t.pedir(consulta, 'GET', `${e.base}/furag/recomendaciones/${porIndice.I05}`);
    expect(noExiste.statusCode).toBe(404);
  });

  it('cargar un archivo mientras se convierte una recomendación: o se convierte y se conserva, o 409/404; nunca un 500 ni un vínculo roto', async () => {
    for (let ronda = 0; ronda < 6; ronda++) {
      const archivo = (texto: string) => `Índice;Recomendación\nI03;${texto}`;
      expect(
        (await subir(e.planeacion, e.entidadId, archivo(`Ronda ${ronda}: capacite a los servidores.`)))
          .statusCode,
      ).toBe(201);
      const { recomendaciones } = await lista();
      const objetivo = recomendaciones.find((x: { texto: string }) => x.texto.startsWith(`Ronda ${ronda}:`));
      const [conversion, carga] = await aLaVez(
        () =>
          t.pedir(e.planeacion, 'POST', `${e.base}/furag/recomendaciones/${objetivo.id}/actividad`, {
            vigencia: 2026,
            actividad: actividad(`CA-${ronda}`, 'talento_humano', 'I03'),
          }),
        () => subir(e.planeacion, e.entidadId, archivo(`Ronda ${ronda}: otra recomendación.`)),
      );
      expect(carga!.statusCode, carga!.body).toBe(201);
      expect([201, 404, 409], conversion!.body).toContain(conversion!.statusCode);
      const despues = (await lista()).recomendaciones.find((x: { id: string }) => x.id === objetivo.id);
      if (conversion!.statusCode === 201) {
        expect(despues.actividades.map((a: { codigo: string }) => a.codigo)).toEqual([`CA-${ronda}`]);
        expect(carga!.json().conservadas).toBeGreaterThanOrEqual(1);
      } else expect(despues).toBeUndefined();
    }
  });

  it('con el plan enviado ya no se convierte: 409 que lo dice, para la actividad y para la propuesta', async () => {
    await t.conexion.db.update(planAccion).set({ estado: 'enviado' }).where(eq(planAccion.id, e.planId));
    const { recomendaciones } = await lista();
    const libre = recomendaciones.find(
      (x: { indice: string | null; actividades: unknown[] }) => x.indice === 'I03' && !x.actividades.length,
    );
    const libreId = libre.id;
    const directa = await t.pedir(
      e.planeacion,
      'POST',
      `${e.base}/furag/recomendaciones/${libreId}/actividad`,
      {
        vigencia: 2026,
        actividad: actividad('TH-03', 'talento_humano', 'I03'),
      },
    );
    expect(directa.statusCode).toBe(409);
    expect(directa.json().mensaje).toMatch(/enviado/);
    const propuesta = await t.pedir(lider, 'POST', `${e.base}/furag/recomendaciones/${libreId}/propuesta`, {
      vigencia: 2026,
      actividad: actividad('TH-03', 'talento_humano', 'I03'),
    });
    expect(propuesta.statusCode).toBe(409);
    // Nothing was linked by the failed attempts.
    expect((await lista()).recomendaciones.find((x: { id: string }) => x.id === libreId)).toMatchObject({
      actividades: [],
      propuestas: [],
    });
  });

  it('un libro .xlsx con el encabezado en la fila 3 y texto en varias líneas, de otra vigencia de resultados', async () => {
    const libro = new ExcelJS.Workbook();
    const hoja = libro.addWorksheet('Recomendaciones');
    hoja.addRow(['Recomendaciones FURAG 2024']);
    hoja.addRow([]);
    hoja.addRow(['Política', 'Índice\nFURAG', 'Recomendación de Función Pública']);
    hoja.addRow([
      'POL01 Gestión Estratégica del Talento Humano',
      'I04 Desvinculación asistida',
      'Documente el retiro.\nIncluya la entrevista de salida.',
    ]);
    const r = await subir(
      e.planeacion,
      e.entidadId,
      Buffer.from(await libro.xlsx.writeBuffer()),
      2024,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ cargadas: 1, conservadas: 0, reemplazadas: 0 });
    const l = await lista(consulta, '?vigencia=2024');
    expect(l.vigencias).toEqual([2025, 2024]);
    expect(l.recomendaciones).toEqual([
      expect.objectContaining({
        vigencia: 2024,
        indice: 'I04',
        politica: 'talento_humano',
        texto: 'Documente el retiro.\nIncluya la entrevista de salida.',
        fila: 4,
      }),
    ]);
    // The 2025 ones are untouched by a load of 2024.
    expect((await lista(consulta, '')).vigencia).toBe(2025);
  });
});
