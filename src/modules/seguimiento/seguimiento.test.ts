import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba, type Sesion } from '../../server/prueba.ts';

let t: AppPrueba;
let entidadId: string;
let planeacion: Sesion;
let comite: Sesion;
let control: Sesion;
let responsable: Sesion & { id: string };
let otroResponsable: Sesion & { id: string };
let corresponsable: Sesion & { id: string };
let ajeno: Sesion;
let a1: string;
let a2: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const base = () => `/api/entidades/${entidadId}`;
const seg = (actividadId: string, periodo = 1) => `${base()}/seguimientos/${actividadId}/${periodo}`;
const subir = (s: Sesion, actividadId: string, contenido: Buffer, nombre: string, periodo = 1) =>
  t.app.inject({
    method: 'POST',
    url: `${seg(actividadId, periodo)}/evidencias?nombre=${encodeURIComponent(nombre)}`,
    payload: contenido,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': 'application/octet-stream',
    },
  });
const reporte = { valor: 1, descripcion: 'Se realizó la jornada de integridad con 40 servidores.' };

beforeAll(async () => {
  t = await crearAppPrueba();
  entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', '846000253-6');
  const otra = await t.crearEntidad('Alcaldía ajena', '800197268-4');
  planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  control = await t.usuarioCon(entidadId, ['control_interno']);
  responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  otroResponsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  corresponsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  ajeno = await t.usuarioCon(otra, ['responsable_actividad', 'planeacion', 'control_interno']);
  await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
  const crear = async (codigo: string, ponderacion: number, metaAnual: number, metas: number[]) => {
    const r = await t.pedir(planeacion, 'POST', `${base()}/planes/2026/actividades`, {
      politica: 'integridad',
      codigo,
      nombre: `Actividad ${codigo} del código de integridad`,
      producto: 'Informe de la jornada',
      metaAnual,
      unidad: 'jornada',
      metasPeriodo: metas,
      ponderacion,
      responsableId: responsable.id,
      corresponsables: codigo === 'IN-02' ? [corresponsable.id] : [],
      fechaInicio: '2026-01-15',
      fechaFin: '2026-12-15',
    });
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  a1 = await crear('IN-01', 60, 4, [1, 1, 1, 1]);
  a2 = await crear('IN-02', 40, 2, [1, 0, 1, 0]);
});
afterAll(() => t.cerrar());

describe('seguimiento antes de aprobar el plan', () => {
  it('no se reporta avance de un plan que el comité no ha aprobado', async () => {
    const r = await t.pedir(responsable, 'PUT', seg(a1), reporte);
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('aún no está aprobado');
    await t.pedir(planeacion, 'POST', `${base()}/planes/2026/enviar`, {});
    const ok = await t.pedir(comite, 'POST', `${base()}/planes/2026/aprobar`, {
      fechaSesionComite: '2026-01-30',
      actaComite: 'Acta 01 de 2026',
    });
    expect(ok.json().plan.estado).toBe('aprobado');
  });
});

describe('reporte del responsable con evidencias', () => {
  it('solo el responsable de la actividad reporta; los demás reciben 403 en español', async () => {
    for (const s of [otroResponsable, control, planeacion, ajeno]) {
      const r = await t.pedir(s, 'PUT', seg(a1), reporte);
      expect(r.statusCode).toBe(403);
      expect(r.json().mensaje).toMatch(/responsable|rol|acceso/);
    }
    const r = await t.pedir(responsable, 'PUT', seg(a1), reporte);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      reporte: { estado: 'borrador', valor: 1 },
      cifras: { metaPeriodo: 1, avanceAcumulado: 25, cumplimientoPeriodo: 100 },
    });
  });

  it('un corresponsable de la actividad también reporta', async () => {
    const r = await t.pedir(corresponsable, 'PUT', seg(a2, 3), reporte);
    expect(r.statusCode).toBe(200);
    expect((await t.pedir(corresponsable, 'PUT', seg(a1, 3), reporte)).statusCode).toBe(403);
  });

  it('el avance se valida campo por campo, sin escribir nada', async () => {
    const sinValor = await t.pedir(responsable, 'PUT', seg(a2), {
      descripcion: 'Describo lo hecho en el periodo.',
    });
    expect(sinValor.statusCode).toBe(400);
    expect(sinValor.json().campos).toEqual([{ campo: 'valor', mensaje: 'escriba la cifra que reporta' }]);
    const denominador = await t.pedir(responsable, 'PUT', seg(a2), {
      numerador: 3,
      denominador: 0,
      descripcion: 'Describo lo hecho en el periodo.',
    });
    expect(denominador.json().campos[0].campo).toBe('denominador');
    const corta = await t.pedir(responsable, 'PUT', seg(a2), { valor: 1, descripcion: 'ok' });
    expect(corta.json().campos[0].campo).toBe('descripcion');
    const hoja = await t.pedir(responsable, 'GET', `${base()}/seguimientos?vigencia=2026&periodo=1`);
    const fila = hoja.json().filas.find((f: { actividad: { id: string } }) => f.actividad.id === a2);
    expect(fila.reporte).toBeNull();
    expect(fila.puedeReportar).toBe(true);
  });

  it('no se envía sin evidencia', async () => {
    const r = await t.pedir(responsable, 'POST', `${seg(a1)}/enviar`, {});
    expect(r.statusCode).toBe(409);
    expect(r.json().campos[0].campo).toBe('evidencias');
  });

  it('una evidencia se acepta por su contenido, no por su nombre', async () => {
    const exe = await subir(responsable, a1, Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'informe.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().campos[0]).toMatchObject({ campo: 'archivo' });
    expect(exe.json().mensaje).toContain('no es de un tipo aceptado');
    const vacio = await subir(responsable, a1, Buffer.alloc(0), 'vacio.pdf');
    expect(vacio.statusCode).toBe(400);
    const ajena = await subir(otroResponsable, a1, PDF, 'acta.pdf');
    expect(ajena.statusCode).toBe(403);

    const ok = await subir(responsable, a1, PDF, 'C:\\Documentos\\acta jornada.pdf');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      nombre: 'acta jornada.pdf',
      tipo: 'application/pdf',
      bytes: PDF.length,
    });
    const enlace = await t.pedir(responsable, 'POST', `${seg(a1)}/enlaces`, {
      nombre: 'Publicación en la sede electrónica',
      url: 'javascript:alert(1)',
    });
    expect(enlace.statusCode).toBe(400);
    expect(enlace.json().campos[0].campo).toBe('url');
  });

  it('un archivo de más del límite se rechaza con 413 y el límite en el mensaje', async () => {
    const grande = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024)]);
    const r = await subir(responsable, a1, grande, 'escaneo.pdf');
    expect(r.statusCode).toBe(413);
    expect(r.json().mensaje).toContain('25 MB');
  });

  it('la descarga comprueba la huella SHA-256 del archivo', async () => {
    const hoja = await t.pedir(control, 'GET', `${base()}/seguimientos?vigencia=2026&periodo=1`);
    const evid = hoja.json().filas.find((f: { actividad: { id: string } }) => f.actividad.id === a1).reporte
      .evidencias[0];
    const d = await t.pedir(control, 'GET', `${base()}/evidencias/${evid.id}`);
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.equals(PDF)).toBe(true);
    expect(d.headers['content-disposition']).toContain('acta%20jornada.pdf');
    expect((await t.pedir(ajeno, 'GET', `${base()}/evidencias/${evid.id}`)).statusCode).toBe(403);

    const carpeta = join(t.dataDir, 'archivos');
    const sub = readdirSync(carpeta)[0]!;
    const archivo = join(carpeta, sub, readdirSync(join(carpeta, sub))[0]!);
    writeFileSync(archivo, Buffer.concat([PDF, Buffer.from('alterado')]));
    const alterado = await t.pedir(control, 'GET', `${base()}/evidencias/${evid.id}`);
    expect(alterado.statusCode).toBe(409);
    expect(alterado.json().mensaje).toContain('alterado');
    writeFileSync(archivo, PDF);
  });
});

describe('revisión por las líneas de defensa', () => {
  it('enviado (tarde: la ventana del primer trimestre ya cerró) → notifica a planeación', async () => {
    const r = await t.pedir(responsable, 'POST', `${seg(a1)}/enviar`, {});
    expect(r.statusCode).toBe(200);
    expect(r.json().reporte).toMatchObject({ estado: 'enviado', tardio: true });
    const cambio = await t.pedir(responsable, 'PUT', seg(a1), { ...reporte, valor: 2 });
    expect(cambio.statusCode).toBe(409);
    const n = await t.pedir(planeacion, 'GET', '/api/notificaciones');
    // The newest notice is the report's; the older one, the committee's approval of the plan.
    expect(n.json().notificaciones.map((x: { texto: string }) => x.texto)).toEqual([
      expect.stringContaining('IN-01'),
      expect.stringContaining('El Comité Institucional de Gestión y Desempeño aprobó el plan de acción 2026'),
    ]);
    const p = await t.pedir(planeacion, 'GET', `${base()}/pendientes?vigencia=2026`);
    // Besides the report: the plan approved but never published, and the rest of the 31 January pack, are
    // overdue since 1 February.
    expect(p.json().pendientes).toEqual([
      expect.objectContaining({ tipo: 'publicar_plan', vencido: true }),
      expect.objectContaining({ tipo: 'publicar_paquete', vencido: true }),
      expect.objectContaining({ tipo: 'revisar' }),
    ]);
  });

  it('control interno no acepta ni edita; planeación devuelve con observaciones', async () => {
    expect((await t.pedir(control, 'POST', `${seg(a1)}/aceptar`, {})).statusCode).toBe(403);
    expect((await t.pedir(control, 'PUT', seg(a1), reporte)).statusCode).toBe(403);
    expect((await t.pedir(control, 'POST', `${seg(a1)}/verificar`, {})).statusCode).toBe(409);
    const sinObs = await t.pedir(planeacion, 'POST', `${seg(a1)}/devolver`, {});
    expect(sinObs.statusCode).toBe(400);
    expect(sinObs.json().campos[0].campo).toBe('observaciones');
    const dev = await t.pedir(planeacion, 'POST', `${seg(a1)}/devolver`, {
      observaciones: 'Adjunte la lista de asistencia firmada.',
    });
    expect(dev.json().reporte).toMatchObject({
      estado: 'devuelto',
      observacionesPlaneacion: 'Adjunte la lista de asistencia firmada.',
    });
    const pend = await t.pedir(responsable, 'GET', `${base()}/pendientes?vigencia=2026`);
    expect(pend.json().pendientes).toContainEqual(
      expect.objectContaining({ tipo: 'corregir', vencido: true, enlace: expect.stringContaining(a1) }),
    );
    const aviso = await t.pedir(responsable, 'GET', '/api/notificaciones');
    expect(aviso.json().notificaciones[0].texto).toContain('Adjunte la lista de asistencia');
  });

  it('corregido y reenviado, planeación acepta y control interno verifica', async () => {
    expect((await t.pedir(responsable, 'PUT', seg(a1), { ...reporte, valor: 1 })).statusCode).toBe(200);
    expect((await t.pedir(responsable, 'POST', `${seg(a1)}/enviar`, {})).statusCode).toBe(200);
    const acep = await t.pedir(planeacion, 'POST', `${seg(a1)}/aceptar`, {});
    expect(acep.json().reporte).toMatchObject({ estado: 'aceptado', observacionesPlaneacion: null });
    const ci = await t.pedir(control, 'GET', `${base()}/pendientes?vigencia=2026`);
    expect(ci.json().pendientes).toEqual([expect.objectContaining({ tipo: 'verificar' })]);
    const ver = await t.pedir(control, 'POST', `${seg(a1)}/verificar`, {});
    expect(ver.json().reporte.estado).toBe('verificado');
    expect(
      (await t.pedir(ajeno, 'POST', `${seg(a1)}/observar`, { observaciones: 'xxxxxx' })).statusCode,
    ).toBe(403);
  });
});

describe('tablero y cierre del periodo', () => {
  it('el tablero cuenta lo aceptado, pondera por actividad y marca lo que falta', async () => {
    const r = await t.pedir(planeacion, 'GET', `${base()}/tablero?vigencia=2026&periodo=1`);
    expect(r.statusCode).toBe(200);
    const tab = r.json();
    const integridad = tab.politicas.find((p: { clave: string }) => p.clave === 'integridad');
    // IN-01: 1 of 4 → 25 % (weight 60); IN-02: no report → 0 % (weight 40). 0.6·25 + 0.4·0 = 15.
    expect(integridad.avance).toBeCloseTo(15);
    // Cumplimiento: IN-01 100 % of planned, IN-02 0 % → 60.
    expect(integridad.cumplimiento).toBeCloseTo(60);
    expect(integridad.semaforo).toBe('amarillo');
    expect(tab.sinReporte).toBe(1);
    expect(tab.tardios).toBe(1);
    expect(tab.estados.sin_reporte).toBe(1);
    const d1 = tab.dimensiones.find((d: { codigo: string }) => d.codigo === 'D1');
    expect(d1.avance).toBeCloseTo(15); // integridad is the only policy of D1 with activities
    expect(tab.avance).toBeCloseTo(15);
    expect(tab.dimensiones).toHaveLength(7);
  });

  it('el público no ve el tablero hasta que el plan se publica', async () => {
    const anon = await t.pedir(null, 'GET', `${base()}/tablero?vigencia=2026`);
    expect(anon.statusCode).toBe(404);
    expect(anon.json().mensaje).toContain('publicado');
    await t.pedir(planeacion, 'POST', `${base()}/planes/2026/publicar`, {});
    const pub = await t.pedir(null, 'GET', `${base()}/tablero?vigencia=2026&periodo=1`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().avance).toBeCloseTo(15);
  });

  it('un periodo cerrado congela sus cifras y rechaza todo cambio; reabrir exige justificación', async () => {
    expect(
      (await t.pedir(responsable, 'POST', `${base()}/vigencias/2026/periodos/1/cerrar`, {})).statusCode,
    ).toBe(403);
    const cierre = await t.pedir(planeacion, 'POST', `${base()}/vigencias/2026/periodos/1/cerrar`, {});
    expect(cierre.statusCode).toBe(200);
    expect(cierre.json()).toMatchObject({ congelado: true, periodo: { cerrado: true } });

    const put = await t.pedir(responsable, 'PUT', seg(a2), reporte);
    expect(put.statusCode).toBe(409);
    expect(put.json().mensaje).toContain('está cerrado');
    expect((await subir(responsable, a2, PDF, 'acta.pdf')).statusCode).toBe(409);
    expect(
      (await t.pedir(control, 'POST', `${seg(a1)}/observar`, { observaciones: 'Revisar firmas' })).statusCode,
    ).toBe(409);

    // The period 2 report does not change the frozen period 1 figures.
    expect((await t.pedir(responsable, 'PUT', seg(a2, 2), reporte)).statusCode).toBe(200);
    const congelado = await t.pedir(null, 'GET', `${base()}/tablero?vigencia=2026&periodo=1`);
    expect(congelado.json()).toMatchObject({ congelado: true });
    expect(congelado.json().avance).toBeCloseTo(15);

    const sinRazon = await t.pedir(planeacion, 'POST', `${base()}/vigencias/2026/periodos/1/reabrir`, {
      justificacion: 'porque',
    });
    expect(sinRazon.statusCode).toBe(400);
    expect(sinRazon.json().campos[0].campo).toBe('justificacion');
    const reabre = await t.pedir(planeacion, 'POST', `${base()}/vigencias/2026/periodos/1/reabrir`, {
      justificacion: 'El responsable de IN-02 presentó su reporte con retraso justificado.',
    });
    expect(reabre.statusCode).toBe(204);
    expect((await t.pedir(responsable, 'PUT', seg(a2), reporte)).statusCode).toBe(200);
    const audit = await t.pedir(control, 'GET', `${base()}/auditoria?recurso=periodo`);
    expect(audit.body).toContain('retraso justificado');
  });

  it('no se cambia el esquema de periodos cuando el plan ya tiene metas por periodo', async () => {
    const r = await t.pedir(planeacion, 'PUT', `${base()}/vigencias/2026`, {
      esquema: 'semestral',
      diasHabilesReporte: 10,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().mensaje).toContain('esquema de periodos');
  });
});
