import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { construirApp } from '../server/app.ts';
import { plantillaPglite } from '../server/plantilla-prueba.ts';
import { type Conexion, conectar, filas } from './client.ts';
import { ColaPrioridad, conPrioridad, esPrioritario, poolEnCola } from './prioridad.ts';

const esPglite = process.env.MIPG_TEST_DB !== 'postgres';
const LECTURA = sql`select count(*)::int as n from generate_series(1, 20000)`;

/** Completion order of 100 reads and one transaction queued after them. */
async function ordenDeLlegada(db: Conexion['db']) {
  await db.execute(sql`create table if not exists prueba_cola (n int)`);
  const orden: string[] = [];
  const lecturas = Array.from({ length: 100 }, (_, i) =>
    db.execute(LECTURA).then(() => orden.push(`lectura ${i}`)),
  );
  const escritura = conPrioridad(() =>
    db.transaction(async (tx) => {
      await tx.execute(sql`insert into prueba_cola values (1)`);
    }),
  ).then(() => orden.push('escritura'));
  await Promise.all([...lecturas, escritura]);
  return orden.indexOf('escritura');
}

describe.skipIf(!esPglite)('escrituras antes que lecturas en PGlite', () => {
  let con: Conexion;
  let sin: Conexion;
  beforeAll(async () => {
    con = await conectar({ prioridad: true, plantilla: await plantillaPglite() });
    sin = await conectar({ prioridad: false, plantilla: await plantillaPglite() });
  }, 180_000);
  afterAll(async () => {
    await con.cerrar();
    await sin.cerrar();
  });

  it('una escritura encolada detrás de 100 lecturas termina antes que ellas (sin la cola, de última)', async () => {
    // Only the read already running when the write arrived goes before it.
    expect(await ordenDeLlegada(con.db)).toBeLessThanOrEqual(1);
    expect(await ordenDeLlegada(sin.db)).toBe(100);
  });

  it('una transacción sigue siendo atómica: las lecturas no ven la mitad y un error la deshace entera', async () => {
    const db = con.db;
    await db.execute(sql`create table if not exists prueba_atomica (n int)`);
    const contar = async () =>
      (await filas<{ n: number }>(db, sql`select count(*)::int as n from prueba_atomica`))[0]!.n;
    const vistos: number[] = [];
    let lecturas: Promise<unknown>[] = [];
    const tx = db.transaction(async (t) => {
      await t.execute(sql`insert into prueba_atomica values (1)`);
      // Reads issued in the middle of the transaction wait for it.
      lecturas = Array.from({ length: 5 }, () => contar().then((n) => vistos.push(n)));
      await new Promise((r) => setTimeout(r, 20));
      await t.execute(sql`insert into prueba_atomica values (2)`);
    });
    await tx;
    await Promise.all(lecturas);
    expect(vistos).toEqual([2, 2, 2, 2, 2]);

    await expect(
      db.transaction(async (t) => {
        await t.execute(sql`insert into prueba_atomica values (3)`);
        await t.execute(sql`insert into tabla_que_no_existe values (4)`);
      }),
    ).rejects.toThrow();
    expect(await contar()).toBe(2);
  });

  it('lo escrito se lee enseguida, aunque haya lecturas encoladas de antes', async () => {
    const db = con.db;
    await db.execute(sql`create table if not exists prueba_ryw (n int)`);
    const antes = Array.from({ length: 30 }, () => db.execute(LECTURA));
    await conPrioridad(() => db.execute(sql`insert into prueba_ryw values (7)`));
    const [fila] = await filas<{ n: number }>(db, sql`select n from prueba_ryw`);
    expect(fila!.n).toBe(7);
    await Promise.all(antes);
  });

  it('las solicitudes que escriben llevan la prioridad hasta el manejador, también después de leer el cuerpo', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mipg-prioridad-'));
    const conexion = con;
    const app = await construirApp({ conexion, dataDir });
    const ruta = { config: { acceso: 'publico' as const } };
    app.get('/api/prueba/prioridad', ruta, async () => ({ prioritario: esPrioritario() }));
    app.post('/api/prueba/prioridad', ruta, async () => {
      await conexion.db.execute(sql`select 1`);
      return { prioritario: esPrioritario() };
    });
    try {
      // Over a real socket: the body arrives in chunks, on the connection's own async context.
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const get = await fetch(`${base}/api/prueba/prioridad`);
      expect(await get.json()).toEqual({ prioritario: false });
      const post = await fetch(`${base}/api/prueba/prioridad`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ texto: 'x'.repeat(500_000) }),
      });
      expect(await post.json()).toEqual({ prioritario: true });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('cola con prioridad', () => {
  const paso = () => new Promise<void>((r) => setTimeout(r, 1));

  it('ninguna lectura espera más de 8 operaciones prioritarias seguidas (no hay inanición)', async () => {
    const cola = new ColaPrioridad({ maxSeguidas: 8 });
    const orden: string[] = [];
    const op = (nombre: string, alta: boolean) =>
      cola.ejecutar(alta, async () => {
        await paso();
        orden.push(nombre);
      });
    const todas = [op('primera', false), op('lectura', false)];
    for (let i = 0; i < 30; i++) todas.push(op(`escritura ${i}`, true));
    await Promise.all(todas);
    expect(orden.indexOf('lectura')).toBe(1 + 8);
    expect(orden).toHaveLength(32);
  });

  it('un error de una operación no bloquea la cola', async () => {
    const cola = new ColaPrioridad();
    await expect(cola.ejecutar(true, () => Promise.reject(new Error('falla')))).rejects.toThrow('falla');
    expect(await cola.ejecutar(false, async () => 'sigue')).toBe('sigue');
    expect(cola.esperando).toBe(0);
  });

  it('delante del pool de PostgreSQL: una transacción ocupa su plaza hasta soltar la conexión, y pasa antes que las lecturas', async () => {
    const cola = new ColaPrioridad({ plazas: 2 });
    const orden: string[] = [];
    const falso = {
      query: async (que: string) => {
        await paso();
        orden.push(que);
      },
      connect: async () => ({ release: () => orden.push('soltada') }),
    };
    const pool = poolEnCola(falso, cola);
    const t1 = await pool.connect();
    const t2 = await pool.connect();
    const lectura = pool.query('lectura');
    const t3 = pool.connect().then((c) => {
      orden.push('transacción');
      return c;
    });
    await paso();
    expect(orden).toEqual([]); // both places taken
    t1.release();
    t1.release(); // a second release gives no second place back
    const c3 = await t3;
    await paso();
    await paso();
    // The transaction went before the read, which still waits: t2 and t3 hold both places.
    expect(orden).toEqual(['soltada', 'soltada', 'transacción']);
    c3.release();
    await lectura;
    t2.release();
    expect(orden).toEqual(['soltada', 'soltada', 'transacción', 'soltada', 'lectura', 'soltada']);
  });

  it('con una plaza reservada, las lecturas no ocupan la última: una escritura que llega la toma enseguida', async () => {
    const cola = new ColaPrioridad({ plazas: 3, reservadas: 1 });
    const devolver = [await cola.tomar(false), await cola.tomar(false)];
    let leyo = false;
    const lectura = cola.tomar(false).then((d) => {
      leyo = true;
      return d;
    });
    await paso();
    expect(leyo).toBe(false); // the third place is kept for writes
    const escritura = await cola.tomar(true); // at once, with a read waiting
    escritura();
    await paso();
    expect(leyo).toBe(false);
    devolver[0]!();
    (await lectura)();
    devolver[1]!();
    expect(leyo).toBe(true);
  });
});
