import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrasteConBlanco } from '../../core/color.ts';
import { sincronizarCatalogo } from '../../db/catalogo.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

interface Catalogo {
  vigencia: number;
  componentes: unknown[];
  dimensiones: {
    codigo: string;
    color: string;
    politicas: { clave: string; codigoFurag: string; indices: { codigo: string }[] }[];
  }[];
  planesDecreto612: { clave: string; politica: string }[];
}

const catalogo = async (vigencia: number): Promise<Catalogo> =>
  (await t.pedir(null, 'GET', `/api/catalogo?vigencia=${vigencia}`)).json();

describe('integridad del catálogo MIPG', async () => {
  const vigencias = [2024, 2025, 2026];

  it.each(vigencias)(
    'vigencia %i: 3 componentes, 7 dimensiones en orden, 19 políticas, cada una en una sola dimensión',
    async (v) => {
      const c = await catalogo(v);
      expect(c.componentes).toHaveLength(3);
      expect(c.dimensiones.map((d) => d.codigo)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7']);
      const claves = c.dimensiones.flatMap((d) => d.politicas.map((p) => p.clave));
      expect(claves).toHaveLength(19);
      expect(new Set(claves).size).toBe(19);
      for (const d of c.dimensiones) expect(d.politicas.length).toBeGreaterThan(0);
    },
  );

  it.each(vigencias)(
    'vigencia %i: cada índice pertenece a una política y no se repite; 12 planes del Decreto 612',
    async (v) => {
      const c = await catalogo(v);
      const claves = new Set(c.dimensiones.flatMap((d) => d.politicas.map((p) => p.clave)));
      const indices = c.dimensiones.flatMap((d) =>
        d.politicas.flatMap((p) => p.indices.map((i) => i.codigo)),
      );
      expect(new Set(indices).size).toBe(indices.length);
      expect(c.planesDecreto612).toHaveLength(12);
      for (const p of c.planesDecreto612) expect(claves.has(p.politica)).toBe(true);
    },
  );

  it('2025 usa los códigos FURAG POL01…POL19 en orden y los índices I01…I70 con sus vacíos reales', async () => {
    const c = await catalogo(2025);
    const codigos = c.dimensiones.flatMap((d) => d.politicas.map((p) => p.codigoFurag));
    expect(codigos).toEqual(Array.from({ length: 19 }, (_, i) => `POL${String(i + 1).padStart(2, '0')}`));
    const indices = new Set(
      c.dimensiones.flatMap((d) => d.politicas.flatMap((p) => p.indices.map((i) => i.codigo))),
    );
    expect(indices.size).toBe(66);
    for (const hueco of ['I38', 'I39', 'I45', 'I69']) expect(indices.has(hueco)).toBe(false);
    const sinIndices = c.dimensiones
      .flatMap((d) => d.politicas)
      .filter((p) => p.indices.length === 0)
      .map((p) => p.codigoFurag);
    expect(sinIndices).toEqual(['POL03', 'POL04', 'POL06', 'POL14']);
  });

  it('la ubicación de Transparencia es dato de cada vigencia', async () => {
    const dimDe = (c: Catalogo) =>
      c.dimensiones.find((d) => d.politicas.some((p) => p.clave === 'transparencia'))?.codigo;
    expect(dimDe(await catalogo(2025))).toBe('D5');
    expect(dimDe(await catalogo(2024))).toBe('D3');
  });

  it('los colores de las dimensiones permiten texto blanco con contraste AA', async () => {
    for (const d of (await catalogo(2025)).dimensiones)
      expect(contrasteConBlanco(d.color)).toBeGreaterThanOrEqual(4.5);
  });

  it('una vigencia sin catálogo responde 404 en español con las disponibles', async () => {
    const r = await t.pedir(null, 'GET', '/api/catalogo?vigencia=2019');
    expect(r.statusCode).toBe(404);
    expect(r.json().mensaje).toContain('Vigencias disponibles: 2024, 2025, 2026');
  });

  it('una vigencia mal escrita responde 400 nombrando el parámetro', async () => {
    const r = await t.pedir(null, 'GET', '/api/catalogo?vigencia=abc');
    expect(r.statusCode).toBe(400);
    expect(r.json().campos[0].campo).toBe('parámetro vigencia');
  });
});

describe('sincronización del catálogo al arrancar', () => {
  it('sin cambios en el archivo no escribe nada; con cambios lo reescribe entero', async () => {
    const db = t.conexion.db;
    const politicas = async () =>
      (
        (await db.execute(sql`select count(*)::int as n from politica where vigencia = 2026`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    await db.execute(sql`delete from politica where vigencia = 2026 and clave = 'integridad'`);
    await sincronizarCatalogo(db);
    expect(await politicas()).toBe(18); // same file: the start did not touch the tables
    await db.execute(sql`update ajuste_sistema set valor = 'otra' where clave = 'catalogo_sha256'`);
    await sincronizarCatalogo(db);
    expect(await politicas()).toBe(19);
  });
});
