import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cuestionario, Item, Respuesta, Seccion } from './cuestionario.ts';
import {
  avanceSimulacro,
  problemaEnlace,
  puedeResponder,
  quienResponde,
  textoRespuesta,
} from './simulacro.ts';

const puntaje = (codigo: string, extra: Partial<Item> = {}): Item => ({
  codigo,
  tipo: 'puntaje',
  texto: codigo,
  ...extra,
});
const seccion = (codigo: string, items: Item[], secciones: Seccion[] = []): Seccion => ({
  codigo,
  nombre: `Módulo ${codigo}`,
  items,
  secciones,
});
// Two modules of the entity's form (one with a sub-section) and the control-interno form.
const BANCO: Pick<Cuestionario, 'secciones'> = {
  secciones: [
    seccion('M1', [puntaje('P1'), puntaje('P2')], [seccion('M1.1', [puntaje('P3')])]),
    seccion('M2', [puntaje('P4'), puntaje('P5', { salto: { item: 'P4', operador: 'mayor', valor: 50 } })]),
    seccion('CI', [puntaje('P6'), puntaje('P7')]),
  ],
};

describe('quién responde cada pregunta del simulacro', () => {
  const r = quienResponde(
    BANCO,
    'CI',
    new Map([
      ['M1', 'ana'],
      ['M1.1', 'beto'],
      ['CI', 'ana'],
    ]),
  );
  it.each([
    ['P1', { tipo: 'persona', usuarioId: 'ana', seccion: 'M1' }],
    ['P3', { tipo: 'persona', usuarioId: 'beto', seccion: 'M1.1' }],
    ['P4', { tipo: 'sin_asignar' }],
    ['P6', { tipo: 'control_interno' }],
  ])('%s → %j', (item, esperado) => expect(r.get(item)).toEqual(esperado));

  it.each([
    ['P1', 'ana', false, true],
    ['P1', 'beto', false, false],
    ['P1', 'ci', true, false],
    ['P3', 'ana', false, false],
    ['P4', 'ana', false, false],
    ['P6', 'ci', true, true],
    ['P6', 'ana', false, false],
  ] as const)('%s lo responde %s (control interno: %s)? %s', (item, usuarioId, esControlInterno, puede) =>
    expect(puedeResponder(r.get(item), { usuarioId, esControlInterno })).toBe(puede),
  );
});

describe('avance del simulacro: completitud y cobertura de evidencia', () => {
  it('por módulo y por persona, contado a mano', () => {
    const responden = quienResponde(BANCO, 'CI', new Map([['M1', 'ana']]));
    const respuestas = new Map<string, Respuesta>([
      ['P1', { puntaje: 10 }],
      ['P2', { noAplica: true }],
      ['P4', { puntaje: 80 }],
      ['P6', { puntaje: 0 }],
    ]);
    const a = avanceSimulacro(BANCO, respuestas, new Set(['P1', 'P3', 'P6']), responden);
    // P5 shows (P4 > 50): 7 applicable; 4 answered; evidence on P1 and P6 (P3 has evidence but no answer).
    expect(a.total).toEqual({
      aplicables: 7,
      respondidos: 4,
      conEvidencia: 2,
      completitud: 57.1,
      coberturaEvidencia: 50,
    });
    expect(a.modulos.map((m) => [m.codigo, m.completitud, m.coberturaEvidencia])).toEqual([
      ['M1', 66.7, 50],
      ['M2', 50, 0],
      ['CI', 50, 100],
    ]);
    expect(Object.fromEntries(a.personas.map((p) => [p.clave, [p.respondidos, p.aplicables]]))).toEqual({
      ana: [2, 3],
      sin_asignar: [1, 2],
      control_interno: [1, 2],
    });
  });

  it('sin nada aplicable ni respondido: null, nunca 0 % ni una división por cero', () => {
    const a = avanceSimulacro({ secciones: [seccion('M', [])] }, new Map(), new Set(), new Map());
    expect(a.total).toMatchObject({ completitud: null, coberturaEvidencia: null });
  });

  it('propiedades: nunca más de 100 %, un blanco no cuenta como respondido, la evidencia solo cuenta respondida', () => {
    const codigos = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...codigos),
          fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        ),
        fc.subarray(codigos),
        (dadas, evidencias) => {
          const respuestas = new Map(
            Object.entries(dadas).flatMap(([k, v]) =>
              v === undefined ? [] : [[k, { puntaje: v }] as const],
            ),
          );
          const a = avanceSimulacro(
            BANCO,
            respuestas,
            new Set(evidencias),
            quienResponde(BANCO, 'CI', new Map()),
          );
          for (const x of [a.total, ...a.modulos, ...a.personas]) {
            expect(x.respondidos).toBeLessThanOrEqual(x.aplicables);
            expect(x.conEvidencia).toBeLessThanOrEqual(x.respondidos);
            expect(x.completitud ?? 0).toBeLessThanOrEqual(100);
            expect(x.coberturaEvidencia ?? 0).toBeLessThanOrEqual(100);
          }
          expect(a.total.respondidos).toBe(
            [...respuestas.keys()].filter((k) => k !== 'P5' || (respuestas.get('P4')?.puntaje ?? 0) > 50)
              .length,
          );
          expect(a.modulos.reduce((s, m) => s + m.aplicables, 0)).toBe(a.total.aplicables);
          expect(a.personas.reduce((s, p) => s + p.respondidos, 0)).toBe(a.total.respondidos);
        },
      ),
    );
  });
});

describe('la respuesta en palabras para la exportación', () => {
  const unica: Item = {
    codigo: 'U',
    tipo: 'seleccion_unica',
    texto: 'U',
    opciones: [
      { codigo: 'si', texto: 'Sí' },
      { codigo: 'no', texto: 'No' },
    ],
  };
  const matriz: Item = { ...unica, codigo: 'M', tipo: 'matriz', filas: [{ codigo: 'f1', texto: 'Fila 1' }] };
  it.each([
    [unica, { opcion: 'si' }, 'Sí'],
    [{ ...unica, tipo: 'seleccion_multiple' }, { opciones: ['si', 'no'] }, 'Sí; No'],
    [{ ...unica, tipo: 'seleccion_multiple_numero' }, { cantidades: { si: 1234.5 } }, 'Sí: 1.234,5'],
    [matriz, { celdas: { f1: 'no' } }, 'Fila 1: No'],
    [puntaje('P'), { puntaje: 80 }, '80'],
    [puntaje('P'), { noAplica: true }, 'No aplica'],
    [puntaje('P'), undefined, ''],
    [{ ...unica, tipo: 'texto' }, { texto: '  ' }, ''],
  ] as [Item, Respuesta | undefined, string][])('%#: %j → «%s»', (item, r, texto) =>
    expect(textoRespuesta(item, r)).toBe(texto),
  );
});

describe('enlaces de evidencia', () => {
  it.each([
    ['https://entidad.gov.co/acta.pdf', null],
    ['http://intranet/acta', null],
    ['javascript:alert(1)', /https/],
    ['acta.pdf', /no es una dirección/],
    [`https://x.co/${'a'.repeat(2000)}`, /2000 caracteres/],
  ] as const)('%s', (url, problema) => {
    const p = problemaEnlace(url);
    if (problema === null) expect(p).toBeNull();
    else expect(p).toMatch(problema);
  });
});
