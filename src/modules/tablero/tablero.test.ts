import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstadoSeguimiento } from '../../core/seguimiento.ts';
import { actividad, entidad, planAccion, seguimiento } from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { sembrarDemo, vigenciaDemo } from '../demo/demo.service.ts';

let t: AppPrueba;
let entidadId: string;
let consulta: Sesion;
let vigencia: number;

beforeAll(async () => {
  t = await crearAppPrueba();
  const r = await sembrarDemo(t.conexion.db, { usuarioId: null, correo: 'prueba', ip: null }, t.dataDir);
  entidadId = r.entidadId;
  vigencia = await vigenciaDemo(t.conexion.db);
  consulta = await t.iniciarSesion(`consulta@hospitalriomulato.example`, 'Mocoa2026demo');
});
afterAll(() => t.cerrar());

type Fila = {
  actividad: { politica: string };
  cifras: { avanceAcumulado: number | null };
  reporte: { estado: string } | null;
};

describe('el tablero cuadra con los reportes', () => {
  it('la demostración trae las 19 políticas con actividades y un tablero vivo', async () => {
    const tab = (
      await t.pedir(consulta, 'GET', `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}`)
    ).json();
    expect(tab.politicas.filter((p: { actividades: number }) => p.actividades > 0)).toHaveLength(19);
    expect(tab.avance).toBeGreaterThan(0);
    const lista = (
      await t.pedir(
        consulta,
        'GET',
        `/api/entidades/${entidadId}/tablero/actividades?vigencia=${vigencia}&porPagina=200`,
      )
    ).json();
    expect(lista.total).toBe(tab.actividades);
    const estados = new Set(lista.actividades.map((a: { reporte: string | null }) => a.reporte));
    expect(estados.size).toBeGreaterThanOrEqual(4);
  });

  it('el avance de cada política es la media ponderada del avance de sus actividades en la hoja de seguimiento', async () => {
    const plan = (await t.pedir(consulta, 'GET', `/api/entidades/${entidadId}/planes/${vigencia}`)).json();
    const peso = new Map(
      plan.actividades.map((a: { id: string; ponderacion: number }) => [a.id, a.ponderacion]),
    );
    const hoja = (
      await t.pedir(
        consulta,
        'GET',
        `/api/entidades/${entidadId}/seguimientos?vigencia=${vigencia}&periodo=1`,
      )
    ).json();
    const tab = (
      await t.pedir(consulta, 'GET', `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}&periodo=1`)
    ).json();
    for (const p of tab.politicas.filter((x: { actividades: number }) => x.actividades > 0)) {
      const suyas = hoja.filas.filter(
        (f: Fila & { actividad: { id: string } }) => f.actividad.politica === p.clave,
      );
      const suma = suyas.reduce(
        (s: number, f: { actividad: { id: string } }) => s + (peso.get(f.actividad.id) as number),
        0,
      );
      const esperado =
        suyas.reduce(
          (s: number, f: Fila & { actividad: { id: string } }) =>
            s +
            (peso.get(f.actividad.id) as number) *
              Math.min(100, f.reporte ? (f.cifras.avanceAcumulado ?? 0) : 0),
          0,
        ) / suma;
      expect(p.avance, p.clave).toBeCloseTo(esperado, 6);
    }
  });

  it('cada tipo de meta da su avance y cumplimiento, y la consolidación territorial (SQL) cuadra con el tablero', async () => {
    // One activity per goal type, each alone in its policy (weight 100), so the policy shows its figures.
    const db = t.conexion.db;
    const [e] = await db
      .insert(entidad)
      .values({ nombre: 'Municipio de los tipos de meta', nit: '890399011', dv: 3 })
      .returning();
    const [plan] = await db
      .insert(planAccion)
      .values({ entidadId: e!.id, vigencia, estado: 'aprobado' })
      .returning();
    const casos = [
      // tipo, política, meta anual, metas por periodo, cifras por periodo (null: no aceptada)
      ['suma', 'integridad', 4, [1, 1, 1, 1], [1, 2, null]],
      ['ultimo', 'talento_humano', 20, [5, 10, 15, 20], [8, 15, 30]],
      ['promedio', 'servicio_ciudadano', 90, [90, 90, 90, 90], [92, 88, 10]],
      ['maximo', 'gestion_documental', 80, [60, 70, 80, 80], [65, 62, 99]],
      ['hito', 'control_interno', 1, [0, 0, 1, 0], [0, 1, null]],
    ] as const;
    const acts = await db
      .insert(actividad)
      .values(
        casos.map(([acumulacion, politica, metaAnual, metasPeriodo], i) => ({
          planId: plan!.id,
          codigo: `T${i}`,
          nombre: `Tipo ${acumulacion}`,
          producto: 'P',
          unidad: 'u',
          politica,
          acumulacion,
          metaAnual,
          metasPeriodo: [...metasPeriodo],
          ponderacion: 100,
          fechaInicio: `${vigencia}-01-15`,
          fechaFin: `${vigencia}-12-15`,
        })),
      )
      .returning();
    // Periods 1 and 2 accepted; the third figure was only sent, so it must not count.
    await db.insert(seguimiento).values(
      casos.flatMap(([, , , , cifras], i) =>
        cifras.flatMap((valor, j) =>
          valor === null
            ? []
            : [
                {
                  entidadId: e!.id,
                  actividadId: acts[i]!.id,
                  periodo: j + 1,
                  valor,
                  estado: (j === 2 ? 'enviado' : 'aceptado') as EstadoSeguimiento,
                  descripcion: 'x',
                },
              ],
        ),
      ),
    );
    const tab = (
      await t.pedir(t.admin, 'GET', `/api/entidades/${e!.id}/tablero?vigencia=${vigencia}&periodo=2`)
    ).json();
    const politica = (clave: string) => tab.politicas.find((p: { clave: string }) => p.clave === clave);
    // Avance against the annual goal; cumplimiento against what was planned to the second cut-off.
    expect(politica('integridad')).toMatchObject({ avance: 75, cumplimiento: 100 }); // 3 of 4; 3 of 2
    expect(politica('talento_humano')).toMatchObject({ avance: 75, cumplimiento: 100 }); // 15 of 20; 15 of 10
    expect(politica('servicio_ciudadano').avance).toBeCloseTo(100); // (92 + 88) / 2 = 90 of 90
    expect(politica('gestion_documental').avance).toBeCloseTo(81.25); // max 65 of 80
    expect(politica('gestion_documental').cumplimiento).toBeCloseTo(92.857, 2); // 65 of 70
    expect(politica('control_interno')).toMatchObject({ avance: 100 }); // done early: cumplimiento not due yet
    expect(politica('control_interno').cumplimiento).toBeNull();
    const hoja = (
      await t.pedir(t.admin, 'GET', `/api/entidades/${e!.id}/seguimientos?vigencia=${vigencia}&periodo=2`)
    ).json();
    // The follow-up sheet shows the same accumulated figure (uncapped) for each type.
    const avanceEnHoja = Object.fromEntries(
      hoja.filas.map((f: Fila & { actividad: { acumulacion: string } }) => [
        f.actividad.acumulacion,
        f.cifras.avanceAcumulado,
      ]),
    );
    expect(avanceEnHoja).toEqual({
      suma: 75,
      ultimo: 75,
      promedio: expect.closeTo(100, 9),
      maximo: 81.25,
      hito: 100,
    });
    for (const periodo of [1, 2, 3]) {
      const terr = (
        await t.pedir(t.admin, 'GET', `/api/tablero-territorial?vigencia=${vigencia}&periodo=${periodo}`)
      ).json();
      const suyo = (
        await t.pedir(
          t.admin,
          'GET',
          `/api/entidades/${e!.id}/tablero?vigencia=${vigencia}&periodo=${periodo}`,
        )
      ).json();
      const x = terr.entidades.find((y: { id: string }) => y.id === e!.id);
      expect(x.avance, `tipos de meta, periodo ${periodo}`).toBeCloseTo(suyo.avance, 9);
      expect(x.dimensiones.map((d: { avance: number }) => d.avance)).toEqual(
        suyo.dimensiones.map((d: { avance: number | null }) =>
          d.avance === null ? null : expect.closeTo(d.avance, 9),
        ),
      );
    }
    // The same entity weighing across the whole plan, then by dependencia (none: one group): the plan's
    // avance changes with the mode, and the SQL path follows it.
    for (const [modo, esperado] of [
      ['plan', (75 + 75 + 100 + 81.25 + 100) / 5],
      ['dependencia', (75 + 75 + 100 + 81.25 + 100) / 5],
      ['politica', null],
    ] as const) {
      await t.exigir(200, t.admin, 'PUT', `/api/entidades/${e!.id}/vigencias/${vigencia}`, {
        esquema: 'trimestral',
        diasHabilesReporte: 10,
        modoPonderacion: modo,
      });
      const suyo = (
        await t.pedir(t.admin, 'GET', `/api/entidades/${e!.id}/tablero?vigencia=${vigencia}&periodo=2`)
      ).json();
      if (esperado !== null) expect(suyo.avance, modo).toBeCloseTo(esperado, 9);
      const terr = (
        await t.pedir(t.admin, 'GET', `/api/tablero-territorial?vigencia=${vigencia}&periodo=2`)
      ).json();
      expect(terr.entidades.find((y: { id: string }) => y.id === e!.id).avance, modo).toBeCloseTo(
        suyo.avance,
        9,
      );
    }
  });

  it('la consolidación territorial da las mismas cifras que el tablero de cada entidad', async () => {
    // A second entity with the edge cases: weights that are all zero, an over-achieved activity, a missing
    // report, a report not yet accepted, an activity that only starts in the second half of the year.
    const db = t.conexion.db;
    const [e] = await db
      .insert(entidad)
      .values({ nombre: 'Municipio de los casos límite', nit: '800197268', dv: 4 })
      .returning();
    const [plan] = await db
      .insert(planAccion)
      .values({ entidadId: e!.id, vigencia, estado: 'aprobado' })
      .returning();
    const base = {
      planId: plan!.id,
      producto: 'P',
      unidad: 'u',
      metasPeriodo: [1, 1, 1, 1],
      metaAnual: 4,
      fechaFin: `${vigencia}-12-15`,
    };
    const acts = await db
      .insert(actividad)
      .values([
        {
          ...base,
          politica: 'integridad',
          codigo: 'A',
          nombre: 'cero 1',
          ponderacion: 0,
          fechaInicio: `${vigencia}-01-15`,
        },
        {
          ...base,
          politica: 'integridad',
          codigo: 'B',
          nombre: 'cero 2',
          ponderacion: 0,
          fechaInicio: `${vigencia}-01-15`,
        },
        {
          ...base,
          politica: 'gestion_documental',
          codigo: 'C',
          nombre: 'sobre',
          ponderacion: 70,
          fechaInicio: `${vigencia}-01-15`,
        },
        {
          ...base,
          politica: 'gestion_documental',
          codigo: 'D',
          nombre: 'tarde',
          ponderacion: 30,
          fechaInicio: `${vigencia}-08-01`,
        },
        {
          ...base,
          politica: 'control_interno',
          codigo: 'E',
          nombre: 'enviado',
          ponderacion: 100,
          fechaInicio: `${vigencia}-01-15`,
        },
      ])
      .returning();
    const id = (c: string) => acts.find((a) => a.codigo === c)!.id;
    const rep = (codigo: string, periodo: number, valor: number, estado: EstadoSeguimiento) => ({
      entidadId: e!.id,
      actividadId: id(codigo),
      periodo,
      valor,
      estado,
      descripcion: 'x',
    });
    await db
      .insert(seguimiento)
      .values([
        rep('A', 1, 1, 'verificado'),
        rep('C', 1, 9, 'aceptado'),
        rep('C', 2, 1, 'aceptado'),
        rep('E', 1, 1, 'enviado'),
      ]);
    const adminTab = async (periodo: number) =>
      (
        await t.pedir(
          t.admin,
          'GET',
          `/api/entidades/${e!.id}/tablero?vigencia=${vigencia}&periodo=${periodo}`,
        )
      ).json();
    for (const periodo of [1, 2]) {
      const terr = (
        await t.pedir(t.admin, 'GET', `/api/tablero-territorial?vigencia=${vigencia}&periodo=${periodo}`)
      ).json();
      const tab = await adminTab(periodo);
      const x = terr.entidades.find((y: { id: string }) => y.id === e!.id);
      expect(x.avance, `casos límite, periodo ${periodo}`).toBeCloseTo(tab.avance, 9);
      expect(x.sinReporte).toBe(tab.sinReporte);
    }
    expect(
      (await adminTab(1)).politicas.find((p: { clave: string }) => p.clave === 'integridad').avance,
    ).toBeCloseTo(12.5);

    for (const periodo of [1, 2, 3]) {
      const terr = (
        await t.pedir(t.admin, 'GET', `/api/tablero-territorial?vigencia=${vigencia}&periodo=${periodo}`)
      ).json();
      const tab = (
        await t.pedir(
          consulta,
          'GET',
          `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}&periodo=${periodo}`,
        )
      ).json();
      const e = terr.entidades.find((x: { id: string }) => x.id === entidadId);
      expect(e.avance, `periodo ${periodo}`).toBeCloseTo(tab.avance, 9);
      expect(e.sinReporte).toBe(tab.sinReporte);
      expect(e.dimensiones.map((d: { avance: number }) => d.avance)).toEqual(
        tab.dimensiones.map((d: { avance: number }) => expect.closeTo(d.avance, 9)),
      );
    }
    expect(
      (await t.pedir(consulta, 'GET', `/api/tablero-territorial?vigencia=${vigencia}&periodo=1`)).statusCode,
    ).toBe(403);
  });
});

describe('el tablero no se queda con cifras viejas', () => {
  it('una revisión de planeación se ve en la siguiente consulta del tablero', async () => {
    const planeacion = await t.iniciarSesion('planeacion@hospitalriomulato.example', 'Mocoa2026demo');
    const url = `/api/entidades/${entidadId}/tablero/actividades?vigencia=${vigencia}&porPagina=200`;
    const antes = (await t.pedir(consulta, 'GET', url)).json();
    const enviada = antes.actividades.find((a: { reporte: string | null }) => a.reporte === 'enviado');
    const { periodo } = (
      await t.pedir(consulta, 'GET', `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}`)
    ).json();
    expect(enviada).toBeDefined();
    const r = await t.pedir(
      planeacion,
      'POST',
      `/api/entidades/${entidadId}/seguimientos/${enviada.id}/${periodo.numero}/aceptar`,
      {},
    );
    expect(r.statusCode).toBe(200);
    const despues = (await t.pedir(consulta, 'GET', url)).json();
    expect(despues.actividades.find((a: { id: string }) => a.id === enviada.id).reporte).toBe('aceptado');
  });
});
