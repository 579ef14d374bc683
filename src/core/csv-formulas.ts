// CSV formula injection (OWASP «CSV Injection»): a spreadsheet evaluates a cell that starts with
// = + - @ (or a tab or carriage return before one), e.g. =HYPERLINK(...) or =cmd|' /C calc'!A0.
// Evidence CSVs are served neutralised: such cells get a leading apostrophe, which Excel and LibreOffice
// read as "this is text". Everything else is copied byte for byte (quotes, separators, line ends, encoding).

const COMILLA = 0x22;
const APOSTROFO = Buffer.from("'");
const PELIGROSOS = new Set([0x3d, 0x2b, 0x2d, 0x40]); // = + - @
const INVISIBLES_INICIALES = new Set([0x09, 0x0d]); // tab, CR: OWASP lists them as formula openers too
const BLANCOS = new Set([0x20, 0x09, 0x0d, 0x0a]);
/**
 * Every usual separator ends a cell: whoever opens the file decides the separator (Excel by the regional
 * setting), so a cell is neutralised if it would start with a formula under any of them.
 */
const SEPARADORES = new Set([0x2c, 0x3b, 0x09]); // , ; tab
/** A plain number stays a number (-5, +3,5): it cannot carry a formula. */
const NUMERO = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * The CSV with every formula-looking cell prefixed by «'», and how many cells changed.
 * A state machine over the bytes (all the syntax is ASCII, so UTF-8 text passes through untouched):
 * linear in the size, no backtracking, no row or cell limits beyond the file's own size.
 */
export function neutralizarCsv(original: Uint8Array): { contenido: Buffer; celdas: number } {
  const b = Buffer.from(original.buffer, original.byteOffset, original.byteLength);
  const partes: Buffer[] = [];
  let copiado = 0;
  let celdas = 0;
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // UTF-8 BOM

  while (i <= b.length) {
    // At the start of a cell.
    const entreComillas = b[i] === COMILLA;
    const inicioContenido = entreComillas ? i + 1 : i;
    let j = inicioContenido;
    const contenido: number[] = []; // only the first bytes matter: enough to tell a number from a formula
    if (entreComillas) {
      while (j < b.length) {
        if (b[j] === COMILLA) {
          if (b[j + 1] === COMILLA) {
            if (contenido.length < 64) contenido.push(COMILLA);
            j += 2;
            continue;
          }
          j++; // closing quote; anything up to the separator is kept as it came
          break;
        }
        if (contenido.length < 64) contenido.push(b[j]!);
        j++;
      }
    }
    while (j < b.length && !SEPARADORES.has(b[j]!) && b[j] !== 0x0a && b[j] !== 0x0d) {
      if (!entreComillas && contenido.length < 64) contenido.push(b[j]!);
      j++;
    }
    if (esFormula(contenido)) {
      partes.push(b.subarray(copiado, inicioContenido), APOSTROFO);
      copiado = inicioContenido;
      celdas++;
    }
    if (j >= b.length) break;
    i = b[j] === 0x0d && b[j + 1] === 0x0a ? j + 2 : j + 1; // CRLF is one line end
  }
  if (celdas === 0) return { contenido: b, celdas };
  partes.push(b.subarray(copiado));
  return { contenido: Buffer.concat(partes), celdas };
}

function esFormula(c: number[]): boolean {
  if (c.length === 0) return false;
  if (INVISIBLES_INICIALES.has(c[0]!)) return true;
  const primero = c.find((x) => !BLANCOS.has(x)); // « =1+1» is still evaluated by some spreadsheets
  if (primero === undefined || !PELIGROSOS.has(primero)) return false;
  const texto = String.fromCharCode(...c).trim();
  return c.length >= 64 || !NUMERO.test(texto);
}
