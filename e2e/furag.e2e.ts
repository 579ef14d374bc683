// Medición in the browser: the platform's administrator loads the published FURAG results file of two
// vigencias (header on row 3, codes with line breaks, a blank as «no aplica»); the entity's planeación sees
// its IDI against its grupo par, the IDI year by year, its weakest indices and the entities of its department,
// on a desktop and on a 390 px phone. Axe on every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Entorno, entrarComo, iniciarEntorno, revisarPagina, sesionApi } from './entorno.ts';

let e: Entorno;
const CLAVE = 'Sibundoy2026x';
const PLANEACION = 'planeacion@furag.example';

const archivo = (vigencia: number, idi: number) =>
  [
    `Resultados FURAG ${vigencia} (archivo sintético de prueba);;;;;;;`,
    ';;;;;;;',
    'Código SIGEP;Entidad;Departamento;Municipio;Grupo par;"Índice de Desempeño\nInstitucional";"D04\nEvaluación de Resultados";I01 Calidad de la planeación',
    `7001;E.S.E. Hospital Sintético del Valle de Sibundoy;Putumayo;Sibundoy;ESE GRUPO 1;${idi};55,5;40`,
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
