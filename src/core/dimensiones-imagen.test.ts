import { describe, expect, it } from 'vitest';
import { dimensionesImagen } from './dimensiones-imagen.ts';

// Smallest valid PNG: 1×1 transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The same PNG declaring another size in its IHDR. */
function pngDe(ancho: number, alto: number) {
  const b = Buffer.from(PNG);
  b.writeUInt32BE(ancho, 16);
  b.writeUInt32BE(alto, 20);
  return b;
}

/** SOI, an APP0 segment, then a baseline or progressive frame header. */
function jpegDe(ancho: number, alto: number, sof = 0xc0) {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sofn = [0xff, sof, 0x00, 0x11, 8, alto >> 8, alto & 0xff, ancho >> 8, ancho & 0xff, 3];
  return Buffer.from([0xff, 0xd8, ...app0, 0xff, 0xff, ...sofn, ...Array(9).fill(0), 0xff, 0xd9]);
}

function webpDe(trozo: 'VP8 ' | 'VP8L' | 'VP8X', ancho: number, alto: number) {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0);
  b.writeUInt32LE(32, 4);
  b.write('WEBP', 8);
  b.write(trozo, 12);
  if (trozo === 'VP8 ') {
    b.set([0x9d, 0x01, 0x2a], 23);
    b.writeUInt16LE(ancho, 26);
    b.writeUInt16LE(alto, 28);
  } else if (trozo === 'VP8L') {
    b.writeUInt8(0x2f, 20);
    b.writeUInt32LE((ancho - 1) | ((alto - 1) << 14), 21);
  } else {
    b.writeUIntLE(ancho - 1, 24, 3);
    b.writeUIntLE(alto - 1, 27, 3);
  }
  return b;
}

describe('dimensiones de una imagen por su encabezado', () => {
  it.each([
    ['PNG 1×1', PNG, 'image/png', { ancho: 1, alto: 1 }],
    [
      'PNG que declara 100.000 × 100.000',
      pngDe(100_000, 100_000),
      'image/png',
      { ancho: 100_000, alto: 100_000 },
    ],
    ['JPEG base', jpegDe(640, 480), 'image/jpeg', { ancho: 640, alto: 480 }],
    ['JPEG progresivo', jpegDe(65_000, 300, 0xc2), 'image/jpeg', { ancho: 65_000, alto: 300 }],
    ['WebP con pérdida', webpDe('VP8 ', 800, 600), 'image/webp', { ancho: 800, alto: 600 }],
    ['WebP sin pérdida', webpDe('VP8L', 16_384, 2), 'image/webp', { ancho: 16_384, alto: 2 }],
    ['WebP extendido', webpDe('VP8X', 1_000_000, 3), 'image/webp', { ancho: 1_000_000, alto: 3 }],
  ] as const)('%s', (_n, b, tipo, d) => {
    expect(dimensionesImagen(b, tipo)).toEqual(d);
  });

  it('un encabezado cortado o sin cuadro se rechaza (null), sin leer fuera del archivo', () => {
    expect(dimensionesImagen(PNG.subarray(0, 20), 'image/png')).toBeNull();
    expect(dimensionesImagen(pngDe(0, 10), 'image/png')).toBeNull();
    expect(dimensionesImagen(jpegDe(10, 10).subarray(0, 30), 'image/jpeg')).toBeNull();
    expect(dimensionesImagen(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0]), 'image/jpeg')).toBeNull();
    expect(dimensionesImagen(webpDe('VP8 ', 10, 10).subarray(0, 24), 'image/webp')).toBeNull();
  });
});
