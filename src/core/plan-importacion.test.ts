import { describe, expect, it } from 'vitest';
import type { Acumulacion } from './acumulacion.ts';
import { leerAcumulacion } from './acumulacion.ts';
import {
  type Celda,
  type ContextoImportacion,
  encabezadosPlan,
  leerFechaCelda,
  leerNumero,
  validarImportacion,
} from './plan-importacion.ts';

describe('números de una celda', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['1.234,5', 1234.5],
    ['1234,5', 1234.5],
    ['1.500.000', 1500000],
    ['$ 4.500.000', 4500000],
    ['45 %', 45],
    ['0,25', 0.25],
    ['2.5', 2.5],
    ['dos', null],
    ['', null],
    [null, null],
  ] as [Celda, number | null][])('%j → %j', (c, n) => {
    expect(leerNumero(c)).toBe(n);
  });
});

describe('fechas de una celda', () => {
  it.each([
    [new Date(Date.UTC(2026, 1, 1)), '2026-02-01'],
    ['01/02/2026', '2026-02-01'],
    ['1/2/2026', '2026-02-01'],
    ['29/02/2026', null],
    ['2026-02-01', null],
    ['mañana', null],
  ] as [Celda, string | null][])('%j → %j', (c, f) => {
    expect(leerFechaCelda(c)).toBe(f);
  });
});

const ctx: ContextoImportacion = {
  vigencia: 2026,
  periodos: ['Semestre 1', 'Semestre 2'],
  politicas: [{ clave: 'integridad', nombre: 'Integridad' }],
  politicasQueNoAplican: [{ clave: 'defensa_juridica', nombre: 'Defensa Jurídica' }],
  indices: [{ codigo: 'I05', politica: 'integridad' }],
  planes612: [
    {
      clave: 'transparencia_etica',
      nombre: 'Programa de Transparencia y Ética Pública',
      politicas: ['transparencia', 'integridad', 'participacion_ciudadana'],
      sigla: 'PTEP',
    },
    {
      clave: 'adquisiciones',
      nombre: 'Plan Anual de Adquisiciones',
      politicas: ['compras_contratacion', 'gestion_presupuestal'],
    },
  ],
  dependencias: [{ id: 'd1', nombre: 'Talento Humano' }],
  personas: [{ id: 'p1', correo: 'ana@entidad.example' }],
  objetivos: ['OE1', 'OE2'],
  codigosExistentes: new Set(['IN-00']),
};
const enc = encabezadosPlan(ctx.periodos);
const fila = (cambio: Record<string, Celda> = {}): Celda[] => {
  const base: Record<string, Celda> = {
    Código: 'IN-01',
    Política: 'Integridad',
    Actividad: 'Socializar el código de integridad',
    'Producto o entregable': 'Actas',
    'Meta anual': 2,
    'Unidad de medida': 'jornadas',
    'Meta Semestre 1': 1,
    'Meta Semestre 2': 1,
    'Ponderación (%)': 100,
    Dependencia: 'talento  humano',
    'Responsable (correo)': 'ANA@entidad.example',
    'Fecha de inicio': '01/02/2026',
    'Fecha de fin': new Date(Date.UTC(2026, 10, 30)),
    ...cambio,
  };
  return enc.map((e) => base[e] ?? null);
};

/** Rows numbered as in the sheet: the header is row 1. */
const hoja = (...filas: Celda[][]) => filas.map((celdas, i) => ({ numero: i + 2, celdas }));

describe('importación con el PTEP por cuatrimestres en un plan trimestral', () => {
  const trimestres = ['Trimestre 1', 'Trimestre 2', 'Trimestre 3', 'Trimestre 4'];
  const ctxT: ContextoImportacion = {
    ...ctx,
    periodos: trimestres,
    esquemas: { esquema: 'trimestral', esquemasInstrumento: { transparencia_etica: 'cuatrimestral' } },
  };
  const encT = encabezadosPlan(trimestres);
  const filaT = (metas: Celda[], plan: string | null = 'PTEP') => {
    const base: Record<string, Celda> = {
      ...Object.fromEntries(enc.map((e, i) => [e, fila()[i]])),
      'Plan del Decreto 612': plan,
      'Meta anual': 3,
      ...Object.fromEntries(trimestres.map((t, i) => [`Meta ${t}`, metas[i] ?? null])),
    };
    return encT.map((e) => base[e] ?? null);
  };

  it('3 metas en las primeras 3 columnas de meta, la cuarta vacía', () => {
    const r = validarImportacion(hoja(filaT([1, 1, 1, null])), encT, ctxT);
    expect(r).toMatchObject({
      ok: true,
      actividades: [{ plan612: 'transparencia_etica', metasPeriodo: [1, 1, 1] }],
    });
  });

  it('una cuarta meta del PTEP es un error claro', () => {
    const r = validarImportacion(hoja(filaT([1, 1, 1, 0])), encT, ctxT);
    expect(r).toMatchObject({
      ok: false,
      problemas: [
        {
          columna: 'Meta Trimestre 4',
          problema:
            'El PTEP se programa por cuatrimestres: escriba sus 3 metas en las primeras 3 columnas de meta y deje vacías las demás',
        },
      ],
    });
  });

  it('una actividad sin el PTEP sigue con sus 4 trimestres', () => {
    const r = validarImportacion(hoja(filaT([1, 1, 1, 0], null)), encT, ctxT);
    expect(r).toMatchObject({ ok: true, actividades: [{ plan612: null, metasPeriodo: [1, 1, 1, 0] }] });
  });
});

describe('validación de la importación', () => {
  it.each(['programa de transparencia y etica publica', 'PTEP', 'transparencia_etica'])(
    'un plan del Decreto 612 con varias políticas acepta una actividad de cualquiera de ellas («%s»)',
    (plan) => {
      const r = validarImportacion(hoja(fila({ 'Plan del Decreto 612': plan })), enc, ctx);
      expect(r).toMatchObject({
        ok: true,
        actividades: [{ politica: 'integridad', plan612: 'transparencia_etica' }],
      });
    },
  );

  it('una fila correcta, con nombres sin importar tildes, mayúsculas ni espacios', () => {
    const r = validarImportacion(hoja(fila()), enc, ctx);
    expect(r).toMatchObject({
      ok: true,
      actividades: [
        {
          codigo: 'IN-01',
          politica: 'integridad',
          metasPeriodo: [1, 1],
          dependenciaId: 'd1',
          responsableId: 'p1',
          fechaInicio: '2026-02-01',
          fechaFin: '2026-11-30',
        },
      ],
    });
  });

  it.each([
    [{ Código: '' }, 'Código', 'es obligatorio'],
    [{ Código: 'IN-00' }, 'Código', 'IN-00 ya está en el plan'],
    [
      { 'Objetivo estratégico': 'OE9' },
      'Objetivo estratégico',
      '«OE9» no es un código de los objetivos estratégicos de la entidad',
    ],
    [{ Política: 'Innovación' }, 'Política', '«Innovación» no es una política del catálogo MIPG de 2026'],
    [
      { Política: 'defensa juridica' },
      'Política',
      '«defensa juridica» no aplica a esta entidad por el formulario FURAG que responde',
    ],
    [{ 'Índice FURAG': 'I99' }, 'Índice FURAG', 'el índice I99 no pertenece a la política'],
    [
      { 'Plan del Decreto 612': 'Plan Anual de Adquisiciones' },
      'Plan del Decreto 612',
      '«Plan Anual de Adquisiciones» no corresponde a la política de la actividad',
    ],
    [{ 'Meta anual': 0 }, 'Meta anual', 'escriba un número mayor que cero'],
    [
      { 'Meta Semestre 2': 3 },
      'Meta Semestre 1',
      'Las metas por periodo suman 4 y la meta anual es 2: deben coincidir.',
    ],
    [{ 'Ponderación (%)': 120 }, 'Ponderación (%)', 'escriba un porcentaje entre 0 y 100'],
    [{ Dependencia: 'Jurídica' }, 'Dependencia', '«Jurídica» no es una dependencia de la entidad'],
    [{ 'Fecha de inicio': '01/02/2025' }, 'Fecha de inicio', 'debe estar dentro de la vigencia 2026'],
    [{ 'Fecha de fin': '01/01/2026' }, 'Fecha de fin', 'no puede ser anterior a la fecha de inicio'],
    [{ 'Presupuesto (COP)': 'mucho' }, 'Presupuesto (COP)', 'escriba un valor en pesos, sin decimales'],
    [{ 'Meta anual': 1e308 }, 'Meta anual', 'la meta anual debe estar entre 0 y 1.000.000.000.000.000'],
    [{ 'Meta Semestre 2': 5e-324 }, 'Meta Semestre 2', 'la meta del periodo admite como máximo 6 decimales'],
    [{ 'Ponderación (%)': 33.3333 }, 'Ponderación (%)', 'la ponderación admite como máximo 2 decimales'],
    [
      { 'Presupuesto (COP)': 1e20 },
      'Presupuesto (COP)',
      'el presupuesto en pesos debe estar entre 0 y 1.000.000.000.000.000',
    ],
  ] as [Record<string, Celda>, string, string][])('%j → %s: %s', (cambio, columna, problema) => {
    const r = validarImportacion(hoja(fila(cambio)), enc, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problemas).toContainEqual({ fila: 2, columna, problema });
  });

  it('varios correos: el primero es el responsable y los demás corresponsables', () => {
    const c = { ...ctx, personas: [...ctx.personas, { id: 'p2', correo: 'luis@entidad.example' }] };
    const r = validarImportacion(
      hoja(fila({ 'Responsable (correo)': 'ana@entidad.example; luis@entidad.example' })),
      enc,
      c,
    );
    expect(r).toMatchObject({ ok: true, actividades: [{ responsableId: 'p1', corresponsables: ['p2'] }] });
    const mal = validarImportacion(
      hoja(fila({ 'Responsable (correo)': 'ana@entidad.example, nadie@x.co' })),
      enc,
      c,
    );
    expect(mal).toMatchObject({
      ok: false,
      problemas: [
        { columna: 'Responsable (correo)', problema: 'nadie@x.co no es una persona con rol en la entidad' },
      ],
    });
  });

  it('las filas en blanco se saltan; un archivo sin actividades se rechaza', () => {
    const vacia = enc.map(() => null);
    expect(validarImportacion(hoja(vacia, fila(), vacia), enc, ctx).ok).toBe(true);
    expect(validarImportacion(hoja(vacia), enc, ctx)).toMatchObject({ ok: false });
  });

  it.each([
    ['un nulo (_x0000_ en el archivo)', 'Social\u0000izar', 'carácter nulo'],
    ['medio par sustituto (_xD800_)', 'Social\ud800izar', 'Unicode incompleto'],
  ])('una celda con %s se informa por fila y columna', (_caso, actividad, mensaje) => {
    const r = validarImportacion(hoja(fila(), fila({ Código: 'IN-02', Actividad: actividad })), enc, ctx);
    expect(r).toEqual({
      ok: false,
      problemas: [{ fila: 3, columna: 'Actividad', problema: expect.stringContaining(mensaje) }],
    });
  });

  it('todo o nada: una sola fila mala impide importar las buenas', () => {
    const r = validarImportacion(hoja(fila(), fila({ Código: 'IN-02', Política: '' })), enc, ctx);
    expect(r).toEqual({
      ok: false,
      problemas: [{ fila: 3, columna: 'Política', problema: 'es obligatorio' }],
    });
  });

  it('informa la fila real de la hoja aunque haya filas en blanco antes (las vacías no se leen)', () => {
    const r = validarImportacion(
      [
        { numero: 2, celdas: fila() },
        { numero: 5, celdas: fila({ Código: 'IN-02', Política: '' }) },
      ],
      enc,
      ctx,
    );
    expect(r).toEqual({
      ok: false,
      problemas: [{ fila: 5, columna: 'Política', problema: 'es obligatorio' }],
    });
    const bien = validarImportacion(
      [
        { numero: 4, celdas: fila() },
        { numero: 9, celdas: fila({ Código: 'IN-02' }) },
      ],
      enc,
      ctx,
    );
    expect(bien).toMatchObject({ ok: true, filas: [4, 9] });
  });
});

describe('tipo de meta en la hoja', () => {
  it.each<[string, Acumulacion | null]>([
    ['suma', 'suma'],
    ['Suma de los periodos', 'suma'],
    ['Último valor reportado', 'ultimo'],
    ['ULTIMO', 'ultimo'],
    ['Promedio', 'promedio'],
    ['máximo alcanzado', 'maximo'],
    ['Hito (hecho o no hecho)', 'hito'],
    ['hito', 'hito'],
    ['acumulado', null],
    ['', null],
  ])('«%s» → %s', (t, tipo) => {
    expect(leerAcumulacion(t)).toBe(tipo);
  });

  it('vacía es suma; una tasa a mantener se importa con metas que promedian la anual', () => {
    const r = validarImportacion(
      hoja(
        fila(),
        fila({
          Código: 'IN-02',
          'Tipo de meta': 'Promedio de los periodos',
          'Meta anual': 90,
          'Meta Semestre 1': 90,
          'Meta Semestre 2': 90,
        }),
      ),
      enc,
      ctx,
    );
    expect(r.ok && r.actividades.map((a) => a.acumulacion)).toEqual(['suma', 'promedio']);
  });

  it('con suma, metas 90 + 90 no cuadran con 90; un tipo desconocido se nombra con la lista válida', () => {
    const r = validarImportacion(
      hoja(
        fila({ 'Meta anual': 90, 'Meta Semestre 1': 90, 'Meta Semestre 2': 90 }),
        fila({ Código: 'IN-02', 'Tipo de meta': 'tasa' }),
      ),
      enc,
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problemas).toContainEqual(
      expect.objectContaining({
        fila: 2,
        columna: 'Meta Semestre 1',
        problema: expect.stringMatching(/suman 180/),
      }),
    );
    expect(r.problemas).toContainEqual(
      expect.objectContaining({
        fila: 3,
        columna: 'Tipo de meta',
        problema: expect.stringMatching(/«tasa».*Hito/),
      }),
    );
  });

  it('una plantilla descargada antes de existir la columna se sigue importando, como suma', () => {
    const sinTipo = enc.filter((e) => e !== 'Tipo de meta');
    const r = validarImportacion(hoja(sinTipo.map((e) => fila()[enc.indexOf(e)]!)), sinTipo, ctx);
    expect(r.ok && r.actividades[0]!.acumulacion).toBe('suma');
  });
});
