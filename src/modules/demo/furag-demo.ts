// The demo's FURAG results: a synthetic national file for the two vigencias before the demo's year, a few
// hundred entities with clearly fictional names in real-looking grupos par, loaded through the same import
// the platform administrator uses. Never over a vigencia that already has a file (official data stays).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FilaTabla } from '../../core/tabla-importacion.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  furagCarga,
  furagRecomendacion,
  indiceFurag,
  planAccion,
  politica,
} from '../../db/schema.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { cargarResultados } from '../furag/furag.service.ts';
import { cargarRecomendaciones } from '../furag/recomendaciones.service.ts';

/** The demo entity's row: its código SIGEP and grupo par, as in demo.service.ts. */
export const FILA_DEMO = { codigoSigep: '9999001', grupoPar: 'E.S.E. TERRITORIAL GRUPO 2' };

const DEPARTAMENTOS: [string, string[]][] = [
  ['Putumayo', ['Mocoa', 'Sibundoy', 'Puerto Asís', 'Orito', 'Villagarzón', 'Colón', 'Santiago']],
  ['Nariño', ['Pasto', 'Ipiales', 'Tumaco', 'Túquerres', 'La Unión', 'Samaniego']],
  ['Cauca', ['Popayán', 'Santander de Quilichao', 'Piendamó', 'Silvia', 'El Bordo']],
  ['Caquetá', ['Florencia', 'San Vicente del Caguán', 'Belén de los Andaquíes']],
  ['Amazonas', ['Leticia', 'Puerto Nariño']],
];

/** The kinds of entity of the file: grupo par, how many per department, the name's pattern, the form. */
const GRUPOS = [
  {
    grupo: 'E.S.E. TERRITORIAL GRUPO 1',
    porMunicipio: 1,
    nombre: 'E.S.E. Centro de Salud Ficticio de',
    base: 55,
  },
  { grupo: 'E.S.E. TERRITORIAL GRUPO 2', porMunicipio: 1, nombre: 'E.S.E. Hospital Ficticio de', base: 62 },
  { grupo: 'ALCALDÍAS GRUPO 3', porMunicipio: 1, nombre: 'Alcaldía Ficticia de', base: 58 },
  {
    grupo: 'CONCEJOS Y PERSONERÍAS',
    porMunicipio: 1,
    nombre: 'Personería Ficticia de',
    base: 60,
    meci: true,
  },
  {
    grupo: 'INSTITUTOS DESCENTRALIZADOS',
    porMunicipio: 1,
    nombre: 'Instituto Ficticio de Deportes de',
    base: 52,
  },
] as const;

/** A small deterministic generator: the same file on every machine and every run. */
function generador(semilla: number) {
  let s = semilla >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const redondear = (x: number) => Math.round(Math.min(100, Math.max(0, x)) * 10) / 10;

/**
 * The file of a vigencia. The demo hospital's row is written on purpose: weakest where its plan has
 * activities (I03 and I24 in the demo's plan), a little better the second year.
 */
export function archivoResultadosDemo(
  vigencia: number,
  columnas: {
    indices: { codigo: string; nombre: string }[];
    politicas: { codigo: string; nombre: string }[];
  },
  demo: { nombre: string; mejora: number },
): { encabezados: string[]; filas: FilaTabla[] } {
  const azar = generador(vigencia * 7919);
  const medidas = [
    'IDI Índice de Desempeño Institucional',
    ...Array.from({ length: 7 }, (_, i) => `D${i + 1}`),
    ...columnas.politicas.map((p) => `${p.codigo} ${p.nombre}`),
    ...columnas.indices.map((i) => `${i.codigo} ${i.nombre}`),
  ];
  const codigos = medidas.map((m) => m.split(' ')[0]!);
  const encabezados = [
    'Código SIGEP',
    'Entidad',
    'Departamento',
    'Municipio',
    'Tipo de formulario',
    'Grupo par',
    ...medidas,
  ];
  const filas: FilaTabla[] = [
    {
      numero: 1,
      celdas: [`Resultados FURAG ${vigencia} — archivo sintético de la demostración (no oficial)`],
    },
    { numero: 2, celdas: [] },
    { numero: 3, celdas: encabezados },
  ];
  let sigep = 9_100_000;
  const agregar = (celdas: (string | number | null)[]) => filas.push({ numero: filas.length + 1, celdas });
  const puntajes = (base: number, meci: boolean, fijos: Record<string, number> = {}) =>
    codigos.map((c) => {
      if (c in fijos) return fijos[c]!;
      if (meci) return c === 'POL19' ? redondear(base + (azar() - 0.5) * 30) : null;
      // A few indices do not apply to some entities: a blank, never zero.
      if (c.startsWith('I') && c !== 'IDI' && azar() < 0.04) return null;
      return redondear(base + (azar() - 0.5) * 36);
    });
  for (const [departamento, municipios] of DEPARTAMENTOS)
    for (const municipio of municipios)
      for (const g of GRUPOS) {
        const meci = 'meci' in g && g.meci;
        const base = g.base + (azar() - 0.5) * 14;
        if (g.grupo === FILA_DEMO.grupoPar && municipio === 'Mocoa') {
          const m = demo.mejora;
          agregar([
            FILA_DEMO.codigoSigep,
            demo.nombre,
            departamento,
            municipio,
            'MIPG',
            g.grupo,
            ...puntajes(61 + m, false, { IDI: 61.4 + m, I03: 38.2 + m, I24: 41.5 + m, I50: 44.9 + m }),
          ]);
          continue;
        }
        agregar([
          String(sigep++),
          `${g.nombre} ${municipio}`,
          departamento,
          municipio,
          meci ? 'MECI' : 'MIPG',
          g.grupo,
          ...puntajes(base, meci),
        ]);
      }
  // As an upload reads it: the first row (here a title), then the rest; the header is found on row 3.
  return { encabezados: filas[0]!.celdas as string[], filas: filas.slice(1) };
}

/** Loads the demo's results for the two vigencias before `vigencia`, where none are loaded yet. */
export async function sembrarResultadosDemo(db: Db, actor: Actor, vigencia: number, nombre: string) {
  const [indices, politicas] = await Promise.all([
    db
      .select({ codigo: indiceFurag.codigo, nombre: indiceFurag.nombre })
      .from(indiceFurag)
      .where(eq(indiceFurag.vigencia, vigencia))
      .orderBy(indiceFurag.orden),
    db
      .select({ codigo: politica.codigoFurag, nombre: politica.nombre })
      .from(politica)
      .where(eq(politica.vigencia, vigencia))
      .orderBy(politica.orden),
  ]);
  const columnas = {
    indices,
    politicas: politicas.flatMap((p) => (p.codigo ? [{ codigo: p.codigo, nombre: p.nombre }] : [])),
  };
  for (const [anio, mejora] of [
    [vigencia - 2, 0],
    [vigencia - 1, 4.3],
  ] as const) {
    const [ya] = await db.select().from(furagCarga).where(eq(furagCarga.vigencia, anio));
    if (ya) continue;
    const { encabezados, filas } = archivoResultadosDemo(anio, columnas, { nombre, mejora });
    const r = await cargarResultados(db, actor, anio, encabezados, filas);
    if (!r.ok) throw new Error(`Resultados FURAG de la demostración ${anio}: ${r.mensaje}`);
  }
}

/**
 * Recommendations written for the demo (not Función Pública's text) on the hospital's weakest indices of the
 * last results; the first two already answered by activities of the year's plan.
 */
export const RECOMENDACIONES_DEMO: [indice: string, texto: string][] = [
  [
    'I03',
    'Formular el plan institucional de capacitación a partir del diagnóstico de necesidades de aprendizaje y evaluar su efecto en el desempeño de los servidores (ejemplo de la demostración, no oficial).',
  ],
  [
    'I24',
    'Documentar los controles de los riesgos de seguridad de la información con su responsable, periodicidad y evidencia, y verificar su diseño y ejecución cada semestre (ejemplo de la demostración, no oficial).',
  ],
  [
    'I50',
    'Actualizar el diagnóstico integral de archivo y el PINAR, y presentarlos al comité institucional para su aprobación (ejemplo de la demostración, no oficial).',
  ],
  [
    'I61',
    'Documentar las lecciones aprendidas de los proyectos y socializarlas con los servidores y otras E.S.E. de la región (ejemplo de la demostración, no oficial).',
  ],
];

/** Loads the demo's recommendations of `vigencia`'s results and links two to activities of the plan of `plan`. */
export async function sembrarRecomendacionesDemo(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  plan: number,
) {
  const filas: FilaTabla[] = RECOMENDACIONES_DEMO.map(([indice, texto], i) => ({
    numero: i + 2,
    celdas: [indice, texto],
  }));
  const r = await cargarRecomendaciones(db, actor, entidadId, vigencia, ['Índice', 'Recomendación'], filas);
  if (!r.ok) throw new Error(`Recomendaciones de la demostración: ${r.mensaje}`);
  const recomendaciones = await db
    .select()
    .from(furagRecomendacion)
    .where(and(eq(furagRecomendacion.entidadId, entidadId), eq(furagRecomendacion.vigencia, vigencia)));
  for (const [indice] of RECOMENDACIONES_DEMO.slice(0, 2)) {
    const rec = recomendaciones.find((x) => x.indice === indice)!;
    const [a] = await db
      .select({ id: actividad.id, codigo: actividad.codigo })
      .from(actividad)
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(
        and(
          eq(planAccion.entidadId, entidadId),
          eq(planAccion.vigencia, plan),
          inArray(actividad.indiceFurag, [indice]),
        ),
      )
      .orderBy(asc(planAccion.version), asc(actividad.codigo))
      .limit(1);
    if (!a) continue;
    await db.transaction(async (tx) => {
      await tx.update(actividad).set({ recomendacionId: rec.id }).where(eq(actividad.id, a.id));
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'convertir',
        recurso: 'recomendacion',
        recursoId: rec.id,
        despues: { actividad: a.codigo },
      });
    });
  }
}
