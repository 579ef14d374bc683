// Tests look at a PDF as a person would: its pages as images (pdftoppm) and its text (pdftotext), with Poppler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Each page's text, in order. */
export function textoPorPagina(pdf: Buffer): string[] {
  const carpeta = mkdtempSync(join(tmpdir(), 'mipg-pdf-'));
  try {
    const archivo = join(carpeta, 'd.pdf');
    writeFileSync(archivo, pdf);
    // pdftotext separates pages with a form feed.
    return execFileSync('pdftotext', ['-layout', archivo, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1);
  } finally {
    rmSync(carpeta, { recursive: true, force: true });
  }
}

/** Each page as a PNG (72 dpi): its bytes and its size in pixels. */
export function paginasComoImagenes(pdf: Buffer): { png: Buffer; ancho: number; alto: number }[] {
  const carpeta = mkdtempSync(join(tmpdir(), 'mipg-pdf-'));
  try {
    const archivo = join(carpeta, 'd.pdf');
    writeFileSync(archivo, pdf);
    execFileSync('pdftoppm', ['-r', '72', '-png', archivo, join(carpeta, 'p')]);
    return readdirSync(carpeta)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => {
        const png = readFileSync(join(carpeta, f));
        return { png, ancho: png.readUInt32BE(16), alto: png.readUInt32BE(20) };
      });
  } finally {
    rmSync(carpeta, { recursive: true, force: true });
  }
}
