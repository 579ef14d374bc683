// Issue 11 done, in the browser, on the demo hospital: planeación closes the third quarter, the CIGD follows it
// up in a session whose acta it downloads, reads and locks with the signed scan, the committee gets the
// quarterly report as a PDF, the Junta Directiva (the demo's approving body) approves the plan's modification
// as a decision, planeación publishes the 31 January pack and a citizen finds it, and moving the CIGD's next
// session into the notice reminds its responsibles by e-mail and in the app. Axe on every state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoyEnColombia, sumarDias } from '../src/core/calendario.ts';
import { fechaCivil } from '../src/core/formato.ts';
import { iniciarSmtpPrueba, type SmtpPrueba } from '../src/modules/correo/smtp-prueba.ts';
import { DEMO } from '../src/modules/demo/demo.service.ts';
import { textoPorPagina } from '../src/modules/documentos/pdf-prueba.ts';
import { type Entorno, entrarComo, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
let smtp: SmtpPrueba;
let p: Page;
let planeacion: Awaited<ReturnType<typeof sesionApi>>;
let entidadId = '';
/** The CIGD's new session: after the demo's, one per quarter closed before today. */
let actaCigd = '';
const VIGENCIA = new Date().getFullYear();
const HOY = hoyEnColombia();
const correo = (usuario: string) => `${usuario}@${DEMO.dominio}`;
const PDF_MINIMO = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

const ir = (pagina: Page, texto: string) =>
  pagina
    .getByRole('navigation', { name: 'Secciones' })
    .getByRole('link', { name: texto, exact: true })
    .click();

/** A PDF behind a link of the page, fetched with the page's session: status, type and its text. */
async function pdfDelEnlace(pagina: Page, nombre: string | RegExp) {
  const href = await pagina.getByRole('link', { name: nombre }).getAttribute('href');
  const r = await pagina.request.get(new URL(href!, e.url).toString());
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toBe('application/pdf');
  const pdf = await r.body();
  return { pdf, texto: textoPorPagina(pdf).join('\n').replace(/\s+/g, ' ') };
}

/** Checks each post whose label starts with one of `cargos` and saves the attendance. */
async function asistencia(pagina: Page, cargos: string[], quorum: string) {
  for (const cargo of cargos) await pagina.getByLabel(new RegExp(`^${cargo}`)).check();
  await pagina.getByRole('button', { name: 'Guardar asistencia' }).click();
  await pagina.getByText(quorum).waitFor();
}

beforeAll(async () => {
  smtp = await iniciarSmtpPrueba();
  e = await iniciarEntorno({
    demo: true,
    extra: {
      MIPG_SMTP_URL: smtp.config.smtpUrl,
      MIPG_CORREO_REMITENTE: smtp.config.remitente,
      MIPG_URL_PUBLICA: smtp.config.urlPublica,
    },
  });
  planeacion = await sesionApi(e.url, correo('planeacion'), DEMO.clave);
  entidadId = (await planeacion<{ entidades: { id: string }[] }>('GET', '/api/auth/sesion')).entidades[0]!.id;
  p = await entrarComo(e.navegador, e.url, correo('planeacion'), DEMO.clave);
});
afterAll(async () => {
  await e?.cerrar();
  await smtp?.cerrar();
});

describe('institucionalidad del hospital de demostración', () => {
  it('planeación cierra el tercer trimestre, cuya ventana de reporte ya pasó', async () => {
    await ir(p, 'Seguimiento');
    await p.getByLabel('Periodo', { exact: true }).selectOption({ label: 'Trimestre 3' });
    await p.getByRole('button', { name: 'Cerrar el periodo' }).click();
    const dialogo = p.getByRole('dialog', { name: 'Cerrar «Trimestre 3»' });
    await dialogo.getByText('Sus cifras quedarán congeladas').waitFor();
    await revisarPagina(p, 'institucionalidad-01-cerrar-trimestre');
    await dialogo.getByRole('button', { name: /^Cerrar (el periodo|y dejarlos por fuera)$/ }).click();
    await p.getByText('Periodo cerrado', { exact: true }).waitFor();
  });

  it('el CIGD sesiona: el orden del día trae el trimestre cerrado y el seguimiento queda como decisión', async () => {
    await ir(p, 'Comités');
    await p.getByRole('link', { name: 'Comité Institucional de Gestión y Desempeño' }).click();
    const anteriores = p.getByRole('link', { name: /^Acta n\.º \d+ de / });
    await anteriores.first().waitFor();
    actaCigd = `Acta n.º ${(await anteriores.count()) + 1} de ${VIGENCIA}`;
    await revisarPagina(p, 'institucionalidad-02-cigd');
    await p.getByLabel('Lugar').fill('Sala de juntas de la gerencia');
    await p.getByRole('button', { name: 'Registrar sesión' }).click();
    await p.getByRole('heading', { name: actaCigd, level: 1 }).waitFor();
    await p.getByText(`Seguimiento al plan de acción ${VIGENCIA}: Trimestre 3`).waitFor();
    // The demo's CIGD followed up the earlier quarters: nothing else late on its agenda.
    expect(await p.getByText(/^Seguimiento al plan de acción \d{4}: /).allTextContents()).toHaveLength(1);
    await asistencia(
      p,
      [
        'Gerente',
        'Jefe de la Oficina Asesora de Planeación',
        'Subgerente Científica',
        'Jefe de la Oficina de Control',
      ],
      'Hay quórum: 3 de 5 integrantes con voto presentes (se requieren 3).',
    );
    await p
      .getByLabel('Desarrollo de la sesión')
      .fill(
        'La secretaría técnica presentó el avance del tercer trimestre por política y dependencia, y las actividades en riesgo con su explicación.',
      );
    await p.getByRole('button', { name: 'Guardar desarrollo' }).click();
    await p.getByText('El desarrollo quedó guardado.').waitFor();
    await p.getByLabel('Tipo de decisión').selectOption('seguimiento_trimestral');
    await p.getByLabel('Periodo cerrado').fill('3');
    await p
      .getByLabel('Descripción de la decisión')
      .fill('Se da por realizado el seguimiento al plan de acción del tercer trimestre.');
    await p.getByRole('button', { name: 'Registrar decisión' }).click();
    await p.getByText('La decisión quedó registrada.').waitFor();
    await p.locator('strong', { hasText: 'Seguimiento trimestral al plan de acción' }).waitFor();
    await revisarPagina(p, 'institucionalidad-03-sesion-cigd');
  });

  it('el acta en PDF se lee como un documento de la entidad y, firmada, cierra la sesión', async () => {
    const { pdf, texto } = await pdfDelEnlace(p, 'Descargar el acta en PDF');
    for (const parte of [
      DEMO.nombre,
      actaCigd,
      'Comité Institucional de Gestión y Desempeño',
      'Asistentes',
      'Ausentes',
      'Orden del día',
      // A table cell: its text wraps.
      'Seguimiento trimestral al plan de',
      'Se da por realizado el seguimiento',
      'Firmas',
      'Página 1 de',
    ])
      expect(texto).toContain(parte);
    // The scan of the signed acta is attached: the session is history.
    await p
      .locator('input[type=file]')
      .setInputFiles({ name: 'acta-firmada.pdf', mimeType: 'application/pdf', buffer: pdf });
    await p.getByRole('button', { name: 'Adjuntar acta firmada' }).click();
    await p.getByText('El acta firmada está adjunta: la sesión quedó cerrada y no admite cambios.').waitFor();
    await expect.poll(() => p.getByRole('button', { name: 'Registrar decisión' }).count()).toBe(0);
    await p.getByRole('link', { name: 'Descargar el acta firmada' }).waitFor();
    await revisarPagina(p, 'institucionalidad-04-acta-cerrada');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.reload();
    await p.getByRole('heading', { name: actaCigd, level: 1 }).waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await revisarPagina(p, 'institucionalidad-05-acta-telefono');
    await p.setViewportSize({ width: 1280, height: 900 });
  });

  it('el informe trimestral al CIGD del trimestre cerrado sale en PDF con el membrete de la entidad', async () => {
    await ir(p, 'Tablero');
    await p.getByLabel('Corte').selectOption('3');
    const informes = p.getByRole('region', { name: 'Informes' });
    await informes.getByRole('link', { name: 'Informe trimestral al CIGD de «Trimestre 3» (PDF)' }).waitFor();
    await revisarPagina(p, 'institucionalidad-06-tablero-informes');
    const { texto } = await pdfDelEnlace(p, 'Informe trimestral al CIGD de «Trimestre 3» (PDF)');
    expect(texto).toContain(DEMO.nombre);
    expect(texto).toContain('Informe trimestral de seguimiento al Comité Institucional');
    expect(texto).toContain('Trimestre 3');
    expect(texto).toContain('Página 1 de');
  });

  it('la Junta Directiva aprueba como decisión la modificación del plan que planeación le envió', async () => {
    // November: the plan de choque the CIGD asked for raises a goal of the fourth quarter (a substantive
    // change, which the plan's approving body decides).
    const plan = `/api/entidades/${entidadId}/planes/${VIGENCIA}`;
    await planeacion('POST', `${plan}/nueva-version`, {
      justificacion: 'Plan de choque de gestión documental pedido por el CIGD en el seguimiento trimestral.',
    });
    const { actividades } = await planeacion<{
      actividades: { id: string; codigo: string; metaAnual: number; metasPeriodo: number[] }[];
    }>('GET', plan);
    const a = actividades.find((x) => x.codigo === 'GD-03')!;
    const metas = a.metasPeriodo.map((m, i) => (i === 3 ? m + 2 : m));
    await planeacion('PUT', `${plan}/actividades/${a.id}`, {
      ...a,
      metasPeriodo: metas,
      metaAnual: a.metaAnual + 2,
    });
    await planeacion('POST', `${plan}/enviar`, {});

    await ir(p, 'Comités');
    await p.getByRole('link', { name: 'Junta Directiva' }).click();
    await p.getByLabel('Carácter').selectOption('extraordinaria');
    await p.getByRole('button', { name: 'Registrar sesión' }).click();
    await p.getByRole('heading', { name: `Acta n.º 2 de ${VIGENCIA}`, level: 1 }).waitFor();
    await p
      .getByText(`Estudio y aprobación de la modificación del plan de acción ${VIGENCIA} (versión 2)`)
      .waitFor();
    await asistencia(
      p,
      ['Alcalde municipal', 'Secretario de Salud', 'Representante de las asociaciones', 'Gerente'],
      'Hay quórum: 3 de 4 integrantes con voto presentes (se requieren 3).',
    );
    await p.getByLabel('Tipo de decisión').selectOption('modificacion_aprobada');
    await p
      .getByLabel('Descripción de la decisión')
      .fill(
        'La Junta aprueba la modificación del plan de acción con el plan de choque de gestión documental.',
      );
    await p.getByRole('button', { name: 'Registrar decisión' }).click();
    await p.getByText('La decisión quedó registrada.').waitFor();
    await revisarPagina(p, 'institucionalidad-07-junta-aprueba');
    const aprobado = await planeacion<{ plan: { estado: string; version: number; actaComite: string } }>(
      'GET',
      plan,
    );
    expect(aprobado.plan).toMatchObject({ estado: 'aprobado', version: 2 });
    expect(aprobado.plan.actaComite).toBe(`Acta n.º 2 de ${VIGENCIA} — Junta Directiva`);
  });

  it('planeación publica el paquete del 31 de enero y la ciudadanía lo ve en la página pública', async () => {
    await ir(p, 'Publicaciones');
    await p.getByRole('heading', { name: `Publicaciones del 31 de enero de ${VIGENCIA}` }).waitFor();
    const documentos = [`Plan de acción ${VIGENCIA}`, `Informe de gestión ${VIGENCIA - 1}`];
    for (const titulo of documentos) {
      await p.getByRole('button', { name: `Publicar ${titulo}`, exact: true }).click();
      const v = p.getByRole('dialog', { name: `Publicar: ${titulo}` });
      await v
        .locator('input[type="file"]')
        .setInputFiles({ name: `${titulo}.pdf`, mimeType: 'application/pdf', buffer: PDF_MINIMO });
      await v.getByRole('button', { name: 'Publicar', exact: true }).click();
      await p.getByText(`Quedó publicada la versión 1 de «${titulo}».`).waitFor();
    }
    await revisarPagina(p, 'institucionalidad-08-publicaciones');
    const href = await p
      .getByRole('link', { name: `Dirección pública de ${documentos[0]}` })
      .getAttribute('href');

    const ciudadano = await (await e.navegador.newContext({ locale: 'es-CO' })).newPage();
    await ciudadano.goto(new URL(href!.replace(/\/documentos\/.*$/, ''), e.url).toString());
    const lista = ciudadano
      .getByRole('heading', { name: 'Documentos publicados' })
      .locator('..')
      .getByRole('listitem');
    await lista.first().waitFor();
    const filas = await lista.allTextContents();
    // Newest first; published the same day, by title.
    expect(filas.map((f) => f.split(' · ')[0]!.trim())).toEqual(
      [...documentos].sort((x, y) => x.localeCompare(y, 'es')),
    );
    for (const f of filas) expect(f).toContain(`publicado el ${fechaCivil(HOY)}`);
    await revisarPagina(ciudadano, 'institucionalidad-09-pagina-publica');
    await ciudadano.setViewportSize({ width: 390, height: 844 });
    expect(await ciudadano.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await revisarPagina(ciudadano, 'institucionalidad-10-pagina-publica-telefono');
    await ciudadano.context().close();
  });

  it('al adelantar la próxima sesión del CIGD, el gerente recibe el recordatorio por correo y en la plataforma', async () => {
    const trimestre = ['primer', 'segundo', 'tercer', 'cuarto'][Math.ceil(Number(HOY.slice(5, 7)) / 3) - 1];
    const titulo = `Sesión del CIGD del ${trimestre} trimestre`;
    // Six calendar days hold at most five business days: within the default notice.
    const fecha = fechaCivil(sumarDias(HOY, 6));
    await ir(p, 'Calendario');
    await p.getByRole('button', { name: `Cambiar «${titulo}»` }).click();
    const item = p.getByRole('listitem').filter({ hasText: titulo });
    await item.getByLabel('Nueva fecha').fill(fecha);
    await item
      .getByLabel('Justificación del cambio')
      .fill('La gerencia adelanta la sesión por las vacaciones colectivas');
    await revisarPagina(p, 'institucionalidad-11-mover-sesion');
    await item.getByRole('button', { name: 'Mover el evento' }).click();
    await p.getByText(new RegExp(`${fecha} \\([^)]+\\) · ${titulo}`)).waitFor();

    const gerente = correo('gerencia');
    await expect
      .poll(() => smtp.recibidos.find((m) => m.para.includes(gerente) && m.asunto.includes(titulo)), {
        timeout: 30_000,
      })
      .toBeTruthy();
    const mensaje = smtp.recibidos.find((m) => m.para.includes(gerente) && m.asunto.includes(titulo))!;
    expect(mensaje.asunto).toMatch(
      new RegExp(`^MIPG: Vence en \\d días? hábil(es)? \\(${fecha}\\): ${titulo}$`),
    );
    expect(mensaje.texto).toContain('Hola, Hernando Benavides Ortiz.');
    expect(mensaje.texto).toContain('Le llega este recordatorio porque su rol en la entidad es responsable');

    const g = await entrarComo(e.navegador, e.url, gerente, DEMO.clave);
    const avisos = g.getByRole('region', { name: /^Notificaciones/ });
    await avisos.getByText(new RegExp(`\\(${fecha}\\): ${titulo}`)).waitFor();
    await revisarPagina(g, 'institucionalidad-12-notificacion-gerente');
    await g.context().close();
  });
});
