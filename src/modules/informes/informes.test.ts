// The reports generated from the data (issue 11 §2), downloaded through the API: who may download them, a
// period still open refused, parameters checked; the PDF read as a person reads it (pages, letterhead, and
// the frozen figures of the closed period) and the workbook read back with ExcelJS.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResumenTablero } from '../../contrato/tablero.ts';
import { porcentajeTexto } from '../../core/formato.ts';
import { formatearNit } from '../../core/nit.ts';
import { auditoria, dependencia, planAccion, seguimiento, versionPlan } from '../../db/schema.ts';
import {
  type Escenario,
  escenarioConPlan,
  exigirEstado,
  nitDePrueba,
  nuevaActividad,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { paginasComoImagenes, textoPorPagina } from '../documentos/pdf-prueba.ts';

let t: AppPrueba;
let e: Escenario;
let consulta: Sesion;
let admin: Sesion;
/** The dashboard of the closed period, as the API serves it (its frozen figures). */
let congelado: ResumenTablero;
const codigos = { alDia: 'A-01', enRiesgo: 'A-02', sinReporte: 'A-03', cumplida: 'A-04' };
const DIFICULTAD = 'El contratista de la capacitación no se presentó en marzo.';
const LOGRO = 'Se realizó la jornada con 40 servidores del hospital.';

const trimestral = (formato: 'pdf' | 'xlsx', q = 'vigencia=2026&periodo=1', base = e.base) =>
  `${base}/informes/trimestral.${formato}?${q}`;

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t, { nit: nitDePrueba(4101) });
  consulta = await t.usuarioCon(e.entidadId, ['consulta']);
  admin = await t.usuarioCon(e.entidadId, ['admin_entidad']);
  const db = t.conexion.db;
  const [dep] = await db
    .insert(dependencia)
    .values({ entidadId: e.entidadId, nombre: 'Talento Humano' })
    .returning();
  const act = (codigo: string, datos: Parameters<typeof nuevaActividad>[2] = {}) =>
    nuevaActividad(t, e, { codigo, dependenciaId: dep!.id, ...datos });
  const reporte = async (
    actividadId: string,
    valor: number,
    extra: Partial<typeof seguimiento.$inferInsert>,
  ) =>
    db.insert(seguimiento).values({
      entidadId: e.entidadId,
      actividadId,
      periodo: 1,
      valor,
      descripcion: LOGRO,
      estado: 'aceptado',
      reportadoPor: e.responsable.id,
      enviadoEn: new Date('2026-04-05T15:00:00Z'),
      ...extra,
    });
  await reporte((await act(codigos.alDia)).id, 1, {});
  await reporte((await act(codigos.enRiesgo)).id, 0, {
    descripcion: 'No se realizó la jornada.',
    dificultades: DIFICULTAD,
  });
  await act(codigos.sinReporte);
  await reporte((await act(codigos.cumplida, { metaAnual: 1, metasPeriodo: [1, 0, 0, 0] })).id, 1, {});
  exigirEstado(
    await t.pedir(e.planeacion, 'POST', `${e.base}/vigencias/2026/periodos/1/cerrar`, {}),
    200,
    'cerrar el primer trimestre',
  );
  congelado = await t.exigir(200, consulta, 'GET', `${e.base}/tablero?vigencia=2026&periodo=1`);
  // After the closing (the frozen figures do not move): a modification approved by the committee within the
  // quarter, and another one now waiting for it.
  await db.insert(versionPlan).values({
    planId: e.planId,
    version: 2,
    justificacion: 'Se ajustó la meta de las jornadas de integridad.',
    fechaSesionComite: '2026-02-20',
    actaComite: 'Acta 2 de 2026',
    actividades: [],
  });
  await db
    .update(planAccion)
    .set({ version: 3, estado: 'enviado', justificacion: 'Incluir la rendición de cuentas.' })
    .where(eq(planAccion.id, e.planId));
}, 120_000);
afterAll(() => t.cerrar());

describe('informe trimestral al CIGD', () => {
  it('solo lo descargan planeación, control interno, la alta dirección, consulta y el administrador de la entidad', async () => {
    expect(congelado.congelado).toBe(true);
    for (const s of [e.planeacion, e.control, e.comite, consulta, admin]) {
      const r = await t.pedir(s, 'GET', trimestral('pdf'));
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.headers['content-disposition']).toContain('informe-trimestral-2026-1.pdf');
    }
    expect((await t.pedir(e.responsable, 'GET', trimestral('pdf'))).statusCode).toBe(403);
    expect((await t.pedir(e.responsable, 'GET', trimestral('xlsx'))).statusCode).toBe(403);
    expect((await t.pedir(null, 'GET', trimestral('pdf'))).statusCode).toBe(401);
    // Planeación of another entity reads nothing of this one.
    const otra = await escenarioConPlan(t, { nit: nitDePrueba(4102) });
    expect((await t.pedir(otra.planeacion, 'GET', trimestral('pdf'))).statusCode).toBe(403);
    expect((await t.pedir(otra.planeacion, 'GET', trimestral('xlsx'))).statusCode).toBe(403);
  });

  it('un periodo abierto da 409 y lo dice; parámetros inválidos dan 400 nombrando el campo', async () => {
    for (const formato of ['pdf', 'xlsx'] as const) {
      const abierto = await t.pedir(e.planeacion, 'GET', trimestral(formato, 'vigencia=2026&periodo=2'));
      expect(abierto.statusCode).toBe(409);
      expect(abierto.json().mensaje).toMatch(/no está cerrado/);
    }
    const casos: [string, string][] = [
      ['vigencia=dos-mil&periodo=1', 'vigencia'],
      ['vigencia=2026&periodo=13', 'periodo'],
      ['vigencia=2026', 'periodo'],
      ['periodo=1', 'vigencia'],
      ['vigencia=1e308&periodo=1', 'vigencia'],
    ];
    for (const [q, campo] of casos) {
      const r = await t.pedir(e.planeacion, 'GET', trimestral('pdf', q));
      expect(r.statusCode, q).toBe(400);
      expect(r.json().campos.map((c: { campo: string }) => c.campo)).toContain(`parámetro ${campo}`);
      expect(r.json().mensaje).toContain(campo);
    }
    const inexistente = await t.pedir(e.planeacion, 'GET', trimestral('pdf', 'vigencia=2026&periodo=7'));
    expect(inexistente.statusCode).toBe(404);
  });

  it('el PDF tiene membrete y numeración en cada página, y las cifras congeladas del periodo', async () => {
    const r = await t.pedir(e.control, 'GET', trimestral('pdf'));
    const pdf = r.rawPayload;
    const [base, dv] = nitDePrueba(4101).split('-') as [string, string];
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const paginas = textoPorPagina(pdf);
    expect(paginas.length).toBeGreaterThanOrEqual(1);
    paginas.forEach((texto, i) => {
      expect(texto).toContain('E.S.E. Hospital de Prueba');
      expect(texto).toContain(`NIT ${formatearNit(base, Number(dv))}`);
      expect(texto).toContain(`Página ${i + 1} de ${paginas.length}`);
    });
    const todo = paginas.join('\n');
    const lineas = todo.split('\n');
    expect(paginas[0]).toContain('Informe trimestral de seguimiento al Comité Institucional');
    expect(
      lineas.some((l) => /Avance del plan\s/.test(l) && l.includes(porcentajeTexto(congelado.avance))),
    ).toBe(true);
    // Each policy with activities, on one line with its frozen avance and cumplimiento.
    const conActividades = congelado.politicas.filter((p) => p.actividades > 0);
    expect(conActividades.length).toBeGreaterThan(0);
    for (const p of conActividades)
      expect(
        lineas.some(
          (l) =>
            l.includes(p.nombre.slice(0, 10)) &&
            l.includes(porcentajeTexto(p.avance)) &&
            l.includes(porcentajeTexto(p.cumplimiento)),
        ),
        p.nombre,
      ).toBe(true);
    for (const d of congelado.dependencias)
      expect(lineas.some((l) => l.includes(d.nombre) && l.includes(porcentajeTexto(d.avance)))).toBe(true);
    // At risk: the red one with its report's difficulty, the one without report; not the ones on track.
    expect(todo).toContain(codigos.enRiesgo);
    // (Cells wrap: the row's first line holds the code and the start of each cell.)
    const fila = (codigo: string) => lineas.find((l) => l.includes(codigo)) ?? '';
    expect(fila(codigos.enRiesgo)).toMatch(/Atrasada.*El contratista de la/);
    expect(fila(codigos.sinReporte)).toMatch(/Sin reporte.*Sin reporte en el/);
    expect(todo).not.toContain(codigos.cumplida);
    expect(todo).not.toContain(codigos.alDia);
    // The modification approved in the quarter, and the decisions asked of the committee.
    expect(lineas.find((l) => l.includes('20/02/2026'))).toMatch(
      /2\s+20\/02\/2026\s+Sustancial\s+Se ajustó la meta/,
    );
    const decisiones = todo.replace(/\s+/g, ' ');
    expect(decisiones).toContain(
      'Dar por realizado el seguimiento del plan de acción con corte al 31/03/2026',
    );
    expect(decisiones).toContain(
      'modificación del plan en curso (versión 3): Incluir la rendición de cuentas.',
    );
    expect(decisiones).toMatch(/«Trimestre 2» \(corte 30\/06\/2026\) pendiente de cierre/);
    // Pages as images: letter size, as many as the text says.
    const imagenes = paginasComoImagenes(pdf);
    expect(imagenes).toHaveLength(paginas.length);
    for (const im of imagenes) expect([im.ancho, im.alto]).toEqual([612, 792]);
  });

  it('el .xlsx trae las mismas cifras congeladas, como números', async () => {
    const r = await t.pedir(consulta, 'GET', trimestral('xlsx'));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('informe-trimestral-2026-1.xlsx');
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(libro.worksheets.map((h) => h.name)).toEqual([
      'Portada',
      'Dimensiones',
      'Políticas',
      'Dependencias',
      'En riesgo',
      'Modificaciones',
    ]);
    expect(libro.getWorksheet('Portada')!.getCell('A1').value).toBe('E.S.E. Hospital de Prueba');
    const politicas = libro.getWorksheet('Políticas')!;
    expect(politicas.getRow(1).values).toEqual([
      undefined,
      'Política',
      'Dimensión',
      'Actividades',
      'Avance',
      'Cumplimiento',
      'Semáforo',
    ]);
    const filas = congelado.politicas.filter((p) => p.actividades > 0);
    filas.forEach((p, i) => {
      const fila = politicas.getRow(i + 2);
      expect(fila.getCell(1).value).toBe(p.nombre);
      expect(fila.getCell(3).value).toBe(p.actividades);
      expect(fila.getCell(4).value).toBe(p.avance);
      expect(fila.getCell(5).value).toBe(p.cumplimiento);
    });
    const dimensiones = libro.getWorksheet('Dimensiones')!;
    congelado.dimensiones.forEach((d, i) => {
      expect(dimensiones.getRow(i + 2).getCell(2).value ?? null).toBe(d.avance);
    });
    const riesgo = libro.getWorksheet('En riesgo')!;
    const codigosRiesgo = riesgo.getColumn(1).values.slice(2);
    expect(codigosRiesgo).toEqual(expect.arrayContaining([codigos.enRiesgo, codigos.sinReporte]));
    expect(codigosRiesgo).not.toContain(codigos.cumplida);
  });
});

describe('informe de gestión', () => {
  it('al último periodo cerrado, dicho en la portada: metas cumplidas y no cumplidas con su explicación, logros y dificultades', async () => {
    const r = await t.pedir(e.planeacion, 'GET', `${e.base}/informes/gestion.pdf?vigencia=2026`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('informe-de-gestion-2026.pdf');
    const paginas = textoPorPagina(r.rawPayload);
    for (const [i, p] of paginas.entries()) {
      expect(p).toContain('E.S.E. Hospital de Prueba');
      expect(p).toContain(`Página ${i + 1} de ${paginas.length}`);
    }
    const todo = paginas.join('\n').replace(/\s+/g, ' ');
    expect(todo).toContain('Informe de gestión 2026');
    expect(todo).toContain('al último periodo cerrado');
    expect(todo).toContain('«Trimestre 1» (31/03/2026)');
    expect(todo).toContain(`Avance del plan ${porcentajeTexto(congelado.avance)}`);
    expect(todo).toMatch(/Metas cumplidas 1 de 4/);
    expect(todo).toContain('A-02 Trimestre 1 No se realizó la jornada. El contratista');

    const x = await t.pedir(e.comite, 'GET', `${e.base}/informes/gestion.xlsx?vigencia=2026`);
    expect(x.statusCode).toBe(200);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cumplidas = libro.getWorksheet('Metas cumplidas')!.getColumn(1).values.slice(2);
    expect(cumplidas).toEqual([codigos.cumplida]);
    const noCumplidas = libro.getWorksheet('Metas no cumplidas')!;
    const filaRiesgo = noCumplidas
      .getSheetValues()
      .find((f) => Array.isArray(f) && f[1] === codigos.enRiesgo) as unknown[];
    expect(filaRiesgo[5]).toBe(DIFICULTAD);
    const logros = libro.getWorksheet('Logros y dificultades')!.getColumn(3).values.slice(2);
    expect(logros).toContain(LOGRO);
  });

  it('sin periodos cerrados da 409; la 1.ª línea no lo descarga', async () => {
    const r = await t.pedir(e.planeacion, 'GET', `${e.base}/informes/gestion.pdf?vigencia=2027`);
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toMatch(/no tiene periodos cerrados/);
    expect(
      (await t.pedir(e.responsable, 'GET', `${e.base}/informes/gestion.xlsx?vigencia=2026`)).statusCode,
    ).toBe(403);
    const mal = await t.pedir(e.planeacion, 'GET', `${e.base}/informes/gestion.pdf?vigencia=20266`);
    expect(mal.statusCode).toBe(400);
    expect(mal.json().campos[0].campo).toBe('parámetro vigencia');
  });
});

describe('seguimiento cuatrimestral del PTEP por control interno', () => {
  const CONCLUSION =
    'El programa avanza según lo previsto; se recomienda publicar el mapa de riesgos de corrupción actualizado.';
  const pdf = (q: string) => `${e.base}/informes/ptep.pdf?${q}`;
  const conclusiones = (c = 1) => `${e.base}/informes/ptep/2026/${c}/conclusiones`;

  it('sale de las actividades del programa y sus verificaciones; las conclusiones las escribe solo control interno', async () => {
    const a = await nuevaActividad(t, e, {
      codigo: 'PTEP-01',
      nombre: 'Publicar el mapa de riesgos de corrupción',
      plan612: 'transparencia_etica',
      metaAnual: 3,
      metasPeriodo: [1, 1, 1],
    });
    await t.conexion.db.insert(seguimiento).values({
      entidadId: e.entidadId,
      actividadId: a.id,
      periodo: 1,
      valor: 1,
      descripcion: 'Se publicó el mapa.',
      estado: 'verificado',
      reportadoPor: e.responsable.id,
      avanceVerificado: 100,
      observacionesControl: 'Evidencia completa en la sede electrónica.',
    });
    // Before the conclusions: a draft that says so.
    const borrador = textoPorPagina(
      (await t.pedir(e.planeacion, 'GET', pdf('vigencia=2026&cuatrimestre=1'))).rawPayload,
    )
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(borrador).toContain('aún no ha escrito las conclusiones');
    expect((await t.exigir(200, e.planeacion, 'GET', conclusiones())).conclusiones).toBeNull();

    expect(
      (await t.pedir(e.planeacion, 'PUT', conclusiones(), { conclusiones: CONCLUSION })).statusCode,
    ).toBe(403);
    const corta = await t.pedir(e.control, 'PUT', conclusiones(), { conclusiones: 'Bien.' });
    expect(corta.statusCode).toBe(400);
    expect(corta.json().mensaje).toContain('conclusiones');
    const guardada = await t.exigir(200, e.control, 'PUT', conclusiones(), { conclusiones: CONCLUSION });
    expect(guardada.conclusiones).toBe(CONCLUSION);
    const otra = await escenarioConPlan(t, { nit: nitDePrueba(4103) });
    expect(
      (await t.pedir(otra.control, 'PUT', conclusiones(), { conclusiones: CONCLUSION })).statusCode,
    ).toBe(403);
    const [auditada] = await t.conexion.db
      .select()
      .from(auditoria)
      .where(and(eq(auditoria.recurso, 'conclusiones_ptep'), eq(auditoria.entidadId, e.entidadId)));
    expect(auditada?.accion).toBe('crear');

    const r = await t.pedir(consulta, 'GET', pdf('vigencia=2026&cuatrimestre=1'));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('seguimiento-ptep-2026-1.pdf');
    const paginas = textoPorPagina(r.rawPayload);
    paginas.forEach((p, i) => {
      expect(p).toContain('E.S.E. Hospital de Prueba');
      expect(p).toContain(`Página ${i + 1} de ${paginas.length}`);
    });
    const lineas = paginas.join('\n').split('\n');
    expect(paginas[0]).toContain('Seguimiento al Programa de Transparencia y Ética Pública');
    expect(paginas[0]).toMatch(/corte al 30 de abril/);
    // Only the programme's activities, with the cuatrimestre's verification.
    expect(lineas.find((l) => l.includes('PTEP-01'))).toMatch(
      /PTEP-01\s+Publicar el mapa.*33,3 %\s+Verificado por\s+100 %\s+Evidencia completa/,
    );
    expect(paginas.join('\n')).not.toContain(codigos.enRiesgo);
    expect(paginas.join('\n').replace(/\s+/g, ' ')).toContain(CONCLUSION);

    expect((await t.pedir(e.responsable, 'GET', pdf('vigencia=2026&cuatrimestre=1'))).statusCode).toBe(403);
    const mal = await t.pedir(e.control, 'GET', pdf('vigencia=2026&cuatrimestre=4'));
    expect(mal.statusCode).toBe(400);
    expect(mal.json().campos[0].campo).toBe('parámetro cuatrimestre');
  });
});
