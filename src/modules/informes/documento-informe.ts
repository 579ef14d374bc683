// A report as one structure — a cover with its facts, then sections of paragraphs and tables — rendered
// as PDF (the entity's letterhead, documentos/pdf.ts) and as .xlsx (one sheet per table, excel/plan-xlsx.ts):
// both formats say the same thing because they are written from the same rows.
import type { Content } from 'pdfmake/interfaces.js';
import { porcentajeTexto } from '../../core/formato.ts';
import { numeroCo } from '../../core/numeros.ts';
import { documentoPdf, type Membrete, seccionPdf, tablaPdf } from '../documentos/pdf.ts';
import { aBuffer, encabezar, nuevoLibro } from '../excel/plan-xlsx.ts';

export interface ColumnaInforme {
  titulo: string;
  /** `porcentaje`: 0–100, «85,5 %» in the PDF and a number in the sheet. */
  tipo?: 'texto' | 'numero' | 'porcentaje';
  /** Width in the PDF (pdfmake: '*' shares the rest) and in the sheet (characters). */
  anchoPdf?: string | number;
  anchoXlsx?: number;
}

export type CeldaInforme = string | number | null;

export interface SeccionInforme {
  titulo: string;
  /** The sheet's name in the workbook (31 characters at most); sections without a table have none. */
  hoja?: string;
  parrafos?: string[];
  tabla?: { columnas: ColumnaInforme[]; filas: CeldaInforme[][] };
  /** Said instead of an empty table. */
  siVacia?: string;
}

export interface Informe {
  titulo: string;
  subtitulo: string;
  /** Facts of the cover, in order: «Vigencia» → «2026». */
  portada: [string, string][];
  secciones: SeccionInforme[];
  generado?: Date;
}

const textoCelda = (v: CeldaInforme, tipo: ColumnaInforme['tipo']) =>
  v === null
    ? null
    : tipo === 'porcentaje' && typeof v === 'number'
      ? porcentajeTexto(v)
      : typeof v === 'number'
        ? numeroCo(v)
        : v;

export async function informePdf(membrete: Membrete, i: Informe): Promise<Buffer> {
  const contenido: Content[] = [
    {
      table: {
        widths: [140, '*'],
        body: i.portada.map(([k, v]) => [{ text: k, bold: true }, v]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
  ];
  for (const s of i.secciones) {
    contenido.push(seccionPdf(s.titulo));
    for (const p of s.parrafos ?? []) contenido.push({ text: p, margin: [0, 0, 0, 6] });
    if (s.tabla?.filas.length) {
      const { columnas, filas } = s.tabla;
      contenido.push(
        tablaPdf(
          columnas.map((c) => c.titulo),
          filas.map((f) => f.map((v, k) => textoCelda(v, columnas[k]?.tipo))),
          columnas.map((c) => c.anchoPdf ?? '*'),
        ),
      );
    } else if (s.tabla && s.siVacia) contenido.push({ text: s.siVacia, italics: true, margin: [0, 0, 0, 6] });
  }
  return documentoPdf({
    membrete,
    titulo: i.titulo,
    subtitulo: i.subtitulo,
    contenido,
    ...(i.generado ? { generado: i.generado } : {}),
  });
}

export async function informeXlsx(membrete: Membrete, i: Informe): Promise<Buffer> {
  const libro = await nuevoLibro();
  const portada = libro.addWorksheet('Portada');
  portada.columns = [{ width: 28 }, { width: 90 }];
  portada.addRow([membrete.nombre]).font = { bold: true, size: 14 };
  if (membrete.nit) portada.addRow([membrete.nit]);
  portada.addRow([i.titulo]).font = { bold: true, size: 12 };
  portada.addRow([i.subtitulo]);
  portada.addRow([]);
  for (const [k, v] of i.portada) portada.addRow([k, v]).getCell(1).font = { bold: true };
  for (const s of i.secciones) {
    if (!s.tabla) {
      if (s.parrafos?.length) {
        portada.addRow([]);
        portada.addRow([s.titulo]).font = { bold: true };
        for (const p of s.parrafos) portada.addRow(['', p]).getCell(2).alignment = { wrapText: true };
      }
      continue;
    }
    const hoja = libro.addWorksheet((s.hoja ?? s.titulo).slice(0, 31));
    const { columnas, filas } = s.tabla;
    encabezar(
      hoja,
      columnas.map((c) => c.titulo),
      columnas.map((c) => c.anchoXlsx ?? 16),
    );
    for (const f of filas) hoja.addRow(f);
    columnas.forEach((c, k) => {
      const col = hoja.getColumn(k + 1);
      if (c.tipo === 'porcentaje') col.numFmt = '0.0" %"';
      else if (!c.tipo || c.tipo === 'texto') col.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return aBuffer(libro);
}
