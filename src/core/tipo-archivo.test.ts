import { describe, expect, it } from 'vitest';
import { tipoEvidencia, tipoImagen, tipoPorMime } from './tipo-archivo.ts';

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

const texto = (s: string) => Uint8Array.from(Buffer.from(s));
const zipCon = (entrada: string) =>
  Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from(`....${entrada}`)]);

describe('tipo de evidencia por contenido', () => {
  it.each([
    ['PDF', texto('%PDF-1.4\n%âãÏÓ'), 'informe.pdf', 'application/pdf'],
    ['PDF con nombre engañoso', texto('%PDF-1.4\n'), 'foto.jpg', 'application/pdf'],
    ['Word (docx)', zipCon('word/document.xml'), 'acta.docx', /wordprocessingml/],
    ['Excel (xlsx)', zipCon('xl/workbook.xml'), 'matriz.xlsx', /spreadsheetml/],
    ['PowerPoint (pptx)', zipCon('ppt/presentation.xml'), 'socializacion.pptx', /presentationml/],
    [
      'OpenDocument',
      zipCon('mimetypeapplication/vnd.oasis.opendocument.text'),
      'acta.odt',
      'application/vnd.oasis.opendocument.text',
    ],
    [
      'hoja OpenDocument',
      zipCon('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
      'matriz.ods',
      'application/vnd.oasis.opendocument.spreadsheet',
    ],
    ['ZIP', zipCon('fotos/uno.jpg'), 'fotos.zip', 'application/zip'],
    [
      'Office 97–2003',
      bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0),
      'viejo.xls',
      'application/vnd.ms-office',
    ],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'foto.png', 'image/png'],
    ['GIF', texto('GIF89a....'), 'grafica.gif', 'image/gif'],
    ['CSV con punto y coma', texto('codigo;avance\nIN-01;3\n'), 'datos.csv', 'text/csv'],
    ['CSV con BOM', texto('\uFEFFcodigo,avance\n'), 'datos.CSV', 'text/csv'],
  ])('%s se acepta', (_n, contenido, nombre, mime) => {
    const t = tipoEvidencia(contenido, nombre);
    expect(t).not.toBeNull();
    if (typeof mime === 'string') expect(t!.mime).toBe(mime);
    else expect(t!.mime).toMatch(mime);
  });

  it.each([
    ['ejecutable de Windows renombrado', bytes(0x4d, 0x5a, 0x90, 0, 3, 0), 'informe.pdf'],
    ['ejecutable de Linux', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1), 'avance.csv'],
    ['HTML con script', texto('<html><script>alert(1)</script>'), 'pagina.html'],
    ['texto con comas pero no .csv', texto('a,b,c\n1,2,3'), 'datos.txt'],
    ['.csv que no es texto', bytes(0x00, 0x01, 0x2c, 0x02), 'datos.csv'],
    ['.csv sin separadores', texto('solo una linea'), 'datos.csv'],
    ['SVG', texto('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'logo.svg'],
    ['vacío', bytes(), 'nada.pdf'],
  ])('%s se rechaza', (_n, contenido, nombre) => {
    expect(tipoEvidencia(contenido, nombre)).toBeNull();
  });
});

describe('extensión del tipo detectado', () => {
  it.each([
    ['PDF que también es HTML', texto('%PDF-1.4\n<html><script>alert(1)</script></html>'), 'x.html', ['pdf']],
    ['Word', zipCon('word/document.xml'), 'acta.exe', ['docx']],
    [
      'Office 97–2003: cualquiera de las tres, nunca .msi',
      bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
      'x.msi',
      ['doc', 'xls', 'ppt'],
    ],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'foto.jpeg', ['jpg', 'jpeg']],
    ['CSV', texto('a;b\n'), 'datos.csv', ['csv']],
  ])('%s', (_n, contenido, nombre, extensiones) => {
    expect(tipoEvidencia(contenido, nombre)!.extensiones).toEqual(extensiones);
  });

  it('el tipo guardado se recupera por su MIME, y uno desconocido no', () => {
    expect(tipoPorMime('application/pdf')!.extensiones).toEqual(['pdf']);
    expect(tipoPorMime('text/html')).toBeNull();
    expect(tipoPorMime('constructor')).toBeNull();
    expect(tipoPorMime(null)).toBeNull();
  });
});
