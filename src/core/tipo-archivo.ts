// File type by content (magic bytes), never by name or declared type: a renamed .exe stays an .exe.
export type TipoImagen = 'image/png' | 'image/jpeg' | 'image/webp';

const empiezaCon = (b: Uint8Array, firma: number[], desde = 0) => firma.every((x, i) => b[desde + i] === x);

export function tipoImagen(b: Uint8Array): TipoImagen | null {
  if (empiezaCon(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (empiezaCon(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (empiezaCon(b, [0x52, 0x49, 0x46, 0x46]) && empiezaCon(b, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

/** `extensiones`: those a file of this type may carry, the first being the one given when the name has another. */
export type TipoEvidencia = { mime: string; nombre: string; extensiones: readonly string[] };

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Every accepted type by MIME: the name shown to people and the extensions a downloaded file may carry. */
const TIPOS: Record<string, TipoEvidencia> = Object.fromEntries(
  (
    [
      ['application/pdf', 'PDF', ['pdf']],
      [DOCX, 'documento de Word', ['docx']],
      [XLSX, 'libro de Excel', ['xlsx']],
      [PPTX, 'presentación de PowerPoint', ['pptx']],
      ['application/vnd.oasis.opendocument.text', 'documento OpenDocument', ['odt']],
      ['application/vnd.oasis.opendocument.spreadsheet', 'hoja de cálculo OpenDocument', ['ods']],
      ['application/vnd.oasis.opendocument.presentation', 'presentación OpenDocument', ['odp']],
      ['application/zip', 'archivo ZIP', ['zip']],
      // The content cannot tell a .doc from a .xls or .ppt; any of the three, never .msi or .exe.
      ['application/vnd.ms-office', 'documento de Office 97–2003', ['doc', 'xls', 'ppt']],
      ['image/png', 'imagen', ['png']],
      ['image/jpeg', 'imagen', ['jpg', 'jpeg']],
      ['image/webp', 'imagen', ['webp']],
      ['image/gif', 'imagen', ['gif']],
      ['text/csv', 'CSV', ['csv']],
    ] as const
  ).map(([mime, nombre, extensiones]) => [mime, { mime, nombre, extensiones }]),
);

/** The type of a stored evidence by its MIME (as detected at upload); null for unknown ones. */
export const tipoPorMime = (mime: string | null | undefined): TipoEvidencia | null =>
  (mime && Object.hasOwn(TIPOS, mime) ? TIPOS[mime] : null) ?? null;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_VACIO = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls, .ppt (Office 97–2003)

/** Office Open XML and OpenDocument are ZIP files; the first entry names tell which (ODF puts mimetype first). */
function tipoZip(b: Uint8Array): TipoEvidencia {
  const cabeza = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 4096)));
  const odf = /mimetypeapplication\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)/.exec(cabeza);
  if (odf) return TIPOS[`application/vnd.oasis.opendocument.${odf[1]}`]!;
  if (cabeza.includes('mimetypeapplication/vnd.oasis.opendocument')) return TIPOS['application/zip']!;
  if (cabeza.includes('word/')) return TIPOS[DOCX]!;
  if (cabeza.includes('xl/')) return TIPOS[XLSX]!;
  if (cabeza.includes('ppt/')) return TIPOS[PPTX]!;
  return TIPOS['application/zip']!;
}

/** Plain text that a spreadsheet would read: valid UTF-8, no control bytes, a delimiter in the first line. */
function esCsv(b: Uint8Array): boolean {
  let texto: string;
  try {
    texto = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, Math.min(b.length, 65536)));
  } catch {
    // A cut in the middle of a multi-byte character at the 64 KB boundary is not a reason to refuse.
    if (b.length <= 65536) return false;
    texto = new TextDecoder('utf-8').decode(b.subarray(0, 65536));
  }
  const control = [...texto].some((c) => {
    const n = c.charCodeAt(0);
    return n < 32 && n !== 9 && n !== 10 && n !== 13;
  });
  if (control) return false;
  const primera = texto.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t]/.test(primera);
}

/**
 * Evidence accepted by content: PDF, Office (97–2003 and Open XML), OpenDocument, images, CSV and ZIP.
 * The file name only decides between CSV and other text; everything else is refused by the caller.
 */
export function tipoEvidencia(b: Uint8Array, nombreArchivo: string): TipoEvidencia | null {
  if (empiezaCon(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return TIPOS['application/pdf']!;
  if (empiezaCon(b, ZIP) || empiezaCon(b, ZIP_VACIO)) return tipoZip(b);
  if (empiezaCon(b, OLE)) return TIPOS['application/vnd.ms-office']!;
  const imagen = tipoImagen(b);
  if (imagen) return TIPOS[imagen]!;
  if (empiezaCon(b, [0x47, 0x49, 0x46, 0x38])) return TIPOS['image/gif']!;
  if (/\.csv$/i.test(nombreArchivo) && b.length > 0 && esCsv(b)) return TIPOS['text/csv']!;
  return null;
}
