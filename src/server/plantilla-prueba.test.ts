import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { conectar, filas } from '../db/client.ts';
import { asegurarPlantillaPglite, huellaPlantilla, plantillaPglite, SEMILLA } from './plantilla-prueba.ts';
import { type AppPrueba, crearAppPrueba } from './prueba.ts';
import { CARPETA_MIGRACIONES, RAIZ } from './rutas.ts';

const esPostgres = process.env.MIPG_TEST_DB === 'postgres';

describe('cada archivo de prueba parte de una copia de la plantilla', () => {
  let a: AppPrueba;
  let b: AppPrueba;
  beforeAll(async () => {
    [a, b] = await Promise.all([crearAppPrueba(), crearAppPrueba()]);
  });
  afterAll(async () => {
    await Promise.all([a?.cerrar(), b?.cerrar()]);
  });

  it('las dos bases vienen de la plantilla de esta corrida, con migraciones y catálogo', async () => {
    if (esPostgres) {
      const { plantilla, prefijo } = inject('plantillaPostgres')!;
      expect(a.plantilla).toBe(plantilla);
      const nombres = await Promise.all(
        [a, b].map(
          async (t) =>
            (await filas<{ db: string }>(t.conexion.db, sql`select current_database() as db`))[0]!.db,
        ),
      );
      expect(nombres[0]).not.toBe(nombres[1]);
      for (const n of nombres) expect(n.startsWith(prefijo)).toBe(true);
    } else {
      expect(a.plantilla).toBe(await asegurarPlantillaPglite());
    }
    // A copied database keeps the template's object ids (PostgreSQL) and its cluster's identity (PGlite's
    // initdb draws a new one each time): migrating each base on its own would give neither.
    const identidad = async (t: AppPrueba) =>
      (
        await filas<{ id: string }>(
          t.conexion.db,
          esPostgres
            ? sql`select oid::text as id from pg_class where relname = 'usuario'`
            : sql`select system_identifier::text as id from pg_control_system()`,
        )
      )[0]!.id;
    expect(await identidad(a)).toBe(await identidad(b));
    for (const t of [a, b]) {
      const r = await t.pedir(t.admin, 'GET', '/api/catalogo?vigencia=2025');
      expect(r.statusCode).toBe(200);
      expect(r.json().dimensiones.length).toBeGreaterThan(0);
    }
  });

  it('lo que escribe una no lo ve la otra', async () => {
    const id = await a.crearEntidad('Alcaldía de Sibundoy', '846000253-6');
    const listaB = await b.exigir(200, b.admin, 'GET', '/api/entidades');
    expect(listaB.map((e: { id: string }) => e.id)).not.toContain(id);
    // The same NIT is free in the other one.
    const idB = await b.crearEntidad('Alcaldía de Sibundoy', '846000253-6');
    expect((await a.exigir(200, a.admin, 'GET', '/api/entidades')).length).toBe(1);
    expect((await b.exigir(200, b.admin, 'GET', '/api/entidades')).length).toBe(1);
    await b.exigir(200, b.admin, 'GET', `/api/entidades/${idB}`);
    await b.exigir(404, b.admin, 'GET', `/api/entidades/${id}`);
  });

  it('exigir falla con la ruta, el estado esperado y la respuesta', async () => {
    await expect(a.exigir(201, a.admin, 'GET', '/api/nada')).rejects.toThrow(
      /GET \/api\/nada: se esperaba 201 y llegó 404 .*no existe/,
    );
  });
});

describe.skipIf(esPostgres)('la plantilla de PGlite sigue al código', () => {
  let carpeta: string;
  beforeAll(() => {
    carpeta = mkdtempSync(join(tmpdir(), 'mipg-prueba-plantilla-'));
  });
  afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

  it('una migración nueva cambia la huella y la plantilla se construye otra vez, con ella', async () => {
    const migraciones = join(carpeta, 'migraciones');
    const cache = join(carpeta, 'cache');
    cpSync(CARPETA_MIGRACIONES, migraciones, { recursive: true });
    // The same files elsewhere give the same key: the cached template serves, nothing is built.
    const huella = huellaPlantilla({ carpetaMigraciones: migraciones });
    expect(huella).toBe(huellaPlantilla());
    const vigente = await asegurarPlantillaPglite();
    mkdirSync(cache);
    copyFileSync(vigente, join(cache, `pglite-${huella}.tar`));
    const copiada = statSync(join(cache, `pglite-${huella}.tar`)).mtimeMs;
    expect(await asegurarPlantillaPglite({ carpetaMigraciones: migraciones, carpetaCache: cache })).toBe(
      join(cache, `pglite-${huella}.tar`),
    );
    expect(statSync(join(cache, `pglite-${huella}.tar`)).mtimeMs).toBe(copiada);

    const diario = join(migraciones, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(diario, 'utf8'));
    const ultima = journal.entries.at(-1);
    journal.entries.push({
      ...ultima,
      idx: ultima.idx + 1,
      when: ultima.when + 1,
      tag: '9999_prueba_plantilla',
    });
    writeFileSync(diario, JSON.stringify(journal));
    writeFileSync(join(migraciones, '9999_prueba_plantilla.sql'), 'create table prueba_plantilla (n int);');

    const nueva = huellaPlantilla({ carpetaMigraciones: migraciones });
    expect(nueva).not.toBe(huella);
    const archivo = await asegurarPlantillaPglite({ carpetaMigraciones: migraciones, carpetaCache: cache });
    expect(archivo).toBe(join(cache, `pglite-${nueva}.tar`));
    const conexion = await conectar({
      plantilla: await plantillaPglite({ carpetaMigraciones: migraciones, carpetaCache: cache }),
    });
    try {
      const [fila] = await filas<{ tabla: string | null }>(
        conexion.db,
        sql`select to_regclass('prueba_plantilla')::text as tabla`,
      );
      expect(fila!.tabla).toBe('prueba_plantilla');
    } finally {
      await conexion.cerrar();
    }
    // The template of the other code is still there for its own runs.
    expect(statSync(join(cache, `pglite-${huella}.tar`)).mtimeMs).toBe(copiada);
  }, 180_000);

  it('cualquier archivo nuevo de migraciones, o un cambio en la semilla, también cambian la huella', () => {
    expect(huellaPlantilla()).toMatch(/^[0-9a-f]{20}$/);
    const migraciones = join(carpeta, 'otras-migraciones');
    cpSync(CARPETA_MIGRACIONES, migraciones, { recursive: true });
    writeFileSync(join(migraciones, 'nota.txt'), 'cualquier cosa');
    expect(huellaPlantilla({ carpetaMigraciones: migraciones })).not.toBe(huellaPlantilla());

    const raiz = join(carpeta, 'raiz');
    for (const f of SEMILLA) cpSync(join(RAIZ, f), join(raiz, f), { recursive: true });
    const antes = huellaPlantilla({ raiz });
    const catalogo = join(raiz, 'src', 'db', 'catalogo', 'mipg.json');
    writeFileSync(catalogo, readFileSync(catalogo, 'utf8').replace('Talento', 'Talentos'));
    expect(huellaPlantilla({ raiz })).not.toBe(antes);
  });
});
