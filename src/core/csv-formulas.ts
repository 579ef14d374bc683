// CSV formula injection (OWASP «CSV Injection»): a spreadsheet evaluates a cell that starts with
// = + - @ (or a tab or carriage return before one), e.g. =HYPERLINK(...) or =cmd|' /C calc'!A0.
// Evidence CSVs are served neutralised: such cells get a leading apostrophe, which Excel and LibreOffice
// read as "this is text". Everything else is copied byte for byte (quotes, separators, line ends, encoding).

const COMILLA = 0x22;
const APOSTROFO = 0x27; // '
const MIRADA = 64;
const PELIGROSOS = new Set([0x3d, 0x2b, 0x2d, 0x40]); // = + - @
const INVISIBLES_INICIALES = new Set([0x09, 0x0d]); // tab, CR: OWASP lists them as formula openers too
const BLANCOS = new Set([0x20, 0x09, 0x0d, 0x0a]);
/**
 * Every usual separator ends a cell: whoever opens the file decides the separator (Excel by the regional
 * setting), so a cell is neutralised if it would start with a formula under any of them.
 */
const SEPARADORES = new Set([0x2c, 0x3b, 0x09]); // , ; tab

/**
 * The CSV with every formula-looking cell prefixed by «'», and how many cells changed.
 * A state machine over the bytes (all the syntax is ASCII, so UTF-8 text passes through untouched):
 * linear in the size, no backtracking, no row or cell limits beyond the file's own size.
 */
export function neutralizarCsv(original: Uint8Array): { contenido: Buffer; celdas: number } {
  const b = Buffer.from(original.buffer, original.byteOffset, original.byteLength);
  const inserciones: number[] = []; // where an apostrophe goes, in increasing order
  // Only the first bytes of a cell's content matter: enough to tell a plain number from a formula.
  const inicio = new Uint8Array(MIRADA);
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // UTF-8 BOM

  while (i <= b.length) {
    // At the start of a cell.
    const entreComillas = b[i] === COMILLA;
    const inicioContenido = entreComillas ? i + 1 : i;
    let j = inicioContenido;
    let n = 0;
    if (entreComillas) {
      while (j < b.length) {
        if (b[j] === COMILLA) {
          if (b[j + 1] !== COMILLA) {
            j++; // closing quote; what follows up to the separator still belongs to the cell
            break;
          }
          j++; // a doubled quote is one quote of content
        }
        if (n < MIRADA) inicio[n++] = b[j]!;
        j++;
      }
    }
    while (j < b.length && !SEPARADORES.has(b[j]!) && b[j] !== 0x0a && b[j] !== 0x0d) {
      if (n < MIRADA) inicio[n++] = b[j]!;
      j++;
    }
    if (n > 0 && esFormula(inicio, n)) inserciones.push(inicioContenido);
    if (j >= b.length) break;
    i = b[j] === 0x0d && b[j + 1] === 0x0a ? j + 2 : j + 1; // CRLF is one line end
  }
  if (inserciones.length === 0) return { contenido: b, celdas: 0 };
  const salida = Buffer.allocUnsafe(b.length + inserciones.length);
  let desde = 0;
  let hacia = 0;
  for (const p of inserciones) {
    hacia += b.copy(salida, hacia, desde, p);
    salida[hacia++] = APOSTROFO;
    desde = p;
  }
  b.copy(salida, hacia, desde);
  return { contenido: salida, celdas: inserciones.length };
}

function esFormula(c: Uint8Array, n: number): boolean {
  if (INVISIBLES_INICIALES.has(c[0]!)) return true;
  let k = 0;
  while (k < n && BLANCOS.has(c[k]!)) k++; // « =1+1» is still evaluated by some spreadsheets
  if (k === n || !PELIGROSOS.has(c[k]!)) return false;
  return n >= MIRADA || !esNumero(c, k, n);
}

const esDigito = (x: number | undefined) => x !== undefined && x >= 0x30 && x <= 0x39;

/** A plain number stays a number (-5, +3,5: [+-]digits[.,digits], blanks around): it cannot carry a formula. */
function esNumero(c: Uint8Array, desde: number, n: number): boolean {
  let fin = n;
  while (fin > desde && BLANCOS.has(c[fin - 1]!)) fin--;
  let k = desde;
  if (c[k] === 0x2b || c[k] === 0x2d) k++;
  const enteros = k;
  while (k < fin && esDigito(c[k])) k++;
  if (k === enteros) return false;
  if (k < fin && (c[k] === 0x2e || c[k] === 0x2c)) {
    const decimales = ++k;
    while (k < fin && esDigito(c[k])) k++;
    if (k === decimales) return false;
  }
  return k === fin;
}
