// A questionnaire written in one spreadsheet: one row per thing (the questionnaire, a level, a section, an item,
// an option or matrix row of the item above), read into the JSON format (then checked like any JSON import)
// and written back from it. Pure: the workbook is read and made in modules/cuestionarios/cuestionario-xlsx.ts.
import {
  type Cuestionario,
  FORMATO_CUESTIONARIO,
  type Item,
  NOMBRE_TIPO_ITEM,
  OPERADORES_SALTO,
  type OperadorSalto,
  type Salto,
  type Seccion,
  seccionesDe,
  TIPOS_ITEM,
  type TipoItem,
} from './cuestionario.ts';
import { ORDENES, TIPOS_FORMULARIO } from './entidad.ts';
import { type CeldaTabla, type FilaTabla, textoCelda } from './tabla-importacion.ts';
import { claveComparable } from './texto.ts';

export const COLUMNAS_CUESTIONARIO = [
  'Tipo de fila',
  'Código',
  'Texto',
  'Sección',
  'Tipo de ítem',
  'Ayuda',
  'No aplica',
  'Evidencia',
  'Puntaje',
  'Anula',
  'Mínimo',
  'Máximo',
  'Decimales',
  'Salto',
  'Aplica a',
  'Equivalencias',
  'Vigencia',
  'Instrumento',
  'Política',
  'Fuente',
] as const;
type Columna = (typeof COLUMNAS_CUESTIONARIO)[number];

export const TIPOS_FILA = ['cuestionario', 'nivel', 'sección', 'ítem', 'opción', 'fila'] as const;

/** The skip operators as a person writes them between the item and the value. */
const SIMBOLO: Record<OperadorSalto, string> = {
  igual: '=',
  distinto: '<>',
  incluye: 'incluye',
  no_incluye: 'no incluye',
  mayor: '>',
  mayor_igual: '>=',
  menor: '<',
  menor_igual: '<=',
  respondido: 'respondido',
};

export interface ProblemaHoja {
  fila: number | null;
  seccion: string | null;
  item: string | null;
  problema: string;
}

export type LecturaHoja =
  | {
      ok: true;
      /** The questionnaire as JSON input, unchecked: the import validates it like any other. */
      entrada: Record<string, unknown>;
      /** The sheet row of a section or item code (the questionnaire's row otherwise). */
      filaDe: (seccion: string | null, item: string | null) => number | null;
    }
  | { ok: false; mensaje: string; problemas: ProblemaHoja[] };

const SI = new Set(['si', 'x', 'verdadero', 'true', '1']);
const NO = new Set(['', 'no', 'falso', 'false', '0']);

function numeroDe(c: CeldaTabla): number | null | 'malo' {
  if (typeof c === 'number') return c;
  const t = textoCelda(c).replace(/\s/g, '');
  if (t === '') return null;
  // «1.234,5» as written in Colombia, or «1234.5».
  const es = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t);
  const x = Number(es ? t.replaceAll('.', '').replace(',', '.') : t);
  return Number.isFinite(x) ? x : 'malo';
}

const TIPO_DE = new Map<string, TipoItem>(
  TIPOS_ITEM.flatMap((t) => [
    [claveComparable(t), t],
    [claveComparable(t.replaceAll('_', ' ')), t],
    [claveComparable(NOMBRE_TIPO_ITEM[t]), t],
  ]),
);
TIPO_DE.set('puntaje', 'puntaje');

/** Reads the sheet (headers as the template's, in any order) into the JSON format. */
export function leerHojaCuestionario(
  encabezados: readonly string[],
  filas: readonly FilaTabla[],
): LecturaHoja {
  const problemas: ProblemaHoja[] = [];
  const indice = new Map<Columna, number>();
  for (const col of COLUMNAS_CUESTIONARIO) {
    const i = encabezados.findIndex((e) => claveComparable(e) === claveComparable(col));
    if (i >= 0) indice.set(col, i);
  }
  const faltan = (['Tipo de fila', 'Código', 'Texto'] as const).filter((c) => !indice.has(c));
  if (faltan.length)
    return {
      ok: false,
      mensaje: `La hoja no tiene las columnas ${faltan.map((c) => `«${c}»`).join(', ')}. Use la plantilla de cuestionarios.`,
      problemas: [],
    };
  const celda = (f: FilaTabla, col: Columna) => {
    const i = indice.get(col);
    return i === undefined ? null : (f.celdas[i] ?? null);
  };
  const texto = (f: FilaTabla, col: Columna) => textoCelda(celda(f, col));
  const opcional = (f: FilaTabla, col: Columna) => texto(f, col) || undefined;

  let cabeza: { fila: number; datos: Record<string, unknown> } | null = null;
  const niveles: unknown[] = [];
  const secciones = new Map<string, { fila: number; seccion: Seccion; padre: string }>();
  const orden: string[] = [];
  const items: { fila: number; item: Item & Record<string, unknown>; seccion: string }[] = [];
  const filaItem = new Map<string, number>();
  const filaSeccion = new Map<string, number>();

  for (const f of filas) {
    const tipo = claveComparable(texto(f, 'Tipo de fila'));
    const codigo = texto(f, 'Código');
    if (!tipo && f.celdas.every((c) => textoCelda(c) === '')) continue;
    const mal = (problema: string, item: string | null = null, seccion: string | null = null) =>
      problemas.push({ fila: f.numero, seccion, item, problema });
    const siNo = (col: Columna): boolean | undefined => {
      const v = claveComparable(texto(f, col));
      if (SI.has(v)) return true;
      if (NO.has(v)) return undefined;
      mal(`«${col}» debe ser «Sí» o «No».`, codigo || null);
      return undefined;
    };
    const numero = (col: Columna): number | undefined => {
      const x = numeroDe(celda(f, col));
      if (x === 'malo') {
        mal(`«${col}» debe ser un número.`, codigo || null);
        return undefined;
      }
      return x ?? undefined;
    };
    const ultimo = items.at(-1);
    switch (tipo) {
      case 'cuestionario': {
        if (cabeza) {
          mal(`La hoja tiene otra fila «cuestionario» (fila ${cabeza.fila}): un cuestionario por archivo.`);
          break;
        }
        const vigencia = numero('Vigencia');
        cabeza = {
          fila: f.numero,
          datos: {
            codigo,
            nombre: texto(f, 'Texto'),
            vigencia,
            instrumento: claveComparable(texto(f, 'Instrumento')).replaceAll(' ', '') || undefined,
            politica: opcional(f, 'Política'),
            descripcion: opcional(f, 'Ayuda'),
            fuente: opcional(f, 'Fuente'),
          },
        };
        break;
      }
      case 'nivel':
        niveles.push({ nombre: texto(f, 'Texto'), desde: numero('Mínimo'), hasta: numero('Máximo') });
        break;
      case 'seccion': {
        if (secciones.has(codigo)) {
          mal('El código de la sección está repetido.', null, codigo);
          break;
        }
        const descripcion = opcional(f, 'Ayuda');
        secciones.set(codigo, {
          fila: f.numero,
          padre: texto(f, 'Sección'),
          seccion: {
            codigo,
            nombre: texto(f, 'Texto'),
            ...(descripcion ? { descripcion } : {}),
            items: [],
            secciones: [],
          },
        });
        filaSeccion.set(codigo, f.numero);
        orden.push(codigo);
        break;
      }
      case 'item': {
        const tipoTexto = texto(f, 'Tipo de ítem');
        const tipoItem = TIPO_DE.get(claveComparable(tipoTexto));
        if (!tipoItem) {
          mal(
            tipoTexto
              ? `«${tipoTexto}» no es un tipo de ítem. Use uno de: ${TIPOS_ITEM.join(', ')}.`
              : 'Falta el tipo de ítem.',
            codigo || null,
          );
          break;
        }
        const item: Item & Record<string, unknown> = { codigo, tipo: tipoItem, texto: texto(f, 'Texto') };
        const ayuda = opcional(f, 'Ayuda');
        if (ayuda) item.ayuda = ayuda;
        if (siNo('No aplica')) item.noAplica = true;
        if (siNo('Evidencia')) item.evidencia = true;
        for (const [col, campo] of [
          ['Mínimo', 'minimo'],
          ['Máximo', 'maximo'],
          ['Decimales', 'decimales'],
        ] as const) {
          const x = numero(col);
          if (x !== undefined) item[campo] = x;
        }
        const salto = texto(f, 'Salto');
        if (salto) {
          const s = leerSalto(salto);
          if (typeof s === 'string') mal(s, codigo || null);
          else item.salto = s;
        }
        const aplica = texto(f, 'Aplica a');
        if (aplica) {
          const valores = aplica
            .split(/[,;]/)
            .map((v) => v.trim())
            .filter(Boolean);
          const ordenes = valores.filter((v) => (ORDENES as readonly string[]).includes(claveComparable(v)));
          const formularios = valores.filter((v) =>
            (TIPOS_FORMULARIO as readonly string[]).includes(v.toUpperCase()),
          );
          const otros = valores.filter((v) => !ordenes.includes(v) && !formularios.includes(v));
          if (otros.length)
            mal(
              `«Aplica a» admite ${[...ORDENES, ...TIPOS_FORMULARIO].join(', ')}; no reconoce ${otros.map((o) => `«${o}»`).join(', ')}.`,
              codigo || null,
            );
          item.aplicaA = {
            ...(ordenes.length ? { ordenes: ordenes.map(claveComparable) } : {}),
            ...(formularios.length ? { formularios: formularios.map((v) => v.toUpperCase()) } : {}),
          } as Item['aplicaA'];
        }
        const equivalencias = texto(f, 'Equivalencias');
        if (equivalencias) {
          const mapa: Record<string, string> = {};
          for (const par of equivalencias
            .split(';')
            .map((p) => p.trim())
            .filter(Boolean)) {
            const m = /^(\d{4})\s*[:=]\s*(\S+)$/.exec(par);
            if (m) mapa[m[1]!] = m[2]!;
            else
              mal(
                `La equivalencia «${par}» debe escribirse «vigencia: código», por ejemplo «2023: P12».`,
                codigo || null,
              );
          }
          item.equivalencias = mapa;
        }
        items.push({ fila: f.numero, item, seccion: texto(f, 'Sección') });
        if (codigo && !filaItem.has(codigo)) filaItem.set(codigo, f.numero);
        break;
      }
      case 'opcion':
      case 'fila': {
        if (!ultimo) {
          mal(`Una fila «${tipo === 'fila' ? 'fila' : 'opción'}» debe ir debajo de su ítem.`);
          break;
        }
        if (tipo === 'fila') {
          ultimo.item.filas ??= [];
          ultimo.item.filas.push({ codigo, texto: texto(f, 'Texto') });
          break;
        }
        const puntaje = numero('Puntaje');
        ultimo.item.opciones ??= [];
        ultimo.item.opciones.push({
          codigo,
          texto: texto(f, 'Texto'),
          ...(puntaje === undefined ? {} : { puntaje }),
          ...(siNo('Anula') ? { anula: true } : {}),
        });
        break;
      }
      default:
        mal(
          tipo
            ? `«${texto(f, 'Tipo de fila')}» no es un tipo de fila. Use uno de: ${TIPOS_FILA.join(', ')}.`
            : `Falta el tipo de fila (${TIPOS_FILA.join(', ')}).`,
          codigo || null,
        );
    }
  }
  if (!cabeza)
    problemas.unshift({
      fila: null,
      seccion: null,
      item: null,
      problema: 'Falta la fila «cuestionario» con el código, el nombre, la vigencia y el instrumento.',
    });
  const raiz: Seccion[] = [];
  for (const codigo of orden) {
    const s = secciones.get(codigo)!;
    if (!s.padre) raiz.push(s.seccion);
    else if (s.padre === codigo)
      problemas.push({
        fila: s.fila,
        seccion: codigo,
        item: null,
        problema: 'La sección no puede estar dentro de sí misma.',
      });
    else {
      const padre = secciones.get(s.padre);
      if (!padre)
        problemas.push({
          fila: s.fila,
          seccion: codigo,
          item: null,
          problema: `La sección «${s.padre}» no existe en la hoja.`,
        });
      else padre.seccion.secciones.push(s.seccion);
    }
  }
  for (const { fila, item, seccion } of items) {
    const s = secciones.get(seccion);
    if (!s)
      problemas.push({
        fila,
        seccion: seccion || null,
        item: item.codigo || null,
        problema: seccion ? `La sección «${seccion}» no existe en la hoja.` : 'Falta la sección del ítem.',
      });
    else s.seccion.items.push(item);
  }
  // «P2 = 3» compares a number when P2 is a number; otherwise «3» is an option's code.
  const tipoDe = new Map(items.map(({ item }) => [item.codigo, item.tipo]));
  for (const { item } of items) {
    const sa = item.salto;
    const t = sa && tipoDe.get(sa.item);
    if (sa && typeof sa.valor === 'string' && (t === 'numero' || t === 'puntaje')) {
      const x = numeroDe(sa.valor);
      if (typeof x === 'number') sa.valor = x;
    }
  }
  // A cycle (A inside B inside A) leaves its sections out of every tree reached from the top.
  const alcanzadas = new Set(seccionesDe({ secciones: raiz }).map((x) => x.seccion.codigo));
  for (const codigo of orden)
    if (
      !alcanzadas.has(codigo) &&
      secciones.get(codigo)!.padre &&
      secciones.has(secciones.get(codigo)!.padre)
    )
      problemas.push({
        fila: secciones.get(codigo)!.fila,
        seccion: codigo,
        item: null,
        problema: 'La sección queda en un ciclo (una sección dentro de otra que la contiene).',
      });
  if (problemas.length)
    return {
      ok: false,
      mensaje: `La hoja tiene ${problemas.length.toLocaleString('es-CO')} ${problemas.length === 1 ? 'problema' : 'problemas'}. Corríjalos y vuelva a cargarla; no se guardó nada.`,
      problemas: problemas.slice(0, 200),
    };
  const c = cabeza!;
  const entrada: Record<string, unknown> = {
    formato: FORMATO_CUESTIONARIO,
    ...Object.fromEntries(Object.entries(c.datos).filter(([, v]) => v !== undefined)),
    ...(niveles.length ? { niveles } : {}),
    secciones: raiz,
  };
  return {
    ok: true,
    entrada,
    filaDe: (seccion, item) =>
      (item && filaItem.get(item)) || (seccion && filaSeccion.get(seccion)) || c.fila,
  };
}

function leerSalto(t: string): Salto | string {
  const m = /^(\S+)\s*(<>|!=|>=|<=|=|>|<|no incluye|incluye|respondido)\s*(.*)$/i.exec(t.trim());
  const problema = `El salto «${t}» debe escribirse «código operador valor», por ejemplo «P1 = si», «P2 > 50», «P3 incluye a» o «P4 respondido».`;
  if (!m) return problema;
  const simbolo = m[2]!.toLowerCase() === '!=' ? '<>' : m[2]!.toLowerCase();
  const operador = OPERADORES_SALTO.find((o) => SIMBOLO[o] === simbolo)!;
  const resto = m[3]!.trim();
  if (operador === 'respondido') return resto ? problema : { item: m[1]!, operador };
  if (!resto) return problema;
  if (!['mayor', 'mayor_igual', 'menor', 'menor_igual'].includes(operador))
    return { item: m[1]!, operador, valor: resto };
  const valor = numeroDe(resto);
  if (valor === 'malo' || valor === null) return problema;
  return { item: m[1]!, operador, valor };
}

const siNoCelda = (b: boolean | undefined) => (b ? 'Sí' : null);

/** The questionnaire as the sheet's rows (cells in COLUMNAS_CUESTIONARIO order), to write a workbook. */
export function filasDeCuestionario(c: Cuestionario): (string | number | null)[][] {
  const fila = (valores: Partial<Record<Columna, string | number | null | undefined>>) =>
    COLUMNAS_CUESTIONARIO.map((col) => valores[col] ?? null);
  const filas = [
    fila({
      'Tipo de fila': 'cuestionario',
      Código: c.codigo,
      Texto: c.nombre,
      Ayuda: c.descripcion,
      Vigencia: c.vigencia,
      Instrumento: c.instrumento,
      Política: c.politica,
      Fuente: c.fuente,
    }),
    ...(c.niveles ?? []).map((nv) =>
      fila({ 'Tipo de fila': 'nivel', Texto: nv.nombre, Mínimo: nv.desde, Máximo: nv.hasta }),
    ),
  ];
  const visitar = (s: Seccion, padre: string | null) => {
    filas.push(
      fila({
        'Tipo de fila': 'sección',
        Código: s.codigo,
        Texto: s.nombre,
        Sección: padre,
        Ayuda: s.descripcion,
      }),
    );
    for (const it of s.items) {
      const salto = it.salto;
      filas.push(
        fila({
          'Tipo de fila': 'ítem',
          Código: it.codigo,
          Texto: it.texto,
          Sección: s.codigo,
          'Tipo de ítem': it.tipo,
          Ayuda: it.ayuda,
          'No aplica': siNoCelda(it.noAplica),
          Evidencia: siNoCelda(it.evidencia),
          Mínimo: it.minimo,
          Máximo: it.maximo,
          Decimales: it.decimales,
          Salto: salto ? [salto.item, SIMBOLO[salto.operador], salto.valor ?? ''].join(' ').trim() : null,
          'Aplica a': it.aplicaA
            ? [...(it.aplicaA.ordenes ?? []), ...(it.aplicaA.formularios ?? [])].join(', ')
            : null,
          Equivalencias: it.equivalencias
            ? Object.entries(it.equivalencias)
                .map(([v, cod]) => `${v}: ${cod}`)
                .join('; ')
            : null,
        }),
      );
      for (const o of it.opciones ?? [])
        filas.push(
          fila({
            'Tipo de fila': 'opción',
            Código: o.codigo,
            Texto: o.texto,
            Puntaje: o.puntaje,
            Anula: siNoCelda(o.anula),
          }),
        );
      for (const fm of it.filas ?? [])
        filas.push(fila({ 'Tipo de fila': 'fila', Código: fm.codigo, Texto: fm.texto }));
    }
    for (const sub of s.secciones) visitar(sub, s.codigo);
  };
  for (const s of c.secciones) visitar(s, null);
  return filas;
}
