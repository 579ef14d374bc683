import { describe, expect, it } from 'vitest';
import {
  aplicaPolitica,
  esEse,
  PLANES_PROPIOS_SUGERIDOS,
  planAdmitePolitica,
  planesDePolitica,
  politicasAplicables,
  problemaAplicabilidad,
} from './catalogo.ts';
import type { TipoFormulario } from './entidad.ts';

const SOLO_MIPG = ['MIPG'];
const AMBOS = ['MIPG', 'MECI'];

describe('qué políticas aplican según el formulario FURAG de la entidad', () => {
  it.each([
    [SOLO_MIPG, 'MIPG', true],
    [SOLO_MIPG, 'MECI', false],
    [AMBOS, 'MIPG', true],
    [AMBOS, 'MECI', true],
    [[], 'MIPG', false],
  ] as [string[], TipoFormulario, boolean][])(
    'formularios %j, entidad %s → %s',
    (formularios, tipo, aplica) => {
      expect(aplicaPolitica({ formularios }, tipo)).toBe(aplica);
    },
  );

  const catalogo = [
    { clave: 'talento_humano', nombre: 'Gestión Estratégica del Talento Humano', formularios: SOLO_MIPG },
    { clave: 'transparencia', nombre: 'Transparencia', formularios: SOLO_MIPG },
    { clave: 'control_interno', nombre: 'Control Interno', formularios: AMBOS },
  ];

  it('un concejo o una personería (MECI) recibe solo Control Interno; una alcaldía (MIPG), todas en orden', () => {
    expect(politicasAplicables(catalogo, 'MECI').map((p) => p.clave)).toEqual(['control_interno']);
    expect(politicasAplicables(catalogo, 'MIPG').map((p) => p.clave)).toEqual([
      'talento_humano',
      'transparencia',
      'control_interno',
    ]);
  });

  it('el motivo nombra la política y el formulario; ninguno cuando aplica', () => {
    expect(problemaAplicabilidad(catalogo[1]!, 'MECI')).toBe(
      'la política «Transparencia» no aplica a esta entidad: responde el formulario FURAG MECI: solo control interno (concejos, personerías, contralorías y otras entidades fuera de la rama ejecutiva)',
    );
    expect(problemaAplicabilidad(catalogo[2]!, 'MECI')).toBeNull();
    expect(problemaAplicabilidad(catalogo[1]!, 'MIPG')).toBeNull();
  });
});

describe('planes con varias políticas', () => {
  const ptep = { clave: 'ptep', politicas: ['transparencia', 'integridad', 'participacion_ciudadana'] };
  const paa = { clave: 'paa', politicas: ['compras_contratacion', 'gestion_presupuestal'] };
  const pinar = { clave: 'pinar', politicas: ['gestion_documental'] };

  it.each([
    [ptep, 'transparencia', true],
    [ptep, 'integridad', true],
    [ptep, 'participacion_ciudadana', true],
    [ptep, 'compras_contratacion', false],
    [paa, 'gestion_presupuestal', true],
    [pinar, 'talento_humano', false],
    [{ politicas: [] }, 'talento_humano', true], // an own plan without policies takes any
  ])('%j admite %s → %s', (plan, politica, admite) => {
    expect(planAdmitePolitica(plan, politica)).toBe(admite);
  });

  it('la lista de planes de una política trae todos los que la incluyen', () => {
    expect(planesDePolitica([ptep, paa, pinar], 'integridad').map((p) => p.clave)).toEqual(['ptep']);
    expect(planesDePolitica([ptep, paa, pinar], 'gestion_presupuestal').map((p) => p.clave)).toEqual(['paa']);
    expect(planesDePolitica([ptep, paa, pinar, { clave: 'x', politicas: [] }], 'mejora_normativa')).toEqual(
      [],
    );
  });

  it('los planes propios sugeridos tienen códigos únicos; el Plan Anual de Auditoría es de Control Interno', () => {
    const codigos = PLANES_PROPIOS_SUGERIDOS.map((p) => p.codigo);
    expect(new Set(codigos).size).toBe(codigos.length);
    expect(PLANES_PROPIOS_SUGERIDOS.find((p) => p.nombre === 'Plan Anual de Auditoría')?.politicas).toEqual([
      'control_interno',
    ]);
    expect(PLANES_PROPIOS_SUGERIDOS.filter((p) => p.soloEse).map((p) => p.codigo)).toEqual([
      'PGG',
      'PAMEC',
      'PHE',
    ]);
  });
});

describe('qué entidad es una E.S.E. (para sugerirle sus planes propios)', () => {
  it.each([
    [{ nombre: 'E.S.E. Hospital José María Hernández' }, true],
    [{ nombre: 'ESE Hospital Local de Puerto Asís' }, true],
    [{ nombre: 'Hospital San Gabriel', naturalezaJuridica: 'Empresa Social del Estado' }, true],
    [{ nombre: 'Hospital Departamental', organoAprobacion: 'junta_directiva' }, true],
    [{ nombre: 'Alcaldía de Mocoa', organoAprobacion: 'consejo_gobierno' }, false],
    [{ nombre: 'Concejo Municipal de Mocoa' }, false],
    [{ nombre: 'Personería de Villagarzón — Oficina de Derechos Humanos' }, false],
  ])('%j → %s', (e, ese) => {
    expect(esEse(e)).toBe(ese);
  });
});
