import { describe, expect, it } from 'vitest';
import { datosEntrada, leerDirectorioZip } from './zip.ts';
import { escribirZip } from './zip-prueba.ts';

const limites = { entradas: 10, descomprimidoTotal: 1024 * 1024 };
const texto = (s: string) => new TextEncoder().encode(s);

describe('directorio de un ZIP', () => {
  it('lista las entradas con sus tamaños declarados y ubica sus datos', () => {
    const zip = escribirZip([
      { nombre: '[Content_Types].xml', contenido: texto('<Types/>') },
      { nombre: 'xl/workbook.xml', contenido: texto('<workbook/>'), metodo: 0 },
    ]);
    const r = leerDirectorioZip(zip, limites);
    expect(r).toMatchObject({
      ok: true,
      entradas: [
        { nombre: '[Content_Types].xml', metodo: 8, descomprimido: 8 },
        { nombre: 'xl/workbook.xml', metodo: 0, comprimido: 11, descomprimido: 11 },
      ],
    });
    if (r.ok) expect(new TextDecoder().decode(datosEntrada(zip, r.entradas[1]!)!)).toBe('<workbook/>');
  });

  it('rechaza por lo declarado, sin descomprimir: bombas, demasiadas entradas, lo que no es ZIP', () => {
    const bomba = escribirZip([{ nombre: 'a.xml', contenido: texto('x'), declarado: 2 * 1024 * 1024 }]);
    expect(leerDirectorioZip(bomba, limites)).toEqual({ ok: false, motivo: 'demasiado_grande' });
    const muchas = escribirZip(
      Array.from({ length: 11 }, (_, i) => ({ nombre: `${i}`, contenido: texto('') })),
    );
    expect(leerDirectorioZip(muchas, limites)).toEqual({ ok: false, motivo: 'demasiadas_entradas' });
    expect(leerDirectorioZip(texto('%PDF-1.4 no soy un zip'), limites)).toEqual({
      ok: false,
      motivo: 'no_es_zip',
    });
    const cortado = escribirZip([{ nombre: 'a.xml', contenido: texto('<a/>') }]);
    cortado.writeUInt32LE(0xffff, cortado.length - 6); // the directory would start past the end record
    expect(leerDirectorioZip(cortado, limites)).toEqual({ ok: false, motivo: 'no_es_zip' });
    // One entry declared but two headers in the directory: a library reading on would see the hidden one.
    const dos = escribirZip([
      { nombre: 'a.xml', contenido: texto('<a/>') },
      { nombre: 'b.xml', contenido: texto('<b/>') },
    ]);
    dos.writeUInt16LE(1, dos.length - 12);
    expect(leerDirectorioZip(dos, limites)).toEqual({ ok: false, motivo: 'no_es_zip' });
    // Bytes between the directory and the end record: JSZip would shift every offset by them.
    const conHueco = escribirZip([{ nombre: 'a.xml', contenido: texto('<a/>') }]);
    const fin = conHueco.subarray(conHueco.length - 22);
    expect(
      leerDirectorioZip(Buffer.concat([conHueco.subarray(0, -22), Buffer.alloc(8), fin]), limites),
    ).toEqual({ ok: false, motivo: 'no_es_zip' });
  });
});
