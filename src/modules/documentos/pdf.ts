// The entity's documents as PDF (actas, informes): one letterhead, page numbers and tables that break cleanly,
// so every module's document looks like the same entity wrote it. pdfmake lays out; the fonts ship inside its
// npm package (Roboto), so a fresh install needs nothing from the system.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fechaCivil, fechaHora } from '../../core/formato.ts';

const require = createRequire(import.meta.url);
// pdfmake is CommonJS with one shared instance: fonts and policies are set once, here.
const pdfmake = require('pdfmake') as {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(f: (url: string) => boolean): void;
  setLocalAccessPolicy(f: (ruta: string) => boolean): void;
  createPdf(d: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
const FUENTES = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(FUENTES, 'Roboto-Regular.ttf'),
    bold: join(FUENTES, 'Roboto-Medium.ttf'),
    italics: join(FUENTES, 'Roboto-Italic.ttf'),
    bolditalics: join(FUENTES, 'Roboto-MediumItalic.ttf'),
  },
});
// A document never fetches anything: images come in as bytes, and only the fonts are read from disk.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((ruta) => ruta.startsWith(FUENTES));

export interface Membrete {
  nombre: string;
  /** «NIT 891.200.240-8», shown under the name. */
  nit?: string;
  /** The entity's logo (PNG or JPEG; a WebP logo is left out: PDF cannot carry it). */
  logo?: { imagen: Buffer; tipo: string } | null;
}

export interface DocumentoPdf {
  membrete: Membrete;
  /** The document's title: «Acta n.º 3 de 2026 — Comité Institucional de Gestión y Desempeño». */
  titulo: string;
  subtitulo?: string;
  contenido: Content[];
  /** When it was generated (shown in the footer); now by default. */
  generado?: Date;
}

const GRIS = '#555555';

/** The PDF's bytes: letterhead on every page, «Página n de m», the title on the first page. */
export async function documentoPdf(d: DocumentoPdf): Promise<Buffer> {
  const logo =
    d.membrete.logo && /^image\/(png|jpeg)$/.test(d.membrete.logo.tipo)
      ? `data:${d.membrete.logo.tipo};base64,${d.membrete.logo.imagen.toString('base64')}`
      : null;
  const generado = d.generado ?? new Date();
  const definicion: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageMargins: [56, 96, 56, 64],
    info: { title: d.titulo, author: d.membrete.nombre, creator: 'MIPG Abierto' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    header: () => ({
      margin: [56, 28, 56, 0],
      columns: [
        ...(logo ? [{ image: logo, fit: [48, 48] as [number, number], width: 56 }] : []),
        {
          stack: [
            { text: d.membrete.nombre, bold: true, fontSize: 12 },
            ...(d.membrete.nit ? [{ text: d.membrete.nit, fontSize: 9, color: GRIS }] : []),
          ],
        },
      ],
    }),
    footer: (pagina: number, paginas: number) => ({
      margin: [56, 24, 56, 0],
      columns: [
        { text: `Generado con MIPG Abierto el ${fechaHora(generado)}`, fontSize: 8, color: GRIS },
        { text: `Página ${pagina} de ${paginas}`, alignment: 'right', fontSize: 8, color: GRIS },
      ],
    }),
    styles: {
      titulo: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      subtitulo: { fontSize: 11, color: GRIS, margin: [0, 0, 0, 12] },
      seccion: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
      encabezadoTabla: { bold: true, fillColor: '#e9ecef' },
    },
    content: [
      { text: d.titulo, style: 'titulo' },
      ...(d.subtitulo ? [{ text: d.subtitulo, style: 'subtitulo' }] : []),
      ...d.contenido,
    ],
  };
  return pdfmake.createPdf(definicion).getBuffer();
}

/** A section heading inside a document. */
export const seccionPdf = (texto: string): Content => ({ text: texto, style: 'seccion' });

/**
 * A table that breaks cleanly across pages: the header row repeats on each page and no row is split in two.
 * `anchos`: pdfmake widths ('*' shares the rest, 'auto' fits the content).
 */
export function tablaPdf(
  encabezados: string[],
  filas: (string | number | null)[][],
  anchos: (string | number)[] = encabezados.map(() => '*'),
): Content {
  const celda = (v: string | number | null): TableCell => ({ text: v === null ? '—' : String(v) });
  return {
    table: {
      headerRows: 1,
      // Never a header alone at the foot of a page.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: anchos,
      body: [
        encabezados.map((e) => ({ text: e, style: 'encabezadoTabla' })),
        ...filas.map((f) => f.map(celda)),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

/** A civil date (aaaa-mm-dd) as the document writes it. */
export const fechaPdf = fechaCivil;
