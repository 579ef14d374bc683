import { describe, expect, it } from 'vitest';
import { problemasClave } from './clave.ts';

describe('reglas de contraseña', () => {
  it.each([
    ['Putumayo2026', undefined, []],
    ['corta1', undefined, ['debe tener al menos 10 caracteres']],
    ['sololetrasaqui', undefined, ['debe combinar letras y números']],
    ['1234567890', undefined, ['debe combinar letras y números']],
    ['ana.perez2026x', 'ana.perez@hospital.example', ['no puede contener su usuario de correo']],
  ])('%s → %j', (clave, correo, esperado) => {
    expect(problemasClave(clave, correo)).toEqual(esperado);
  });
});
