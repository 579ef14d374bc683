import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actividad } from '../../contrato/plan.ts';
import { ACUMULACIONES, problemaMetas } from '../../core/acumulacion.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { pideJustificacion } from '../../core/semaforo.ts';
import {
  actividad,
  evidencia,
  furagCarga,
  indicador,
  indiceFurag,
  planAccion,
  planDecreto612,
  responsablePolitica,
  seguimiento,
} from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { textoPorPagina } from '../documentos/pdf-prueba.ts';
import { validarActividad } from '../plan/plan.service.ts';
import { DEMO, sembrarDemo, vigenciaDemo } from './demo.service.ts';
import { sembrarResultadosDemo } from './furag-demo.ts';

// What a jefe de planeación would check in the demo hospital before believing it.
let t: AppPrueba;
let entidadId: string;
let vigencia: number;
let planeacion: Sesion;
let actividades: Actividad[];
let personas: { id: string; nombre: string; correo: string; cargo: string | null; roles: string[] }[];

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = (await sembrarDemo(t.conexion.db, { usuarioId: null, correo: 'prueba', ip: null }, t.dataDir))
    .entidadId;
  vigencia = await vigenciaDemo(t.conexion.db);
  planeacion = await t.iniciarSesion(`planeacion@${DEMO.dominio}`, DEMO.clave);
  actividades = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/planes/${vigencia}`)).json()
    .actividades;
  personas = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/usuarios`)).json();
}, 120_000);
afterAll(() => t.cerrar());

const deNombre = (texto: RegExp) => {
  const a = actividades.find((x) => texto.test(x.nombre));
  expect(a, String(texto)).toBeDefined();
  return a!;
};

describe('la demostración es un hospital de nivel I creíble', () => {
  it('hay actividades de cada tipo de meta y todas pasan la validación del plan', async () => {
    const tipos = new Set(actividades.map((a) => a.acumulacion));
    expect([...tipos].sort()).toEqual([...ACUMULACIONES].sort());
    for (const a of actividades) {
      // The PTEP follows its cuatrimestres (30/04, 31/08, 31/12): 3 goals; the rest, the plan's 4 quarters.
      const periodos = a.plan612 === 'transparencia_etica' ? 3 : 4;
      expect(problemaMetas(a.acumulacion, a.metaAnual, a.metasPeriodo, periodos), a.codigo).toBeNull();
      // The same checks as an activity typed in the form: index and plan against the policy, objective, dates.
      await expect(
        validarActividad(t.conexion.db, entidadId, vigencia, a as never),
        a.codigo,
      ).resolves.toBeUndefined();
    }
    // Not every activity is 1/1/1/1 or 25/25/25/25.
    const repetidas = actividades.filter((a) => a.metasPeriodo.every((m) => m === a.metasPeriodo[0]));
    expect(repetidas.filter((a) => a.acumulacion === 'suma').length).toBeLessThan(actividades.length / 5);
  });

  it('el PTEP de la E.S.E. se programa y reporta por cuatrimestres', async () => {
    const v = await t.exigir(200, t.admin, 'GET', `/api/entidades/${entidadId}/vigencias/${vigencia}`);
    expect(v.esquemasInstrumento).toEqual({ transparencia_etica: 'cuatrimestral' });
    const ptep = actividades.filter((a) => a.plan612 === 'transparencia_etica');
    expect(ptep.length).toBeGreaterThanOrEqual(2);
    for (const a of ptep) expect(a.metasPeriodo, a.codigo).toHaveLength(3);
    const reportes = await t.conexion.db
      .select({ periodo: seguimiento.periodo })
      .from(seguimiento)
      .where(eq(seguimiento.actividadId, ptep[0]!.id));
    // Only cuatrimestres whose cut-off has passed, numbered as cuatrimestres.
    for (const r of reportes) expect(r.periodo).toBeLessThanOrEqual(3);
  });

  it('las fechas varían: ninguna actividad va del 15/01 al 15/12 y hay actividades de unos pocos meses', () => {
    expect(
      actividades.filter((a) => a.fechaInicio === `${vigencia}-01-15` && a.fechaFin === `${vigencia}-12-15`),
    ).toEqual([]);
    expect(new Set(actividades.map((a) => `${a.fechaInicio}/${a.fechaFin}`)).size).toBeGreaterThan(15);
    const meses = (a: Actividad) =>
      (Number(a.fechaFin.slice(5, 7)) - Number(a.fechaInicio.slice(5, 7)) + 12) % 12;
    expect(actividades.filter((a) => meses(a) <= 4).length).toBeGreaterThanOrEqual(5);
  });

  it('cada actividad lleva el índice FURAG o el plan del Decreto 612 de su política, cuando el catálogo los tiene, y un objetivo estratégico', async () => {
    const db = t.conexion.db;
    const indices = await db.select().from(indiceFurag).where(eq(indiceFurag.vigencia, vigencia));
    const planes = await db.select().from(planDecreto612).where(eq(planDecreto612.vigencia, vigencia));
    const objetivos = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/objetivos`)).json();
    expect(objetivos.map((o: { codigo: string }) => o.codigo)).toEqual(['OE1', 'OE2', 'OE3', 'OE4', 'OE5']);
    for (const a of actividades) {
      expect(
        objetivos.map((o: { codigo: string }) => o.codigo),
        a.codigo,
      ).toContain(a.objetivo);
      if (a.indiceFurag)
        expect(indices.find((i) => i.codigo === a.indiceFurag)?.politica, a.codigo).toBe(a.politica);
      if (a.plan612)
        expect(planes.find((p) => p.clave === a.plan612)?.politicas, a.codigo).toContain(a.politica);
      const hay =
        indices.some((i) => i.politica === a.politica) || // A plan counts for the policy it mainly serves (its first): the PAA is Compras', not Presupuestal's.
        planes.some((p) => p.politicas[0] === a.politica);
      if (hay) expect(a.indiceFurag ?? a.plan612, `${a.codigo} sin índice ni plan`).toBeTruthy();
    }
    // The Decreto 612 plans an E.S.E. is asked about, each with activities.
    const etiquetados = new Set(actividades.map((a) => a.plan612));
    for (const plan of ['capacitacion', 'pinar', 'adquisiciones', 'peti', 'transparencia_etica', 'sst'])
      expect(etiquetados, plan).toContain(plan);
  });

  it('las frecuencias de ley: conciliación dos veces al mes, informe pormenorizado semestral, audiencia como hito, PQRSD como tasa', () => {
    const conciliacion = deNombre(/comité de conciliación/);
    expect(conciliacion).toMatchObject({ acumulacion: 'suma', metaAnual: 24 });
    expect(conciliacion.metasPeriodo.every((m) => m >= 6)).toBe(true);
    const pormenorizado = deNombre(/informe pormenorizado/);
    expect(pormenorizado).toMatchObject({ acumulacion: 'suma', metaAnual: 2 });
    expect(pormenorizado.metasPeriodo.filter((m) => m > 0)).toEqual([1, 1]);
    expect(deNombre(/rendición de cuentas/).acumulacion).toBe('hito');
    const pqrsd = deNombre(/PQRSD/);
    expect(pqrsd).toMatchObject({ acumulacion: 'promedio', unidad: '%', metaAnual: 90 });
    expect(deNombre(/Plan Institucional de Capacitación/).acumulacion).toBe('ultimo');
  });

  it('cada quien responde por lo de su cargo: control interno solo por su política y todo responsable puede reportar', async () => {
    const db = t.conexion.db;
    const rolesDe = new Map(personas.map((p) => [p.id, p.roles]));
    const control = personas.filter((p) => p.roles.includes('control_interno')).map((p) => p.id);
    const oficina = actividades.find((a) => a.politica === 'control_interno')!.dependenciaId;
    for (const a of actividades) {
      const suyos = [a.responsableId, ...a.corresponsables];
      if (a.politica !== 'control_interno') {
        expect(
          suyos.some((id) => control.includes(id!)),
          a.codigo,
        ).toBe(false);
        expect(a.dependenciaId, a.codigo).not.toBe(oficina);
      }
      expect(
        rolesDe
          .get(a.responsableId!)
          ?.some((r) => r === 'responsable_actividad' || r === 'responsable_politica'),
        `${a.codigo}: su responsable no puede reportar`,
      ).toBe(true);
    }
    const lideres = await db
      .select()
      .from(responsablePolitica)
      .where(and(eq(responsablePolitica.entidadId, entidadId), eq(responsablePolitica.vigencia, vigencia)));
    expect(lideres.filter((l) => control.includes(l.usuarioId!)).map((l) => l.politica)).toEqual([
      'control_interno',
    ]);
    // Control interno never verifies its own office's reports.
    const propios = await db
      .select({ verificadoPor: seguimiento.verificadoPor })
      .from(seguimiento)
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .where(and(eq(seguimiento.entidadId, entidadId), eq(actividad.politica, 'control_interno')));
    expect(propios.length).toBeGreaterThan(0);
    expect(propios.filter((s) => s.verificadoPor !== null)).toEqual([]);
    expect(personas.every((p) => p.correo.endsWith(`@${DEMO.dominio}`))).toBe(true);
    expect(personas.length).toBeGreaterThanOrEqual(15);
  });

  it('los reportes siguen el tipo de meta, con una mezcla de estados y evidencia en cada uno', async () => {
    const db = t.conexion.db;
    const filas = await db
      .select({
        codigo: actividad.codigo,
        acumulacion: actividad.acumulacion,
        periodo: seguimiento.periodo,
        valor: seguimiento.valor,
        estado: seguimiento.estado,
        metas: actividad.metasPeriodo,
        justificacion: seguimiento.justificacionSobreejecucion,
        evidencias: evidencia.id,
      })
      .from(seguimiento)
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .leftJoin(evidencia, eq(evidencia.seguimientoId, seguimiento.id))
      .where(eq(seguimiento.entidadId, entidadId))
      .orderBy(actividad.codigo, seguimiento.periodo);
    expect(filas.length).toBeGreaterThan(actividades.length);
    expect(filas.filter((f) => f.evidencias === null)).toEqual([]);
    for (const f of filas) {
      // A figure over what was programmed carries its justification, as the form asks before sending.
      if (pideJustificacion(f.acumulacion, f.valor, f.metas[f.periodo - 1]!))
        expect(f.justificacion, `${f.codigo}, periodo ${f.periodo}`).toBeTruthy();
      if (f.acumulacion === 'hito') expect([0, 1], f.codigo).toContain(f.valor);
      if (f.acumulacion === 'promedio') {
        expect(f.valor, f.codigo).toBeGreaterThanOrEqual(80);
        expect(f.valor, f.codigo).toBeLessThanOrEqual(97);
      }
    }
    expect(filas.some((f) => f.justificacion)).toBe(true);
    // «Último»: each report carries the running total, so it never goes down.
    for (const a of actividades.filter((x) => x.acumulacion === 'ultimo')) {
      const valores = filas.filter((f) => f.codigo === a.codigo).map((f) => f.valor);
      expect(valores, a.codigo).toEqual([...valores].sort((x, y) => x - y));
    }
    const ultimo = Math.max(...filas.map((f) => f.periodo));
    expect(
      new Set(filas.filter((f) => f.periodo === ultimo).map((f) => f.estado)).size,
    ).toBeGreaterThanOrEqual(5);
  });

  it('el plan lo aprobó la Junta Directiva en enero y los indicadores acumulan según lo que miden', async () => {
    const db = t.conexion.db;
    const ent = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}`)).json();
    expect(ent.organoAprobacion).toBe('junta_directiva');
    const [plan] = await db
      .select()
      .from(planAccion)
      .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
    expect(plan!.actaComite).toBe(`Acuerdo 003 de ${vigencia} de la Junta Directiva`);
    expect(plan!.fechaSesionComite).toMatch(new RegExp(`^${vigencia}-01-`));
    const inds = await db
      .select()
      .from(indicador)
      .where(and(eq(indicador.entidadId, entidadId), eq(indicador.vigencia, vigencia)));
    const de = (texto: RegExp) => inds.find((i) => texto.test(i.nombre))!;
    expect(de(/PQRSD/)).toMatchObject({ acumulacion: 'promedio', unidad: '%' });
    expect(de(/Días promedio para contratar/)).toMatchObject({
      acumulacion: 'promedio',
      polaridad: 'decreciente',
    });
    expect(de(/auditorías/).acumulacion).toBe('ultimo');
  });

  it('el tablero de cada periodo sale sin errores y con cifras entre 0 y 100', async () => {
    const enRango = (x: number | null, donde: string) => {
      if (x === null) return;
      expect(x, donde).toBeGreaterThanOrEqual(0);
      expect(x, donde).toBeLessThanOrEqual(100);
    };
    for (const periodo of [1, 2, 3, 4]) {
      const r = await t.pedir(
        planeacion,
        'GET',
        `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}&periodo=${periodo}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      const tab = r.json();
      enRango(tab.avance, `periodo ${periodo}`);
      for (const d of tab.dimensiones) enRango(d.avance, `${d.codigo}, periodo ${periodo}`);
      for (const p of tab.politicas) {
        enRango(p.avance, `${p.clave}, periodo ${periodo}`);
        enRango(p.cumplimiento, `${p.clave}, periodo ${periodo}`);
      }
      const lista = (
        await t.pedir(
          planeacion,
          'GET',
          `/api/entidades/${entidadId}/tablero/actividades?vigencia=${vigencia}&periodo=${periodo}&porPagina=200`,
        )
      ).json();
      expect(lista.total).toBe(actividades.length);
      for (const a of lista.actividades) {
        enRango(a.avance, `${a.codigo}, periodo ${periodo}`);
        // Above 100 % in a period is sobreejecución (the blue band), not an error; never negative or NaN.
        if (a.cumplimiento !== null) expect(a.cumplimiento, a.codigo).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('un trimestre cerrado da el informe trimestral al CIGD y el de gestión, con el nombre del hospital', async () => {
    const v = (
      await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/vigencias/${vigencia}`)
    ).json() as {
      periodos: { numero: number; corte: string; cerrado: boolean }[];
    };
    const hoy = hoyEnColombia();
    // The seed closes every reported quarter but the last: from the second cut-off of the year on, one at least.
    if (v.periodos.filter((p) => p.corte < hoy).length < 2) return;
    const cerrado = v.periodos.filter((p) => p.cerrado).at(-1);
    expect(cerrado).toBeDefined();
    const base = `/api/entidades/${entidadId}/informes`;
    const r = await t.pedir(
      planeacion,
      'GET',
      `${base}/trimestral.pdf?vigencia=${vigencia}&periodo=${cerrado!.numero}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    const paginas = textoPorPagina(r.rawPayload);
    expect(paginas[0]).toContain(DEMO.nombre);
    expect(paginas[0]).toContain('Informe trimestral de seguimiento');
    const g = await t.pedir(planeacion, 'GET', `${base}/gestion.xlsx?vigencia=${vigencia}`);
    expect(g.statusCode, g.body).toBe(200);
  });

  it('el plan aprobado trae el acuerdo de la Junta Directiva (número, fecha y PDF ficticio), publicado y descargable', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/publico/${entidadId}` });
    const slug = r.headers.location!.split('?')[0]!.replace('/publico/', '');
    const datos = (
      await t.app.inject({ method: 'GET', url: `/publico/${slug}/datos.json?vigencia=${vigencia}` })
    ).json();
    expect(datos.aprobacion).toMatchObject({
      organo: 'Junta Directiva',
      acto: { tipo: 'acuerdo', numero: '003', fecha: `${vigencia}-01-27`, pdf: true },
      fechaPublicacion: `${vigencia}-01-30`,
    });
    const pdf = await t.app.inject({ method: 'GET', url: `/publico/${slug}/acto.pdf?vigencia=${vigencia}` });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    expect(pdf.body).toContain(`ACUERDO No. 003 DE ${vigencia}`);
    expect(pdf.body).toContain('DOCUMENTO FICTICIO DE DEMOSTRACION');
    // The entity's people see the same act on the plan.
    const plan = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/planes/${vigencia}`)).json();
    expect(plan.plan.acto).toMatchObject({
      tipo: 'acuerdo',
      numero: '003',
      archivo: { bytes: pdf.rawPayload.length },
    });
  });

  it('control interno eligió qué verificar (dos políticas y una dependencia): lo elegido está verificado con su avance, lo demás queda completo', async () => {
    const control = await t.iniciarSesion(`controlinterno@${DEMO.dominio}`, DEMO.clave);
    const seleccion = (
      await t.pedir(control, 'GET', `/api/entidades/${entidadId}/verificacion/${vigencia}`)
    ).json();
    expect(seleccion.todas).toBe(false);
    expect(seleccion.criterios.map((c: { tipo: string }) => c.tipo).sort()).toEqual([
      'dependencia',
      'politica',
      'politica',
    ]);
    expect(seleccion.criterios.every((c: { motivo: string | null }) => !!c.motivo)).toBe(true);
    expect(seleccion.seleccionadas).toBeGreaterThan(0);
    expect(seleccion.seleccionadas).toBeLessThan(seleccion.actividades);
    const planeacionDep = seleccion.criterios.find(
      (c: { tipo: string }) => c.tipo === 'dependencia',
    ).dependenciaId;
    const elegida = (a: { politica: string; dependenciaId: string | null }) =>
      ['servicio_ciudadano', 'participacion_ciudadana'].includes(a.politica) ||
      a.dependenciaId === planeacionDep;

    const filas = await t.conexion.db
      .select({
        codigo: actividad.codigo,
        politica: actividad.politica,
        dependenciaId: actividad.dependenciaId,
        estado: seguimiento.estado,
        avanceVerificado: seguimiento.avanceVerificado,
      })
      .from(seguimiento)
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .where(eq(seguimiento.entidadId, entidadId));
    const verificadas = filas.filter((f) => f.estado === 'verificado' || f.estado === 'con_observaciones');
    expect(verificadas.length).toBeGreaterThan(0);
    // Only what was chosen is verified, and with control interno's own percentage.
    for (const f of verificadas) {
      expect(elegida(f), f.codigo).toBe(true);
      expect(f.avanceVerificado, f.codigo).not.toBeNull();
      expect(f.avanceVerificado!, f.codigo).toBeGreaterThanOrEqual(0);
      expect(f.avanceVerificado!, f.codigo).toBeLessThanOrEqual(100);
    }
    expect(
      filas.some((f) => f.estado === 'aceptado' && !elegida(f) && f.politica !== 'control_interno'),
    ).toBe(true);

    // The dashboard of the first period shows the share verified and the reports complete without it.
    const tab = (
      await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}&periodo=1`)
    ).json();
    expect(tab.verificacion.verificados).toBeGreaterThan(0);
    expect(tab.verificacion.completos).toBeGreaterThan(0);
    expect(tab.verificacion.porcentajeVerificado).not.toBeNull();
  });

  it('trae los resultados FURAG de las dos vigencias anteriores: su IDI mejora, su grupo par es real y sus índices más débiles tienen actividades', async () => {
    const r = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/furag`)).json();
    expect(r.vigencias).toEqual([vigencia - 1, vigencia - 2]);
    expect(r.fila).toMatchObject({ coincidencia: 'sigep', codigoSigep: '9999001' });
    expect(r.idi.grupoPar.entidades).toBeGreaterThan(20);
    expect(r.indices.length).toBeGreaterThan(40);
    // Names come from the file's headers when the catalog lacks that vigencia.
    expect(r.indices.every((i: { nombre: string | null }) => i.nombre)).toBe(true);
    const conActividad = r.indicesDebiles.filter((i: { actividades: unknown[] }) => i.actividades.length);
    expect(conActividad.map((i: { codigo: string }) => i.codigo)).toEqual(
      expect.arrayContaining(['I03', 'I24']),
    );
    const h = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/furag/historia`)).json();
    const idi = h.vigencias.map((v: { idi: { puntaje: number } }) => v.idi.puntaje);
    expect(idi).toHaveLength(2);
    expect(idi[1]).toBeGreaterThan(idi[0]);
    const d = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/furag/departamento`)).json();
    expect(d.departamento).toBe('Putumayo');
    expect(d.entidades.length).toBeGreaterThan(20);
    // Función Pública's recommendations (the demo's own text), two already answered by activities of the plan.
    const rec = (
      await t.pedir(
        planeacion,
        'GET',
        `/api/entidades/${entidadId}/furag/recomendaciones?vigencia=${vigencia - 1}`,
      )
    ).json();
    const todas = JSON.stringify(rec);
    expect(todas).toContain('ejemplo de la demostración, no oficial');
    const ids = actividades.filter((a) => (a as { recomendacionId?: string | null }).recomendacionId);
    expect(ids.map((a) => a.indiceFurag).sort()).toEqual(['I03', 'I24']);
    // Seeding again leaves the loaded results alone.
    const antes = await t.conexion.db.select().from(furagCarga);
    await sembrarResultadosDemo(
      t.conexion.db,
      { usuarioId: null, correo: 'prueba', ip: null },
      vigencia,
      DEMO.nombre,
    );
    expect(await t.conexion.db.select().from(furagCarga)).toEqual(antes);
  });
});

describe('el cuestionario de ejemplo', () => {
  it('la entidad tiene el autodiagnóstico de ejemplo rotulado «no oficial», con los siete tipos de ítem', async () => {
    const { cuestionarios } = (
      await t.pedir(planeacion, 'GET', `/api/cuestionarios?entidadId=${entidadId}`)
    ).json();
    const ejemplo = cuestionarios.find((c: { codigo: string }) => c.codigo === 'EJEMPLO-TH');
    expect(ejemplo).toMatchObject({
      entidadId,
      vigencia,
      instrumento: 'autodiagnostico',
      fuente: 'Ejemplo, no oficial',
    });
    expect(ejemplo.nombre).toMatch(/ejemplo, no oficial/);
    const exportado = (await t.pedir(planeacion, 'GET', `/api/cuestionarios/${ejemplo.id}/export`)).json();
    const tipos = new Set<string>();
    const visitar = (s: { items: { tipo: string }[]; secciones: unknown[] }) => {
      for (const i of s.items) tipos.add(i.tipo);
      for (const sub of s.secciones) visitar(sub as typeof s);
    };
    for (const s of exportado.secciones) visitar(s);
    expect(tipos.size).toBe(7);
  });

  it('está asignado al responsable de talento humano y a medio responder: puntaje con su completitud', async () => {
    const { autodiagnosticos } = (
      await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/autodiagnosticos?vigencia=${vigencia}`)
    ).json();
    expect(autodiagnosticos).toHaveLength(1);
    const [r] = autodiagnosticos;
    expect(r).toMatchObject({
      politica: 'talento_humano',
      estado: 'borrador',
      responsable: { nombre: expect.any(String) },
    });
    expect(r.resultado.puntaje).toBeGreaterThan(0);
    expect(r.resultado.completitud).toBeGreaterThan(0);
    expect(r.resultado.completitud).toBeLessThan(100);
  });

  it('el del año anterior está revisado y se compara con el de este año, sección por sección', async () => {
    const { autodiagnosticos } = (
      await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/autodiagnosticos?vigencia=${vigencia}`)
    ).json();
    const d = (
      await t.pedir(
        planeacion,
        'GET',
        `/api/entidades/${entidadId}/autodiagnosticos/${autodiagnosticos[0].id}`,
      )
    ).json();
    expect(d.anteriores).toHaveLength(1);
    const [anterior] = d.anteriores;
    expect(anterior).toMatchObject({ vigencia: vigencia - 1, estado: 'revisado' });
    // Every section scored both years, and this year's above last year's: the radar has something to show.
    for (const s of d.autodiagnostico.resultado.secciones) {
      const antes = anterior.resultado.secciones.find((x: { codigo: string }) => x.codigo === s.codigo);
      expect(s.puntaje).toBeGreaterThan(antes.puntaje);
    }
    expect(d.brechas.map((b: { item: string }) => b.item)).toEqual(['EJ-03', 'EJ-04', 'EJ-09']);
  });
});

describe('el simulacro FURAG de ejemplo', () => {
  it('planeación completó el módulo de talento humano con evidencias; el resto sigue pendiente, y nunca hay puntaje', async () => {
    const { simulacros } = (
      await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/simulacros`)
    ).json();
    expect(simulacros).toHaveLength(1);
    const [s] = simulacros;
    expect(s).toMatchObject({ vigencia, seccionControlInterno: 'CI' });
    expect(s.nombre).toMatch(/ejemplo, no oficial/);
    const d = (await t.pedir(planeacion, 'GET', `/api/entidades/${entidadId}/simulacros/${s.id}`)).json();
    const porModulo = Object.fromEntries(
      d.avance.modulos.map(
        (m: { codigo: string; completitud: number; coberturaEvidencia: number | null }) => [
          m.codigo,
          [m.completitud, m.coberturaEvidencia],
        ],
      ),
    );
    expect(porModulo).toEqual({ TH: [100, 100], IN: [0, null], CI: [0, null] });
    expect(d.puedoResponder).toEqual(['FE-01', 'FE-02', 'FE-03']);
    expect(d.respuestas['FE-01'].evidencias[0].url).toMatch(/^https:\/\//);
  });
});

describe('los comités del hospital', () => {
  it('la Junta Directiva aprobó el plan en sesión; el CIGD hizo el seguimiento de un trimestre cerrado, con acta firmada', async () => {
    const base = `/api/entidades/${entidadId}/comites`;
    const comites = await t.exigir(200, planeacion, 'GET', base);
    expect(comites.map((c: { tipo: string }) => c.tipo)).toEqual(['organo_aprobacion', 'cigd']);
    const [junta, cigd] = comites;
    const [enero] = await t.exigir(200, planeacion, 'GET', `${base}/${junta.id}/sesiones`);
    const aprobacion = await t.exigir(200, planeacion, 'GET', `${base}/${junta.id}/sesiones/${enero.id}`);
    expect(aprobacion).toMatchObject({ fecha: `${vigencia}-01-27`, quorum: { hay: true } });
    expect(aprobacion.decisiones).toEqual([
      expect.objectContaining({ tipo: 'plan_aprobado', vigencia, version: 1 }),
    ]);
    const sesiones = await t.exigir(200, planeacion, 'GET', `${base}/${cigd.id}/sesiones`);
    if (!sesiones.length) return; // early in the year no quarter is closed yet
    const s = await t.exigir(200, planeacion, 'GET', `${base}/${cigd.id}/sesiones/${sesiones[0].id}`);
    expect(s).toMatchObject({
      caracter: 'ordinaria',
      actaFirmada: true,
      quorum: { conVoto: 5, presentesConVoto: 4, hay: true },
    });
    expect(s.decisiones).toEqual([expect.objectContaining({ tipo: 'seguimiento_trimestral', vigencia })]);
    expect(s.compromisos).toHaveLength(1);
    const acta = await t.pedir(planeacion, 'GET', `${base}/${cigd.id}/sesiones/${s.id}/acta.pdf`);
    expect(acta.statusCode).toBe(200);
    expect(acta.headers['content-type']).toBe('application/pdf');
    const firmada = await t.pedir(planeacion, 'GET', `${base}/${cigd.id}/sesiones/${s.id}/acta-firmada`);
    expect(firmada.statusCode).toBe(200);
  });

  it('el CIGD siguió cada trimestre cerrado en su sesión, con acta firmada: nada atrasado en su próximo orden del día', async () => {
    const base = `/api/entidades/${entidadId}/comites`;
    const cigd = (await t.exigir(200, planeacion, 'GET', base)).find(
      (c: { tipo: string }) => c.tipo === 'cigd',
    );
    const { periodos } = await t.exigir(
      200,
      planeacion,
      'GET',
      `/api/entidades/${entidadId}/vigencias/${vigencia}`,
    );
    const cerrados = periodos
      .filter((p: { cerrado: boolean }) => p.cerrado)
      .map((p: { numero: number }) => p.numero);
    const seguidos: number[] = [];
    for (const { id } of await t.exigir(200, planeacion, 'GET', `${base}/${cigd.id}/sesiones`)) {
      const s = await t.exigir(200, planeacion, 'GET', `${base}/${cigd.id}/sesiones/${id}`);
      expect(s.actaFirmada).toBe(true);
      seguidos.push(...s.decisiones.map((d: { periodo: number }) => d.periodo));
    }
    expect(seguidos.sort()).toEqual(cerrados);
  });
});
