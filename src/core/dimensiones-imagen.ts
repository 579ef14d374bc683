// Width and height read from an image's header, without decoding it: a small file can declare a huge canvas
// (a decompression bomb) that every browser showing the logo would have to allocate.
import type { TipoImagen } from './tipo-archivo.ts';

export interface Dimensiones {
  ancho: number;
  alto: number;
}

const ascii = (b: Uint8Array, desde: number, largo: number) =>
  String.fromCharCode(...b.subarray(desde, desde + largo));

function png(v: DataView): Dimensiones | null {
  if (v.byteLength < 24 || ascii(new Uint8Array(v.buffer, v.byteOffset, 16), 12, 4) !== 'IHDR') return null;
  return { ancho: v.getUint32(16), alto: v.getUint32(20) };
}

/** Walks the segments up to the first frame header (SOF0–SOF15, except DHT, JPG and DAC). */
function jpeg(v: DataView): Dimensiones | null {
  let p = 2;
  while (p + 4 <= v.byteLength) {
    if (v.getUint8(p) !== 0xff) return null;
    const marcador = v.getUint8(p + 1);
    if (marcador === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marcador === 0x01 || (marcador >= 0xd0 && marcador <= 0xd8)) {
      p += 2;
      continue;
    }
    if (marcador === 0xd9 || marcador === 0xda) return null; // image data before any frame header
    const largo = v.getUint16(p + 2);
    if (largo < 2) return null;
    const esFrame = marcador >= 0xc0 && marcador <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marcador);
    if (esFrame) {
      if (p + 9 > v.byteLength) return null;
      return { alto: v.getUint16(p + 5), ancho: v.getUint16(p + 7) };
    }
    p += 2 + largo;
  }
  return null;
}

function webp(b: Uint8Array, v: DataView): Dimensiones | null {
  if (v.byteLength < 30) return null;
  const trozo = ascii(b, 12, 4);
  if (trozo === 'VP8X')
    return {
      ancho: 1 + (v.getUint16(24, true) | (v.getUint8(26) << 16)),
      alto: 1 + (v.getUint16(27, true) | (v.getUint8(29) << 16)),
    };
  if (trozo === 'VP8L') {
    if (v.getUint8(20) !== 0x2f) return null;
    const bits = v.getUint32(21, true);
    return { ancho: (bits & 0x3fff) + 1, alto: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (trozo === 'VP8 ') {
    if (v.getUint8(23) !== 0x9d || v.getUint8(24) !== 0x01 || v.getUint8(25) !== 0x2a) return null;
    return { ancho: v.getUint16(26, true) & 0x3fff, alto: v.getUint16(28, true) & 0x3fff };
  }
  return null;
}

/** Null when the header is truncated or malformed: such a file is not an image to accept. */
export function dimensionesImagen(b: Uint8Array, tipo: TipoImagen): Dimensiones | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const d = tipo === 'image/png' ? png(v) : tipo === 'image/jpeg' ? jpeg(v) : webp(b, v);
  return d && d.ancho > 0 && d.alto > 0 ? d : null;
}
