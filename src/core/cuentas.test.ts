import { describe, expect, it } from 'vitest';
import { gestionaCredenciales } from './cuentas.ts';

const A = 'entidad-a';
const B = 'entidad-b';

describe('quién gestiona las credenciales de una cuenta', () => {
  it.each([
    ['admin de A, persona solo de A', false, { adminPlataforma: false, entidades: [A] }, true],
    ['admin de A, persona de A y de B', false, { adminPlataforma: false, entidades: [A, B] }, false],
    ['admin de A, persona solo de B', false, { adminPlataforma: false, entidades: [B] }, false],
    ['admin de A, persona sin entidades', false, { adminPlataforma: false, entidades: [] }, false],
    [
      'admin de A, administrador de plataforma con rol en A',
      false,
      { adminPlataforma: true, entidades: [A] },
      false,
    ],
    [
      'administrador de plataforma, persona de A y B',
      true,
      { adminPlataforma: false, entidades: [A, B] },
      true,
    ],
    ['administrador de plataforma, otro administrador', true, { adminPlataforma: true, entidades: [] }, true],
  ])('%s → %s', (_caso, actorPlataforma, cuenta, esperado) => {
    expect(gestionaCredenciales({ adminPlataforma: actorPlataforma }, A, cuenta)).toBe(esperado);
  });
});
