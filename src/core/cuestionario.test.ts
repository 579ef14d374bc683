import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brechas,
  type Cuestionario,
  FORMATO_CUESTIONARIO,
  type Item,
  itemsVisibles,
  puntajeItem,
  puntuar,
  type Respuesta,
  respuestasDeOtraVigencia,
  type Seccion,
  validarCuestionario,
  validarRespuesta,
} from './cuestionario.ts';

const SI_NO = [
  { codigo: 'si', texto: 'Sí', puntaje: 100 },
  { codigo: 'no', texto: 'No', puntaje: 0 },
];
const MULTIPLE = [
  { codigo: 'a', texto: 'Manual', puntaje: 40 },
  { codigo: 'b', texto: 'Procedimiento', puntaje: 40 },
  { codigo: 'c', texto: 'Formato', puntaje: 40 },
  { codigo: 'ninguna', texto: 'Ninguna de las anteriores', anula: true },
];

const item = (codigo: string, cambio: Partial<Item> = {}): Item => ({
  codigo,
  tipo: 'puntaje',
  texto: `Pregunta ${codigo}`,
  ...cambio,
});
const seccion = (codigo: string, items: Item[], secciones: Seccion[] = []): Seccion => ({
  codigo,
  nombre: `Sección ${codigo}`,
  items,
  secciones,
});
const cuestionario = (secciones: Seccion[], cambio: Partial<Cuestionario> = {}): Cuestionario => ({
  formato: FORMATO_CUESTIONARIO,
  codigo: 'AUTO-TH',
  nombre: 'Autodiagnóstico de prueba',
  vigencia: 2025,
  instrumento: 'autodiagnostico',
  secciones,
  ...cambio,
});
const resp = (o: Record<string, Respuesta>) => new Map(Object.entries(o));

describe('validación de la estructura', () => {
  const base = () =>
    cuestionario([
      seccion('S1', [
        item('P1', { tipo: 'seleccion_unica', opciones: SI_NO }),
        item('P2', { salto: { item: 'P1', operador: 'igual', valor: 'si' } }),
      ]),
    ]);
  it('un cuestionario bien formado no tiene problemas', () => {
    expect(validarCuestionario(base())).toEqual([]);
  });

  it.each<
    [string, (c: Cuestionario) => void, { seccion: string | null; item: string | null; problema: RegExp }]
  >([
    [
      'código de ítem repetido',
      (c) => c.secciones[0]!.items.push(item('P1')),
      { seccion: 'S1', item: 'P1', problema: /repetido/ },
    ],
    [
      'código de sección repetido',
      (c) => c.secciones.push(seccion('S1', [item('P9')])),
      { seccion: 'S1', item: null, problema: /sección está repetido/ },
    ],
    [
      'salto a un ítem inexistente',
      (c) => {
        c.secciones[0]!.items[1]!.salto = { item: 'PX', operador: 'igual', valor: 'si' };
      },
      { seccion: 'S1', item: 'P2', problema: /«PX», que no existe/ },
    ],
    [
      'salto a un ítem posterior',
      (c) => {
        c.secciones[0]!.items[0]!.salto = { item: 'P2', operador: 'respondido' };
      },
      { seccion: 'S1', item: 'P1', problema: /viene después/ },
    ],
    [
      'salto a sí mismo',
      (c) => {
        c.secciones[0]!.items[1]!.salto = { item: 'P2', operador: 'respondido' };
      },
      { seccion: 'S1', item: 'P2', problema: /mismo ítem/ },
    ],
    [
      'salto con una opción que no existe',
      (c) => {
        c.secciones[0]!.items[1]!.salto = { item: 'P1', operador: 'igual', valor: 'tal_vez' };
      },
      { seccion: 'S1', item: 'P2', problema: /no es una opción/ },
    ],
    [
      'opción anuladora en selección única',
      (c) => {
        c.secciones[0]!.items[0]!.opciones = [...SI_NO, { codigo: 'x', texto: 'Ninguna', anula: true }];
      },
      { seccion: 'S1', item: 'P1', problema: /Solo una pregunta de selección múltiple/ },
    ],
    [
      'dos opciones anuladoras',
      (c) =>
        c.secciones[0]!.items.push(
          item('P3', {
            tipo: 'seleccion_multiple',
            opciones: [...MULTIPLE, { codigo: 'nose', texto: 'No sabe', anula: true }],
          }),
        ),
      { seccion: 'S1', item: 'P3', problema: /Solo una opción puede anular/ },
    ],
    [
      'más de 36 opciones',
      (c) =>
        c.secciones[0]!.items.push(
          item('P3', {
            tipo: 'seleccion_unica',
            opciones: Array.from({ length: 37 }, (_, i) => ({ codigo: `o${i}`, texto: `Opción ${i}` })),
          }),
        ),
      { seccion: 'S1', item: 'P3', problema: /37 opciones; el máximo es 36/ },
    ],
    [
      'una sola opción',
      (c) => c.secciones[0]!.items.push(item('P3', { tipo: 'seleccion_unica', opciones: [SI_NO[0]!] })),
      { seccion: 'S1', item: 'P3', problema: /al menos 2 opciones/ },
    ],
    [
      'opciones en un texto abierto',
      (c) => c.secciones[0]!.items.push(item('P3', { tipo: 'texto', opciones: SI_NO })),
      { seccion: 'S1', item: 'P3', problema: /no lleva opciones/ },
    ],
    [
      'matriz sin filas',
      (c) => c.secciones[0]!.items.push(item('P3', { tipo: 'matriz', opciones: SI_NO })),
      { seccion: 'S1', item: 'P3', problema: /al menos una fila/ },
    ],
    [
      'mínimo mayor que el máximo',
      (c) => c.secciones[0]!.items.push(item('P3', { tipo: 'numero', minimo: 10, maximo: 1 })),
      { seccion: 'S1', item: 'P3', problema: /mínimo \(10\) es mayor que el máximo \(1\)/ },
    ],
    [
      'profundidad mayor que 8',
      (c) => {
        let s = seccion('N9', [item('PN')]);
        for (let i = 8; i >= 1; i--) s = seccion(`N${i}`, [], [s]);
        c.secciones.push(s);
      },
      { seccion: 'N9', item: null, problema: /nivel 9/ },
    ],
    [
      'equivalencia con una vigencia mal escrita',
      (c) => {
        c.secciones[0]!.items[1]!.equivalencias = { '23': 'P5' };
      },
      { seccion: 'S1', item: 'P2', problema: /cuatro cifras/ },
    ],
  ])('%s', (_n, cambiar, esperado) => {
    const c = base();
    cambiar(c);
    const problemas = validarCuestionario(c);
    expect(problemas).toContainEqual({ ...esperado, problema: expect.stringMatching(esperado.problema) });
  });

  it('más de 2.000 ítems', () => {
    const items = Array.from({ length: 2001 }, (_, i) => item(`P${i}`));
    expect(validarCuestionario(cuestionario([seccion('S', items)]))).toContainEqual({
      seccion: null,
      item: null,
      problema: expect.stringMatching(/2\.001 ítems; el máximo es 2\.000/),
    });
  });
});

describe('validación de una respuesta', () => {
  const multiple = item('M', { tipo: 'seleccion_multiple', opciones: MULTIPLE });
  const numero = item('N', { tipo: 'numero', minimo: 0, maximo: 500, decimales: 0 });
  const matriz = item('X', {
    tipo: 'matriz',
    filas: [
      { codigo: 'f1', texto: 'Fila 1' },
      { codigo: 'f2', texto: 'Fila 2' },
    ],
    opciones: SI_NO,
  });
  it.each<[string, Item, Respuesta, { ok: true; respuesta: Respuesta } | { ok: false; problema: RegExp }]>([
    [
      'la anuladora deja el ítem solo con ella',
      multiple,
      { opciones: ['a', 'ninguna', 'c'] },
      { ok: true, respuesta: { opciones: ['ninguna'] } },
    ],
    [
      'las opciones quedan en el orden del ítem y sin repetir',
      multiple,
      { opciones: ['c', 'a', 'c'] },
      { ok: true, respuesta: { opciones: ['a', 'c'] } },
    ],
    ['una opción ajena', multiple, { opciones: ['z'] }, { ok: false, problema: /«z» no es una opción/ }],
    ['número en rango', numero, { numero: 12 }, { ok: true, respuesta: { numero: 12 } }],
    ['número fuera de rango', numero, { numero: 501 }, { ok: false, problema: /entre 0 y 500/ }],
    ['número con decimales donde no van', numero, { numero: 1.5 }, { ok: false, problema: /sin decimales/ }],
    ['no aplica donde no se permite', numero, { noAplica: true }, { ok: false, problema: /no admite/ }],
    [
      'no aplica donde se permite',
      { ...numero, noAplica: true },
      { noAplica: true },
      { ok: true, respuesta: { noAplica: true } },
    ],
    ['campo de otro tipo', numero, { texto: '3' }, { ok: false, problema: /se responde con «numero»/ }],
    ['puntaje sobre 100', item('P'), { puntaje: 101 }, { ok: false, problema: /entre 0 y 100/ }],
    ['matriz con fila ajena', matriz, { celdas: { f9: 'si' } }, { ok: false, problema: /no es una fila/ }],
    [
      'matriz parcial se guarda',
      matriz,
      { celdas: { f1: 'no' } },
      { ok: true, respuesta: { celdas: { f1: 'no' } } },
    ],
  ])('%s', (_n, it_, r, esperado) => {
    const v = validarRespuesta(it_, r);
    if (esperado.ok) expect(v).toEqual(esperado);
    else expect(v).toEqual({ ok: false, problema: expect.stringMatching(esperado.problema) });
  });
});

describe('lógica de salto y aplicabilidad', () => {
  const c = cuestionario([
    seccion('S', [
      item('P1', { tipo: 'seleccion_unica', opciones: SI_NO }),
      item('P2', { salto: { item: 'P1', operador: 'igual', valor: 'si' } }),
      item('P3', { salto: { item: 'P2', operador: 'mayor', valor: 50 } }),
      item('P4', { aplicaA: { formularios: ['MECI'] } }),
      item('P5', { aplicaA: { ordenes: ['nacional'] } }),
    ]),
  ]);
  it.each<[string, Record<string, Respuesta>, object, string[]]>([
    ['sin respuestas: solo lo que no depende de nada', {}, {}, ['P1', 'P4', 'P5']],
    ['P1 = sí abre P2', { P1: { opcion: 'si' } }, {}, ['P1', 'P2', 'P4', 'P5']],
    ['P2 > 50 abre P3', { P1: { opcion: 'si' }, P2: { puntaje: 60 } }, {}, ['P1', 'P2', 'P3', 'P4', 'P5']],
    [
      'un ítem oculto no abre otro aunque tenga respuesta',
      { P1: { opcion: 'no' }, P2: { puntaje: 60 } },
      {},
      ['P1', 'P4', 'P5'],
    ],
    ['entidad municipal del formulario MIPG', {}, { orden: 'municipal', tipoFormulario: 'MIPG' }, ['P1']],
  ])('%s', (_n, r, entidad, esperado) => {
    expect([...itemsVisibles(c, resp(r), entidad)]).toEqual(esperado);
  });
});

describe('códigos entre vigencias', () => {
  it('la respuesta del año anterior llega al ítem por su equivalencia, o por el mismo código si no tiene', () => {
    const c = cuestionario([
      seccion('S', [
        item('P10', { equivalencias: { '2024': 'P7' } }),
        item('P11'),
        item('P12', { equivalencias: { '2023': 'X' } }),
      ]),
    ]);
    const anteriores = resp({ P7: { puntaje: 30 }, P10: { puntaje: 99 }, P11: { puntaje: 50 } });
    expect(Object.fromEntries(respuestasDeOtraVigencia(c, 2024, anteriores))).toEqual({
      P10: { puntaje: 30 },
      P11: { puntaje: 50 },
    });
  });
});

describe('brechas', () => {
  const c = cuestionario([
    seccion('S', [
      item('A1'),
      item('A2', { noAplica: true }),
      item('A3'),
      item('A4'),
      item('A5', { tipo: 'seleccion_unica', opciones: SI_NO }),
      item('A6', { salto: { item: 'A5', operador: 'igual', valor: 'si' } }),
    ]),
  ]);
  it('los ítems visibles y respondidos bajo el umbral, del más bajo al más alto; ni blancos ni «no aplica»', () => {
    const r = resp({
      A1: { puntaje: 40 },
      A2: { noAplica: true },
      A3: { puntaje: 60 },
      A5: { opcion: 'no' },
      A6: { puntaje: 5 },
    });
    expect(brechas(c, r).map((b) => [b.item, b.puntaje])).toEqual([
      ['A5', 0],
      ['A1', 40],
    ]);
    expect(brechas(c, r, 61).map((b) => b.item)).toEqual(['A5', 'A1', 'A3']);
    expect(brechas(c, r)[0]).toMatchObject({ secciones: ['S'], texto: 'Pregunta A5' });
  });
});

describe('puntaje y completitud', () => {
  // Policy → componentes → categorías → actividades, as the official workbooks.
  const c = cuestionario(
    [
      seccion('C1', [], [seccion('C1.1', [item('A1'), item('A2')]), seccion('C1.2', [item('A3')])]),
      seccion('C2', [item('A4', { noAplica: true }), item('A5', { evidencia: true })]),
    ],
    {
      niveles: [
        { nombre: 'Inicial', desde: 0, hasta: 40 },
        { nombre: 'Intermedio', desde: 40.01, hasta: 80 },
        { nombre: 'Avanzado', desde: 80.01, hasta: 100 },
      ],
    },
  );
  it('promedia categorías en el componente y componentes en el total', () => {
    const r = puntuar(
      c,
      resp({
        A1: { puntaje: 100 },
        A2: { puntaje: 50 },
        A3: { puntaje: 20 },
        A4: { puntaje: 0 },
        A5: { puntaje: 60 },
      }),
    );
    // C1.1 = 75, C1.2 = 20, C1 = 47,5; C2 = 30; total = 38,75 → 38,8
    expect(r.secciones.map((s) => s.puntaje)).toEqual([47.5, 30]);
    expect(r.secciones[0]!.secciones.map((s) => s.puntaje)).toEqual([75, 20]);
    expect(r).toMatchObject({
      puntaje: 38.8,
      nivel: 'Inicial',
      completitud: 100,
      respondidos: 5,
      aplicables: 5,
    });
  });
  it('en blanco no cuenta como cero ni como respondido', () => {
    const r = puntuar(c, resp({ A1: { puntaje: 100 } }));
    expect(r).toMatchObject({ puntaje: 100, completitud: 20, respondidos: 1, aplicables: 5 });
    expect(r.secciones[1]).toMatchObject({ puntaje: null, completitud: 0 });
  });
  it('«no aplica» completa el ítem pero no puntúa', () => {
    const r = puntuar(c, resp({ A4: { noAplica: true }, A5: { puntaje: 80 } }));
    expect(r.secciones[1]).toMatchObject({ puntaje: 80, completitud: 100 });
  });
  it('cuenta los ítems respondidos sin la evidencia que exigen', () => {
    const sin = puntuar(c, resp({ A5: { puntaje: 80 } }));
    const con = puntuar(c, resp({ A5: { puntaje: 80 } }), { conEvidencia: new Set(['A5']) });
    expect([sin.sinEvidencia, con.sinEvidencia]).toEqual([1, 0]);
  });
  it('los ocultos por salto y los no aplicables salen del denominador', () => {
    const q = cuestionario([
      seccion('S', [
        item('P1', { tipo: 'seleccion_unica', opciones: SI_NO }),
        item('P2', { salto: { item: 'P1', operador: 'igual', valor: 'si' } }),
        item('P3', { aplicaA: { formularios: ['MECI'] } }),
      ]),
    ]);
    const r = puntuar(q, resp({ P1: { opcion: 'no' } }), { entidad: { tipoFormulario: 'MIPG' } });
    expect(r).toMatchObject({ puntaje: 0, completitud: 100, respondidos: 1, aplicables: 1 });
  });
  it.each<[string, Item, Respuesta | undefined, number | null]>([
    [
      'selección única puntuada',
      item('X', { tipo: 'seleccion_unica', opciones: SI_NO }),
      { opcion: 'si' },
      100,
    ],
    [
      'selección única sin puntos',
      item('X', {
        tipo: 'seleccion_unica',
        opciones: [
          { codigo: 'a', texto: 'A' },
          { codigo: 'b', texto: 'B' },
        ],
      }),
      { opcion: 'a' },
      null,
    ],
    [
      'selección múltiple suma con tope 100',
      item('X', { tipo: 'seleccion_multiple', opciones: MULTIPLE }),
      { opciones: ['a', 'b', 'c'] },
      100,
    ],
    [
      'selección múltiple parcial',
      item('X', { tipo: 'seleccion_multiple', opciones: MULTIPLE }),
      { opciones: ['a'] },
      40,
    ],
    [
      'la anuladora deja el ítem en cero',
      item('X', { tipo: 'seleccion_multiple', opciones: MULTIPLE }),
      { opciones: ['a', 'ninguna'] },
      0,
    ],
    ['texto no puntúa', item('X', { tipo: 'texto' }), { texto: 'algo' }, null],
    ['en blanco no puntúa', item('X'), undefined, null],
  ])('%s', (_n, it_, r, esperado) => {
    expect(puntajeItem(it_, r)).toBe(esperado);
  });
});

// ---------- Properties ----------

const opcionesArb = (anuladora: boolean) =>
  fc.integer({ min: 2, max: 36 }).chain((k) =>
    fc
      .array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: k, maxLength: k })
      .map((ps) =>
        ps.map((puntaje, i) => ({
          codigo: `o${i}`,
          texto: `Opción ${i}`,
          puntaje,
          ...(anuladora && i === k - 1 ? { anula: true } : {}),
        })),
      ),
  );

const itemArb = (codigo: string): fc.Arbitrary<Item> =>
  fc
    .oneof(
      fc.record({ tipo: fc.constant('puntaje' as const), noAplica: fc.boolean() }),
      fc.record({
        tipo: fc.constant('seleccion_unica' as const),
        opciones: opcionesArb(false),
        noAplica: fc.boolean(),
      }),
      fc.record({
        tipo: fc.constant('seleccion_multiple' as const),
        opciones: opcionesArb(true),
        noAplica: fc.boolean(),
      }),
      fc.record({ tipo: fc.constant('numero' as const), noAplica: fc.boolean() }),
      fc.record({ tipo: fc.constant('texto' as const), noAplica: fc.boolean() }),
    )
    .map((x) => ({ codigo, texto: `Pregunta ${codigo}`, ...x }));

/** A random answer for an item: often blank, sometimes «no aplica», otherwise of its kind. */
const respuestaArb = (it_: Item): fc.Arbitrary<Respuesta | undefined> => {
  const codigos = (it_.opciones ?? []).map((o) => o.codigo);
  const propia: fc.Arbitrary<Respuesta> =
    it_.tipo === 'puntaje'
      ? fc.integer({ min: 0, max: 100 }).map((puntaje) => ({ puntaje }))
      : it_.tipo === 'seleccion_unica'
        ? fc.constantFrom(...codigos).map((opcion) => ({ opcion }))
        : it_.tipo === 'seleccion_multiple'
          ? fc.subarray(codigos).map((opciones) => ({ opciones }))
          : it_.tipo === 'numero'
            ? fc.integer({ min: -1000, max: 1000 }).map((numero) => ({ numero }))
            : fc.string({ maxLength: 20 }).map((texto) => ({ texto }));
  return fc.oneof(
    fc.constant(undefined),
    it_.noAplica ? fc.constant({ noAplica: true }) : fc.constant(undefined),
    propia,
  );
};

const cuestionarioArb: fc.Arbitrary<Cuestionario> = fc
  .array(fc.array(fc.constant(0), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 })
  .chain((forma) => {
    let k = 0;
    return fc
      .tuple(...forma.map((s) => fc.tuple(...s.map(() => itemArb(`P${++k}`)))))
      .map((secs) =>
        cuestionario(
          secs.map((items, i) =>
            i % 2 === 0 ? seccion(`S${i}`, items) : seccion(`S${i}`, [], [seccion(`S${i}.1`, items)]),
          ),
        ),
      );
  });

const conRespuestas = cuestionarioArb.chain((c) => {
  const items = c.secciones.flatMap(function todos(s): Item[] {
    return [...s.items, ...s.secciones.flatMap(todos)];
  });
  return fc.tuple(...items.map((i) => respuestaArb(i))).map((rs) => ({
    c,
    items,
    respuestas: new Map(
      items.flatMap((it_, i) => {
        const r = rs[i];
        if (r === undefined) return [];
        const v = validarRespuesta(it_, r);
        return v.ok ? [[it_.codigo, v.respuesta] as const] : [];
      }),
    ),
  }));
});

describe('propiedades', () => {
  it('los cuestionarios generados son válidos', () => {
    fc.assert(fc.property(cuestionarioArb, (c) => validarCuestionario(c).length === 0));
  });

  it('puntajes en 0–100 y completitud ≤ 100 en el total y en cada sección', () => {
    fc.assert(
      fc.property(conRespuestas, ({ c, respuestas }) => {
        const r = puntuar(c, respuestas);
        const todas = [
          r,
          ...r.secciones.flatMap(function s(x): typeof r.secciones {
            return [x, ...x.secciones.flatMap(s)];
          }),
        ];
        for (const x of todas) {
          if (x.puntaje !== null) expect(x.puntaje).toBeGreaterThanOrEqual(0);
          if (x.puntaje !== null) expect(x.puntaje).toBeLessThanOrEqual(100);
          if (x.completitud !== null) expect(x.completitud).toBeLessThanOrEqual(100);
          expect(x.respondidos).toBeLessThanOrEqual(x.aplicables);
        }
      }),
    );
  });

  it('una anuladora deja el ítem con una sola opción y en su puntaje', () => {
    fc.assert(
      fc.property(opcionesArb(true), fc.array(fc.nat(35)), (opciones, elegidas) => {
        const it_ = item('M', { tipo: 'seleccion_multiple', opciones });
        const anuladora = opciones.at(-1)!.codigo;
        const codigos = [...elegidas.map((i) => opciones[i % opciones.length]!.codigo), anuladora];
        const v = validarRespuesta(it_, { opciones: codigos });
        expect(v).toEqual({ ok: true, respuesta: { opciones: [anuladora] } });
        const p = puntajeItem(it_, v.ok ? v.respuesta : undefined);
        expect(p === null || p === (opciones.at(-1)!.puntaje ?? 0)).toBe(true);
      }),
    );
  });

  it('en blanco no cuenta: un ítem más sin responder no cambia el puntaje y baja la completitud', () => {
    fc.assert(
      fc.property(conRespuestas, fc.nat(), ({ c, respuestas }, k) => {
        const a = puntuar(c, respuestas);
        const conBlanco = structuredClone(c);
        const destino = conBlanco.secciones[k % conBlanco.secciones.length]!;
        (destino.items.length ? destino : destino.secciones[0]!).items.push(item('BLANCO'));
        const b = puntuar(conBlanco, respuestas);
        expect(b.puntaje).toBe(a.puntaje);
        expect(b.respondidos).toBe(a.respondidos);
        expect(b.aplicables).toBe(a.aplicables + 1);
        if (a.completitud !== null && b.completitud !== null)
          expect(b.completitud).toBeLessThanOrEqual(a.completitud);
        expect(puntuar(c, new Map())).toMatchObject({ respondidos: 0, puntaje: null });
      }),
    );
  });

  it('una sección con un solo ítem puntuado y otros en blanco puntúa lo de ese ítem', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 20 }), (p, blancos) => {
        const items = [item('P0'), ...Array.from({ length: blancos }, (_, i) => item(`B${i}`))];
        const r = puntuar(cuestionario([seccion('S', items)]), resp({ P0: { puntaje: p } }));
        expect(r.puntaje).toBe(p);
        expect(r.completitud).toBe(Math.round((100 / (blancos + 1)) * 10) / 10);
      }),
    );
  });
});
