import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asignarSlugs, esUuid, slugDe, slugPropio } from './slug.ts';

describe('slugDe', () => {
  it.each([
    ['E.S.E. Hospital José María Hernández', 'ese-hospital-jose-maria-hernandez'],
    ['Alcaldía de Mocoa', 'alcaldia-de-mocoa'],
    ['  Gobernación   del Putumayo  ', 'gobernacion-del-putumayo'],
    ['Peñalosa & Cía.', 'penalosa-cia'],
    ['ESE-HSG', 'ese-hsg'],
    ['Instituto 2026 / Niños', 'instituto-2026-ninos'],
    ['Ünïcödé—Ñandú', 'unicode-nandu'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['¡¿!!', ''],
    ['', ''],
  ])('%s → %s', (texto, esperado) => expect(slugDe(texto)).toBe(esperado));

  it('corta un nombre largo en un límite de palabra, sin guion al final', () => {
    const s = slugDe(
      'Empresa Social del Estado Hospital Departamental de Primer Nivel de Atención San Gabriel Arcángel',
    );
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s).toBe('empresa-social-del-estado-hospital-departamental-de-primer');
  });

  it('solo produce minúsculas, dígitos y guiones simples, sin guion en los extremos', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => {
        const s = slugDe(t);
        expect(s).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(s.length).toBeLessThanOrEqual(60);
      }),
    );
  });
});

describe('slugPropio', () => {
  it('prefiere la sigla y si no el nombre', () => {
    expect(slugPropio({ nombre: 'E.S.E. Hospital San Gabriel', sigla: 'HSG', nit: '846000253-6' })).toBe(
      'hsg',
    );
    expect(slugPropio({ nombre: 'E.S.E. Hospital San Gabriel', sigla: null, nit: '846000253-6' })).toBe(
      'ese-hospital-san-gabriel',
    );
    expect(slugPropio({ nombre: 'Alcaldía', sigla: '...', nit: '846000253-6' })).toBe('alcaldia');
  });
  it('un nombre sin letras, una palabra reservada o algo con forma de uuid usa el NIT', () => {
    expect(slugPropio({ nombre: '***', sigla: null, nit: '846000253-6' })).toBe('entidad-8460002536');
    expect(slugPropio({ nombre: 'Estilos', sigla: null, nit: '800197268-4' })).toBe('entidad-8001972684');
    const uuid = '123e4567-e89b-42d3-a456-426614174000';
    expect(esUuid(slugDe(uuid))).toBe(true);
    expect(slugPropio({ nombre: uuid, sigla: null, nit: '800197268-4' })).toBe('entidad-8001972684');
  });
});

describe('asignarSlugs', () => {
  const e = (id: string, nombre: string, nit: string, creadoEn: string, sigla: string | null = null) => ({
    id,
    nombre,
    sigla,
    nit,
    creadoEn,
  });
  const a = e('a', 'Hospital San Gabriel', '846000253-6', '2026-01-01');
  const b = e('b', 'Hospital  San Gabriel', '800197268-4', '2026-02-01');
  const c = e('c', 'Alcaldía de Mocoa', '800102891-6', '2026-03-01');

  it('la entidad más antigua conserva el nombre simple; la otra lleva los dígitos del NIT', () => {
    const s = asignarSlugs([b, c, a]);
    expect(s.get('a')).toBe('hospital-san-gabriel');
    expect(s.get('b')).toBe('hospital-san-gabriel-8001972684');
    expect(s.get('c')).toBe('alcaldia-de-mocoa');
  });

  it('el mismo resultado en cualquier orden, y todos distintos', () => {
    const d = e('d', 'Hospital San Gabriel 8001972684', '900000000-1', '2025-12-01');
    const todas = [a, b, c, d];
    fc.assert(
      fc.property(fc.shuffledSubarray(todas, { minLength: 4, maxLength: 4 }), (orden) => {
        const s = asignarSlugs(orden);
        expect([...s.entries()].sort()).toEqual([...asignarSlugs(todas).entries()].sort());
        expect(new Set(s.values()).size).toBe(4);
      }),
    );
    // d is older and claims «…-8001972684» as its own slug: b, which would take it as a suffix, gets a counter.
    expect(asignarSlugs(todas).get('b')).toBe('hospital-san-gabriel-8001972684-2');
  });
});
