import { describe, expect, it } from 'vitest';
import { lugarTrasDireccion } from './entidad.ts';

describe('el lugar de la entidad después de su dirección', () => {
  it.each([
    ['Calle 8 # 4-36, barrio San Agustín, Mocoa, Putumayo', 'Mocoa', 'Putumayo', ''],
    ['Calle 8 # 4-36', 'Mocoa', 'Putumayo', 'Mocoa, Putumayo'],
    ['Carrera 5, MOCOA', 'Mocoa', 'Putumayo', 'Putumayo'],
    ['Vía a Villagarzón km 2', 'Villagarzón', 'Putumayo', 'Putumayo'],
    ['Avenida Colombia, Villagarzon', 'Villagarzón', 'Putumayo', 'Putumayo'],
    [null, 'Mocoa', null, 'Mocoa'],
    ['Calle 1', null, null, ''],
  ])('%s + %s, %s → «%s»', (direccion, municipio, departamento, lugar) => {
    expect(lugarTrasDireccion({ direccion, municipio, departamento })).toBe(lugar);
  });
});
