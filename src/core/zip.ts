// The entries of a ZIP file (an .xlsx is one) read from its central directory, without inflating anything:
// a zip bomb is refused by its declared sizes before any library expands it.

export interface EntradaZip {
  nombre: string;
  /** 0 = stored, 8 = deflate. */
  metodo: number;
  comprimido: number;
  descomprimido: number;
  /** Where the entry's local header starts. */
  desplazamiento: number;
}

export interface LimitesZip {
  entradas: number;
  /** Sum of the declared uncompressed sizes, in bytes. */
  descomprimidoTotal: number;
}

export type LecturaZip =
  | { ok: true; entradas: EntradaZip[] }
  | { ok: false; motivo: 'no_es_zip' | 'demasiadas_entradas' | 'demasiado_grande' };

const FIN_DIRECTORIO = 0x06054b50;
const ENTRADA_DIRECTORIO = 0x02014b50;
const ENCABEZADO_LOCAL = 0x04034b50;

export function leerDirectorioZip(b: Uint8Array, limites: LimitesZip): LecturaZip {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 64 KB.
  let fin = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--)
    if (v.getUint32(i, true) === FIN_DIRECTORIO) {
      fin = i;
      break;
    }
  if (fin < 0) return { ok: false, motivo: 'no_es_zip' };
  const total = v.getUint16(fin + 10, true);
  const tamano = v.getUint32(fin + 12, true);
  const inicio = v.getUint32(fin + 16, true);
  // ZIP64 (0xFFFF / 0xFFFFFFFF markers) only appears beyond 65,535 entries or 4 GB: never a plan template.
  if (total === 0xffff || tamano === 0xffffffff || inicio === 0xffffffff)
    return { ok: false, motivo: 'demasiado_grande' };
  if (total > limites.entradas) return { ok: false, motivo: 'demasiadas_entradas' };
  // Exactly up to the end record: JSZip (inside ExcelJS) shifts every offset by any gap, and would then read
  // entries other than the ones checked here.
  if (inicio + tamano !== fin) return { ok: false, motivo: 'no_es_zip' };
  const entradas: EntradaZip[] = [];
  let suma = 0;
  let p = inicio;
  for (let n = 0; n < total; n++) {
    if (p + 46 > fin || v.getUint32(p, true) !== ENTRADA_DIRECTORIO)
      return { ok: false, motivo: 'no_es_zip' };
    const largoNombre = v.getUint16(p + 28, true);
    const entrada: EntradaZip = {
      metodo: v.getUint16(p + 10, true),
      comprimido: v.getUint32(p + 20, true),
      descomprimido: v.getUint32(p + 24, true),
      desplazamiento: v.getUint32(p + 42, true),
      nombre: new TextDecoder().decode(b.subarray(p + 46, p + 46 + largoNombre)),
    };
    if (entrada.comprimido === 0xffffffff || entrada.descomprimido === 0xffffffff)
      return { ok: false, motivo: 'demasiado_grande' };
    suma += entrada.descomprimido;
    if (suma > limites.descomprimidoTotal) return { ok: false, motivo: 'demasiado_grande' };
    if (entrada.desplazamiento + 30 > inicio) return { ok: false, motivo: 'no_es_zip' };
    entradas.push(entrada);
    p += 46 + largoNombre + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  // JSZip reads every consecutive entry header, not just the declared count.
  if (p !== fin) return { ok: false, motivo: 'no_es_zip' };
  return { ok: true, entradas };
}

/** The compressed bytes of an entry, located through its local header (whose name/extra lengths may differ). */
export function datosEntrada(b: Uint8Array, e: EntradaZip): Uint8Array | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getUint32(e.desplazamiento, true) !== ENCABEZADO_LOCAL) return null;
  const desde =
    e.desplazamiento +
    30 +
    v.getUint16(e.desplazamiento + 26, true) +
    v.getUint16(e.desplazamiento + 28, true);
  if (desde + e.comprimido > b.length) return null;
  return b.subarray(desde, desde + e.comprimido);
}
