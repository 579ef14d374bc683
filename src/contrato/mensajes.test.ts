import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodEnEspanol } from './mensajes.ts';

beforeAll(zodEnEspanol);

const primerMensaje = (esquema: z.ZodType, valor: unknown) => {
  const r = esquema.safeParse(valor);
  return r.success ? null : r.error.issues[0]?.message;
};

describe('lo que dice una regla del contrato sin mensaje propio', () => {
  it.each([
    ['texto largo', z.string().max(120), 'x'.repeat(121), 'no más de 120 caracteres'],
    ['texto de un carácter', z.string().max(1), 'xy', 'no más de 1 carácter'],
    ['texto vacío', z.string().min(1), '', 'no puede quedar vacío'],
    ['texto corto', z.string().min(3), 'ab', 'al menos 3 caracteres'],
    ['lista larga', z.array(z.string()).max(2000), Array(2001).fill('a'), 'no más de 2.000 elementos'],
    ['lista vacía', z.array(z.string()).min(1), [], 'elija al menos uno'],
    ['número alto', z.number().max(100), 150, 'no puede ser mayor que 100'],
    ['número bajo', z.number().min(0), -5, 'no puede ser menor que 0'],
    ['número no positivo', z.number().positive(), 0, 'debe ser mayor que 0'],
    ['decimal en es-CO', z.number().max(1234.5), 2000, 'no puede ser mayor que 1.234,5'],
  ])('%s', (_caso, esquema, valor, esperado) => {
    expect(primerMensaje(esquema, valor)).toBe(esperado);
  });

  it('el mensaje propio de una regla manda; lo demás queda en el español de Zod', () => {
    expect(primerMensaje(z.string().max(3, 'la sigla es corta'), 'abcd')).toBe('la sigla es corta');
    expect(primerMensaje(z.number(), 'x')).toMatch(/^Entrada inválida/);
  });
});
