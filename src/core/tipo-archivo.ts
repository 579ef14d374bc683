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
