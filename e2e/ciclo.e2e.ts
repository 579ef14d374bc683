// The year's loop in the browser, one role at a time: planeación plans three activities, the committee
// approves, the responsible reports with a PDF, planeación accepts, control interno verifies, and the
// dashboard shows the new figures.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textoPorPagina } from '../src/modules/documentos/pdf-prueba.ts';
import { ADMIN, type Entorno, entrarComo, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
const CLAVE = 'Sibundoy2026x';
const VIGENCIA = new Date().getFullYear();
const PERSONAS = {
  planeacion: { nombre: 'Jorge Planeación', correo: 'planeacion@ciclo.example', roles: ['planeacion'] },
  comite: { nombre: 'Hernando Gerente', correo: 'gerencia@ciclo.example', roles: ['alta_direccion'] },
  responsable: {
    nombre: 'Yolanda Responsable',
    correo: 'siau@ciclo.example',
    roles: ['responsable_actividad'],
  },
  control: { nombre: 'Claudia Control', correo: 'control@ciclo.example', roles: ['control_interno'] },
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const entrar = (navegador: Browser, correo: string, ancho = 1280) =>
  entrarComo(navegador, e.url, correo, CLAVE, ancho);
const ir = (p: Page, texto: string) =>
  p.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: texto, exact: true }).click();
const tarjeta = (p: Page, codigo: string) => p.getByRole('article', { name: new RegExp(`^${codigo} ·`) });

beforeAll(async () => {
  e = await iniciarEntorno();
  const admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  const { id } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'E.S.E. Hospital del Ciclo Completo',
    nit: '846000253-6',
  });
  for (const p of Object.values(PERSONAS)) {
    const r = await admin<{ enlaceClave: string }>('POST', `/api/entidades/${id}/usuarios`, p);
    // No SMTP here: the set-password link comes back to the administrator, as the web shows it.
    const definida = await fetch(`${e.url}/api/auth/definir-clave`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: new URL(r.enlaceClave, e.url).searchParams.get('token'), clave: CLAVE }),
    });
    if (definida.status !== 204) throw new Error(`definir la clave de ${p.correo}: ${definida.status}`);
  }
});
afterAll(() => e?.cerrar());

describe('ciclo del plan y el seguimiento en el navegador', () => {
  it('planeación crea un plan con tres actividades y lo envía al comité', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await ir(p, 'Plan de acción');
    await p.getByText('Aún no hay actividades en el plan').waitFor();
    const actividades = [
      ['IN-01', 'Socializar el código de integridad', '40'],
      ['IN-02', 'Actualizar el procedimiento de conflicto de intereses', '30'],
      ['IN-03', 'Medir la apropiación de los valores del servicio público', '30'],
    ];
    for (const [codigo, nombre, peso] of actividades) {
      await p
        .getByRole('region', { name: 'Agregar una actividad' })
        .getByLabel('Política', { exact: true })
        .selectOption({ label: 'POL02 Integridad' });
      await p.getByLabel('Código').fill(codigo!);
      await p.getByLabel('Unidad de medida').fill('jornadas');
      await p.getByRole('textbox', { name: 'Actividad', exact: true }).fill(nombre!);
      await p.getByLabel('Producto o entregable').fill('Informe con listas de asistencia');
      await p.getByLabel('Meta anual').fill('4');
      await p.getByLabel('Ponderación en la política').fill(peso!);
      for (const t of [1, 2, 3, 4]) await p.getByLabel(`Meta: Trimestre ${t}`).fill('1');
      await p.getByLabel('Responsable (1.ª línea)').selectOption({ label: PERSONAS.responsable.nombre });
      await p.getByLabel('Fecha de inicio').fill(`15/01/${VIGENCIA}`);
      await p.getByLabel('Fecha de fin').fill(`15/12/${VIGENCIA}`);
      await p.getByRole('button', { name: 'Agregar actividad' }).click();
      await p.getByText('La actividad quedó en el plan.').waitFor();
      await expect
        .poll(() => p.getByRole('table', { name: 'Actividades del plan' }).textContent())
        .toContain(codigo);
    }
    await revisarPagina(p, '20-plan-tres-actividades');
    // A correction before sending: the weight of IN-03 is edited in place.
    await p.getByRole('button', { name: 'Editar la actividad IN-03' }).click();
    const ventana = p.getByRole('dialog', { name: 'Editar la actividad IN-03' });
    await ventana
      .getByLabel('Riesgo asociado (opcional)')
      .fill('Baja participación del personal asistencial');
    await ventana.getByRole('button', { name: 'Guardar cambios de la actividad' }).click();
    await ventana.waitFor({ state: 'hidden' });
    await p.getByRole('button', { name: 'Enviar al Comité Institucional de Gestión y Desempeño' }).click();
    await p.getByText('Esperando la decisión del Comité Institucional de Gestión y Desempeño').waitFor();
    await revisarPagina(p, '21-plan-enviado');
    await p.context().close();
  });

  it('la búsqueda y los filtros del plan viven en la dirección: «Atrás» y un enlace compartido los traen', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await ir(p, 'Plan de acción');
    const buscar = p.getByLabel('Buscar en actividades del plan');
    await buscar.pressSequentially('apropiacion'); // as typed on a phone: without the accent
    await p.getByLabel('Responsable', { exact: true }).selectOption(PERSONAS.responsable.nombre);
    const filas = p.getByRole('table', { name: 'Actividades del plan' }).getByRole('row', { name: /IN-0/ });
    await expect.poll(() => filas.count()).toBe(1);
    await expect.poll(() => new URL(p.url()).searchParams.get('buscar')).toBe('apropiacion');
    const direccion = new URL(p.url());
    // A person's name never goes into an address (histories, logs, shared links): that filter stays here.
    expect(direccion.searchParams.has('responsable')).toBe(false);

    await ir(p, 'Tablero');
    await p.getByRole('heading', { level: 1, name: /Tablero/ }).waitFor();
    await p.goBack();
    expect(await buscar.inputValue()).toBe('apropiacion');
    await expect.poll(() => filas.count()).toBe(1);
    await expect(filas.first().textContent()).resolves.toContain('IN-03');

    // The same address in another tab: the same search, the same rows.
    const otra = await p.context().newPage();
    await otra.goto(direccion.href);
    await otra.getByText('1 de 3 actividades').waitFor();
    expect(await otra.getByLabel('Buscar en actividades del plan').inputValue()).toBe('apropiacion');

    // «Plan de acción» in the menu opens the whole plan: the table follows its address, never the other way.
    await ir(p, 'Plan de acción');
    await expect.poll(() => buscar.inputValue()).toBe('');
    expect(new URL(p.url()).searchParams.has('buscar')).toBe(false);
    await p.getByText('3 actividades', { exact: true }).waitFor();
    await p.context().close();
  });

  it('el comité aprueba el plan con la fecha de la sesión y el acta', async () => {
    const p = await entrar(e.navegador, PERSONAS.comite.correo);
    await p.getByRole('link', { name: /Estudiar y aprobar el plan de acción/ }).click();
    await p.getByRole('button', { name: 'Aprobar el plan' }).click();
    await p.getByLabel(/^Fecha de la sesión/).fill('31/31/2026');
    await p.getByLabel('Acta de la sesión').fill(`Acta 01 de ${VIGENCIA}`);
    await p.getByRole('button', { name: 'Aprobar', exact: true }).click();
    await p.getByText('Escriba una fecha válida del calendario').first().waitFor();
    await revisarPagina(p, '22-aprobar-fecha-errada');
    await p.getByLabel(/^Fecha de la sesión/).fill(`15/12/${VIGENCIA - 1}`);
    await p.getByRole('button', { name: 'Aprobar', exact: true }).click();
    await p.getByText(`sesión del 15/12/${VIGENCIA - 1}, Acta 01 de ${VIGENCIA}`).waitFor();
    // The dialog closes once the pending list is fresh too; mid-fade its text is too faint for axe.
    await p.getByRole('dialog').waitFor({ state: 'hidden' });
    await revisarPagina(p, '23-plan-aprobado');
    await p.context().close();
  });

  it('el responsable reporta el avance con un PDF desde sus pendientes', async () => {
    const p = await entrar(e.navegador, PERSONAS.responsable.correo);
    await revisarPagina(p, '24-inicio-responsable');
    await p.getByRole('link', { name: /Reportar el avance de IN-01 .* Trimestre 1/ }).click();
    const t = tarjeta(p, 'IN-01');
    await t.getByLabel('Logrado en el periodo (jornadas)').fill('1');
    await t.getByLabel('Qué se hizo en el periodo').fill('Jornada de socialización con 42 servidores.');
    await t.getByRole('button', { name: 'Guardar avance' }).click();
    await t.getByText('Avance guardado.').waitFor();
    await t.getByRole('button', { name: 'Enviar a planeación' }).click();
    await t.getByText('Adjunte al menos una evidencia').waitFor();
    // Over the limit (25 MB): refused in the browser, before a rural connection spends minutes uploading it.
    await t.locator('input[type=file]').setInputFiles({
      name: 'escaneo-enorme.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(26 * 1024 * 1024, 0x20),
    });
    await t.getByText('y el máximo es 25 MB').waitFor();
    expect(await t.getByRole('button', { name: 'Adjuntar', exact: true }).isDisabled()).toBe(true);
    await t
      .locator('input[type=file]')
      .setInputFiles({ name: 'lista-asistencia.pdf', mimeType: 'application/pdf', buffer: PDF });
    await t.getByRole('button', { name: 'Adjuntar', exact: true }).click();
    await t.getByRole('link', { name: 'lista-asistencia.pdf' }).waitFor();
    await revisarPagina(p, '25-reporte-con-evidencia');
    await t.getByRole('button', { name: 'Enviar a planeación' }).click();
    await t.getByText('Enviado a planeación').waitFor();
    await p.context().close();
  });

  it('planeación acepta el reporte', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await p.getByRole('link', { name: /Revisar el reporte de IN-01/ }).click();
    const t = tarjeta(p, 'IN-01');
    const descarga = await t.getByRole('link', { name: 'lista-asistencia.pdf' }).getAttribute('href');
    const archivo = await p.evaluate(
      async (u) => new Uint8Array(await (await fetch(u!)).arrayBuffer()).length,
      descarga,
    );
    expect(archivo).toBe(PDF.length);
    await revisarPagina(p, '26-revision-planeacion');
    await t.getByRole('button', { name: 'Aceptar el reporte' }).click();
    await t.getByText('Aceptado por planeación').waitFor();
    await p.context().close();
  });

  it('control interno verifica el reporte, sin poder editarlo', async () => {
    const p = await entrar(e.navegador, PERSONAS.control.correo);
    await p.getByRole('link', { name: /Verificar el reporte de IN-01/ }).click();
    const t = tarjeta(p, 'IN-01');
    expect(await t.getByRole('button', { name: 'Guardar avance' }).count()).toBe(0);
    await revisarPagina(p, '27-verificacion-control-interno');
    await t.getByRole('button', { name: 'Marcar como verificado' }).click();
    await t.getByText('Verificado por control interno').waitFor();
    await p.context().close();
  });

  it('planeación crea un indicador, registra su medición y ve la tendencia', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await ir(p, 'Indicadores');
    await p.getByText('Aún no hay indicadores').waitFor();
    await p.getByLabel('Código').fill('IND-01');
    await p.getByLabel('Nombre del indicador').fill('Servidores que conocen el código de integridad');
    await p.getByLabel('Objetivo: qué mide y para qué').fill('Medir la apropiación del código de integridad');
    await p.getByLabel('Fórmula: numerador').fill('Servidores que aprueban la prueba de apropiación');
    await p.getByLabel('Fórmula: denominador (opcional)').fill('Servidores evaluados');
    await p.getByLabel(/^Meta/).fill('80');
    await p.getByLabel('Fuente de los datos').fill('Encuesta de apropiación de Talento Humano');
    await p.getByRole('button', { name: 'Crear indicador' }).click();
    await p.getByRole('heading', { name: /IND-01 · Servidores que conocen/ }).waitFor();
    await p.getByLabel('Periodo', { exact: true }).selectOption('2');
    await p.getByLabel(/^Numerador/).fill('36');
    await p.getByLabel(/^Denominador/).fill('40');
    await p.getByRole('button', { name: 'Guardar medición' }).click();
    const tabla = p.getByRole('region', { name: 'Mediciones de IND-01' });
    await expect.poll(() => tabla.textContent()).toContain('90 %');
    expect(await tabla.textContent()).toContain('112,5 %');
    await p
      .getByRole('img', { name: /Gráfica de tendencia/ })
      .locator('svg')
      .waitFor();
    await revisarPagina(p, '27b-indicadores');
    await p.context().close();
  });

  it('el tablero muestra las cifras nuevas: 25 % de IN-01 ponderado al 40 % = 10 %', async () => {
    const p = await entrar(e.navegador, PERSONAS.control.correo);
    await ir(p, 'Tablero');
    const entidad = p.locator('.mantine-Card-root', { hasText: 'Avance del plan' });
    await expect.poll(() => entidad.textContent()).toContain('10 %');
    // The bars are HTML (no chart library): one per dimension, drawn with the data.
    await p
      .getByRole('img', { name: /Gráfica del avance por dimensión/ })
      .locator('.grafica-barras-barra')
      .first()
      .waitFor();
    // The report is of the first quarter: the later cut-offs count it in the accumulated figure too.
    await p.getByLabel('Corte').selectOption('1');
    await expect.poll(() => entidad.textContent()).toContain('acumulado a trimestre 1');
    expect(await entidad.textContent()).toContain('10 %');
    await p.getByRole('button', { name: 'Integridad' }).click();
    const tabla = p.getByRole('table', { name: 'Actividades de Integridad' });
    await expect.poll(() => tabla.textContent()).toContain('Verificado por control interno');
    expect(await tabla.textContent()).toContain('25 %');
    await revisarPagina(p, '28-tablero');
    await p.context().close();
  });

  it('una dirección escrita sin entidad, vigencia ni corte abre el tablero completo, y Atrás vuelve a la página anterior', async () => {
    const p = await entrar(e.navegador, PERSONAS.control.correo);
    await p.getByRole('heading', { level: 1 }).waitFor();
    const anterior = p.url();
    // Each replacement of the address, in order: the start-up's must come before the router's first one (a
    // redirect from the router would come after it, and the router would load twice).
    await p.addInitScript(() => {
      const w = window as unknown as { reemplazos: string[] };
      w.reemplazos = [];
      const original = history.replaceState.bind(history);
      history.replaceState = (estado, titulo, url) => {
        w.reemplazos.push(String(url));
        original(estado, titulo, url);
      };
    });
    await p.goto(`${e.url}/tablero`);
    // The heading comes with the server's first paint; the address is completed when the app starts.
    await expect.poll(() => new URL(p.url()).searchParams.get('periodo')).toMatch(/^\d+$/);
    await p.locator('.mantine-Card-root', { hasText: 'Avance del plan' }).waitFor();
    const direccion = new URL(p.url());
    expect(direccion.pathname).toBe('/tablero');
    expect(direccion.searchParams.get('vigencia')).toBe(String(VIGENCIA));
    expect(direccion.searchParams.get('entidad')).toMatch(/^[0-9a-f-]{36}$/);
    expect(direccion.searchParams.get('periodo')).toMatch(/^\d+$/);
    const reemplazos = await p.evaluate(() => (window as unknown as { reemplazos: string[] }).reemplazos);
    expect(reemplazos[0]).toContain(`periodo=${direccion.searchParams.get('periodo')}`);
    // Completed in place: no entry of its own in the history.
    await p.goBack();
    await expect.poll(() => p.url()).toBe(anterior);
    await p.context().close();
  });
});

describe('la ciudadanía ve el avance publicado', () => {
  it('planeación publica el plan y la página pública muestra las cifras sin iniciar sesión', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await ir(p, 'Plan de acción');
    await p.getByRole('button', { name: 'Publicar el plan' }).click();
    const publicar = p.getByRole('dialog', { name: 'Publicar el plan de acción' });
    await publicar.getByRole('button', { name: 'Publicar', exact: true }).click();
    await publicar.waitFor({ state: 'hidden' });
    const enlace = p.getByRole('link', { name: /\/publico\// });
    await enlace.waitFor();
    const direccion = (await enlace.getAttribute('href'))!;
    await p.context().close();

    const ciudadano = await e.navegador.newContext({
      locale: 'es-CO',
      viewport: { width: 375, height: 740 },
      isMobile: true,
    });
    const c = await ciudadano.newPage();
    // The link the plan page shows carries the entity's id: the server answers 301 to the readable address.
    await c.goto(`${e.url}${direccion}`);
    expect(new URL(c.url()).pathname).toMatch(/^\/publico\/[a-z0-9-]+$/);
    expect(c.url()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await c
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`Plan de acción ${VIGENCIA} de E\\.S\\.E\\. Hospital del Ciclo Completo`),
      })
      .waitFor();
    const cifra = c.getByRole('region', { name: 'Avance general' });
    expect(await cifra.textContent()).toContain('10 %');
    expect(await c.getByRole('link', { name: /Abrir/ }).count()).toBe(0); // no way into the reports
    expect(await c.locator('script').count()).toBe(0); // server HTML, no JavaScript
    expect(await c.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const csv = await fetch(`${c.url().split('?')[0]}/actividades.csv?vigencia=${VIGENCIA}`);
    expect(csv.status).toBe(200);
    expect([...new Uint8Array(await csv.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await revisarPagina(c, '29-pagina-publica');
    await ciudadano.close();
  });

  it('planeación cierra el periodo: un diálogo dice qué queda por fuera y ofrece revisar primero', async () => {
    const p = await entrar(e.navegador, PERSONAS.planeacion.correo);
    await ir(p, 'Seguimiento');
    await p.getByRole('button', { name: 'Cerrar el periodo' }).click();
    let dialogo = p.getByRole('dialog', { name: /^Cerrar «/ });
    // Until the proposed periods are saved, the dialog says so and leads there.
    await dialogo.getByText(/aún usa la propuesta de periodos/).waitFor();
    await dialogo.getByRole('link', { name: 'Vigencia y periodos' }).click();
    await p.getByRole('button', { name: 'Guardar vigencia' }).click();
    await p.getByText('La vigencia quedó configurada').waitFor();
    await ir(p, 'Seguimiento');
    await p.getByRole('button', { name: 'Cerrar el periodo' }).click();
    dialogo = p.getByRole('dialog', { name: /^Cerrar «/ });
    await dialogo.getByText(/no han enviado su reporte/).waitFor();
    await revisarPagina(p, '30-cerrar-periodo');
    await dialogo.getByRole('button', { name: 'Cerrar y dejarlos por fuera' }).click();
    await p.getByText('Periodo cerrado', { exact: true }).waitFor();
    await p.context().close();
  });

  it('el comité descarga el informe trimestral del periodo cerrado: un PDF con el nombre de la entidad', async () => {
    const p = await entrar(e.navegador, PERSONAS.comite.correo);
    await ir(p, 'Tablero');
    // Read on a phone, as committee members often do.
    await p.setViewportSize({ width: 390, height: 844 });
    const informes = p.getByRole('region', { name: 'Informes' });
    const enlace = informes.getByRole('link', { name: /Informe trimestral al CIGD de .*\(PDF\)/ });
    await enlace.waitFor();
    await informes.getByRole('link', { name: /Informe de gestión \d{4} \(PDF\)/ }).waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await revisarPagina(p, '31-informes-tablero');
    const [descarga] = await Promise.all([p.waitForEvent('download'), enlace.click()]);
    expect(descarga.suggestedFilename()).toMatch(new RegExp(`^informe-trimestral-${VIGENCIA}-\\d+\\.pdf$`));
    const pdf = await readFile((await descarga.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const paginas = textoPorPagina(pdf);
    expect(paginas[0]).toContain('E.S.E. Hospital del Ciclo Completo');
    expect(paginas[0]).toContain('Informe trimestral de seguimiento al Comité Institucional');
    await p.context().close();
  });

  it('control interno escribe las conclusiones del seguimiento al PTEP y salen en su PDF', async () => {
    const p = await entrar(e.navegador, PERSONAS.control.correo);
    await ir(p, 'Tablero');
    const informes = p.getByRole('region', { name: 'Informes' });
    await informes.getByLabel('Seguimiento al PTEP').selectOption('1');
    const conclusiones = informes.getByLabel('Conclusiones de control interno del cuatrimestre 1');
    await conclusiones.fill('Las actividades del programa se cumplen según lo previsto en el cuatrimestre.');
    await informes.getByRole('button', { name: 'Guardar conclusiones' }).click();
    await informes.getByText('Conclusiones guardadas').waitFor();
    await revisarPagina(p, '32-conclusiones-ptep');
    const [descarga] = await Promise.all([
      p.waitForEvent('download'),
      informes.getByRole('link', { name: 'Seguimiento al PTEP, cuatrimestre 1 (PDF)' }).click(),
    ]);
    expect(descarga.suggestedFilename()).toBe(`seguimiento-ptep-${VIGENCIA}-1.pdf`);
    const texto = textoPorPagina(await readFile((await descarga.path())!))
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(texto).toContain('E.S.E. Hospital del Ciclo Completo');
    expect(texto).toContain('Las actividades del programa se cumplen según lo previsto en el cuatrimestre.');
    await p.context().close();
  });
});
