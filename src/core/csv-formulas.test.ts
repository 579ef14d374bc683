import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizarCsv } from './csv-formulas.ts';

const neutralizado = (s: string) => {
  const r = neutralizarCsv(Buffer.from(s));
  return { texto: r.contenido.toString('utf8'), celdas: r.celdas };
};

describe('CSV con fórmulas neutralizadas', () => {
  it.each([
    ['sin fórmulas, idéntico', 'a,b\r\n1,2\r\n', 'a,b\r\n1,2\r\n', 0],
    ['igual al inicio', '=1+1,b', "'=1+1,b", 1],
    ['cada separador usual', 'a;=1\tb,@c', "a;'=1\tb,'@c", 2],
    ['entre comillas, tras la comilla', 'a,"=cmd|\' /C calc\'!A0"', "a,\"'=cmd|' /C calc'!A0\"", 1],
    ['comillas dobladas dentro', '"dice ""=1""",x', '"dice ""=1""",x', 0],
    ['fórmula tras comillas dobladas iniciales', '"""=1"', '"""=1"', 0],
    ['tab inicial dentro de comillas', '"\t=1"', '"\'\t=1"', 1],
    ['retorno de carro inicial dentro de comillas', 'a,"\r=1"', 'a,"\'\r=1"', 1],
    ['espacios antes del igual', 'a, =1', "a,' =1", 1],
    ['números con signo quedan números', '-5;+3;-2.5;+3,5', '-5;+3;-2.5;+3,5', 0],
    ['signo que no es número', '-5+1;+57 300 123 4567;-', "'-5+1;'+57 300 123 4567;'-", 3],
    ['arroba', '@SUM(A1)', "'@SUM(A1)", 1],
    ['BOM al inicio', '\uFEFF=1,a', "\uFEFF'=1,a", 1],
    ['CRLF y LF y CR solos', '=1\r\n=2\n=3\r=4', "'=1\r\n'=2\n'=3\r'=4", 4],
    ['comilla sin cerrar llega al final', 'a,"=1,\n=2', 'a,"\'=1,\n=2', 1],
    ['texto tras la comilla de cierre', '"a"=1,b', '"a"=1,b', 0],
    ['vacío', '', '', 0],
    ['UTF-8 intacto', 'año;=ñ;ü', "año;'=ñ;ü", 1],
  ])('%s', (_n, entrada, salida, celdas) => {
    expect(neutralizado(entrada)).toEqual({ texto: salida, celdas });
  });

  it('un archivo sin fórmulas sale con los mismos bytes (incluso UTF-8 inválido)', () => {
    const b = Buffer.from([0x61, 0x2c, 0xff, 0xfe, 0x0a, 0x62]);
    const r = neutralizarCsv(b);
    expect(r.celdas).toBe(0);
    expect(r.contenido.equals(b)).toBe(true);
  });

  // An independent reading of the same model, string by string: cells' contents in order.
  function celdas(texto: string): string[] {
    const fuera: string[] = [];
    let i = texto.startsWith('\uFEFF') ? 1 : 0;
    for (;;) {
      let c = '';
      if (texto[i] === '"') {
        for (i++; i < texto.length; i++) {
          if (texto[i] !== '"') c += texto[i];
          else if (texto[i + 1] === '"') c += texto[i++];
          else {
            i++;
            break;
          }
        }
      }
      while (i < texto.length && !',;\t\r\n'.includes(texto[i]!)) c += texto[i++];
      fuera.push(c);
      if (i >= texto.length) return fuera;
      i += texto.startsWith('\r\n', i) ? 2 : 1;
    }
  }
  const peligrosa = (c: string) =>
    /^[\t\r]/.test(c) || (/^[ \t\r\n]*[=+\-@]/.test(c) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(c.trim()));

  const csv = fc.string({
    unit: fc.constantFrom(',', ';', '\t', '\r', '\n', '"', '=', '+', '-', '@', ' ', 'a', '1', '.', 'ñ', "'"),
    maxLength: 200,
  });

  it("propiedad: mismas celdas, cada una igual o con «'» delante, y ninguna queda peligrosa", () => {
    fc.assert(
      fc.property(csv, (entrada) => {
        const { texto, celdas: n } = neutralizado(entrada);
        const antes = celdas(entrada);
        const despues = celdas(texto);
        expect(despues).toHaveLength(antes.length);
        let cambiadas = 0;
        despues.forEach((c, i) => {
          if (c !== antes[i]) {
            expect(c).toBe(`'${antes[i]}`);
            cambiadas++;
          }
          expect(peligrosa(c)).toBe(false);
        });
        expect(cambiadas).toBe(n);
        expect(Buffer.byteLength(texto)).toBe(Buffer.byteLength(entrada) + n);
      }),
      { numRuns: 3000 },
    );
  });

  it('propiedad: neutralizar dos veces no cambia nada más', () => {
    fc.assert(
      fc.property(csv, (entrada) => {
        const una = neutralizarCsv(Buffer.from(entrada)).contenido;
        const dos = neutralizarCsv(una);
        expect(dos.celdas).toBe(0);
        expect(dos.contenido.equals(una)).toBe(true);
      }),
    );
  });

  // Not quadratic: a backtracking or copy-per-cell version takes minutes here; this one well under a second.
  it('lineal: 1 MB de celdas con fórmulas en poco tiempo', () => {
    const grande = Buffer.from('=1;"@2";-x\n'.repeat(100_000));
    const inicio = performance.now();
    const r = neutralizarCsv(grande);
    expect(r.celdas).toBe(300_000);
    expect(performance.now() - inicio).toBeLessThan(5000);
  });
});
