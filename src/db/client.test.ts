import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BasePrueba, crearBasePrueba } from '../server/prueba.ts';
import { filas } from './client.ts';

describe.skipIf(process.env.MIPG_TEST_DB !== 'postgres')('conexión con PostgreSQL', () => {
  let base: BasePrueba;
  beforeAll(async () => {
    base = await crearBasePrueba();
  });
  afterAll(() => base.cerrar());

  it('sobrevive a que el servidor corte las conexiones (reinicio, conmutación)', async () => {
    const [yo] = await filas<{ db: string }>(base.conexion.db, sql`select current_database() as db`);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [yo!.db],
    );
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    const [r] = await filas<{ uno: number }>(base.conexion.db, sql`select 1 as uno`);
    expect(r!.uno).toBe(1);
  });
});
