import { describe, expect, it } from 'vitest';
import { tipoImagen } from './tipo-archivo.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('tipo de imagen por contenido', () => {
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['WebP', Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]), 'image/webp'],
    ['PDF', Uint8Array.from(Buffer.from('%PDF-1.7')), null],
    [
      'SVG (puede llevar scripts)',
      Uint8Array.from(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')),
      null,
    ],
    ['vacío', bytes(), null],
    [
      'RIFF que no es WebP (WAV)',
      Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')]),
      null,
    ],
  ])('%s', (_n, b, esperado) => {
    expect(tipoImagen(b)).toBe(esperado);
  });
});
