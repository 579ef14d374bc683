// Medición in the browser: the platform's administrator loads the published FURAG results file of two
// vigencias (header on row 3, codes with line breaks, a blank as «no aplica»); the entity is missing from the
// 2024 file, so its planeación types 2024's scores from its results report, on a 390 px phone (a wrong score
// is named at its field first); then it sees its IDI against its grupo par, the IDI and an index year by year
// (the typed year marked as such), its weakest indices and the entities of its department, on a desktop and on
// a phone. Axe on every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Entorno, entrarComo, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
const CLAVE = 'Sibundoy2026x';
const PLANEACION = 'planeacion@furag.example';

// 2024's file does not have the hospital (7001): a third, fictional hospital instead.
const archivo = (vigencia: number, idi: number) =>
  [
    `Resultados FURAG ${vigencia} (archivo sintético de prueba);;;;;;;`,
    ';;;;;;;',
    'Código SIGEP;Entidad;Departamento;Municipio;Grupo par;"Índice de Desempeño\nInstitucional";"D04\nEvaluación de Resultados";I01 Calidad de la planeación',
    vigencia === 2024
      ? '7004;E.S.E. Hospital Ficticio Tres;Cauca;Popayán;ESE GRUPO 1;55;50;45'
      : `7001;E.S.E. Hospital Sintético del Valle de Sibundoy;Putumayo;Sibundoy;ESE GRUPO 1;${idi};55,5;40`,
    '7002;E.S.E. Hospital Ficticio Uno;Putumayo;Mocoa;ESE GRUPO 1;50;45;',
    '7003;E.S.E. Hospital Ficticio Dos;Nariño;Pasto;ESE GRUPO 1;70;65;60',
  ].join('\r\n');

beforeAll(async () => {
  e = await iniciarEntorno();
  const admin = await sesionApi(e.url, ADMIN.correo, ADMIN.clave);
  const { id } = await admin<{ id: string }>('POST', '/api/entidades', {
    nombre: 'E.S.E. Hospital Sintético del Valle de Sibundoy',
    nit: '846000253-6',
    departamento: 'Putumayo',
    codigoSigep: '7001',
  });
  const r = await admin<{ enlaceClave: string }>('POST', `/api/entidades/${id}/usuarios`, {
    nombre: 'Jorge Planeación',
    correo: PLANEACION,
    roles: ['planeacion'],
  });
  const definida = await fetch(`${e.url}/api/auth/definir-clave`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: new URL(r.enlaceClave, e.url).searchParams.get('token'), clave: CLAVE }),
  });
  if (definida.status !== 204) throw new Error(`definir la clave: ${definida.status}`);
});
afterAll(() => e?.cerrar());

describe('resultados FURAG', () => {
  it('el administrador de la plataforma carga el archivo nacional de dos vigencias', async () => {
    const p = await entrarComo(e.navegador, e.url, ADMIN.correo, ADMIN.clave);
    await p.goto(`${e.url}/furag`);
    for (const [vigencia, idi] of [
      [2024, 52],
      [2025, 60],
    ] as const) {
      await p.getByLabel('Vigencia de los resultados').fill(String(vigencia));
      await p.locator('input[type=file]').setInputFiles({
        name: `resultados-${vigencia}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(archivo(vigencia, idi)),
      });
      await p.getByRole('button', { name: 'Cargar resultados' }).click();
      await p.getByText('Se cargaron los resultados de 3 entidades con 3 columnas de puntajes.').waitFor();
    }
    await revisarPagina(p, 'furag-carga');
    await p.context().close();
  });

  it('sin su fila en el archivo de 2024, planeación digita en el teléfono los puntajes de su informe y los ve marcados como digitados', async () => {
    const p = await entrarComo(e.navegador, e.url, PLANEACION, CLAVE, 390);
    await p.goto(`${e.url}/furag?medicion=2024`);
    await p.getByText('Sin resultados para esta entidad').waitFor();
    await p.getByRole('button', { name: 'Digitar puntajes de una vigencia' }).click();
    const idi = p.getByRole('textbox', { name: 'IDI Índice de Desempeño Institucional' });
    await idi.waitFor();
    expect(await p.getByLabel('Vigencia de los puntajes').inputValue()).toBe('2024');
    // Every field starts empty (no aplica), never zero.
    expect(await p.getByRole('textbox', { name: 'D4 Evaluación de Resultados' }).inputValue()).toBe('');
    await idi.fill('150');
    const guardar = p.getByRole('button', { name: 'Guardar los puntajes de 2024' });
    await guardar.click();
    await p
      .getByRole('alert')
      .getByText('IDI Índice de Desempeño Institucional: El puntaje debe estar entre 0 y 100')
      .waitFor();
    expect(await idi.getAttribute('aria-invalid')).toBe('true');
    await revisarPagina(p, 'furag-digitar-error-390');
    await idi.fill('52');
    await p.getByRole('textbox', { name: 'D4 Evaluación de Resultados' }).fill('50,5');
    await p.getByRole('textbox', { name: /^I01 / }).fill('38');
    await p.getByRole('textbox', { name: 'Grupo par (como lo escribe el informe)' }).fill('ESE GRUPO 1');
    await guardar.click();
    await p.getByText('Se guardaron los puntajes de 2024, marcados como digitados por la entidad.').waitFor();
    await p.getByRole('heading', { name: 'Índice de Desempeño Institucional 2024' }).waitFor();
    const main = p.locator('main');
    await p.getByText('Puntajes digitados por la entidad').waitFor();
    expect(await main.textContent()).toContain('Sin ese archivo no hay comparación con el grupo par');
    expect(await main.textContent()).toContain('Grupo par según el informe: ESE GRUPO 1.');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await revisarPagina(p, 'furag-digitados-390');
    // In the history, beside the official 2025: the IDI and the index I01, the typed year marked as such.
    await p.getByLabel('Vigencia de los resultados').selectOption('2025');
    await p.getByRole('heading', { name: 'Índice de Desempeño Institucional 2025' }).waitFor();
    const historia = p.getByRole('region', { name: 'IDI por vigencia frente al grupo par' });
    await expect.poll(() => historia.textContent()).toContain('Digitado por la entidad');
    expect(await historia.textContent()).toMatch(/2024\s*52/);
    const indice = p.getByRole('region', { name: 'I01 por vigencia' });
    // The index shown first is the first with more than one year: I01.
    expect(await p.getByLabel('Índice', { exact: true }).inputValue()).toMatch(/^I01-/);
    expect(await indice.textContent()).toMatch(/2024\s*I01\s*38.*Digitado por la entidad/);
    expect(await indice.textContent()).toMatch(/2025\s*I01\s*40.*Archivo oficial/);
    await revisarPagina(p, 'furag-historia-digitada-390');
    await p.context().close();
  });

  it('planeación ve su IDI frente al grupo par, su historia, el índice más débil y su departamento', async () => {
    for (const ancho of [1280, 390]) {
      const p = await entrarComo(e.navegador, e.url, PLANEACION, CLAVE, ancho);
      if (ancho < 600) await p.getByRole('button', { name: 'Menú de secciones' }).click();
      await p
        .getByRole('navigation', { name: 'Secciones' })
        .getByRole('link', { name: 'Resultados FURAG' })
        .click();
      await p.getByRole('heading', { name: 'Índice de Desempeño Institucional 2025' }).waitFor();
      const main = p.locator('main');
      await expect
        .poll(() => main.textContent())
        .toContain('la entidad ocupa el puesto 2 de 3 (quintil 3 de 5)');
      // The IDI year by year, and the one weak index (I01 is blank for another entity, not zero).
      await p.getByRole('heading', { name: 'El IDI año a año' }).waitFor();
      expect(await main.textContent()).toMatch(/I01 [^:]+: 40 \(promedio del grupo par 50\)/);
      await p.getByText('Comparar con las entidades del mismo departamento en el archivo oficial').click();
      await p.getByText('E.S.E. Hospital Ficticio Uno').first().waitFor();
      expect(await main.textContent()).not.toContain('Hospital Ficticio Dos'); // Nariño
      await revisarPagina(p, `furag-entidad-${ancho}`);
      // The earlier vigencia, from the address.
      await p.getByLabel('Vigencia de los resultados').selectOption('2024');
      await p.getByRole('heading', { name: 'Índice de Desempeño Institucional 2024' }).waitFor();
      expect(p.url()).toContain('medicion=2024');
      await p.context().close();
    }
  });
});
