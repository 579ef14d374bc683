import { describe, expect, it } from 'vitest';
import { problemasClave } from './clave.ts';

const COMUN = 'es una de las contraseñas más usadas (o una palabra común con números): elija otra';

describe('reglas de contraseña', () => {
  it.each([
    ['Putumayo2026', undefined, []],
    ['corta1', undefined, ['debe tener al menos 10 caracteres']],
    ['sololetrasaqui', undefined, ['debe combinar letras y números']],
    ['1234567890', undefined, ['debe combinar letras y números', COMUN]],
    ['ana.perez2026x', 'ana.perez@hospital.example', ['no puede contener su usuario de correo']],
    ['password1234', undefined, [COMUN]],
    ['Password123', undefined, [COMUN]],
    ['Colombia2026!', undefined, [COMUN]],
    ['2026Planeación', undefined, [COMUN]],
    ['qwerty12345', undefined, [COMUN]],
    ['Mocoa-Sibundoy-2026', undefined, []],
  ])('%s → %j', (clave, correo, esperado) => {
    expect(problemasClave(clave, correo)).toEqual(esperado);
  });
});
