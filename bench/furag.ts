// `npm run bench:furag`: the national FURAG results file — 6.000 entities × 120 score columns in 30 grupos
// par — uploaded as the platform's administrator uploads it (CSV through the API: read, validated, stored
// all or nothing), then one entity's reading against its grupo par. Each figure against a baseline of the
// same run: the same upload of a tenth of the file (does the time grow linearly?), and the heap after the
// small and the large upload (does memory stay flat?). PGlite always; PostgreSQL too with TEST_DATABASE_URL.
//   Meta (issue 10): < 30 s for the national file, with flat memory.
import { eq } from 'drizzle-orm';
import { entidad } from '../src/db/schema.ts';
import { crearAppPrueba } from '../src/server/prueba.ts';
import { f } from './comun.ts';

const GRUPOS = 30;
const MEDICIONES = [
  'IDI Índice de Desempeño Institucional',
  ...Array.from({ length: 7 }, (_, i) => `D${i + 1} Dimensión ${i + 1}`),
  ...Array.from({ length: 19 }, (_, i) => `POL${String(i + 1).padStart(2, '0')} Política ${i + 1}`),
  ...Array.from({ length: 93 }, (_, i) => `I${String(i + 1).padStart(2, '0')} Índice número ${i + 1}`),
];

/** The file as Excel in Colombia saves it: title rows, «;», decimal commas, a few blanks («no aplica»). */
function archivo(entidades: number) {
  const lineas = [
    'Resultados FURAG (archivo sintético del banco de pruebas);;',
    ';;',
    [
      'Código SIGEP',
      'Entidad',
      'Departamento',
      'Municipio',
      'Tipo de formulario',
      'Grupo par',
      ...MEDICIONES,
    ].join(';'),
  ];
  let x = 12345;
  const azar = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  for (let i = 0; i < entidades; i++) {
    const puntajes = MEDICIONES.map(() =>
      azar() < 0.05 ? '' : (20 + azar() * 80).toFixed(1).replace('.', ','),
    );
    lineas.push(
      [
        String(5_000_000 + i),
        `Entidad ficticia número ${i + 1}`,
        'Putumayo',
        'Mocoa',
        'MIPG',
        `GRUPO ${i % GRUPOS}`,
        ...puntajes,
      ].join(';'),
    );
  }
  return Buffer.from(lineas.join('\r\n'));
}

const mb = (bytes: number) => `${f(bytes / 1024 / 1024, 0)} MB`;

async function medir(base: 'pglite' | 'postgres') {
  if (base === 'postgres') process.env.MIPG_TEST_DB = 'postgres';
  else delete process.env.MIPG_TEST_DB;
  const t = await crearAppPrueba();
  try {
    const subir = async (contenido: Buffer, vigencia: number) => {
      const t0 = performance.now();
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/furag/resultados/import?vigencia=${vigencia}`,
        headers: { cookie: t.admin.cookie, 'x-csrf-token': t.admin.csrf, 'content-type': 'text/csv' },
        payload: contenido,
      });
      if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body.slice(0, 300)}`);
      return performance.now() - t0;
    };
    const pequeno = archivo(600);
    const nacional = archivo(6000);
    globalThis.gc?.();
    const heapInicio = process.memoryUsage().heapUsed;
    const tPequeno = await subir(pequeno, 2023);
    globalThis.gc?.();
    const heapPequeno = process.memoryUsage().heapUsed;
    const tNacional = await subir(nacional, 2024);
    const tOtraVez = await subir(nacional, 2024); // replaces the vigencia's load
    globalThis.gc?.();
    const heapNacional = process.memoryUsage().heapUsed;
    // One entity's reading: its row, its grupo par's 200 rows, 120 statistics.
    const id = await t.crearEntidad('Entidad ficticia número 4321', '846000253-6');
    await t.conexion.db.update(entidad).set({ codigoSigep: '5004320' }).where(eq(entidad.id, id));
    const lecturas: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const r = await t.pedir(t.admin, 'GET', `/api/entidades/${id}/furag?vigencia=2024`);
      if (r.statusCode !== 200) throw new Error(r.body);
      lecturas.push(performance.now() - t0);
    }
    lecturas.sort((a, b) => a - b);
    const s = (ms: number) => `${f(ms / 1000, 1)} s`;
    console.log(`\n${base === 'pglite' ? 'PGlite (embebida)' : 'PostgreSQL'}`);
    console.log(
      `${tNacional < 30_000 ? '✔' : '✖'} archivo nacional 6.000 × 120 (${mb(nacional.length)}): ${s(tNacional)} (meta < 30 s); otra vez, reemplazando la carga: ${s(tOtraVez)}`,
    );
    console.log(
      `  base: 600 filas en ${s(tPequeno)} → el archivo 10 veces mayor tarda ${f(tNacional / tPequeno, 1)} veces más`,
    );
    console.log(
      `  memoria (heap tras recolectar): al empezar ${mb(heapInicio)}, tras 600 filas ${mb(heapPequeno)}, tras tres cargas ${mb(heapNacional)} (${heapNacional - heapInicio < 32 * 1024 * 1024 ? '✔ plana: nada queda retenido' : '✖ crece'})`,
    );
    console.log(
      `  lectura de una entidad frente a su grupo par (200 entidades, 120 mediciones): p50 ${f(lecturas[10]!, 0)} ms, p95 ${f(lecturas[18]!, 0)} ms`,
    );
  } finally {
    await t.cerrar();
  }
}

if (!globalThis.gc) console.log('(sin --expose-gc la memoria se mide sin recolectar antes)');
await medir('pglite');
if (process.env.TEST_DATABASE_URL) await medir('postgres');
