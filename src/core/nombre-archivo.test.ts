import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition, MAX_NOMBRE_ARCHIVO, nombreSeguro, textoVisible } from './nombre-archivo.ts';

/** No lone surrogate (String.prototype.isWellFormed is ES2024, beyond the project's lib). */
const bienFormado = (s: string) => !/\p{Cs}/u.test(s);

const PDF = ['pdf'];
const JPEG = ['jpg', 'jpeg'];

describe('nombre seguro de un archivo', () => {
  it.each([
    ['acta jornada.pdf', undefined, 'acta jornada.pdf'],
    ['C:\\Documentos\\acta jornada.pdf', undefined, 'acta jornada.pdf'],
    ['/etc/passwd', undefined, 'passwd'],
    ['../../informe.pdf', undefined, 'informe.pdf'],
    ['informe.pdf/', undefined, 'informe.pdf'],
    ['factura\u202Efdp.exe', undefined, 'facturafdp.exe'],
    ['a\u2066b\u2069c\u200Ed\u200Fe\uFEFF.pdf', undefined, 'abcde.pdf'],
    ['linea\r\nnueva\t.pdf', undefined, 'lineanueva.pdf'],
    ['separador\u2028de línea.pdf', undefined, 'separadorde línea.pdf'],
    ['...oculto.pdf...', undefined, 'oculto.pdf'],
    ['  con espacios  .pdf ', undefined, 'con espacios.pdf'],
    ['no\u00A0rompible.pdf', undefined, 'no rompible.pdf'],
    ['comillas "dobles" <y> a|b?.pdf', undefined, 'comillas _dobles_ _y_ a_b_.pdf'],
    // NFD «é» (e + U+0301) becomes the single NFC character.
    ['informe e\u0301xito.pdf', undefined, 'informe éxito.pdf'],
    // The extension follows the detected type.
    ['x.html', PDF, 'x.pdf'],
    ['x.PDF', PDF, 'x.pdf'],
    ['foto.JPEG', JPEG, 'foto.jpeg'],
    ['foto.png', JPEG, 'foto.jpg'],
    ['sin extension', PDF, 'sin extension.pdf'],
    ['Informe v1.2', PDF, 'Informe v1.2.pdf'],
    ['doble.pdf.exe', PDF, 'doble.pdf.pdf'],
    ['.pdf', PDF, 'pdf.pdf'],
    // Nothing usable.
    ['../', undefined, null],
    ['..\\..\\', PDF, null],
    ['\u202E', PDF, null],
    [' . . ', PDF, null],
    ['', PDF, null],
    ['\u0000\u0001\u001F', undefined, null],
  ])('%j (%j) → %j', (nombre, extensiones, esperado) => {
    expect(nombreSeguro(nombre, extensiones)).toBe(esperado);
  });

  it('un nombre largo se corta a 200 caracteres conservando la extensión', () => {
    const r = nombreSeguro(`${'á'.repeat(500)}.html`, PDF)!;
    expect([...r]).toHaveLength(MAX_NOMBRE_ARCHIVO);
    expect(r.endsWith('á.pdf')).toBe(true);
    // A character outside the BMP is never split into a lone surrogate.
    const emoji = nombreSeguro('📄'.repeat(300), PDF)!;
    expect(bienFormado(emoji)).toBe(true);
    expect([...emoji]).toHaveLength(MAX_NOMBRE_ARCHIVO);
  });

  const PROHIBIDOS = /[/\\\p{Cc}\p{Cf}\p{Cs}\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
  const cualquierNombre = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({
      unit: fc.constantFrom(
        'a',
        'ñ',
        '.',
        ' ',
        '/',
        '\\',
        '\u202E',
        '\u2066',
        '\u0000',
        '\r',
        'e\u0301',
        '📄',
        '\uD800',
        '"',
      ),
      maxLength: 300,
    }),
  );
  const extensiones = fc.option(fc.constantFrom(PDF, JPEG, ['csv']), { nil: undefined });

  it('propiedad: sin barras, controles ni bidi; nunca vacío; dentro del límite; con la extensión del tipo', () => {
    fc.assert(
      fc.property(cualquierNombre, extensiones, (nombre, ext) => {
        const r = nombreSeguro(nombre, ext);
        if (r === null) return;
        expect(r).not.toMatch(PROHIBIDOS);
        expect(r.trim()).not.toBe('');
        expect(bienFormado(r)).toBe(true);
        expect(r).toBe(r.normalize('NFC'));
        expect([...r].length).toBeLessThanOrEqual(MAX_NOMBRE_ARCHIVO);
        expect(r).not.toMatch(/^[\s.]|[\s.]$/u);
        if (ext) expect(ext.some((e) => r.endsWith(`.${e}`))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('propiedad: sanear dos veces da lo mismo que una', () => {
    fc.assert(
      fc.property(cualquierNombre, extensiones, (nombre, ext) => {
        const r = nombreSeguro(nombre, ext);
        if (r !== null) expect(nombreSeguro(r, ext)).toBe(r);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Content-Disposition', () => {
  it.each([
    ['x.pdf', `attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`],
    [
      "Acta d'integración (1)*.pdf",
      `attachment; filename="Acta d'integracion (1)*.pdf"; filename*=UTF-8''Acta%20d%27integraci%C3%B3n%20%281%29%2A.pdf`,
    ],
    [
      '年度報告 100%.pdf',
      `attachment; filename="____ 100_.pdf"; filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E5%A0%B1%E5%91%8A%20100%25.pdf`,
    ],
  ])('%s', (nombre, esperado) => {
    expect(contentDisposition(nombre)).toBe(esperado);
  });

  it('propiedad: solo ASCII imprimible, sin comillas dentro de filename=', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (n) => {
        const r = nombreSeguro(n);
        if (r === null) return;
        const cd = contentDisposition(r);
        expect(cd).toMatch(
          /^attachment; filename="[\x20-\x21\x23-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]*$/,
        );
        expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe(r);
      }),
    );
  });
});

describe('texto visible (descripción de un enlace)', () => {
  it('quita controles y bidi, normaliza y recorta, pero conserva las barras', () => {
    expect(textoVisible(' Publicación 2026/03\u202E en\u00A0la sede\r\n')).toBe(
      'Publicación 2026/03 en la sede',
    );
    expect(textoVisible('\u202E\u2066 ')).toBe('');
  });
});
