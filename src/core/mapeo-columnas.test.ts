import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACUMULACIONES, leerAcumulacion, problemaMetas } from './acumulacion.ts';
import {
  adivinarAcumulacion,
  type Campo,
  type ContextoMapeo,
  detectarFilaEncabezado,
  ENCABEZADO_ACUMULACION,
  emparejar,
  mapearHoja,
  normalizar,
  periodoDelEncabezado,
  sugerirCampo,
  sugerirMapeo,
} from './mapeo-columnas.ts';
import { type FilaHoja, validarImportacion } from './plan-importacion.ts';

const TRIMESTRES = ['Trimestre 1', 'Trimestre 2', 'Trimestre 3', 'Trimestre 4'];

describe('sugerir el campo de cada columna por las palabras del encabezado', () => {
  it.each<[string, Campo | null]>([
    ['No.', 'codigo'],
    ['N°', 'codigo'],
    ['Política MIPG asociada', 'politica'],
    ['POLITICA', 'politica'],
    ['Descripción de la actividad', 'nombre'],
    ['Acciones', 'nombre'],
    ['Producto / entregable', 'producto'],
    ['Meta anual', 'metaAnual'],
    ['Meta', 'metaAnual'],
    ['Meta I trim.', 'meta1'],
    ['Meta T2', 'meta2'],
    ['Tercer trimestre', 'meta3'],
    ['Q4', 'meta4'],
    ['Unidad de medida de la meta', 'unidad'],
    ['Peso %', 'ponderacion'],
    ['Área responsable', 'dependencia'],
    ['Dependencia líder', 'dependencia'],
    ['Responsable', 'responsable'],
    ['Funcionario encargado', 'responsable'],
    ['Fecha de inicio', 'fechaInicio'],
    ['Fecha límite', 'fechaFin'],
    ['Fecha de terminación', 'fechaFin'],
    ['Presupuesto asignado ($)', 'presupuesto'],
    ['Rubro', 'rubro'],
    ['Código BPIN', 'bpin'],
    ['Riesgo asociado', 'riesgo'],
    ['Tipo de meta', 'acumulacion'],
    ['Observaciones', null],
    ['', null],
  ])('«%s» → %s', (encabezado, campo) => {
    expect(sugerirCampo(encabezado, 4)?.campo ?? null).toBe(campo);
  });

  it.each<[string, number, number | null]>([
    ['Meta T5', 4, null],
    ['Segundo semestre', 2, 2],
    ['Marzo', 12, 3],
    ['Marzo', 4, null],
    ['Meta periodo 3', 4, 3],
    ['Actividad 1', 4, null],
  ])('periodo de «%s» con %i periodos → %s', (e, n, esperado) => {
    expect(periodoDelEncabezado(e, n)).toBe(esperado);
  });

  it('cada campo va a una sola columna: gana la más clara, y lo guardado gana a lo sugerido', () => {
    const m = sugerirMapeo(['Meta', 'Meta anual', 'Responsable', 'Área responsable', 'Notas'], 4);
    expect(m.map((x) => x.campo)).toEqual([null, 'metaAnual', 'responsable', 'dependencia', null]);
    const g = sugerirMapeo(['Meta', 'Meta anual', 'Notas'], 4, {
      meta: 'metaAnual',
      'meta anual': '',
      notas: 'riesgo',
    });
    expect(g).toEqual([
      { campo: 'metaAnual', origen: 'guardado' },
      { campo: null, origen: 'guardado' },
      { campo: 'riesgo', origen: 'guardado' },
    ]);
  });

  it('propiedad: nunca dos columnas con el mismo campo', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 40 }), (encabezados) => {
        const campos = sugerirMapeo(encabezados, 4)
          .map((x) => x.campo)
          .filter(Boolean);
        expect(new Set(campos).size).toBe(campos.length);
      }),
    );
  });
});

describe('la fila de encabezados', () => {
  const filas = (...f: (string | number | null)[][]): FilaHoja[] =>
    f.map((celdas, i) => ({ numero: i + 1, celdas }));
  it('se encuentra debajo del título y del logo', () => {
    expect(
      detectarFilaEncabezado(
        filas(
          ['E.S.E. Hospital de Mocoa'],
          ['Plan de acción institucional 2026', null, null],
          [],
          ['N°', 'Actividad', 'Política', 'Meta', 'Responsable'],
          [1, 'Actualizar la política de riesgos', 'Control interno', 1, 'Ana'],
        ),
        4,
      ),
    ).toBe(4);
  });
  it('una hoja vacía no tiene encabezado', () => {
    expect(detectarFilaEncabezado([], 4)).toBeNull();
  });
});

describe('emparejar nombres escritos de otra forma', () => {
  it('un texto largo no se adivina (sería comparar una celda entera con cada candidato)', () => {
    const largo = `Integridad ${'con muchas palabras de relleno '.repeat(10)}`;
    expect(emparejar('Pol. Integridad', politicas)).not.toBeNull();
    expect(emparejar(largo, politicas)).toBeNull();
  });
  const politicas = [
    { id: 'talento_humano', nombres: ['Gestión Estratégica del Talento Humano', 'talento_humano'] },
    { id: 'integridad', nombres: ['Integridad'] },
    { id: 'gobierno_digital', nombres: ['Gobierno Digital'] },
    { id: 'seguridad_digital', nombres: ['Seguridad Digital'] },
    { id: 'gestion_documental', nombres: ['Gestión Documental'] },
    { id: 'control_interno', nombres: ['Control Interno'] },
    { id: 'servicio_ciudadano', nombres: ['Servicio al Ciudadano'] },
  ];
  it.each<[string, string | null, boolean]>([
    ['INTEGRIDAD', 'integridad', true],
    ['gestion documental', 'gestion_documental', true],
    ['Talento humano', 'talento_humano', true],
    ['Talento humano estratégico', 'talento_humano', false],
    ['Pol. Gobierno digital', 'gobierno_digital', false],
    ['Control Intreno', 'control_interno', false],
    ['Servicio al ciudadano (PQRSD)', 'servicio_ciudadano', false],
    ['Digital', null, false],
    ['Contabilidad', null, false],
  ])('«%s» → %s', (escrito, id, exacto) => {
    const r = emparejar(escrito, politicas);
    expect(r?.id ?? null).toBe(id);
    if (r) expect(r.exacto).toBe(exacto);
  });

  it('propiedad: solo devuelve candidatos', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (escrito) => {
        const r = emparejar(escrito, politicas);
        if (r) expect(politicas.map((p) => p.id)).toContain(r.id);
      }),
      { numRuns: 300 },
    );
  });

  it('un empate entre dos parecidos no es coincidencia: se pregunta en la revisión', () => {
    const gemelas = [
      { id: 'a', nombres: ['Archivo central'] },
      { id: 'b', nombres: ['Archivo central'] },
    ];
    expect(emparejar('Archivos centrales', gemelas)).toBeNull();
    expect(emparejar('Archivos centrales', gemelas.slice(0, 1))).toEqual({ id: 'a', exacto: false });
  });

  it('propiedad: un nombre conocido escrito con otras mayúsculas, tildes o espacios es exacto', () => {
    fc.assert(
      fc.property(fc.constantFrom(...politicas), fc.boolean(), (p, mayus) => {
        const n = p.nombres[0]!;
        const escrito = `  ${mayus ? n.toUpperCase() : n.normalize('NFD').replace(/\p{Diacritic}/gu, '')}  `;
        expect(emparejar(escrito, politicas)).toEqual({ id: p.id, exacto: true });
      }),
    );
  });
});

describe('el tipo de meta por la redacción', () => {
  it.each<[string, string]>([
    ['Porcentaje de PQRSD respondidas a tiempo', 'promedio'],
    ['90 % de oportunidad en la respuesta', 'promedio'],
    ['Mantener la satisfacción cada trimestre', 'promedio'],
    ['Política de administración del riesgo aprobada', 'hito'],
    ['Código de integridad adoptado', 'hito'],
    ['Documento de caracterización de usuarios', 'hito'],
    ['Funcionarios capacitados (acumulado)', 'ultimo'],
    ['Total a la fecha de expedientes digitalizados', 'ultimo'],
    ['Porcentaje de avance del PINAR', 'ultimo'],
    ['Jornadas de inducción realizadas', 'suma'],
  ])('«%s» → %s', (texto, tipo) => {
    expect(adivinarAcumulacion(texto).acumulacion).toBe(tipo);
  });
  it.each<[string, string | null]>([
    ['Promedio de los periodos', 'promedio'],
    ['hito', 'hito'],
    ['ÚLTIMO', 'ultimo'],
    ['otro', null],
  ])('escrito «%s» → %s', (t, a) => {
    expect(leerAcumulacion(t)).toBe(a);
  });
  it('propiedad: siempre uno de los tipos', () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        expect(ACUMULACIONES).toContain(adivinarAcumulacion(t).acumulacion);
      }),
    );
  });
});

const ctx: ContextoMapeo = {
  vigencia: 2026,
  periodos: TRIMESTRES,
  politicas: [
    { clave: 'integridad', nombre: 'Integridad' },
    { clave: 'servicio_ciudadano', nombre: 'Servicio al Ciudadano' },
  ],
  dependencias: [{ id: 'd1', nombre: 'Oficina de Talento Humano' }],
  personas: [{ id: 'u1', correo: 'ana@hospital.gov.co', nombre: 'Ana Ruiz' }],
  codigosExistentes: new Set(['A-001']),
};

describe('de la hoja propia a filas de la plantilla', () => {
  const hoja: FilaHoja[] = [
    { numero: 1, celdas: ['Plan de acción 2026'] },
    { numero: 3, celdas: ['Acción', 'Pol. integridad', 'Meta', 'Área', 'Responsable'] },
    { numero: 4, celdas: ['Código de integridad adoptado', 'Integridad', 1, 'Talento humano', 'ana ruiz'] },
    { numero: 5, celdas: ['% PQRSD a tiempo', 'servicio al ciudadano', '90%', 'Talento humano', 'Ana Ruiz'] },
    { numero: 6, celdas: ['Jornadas de inducción', 'Integridad', 4, 'Talento humano', 'Pedro'] },
  ];
  const mapeo: (Campo | null)[] = ['nombre', 'politica', 'metaAnual', 'dependencia', 'responsable'];

  it('empareja, genera lo que falta y pasa la validación de la plantilla', () => {
    const r = mapearHoja(hoja, 3, mapeo, ctx, { equivalencias: { responsable: { Pedro: 'u1' } } });
    expect(r.faltan).toEqual([]);
    expect(r.valores.politica).toEqual([
      { texto: 'Integridad', filas: 2, id: 'integridad', exacto: true },
      { texto: 'servicio al ciudadano', filas: 1, id: 'servicio_ciudadano', exacto: true },
    ]);
    expect(r.valores.dependencia).toEqual([{ texto: 'Talento humano', filas: 3, id: 'd1', exacto: false }]);
    expect(r.tipos.map((t) => t.acumulacion)).toEqual(['hito', 'promedio', 'suma']);
    const v = validarImportacion(r.filas, r.encabezados, {
      ...ctx,
      indices: [],
      planes612: [],
      personas: ctx.personas,
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.actividades.map((a) => [a.codigo, a.politica, a.ponderacion, a.metasPeriodo])).toEqual([
      ['A-002', 'integridad', 50, [0, 0, 0, 1]],
      ['A-003', 'servicio_ciudadano', 100, [90, 90, 90, 90]],
      ['A-004', 'integridad', 50, [0, 0, 0, 4]],
    ]);
    expect(v.actividades.every((a) => a.responsableId === 'u1' && a.dependenciaId === 'd1')).toBe(true);
    expect(r.encabezados).toContain(ENCABEZADO_ACUMULACION);
  });

  it('lo que no coincide queda como está escrito, para que la validación lo reporte con la columna propia', () => {
    const r = mapearHoja(hoja, 3, mapeo, ctx);
    expect(r.valores.responsable.find((v) => v.texto === 'Pedro')).toMatchObject({ id: null });
    const v = validarImportacion(r.filas, r.encabezados, { ...ctx, indices: [], planes612: [] });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problemas).toEqual([
      { fila: 6, columna: 'Responsable (correo)', problema: 'Pedro no es una persona con rol en la entidad' },
    ]);
    expect(r.columnaDe['Responsable (correo)']).toBe('Responsable (Responsable (correo))');
  });

  it('propiedad: cada fila escrita bajo el encabezado es una fila de la plantilla, con su número de la hoja', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null)), { maxLength: 5 }),
          {
            maxLength: 30,
          },
        ),
        (datos) => {
          const filas: FilaHoja[] = [
            { numero: 1, celdas: ['Actividad', 'Política', 'Meta'] },
            ...datos.map((celdas, i) => ({ numero: i + 2, celdas })),
          ];
          const r = mapearHoja(filas, 1, ['nombre', 'politica', 'metaAnual'], ctx);
          const escritas = filas
            .slice(1)
            .filter((f) => f.celdas.some((c) => c !== null && String(c).trim() !== ''));
          expect(r.filas.map((f) => f.numero)).toEqual(escritas.map((f) => f.numero));
          expect(r.filas.every((f) => f.celdas.length === r.encabezados.length)).toBe(true);
          expect(new Set(r.filas.map((f) => f.celdas[0])).size).toBe(r.filas.length); // generated codes unique
        },
      ),
    );
  });

  it('sin columnas obligatorias lo dice', () => {
    expect(mapearHoja(hoja, 3, ['nombre', null, null, null, null], ctx).faltan).toEqual([
      'politica',
      'metaAnual',
    ]);
  });

  it('propiedad: sin columnas de periodo, la meta anual repartida cumple la regla de cada tipo', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACUMULACIONES),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 40 }),
        (tipo, meta, cuantas) => {
          const filas: FilaHoja[] = [
            { numero: 1, celdas: ['Actividad', 'Política', 'Meta', 'Tipo'] },
            ...Array.from({ length: cuantas }, (_, i) => ({
              numero: i + 2,
              celdas: [`Actividad ${i}`, 'Integridad', meta, tipo],
            })),
          ];
          const r = mapearHoja(filas, 1, ['nombre', 'politica', 'metaAnual', 'acumulacion'], ctx);
          const v = validarImportacion(r.filas, r.encabezados, { ...ctx, indices: [], planes612: [] });
          if (!v.ok) throw new Error(JSON.stringify(v.problemas.slice(0, 2)));
          for (const a of v.actividades)
            expect(problemaMetas(tipo, a.metaAnual, a.metasPeriodo, 4)).toBeNull();
          const suma = v.actividades.reduce((s, a) => s + a.ponderacion, 0);
          expect(Math.abs(suma - 100)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('normaliza sin tildes ni signos', () => {
    expect(normalizar('  Política  (MIPG) N° ')).toBe('politica mipg n');
  });
});
