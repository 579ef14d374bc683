// Control interno's semiannual independent evaluation of the internal control system (issue 11 §2): written by
// control interno per MECI component, fed by its verifications of the semester, published as PDF and Excel.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAVES_MECI } from '../../core/meci.ts';
import { seguimiento } from '../../db/schema.ts';
import {
  aLaVez,
  auditoriaDesde,
  type Escenario,
  escenarioConPlan,
  nitNuevo,
  nuevaActividad,
  resultado,
  ultimaAuditoria,
} from '../../server/constructores.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';
import { textoPorPagina } from '../documentos/pdf-prueba.ts';

let t: AppPrueba;
let e: Escenario;
const ruta = (s = 1) => `${e.base}/informes/evaluacion-independiente/2026/${s}`;
const componente = (nivel: number, funcionando = true) => ({
  presente: true,
  funcionando,
  nivel,
  fortalezas: 'Comité de coordinación de control interno sesiona cada trimestre.',
  debilidades: '',
});

beforeAll(async () => {
  t = await crearAppPrueba();
  e = await escenarioConPlan(t, { nit: nitNuevo() });
  // Two reports of the first quarter (cut-off 31 March, in the first semester): one verified at 80 %, one observed.
  const a = await nuevaActividad(t, e, { codigo: 'CI-01' });
  const b = await nuevaActividad(t, e, { codigo: 'CI-02' });
  await t.conexion.db.insert(seguimiento).values([
    {
      entidadId: e.entidadId,
      actividadId: a.id,
      periodo: 1,
      valor: 1,
      descripcion: 'Jornada hecha.',
      estado: 'verificado',
      avanceVerificado: 80,
    },
    {
      entidadId: e.entidadId,
      actividadId: b.id,
      periodo: 1,
      valor: 0,
      descripcion: 'Sin avance.',
      estado: 'con_observaciones',
    },
  ]);
});
afterAll(() => t.cerrar());

describe('evaluación independiente del sistema de control interno', () => {
  it('sin escribir: los cinco componentes faltan y las verificaciones del semestre ya están como insumo', async () => {
    const ev = await t.exigir(200, e.comite, 'GET', ruta());
    expect(ev).toMatchObject({ corte: '2026-06-30', version: null, conclusion: null });
    expect(ev.estado).toMatchObject({ nivel: null, efectivo: false });
    expect(ev.estado.faltan).toHaveLength(5);
    expect(ev.insumos).toEqual({
      reportes: 2,
      verificados: 1,
      conObservaciones: 1,
      porVerificar: 0,
      avanceVerificadoPromedio: 80,
    });
    // The second semester has no report yet.
    expect((await t.exigir(200, e.control, 'GET', ruta(2))).insumos.reportes).toBe(0);
  });

  it('solo control interno la escribe; la versión leída evita pisar a otra persona (409)', async () => {
    const cuerpo = {
      componentes: Object.fromEntries(CLAVES_MECI.map((c) => [c, componente(90)])),
      conclusion: 'El sistema de control interno está presente y funcionando.',
      version: null,
    };
    expect((await t.pedir(e.planeacion, 'PUT', ruta(), cuerpo)).statusCode).toBe(403);
    const desde = await ultimaAuditoria(t);
    const r = resultado(
      await aLaVez(
        () => t.pedir(e.control, 'PUT', ruta(), cuerpo),
        () => t.pedir(e.control, 'PUT', ruta(), cuerpo),
      ),
    );
    expect(r.estados.sort()).toEqual([200, 409]);
    expect(r.perdedores[0]!.json().mensaje).toContain('Otra persona de control interno guardó');
    const ev = await t.exigir(200, e.control, 'GET', ruta());
    expect(ev).toMatchObject({
      version: 1,
      estado: { nivel: 90, efectivo: true, faltan: [], conFallas: [] },
    });
    const [a] = await auditoriaDesde(t, desde, 'evaluacion_meci', '2026:1');
    expect(a).toMatchObject({ accion: 'crear', usuarioId: e.control.id });
    // With the version it read, it rewrites; a component that does not work makes the system not effective.
    const cambio = { ...cuerpo, version: 1 };
    cambio.componentes.evaluacion_riesgo = componente(40, false);
    const v2 = await t.exigir(200, e.control, 'PUT', ruta(), cambio);
    expect(v2).toMatchObject({
      version: 2,
      estado: { nivel: 80, efectivo: false, conFallas: ['Evaluación del riesgo'] },
    });
    expect((await t.pedir(e.control, 'PUT', ruta(), cambio)).statusCode).toBe(409);
  });

  it('datos malos se rechazan nombrando el campo; nada queda escrito', async () => {
    const mal = await t.pedir(e.control, 'PUT', ruta(2), {
      componentes: { ambiente_control: { ...componente(120) }, otro: componente(50) },
      conclusion: null,
      version: null,
    });
    expect(mal.statusCode).toBe(400);
    const campos = mal.json().campos.map((c: { campo: string }) => c.campo);
    expect(campos).toEqual(expect.arrayContaining(['componentes.ambiente_control.nivel']));
    expect(
      (await t.pedir(e.control, 'GET', `${e.base}/informes/evaluacion-independiente/2026/3`)).statusCode,
    ).toBe(400);
    expect((await t.exigir(200, e.control, 'GET', ruta(2))).version).toBeNull();
  });

  it('el PDF y el Excel dicen lo mismo: cada componente, el estado del sistema, los insumos y la conclusión', async () => {
    const pdf = await t.pedir(
      e.comite,
      'GET',
      `${e.base}/informes/evaluacion-independiente.pdf?vigencia=2026&semestre=1`,
    );
    expect(pdf.statusCode).toBe(200);
    const texto = textoPorPagina(pdf.rawPayload).join(' ').replace(/\s+/g, ' ');
    expect(texto).toContain('Evaluación independiente del estado del sistema de control interno');
    expect(texto).toContain('No: Evaluación del riesgo no está presente o no funciona');
    expect(texto).toContain(
      'De 2 reportes de seguimiento de los periodos con corte en el semestre, control interno verificó 1',
    );
    expect(texto).toContain('El avance verificado promedio es 80 %');
    expect(texto).toContain('El sistema de control interno está presente y funcionando.');
    const xlsx = await t.pedir(
      e.comite,
      'GET',
      `${e.base}/informes/evaluacion-independiente.xlsx?vigencia=2026&semestre=1`,
    );
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const hoja = libro.getWorksheet('Componentes')!;
    const filas = hoja.getSheetValues().filter(Boolean) as unknown[][];
    const riesgo = filas.find((f) => f.includes('Evaluación del riesgo'))!;
    expect(riesgo).toEqual(expect.arrayContaining(['Sí', 'No', 40]));
    expect(
      (
        await t.pedir(
          e.responsable,
          'GET',
          `${e.base}/informes/evaluacion-independiente.pdf?vigencia=2026&semestre=1`,
        )
      ).statusCode,
    ).toBe(403);
  });
});
