import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESQUEMAS, ESQUEMAS_PERIODOS } from '../core/periodos.ts';
import { type BasePrueba, crearBasePrueba } from '../server/prueba.ts';
import { filas } from './client.ts';
import * as schema from './schema.ts';

let b: BasePrueba;
beforeAll(async () => {
  b = await crearBasePrueba();
});
afterAll(() => b.cerrar());

// Every column typed with a closed list of core (`text(…, { enum })` in schema.ts) has a CHECK in the database
// that admits exactly that list: found from the schema itself, so a new typed column without its CHECK fails here.
const COLUMNAS_CON_LISTA = (Object.values(schema) as unknown[])
  .filter((x): x is PgTable => is(x, PgTable))
  .flatMap((tabla) => {
    const { name, columns } = getTableConfig(tabla);
    return columns
      .filter((c) => c.enumValues?.length)
      .map((c) => [name, c.name, c.enumValues as readonly string[]] as const);
  });

describe('los estados son listas cerradas de punta a punta', () => {
  it('la lista de esquemas de periodos es la de ESQUEMAS', () => {
    expect([...ESQUEMAS_PERIODOS].sort()).toEqual(Object.keys(ESQUEMAS).sort());
  });

  it('el esquema tiene columnas con listas cerradas (la prueba de abajo no está vacía)', () => {
    expect(COLUMNAS_CON_LISTA.length).toBeGreaterThanOrEqual(30);
  });

  it.each(COLUMNAS_CON_LISTA)(
    '%s.%s admite exactamente la lista de core',
    async (tabla, columna, valores) => {
      const definiciones = await filas<{ def: string }>(
        b.conexion.db,
        sql`select pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_class t on t.oid = c.conrelid
          where t.relname = ${tabla} and c.contype = 'c'`,
      );
      const suya = definiciones
        .map((d) => d.def)
        .find((d) => new RegExp(`\\b${columna}\\b`).test(d) && d.includes("'"));
      expect(suya, `falta el CHECK de ${tabla}.${columna}`).toBeDefined();
      // PostgreSQL writes the list back as ARRAY['a'::text, …] or as ('a'::text, …): take the quoted words.
      const enBase = [...suya!.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      expect(enBase.sort()).toEqual([...valores].sort());
    },
  );

  it('la base rechaza un estado que el código no conoce', async () => {
    const [e] = await filas<{ id: string }>(
      b.conexion.db,
      sql`insert into entidad (nombre, nit, dv) values ('Entidad de prueba', '846000253', 6) returning id`,
    );
    const error = await filas(
      b.conexion.db,
      sql`insert into plan_accion (entidad_id, vigencia, estado) values (${e!.id}, 2026, 'inventado')`,
    ).catch((x: unknown) => x);
    const codigo =
      (error as { code?: string; cause?: { code?: string } }).cause?.code ??
      (error as { code?: string }).code;
    expect(codigo).toBe('23514');
  });
});
