// Every read of one thing by its identifier, taken from the OpenAPI document: an identifier of the database's
// shape that names nothing is a 404 in Spanish, whatever its version digits (an attacker probing ids learns
// nothing from a 400 for some and a 404 for others); only a malformed one is a 400 that names the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escenarioConPlan, nitNuevo } from './constructores.ts';
import { operacionesDe } from './fuzz/esquema.ts';
import { type AppPrueba, crearAppPrueba } from './prueba.ts';

let t: AppPrueba;
beforeAll(async () => {
  t = await crearAppPrueba();
});
afterAll(() => t.cerrar());

// Not RFC 4122 (version 1, variant 0), the nil id, and an ordinary v4: all well-formed, none exists.
const AJENOS = [
  '11111111-1111-1111-1111-111111111111',
  '00000000-0000-0000-0000-000000000000',
  '5f0c3a9e-1b2d-4c3e-8f4a-0123456789ab',
];

describe('identificadores en la dirección', () => {
  it('un identificador bien formado que no existe es 404 en cada lectura por identificador', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    // GET routes whose path names one thing by id (besides the entity), with nothing else in the path.
    const lecturas = operacionesDe(t.app.swagger() as never).filter(
      (op) =>
        op.metodo === 'GET' &&
        op.parametros.some((p) => p.in === 'path' && /Id$/.test(p.name) && p.name !== 'entidadId') &&
        op.parametros.every((p) => p.in !== 'path' || /Id$/.test(p.name) || p.name === 'vigencia'),
    );
    expect(lecturas.length).toBeGreaterThan(8);
    const otras: string[] = [];
    for (const op of lecturas)
      for (const ajeno of AJENOS) {
        const ruta = op.ruta
          .replace(':entidadId', e.entidadId)
          .replace(':vigencia', String(e.vigencia))
          .replace(/:[a-zA-Z]+Id\b/g, ajeno);
        const r = await t.pedir(t.admin, 'GET', ruta);
        if (r.statusCode !== 404 || r.json().error !== 'no_encontrado')
          otras.push(`${op.ruta} con ${ajeno}: ${r.statusCode} ${r.body.slice(0, 120)}`);
      }
    expect(otras).toEqual([]);
  });

  it('un identificador mal formado es 400 y el mensaje nombra el campo', async () => {
    const e = await escenarioConPlan(t, { nit: nitNuevo() });
    for (const [ruta, campo] of [
      [`${e.base}/indicadores/no-es-un-id`, 'ruta indicadorId'],
      [`${e.base}/comites/12345678-1234-1234-1234-12345678`, 'ruta comiteId'],
      [`${e.base}/autodiagnosticos/${'a'.repeat(36)}`, 'ruta autodiagnosticoId'],
    ] as const) {
      const r = await t.pedir(t.admin, 'GET', ruta);
      expect(r.statusCode, ruta).toBe(400);
      expect(r.json().campos.map((c: { campo: string }) => c.campo)).toEqual([campo]);
    }
  });
});
