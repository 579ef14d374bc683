// Nothing lost, nothing doubled, in the browser: «Enviar a planeación» sends the figures on the screen even
// unsaved, a double click acts once, an expired session asks for the password over the same page and keeps
// what was typed, planeación accepts several reports at once, and a person invited by e-mail (through a
// local SMTP server) sets a password from the link and logs in.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iniciarSmtpPrueba, type Recibido, type SmtpPrueba } from '../src/modules/correo/smtp-prueba.ts';
import {
  ADMIN,
  type Entorno,
  entrarComo,
  iniciarEntorno,
  revisarPagina,
  sesionApi as sesionApiEn,
} from './entorno.ts';

let e: Entorno;
let smtp: SmtpPrueba;
let entidadId: string;
const CLAVE = 'Sibundoy2026x';
const VIGENCIA = new Date().getFullYear();
const PERSONAS = {
  admin: { nombre: 'Ana Administradora', correo: 'admin@flujos.example', roles: ['admin_entidad'] },
  planeacion: { nombre: 'Jorge Planeación', correo: 'planeacion@flujos.example', roles: ['planeacion'] },
  comite: { nombre: 'Hernando Gerente', correo: 'gerencia@flujos.example', roles: ['alta_direccion'] },
  responsable: {
    nombre: 'Yolanda Responsable',
    correo: 'siau@flujos.example',
    roles: ['responsable_actividad'],
  },
};
type Llamar = <T>(method: string, ruta: string, cuerpo?: unknown) => Promise<T>;
const actividades: Record<string, string> = {};

/** A JSON client with the session cookie and CSRF code of the person logged in. */
const sesionApi = (correo: string, clave: string): Promise<Llamar> => sesionApiEn(e.url, correo, clave);

/** The e-mail that reached `correo`; the outbox's worker sends every few seconds. */
async function correoPara(correo: string): Promise<Recibido> {
  const hasta = Date.now() + 45_000;
  for (;;) {
    const m = smtp.recibidos.find((r) => r.para.includes(correo));
    if (m) return m;
    if (Date.now() > hasta) throw new Error(`no llegó el correo para ${correo}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function definirClave(enlace: string) {
  const r = await fetch(`${e.url}/api/auth/definir-clave`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: new URL(enlace, e.url).searchParams.get('token'), clave: CLAVE }),
  });
  if (r.status !== 204) throw new Error(`definir la clave: ${r.status} ${await r.text()}`);
}

const entrar = (navegador: Browser, correo: string, ancho = 1280) =>
  entrarComo(navegador, e.url, correo, CLAVE, ancho);

const tarjeta = (p: Page, codigo: string) => p.getByRole('article', { name: new RegExp(`^${codigo} ·`) });
const abrirReporte = async (p: Page, codigo: string) => {
  await p.goto(`${e.url}/seguimiento?periodo=1&actividad=${actividades[codigo]}`);
  const t = tarjeta(p, codigo);
  await t.waitFor();
  return t;
};

/** The same page at 390 px too (screenshot and axe), then back to the desktop. */
async function revisarEnAmbos(p: Page, nombre: string) {
  await revisarPagina(p, `${nombre}-escritorio`);
  await p.setViewportSize({ width: 390, height: 844 });
  await revisarPagina(p, `${nombre}-390`);
  await p.setViewportSize({ width: 1280, height: 900 });
}

interface Registro {
  accion: string;
  recursoId: string | null;
}
let adminApi: Llamar;
let planeacionApi: Llamar;
let responsableApi: Llamar;
const auditoria = async (accion: string) =>
  (
    await adminApi<{ registros: (Registro & { despues: { actividad?: string } })[] }>(
      'GET',
      `/api/entidades/${entidadId}/auditoria?recurso=seguimiento&accion=${accion}&tamano=500`,
    )
  ).registros;
const reporteDe = async (codigo: string) =>
  (
    await responsableApi<{
      filas: {
        actividad: { codigo: string };
        reporte: { estado: string; valor: number; descripcion: string };
      }[];
    }>('GET', `/api/entidades/${entidadId}/seguimientos?vigencia=${VIGENCIA}&periodo=1`)
  ).filas.find((f) => f.actividad.codigo === codigo)!.reporte;

beforeAll(async () => {
  smtp = await iniciarSmtpPrueba();
  e = await iniciarEntorno({
    extra: {
      MIPG_SMTP_URL: smtp.config.smtpUrl,
      MIPG_CORREO_REMITENTE: smtp.config.remitente,
      MIPG_URL_PUBLICA: smtp.config.urlPublica,
    },
  });
  const admin = await sesionApi(ADMIN.correo, ADMIN.clave);
  adminApi = admin;
  ({ id: entidadId } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'E.S.E. Hospital de los Flujos',
    nit: '846000253-6',
  }));
  // With SMTP on, the set-password links travel only by e-mail.
  for (const p of Object.values(PERSONAS)) {
    const r = await admin<{ enlaceClave: string | null; correoEnviado: boolean }>(
      'POST',
      `/api/entidades/${entidadId}/usuarios`,
      p,
    );
    expect(r).toMatchObject({ enlaceClave: null, correoEnviado: true });
  }
  for (const p of Object.values(PERSONAS)) await definirClave((await correoPara(p.correo)).enlace!);

  planeacionApi = await sesionApi(PERSONAS.planeacion.correo, CLAVE);
  responsableApi = await sesionApi(PERSONAS.responsable.correo, CLAVE);
  const base = `/api/entidades/${entidadId}`;
  await planeacionApi('PUT', `${base}/vigencias/${VIGENCIA}`, {
    esquema: 'trimestral',
    diasHabilesReporte: 10,
  });
  const usuarios = await admin<{ id: string; correo: string }[]>('GET', `${base}/usuarios`);
  const responsableId = usuarios.find((u) => u.correo === PERSONAS.responsable.correo)!.id;
  for (const [i, codigo] of ['FL-01', 'FL-02', 'FL-03', 'FL-04', 'FL-05'].entries()) {
    const a = await planeacionApi<{ id: string }>('POST', `${base}/planes/${VIGENCIA}/actividades`, {
      politica: 'integridad',
      codigo,
      nombre: `Jornada ${i + 1} de socialización del código de integridad`,
      producto: 'Informe con listas de asistencia',
      metaAnual: 4,
      unidad: 'jornadas',
      metasPeriodo: [1, 1, 1, 1],
      ponderacion: 20,
      responsableId,
      corresponsables: [],
      fechaInicio: `${VIGENCIA}-01-15`,
      fechaFin: `${VIGENCIA}-12-15`,
    });
    actividades[codigo] = a.id;
  }
  await planeacionApi('POST', `${base}/planes/${VIGENCIA}/enviar`, {});
  const comite = await sesionApi(PERSONAS.comite.correo, CLAVE);
  await comite('POST', `${base}/planes/${VIGENCIA}/aprobar`, {
    fechaSesionComite: `${VIGENCIA}-01-30`,
    actaComite: `Acta 01 de ${VIGENCIA}`,
  });
  // FL-01: a saved draft with its evidence, to be edited and sent. FL-03..05: sent, for the bulk accept.
  for (const codigo of ['FL-01', 'FL-03', 'FL-04', 'FL-05']) {
    const url = `${base}/seguimientos/${actividades[codigo]}/1`;
    await responsableApi('PUT', url, { valor: 1, descripcion: 'Jornada con 40 servidores del hospital.' });
    await responsableApi('POST', `${url}/enlaces`, {
      nombre: 'Listas de asistencia',
      url: 'https://hospital.example/integridad',
    });
    if (codigo !== 'FL-01') await responsableApi('POST', `${url}/enviar`, {});
  }
}, 240_000);
afterAll(async () => {
  await e?.cerrar();
  await smtp?.cerrar();
});

// Each flow logs in and waits for the server; on a loaded machine more than the default minute.
describe('nada se pierde, nada se duplica', { timeout: 120_000 }, () => {
  it('«Enviar a planeación» con cambios sin guardar envía lo que está en pantalla, una vez aunque haya doble clic', async () => {
    const p = await entrar(e.navegador, PERSONAS.responsable.correo);
    const t = await abrirReporte(p, 'FL-01');
    const logrado = t.getByLabel('Logrado en el periodo (jornadas)');
    expect(await logrado.inputValue()).toBe('1');
    // Edited and never saved: before, the send took the saved 1 and dropped these.
    await logrado.fill('2');
    const descripcion = 'Dos jornadas: 40 servidores asistenciales y 25 administrativos.';
    await t.getByLabel('Qué se hizo en el periodo').fill(descripcion);
    // 2 of the 1 programmed: the form asks why, as the server will.
    await t
      .getByLabel('Justificación de la sobreejecución')
      .fill('La gerencia pidió incluir al personal administrativo en la jornada.');
    await t.getByText('Se envía lo que ve en pantalla').waitFor();
    const desde = (await auditoria('enviar')).length;
    await t.getByRole('button', { name: 'Enviar a planeación' }).dblclick();
    await t.getByText('Enviado a planeación').first().waitFor();
    await t.getByText('Logrado en el periodo (jornadas): 2').waitFor();
    await t.getByText(descripcion).waitFor();
    // A moment for a second request to come back: no false error after the success.
    await p.waitForTimeout(1000);
    expect(await p.getByRole('alert').count()).toBe(0);
    expect(await reporteDe('FL-01')).toMatchObject({ estado: 'enviado', valor: 2, descripcion });
    const envios = (await auditoria('enviar')).filter((r) => r.despues.actividad === 'FL-01');
    expect(envios).toHaveLength(1);
    expect((await auditoria('enviar')).length).toBe(desde + 1);
    await revisarEnAmbos(p, '40-guardar-y-enviar');
    await p.context().close();
  });

  it('doble clic en «Aceptar el reporte»: una sola aceptación, sin error falso', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    const t = await abrirReporte(p, 'FL-01');
    await t.getByRole('button', { name: 'Aceptar el reporte' }).dblclick();
    await t.getByText('Aceptado por planeación').first().waitFor();
    await p.waitForTimeout(1000);
    expect(await p.getByRole('alert').count()).toBe(0);
    expect((await auditoria('aceptar')).filter((r) => r.despues.actividad === 'FL-01')).toHaveLength(1);
    await revisarPagina(p, '41-aceptado-doble-clic');
    await p.context().close();
  });

  it('planeación acepta varios reportes a la vez', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await p.goto(`${e.url}/seguimiento?periodo=1`);
    await p.getByText('3 reportes esperan la revisión de planeación.').waitFor();
    await p.getByRole('button', { name: 'Aceptar varios a la vez' }).click();
    const ventana = p.getByRole('dialog', { name: 'Aceptar reportes' });
    await ventana.waitFor();
    // Nothing is chosen at first; two are, and the one left out stays waiting.
    expect(await ventana.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await ventana.getByRole('checkbox', { name: /^FL-03/ }).check();
    await ventana.getByRole('checkbox', { name: /^FL-04/ }).check();
    await ventana.getByRole('checkbox', { name: 'Todos (3)' }).waitFor();
    await revisarPagina(p, '42-aceptar-en-lote');
    await ventana.getByRole('button', { name: 'Aceptar 2 reportes' }).dblclick();
    await ventana.waitFor({ state: 'hidden' });
    await p.getByRole('status').filter({ hasText: '2 reportes aceptados' }).waitFor();
    expect(await p.getByRole('alert').count()).toBe(0);
    const aceptados = (await auditoria('aceptar')).map((r) => r.despues.actividad);
    expect(aceptados.filter((c) => c === 'FL-03' || c === 'FL-04').sort()).toEqual(['FL-03', 'FL-04']);
    expect(aceptados).not.toContain('FL-05');
    expect((await reporteDe('FL-05')).estado).toBe('enviado');
    await revisarPagina(p, '43-aceptados-en-lote');
    await p.context().close();
  });

  it('la sesión vence mientras reporta: ingresa de nuevo en un diálogo y lo escrito se guarda', async () => {
    const p = await entrar(e.navegador, PERSONAS.responsable.correo);
    const t = await abrirReporte(p, 'FL-02');
    const descripcion = 'Jornada en el puesto de salud de San Andrés con 18 servidores.';
    await t.getByLabel('Logrado en el periodo (jornadas)').fill('1');
    await t.getByLabel('Qué se hizo en el periodo').fill(descripcion);
    // The session ends on the server (as when it expires or is closed elsewhere); the page does not know.
    const cookie = (await p.context().cookies()).find((c) => c.name === 'mipg_sesion')!;
    const cabeceras = { cookie: `mipg_sesion=${cookie.value}` };
    const { csrf } = await (await fetch(`${e.url}/api/auth/sesion`, { headers: cabeceras })).json();
    const salida = await fetch(`${e.url}/api/auth/logout`, {
      method: 'POST',
      headers: { ...cabeceras, 'x-csrf-token': csrf },
    });
    expect(salida.status).toBe(204);

    await t.getByRole('button', { name: 'Guardar avance' }).click();
    const dialogo = p.getByRole('dialog', { name: 'Su sesión terminó' });
    await dialogo.waitFor();
    expect(await dialogo.getByLabel('Correo electrónico').inputValue()).toBe(PERSONAS.responsable.correo);
    await revisarEnAmbos(p, '44-sesion-vencida');
    await dialogo.getByLabel('Contraseña').fill(CLAVE);
    await dialogo.getByRole('button', { name: 'Ingresar y continuar' }).click();
    await t.getByText('Avance guardado.').waitFor();
    expect(await dialogo.isVisible()).toBe(false);
    expect(await t.getByLabel('Qué se hizo en el periodo').inputValue()).toBe(descripcion);
    expect(await p.getByRole('alert').count()).toBe(0);
    expect(await reporteDe('FL-02')).toMatchObject({ estado: 'borrador', valor: 1, descripcion });
    await revisarPagina(p, '45-guardado-tras-ingresar');
    await p.context().close();
  });
});

describe('invitación por correo', { timeout: 120_000 }, () => {
  it('la administradora da acceso a una persona; le llega el enlace, define su contraseña e ingresa', async () => {
    const p = await entrar(e.navegador, PERSONAS.admin.correo);
    await p
      .getByRole('navigation', { name: 'Secciones' })
      .getByRole('link', { name: 'Usuarios y roles', exact: true })
      .click();
    const formulario = p.getByRole('region', { name: 'Dar acceso a una persona' });
    await formulario.getByLabel('Nombre completo').fill('Rosa Jacanamejoy');
    await formulario.getByLabel('Correo electrónico').fill('rosa@flujos.example');
    await formulario.getByLabel('Cargo').fill('Profesional de calidad');
    await formulario.getByRole('checkbox', { name: 'Consulta' }).check();
    await formulario.getByRole('button', { name: 'Dar acceso' }).click();
    await p.getByText('Le enviamos a rosa@flujos.example un correo').waitFor();
    await revisarPagina(p, '46-invitacion-enviada');
    await p.context().close();

    const m = await correoPara('rosa@flujos.example');
    expect(m.asunto).toBe('Active su cuenta en MIPG Abierto — E.S.E. Hospital de los Flujos');
    expect(m.enlace).toMatch(/^\/definir-clave\?token=/);
    const ctx = await e.navegador.newContext({ locale: 'es-CO', viewport: { width: 390, height: 844 } });
    const r = await ctx.newPage();
    await r.goto(`${e.url}${m.enlace}`);
    await r.getByRole('heading', { name: 'Active su cuenta' }).waitFor();
    await r.getByLabel('Nueva contraseña').fill('Mocoa-Calidad-2026');
    await r.getByLabel('Repita la contraseña').fill('Mocoa-Calidad-2026');
    await r.getByRole('button', { name: 'Guardar contraseña' }).click();
    await r.getByText('Su contraseña quedó definida').waitFor();
    await revisarPagina(r, '47-clave-definida');
    await r.getByRole('link', { name: 'Ingrese con su correo y la nueva contraseña' }).click();
    await r.getByLabel('Correo electrónico').fill('rosa@flujos.example');
    await r.locator('input[type=password]').fill('Mocoa-Calidad-2026');
    await r.getByRole('button', { name: 'Ingresar' }).click();
    await r.getByRole('heading', { name: 'Bienvenido, Rosa' }).waitFor();
    await revisarPagina(r, '48-invitada-adentro');
    await ctx.close();
  });
});
