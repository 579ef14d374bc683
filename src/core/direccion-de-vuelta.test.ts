import { describe, expect, it } from 'vitest';
import { direccionDeVuelta } from './direccion-de-vuelta.ts';

describe('la dirección a la que vuelve un formulario sin JavaScript', () => {
  it.each([
    ['/', '/'],
    ['/tablero?entidad=x&vigencia=2026', '/tablero?entidad=x&vigencia=2026'],
    ['/plan#actividad', '/plan#actividad'],
    [undefined, '/'],
    [42, '/'],
    ['', '/'],
    ['tablero', '/'],
    ['https://otro.example/', '/'],
    ['//otro.example/', '/'],
    ['/\\otro.example/', '/'],
    ['/a\\b', '/'],
    ['/tablero\r\nSet-Cookie: x=1', '/'],
    ['/api/auth/sesion', '/'],
    ['/api', '/'],
    ['/apicultura', '/apicultura'],
    // As the browser reads them: dot segments resolved, other characters percent-encoded.
    ['/./api/auth/sesion', '/'],
    ['/.//otro.example', '/'],
    ['/a/../api', '/'],
    ['/ingresar', '/'],
    ['/preferencias?x=1', '/'],
    ['/€', '/%E2%82%AC'],
    ['/plan?buscar=metas de salud', '/plan?buscar=metas%20de%20salud'],
    [`/${'a'.repeat(2000)}`, '/'],
  ])('%j → %s', (valor, esperado) => {
    expect(direccionDeVuelta(valor)).toBe(esperado);
  });
});
