// Control interno as the third line really works, in the browser: it chooses what to verify, records its own
// percentage beside the self-reported one, observes and closes after the responsible's answer; a report of its
// own people on the Control Interno policy is verified by planeación, and the screen says why.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Entorno, entrarComo, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
const CLAVE = 'Sibundoy2026x';
const VIGENCIA = new Date().getFullYear();
const PERSONAS = {
  planeacion: { nombre: 'Jorge Planeación', correo: 'planeacion@verifica.example', roles: ['planeacion'] },
  comite: { nombre: 'Hernando Gerente', correo: 'gerencia@verifica.example', roles: ['alta_direccion'] },
  responsable: {
    nombre: 'Yolanda Responsable',
    correo: 'th@verifica.example',
    roles: ['responsable_actividad'],
  },
  control: { nombre: 'Claudia Control', correo: 'control@verifica.example', roles: ['control_interno'] },
  // The head of control interno also reports the activities of its own policy.
  jefeControl: {
    nombre: 'Ramiro Jefe de Control',
    correo: 'jefe.control@verifica.example',
    roles: ['control_interno', 'responsable_actividad'],
  },
};
type Llamar = <T>(method: string, ruta: string, cuerpo?: unknown) => Promise<T>;
const ids: Record<string, string> = {};
let base = '';

const entrar = (navegador: Browser, correo: string, ancho = 1280) =>
  entrarComo(navegador, e.url, correo, CLAVE, ancho);
const tarjeta = (p: Page, codigo: string) => p.getByRole('article', { name: new RegExp(`^${codigo} ·`) });
const seguimiento = (p: Page, codigo: string) =>
  p.goto(`${e.url}/seguimiento?vigencia=${VIGENCIA}&periodo=1&actividad=${ids[codigo]}`);

beforeAll(async () => {
  e = await iniciarEntorno();
  const admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  const { id } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'E.S.E. Hospital de la Verificación',
    nit: '846000253-6',
  });
  base = `/api/entidades/${id}`;
  const personas: Record<string, string> = {};
  for (const [clave, p] of Object.entries(PERSONAS)) {
    const r = await admin<{ enlaceClave: string; id?: string }>('POST', `${base}/usuarios`, p);
    const definida = await fetch(`${e.url}/api/auth/definir-clave`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: new URL(r.enlaceClave, e.url).searchParams.get('token'), clave: CLAVE }),
    });
    if (definida.status !== 204) throw new Error(`definir la clave de ${p.correo}: ${definida.status}`);
    personas[clave] = p.correo;
  }
  const usuarios = await admin<{ id: string; correo: string }[]>('GET', `${base}/usuarios`);
  const idDe = (correo: string) => usuarios.find((u) => u.correo === correo)!.id;
  const planeacion: Llamar = await sesionApi(e.url, PERSONAS.planeacion.correo, CLAVE);
  await planeacion('PUT', `${base}/vigencias/${VIGENCIA}`, { esquema: 'trimestral', diasHabilesReporte: 10 });
  const plan: [string, string, string, string][] = [
    [
      'IN-01',
      'integridad',
      'Socializar el código de integridad con los servidores',
      PERSONAS.responsable.correo,
    ],
    [
      'TH-01',
      'talento_humano',
      'Ejecutar el plan institucional de capacitación',
      PERSONAS.responsable.correo,
    ],
    [
      'CI-01',
      'control_interno',
      'Presentar el informe pormenorizado del estado del control interno',
      PERSONAS.jefeControl.correo,
    ],
  ];
  for (const [codigo, politica, nombre, correo] of plan) {
    const a = await planeacion<{ id: string }>('POST', `${base}/planes/${VIGENCIA}/actividades`, {
      politica,
      codigo,
      nombre,
      producto: 'Informe con sus soportes',
      metaAnual: 4,
      unidad: 'informes',
      metasPeriodo: [1, 1, 1, 1],
      ponderacion: 100,
      responsableId: idDe(correo),
      corresponsables: [],
      fechaInicio: `${VIGENCIA}-01-15`,
      fechaFin: `${VIGENCIA}-12-15`,
    });
    ids[codigo] = a.id;
  }
  await planeacion('POST', `${base}/planes/${VIGENCIA}/enviar`, {});
  const comite: Llamar = await sesionApi(e.url, PERSONAS.comite.correo, CLAVE);
  await comite('POST', `${base}/planes/${VIGENCIA}/aprobar`, {
    fechaSesionComite: `${VIGENCIA}-01-30`,
    actaComite: `Acta 01 de ${VIGENCIA}`,
  });
  for (const [codigo, , , correo] of plan) {
    const reporta: Llamar = await sesionApi(e.url, correo, CLAVE);
    const url = `${base}/seguimientos/${ids[codigo]}/1`;
    await reporta('PUT', url, { valor: 1, descripcion: 'Se cumplió lo programado para el trimestre.' });
    await reporta('POST', `${url}/enlaces`, {
      nombre: 'Soportes del trimestre',
      url: 'https://hospital.example/s',
    });
    await reporta('POST', `${url}/enviar`, {});
    await planeacion('POST', `${url}/aceptar`, {});
  }
}, 240_000);
afterAll(() => e?.cerrar());

describe('control interno como tercera línea', () => {
  it('elige verificar la política de Integridad; lo demás queda completo', async () => {
    const p = await entrar(e.navegador, PERSONAS.control.correo);
    await seguimiento(p, 'IN-01');
    const seleccion = p.getByRole('region', { name: /Selección de control interno para verificar/ });
    await seleccion.getByText('Sin selección registrada').waitFor();
    await seleccion.getByRole('button', { name: 'Elegir qué verificar' }).click();
    await seleccion.getByLabel('Criterio').selectOption('politica');
    await seleccion.getByLabel('Política', { exact: true }).selectOption({ label: 'Integridad' });
    await seleccion.getByLabel('Motivo (opcional)').fill('Auditoría al proceso de integridad, PAA 2026');
    await seleccion.getByRole('button', { name: 'Agregar a la selección' }).click();
    // IN-01 chosen, and CI-01: control interno's own work, which planeación verifies whatever it chooses.
    await seleccion.getByText('Se verifican 2 de 3 actividades').waitFor();
    await seleccion.getByText(/elegido por Claudia Control el/).waitFor();
    await revisarPagina(p, '60-seleccion-verificacion');
    await tarjeta(p, 'TH-01').getByText('Completo: no seleccionado para verificación').waitFor();
    await p.context().close();
  });

  it('deja observaciones con su porcentaje; el responsable responde con evidencia nueva; control interno cierra', async () => {
    const c = await entrar(e.navegador, PERSONAS.control.correo);
    await c.getByRole('link', { name: /Verificar el reporte de IN-01/ }).click();
    const t = tarjeta(c, 'IN-01');
    await t.getByLabel('Avance verificado (%)').fill('50');
    await t.getByLabel('Observaciones de control interno').fill('La lista de asistencia no tiene firmas.');
    await t.getByRole('button', { name: 'Registrar observaciones' }).click();
    await t.getByText('Con observaciones de control interno').first().waitFor();
    await expect.poll(() => t.textContent()).toContain('Avance verificado por control interno');
    await revisarPagina(c, '61-observaciones-control-interno');
    await c.context().close();

    const r = await entrar(e.navegador, PERSONAS.responsable.correo, 390);
    await r.getByRole('link', { name: /Responder las observaciones de control interno a IN-01/ }).click();
    const tr = tarjeta(r, 'IN-01');
    await tr.getByLabel('Descripción del enlace').fill('Lista de asistencia firmada');
    await tr.getByLabel('Dirección (https://…)').fill('https://hospital.example/lista-firmada');
    await tr.getByRole('button', { name: 'Agregar enlace' }).click();
    await tr.getByRole('link', { name: 'Lista de asistencia firmada' }).waitFor();
    await tr.getByLabel('Respuesta a las observaciones').fill('Se adjunta la lista con las firmas.');
    await revisarPagina(r, '62-respuesta-responsable-telefono');
    expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await tr.getByRole('button', { name: 'Responder a control interno' }).click();
    await tr.getByText('Respondido a control interno').first().waitFor();
    await r.context().close();

    const c2 = await entrar(e.navegador, PERSONAS.control.correo);
    await c2
      .getByRole('link', { name: /Cerrar la verificación, con la respuesta del responsable, de IN-01/ })
      .click();
    const t2 = tarjeta(c2, 'IN-01');
    await t2.getByText('Se adjunta la lista con las firmas.').waitFor();
    await t2.getByLabel('Avance verificado (%)').fill('100');
    await t2.getByRole('button', { name: 'Cerrar como verificado' }).click();
    await t2.getByText('Verificado por control interno').first().waitFor();
    await c2.context().close();
  });

  it('el informe de control interno sobre su propia política lo verifica planeación, y la pantalla dice por qué', async () => {
    const c = await entrar(e.navegador, PERSONAS.control.correo);
    await seguimiento(c, 'CI-01');
    const t = tarjeta(c, 'CI-01');
    await t.getByText('control interno no revisa su propio trabajo').waitFor();
    expect(await t.getByRole('button', { name: 'Marcar como verificado' }).count()).toBe(0);
    await revisarPagina(c, '63-verifica-planeacion-motivo');
    await c.context().close();

    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await p.getByRole('link', { name: /Verificar el reporte de CI-01/ }).click();
    const tp = tarjeta(p, 'CI-01');
    await tp.getByLabel('Avance verificado (%)').fill('90');
    await tp.getByRole('button', { name: 'Marcar como verificado' }).click();
    await tp.getByText('Verificado por control interno').first().waitFor();
    await p.context().close();
  });

  it('el tablero muestra la parte verificada y el avance verificado junto al reportado', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await p
      .getByRole('navigation', { name: 'Secciones' })
      .getByRole('link', { name: 'Tablero', exact: true })
      .click();
    await p.getByLabel('Corte').selectOption('1');
    const cifra = p.locator('.mantine-Card-root', { hasText: 'Verificado por control interno' });
    // IN-01 (chosen) and CI-01 (verified by planeación) are verified; TH-01 is complete without selection.
    await expect.poll(() => cifra.textContent()).toContain('2 de 2 reportes elegidos');
    await p.getByRole('button', { name: 'Integridad' }).click();
    const tabla = p.getByRole('table', { name: 'Actividades de Integridad' });
    await expect.poll(() => tabla.textContent()).toContain('Avance verificado');
    expect(await tabla.textContent()).toContain('100 %');
    await revisarPagina(p, '64-tablero-verificacion');
    await p.context().close();
  });
});
