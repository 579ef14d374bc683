import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { esCorreoSimple, esperaReintento, horaEnColombia, textoDeCabecera } from './correo.ts';

describe('reglas del correo', () => {
  it('un texto de cabecera nunca lleva saltos de línea ni caracteres de control, y tiene tope', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'é', ' ', '\r', '\n', '\t', '\u0000', '\u007f', '\u2028'),
          maxLength: 400,
        }),
        (s) => {
          const c = textoDeCabecera(s);
          expect(c).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
          expect(c.length).toBeLessThanOrEqual(150);
        },
      ),
    );
    expect(textoDeCabecera('Reporte\r\nBcc: todos@x.co')).toBe('Reporte Bcc: todos@x.co');
  });

  it('solo direcciones simples', () => {
    expect(esCorreoSimple('ana@entidad.gov.co')).toBe(true);
    for (const malo of ['ana@x.co\r\nBcc: b@x.co', 'Ana <ana@x.co>', 'a@b', 'a,b@x.co', 'sin-arroba'])
      expect(esCorreoSimple(malo)).toBe(false);
  });

  it('las esperas crecen y se estabilizan', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => esperaReintento(n) / 60_000)).toEqual([1, 5, 15, 60, 240, 240]);
  });

  it('la hora en Colombia es UTC−5 todo el año', () => {
    expect(horaEnColombia(new Date('2026-11-25T12:00:00Z'))).toBe(7);
    expect(horaEnColombia(new Date('2026-07-01T03:00:00Z'))).toBe(22);
  });
});
