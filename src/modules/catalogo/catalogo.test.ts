import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrasteConBlanco } from '../../core/color.ts';
import { problemasEquivalencias } from '../../core/furag-equivalencias.ts';
import { sincronizarCatalogo } from '../../db/catalogo.ts';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

interface Catalogo {
  vigencia: number;
  fuente: string;
  equivalencias: Record<string, string | null>;
  componentes: unknown[];
  dimensiones: {
    codigo: string;
    nombre: string;
    color: string;
    politicas: {
      clave: string;
      nombre: string;
      codigoFurag: string;
      formularios: string[];
      indices: { codigo: string; nombre: string; descripcion: string }[];
    }[];
  }[];
  planesDecreto612: { clave: string; politica: string; politicas: string[]; sigla: string | null }[];
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
      for (const p of c.planesDecreto612) {
        expect(p.politicas.length).toBeGreaterThan(0);
        expect(p.politica).toBe(p.politicas[0]);
        for (const pol of p.politicas) expect(claves.has(pol)).toBe(true);
      }
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

  it.each(vigencias)(
    'vigencia %i: Transparencia (POL15) sigue en la dimensión 5 — ninguna tabla oficial la mueve — y la fuente está escrita',
    async (v) => {
      const c = await catalogo(v);
      const d = c.dimensiones.find((x) => x.politicas.some((p) => p.clave === 'transparencia'));
      expect(d?.codigo).toBe('D5');
      expect(d?.politicas.find((p) => p.clave === 'transparencia')?.codigoFurag).toBe('POL15');
      expect(c.fuente.length).toBeGreaterThan(20);
    },
  );

  it.each(vigencias)(
    'vigencia %i: su mapa de equivalencias de códigos de índices frente al año anterior es coherente con el catálogo',
    async (v) => {
      const codigos = async (vigencia: number) => {
        const c = await catalogo(vigencia);
        return new Set(
          c.dimensiones.flatMap((d) => d.politicas.flatMap((p) => p.indices.map((i) => i.codigo))),
        );
      };
      const c = await catalogo(v);
      const anterior = vigencias.includes(v - 1) ? await codigos(v - 1) : null;
      expect(problemasEquivalencias(v, c.equivalencias, await codigos(v), anterior)).toEqual([]);
    },
  );

  it('2024 no tiene tabla oficial en el proyecto y lo dice; 2026 hereda 2025 y lo dice', async () => {
    expect((await catalogo(2024)).fuente).toMatch(/Sin tabla oficial de 2024.*verificar/);
    expect((await catalogo(2026)).fuente).toMatch(/igual a la vigencia 2025.*verificar/);
  });

  it('las etiquetas oficiales cambian por vigencia: 2025 y 2026 usan las de la tabla FURAG 2025, 2024 las del manual v5', async () => {
    const nombres = (c: Catalogo) => ({
      d3: c.dimensiones.find((d) => d.codigo === 'D3')?.nombre,
      servicio: c.dimensiones.flatMap((d) => d.politicas).find((p) => p.clave === 'servicio_ciudadano')
        ?.nombre,
    });
    const nuevas = { d3: 'Gestión para Resultados con Valores', servicio: 'Servicio a las Ciudadanías' };
    expect(nombres(await catalogo(2025))).toEqual(nuevas);
    expect(nombres(await catalogo(2026))).toEqual(nuevas);
    expect(nombres(await catalogo(2024))).toEqual({
      d3: 'Gestión con Valores para Resultados',
      servicio: 'Servicio al Ciudadano',
    });
  });

  it('cada índice trae su nombre completo y una descripción (I29, I37 como los nombra FURAG)', async () => {
    const indices = new Map(
      (await catalogo(2025)).dimensiones
        .flatMap((d) => d.politicas.flatMap((p) => p.indices))
        .map((i) => [i.codigo, i]),
    );
    expect(indices.get('I29')?.nombre).toBe('Gestión del conocimiento');
    expect(indices.get('I37')?.nombre).toBe('Accesibilidad para personas con discapacidad');
    for (const i of indices.values()) {
      expect(i.nombre.length, i.codigo).toBeGreaterThan(5);
      expect(i.descripcion.length, i.codigo).toBeGreaterThan(30);
    }
  });

  it('cada plan del Decreto 612 enlaza todas sus políticas', async () => {
    const planes = new Map((await catalogo(2025)).planesDecreto612.map((p) => [p.clave, p.politicas]));
    expect(planes.get('transparencia_etica')).toEqual([
      'transparencia',
      'integridad',
      'participacion_ciudadana',
    ]);
    expect(planes.get('adquisiciones')).toEqual(['compras_contratacion', 'gestion_presupuestal']);
    expect(planes.get('riesgos_seguridad_informacion')).toEqual(['seguridad_digital', 'gobierno_digital']);
    expect(planes.get('seguridad_privacidad')).toEqual(['seguridad_digital', 'gobierno_digital']);
    expect(planes.get('pinar')).toEqual(['gestion_documental']);
    const siglas = (await catalogo(2025)).planesDecreto612.filter((p) => p.sigla).map((p) => p.sigla);
    expect(siglas).toEqual(['PINAR', 'PAA', 'PIC', 'SST', 'PTEP', 'PETI']);
  });

  it.each(vigencias)(
    'vigencia %i: solo Control Interno está en el formulario MECI; todas en el MIPG',
    async (v) => {
      const politicas = (await catalogo(v)).dimensiones.flatMap((d) => d.politicas);
      expect(politicas.filter((p) => p.formularios.includes('MECI')).map((p) => p.codigoFurag)).toEqual([
        'POL19',
      ]);
      expect(politicas.every((p) => p.formularios.includes('MIPG'))).toBe(true);
    },
  );

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
