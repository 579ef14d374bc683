// Its own file: the per-IP login limit would otherwise block the logins of other tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPrueba, crearAppPrueba } from '../../server/prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

describe('límite de intentos de ingreso por dirección IP', () => {
  it('tras 20 intentos en un minuto responde 429 en español, sin revisar la contraseña', async () => {
    const codigos: number[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await t.pedir(null, 'POST', '/api/auth/login', {
        email: 'x@prueba.example',
        password: 'Incorrecta1',
      });
      codigos.push(r.statusCode);
      if (r.statusCode === 429) expect(r.json().mensaje).toContain('Demasiados intentos');
    }
    expect(codigos.filter((c) => c === 401).length).toBeLessThanOrEqual(20);
    expect(codigos.at(-1)).toBe(429);
  });
});
