// The published FURAG results file of a vigencia, read as Función Pública publishes it: one row per entity,
// a header row that is not always the first, measurement columns named by their code («I01 Calidad de la
// planeación…», «POL19 Índice de Control Interno», «D04 …», line breaks and hyphenation included) and a blank
// cell meaning «no aplica», never zero. Columns are matched by code or by the identifying column's name, never
// by position. Only official scores are kept; the grupo par statistics are computed from the whole file.
import {
  type CeldaTabla,
  type FilaTabla,
  ordenarProblemas,
  type ProblemaFila,
  textoCelda,
} from './tabla-importacion.ts';
import { buscarTextoNoPermitido, claveComparable, MENSAJE_PROBLEMA } from './texto.ts';

export const NIVELES_MEDICION = ['idi', 'dimension', 'politica', 'indice'] as const;
export type NivelMedicion = (typeof NIVELES_MEDICION)[number];

export interface CodigoMedicion {
  /** As the catalog writes it: `IDI`, `D1`…`D7`, `POL01`…`POL19`, `I01`… */
  codigo: string;
  nivel: NivelMedicion;
}

/** A column of scores as the file names it: its code and the header's words after the code. */
export interface ColumnaMedicion extends CodigoMedicion {
  /** «Calidad de la planeación estratégica del talento humano»; null when the header is only the code. */
  nombre: string | null;
}

/** The identifying columns of a results file, with the ways recent files write their headers. */
export const COLUMNAS_IDENTIFICACION = {
  codigoSigep: ['codigo sigep', 'cod sigep', 'sigep', 'codigo entidad sigep', 'codigo de la entidad sigep'],
  entidad: ['entidad', 'nombre entidad', 'nombre de la entidad'],
  departamento: ['departamento'],
  municipio: ['municipio'],
  tipoFormulario: ['tipo de formulario', 'tipo formulario', 'formulario'],
  naturalezaJuridica: ['naturaleza juridica'],
  grupoPar: ['grupo par', 'grupo de pares'],
} as const;
export type ColumnaIdentificacion = keyof typeof COLUMNAS_IDENTIFICACION;

/** Bounds of what is read: the national file has ≈ 6.000 rows and ≈ 120 measurement columns. */
export const LIMITES_RESULTADOS = {
  filas: 20_000,
  columnas: 400,
  largoTexto: 300,
  filasBuscarEncabezado: 30,
};

/** A header's text as one line: hyphenation at a line break joined, breaks and repeated spaces folded. */
const unaLinea = (s: string) =>
  s
    .replace(/\u00ad/g, '')
    .replace(/(\p{L})-\s*[\r\n]+\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The measurement a header names, by its leading code (D04 → D4, POL 3 → POL03, I1 → I01) or, for the IDI,
 * by its name; null for any other column.
 */
export function codigoDeEncabezado(encabezado: string): CodigoMedicion | null {
  const texto = unaLinea(encabezado);
  const m = /^(IDI|D|POL|I)\s*[-.]?\s*(\d{1,3})?(?=$|[\s.:\-–—)(])/iu.exec(texto);
  if (m) {
    const prefijo = m[1]!.toUpperCase();
    const numero = m[2] === undefined ? null : Number(m[2]);
    if (prefijo === 'IDI' && numero === null) return { codigo: 'IDI', nivel: 'idi' };
    if (numero === null || numero < 1) return null;
    if (prefijo === 'D' && numero <= 7) return { codigo: `D${numero}`, nivel: 'dimension' };
    if (prefijo === 'POL' && numero <= 99)
      return { codigo: `POL${String(numero).padStart(2, '0')}`, nivel: 'politica' };
    if (prefijo === 'I' && numero <= 999)
      return { codigo: `I${String(numero).padStart(2, '0')}`, nivel: 'indice' };
    return null;
  }
  return /^indice de desempeno institucional\b/.test(claveComparable(texto))
    ? { codigo: 'IDI', nivel: 'idi' }
    : null;
}

export function columnaDeIdentificacion(encabezado: string): ColumnaIdentificacion | null {
  const clave = claveComparable(unaLinea(encabezado).replace(/[.:_]/g, ' '));
  for (const [columna, nombres] of Object.entries(COLUMNAS_IDENTIFICACION))
    if ((nombres as readonly string[]).includes(clave)) return columna as ColumnaIdentificacion;
  return null;
}

/** The header row: the first of the top rows that names the entity and at least one measurement. */
export function filaDeEncabezado(filas: readonly FilaTabla[]): FilaTabla | null {
  return (
    filas.slice(0, LIMITES_RESULTADOS.filasBuscarEncabezado).find((f) => {
      const textos = f.celdas.map(textoCelda);
      return (
        textos.some((t) => columnaDeIdentificacion(t) === 'entidad') &&
        textos.some((t) => codigoDeEncabezado(t) !== null)
      );
    }) ?? null
  );
}

export interface ResultadoEntidad {
  fila: number;
  codigoSigep: string | null;
  entidad: string;
  departamento: string | null;
  municipio: string | null;
  tipoFormulario: string | null;
  naturalezaJuridica: string | null;
  grupoPar: string | null;
  /** Only the measurements that apply: a blank cell is absent here, not zero. */
  puntajes: Readonly<Record<string, number>>;
}

export type ArchivoResultados =
  | {
      ok: true;
      filaEncabezado: number;
      entidades: ResultadoEntidad[];
      columnas: { reconocidas: ColumnaMedicion[]; ignoradas: string[] };
    }
  | { ok: false; mensaje: string; problemas: ProblemaFila[] };

/** The header's words after its code (the name the file gives a measurement), bounded. */
export function nombreDeEncabezado(encabezado: string, m: CodigoMedicion): string | null {
  const texto = unaLinea(encabezado);
  if (m.nivel === 'idi' && !/^IDI\b/i.test(texto)) return texto.slice(0, 200);
  const resto = texto.replace(/^(IDI|D|POL|I)\s*[-.]?\s*(\d{1,3})?\s*[-.:–—)]*\s*/iu, '').trim();
  return resto ? resto.slice(0, 200) : null;
}

/** A score as files write it: 57.9, «57,9» or «57,90 »; anything else is a problem, not a guess. */
export function leerPuntaje(c: CeldaTabla): number | null | 'invalido' {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return Number.isFinite(c) && c >= 0 && c <= 100 ? c : 'invalido';
  const t = textoCelda(c);
  if (t === '' || /^(n\/?a|no aplica|-)$/i.test(t)) return null;
  if (!/^\d{1,3}([.,]\d+)?$/.test(t)) return 'invalido';
  const n = Number(t.replace(',', '.'));
  return n >= 0 && n <= 100 ? n : 'invalido';
}

const MAXIMO_PROBLEMAS = 200;

/**
 * Every row of the file after its header, all or nothing: a problem anywhere (a score out of 0–100, text where
 * a score goes, a código SIGEP twice, a column twice) rejects the file with each problem's row and column.
 */
export function leerArchivoResultados(filas: readonly FilaTabla[]): ArchivoResultados {
  const encabezado = filaDeEncabezado(filas);
  if (!encabezado)
    return {
      ok: false,
      mensaje: `No se encontró la fila de encabezados en las primeras ${LIMITES_RESULTADOS.filasBuscarEncabezado} filas: debe tener una columna «Entidad» y columnas que empiecen por su código (IDI, D1…D7, POL01…POL19, I01…).`,
      problemas: [],
    };
  const problemas: ProblemaFila[] = [];
  const textos = encabezado.celdas.map(textoCelda);
  if (textos.length > LIMITES_RESULTADOS.columnas)
    return {
      ok: false,
      mensaje: `El archivo tiene ${textos.length} columnas; el máximo es ${LIMITES_RESULTADOS.columnas}.`,
      problemas: [],
    };
  const medicion = new Map<number, ColumnaMedicion>();
  const identificacion = new Map<ColumnaIdentificacion, number>();
  const vistas = new Map<string, string>();
  const ignoradas: string[] = [];
  textos.forEach((t, i) => {
    if (!t) return;
    const nombre = unaLinea(t);
    const id = columnaDeIdentificacion(t);
    const codigo = id ? null : codigoDeEncabezado(t);
    const clave = id ?? codigo?.codigo;
    if (!clave) {
      ignoradas.push(nombre.slice(0, 120));
      return;
    }
    const previa = vistas.get(clave);
    if (previa) {
      problemas.push({
        fila: encabezado.numero,
        columna: nombre.slice(0, 120),
        problema: `Repite la columna «${previa}»: cada medición y cada dato de la entidad va en una sola columna.`,
      });
      return;
    }
    vistas.set(clave, nombre.slice(0, 120));
    if (id) identificacion.set(id, i);
    else medicion.set(i, { ...codigo!, nombre: nombreDeEncabezado(t, codigo!) });
  });
  const encabezadoDe = (i: number) => unaLinea(textos[i]!).slice(0, 120);
  const datos = filas.filter((f) => f.numero > encabezado.numero);
  if (datos.length > LIMITES_RESULTADOS.filas)
    return {
      ok: false,
      mensaje: `El archivo tiene ${datos.length} filas de entidades; el máximo es ${LIMITES_RESULTADOS.filas}.`,
      problemas: [],
    };
  const entidades: ResultadoEntidad[] = [];
  const porSigep = new Map<string, number>();
  for (const f of datos) {
    if (problemas.length >= MAXIMO_PROBLEMAS) break;
    const celda = (c: ColumnaIdentificacion) => {
      const i = identificacion.get(c);
      const t = i === undefined ? '' : textoCelda(f.celdas[i]);
      return t === '' ? null : t;
    };
    const entidad = celda('entidad');
    const vacia = f.celdas.every((c) => textoCelda(c) === '');
    if (vacia) continue;
    if (!entidad) {
      problemas.push({ fila: f.numero, columna: 'Entidad', problema: 'Falta el nombre de la entidad.' });
      continue;
    }
    let problemaTexto = false;
    for (const c of Object.keys(COLUMNAS_IDENTIFICACION) as ColumnaIdentificacion[]) {
      const t = celda(c);
      if (t === null) continue;
      const malo = buscarTextoNoPermitido(t);
      if (malo || t.length > LIMITES_RESULTADOS.largoTexto) {
        problemas.push({
          fila: f.numero,
          columna: encabezadoDe(identificacion.get(c)!),
          problema: malo
            ? MENSAJE_PROBLEMA[malo.problema]
            : `Tiene más de ${LIMITES_RESULTADOS.largoTexto} caracteres.`,
        });
        problemaTexto = true;
      }
    }
    if (problemaTexto) continue;
    const codigoSigep = celda('codigoSigep');
    if (codigoSigep) {
      const previa = porSigep.get(codigoSigep);
      if (previa !== undefined) {
        problemas.push({
          fila: f.numero,
          columna: encabezadoDe(identificacion.get('codigoSigep')!),
          problema: `El código SIGEP ${codigoSigep} ya está en la fila ${previa}.`,
        });
        continue;
      }
      porSigep.set(codigoSigep, f.numero);
    }
    const puntajes: Record<string, number> = {};
    for (const [i, m] of medicion) {
      const p = leerPuntaje(f.celdas[i]);
      if (p === 'invalido')
        problemas.push({
          fila: f.numero,
          columna: encabezadoDe(i),
          problema: `«${textoCelda(f.celdas[i]).slice(0, 40)}» no es un puntaje de 0 a 100 (deje la celda vacía si no aplica).`,
        });
      else if (p !== null) puntajes[m.codigo] = p;
    }
    entidades.push({
      fila: f.numero,
      codigoSigep,
      entidad,
      departamento: celda('departamento'),
      municipio: celda('municipio'),
      tipoFormulario: celda('tipoFormulario'),
      naturalezaJuridica: celda('naturalezaJuridica'),
      grupoPar: celda('grupoPar'),
      puntajes,
    });
  }
  if (!medicion.size)
    return { ok: false, mensaje: 'El archivo no tiene columnas de puntajes reconocibles.', problemas: [] };
  if (problemas.length)
    return {
      ok: false,
      mensaje: `El archivo tiene ${problemas.length >= MAXIMO_PROBLEMAS ? `al menos ${MAXIMO_PROBLEMAS}` : problemas.length} problema${problemas.length === 1 ? '' : 's'}: no se cargó ningún resultado.`,
      problemas: ordenarProblemas(problemas),
    };
  if (!entidades.length)
    return {
      ok: false,
      mensaje: 'El archivo no tiene filas de entidades bajo los encabezados.',
      problemas: [],
    };
  return {
    ok: true,
    filaEncabezado: encabezado.numero,
    entidades,
    columnas: { reconocidas: [...medicion.values()], ignoradas },
  };
}

// ---------- Grupo par ----------

export interface EstadisticaGrupo {
  /** Entities of the group with a score (those for whom it does not apply are not counted). */
  n: number;
  promedio: number;
  maximo: number;
  minimo: number;
  /** The group's scores, ascending: the entity's place is found by binary search. */
  ordenados: readonly number[];
}

export function estadisticaDe(puntajes: readonly number[]): EstadisticaGrupo | null {
  if (!puntajes.length) return null;
  const ordenados = [...puntajes].sort((a, b) => a - b);
  // Summed in ascending order so the mean does not depend on the file's row order.
  const suma = ordenados.reduce((s, x) => s + x, 0);
  return {
    n: ordenados.length,
    promedio: Math.min(ordenados.at(-1)!, Math.max(ordenados[0]!, suma / ordenados.length)),
    maximo: ordenados.at(-1)!,
    minimo: ordenados[0]!,
    ordenados,
  };
}

/** How many of the ascending scores are below x, and how many equal it. */
function rango(ordenados: readonly number[], x: number) {
  const primero = (cond: (v: number) => boolean) => {
    let lo = 0;
    let hi = ordenados.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cond(ordenados[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const debajo = primero((v) => v >= x);
  return { debajo, iguales: primero((v) => v > x) - debajo };
}

export interface Ubicacion {
  /** 1 is the best of the group; entities tied share the best place (1, 2, 2, 4). */
  posicion: number;
  /** 1 (lowest fifth of the group) to 5 (highest), by the mid-rank percentile: ties share a quintile. */
  quintil: number;
}

/** Where a score stands in its group. */
export function ubicar(e: EstadisticaGrupo, puntaje: number): Ubicacion {
  const { debajo, iguales } = rango(e.ordenados, puntaje);
  const encima = e.n - debajo - iguales;
  const percentil = (debajo + iguales / 2) / e.n;
  return { posicion: encima + 1, quintil: Math.min(5, Math.floor(percentil * 5) + 1) };
}

/**
 * The statistics of every measurement in every grupo par of the file, in one pass per group and code: for the
 * national file (≈ 6.000 entities × 120 columns) that is one sort per group and code.
 */
export function estadisticasPorGrupo(entidades: readonly ResultadoEntidad[]) {
  const valores = new Map<string, Map<string, number[]>>();
  for (const e of entidades) {
    if (!e.grupoPar) continue;
    const grupo = valores.get(e.grupoPar) ?? new Map<string, number[]>();
    valores.set(e.grupoPar, grupo);
    for (const [codigo, p] of Object.entries(e.puntajes)) {
      const lista = grupo.get(codigo);
      if (lista) lista.push(p);
      else grupo.set(codigo, [p]);
    }
  }
  const resultado = new Map<string, Map<string, EstadisticaGrupo>>();
  for (const [grupo, porCodigo] of valores)
    resultado.set(
      grupo,
      new Map([...porCodigo].map(([codigo, lista]) => [codigo, estadisticaDe(lista)!] as const)),
    );
  return resultado;
}

// ---------- Finding the entity's row ----------

type Identificada = Pick<ResultadoEntidad, 'fila' | 'entidad' | 'codigoSigep'>;

export type Hallazgo<E extends Identificada = ResultadoEntidad> =
  | { tipo: 'sigep'; entidad: E }
  | { tipo: 'nombre'; entidad: E }
  | { tipo: 'candidatos'; candidatos: E[] };

const palabras = (s: string) =>
  claveComparable(s.replace(/\./g, '').replace(/[^\p{L}\p{N}\s]/gu, ' '))
    .split(' ')
    .filter((p) => p.length > 2 && !['del', 'las', 'los', 'para'].includes(p));

/**
 * The entity's row: by código SIGEP; else by its exact name (accents, capitals and punctuation aside) when
 * only one row has it; else the rows that share most of its words, to offer as candidates (at most 10).
 */
export function buscarEntidad<E extends Identificada>(
  entidades: readonly E[],
  buscada: { codigoSigep?: string | null; nombre: string },
): Hallazgo<E> {
  if (buscada.codigoSigep) {
    const porCodigo = entidades.find((e) => e.codigoSigep === buscada.codigoSigep);
    if (porCodigo) return { tipo: 'sigep', entidad: porCodigo };
  }
  const nombre = palabras(buscada.nombre).join(' ');
  const exactas = entidades.filter((e) => palabras(e.entidad).join(' ') === nombre);
  if (exactas.length === 1) return { tipo: 'nombre', entidad: exactas[0]! };
  const buscadas = new Set(palabras(buscada.nombre));
  const puntuadas = entidades
    .map((e) => {
      const propias = palabras(e.entidad);
      const comunes = propias.filter((p) => buscadas.has(p)).length;
      return { e, puntaje: comunes / Math.max(buscadas.size, propias.length, 1) };
    })
    .filter((x) => x.puntaje >= 0.5)
    .sort((a, b) => b.puntaje - a.puntaje || a.e.fila - b.e.fila);
  return { tipo: 'candidatos', candidatos: puntuadas.slice(0, 10).map((x) => x.e) };
}

// ---------- Reading the results ----------

export interface MedicionLeida {
  codigo: string;
  puntaje: number | null;
  grupoPar: { promedio: number } | null;
}

/**
 * The indices to work on first: the lowest scores that apply, and among equal scores the one furthest below
 * its grupo par's average. An index that does not apply (blank in the file) is never weak.
 */
export function indicesMasDebiles<M extends MedicionLeida>(indices: readonly M[], cuantos: number): M[] {
  const brecha = (m: M) => (m.grupoPar ? m.grupoPar.promedio - m.puntaje! : 0);
  return indices
    .filter((m) => m.puntaje !== null)
    .sort((a, b) => a.puntaje! - b.puntaje! || brecha(b) - brecha(a) || a.codigo.localeCompare(b.codigo))
    .slice(0, Math.max(0, cuantos));
}
