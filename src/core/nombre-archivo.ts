// A file name people gave us, made safe to show in lists and to send back in Content-Disposition.
// It is never used as a path (the store names files by hash), but it is shown to reviewers and saved by
// their browsers: a right-to-left override can make «factura‮fdp.exe» read as «factura.exe.pdf».

export const MAX_NOMBRE_ARCHIVO = 200;

/**
 * Invisible or reordering characters: controls (Cc), formats (Cf: bidi marks and overrides U+202A–U+202E,
 * isolates U+2066–U+2069, zero-width joiners, BOM…), lone surrogates (Cs) and line/paragraph separators.
 */
const INVISIBLES = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/gu;
/** Reserved on Windows: a browser would rename the download anyway, so the list shows what is saved. */
const RESERVADOS = /[<>:"|?*]/g;
/** Only something that looks like an extension is replaced: «Informe v1.2» keeps its «.2». */
const EXTENSION = /\.([\p{L}][\p{L}\p{N}]{0,4})$/u;

/** NFC, without invisible characters, every kind of space as a plain space. */
const sinInvisibles = (texto: string) =>
  texto
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(/\p{Zs}/gu, ' ');

/** A free-text label (a link's description): the same invisible characters removed, trimmed; slashes stay. */
export const textoVisible = (texto: string) => sinInvisibles(texto).trim();

const recortar = (s: string) => s.replace(/^[\s.]+|[\s.]+$/gu, '');

/**
 * The safe form of a file name, or null when nothing usable remains (e.g. «../», «‮», «...»).
 * Keeps the last path component only, removes invisible characters, normalises to NFC, trims dots and
 * spaces, and bounds the length to MAX_NOMBRE_ARCHIVO characters keeping the extension.
 * `extensiones`: those the detected type allows (the first is the default); when given, the name's own
 * extension is kept only if it is one of them, otherwise it is replaced: a PDF named «x.html» becomes «x.pdf».
 */
export function nombreSeguro(nombre: string, extensiones?: readonly string[]): string | null {
  const partes = sinInvisibles(nombre).replace(RESERVADOS, '_').split(/[\\/]/).map(recortar);
  let base = [...partes].reverse().find((p) => p !== '') ?? '';
  const propia = EXTENSION.exec(base);
  let extension = propia?.[0] ?? '';
  if (propia) base = recortar(base.slice(0, propia.index));
  if (extensiones?.length) {
    const permitida = propia && extensiones.find((e) => e === propia[1]!.toLowerCase());
    extension = `.${permitida ?? extensiones[0]}`;
  }
  const cabe = MAX_NOMBRE_ARCHIVO - [...extension].length;
  // By code points, so a character outside the BMP is never split into a lone surrogate.
  base = recortar([...base].slice(0, cabe).join(''));
  return base ? `${base}${extension}` : null;
}

/**
 * `attachment` with the name twice: `filename*` (RFC 5987/6266, UTF-8, percent-encoded) for every current
 * browser, and an ASCII `filename` for older clients. encodeURIComponent leaves ' ( ) * unescaped, which
 * RFC 5987's attr-char does not allow.
 */
export function contentDisposition(nombre: string): string {
  const ascii = nombre
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const codificado = encodeURIComponent(nombre).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${codificado}`;
}
