// Just enough of POSIX ustar to stream a backup in and out (regular files only). Hand-written because
// no maintained, dependency-free streaming tar is in the allowed set (ADR 0006).

const BLOQUE = 512;
export const FIN_TAR = Buffer.alloc(2 * BLOQUE);
const MAX_TAMANO = 8 ** 11 - 1; // 11 octal digits: just under 8 GiB per entry

export class ErrorTar extends Error {}

const octal = (n: number, largo: number) => `${n.toString(8).padStart(largo - 1, '0')}\0`;

/** Splits a long name into ustar's prefix (155 bytes) and name (100 bytes) at a '/'. */
function partirNombre(nombre: string): [string, string] {
  if (Buffer.byteLength(nombre) <= 100) return ['', nombre];
  for (let i = nombre.indexOf('/'); i > 0; i = nombre.indexOf('/', i + 1)) {
    const prefijo = nombre.slice(0, i);
    const resto = nombre.slice(i + 1);
    if (Buffer.byteLength(prefijo) <= 155 && Buffer.byteLength(resto) <= 100) return [prefijo, resto];
  }
  throw new ErrorTar(`El nombre «${nombre}» es demasiado largo para el respaldo.`);
}

/** `tipo` other than '0' (regular file) exists only so tests can build the entries a restore must refuse. */
export function cabeceraTar(nombre: string, tamano: number, tipo = '0'): Buffer {
  if (!Number.isSafeInteger(tamano) || tamano < 0 || tamano > MAX_TAMANO)
    throw new ErrorTar(`El archivo «${nombre}» es demasiado grande para el respaldo (máximo 8 GiB).`);
  const [prefijo, corto] = partirNombre(nombre);
  const b = Buffer.alloc(BLOQUE);
  b.write(corto, 0, 100, 'utf8');
  b.write(octal(0o644, 8), 100, 'ascii');
  b.write(octal(0, 8), 108, 'ascii');
  b.write(octal(0, 8), 116, 'ascii');
  b.write(octal(tamano, 12), 124, 'ascii');
  b.write(octal(0, 12), 136, 'ascii'); // fixed mtime: the same data gives the same archive
  b.fill(' ', 148, 156);
  b.write(tipo, 156, 1, 'ascii');
  b.write('ustar\0', 257, 'ascii');
  b.write('00', 263, 'ascii');
  b.write(prefijo, 345, 155, 'utf8');
  b.write(`${octal(sumaCabecera(b), 7)} `, 148, 'ascii');
  return b;
}

export const rellenoTar = (tamano: number) => Buffer.alloc((BLOQUE - (tamano % BLOQUE)) % BLOQUE);

function sumaCabecera(b: Buffer): number {
  let s = 0;
  for (let i = 0; i < BLOQUE; i++) s += i >= 148 && i < 156 ? 32 : b[i]!;
  return s;
}

const texto = (b: Buffer, desde: number, largo: number) => {
  const trozo = b.subarray(desde, desde + largo);
  const fin = trozo.indexOf(0);
  return trozo.subarray(0, fin < 0 ? largo : fin).toString('utf8');
};

/** Pulls exact byte counts out of a chunked stream, without ever holding more than one chunk extra. */
class Lector {
  private pendiente: Buffer = Buffer.alloc(0);
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  private async siguiente(): Promise<Buffer | null> {
    const r = await this.it.next();
    return r.done ? null : r.value;
  }

  async exacto(n: number): Promise<Buffer> {
    const partes: Buffer[] = [this.pendiente];
    let total = this.pendiente.length;
    while (total < n) {
      const c = await this.siguiente();
      if (!c) throw new ErrorTar('El respaldo está incompleto: el archivo termina antes de tiempo.');
      partes.push(c);
      total += c.length;
    }
    const todo = partes.length === 1 ? partes[0]! : Buffer.concat(partes, total);
    this.pendiente = todo.subarray(n);
    return todo.subarray(0, n);
  }

  async *trozos(n: number): AsyncGenerator<Buffer> {
    let falta = n;
    while (falta > 0) {
      let c = this.pendiente;
      if (c.length === 0) {
        const s = await this.siguiente();
        if (!s) throw new ErrorTar('El respaldo está incompleto: el archivo termina antes de tiempo.');
        c = s;
      }
      const usar = Math.min(falta, c.length);
      this.pendiente = c.subarray(usar);
      falta -= usar;
      yield c.subarray(0, usar);
    }
  }
}

export interface EntradaTar {
  nombre: string;
  /** '0' a regular file; anything else (folder, link, device…) is reported so the caller can refuse it. */
  tipo: string;
  tamano: number;
  /** Read it whole before asking for the next entry (what is left unread is skipped). */
  contenido: AsyncGenerator<Buffer>;
}

export async function* leerTar(fuente: AsyncIterable<Buffer>): AsyncGenerator<EntradaTar> {
  const lector = new Lector(fuente[Symbol.asyncIterator]());
  for (;;) {
    const c = await lector.exacto(BLOQUE);
    if (c.every((x) => x === 0)) return; // end of archive
    const suma = Number.parseInt(texto(c, 148, 8).trim(), 8);
    if (suma !== sumaCabecera(c)) throw new ErrorTar('El respaldo está dañado: una cabecera no cuadra.');
    const tamano = Number.parseInt(texto(c, 124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(tamano) || tamano < 0)
      throw new ErrorTar('El respaldo está dañado: una cabecera tiene un tamaño inválido.');
    const prefijo = texto(c, 345, 155);
    const corto = texto(c, 0, 100);
    let leidos = 0;
    const contenido = (async function* () {
      for await (const t of lector.trozos(tamano)) {
        leidos += t.length;
        yield t;
      }
    })();
    yield {
      nombre: prefijo ? `${prefijo}/${corto}` : corto,
      tipo: texto(c, 156, 1) || '0',
      tamano,
      contenido,
    };
    for await (const _ of lector.trozos(tamano - leidos)); // skip what the caller did not read
    await lector.exacto(rellenoTar(tamano).length);
  }
}
