// `npm run bench:cuestionarios`: the questionnaire engine at the sizes of issue 10, on PGlite (as `npm start`).
//  - Import of a 450-question bank with 4.000-character texts and up to 36 options (JSON, and the same bank
//    written in the .xlsx template): meta < 5 s.
//  - Scoring 19 questionnaires of 100 items for one entity (their structures read from the database, one
//    query, and every answer scored, with completeness): meta < 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { type Cuestionario, type Item, puntuar, type Respuesta, recorrer } from '../src/core/cuestionario.ts';
import { leerHojaCuestionario } from '../src/core/cuestionario-hoja.ts';
import { sincronizarCatalogo } from '../src/db/catalogo.ts';
import { conectar } from '../src/db/client.ts';
import { cuestionario } from '../src/db/schema.ts';
import { bancoSintetico } from '../src/modules/cuestionarios/banco-sintetico.ts';
import {
  LIMITES_HOJA_CUESTIONARIO,
  plantillaCuestionario,
} from '../src/modules/cuestionarios/cuestionario-xlsx.ts';
import { estructuraDe, importarCuestionario } from '../src/modules/cuestionarios/cuestionarios.service.ts';
import { leerTabla } from '../src/modules/importacion/leer-tabla.ts';
import type { UsuarioSesion } from '../src/server/sesiones.ts';
import { f } from './comun.ts';
import { nuevaEntidad } from './sembrar.ts';

const mediana = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const resultados: [string, string, string, boolean][] = [];
const anotar = (que: string, cifra: string, meta: string, ok: boolean) =>
  resultados.push([que, cifra, meta, ok]);

const dataDir = mkdtempSync(join(tmpdir(), 'mipg-bench-cuestionarios-'));
const conexion = await conectar({ dataDir });
await sincronizarCatalogo(conexion.db);
const db = conexion.db;
const entidadId = await nuevaEntidad(db, 'E.S.E. Hospital del Banco de Pruebas', '846000253-6');
const actor = { usuarioId: null, correo: 'bench', ip: null };
const admin: UsuarioSesion = {
  id: '00000000-0000-4000-8000-000000000000',
  correo: 'bench@plataforma.example',
  nombre: 'Bench',
  adminPlataforma: true,
  debeCambiarClave: false,
  csrf: '',
  roles: new Map(),
};

// ---------- Import of a 450-question bank ----------
const banco = (codigo: string) => bancoSintetico(450, { codigo, largo: 4000 });
const json = JSON.stringify(banco('X'));
const tiemposJson: number[] = [];
for (let i = 0; i < 3; i++) {
  const cuerpo = JSON.stringify(banco(`BANCO-JSON-${i}`));
  const t0 = performance.now();
  const r = await importarCuestionario(db, actor, admin, null, JSON.parse(cuerpo));
  tiemposJson.push(performance.now() - t0);
  if (!r.ok) throw new Error(`el banco no se importó: ${r.mensaje}`);
}
const jsonMs = mediana(tiemposJson);
anotar(
  `Importar un banco de 450 preguntas (JSON de ${f(json.length / 1024 / 1024)} MB, 36 opciones)`,
  `${f(jsonMs)} ms (mediana de 3)`,
  'meta < 5 s',
  jsonMs < 5000,
);

const xlsx = await plantillaCuestionario(banco('BANCO-XLSX'));
const t0 = performance.now();
const tabla = await leerTabla(xlsx, 'xlsx', LIMITES_HOJA_CUESTIONARIO);
if (!tabla.ok) throw new Error(tabla.mensaje);
const hoja = leerHojaCuestionario(tabla.encabezados, tabla.filas);
if (!hoja.ok) throw new Error(hoja.mensaje);
const rx = await importarCuestionario(db, actor, admin, null, hoja.entrada);
const xlsxMs = performance.now() - t0;
anotar(
  `Importar el mismo banco en la plantilla .xlsx (${f(xlsx.length / 1024 / 1024)} MB, ${tabla.filas.length} filas)`,
  `${f(xlsxMs)} ms`,
  'meta < 5 s',
  rx.ok && xlsxMs < 5000,
);

// ---------- Scoring 19 questionnaires of 100 items for one entity ----------
const generados = new Map<string, Cuestionario>();
for (let i = 0; i < 19; i++) {
  // Shaped like the official workbooks: mostly rows scored 0–100, some yes / no and multiple choice.
  const c = bancoSintetico(100, {
    codigo: `POL-${i + 1}`,
    largo: 300,
    porSeccion: 10,
    tipos: ['puntaje', 'puntaje', 'puntaje', 'seleccion_unica', 'puntaje', 'seleccion_multiple', 'puntaje'],
  });
  const r = await importarCuestionario(db, actor, admin, entidadId, { ...c, instrumento: 'autodiagnostico' });
  if (!r.ok) throw new Error(r.mensaje);
  generados.set(c.codigo, c);
}
// Deterministic answers: three in four items answered, one in ten «no aplica» where allowed.
function respuestaDe(item: Item, k: number): Respuesta | undefined {
  if (k % 4 === 3) return undefined;
  if (item.noAplica && k % 10 === 0) return { noAplica: true };
  const opciones = item.opciones ?? [];
  switch (item.tipo) {
    case 'puntaje':
      return { puntaje: (k * 37) % 101 };
    case 'seleccion_unica':
      return { opcion: opciones[k % opciones.length]!.codigo };
    case 'seleccion_multiple':
      return { opciones: opciones.filter((_, j) => (j + k) % 3 === 0).map((o) => o.codigo) };
    case 'seleccion_multiple_numero':
      return { cantidades: Object.fromEntries(opciones.slice(0, 2).map((o) => [o.codigo, k])) };
    case 'numero':
      return { numero: k };
    case 'texto':
      return { texto: `Respuesta ${k}` };
    case 'matriz':
      return { celdas: Object.fromEntries((item.filas ?? []).map((fm) => [fm.codigo, opciones[0]!.codigo])) };
  }
}
const propios = await db.select().from(cuestionario).where(eq(cuestionario.entidadId, entidadId));
const respuestas = new Map<string, Map<string, Respuesta>>();
for (const c of propios) {
  // From the generated questionnaires, not the database: the cold read below must find nothing cached.
  const estructura = generados.get(c.codigo)!;
  respuestas.set(
    c.id,
    new Map(
      recorrer(estructura).flatMap(({ item }, k) => {
        const r = respuestaDe(item, k);
        return r ? [[item.codigo, r] as const] : [];
      }),
    ),
  );
}
const entidad = { orden: 'municipal' as const, tipoFormulario: 'MIPG' as const };

const vueltas: number[] = [];
const soloPuntaje: number[] = [];
let items = 0;
for (let v = 0; v < 15; v++) {
  const t1 = performance.now();
  const filas = await db.select().from(cuestionario).where(eq(cuestionario.entidadId, entidadId));
  const estructuras = filas.map(estructuraDe);
  const t2 = performance.now();
  items = 0;
  for (const [i, e] of estructuras.entries()) {
    const r = puntuar(e as Cuestionario, respuestas.get(filas[i]!.id)!, { entidad });
    items += r.aplicables;
  }
  const t3 = performance.now();
  vueltas.push(t3 - t1);
  soloPuntaje.push(t3 - t2);
}
const puntuarMs = mediana(vueltas);
anotar(
  `Puntuar ${propios.length} cuestionarios de 100 ítems de una entidad (leer + puntuar)`,
  `${f(puntuarMs)} ms · solo puntuar ${f(mediana(soloPuntaje), 2)} ms · ${items} ítems visibles`,
  'meta < 100 ms',
  puntuarMs < 100 && propios.length === 19,
);

await conexion.cerrar();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  `\nMIPG Abierto — cuestionarios (Node ${process.version}, PGlite; carga de la máquina ${loadavg()
    .map((x) => f(x))
    .join(' · ')})\n`,
);
for (const [que, cifra, meta, ok] of resultados)
  console.log(`${ok ? '✔' : '✖'} ${que.padEnd(90)} ${cifra.padEnd(56)} ${meta}`);
if (resultados.some(([, , , ok]) => !ok)) process.exitCode = 1;
