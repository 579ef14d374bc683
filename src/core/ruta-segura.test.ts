import { describe, expect, it } from 'vitest';
import { rutaDentro } from './ruta-segura.ts';

describe('rutaDentro', () => {
  it('acepta rutas relativas dentro de la carpeta', () => {
    expect(rutaDentro('/data/archivos', 'ab/abc.pdf')).toBe('/data/archivos/ab/abc.pdf');
  });
  it.each([
    ['carpeta hermana con el mismo prefijo', '../archivos-x/evil'],
    ['subir de nivel', '../pg/PG_VERSION'],
    ['.. en medio', 'ab/../../x'],
    ['ruta absoluta', '/etc/passwd'],
    ['barra invertida', '..\\x'],
    ['vacía', ''],
    ['la carpeta misma', '.'],
    ['segmento vacío', 'ab//x'],
    ['carácter nulo', 'ab/x\0y'],
  ])('rechaza %s', (_, ruta) => {
    expect(rutaDentro('/data/archivos', ruta)).toBeNull();
  });
});
