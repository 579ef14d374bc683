// Formatted workbooks of the plan and of a period's follow-up, and reading an imported plan back.
// ExcelJS is loaded only when a workbook is made or read: it is large and most requests never need it.
import type { Workbook, Worksheet } from 'exceljs';
import {
  type ActividadImportada,
  type Celda,
  COLUMNAS_PLAN,
  encabezadosPlan,
} from '../../core/plan-importacion.ts';

const cargarExcel = async () => (await import('exceljs')).default;
const AZUL = 'FF0B3D91';
const FORMATO_FECHA = 'dd/mm/yyyy';
const FORMATO_PESOS = '"$" #,##0';

/** Header row in bold white on blue, frozen, with filters, as planning offices expect of a report. */
function encabezar(hoja: Worksheet, encabezados: string[], anchos: number[]) {
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

export function agregarHojaPlan(libro: Workbook, periodos: string[], filas: FilaPlanXlsx[]) {
  const hoja = libro.addWorksheet('Plan de acción');
  const encabezados = encabezadosPlan(periodos);
  const anchos = encabezados.map((e) => COLUMNAS_PLAN.find((c) => c.encabezado === e)?.ancho ?? 12);
  encabezar(hoja, encabezados, anchos);
  for (const f of filas)
    hoja.addRow([
      f.codigo,
      f.politica,
      f.indiceFurag,
      f.plan612,
      f.objetivo,
      f.nombre,
      f.producto,
      f.metaAnual,
      f.unidad,
      ...f.metasPeriodo,
      f.ponderacion,
      f.dependencia,
      f.responsable,
      fechaExcel(f.fechaInicio),
      fechaExcel(f.fechaFin),
      f.presupuesto,
      f.rubro,
      f.bpin,
      f.riesgo,
    ]);
  const col = (e: string) => hoja.getColumn(encabezados.indexOf(e) + 1);
  col('Fecha de inicio').numFmt = FORMATO_FECHA;
  col('Fecha de fin').numFmt = FORMATO_FECHA;
  col('Presupuesto (COP)').numFmt = FORMATO_PESOS;
  col('Actividad').alignment = { wrapText: true, vertical: 'top' };
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
  estado: string;
  tardio: boolean;
  descripcion: string | null;
  dificultades: string | null;
  evidencias: number;
  observacionesPlaneacion: string | null;
  observacionesControl: string | null;
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
      'Estado del reporte',
      'Tardío',
      'Qué se hizo',
      'Dificultades',
      'Evidencias',
      'Observaciones de planeación',
      'Observaciones de control interno',
    ],
    [12, 30, 50, 14, 12, 12, 12, 14, 14, 26, 8, 50, 36, 10, 36, 36],
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
      f.estado,
      f.tardio ? 'Sí' : 'No',
      f.descripcion,
      f.dificultades,
      f.evidencias,
      f.observacionesPlaneacion,
      f.observacionesControl,
    ]);
  hoja.getColumn(8).numFmt = '0.0%';
  hoja.getColumn(9).numFmt = '0.0%';
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

/** Reads the «Plan de acción» sheet (or the first one): headers and rows. Null when not an xlsx. */
export async function leerLibroPlan(contenido: Buffer) {
  const ExcelJS = await cargarExcel();
  const libro = new ExcelJS.Workbook();
  try {
    await libro.xlsx.load(contenido as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const hoja = libro.getWorksheet('Plan de acción') ?? libro.worksheets[0];
  if (!hoja) return null;
  const ancho = hoja.getRow(1).cellCount;
  const leer = (n: number) =>
    Array.from({ length: ancho }, (_, i) => valorCelda(hoja.getRow(n).getCell(i + 1).value));
  const encabezados = leer(1).map((c) => (c === null ? '' : String(c).trim()));
  const filas: Celda[][] = [];
  for (let n = 2; n <= hoja.rowCount; n++) filas.push(leer(n));
  return { encabezados, filas };
}
