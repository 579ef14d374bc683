// Test helper: writes a ZIP by hand, so tests can craft what no library would write (lying sizes, bombs).
import { deflateRawSync } from 'node:zlib';

export interface EntradaPrueba {
  nombre: string;
  contenido: Uint8Array;
  /** The uncompressed size written in the headers; by default the real one. */
  declarado?: number;
  /** Stored (0) or deflate (8, by default). */
  metodo?: 0 | 8;
}

export function escribirZip(entradas: EntradaPrueba[]): Buffer {
  const locales: Buffer[] = [];
  const centrales: Buffer[] = [];
  let desplazamiento = 0;
  for (const e of entradas) {
    const metodo = e.metodo ?? 8;
    const datos = metodo === 8 ? deflateRawSync(e.contenido) : Buffer.from(e.contenido);
    const nombre = Buffer.from(e.nombre, 'utf8');
    const declarado = e.declarado ?? e.contenido.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(metodo, 8);
    local.writeUInt32LE(datos.length, 18);
    local.writeUInt32LE(declarado, 22);
    local.writeUInt16LE(nombre.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(metodo, 10);
    central.writeUInt32LE(datos.length, 20);
    central.writeUInt32LE(declarado, 24);
    central.writeUInt16LE(nombre.length, 28);
    central.writeUInt32LE(desplazamiento, 42);
    locales.push(local, nombre, datos);
    centrales.push(central, nombre);
    desplazamiento += local.length + nombre.length + datos.length;
  }
  const directorio = Buffer.concat(centrales);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(entradas.length, 8);
  fin.writeUInt16LE(entradas.length, 10);
  fin.writeUInt32LE(directorio.length, 12);
  fin.writeUInt32LE(desplazamiento, 16);
  return Buffer.concat([...locales, directorio, fin]);
}
