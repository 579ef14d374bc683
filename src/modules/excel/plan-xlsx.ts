// Formatted workbooks of the plan and of a period's follow-up, and reading an imported plan back.
// ExcelJS is loaded only when a workbook is made or read: it is large and most requests never need it.
import { inflateRawSync } from 'node:zlib';
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { NOMBRE_ACUMULACION } from '../../core/acumulacion.ts';
import {
  type ActividadImportada,
  type Celda,
  type ClaveColumna,
  COLUMNAS_PLAN,
  encabezadosPlan,
  type FilaHoja,
} from '../../core/plan-importacion.ts';
import { datosEntrada, leerDirectorioZip } from '../../core/zip.ts';

const cargarExcel = async () => (await import('exceljs')).default;
const AZUL = 'FF0B3D91';
const FORMATO_FECHA = 'dd/mm/yyyy';
const FORMATO_PESOS = '"$" #,##0';

/** Header row in bold white on blue, frozen, with filters, as planning offices expect of a report. */
export function encabezar(hoja: Worksheet, encabezados: string[], anchos: number[]) {
  hoja.columns = encabezados.map((header, i) => ({ header, width: anchos[i] ?? 14 }));
  const fila = hoja.getRow(1);
  fila.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  fila.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: AZUL } };
  fila.alignment = { vertical: 'middle', wrapText: true };
  fila.height = 32;
  hoja.views = [{ state: 'frozen', ySplit: 1 }];
  hoja.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: encabezados.length } };
}

const fechaExcel = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A row of the plan sheet: the activity as imported, with names and e-mails instead of ids. */
export type FilaPlanXlsx = Omit<ActividadImportada, 'dependenciaId' | 'responsableId' | 'corresponsables'> & {
  dependencia: string | null;
  responsable: string | null;
};

/** The row's cells in the order of `encabezadosPlan`: the period goals go right after the unit. */
function celdasPlan(f: FilaPlanXlsx, columnasMeta: number): unknown[] {
  const porClave: Record<ClaveColumna, unknown> = {
    codigo: f.codigo,
    politica: f.politica,
    indiceFurag: f.indiceFurag,
    plan612: f.plan612,
    planPropio: f.planPropio,
    objetivo: f.objetivo,
    nombre: f.nombre,
    producto: f.producto,
    metaAnual: f.metaAnual,
    acumulacion: NOMBRE_ACUMULACION[f.acumulacion],
    unidad: f.unidad,
    ponderacion: f.ponderacion,
    dependencia: f.dependencia,
    responsable: f.responsable,
    fechaInicio: fechaExcel(f.fechaInicio),
    fechaFin: fechaExcel(f.fechaFin),
    presupuesto: f.presupuesto,
    rubro: f.rubro,
    bpin: f.bpin,
    riesgo: f.riesgo,
  };
  const celdas = COLUMNAS_PLAN.map((c) => porClave[c.clave]);
  const tras = COLUMNAS_PLAN.findIndex((c) => c.clave === 'unidad') + 1;
  // An instrument with its own scheme (the PTEP: 3 cuatrimestres) leaves the remaining goal columns empty,
  // as the template asks, so the columns after them stay in place.
  const metas = Array.from({ length: Math.max(columnasMeta, f.metasPeriodo.length) }, (_, i) =>
    i < f.metasPeriodo.length ? f.metasPeriodo[i] : null,
  );
  return [...celdas.slice(0, tras), ...metas, ...celdas.slice(tras)];
}

export function agregarHojaPlan(libro: Workbook, periodos: string[], filas: FilaPlanXlsx[]) {
  const hoja = libro.addWorksheet('Plan de acción');
  const encabezados = encabezadosPlan(periodos);
  const anchos = encabezados.map((e) => COLUMNAS_PLAN.find((c) => c.encabezado === e)?.ancho ?? 12);
  encabezar(hoja, encabezados, anchos);
  for (const f of filas) hoja.addRow(celdasPlan(f, periodos.length));
  const col = (e: string) => hoja.getColumn(encabezados.indexOf(e) + 1);
  col('Fecha de inicio').numFmt = FORMATO_FECHA;
  col('Fecha de fin').numFmt = FORMATO_FECHA;
  col('Presupuesto (COP)').numFmt = FORMATO_PESOS;
  col('Actividad').alignment = { wrapText: true, vertical: 'top' };
  return hoja;
}

/** ExcelJS has `dataValidations` on every sheet (ranges included) but its typings leave it out. */
type ConValidaciones = Worksheet & { dataValidations: { add(rango: string, v: DataValidation): void } };

/** A column of the template that only takes values from a list: its header and the accepted values. */
export interface ListaDesplegable {
  encabezado: string;
  valores: readonly string[];
  /** A second column beside the values to explain them (an índice's name beside its code). */
  ayuda?: { encabezado: string; valores: readonly string[] };
  /** The cell may hold several values separated by «,» (roles): the drop-down suggests, the import checks. */
  varios?: boolean;
}

/**
 * The sheet «Listas válidas», one column per list holding exactly what the import accepts, and a drop-down
 * (data validation) on each of those columns of the plan sheet down to the last row the import reads.
 * Pasting can still bypass a drop-down; the import checks every value again.
 */
export function agregarListasDesplegables(
  libro: Workbook,
  hojaPlan: Worksheet,
  encabezadosPlan: readonly string[],
  listas: readonly ListaDesplegable[],
) {
  const hoja = libro.addWorksheet('Listas válidas');
  const columnas = listas.flatMap((l) => [
    { header: l.encabezado, width: 44, valores: l.valores },
    ...(l.ayuda ? [{ header: l.ayuda.encabezado, width: 60, valores: l.ayuda.valores }] : []),
  ]);
  hoja.columns = columnas.map(({ header, width }) => ({ header, width }));
  hoja.getRow(1).font = { bold: true };
  columnas.forEach((c, i) => {
    c.valores.forEach((v, j) => {
      hoja.getCell(j + 2, i + 1).value = v;
    });
  });
  let columna = 1;
  for (const l of listas) {
    const destino = encabezadosPlan.indexOf(l.encabezado) + 1;
    if (destino > 0 && l.valores.length > 0) {
      const letra = letraColumna(columna);
      const rango = `'${hoja.name}'!$${letra}$2:$${letra}$${l.valores.length + 1}`;
      const destinoLetra = letraColumna(destino);
      (hojaPlan as ConValidaciones).dataValidations.add(
        `${destinoLetra}2:${destinoLetra}${LIMITES_XLSX.filas + 1}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [rango],
          showErrorMessage: true,
          errorStyle: l.varios ? 'information' : 'stop',
          errorTitle: l.encabezado,
          error: l.varios
            ? `Elija valores de la lista (hoja «${hoja.name}»), separados por «,».`
            : `Elija un valor de la lista (hoja «${hoja.name}»).`,
        },
      );
    }
    columna += l.ayuda ? 2 : 1;
  }
  return hoja;
}

export interface FilaSeguimientoXlsx {
  codigo: string;
  politica: string;
  nombre: string;
  unidad: string;
  metaPeriodo: number;
  logradoPeriodo: number | null;
  /** null: a stored value made the sum impossible (an empty cell, not Infinity). */
  logradoAcumulado: number | null;
  avanceAcumulado: number | null;
  cumplimientoPeriodo: number | null;
  /** Control interno's own percentage of the period, beside the self-reported cumplimiento. */
  avanceVerificado: number | null;
  estado: string;
  /** Chosen for verification, who verifies, where it stands («Completo: no seleccionado…»). */
  verificacion: string;
  tardio: boolean;
  descripcion: string | null;
  dificultades: string | null;
  evidencias: number;
  observacionesPlaneacion: string | null;
  observacionesControl: string | null;
  respuestaControl: string | null;
}

export function agregarHojaSeguimiento(libro: Workbook, periodo: string, filas: FilaSeguimientoXlsx[]) {
  const hoja = libro.addWorksheet(`Seguimiento ${periodo}`.slice(0, 31));
  encabezar(
    hoja,
    [
      'Código',
      'Política',
      'Actividad',
      'Unidad',
      'Meta del periodo',
      'Logrado en el periodo',
      'Logrado acumulado',
      'Avance acumulado (%)',
      'Cumplimiento del periodo (%)',
      'Avance verificado por control interno (%)',
      'Estado del reporte',
      'Verificación',
      'Tardío',
      'Qué se hizo',
      'Dificultades',
      'Evidencias',
      'Observaciones de planeación',
      'Observaciones de control interno',
      'Respuesta a control interno',
    ],
    [12, 30, 50, 14, 12, 12, 12, 14, 14, 16, 26, 40, 8, 50, 36, 10, 36, 36, 36],
  );
  // Percentages as fractions with a % format, so they stay numbers a spreadsheet can sum.
  const fraccion = (x: number | null) => (x === null ? null : x / 100);
  for (const f of filas)
    hoja.addRow([
      f.codigo,
      f.politica,
      f.nombre,
      f.unidad,
      f.metaPeriodo,
      f.logradoPeriodo,
      f.logradoAcumulado,
      fraccion(f.avanceAcumulado),
      fraccion(f.cumplimientoPeriodo),
      fraccion(f.avanceVerificado),
      f.estado,
      f.verificacion,
      f.tardio ? 'Sí' : 'No',
      f.descripcion,
      f.dificultades,
      f.evidencias,
      f.observacionesPlaneacion,
      f.observacionesControl,
      f.respuestaControl,
    ]);
  for (const c of [8, 9, 10]) hoja.getColumn(c).numFmt = '0.0%';
  return hoja;
}

export async function nuevoLibro() {
  const ExcelJS = await cargarExcel();
  const libro = new ExcelJS.Workbook();
  libro.creator = 'MIPG Abierto';
  libro.created = new Date();
  return libro;
}

export const aBuffer = async (libro: Workbook) => Buffer.from(await libro.xlsx.writeBuffer());

/** Values of a cell as the validation expects them: text, number, date or empty. */
function valorCelda(v: unknown): Celda {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'Sí' : 'No';
  const o = v as { text?: string; result?: unknown; richText?: { text: string }[]; hyperlink?: string };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.result !== undefined) return valorCelda(o.result);
  if (o.text !== undefined) return o.text;
  return null;
}

export const LIMITES_XLSX = {
  /** The template has 19 columns plus one per period (at most 12): 60 leaves room for notes. */
  columnas: 60,
  /** Activities, without the header: twice the largest real plans (the bench imports 10,000). */
  filas: 20_000,
  entradas: 500,
  /** 20,000 full rows of the monthly template inflate to about 18 MB (and take ~200 MB of heap to read). */
  descomprimidoTotal: 64 * 1024 * 1024,
};

/** What one kind of upload may hold: the plan's template by default; the FURAG results file is wider. */
export interface LimitesHoja {
  columnas: number;
  filas: number;
  /** How the rows are called in the messages: «filas de actividades», «filas de entidades». */
  queFilas: string;
  /** What to split when the file is too large: «el plan», «el archivo», «la lista de personas». */
  queDividir: string;
}
export const LIMITES_HOJA_PLAN: LimitesHoja = {
  columnas: LIMITES_XLSX.columnas,
  filas: LIMITES_XLSX.filas,
  queFilas: 'filas de actividades',
  queDividir: 'el plan',
};

export type LecturaPlan =
  | { ok: true; encabezados: string[]; filas: FilaHoja[] }
  | { ok: false; status: 400 | 413; mensaje: string };

const NO_ES_XLSX = 'El archivo no es un libro de Excel (.xlsx) válido.';
const miles = (n: number) => n.toLocaleString('es-CO');
const MB = (n: number) => `${miles(Math.round(n / 1024 / 1024))} MB`;

/** Column letters as Excel shows them: 1 → A, 60 → BH, 16384 → XFD. */
export function letraColumna(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Refuses zip bombs by the declared sizes of the central directory, before anything is inflated. */
export function revisarDirectorio(
  contenido: Buffer,
  limites: LimitesHoja = LIMITES_HOJA_PLAN,
): Extract<LecturaPlan, { ok: false }> | null {
  const zip = leerDirectorioZip(contenido, LIMITES_XLSX);
  if (!zip.ok) {
    if (zip.motivo === 'no_es_zip') return { ok: false, status: 400, mensaje: NO_ES_XLSX };
    return {
      ok: false,
      status: 413,
      mensaje:
        zip.motivo === 'demasiadas_entradas'
          ? `El archivo .xlsx tiene demasiadas partes internas: se admiten como máximo ${miles(LIMITES_XLSX.entradas)}.`
          : `El contenido del archivo .xlsx ocupa más de ${MB(LIMITES_XLSX.descomprimidoTotal)} al descomprimirlo: divida ${limites.queDividir} en varios archivos.`,
    };
  }
  return null;
}

/** Then each entry is inflated with its declared size as a hard cap: a lying entry stops there. */
function revisarZip(contenido: Buffer, limites: LimitesHoja): LecturaPlan | null {
  const directorio = revisarDirectorio(contenido, limites);
  if (directorio) return directorio;
  const zip = leerDirectorioZip(contenido, LIMITES_XLSX);
  if (!zip.ok) return { ok: false, status: 400, mensaje: NO_ES_XLSX };
  for (const e of zip.entradas) {
    const datos = datosEntrada(contenido, e);
    if (!datos) return { ok: false, status: 400, mensaje: NO_ES_XLSX };
    if (e.metodo === 0 && datos.length === e.descomprimido) continue;
    if (e.metodo !== 8) return { ok: false, status: 400, mensaje: NO_ES_XLSX };
    try {
      const real = inflateRawSync(datos, { maxOutputLength: Math.max(1, e.descomprimido) }).length;
      if (real !== e.descomprimido) return { ok: false, status: 400, mensaje: NO_ES_XLSX };
    } catch {
      // Beyond the declared size (a bomb) or corrupt data: either way not a workbook to read.
      return { ok: false, status: 400, mensaje: NO_ES_XLSX };
    }
  }
  return null;
}

/**
 * Everything in a sheet but its cells. ExcelJS expands merges and data validations cell by cell, so a
 * `<mergeCell ref="A1:XFD1048576"/>` in a 6 KB file would never finish loading; the import needs only values.
 */
const SOLO_CELDAS = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'mergeCells',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/**
 * Reads the «Plan de acción» sheet (or the first one): headers and the rows that have content, each with its
 * sheet row number. Only the cells present are visited, so a cell at XFD1048576 costs one cell, not the range.
 * Runs inside a worker (leer-en-hilo.ts); callable directly in tests.
 */
export async function leerLibroPlan(
  contenido: Buffer,
  limites: LimitesHoja = LIMITES_HOJA_PLAN,
): Promise<LecturaPlan> {
  const zip = revisarZip(contenido, limites);
  if (zip) return zip;
  const ExcelJS = await cargarExcel();
  const libro = new ExcelJS.Workbook();
  // Defined names are expanded cell by cell too, and the import never uses them: ExcelJS gets a sink instead
  // (a private field; should it change, the worker's memory limit still stops the expansion).
  Object.assign(libro, { _definedNames: { model: [] } });
  try {
    await libro.xlsx.load(contenido as unknown as ArrayBuffer, { ignoreNodes: SOLO_CELDAS });
    return leerHoja(libro, limites);
  } catch {
    // Whatever ExcelJS cannot make sense of is the file's problem, never a 500.
    return { ok: false, status: 400, mensaje: NO_ES_XLSX };
  }
}

function leerHoja(libro: Workbook, limites: LimitesHoja): LecturaPlan {
  const hoja = libro.getWorksheet('Plan de acción') ?? libro.worksheets[0];
  if (!hoja) return { ok: false, status: 400, mensaje: NO_ES_XLSX };
  const ultimaFila = limites.filas + 1;
  let fueraDeLimite: { fila: number; columna: number } | null = null;
  let encabezados: string[] = [];
  const filas: FilaHoja[] = [];
  // Rows and cells are sparse in ExcelJS: eachRow / eachCell skip the ones that were never written.
  hoja.eachRow((row, numero) => {
    if (fueraDeLimite) return;
    if (numero > ultimaFila) {
      fueraDeLimite = { fila: numero, columna: 0 };
      return;
    }
    const celdas: Celda[] = [];
    row.eachCell((cell, columna) => {
      if (columna > limites.columnas) fueraDeLimite ??= { fila: numero, columna };
      else celdas[columna - 1] = valorCelda(cell.value);
    });
    const densas = Array.from(celdas, (c) => c ?? null);
    if (numero === 1) encabezados = densas.map((c) => (c === null ? '' : String(c).trim()));
    else filas.push({ numero, celdas: densas });
  });
  const fuera = fueraDeLimite as { fila: number; columna: number } | null;
  if (fuera)
    return {
      ok: false,
      status: 413,
      mensaje: fuera.columna
        ? `La hoja «${hoja.name}» tiene datos en la columna ${letraColumna(fuera.columna)} (fila ${miles(fuera.fila)}): se admiten como máximo ${limites.columnas} columnas (hasta la ${letraColumna(limites.columnas)}). Borre las columnas sobrantes y vuelva a cargarlo.`
        : `La hoja «${hoja.name}» tiene datos en la fila ${miles(fuera.fila)}: se admiten como máximo ${miles(limites.filas)} ${limites.queFilas} (hasta la fila ${miles(ultimaFila)}). Borre las filas sobrantes o divida ${limites.queDividir} en varios archivos.`,
    };
  return { ok: true, encabezados, filas };
}
