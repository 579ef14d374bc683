// An office's own plan spreadsheet, read as it is: which row holds the headers, which field each column is
// (suggested from the header's words), which policy, dependencia or person each written name means, and the
// goal type its wording suggests. The result is rows with the shape of our template, so the template's own
// validation and all-or-nothing insert (plan-importacion.ts) do the rest: nothing here validates a value.

import { type Acumulacion, leerAcumulacion } from './acumulacion.ts';
import {
  type Celda,
  type ClaveColumna,
  COLUMNAS_PLAN,
  encabezadosPlan,
  type FilaHoja,
} from './plan-importacion.ts';
import { claveComparable } from './texto.ts';

/** A template column, a period's goal (`meta1` … `meta12`), or the goal type. */
export type Campo = ClaveColumna | 'acumulacion' | `meta${number}`;

/** The goal type's column as the template names it. */
export const ENCABEZADO_ACUMULACION = COLUMNAS_PLAN.find((c) => c.clave === 'acumulacion')!.encabezado;

/** How far down the header row is looked for: titles, logos and a blank line or two sit above it. */
const FILAS_BUSCAR_ENCABEZADO = 30;

/** Names, headers and written values compare without accents, case, punctuation or repeated spaces. */
export const normalizar = (s: string) =>
  claveComparable(s.normalize('NFC').replace(/[^\p{L}\p{N}%@.\s]|\.(?![\p{L}\p{N}])/gu, ' '));

export const textoDe = (c: Celda): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return '';
    const [a, m, d] = c.toISOString().slice(0, 10).split('-');
    return `${d}/${m}/${a}`;
  }
  return String(c).trim();
};

// Words of a header and how strongly each says a field (3: the field's own word; 1: a hint).
const PALABRAS: Record<ClaveColumna | 'acumulacion', readonly (readonly [string, number])[]> = {
  codigo: [
    ['codigo', 3],
    ['cod', 3],
    ['id', 2],
    ['no', 2],
    ['n', 2],
    ['numero', 2],
    ['item', 2],
    ['consecutivo', 3],
  ],
  politica: [
    ['politica', 4],
    ['mipg', 2],
    ['politicas', 4],
  ],
  indiceFurag: [
    ['indice', 3],
    ['furag', 3],
  ],
  planPropio: [
    ['plan propio', 4],
    ['pamec', 4],
    ['plan de auditoria', 3],
  ],
  plan612: [
    ['612', 4],
    ['decreto', 2],
    ['plan institucional', 3],
  ],
  objetivo: [
    ['objetivo', 3],
    ['estrategico', 2],
    ['eje', 2],
    ['linea estrategica', 3],
  ],
  nombre: [
    ['actividad', 3],
    ['actividades', 3],
    ['accion', 3],
    ['acciones', 3],
    ['tarea', 3],
    ['descripcion', 1],
  ],
  producto: [
    ['producto', 4],
    ['entregable', 4],
    ['evidencia', 2],
    ['resultado', 2],
    ['soporte', 2],
  ],
  metaAnual: [
    ['meta', 2],
    ['metas', 2],
    ['anual', 2],
    ['cantidad', 1],
    ['magnitud', 2],
    ['programada', 1],
  ],
  unidad: [
    ['unidad', 4],
    ['medida', 2],
  ],
  ponderacion: [
    ['ponderacion', 4],
    ['peso', 4],
    ['ponderado', 3],
  ],
  dependencia: [
    ['dependencia', 4],
    ['area', 3],
    ['oficina', 3],
    ['proceso', 2],
    ['secretaria', 3],
    ['unidad ejecutora', 4],
  ],
  responsable: [
    ['responsable', 2],
    ['lider', 3],
    ['encargado', 3],
    ['funcionario', 2],
    ['correo', 3],
  ],
  fechaInicio: [
    ['inicio', 4],
    ['inicial', 3],
    ['desde', 3],
    ['comienzo', 3],
  ],
  fechaFin: [
    ['fin', 4],
    ['final', 3],
    ['finalizacion', 4],
    ['terminacion', 4],
    ['hasta', 3],
    ['limite', 3],
    ['entrega', 2],
  ],
  presupuesto: [
    ['presupuesto', 4],
    ['valor', 2],
    ['recursos', 3],
    ['costo', 3],
    ['cop', 2],
  ],
  rubro: [['rubro', 4]],
  bpin: [
    ['bpin', 4],
    ['proyecto de inversion', 3],
  ],
  riesgo: [
    ['riesgo', 4],
    ['riesgos', 4],
  ],
  acumulacion: [
    ['tipo de meta', 5],
    ['acumulacion', 5],
    ['tipo de indicador', 4],
    ['comportamiento', 3],
  ],
};

const ROMANOS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };
const ORDINALES: Record<string, number> = {
  primer: 1,
  primero: 1,
  primera: 1,
  segundo: 2,
  segunda: 2,
  tercer: 3,
  tercero: 3,
  tercera: 3,
  cuarto: 4,
  cuarta: 4,
  quinto: 5,
  sexto: 6,
};
const MESES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const PERIODO = /^(t|tr|trim|trimestre|q|s|sem|semestre|c|cuat|cuatrimestre|p|periodo|mes|bimestre|corte)$/;

/** The period a header names, 1-based («Meta T1», «II trim», «Primer semestre», «Marzo»), or null. */
export function periodoDelEncabezado(encabezado: string, periodos: number): number | null {
  const p = normalizar(encabezado)
    .replace(/(\D)(\d)/g, '$1 $2')
    .split(/\s+/);
  let n: number | null = null;
  for (let i = 0; i < p.length; i++) {
    const w = p[i]!;
    const vecino = (j: number) => PERIODO.test(p[j] ?? '');
    if (/^\d{1,2}$/.test(w) && (vecino(i - 1) || vecino(i + 1))) n = Number(w);
    else if (ROMANOS[w] && (vecino(i - 1) || vecino(i + 1))) n = ROMANOS[w]!;
    else if (ORDINALES[w] && (vecino(i + 1) || vecino(i - 1))) n = ORDINALES[w]!;
    else if (periodos === 12 && MESES.includes(w)) n = MESES.indexOf(w) + 1;
    if (n !== null) break;
  }
  return n !== null && n >= 1 && n <= periodos ? n : null;
}

const contiene = (texto: string, frase: string) => ` ${texto} `.includes(` ${frase} `);

/** The field a header's words suggest with its strength, or null (a column to leave out). */
export function sugerirCampo(encabezado: string, periodos: number): { campo: Campo; fuerza: number } | null {
  const t = normalizar(encabezado);
  if (!t) return null;
  const n = periodoDelEncabezado(encabezado, periodos);
  if (n !== null) return { campo: `meta${n}`, fuerza: 6 };
  let mejor: { campo: Campo; fuerza: number } | null = null;
  for (const [campo, palabras] of Object.entries(PALABRAS) as [Campo, (typeof PALABRAS)['codigo']][]) {
    const fuerza = palabras.reduce((s, [w, f]) => s + (contiene(t, w) ? f : 0), 0);
    if (fuerza > 0 && (!mejor || fuerza > mejor.fuerza)) mejor = { campo, fuerza };
  }
  // «Área responsable» weighs more as a dependencia than as a person: «Responsable» alone is a person.
  return mejor;
}

export interface ColumnaMapeada {
  campo: Campo | null;
  /** Last year's choice for this header, the header's words, or nothing recognised. */
  origen: 'guardado' | 'sugerido' | 'ninguno';
}

/**
 * One field per column at most and one column per field: the strongest suggestions first. A column's saved
 * choice (by its header, from last year's import) wins over any suggestion, «no importar» included.
 */
export function sugerirMapeo(
  encabezados: readonly string[],
  periodos: number,
  guardado: Readonly<Record<string, Campo | ''>> = {},
): ColumnaMapeada[] {
  const r = encabezados.map((): ColumnaMapeada => ({ campo: null, origen: 'ninguno' }));
  const usados = new Set<Campo>();
  encabezados.forEach((e, i) => {
    const g = guardado[normalizar(e)];
    if (g === undefined || !normalizar(e)) return;
    r[i] = { campo: g && !usados.has(g) && campoValido(g, periodos) ? g : null, origen: 'guardado' };
    if (g) usados.add(g);
  });
  const candidatos = encabezados
    .map((e, i) => ({ i, s: r[i]!.origen === 'guardado' ? null : sugerirCampo(e, periodos) }))
    .filter((x): x is { i: number; s: { campo: Campo; fuerza: number } } => x.s !== null)
    .sort((a, b) => b.s.fuerza - a.s.fuerza || a.i - b.i);
  for (const { i, s } of candidatos) {
    if (usados.has(s.campo)) continue;
    usados.add(s.campo);
    r[i] = { campo: s.campo, origen: 'sugerido' };
  }
  return r;
}

export function campoValido(campo: string, periodos: number): campo is Campo {
  const m = /^meta(\d{1,2})$/.exec(campo);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= periodos;
  return campo === 'acumulacion' || COLUMNAS_PLAN.some((c) => c.clave === campo);
}

/** The row with most cells that read as a field, among the first rows; the first written row if none do. */
export function detectarFilaEncabezado(filas: readonly FilaHoja[], periodos: number): number | null {
  let mejor: { numero: number; puntos: number } | null = null;
  for (const f of filas.slice(0, FILAS_BUSCAR_ENCABEZADO)) {
    const escritas = f.celdas.filter((c) => textoDe(c) !== '');
    if (!escritas.length) continue;
    // Only short text reads as a header: a long description that says «actividad» is a data row.
    const campos = new Set(
      escritas
        .map((c) => (typeof c === 'string' && c.length <= 80 ? sugerirCampo(c, periodos)?.campo : undefined))
        .filter(Boolean),
    );
    if (!mejor || campos.size > mejor.puntos) mejor = { numero: f.numero, puntos: campos.size };
  }
  return mejor?.numero ?? null;
}

// ---------- Names: policies, dependencias, people ----------

const VACIAS = new Set([
  'de',
  'del',
  'la',
  'las',
  'el',
  'los',
  'y',
  'e',
  'en',
  'a',
  'al',
  'para',
  'con',
  'por',
  'politica',
  'gestion',
]);
const palabras = (s: string) =>
  normalizar(s)
    .split(' ')
    .filter((w) => w && !VACIAS.has(w));

function bigramas(s: string): Map<string, number> {
  const t = normalizar(s).replace(/ /g, '');
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice's coefficient of character pairs: 1 for the same letters, ~0.8 for a typo or two. */
function parecido(a: string, b: string): number {
  const x = bigramas(a);
  const y = bigramas(b);
  const total = [...x.values()].reduce((s, n) => s + n, 0) + [...y.values()].reduce((s, n) => s + n, 0);
  if (!total) return normalizar(a) === normalizar(b) ? 1 : 0;
  let comunes = 0;
  for (const [k, n] of x) comunes += Math.min(n, y.get(k) ?? 0);
  return (2 * comunes) / total;
}

/** How much a written name looks like a known one, from 0 to 1: the same words, or the same letters. */
function semejanza(escrito: string, nombre: string): number {
  if (normalizar(escrito) === normalizar(nombre)) return 1;
  const a = palabras(escrito);
  const b = palabras(nombre);
  if (!a.length || !b.length) return 0;
  // Words that match whole or as an abbreviation («Gest.», «Doc.»): the share of both names they cover.
  const casa = (w: string, lista: string[]) =>
    lista.some(
      (v) =>
        v === w ||
        (w.length >= 3 && v.startsWith(w)) ||
        (v.length >= 3 && w.startsWith(v)) ||
        (w.length >= 5 && parecido(w, v) >= 0.8),
    );
  const cubreA = a.filter((w) => casa(w, b)).length / a.length;
  const cubreB = b.filter((w) => casa(w, a)).length / b.length;
  return Math.max(
    Math.min(cubreA, cubreB) * 0.95,
    ((cubreA + cubreB) / 2) * 0.9,
    parecido(escrito, nombre) * 0.95,
  );
}

export interface Candidato {
  id: string;
  /** Every way it may be written: name, key, code, e-mail. */
  nombres: readonly string[];
}

const UMBRAL_SEMEJANZA = 0.7;

/**
 * The candidate a written name means: exact when some name is the same text (without accents or case);
 * otherwise the most alike above the threshold, and only if no other is as alike (a tie is no match).
 */
/** Longest text compared by likeness, and how many distinct values of a kind are guessed per sheet. */
const LARGO_NOMBRE = 120;
const MAXIMO_ADIVINADOS = 300;

export function emparejar(
  escrito: string,
  candidatos: readonly Candidato[],
): { id: string; exacto: boolean } | null {
  const t = normalizar(escrito);
  if (!t) return null;
  const exacto = candidatos.find((c) => c.nombres.some((n) => normalizar(n) === t));
  if (exacto) return { id: exacto.id, exacto: true };
  // A name is short: a long cell is no name to guess, and comparing it to every candidate would hold the
  // server's only thread (a careless sheet of 3.000 long, different cells took minutes).
  if (t.length > LARGO_NOMBRE) return null;
  const puntos = candidatos
    .map((c) => ({ id: c.id, p: Math.max(0, ...c.nombres.map((n) => semejanza(escrito, n))) }))
    .sort((a, b) => b.p - a.p);
  const [primero, segundo] = puntos;
  if (!primero || primero.p < UMBRAL_SEMEJANZA) return null;
  if (segundo && primero.p - segundo.p < 0.05) return null;
  return { id: primero.id, exacto: false };
}

/** Several people in one cell: «Ana Ruiz; Luis Gómez», «ana@x.gov.co, luis@x.gov.co», «Ana Ruiz y Luis Gómez». */
const separarPersonas = (s: string) =>
  s
    .split(/[;,/\n]|\s+y\s+/)
    .map((x) => x.trim())
    .filter(Boolean);

// ---------- Goal type from the wording ----------

const REGLAS_TIPO: readonly { patron: RegExp; tipo: Acumulacion; motivo: string }[] = [
  {
    patron: /\bacumulad[oa]s?\b|\btotal a la fecha\b/,
    tipo: 'ultimo',
    motivo: 'habla de un total acumulado',
  },
  {
    patron:
      /(porcentaje|%|\bindice\b|\btasa\b).*(avance|ejecucion|implementacion)|\b(avance|ejecucion) (del|de la|de)\b.*%/,
    tipo: 'ultimo',
    motivo: 'es un porcentaje de avance, que ya trae lo acumulado',
  },
  {
    patron:
      /\bporcentaje\b|% de\b|%|\boportunidad\b|\bcada (trimestre|mes|semestre|periodo|cuatrimestre)\b|\btasa\b|\bsatisfaccion\b/,
    tipo: 'promedio',
    motivo: 'es un porcentaje o una tasa que se mantiene en cada periodo',
  },
  {
    patron:
      /\baprobad[oa]s?\b|\badoptad[oa]s?\b|\bdocumento\b|\bexpedid[oa]\b|\bformulad[oa]\b|\bsancionad[oa]\b/,
    tipo: 'hito',
    motivo: 'es algo que se hace una vez (aprobado, adoptado, un documento)',
  },
];

/** The goal type the activity's wording suggests («% de PQRSD a tiempo» → promedio), with why; suma otherwise. */
export function adivinarAcumulacion(...textos: readonly (string | null | undefined)[]): {
  acumulacion: Acumulacion;
  motivo: string;
} {
  const t = normalizar(textos.filter(Boolean).join(' '));
  for (const r of REGLAS_TIPO) if (r.patron.test(t)) return { acumulacion: r.tipo, motivo: r.motivo };
  return { acumulacion: 'suma', motivo: 'las cantidades de los periodos se suman' };
}

// ---------- From the office's sheet to template rows ----------

export type TipoNombre = 'politica' | 'dependencia' | 'responsable';

export interface ContextoMapeo {
  vigencia: number;
  periodos: readonly string[];
  politicas: readonly { clave: string; nombre: string; codigoFurag?: string | null }[];
  dependencias: readonly { id: string; nombre: string; codigo?: string | null }[];
  personas: readonly { id: string; correo: string; nombre: string }[];
  codigosExistentes: ReadonlySet<string>;
}

/** A written value's meaning, chosen on the review screen: an id (policy key for policies), or null. */
export type Equivalencias = Partial<Record<TipoNombre, Readonly<Record<string, string | null>>>>;

export interface ValorEscrito {
  texto: string;
  filas: number;
  /** What it was matched to (exact or alike), or null when nothing is. */
  id: string | null;
  exacto: boolean;
}

export interface TipoSugerido {
  fila: number;
  actividad: string;
  acumulacion: Acumulacion;
  motivo: string;
  /** Written in the sheet's own goal-type column (then no guess). */
  escrito: boolean;
}

export interface HojaMapeada {
  /** The template's headers (with «Tipo de meta»), in the order of `filas`' cells. */
  encabezados: string[];
  filas: FilaHoja[];
  /** For the report: the template header → the office's own header (or a note on the value used). */
  columnaDe: Record<string, string>;
  valores: Record<TipoNombre, ValorEscrito[]>;
  tipos: TipoSugerido[];
  /** Required fields without a column. */
  faltan: ClaveColumna[];
}

const CAMPOS_REQUERIDOS: readonly ClaveColumna[] = ['politica', 'nombre', 'metaAnual'];

/**
 * The rows under the header as template rows. Written policies, dependencias and people become the name
 * the validation knows (key, name, e-mail) when they match or the review chose one; otherwise they stay
 * as written, so the validation reports them. Columns the sheet lacks get the plain value: a generated
 * code, the whole vigencia as dates, the product as the activity, an equal weight within each policy, and
 * the annual goal in the last period (or in every period for an average), which fits every goal type.
 */
export function mapearHoja(
  filas: readonly FilaHoja[],
  filaEncabezado: number,
  mapeo: readonly (Campo | null)[],
  ctx: ContextoMapeo,
  elegido: { equivalencias?: Equivalencias; tipos?: Readonly<Record<number, Acumulacion>> } = {},
): HojaMapeada {
  const encabezadoFila = filas.find((f) => f.numero === filaEncabezado);
  const propios = (encabezadoFila?.celdas ?? []).map(textoDe);
  const datos = filas.filter((f) => f.numero > filaEncabezado && f.celdas.some((c) => textoDe(c) !== ''));
  const columna = new Map<Campo, number>();
  mapeo.forEach((c, i) => {
    if (c && !columna.has(c)) columna.set(c, i);
  });
  const valor = (f: FilaHoja, c: Campo) => {
    const i = columna.get(c);
    return i === undefined ? undefined : f.celdas[i];
  };
  const texto = (f: FilaHoja, c: Campo) => textoDe(valor(f, c) ?? null);
  const n = ctx.periodos.length;

  const candidatos: Record<TipoNombre, Candidato[]> = {
    politica: ctx.politicas.map((p) => ({
      id: p.clave,
      nombres: [p.nombre, p.clave, p.clave.replace(/_/g, ' '), ...(p.codigoFurag ? [p.codigoFurag] : [])],
    })),
    dependencia: ctx.dependencias.map((d) => ({
      id: d.id,
      nombres: [d.nombre, ...(d.codigo ? [d.codigo] : [])],
    })),
    responsable: ctx.personas.map((p) => ({ id: p.id, nombres: [p.nombre, p.correo] })),
  };
  const nombreDe: Record<TipoNombre, Map<string, string>> = {
    politica: new Map(ctx.politicas.map((p) => [p.clave, p.clave])),
    dependencia: new Map(ctx.dependencias.map((d) => [d.id, d.nombre])),
    responsable: new Map(ctx.personas.map((p) => [p.id, p.correo])),
  };
  const valores: Record<TipoNombre, Map<string, ValorEscrito>> = {
    politica: new Map(),
    dependencia: new Map(),
    responsable: new Map(),
  };
  // The names chosen on review, normalised once (not once per value of the sheet).
  const elegidas = Object.fromEntries(
    (['politica', 'dependencia', 'responsable'] as const).map((tipo) => [
      tipo,
      new Map(Object.entries(elegido.equivalencias?.[tipo] ?? {}).map(([k, id]) => [normalizar(k), id])),
    ]),
  ) as Record<TipoNombre, Map<string, string | null>>;
  /** The written value as the validation will read it, counting it for the review. */
  const resolver = (tipo: TipoNombre, escrito: string) => {
    const clave = normalizar(escrito);
    let v = valores[tipo].get(clave);
    if (!v) {
      const porRevision = elegidas[tipo].has(clave) ? ([clave, elegidas[tipo].get(clave)!] as const) : null;
      // Guessing is bounded: past the first distinct values of a kind, the rest go to the review as they are.
      const e = valores[tipo].size < MAXIMO_ADIVINADOS ? emparejar(escrito, candidatos[tipo]) : null;
      const id = porRevision
        ? porRevision[1] && nombreDe[tipo].has(porRevision[1])
          ? porRevision[1]
          : null
        : (e?.id ?? null);
      // Exact only when the text is the chosen one's name: a choice made on review stays in view.
      v = { texto: escrito, filas: 0, id, exacto: !!e?.exacto && e.id === id };
      valores[tipo].set(clave, v);
    }
    v.filas++;
    return v.id ? nombreDe[tipo].get(v.id)! : escrito;
  };

  const politicaDe = datos.map((f) => {
    const p = texto(f, 'politica');
    return p ? resolver('politica', p) : '';
  });
  const porPolitica = new Map<string, number>();
  for (const p of politicaDe) porPolitica.set(p, (porPolitica.get(p) ?? 0) + 1);
  const vistos = new Map<string, number>();
  const usados = new Set(ctx.codigosExistentes);
  let siguiente = 1;
  const tipos: TipoSugerido[] = [];
  const anio = ctx.vigencia;

  const salida = datos.map((f, k) => {
    const nombre = texto(f, 'nombre');
    const producto = texto(f, 'producto');
    const unidad = texto(f, 'unidad');
    const metaTexto = texto(f, 'metaAnual');
    const escritoTipo = leerAcumulacion(texto(f, 'acumulacion'));
    const guess = adivinarAcumulacion(nombre, producto, unidad, metaTexto.includes('%') ? '%' : '');
    const acumulacion = elegido.tipos?.[f.numero] ?? escritoTipo ?? guess.acumulacion;
    tipos.push({
      fila: f.numero,
      actividad: nombre,
      acumulacion,
      motivo: escritoTipo ? 'escrito en la hoja' : guess.motivo,
      escrito: !!escritoTipo,
    });
    let codigo = texto(f, 'codigo');
    if (!columna.has('codigo')) {
      while (usados.has(`A-${String(siguiente).padStart(3, '0')}`)) siguiente++;
      codigo = `A-${String(siguiente++).padStart(3, '0')}`;
      usados.add(codigo);
    }
    const politica = politicaDe[k]!;
    // An equal weight within the policy, to two decimals; the policy's first row takes the remainder.
    let ponderacion: Celda = valor(f, 'ponderacion') ?? null;
    if (!columna.has('ponderacion')) {
      const total = porPolitica.get(politica)!;
      const orden = vistos.get(politica) ?? 0;
      vistos.set(politica, orden + 1);
      const parte = Math.floor(10000 / total) / 100;
      ponderacion = orden === 0 ? Math.round((100 - parte * (total - 1)) * 100) / 100 : parte;
    }
    const metas: Celda[] = ctx.periodos.map((_, i) => valor(f, `meta${i + 1}`) ?? null);
    const hayMetas = ctx.periodos.some((_, i) => columna.has(`meta${i + 1}`));
    if (!hayMetas && metaTexto)
      metas.forEach((_, i) => {
        metas[i] =
          // A rate holds its goal every period; any other type reaches it at the last cut-off.
          acumulacion === 'promedio' || i === n - 1 ? (valor(f, 'metaAnual') ?? null) : 0;
      });
    const personas = separarPersonas(texto(f, 'responsable')).map((p) => resolver('responsable', p));
    const dep = texto(f, 'dependencia');
    const celdas: Record<string, Celda> = {
      Código: codigo,
      Política: politica,
      'Índice FURAG': valor(f, 'indiceFurag') ?? null,
      'Plan del Decreto 612': valor(f, 'plan612') ?? null,
      'Plan propio': valor(f, 'planPropio') ?? null,
      'Objetivo estratégico': valor(f, 'objetivo') ?? null,
      Actividad: nombre,
      'Producto o entregable': columna.has('producto') ? producto : nombre,
      'Meta anual': valor(f, 'metaAnual') ?? null,
      'Unidad de medida': columna.has('unidad') ? unidad : metaTexto.includes('%') ? 'Porcentaje' : 'Número',
      'Ponderación (%)': ponderacion,
      Dependencia: dep ? resolver('dependencia', dep) : null,
      'Responsable (correo)': personas.join('; ') || null,
      'Fecha de inicio': columna.has('fechaInicio') ? (valor(f, 'fechaInicio') ?? null) : `01/01/${anio}`,
      'Fecha de fin': columna.has('fechaFin') ? (valor(f, 'fechaFin') ?? null) : `31/12/${anio}`,
      'Presupuesto (COP)': valor(f, 'presupuesto') ?? null,
      'Rubro presupuestal': valor(f, 'rubro') ?? null,
      BPIN: valor(f, 'bpin') ?? null,
      'Riesgo asociado': valor(f, 'riesgo') ?? null,
      [ENCABEZADO_ACUMULACION]: acumulacion,
    };
    ctx.periodos.forEach((p, i) => {
      celdas[`Meta ${p}`] = metas[i] ?? null;
    });
    return celdas;
  });

  const encabezados = encabezadosPlan(ctx.periodos);
  const columnaDe: Record<string, string> = {};
  const nota: Partial<Record<string, string>> = {
    Código: 'Código (generado: la hoja no tiene columna de código)',
    'Producto o entregable': 'Producto o entregable (la hoja no lo trae: se usa la actividad)',
    'Ponderación (%)': 'Ponderación (la hoja no la trae: partes iguales en cada política)',
    'Fecha de inicio': 'Fecha de inicio (la hoja no la trae: 1 de enero)',
    'Fecha de fin': 'Fecha de fin (la hoja no la trae: 31 de diciembre)',
  };
  for (const e of encabezados) {
    const clave: Campo | undefined =
      COLUMNAS_PLAN.find((c) => c.encabezado === e)?.clave ??
      (`meta${ctx.periodos.findIndex((p) => `Meta ${p}` === e) + 1}` as Campo);
    const i = clave === undefined ? undefined : columna.get(clave);
    const propio = i === undefined ? '' : propios[i] || `columna ${i + 1}`;
    columnaDe[e] = propio ? `${propio} (${e})` : (nota[e] ?? e);
  }
  return {
    encabezados,
    filas: salida.map((c, k) => ({ numero: datos[k]!.numero, celdas: encabezados.map((e) => c[e] ?? null) })),
    columnaDe,
    valores: {
      politica: [...valores.politica.values()],
      dependencia: [...valores.dependencia.values()],
      responsable: [...valores.responsable.values()],
    },
    tipos,
    faltan: CAMPOS_REQUERIDOS.filter((c) => !columna.has(c)),
  };
}
