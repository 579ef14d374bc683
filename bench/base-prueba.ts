// `node --import tsx bench/base-prueba.ts [veces]`: what each test file pays for its database, before (initdb,
// every migration and the catalog) and after (a copy of the template, src/server/plantilla-prueba.ts),
// alternated in the same run; with TEST_DATABASE_URL, also in PostgreSQL (CREATE DATABASE + migrate + seed
// against CREATE DATABASE … TEMPLATE). Prints the medians and their ratio.
import { randomBytes } from 'node:crypto';
import { sincronizarCatalogo } from '../src/db/catalogo.ts';
import { type Conexion, conectar } from '../src/db/client.ts';
import {
  asegurarPlantillaPglite,
  borrarBasesPostgres,
  crearBaseDesdePlantilla,
  crearPlantillaPostgres,
  plantillaPglite,
  urlDe,
} from '../src/server/plantilla-prueba.ts';

const VECES = Number(process.argv[2] ?? 5);
const mediana = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Alternates both ways of getting a ready database, so the machine's load falls on both alike. */
async function comparar(que: string, antes: () => Promise<unknown>, despues: () => Promise<unknown>) {
  const t: { antes: number[]; despues: number[] } = { antes: [], despues: [] };
  for (let i = 0; i < VECES; i++)
    for (const [lado, fn] of [
      ['antes', antes],
      ['despues', despues],
    ] as const) {
      const t0 = performance.now();
      await fn();
      t[lado].push(performance.now() - t0);
    }
  const [a, d] = [mediana(t.antes), mediana(t.despues)];
  console.log(
    `${que}: antes ${s(a)}, con plantilla ${s(d)} (mediana de ${VECES}) → ${(a / d).toFixed(1)} veces más rápido`,
  );
}

const usar = async (conexion: Conexion) => {
  await sincronizarCatalogo(conexion.db);
  await conexion.cerrar();
};

let t0 = performance.now();
const archivo = await asegurarPlantillaPglite();
console.log(`Plantilla PGlite lista en ${s(performance.now() - t0)}: ${archivo}`);
await comparar(
  'PGlite, base de cada archivo de prueba',
  async () => usar(await conectar({})),
  async () => usar(await conectar({ plantilla: await plantillaPglite() })),
);

const servidor = process.env.TEST_DATABASE_URL;
if (servidor) {
  t0 = performance.now();
  const plantilla = await crearPlantillaPostgres(servidor);
  console.log(`Plantilla PostgreSQL lista en ${s(performance.now() - t0)}: ${plantilla.plantilla}`);
  const pg = await import('pg');
  try {
    await comparar(
      'PostgreSQL, base de cada archivo de prueba',
      async () => {
        const nombre = `${plantilla.prefijo}${randomBytes(6).toString('hex')}`;
        const c = new pg.default.Client({ connectionString: servidor });
        await c.connect();
        await c.query(`create database ${nombre}`);
        await c.end();
        await usar(await conectar({ databaseUrl: urlDe(servidor, nombre) }));
      },
      async () =>
        usar(
          await conectar({
            databaseUrl: urlDe(servidor, await crearBaseDesdePlantilla(servidor, plantilla)),
          }),
        ),
    );
  } finally {
    await borrarBasesPostgres(servidor, plantilla);
  }
}
