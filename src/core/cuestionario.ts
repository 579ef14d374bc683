// The questionnaire engine shared by the autodiagnósticos and the FURAG rehearsal: structure, its validation,
// an answer's validation against its item, skip logic, applicability, scoring and completeness. Pure, no I/O.
//
// Scoring follows the official autodiagnóstico workbooks: a section's score is the plain mean of what it holds
// (its scored items and its subsections), the questionnaire's the mean of its top sections. A blank is never a
// zero: it is left out of the mean and shows in the completeness printed beside every score (the workbooks'
// AVERAGE skips blanks and inflates results; completeness makes that visible).
import type { Orden, TipoFormulario } from './entidad.ts';
import { numeroEsCo } from './numeros.ts';

export const FORMATO_CUESTIONARIO = 'mipg-cuestionario/1';

export const INSTRUMENTOS = ['autodiagnostico', 'furag', 'otro'] as const;
export type Instrumento = (typeof INSTRUMENTOS)[number];

export const TIPOS_ITEM = [
  'seleccion_unica',
  'seleccion_multiple',
  'seleccion_multiple_numero',
  'numero',
  'texto',
  'matriz',
  'puntaje',
] as const;
export type TipoItem = (typeof TIPOS_ITEM)[number];

export const NOMBRE_TIPO_ITEM: Record<TipoItem, string> = {
  seleccion_unica: 'selección única',
  seleccion_multiple: 'selección múltiple',
  seleccion_multiple_numero: 'selección múltiple con número',
  numero: 'número abierto',
  texto: 'texto abierto',
  matriz: 'matriz',
  puntaje: 'puntaje 0 a 100 (autodiagnóstico)',
};

/** Kinds whose answer picks among `opciones`. */
const CON_OPCIONES: readonly TipoItem[] = [
  'seleccion_unica',
  'seleccion_multiple',
  'seleccion_multiple_numero',
  'matriz',
];

export const OPERADORES_SALTO = [
  'igual',
  'distinto',
  'incluye',
  'no_incluye',
  'mayor',
  'mayor_igual',
  'menor',
  'menor_igual',
  'respondido',
] as const;
export type OperadorSalto = (typeof OPERADORES_SALTO)[number];

/** Bounds of everything a questionnaire holds: a real FURAG bank (≈ 450 questions, 36 options) fits whole. */
export const LIMITES_CUESTIONARIO = {
  profundidad: 8,
  secciones: 500,
  items: 2000,
  opciones: 36,
  filasMatriz: 60,
  codigo: 40,
  nombre: 500,
  texto: 4000,
  equivalencias: 30,
  niveles: 10,
  /** Open numbers and the numbers per option. */
  numero: 1e15,
} as const;

export interface Opcion {
  codigo: string;
  texto: string;
  /** 0–100: what the option is worth where the instrument scores it (yes 100, no 0…); null when not scored. */
  puntaje?: number | null;
  /** «Ninguna de las anteriores»: chosen, it stands alone. Only in multiple choice. */
  anula?: boolean;
}

export interface FilaMatriz {
  codigo: string;
  texto: string;
}

export interface Salto {
  /** An earlier item's code. */
  item: string;
  operador: OperadorSalto;
  /** An option's code (igual, distinto, incluye, no_incluye) or a number (mayor…); none for «respondido». */
  valor?: string | number | null;
}

export interface Aplicabilidad {
  ordenes?: Orden[];
  formularios?: TipoFormulario[];
}

export interface Item {
  codigo: string;
  tipo: TipoItem;
  texto: string;
  ayuda?: string | null;
  noAplica?: boolean;
  evidencia?: boolean;
  opciones?: Opcion[];
  /** Matrix rows; its columns are `opciones`. */
  filas?: FilaMatriz[];
  minimo?: number | null;
  maximo?: number | null;
  /** Decimal places allowed in numbers (0 = whole). */
  decimales?: number | null;
  salto?: Salto | null;
  aplicaA?: Aplicabilidad | null;
  /** The same question's code in other vigencias: { "2023": "P123" }. */
  equivalencias?: Record<string, string>;
}

export interface Seccion {
  codigo: string;
  nombre: string;
  descripcion?: string | null;
  /** Items come first, then the subsections, in document order. */
  items: Item[];
  secciones: Seccion[];
}

export interface Nivel {
  nombre: string;
  desde: number;
  hasta: number;
}

export interface Cuestionario {
  formato: typeof FORMATO_CUESTIONARIO;
  codigo: string;
  nombre: string;
  vigencia: number;
  instrumento: Instrumento;
  politica?: string | null;
  descripcion?: string | null;
  /** Where the text comes from («Función Pública, 2024», «Ejemplo, no oficial»). */
  fuente?: string | null;
  /** Bands of the instrument's scale (e.g. talento humano's maturity levels). */
  niveles?: Nivel[];
  secciones: Seccion[];
}

export interface Problema {
  seccion: string | null;
  item: string | null;
  problema: string;
}

/** Every item with its section path, in document order (items of a section before its subsections). */
export function recorrer(c: Pick<Cuestionario, 'secciones'>): { item: Item; ruta: Seccion[] }[] {
  const fuera: { item: Item; ruta: Seccion[] }[] = [];
  const visitar = (s: Seccion, ruta: Seccion[]) => {
    const aqui = [...ruta, s];
    for (const item of s.items) fuera.push({ item, ruta: aqui });
    for (const sub of s.secciones) visitar(sub, aqui);
  };
  for (const s of c.secciones) visitar(s, []);
  return fuera;
}

export function seccionesDe(c: Pick<Cuestionario, 'secciones'>): { seccion: Seccion; nivel: number }[] {
  const fuera: { seccion: Seccion; nivel: number }[] = [];
  const visitar = (s: Seccion, nivel: number) => {
    fuera.push({ seccion: s, nivel });
    for (const sub of s.secciones) visitar(sub, nivel + 1);
  };
  for (const s of c.secciones) visitar(s, 1);
  return fuera;
}

const n = (x: number) => numeroEsCo(x);

/**
 * Problems of meaning the format's schema cannot see: repeated codes, skips to a later or missing item,
 * misplaced cancelling options, options on kinds without them, inverted ranges, and every bound.
 */
export function validarCuestionario(c: Cuestionario): Problema[] {
  const L = LIMITES_CUESTIONARIO;
  const problemas: Problema[] = [];
  const secciones = seccionesDe(c);
  const todos = recorrer(c);
  if (c.secciones.length === 0)
    problemas.push({ seccion: null, item: null, problema: 'El cuestionario no tiene secciones.' });
  if (secciones.length > L.secciones)
    problemas.push({
      seccion: null,
      item: null,
      problema: `Tiene ${n(secciones.length)} secciones; el máximo es ${n(L.secciones)}.`,
    });
  if (todos.length > L.items)
    problemas.push({
      seccion: null,
      item: null,
      problema: `Tiene ${n(todos.length)} ítems; el máximo es ${n(L.items)}. Divídalo en varios cuestionarios.`,
    });
  if (todos.length === 0 && c.secciones.length > 0)
    problemas.push({ seccion: null, item: null, problema: 'El cuestionario no tiene ítems.' });

  const codigosSeccion = new Set<string>();
  for (const { seccion: s, nivel } of secciones) {
    if (codigosSeccion.has(s.codigo))
      problemas.push({ seccion: s.codigo, item: null, problema: 'El código de la sección está repetido.' });
    codigosSeccion.add(s.codigo);
    if (nivel > L.profundidad)
      problemas.push({
        seccion: s.codigo,
        item: null,
        problema: `La sección está en el nivel ${nivel}; las secciones anidan hasta ${L.profundidad} niveles.`,
      });
  }

  const niveles = c.niveles ?? [];
  for (const [i, nv] of niveles.entries()) {
    if (nv.desde > nv.hasta)
      problemas.push({
        seccion: null,
        item: null,
        problema: `El nivel «${nv.nombre}» empieza (${n(nv.desde)}) después de donde termina (${n(nv.hasta)}).`,
      });
    const previo = niveles[i - 1];
    if (previo && nv.desde < previo.hasta)
      problemas.push({
        seccion: null,
        item: null,
        problema: `El nivel «${nv.nombre}» se cruza con «${previo.nombre}»: ordénelos de menor a mayor sin traslaparlos.`,
      });
  }

  const posicion = new Map<string, number>();
  for (const [i, { item }] of todos.entries()) if (!posicion.has(item.codigo)) posicion.set(item.codigo, i);
  const porCodigo = new Map(todos.map(({ item }) => [item.codigo, item]));
  const vistos = new Set<string>();
  for (const [i, { item, ruta }] of todos.entries()) {
    const seccion = ruta.at(-1)!.codigo;
    const mal = (problema: string) => problemas.push({ seccion, item: item.codigo, problema });
    if (vistos.has(item.codigo)) mal('El código del ítem está repetido en el cuestionario.');
    vistos.add(item.codigo);
    const opciones = item.opciones ?? [];
    const usaOpciones = CON_OPCIONES.includes(item.tipo);
    if (usaOpciones) {
      if (opciones.length < 2)
        mal(
          item.tipo === 'matriz'
            ? 'La matriz necesita al menos 2 columnas (opciones).'
            : 'La pregunta necesita al menos 2 opciones.',
        );
      if (opciones.length > L.opciones) mal(`Tiene ${opciones.length} opciones; el máximo es ${L.opciones}.`);
      const codigos = new Set<string>();
      for (const o of opciones) {
        if (codigos.has(o.codigo)) mal(`El código de opción «${o.codigo}» está repetido.`);
        codigos.add(o.codigo);
        if (o.puntaje != null && !(o.puntaje >= 0 && o.puntaje <= 100))
          mal(`El puntaje de la opción «${o.codigo}» debe estar entre 0 y 100.`);
      }
      const anuladoras = opciones.filter((o) => o.anula);
      if (anuladoras.length > 0 && item.tipo !== 'seleccion_multiple')
        mal('Solo una pregunta de selección múltiple puede tener una opción que anula las demás.');
      else if (anuladoras.length > 1) mal('Solo una opción puede anular las demás.');
    } else if (opciones.length > 0) mal(`Un ítem de tipo ${NOMBRE_TIPO_ITEM[item.tipo]} no lleva opciones.`);
    const filas = item.filas ?? [];
    if (item.tipo === 'matriz') {
      if (filas.length < 1) mal('La matriz necesita al menos una fila.');
      if (filas.length > L.filasMatriz)
        mal(`La matriz tiene ${filas.length} filas; el máximo es ${L.filasMatriz}.`);
      const codigos = new Set<string>();
      for (const f of filas) {
        if (codigos.has(f.codigo)) mal(`El código de fila «${f.codigo}» está repetido.`);
        codigos.add(f.codigo);
      }
    } else if (filas.length > 0) mal('Solo una matriz lleva filas.');
    const conNumero = item.tipo === 'numero' || item.tipo === 'seleccion_multiple_numero';
    if (!conNumero && (item.minimo != null || item.maximo != null || item.decimales != null))
      mal(`Un ítem de tipo ${NOMBRE_TIPO_ITEM[item.tipo]} no lleva mínimo, máximo ni decimales.`);
    if (item.minimo != null && item.maximo != null && item.minimo > item.maximo)
      mal(`El mínimo (${n(item.minimo)}) es mayor que el máximo (${n(item.maximo)}).`);
    const salto = item.salto;
    if (salto) {
      const objetivo = porCodigo.get(salto.item);
      const donde = posicion.get(salto.item);
      if (!objetivo || donde === undefined)
        mal(`La lógica de salto apunta al ítem «${salto.item}», que no existe.`);
      else if (donde >= i)
        mal(
          donde === i
            ? 'La lógica de salto no puede depender del mismo ítem.'
            : `La lógica de salto apunta al ítem «${salto.item}», que viene después: debe depender de una respuesta anterior.`,
        );
      else validarSalto(objetivo, salto, mal);
    }
    for (const [vig, cod] of Object.entries(item.equivalencias ?? {})) {
      if (!/^\d{4}$/.test(vig)) mal(`La equivalencia «${vig}» debe ser una vigencia de cuatro cifras.`);
      if (!cod.trim()) mal(`La equivalencia de la vigencia ${vig} no tiene código.`);
    }
    if (Object.keys(item.equivalencias ?? {}).length > L.equivalencias)
      mal(`Tiene más de ${L.equivalencias} equivalencias con otras vigencias.`);
  }
  return problemas;
}

/** Whether a skip's operator and value make sense for the item it reads. */
function validarSalto(objetivo: Item, salto: Salto, mal: (p: string) => void) {
  const { operador, valor } = salto;
  const codigos = new Set((objetivo.opciones ?? []).map((o) => o.codigo));
  if (operador === 'respondido') {
    if (valor != null) mal('La lógica de salto «respondido» no lleva valor.');
    return;
  }
  if (['igual', 'distinto', 'incluye', 'no_incluye'].includes(operador)) {
    if (objetivo.tipo === 'numero' || objetivo.tipo === 'puntaje') {
      if (operador === 'incluye' || operador === 'no_incluye')
        mal(`La lógica de salto «${operador}» necesita un ítem con opciones.`);
      else if (typeof valor !== 'number')
        mal('La lógica de salto sobre un número necesita un valor numérico.');
      return;
    }
    if (!['seleccion_unica', 'seleccion_multiple', 'seleccion_multiple_numero'].includes(objetivo.tipo)) {
      mal(
        `La lógica de salto «${operador}» no se puede evaluar sobre un ítem de tipo ${NOMBRE_TIPO_ITEM[objetivo.tipo]}.`,
      );
      return;
    }
    if (typeof valor !== 'string' || !codigos.has(valor))
      mal(
        `La lógica de salto compara con «${valor ?? ''}», que no es una opción del ítem «${objetivo.codigo}».`,
      );
    return;
  }
  if (objetivo.tipo !== 'numero' && objetivo.tipo !== 'puntaje')
    mal(`La lógica de salto «${operador}» solo compara ítems de número o de puntaje.`);
  else if (typeof valor !== 'number') mal('La lógica de salto sobre un número necesita un valor numérico.');
}

// ---------- Answers ----------

/**
 * One answer; only the field of the item's kind is set (or `noAplica`). An absent answer is blank.
 * `cantidades` is option → number (multiple choice with numbers); `celdas` is row → column (matrix).
 */
export interface Respuesta {
  noAplica?: boolean;
  opcion?: string;
  opciones?: string[];
  cantidades?: Record<string, number>;
  numero?: number;
  texto?: string;
  celdas?: Record<string, string>;
  puntaje?: number;
}

export const LARGO_RESPUESTA = 4000;

const CAMPO_DE: Record<TipoItem, keyof Respuesta> = {
  seleccion_unica: 'opcion',
  seleccion_multiple: 'opciones',
  seleccion_multiple_numero: 'cantidades',
  numero: 'numero',
  texto: 'texto',
  matriz: 'celdas',
  puntaje: 'puntaje',
};

export type ValidacionRespuesta = { ok: true; respuesta: Respuesta } | { ok: false; problema: string };

const decimalesDe = (x: number) => {
  const s = String(x);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  return (s.split('.')[1] ?? '').length;
};

/**
 * Checks an answer against its item and returns it normalised: a cancelling option leaves it alone, options
 * keep the item's order without repeats, numbers stay within the item's range, «no aplica» only where allowed.
 */
export function validarRespuesta(item: Item, r: Respuesta): ValidacionRespuesta {
  const no = (problema: string): ValidacionRespuesta => ({ ok: false, problema });
  const campo = CAMPO_DE[item.tipo];
  const puestos = (Object.keys(r) as (keyof Respuesta)[]).filter(
    (k) => r[k] !== undefined && !(k === 'noAplica' && r.noAplica === false),
  );
  if (r.noAplica) {
    if (!item.noAplica) return no('Este ítem no admite «no aplica».');
    if (puestos.length > 1) return no('Una respuesta «no aplica» no lleva otro valor.');
    return { ok: true, respuesta: { noAplica: true } };
  }
  const ajenos = puestos.filter((k) => k !== campo);
  if (ajenos.length > 0)
    return no(`Un ítem de tipo ${NOMBRE_TIPO_ITEM[item.tipo]} se responde con «${campo}».`);
  if (r[campo] === undefined) return no(`Falta la respuesta («${campo}»).`);
  const opciones = item.opciones ?? [];
  const codigos = new Set(opciones.map((o) => o.codigo));
  const numeroValido = (x: number, que: string): string | null => {
    if (!Number.isFinite(x)) return `${que} debe ser un número.`;
    const min = item.minimo ?? -LIMITES_CUESTIONARIO.numero;
    const max = item.maximo ?? LIMITES_CUESTIONARIO.numero;
    if (x < min || x > max) return `${que} debe estar entre ${n(min)} y ${n(max)}.`;
    const dec = item.decimales ?? 6;
    if (decimalesDe(x) > dec)
      return dec === 0 ? `${que} va sin decimales.` : `${que} admite hasta ${dec} decimales.`;
    return null;
  };
  switch (item.tipo) {
    case 'seleccion_unica': {
      const o = r.opcion!;
      if (!codigos.has(o)) return no(`«${o}» no es una opción de este ítem.`);
      return { ok: true, respuesta: { opcion: o } };
    }
    case 'seleccion_multiple': {
      const elegidas = new Set(r.opciones!);
      for (const o of elegidas) if (!codigos.has(o)) return no(`«${o}» no es una opción de este ítem.`);
      const anuladora = opciones.find((o) => o.anula && elegidas.has(o.codigo));
      if (anuladora) return { ok: true, respuesta: { opciones: [anuladora.codigo] } };
      return {
        ok: true,
        respuesta: { opciones: opciones.filter((o) => elegidas.has(o.codigo)).map((o) => o.codigo) },
      };
    }
    case 'seleccion_multiple_numero': {
      const cantidades: Record<string, number> = {};
      for (const o of opciones) {
        const x = r.cantidades![o.codigo];
        if (x === undefined) continue;
        const malo = numeroValido(x, `El número de «${o.texto}»`);
        if (malo) return no(malo);
        cantidades[o.codigo] = x;
      }
      for (const k of Object.keys(r.cantidades!))
        if (!codigos.has(k)) return no(`«${k}» no es una opción de este ítem.`);
      return { ok: true, respuesta: { cantidades } };
    }
    case 'numero': {
      const malo = numeroValido(r.numero!, 'El número');
      return malo ? no(malo) : { ok: true, respuesta: { numero: r.numero! } };
    }
    case 'texto': {
      const t = r.texto!.trim();
      if (t.length > LARGO_RESPUESTA)
        return no(`La respuesta tiene ${n(t.length)} caracteres; el máximo es ${n(LARGO_RESPUESTA)}.`);
      return { ok: true, respuesta: { texto: t } };
    }
    case 'matriz': {
      const filas = new Set((item.filas ?? []).map((f) => f.codigo));
      const celdas: Record<string, string> = {};
      for (const [f, o] of Object.entries(r.celdas!)) {
        if (!filas.has(f)) return no(`«${f}» no es una fila de esta matriz.`);
        if (!codigos.has(o)) return no(`«${o}» no es una columna de esta matriz.`);
        celdas[f] = o;
      }
      return { ok: true, respuesta: { celdas } };
    }
    case 'puntaje': {
      const x = r.puntaje!;
      if (!Number.isFinite(x) || x < 0 || x > 100) return no('El puntaje debe estar entre 0 y 100.');
      if (decimalesDe(x) > 2) return no('El puntaje admite hasta 2 decimales.');
      return { ok: true, respuesta: { puntaje: x } };
    }
  }
}

/** Whether an answer counts as given: blank, an empty text, no option or a half-filled matrix do not. */
export function estaRespondida(item: Item, r: Respuesta | undefined): boolean {
  if (!r) return false;
  if (r.noAplica) return true;
  switch (item.tipo) {
    case 'seleccion_unica':
      return r.opcion !== undefined;
    case 'seleccion_multiple':
      return (r.opciones?.length ?? 0) > 0;
    case 'seleccion_multiple_numero':
      return Object.keys(r.cantidades ?? {}).length > 0;
    case 'numero':
      return r.numero !== undefined && Number.isFinite(r.numero);
    case 'texto':
      return (r.texto ?? '').trim().length > 0;
    case 'matriz':
      return (item.filas ?? []).every((f) => r.celdas?.[f.codigo] !== undefined);
    case 'puntaje':
      return r.puntaje !== undefined && Number.isFinite(r.puntaje);
  }
}

export interface ContextoEntidad {
  orden?: Orden | null;
  tipoFormulario?: TipoFormulario | null;
}

/** An item restricted to some entity types applies when the entity is one of them (or its type is unknown). */
export function aplica(item: Item, entidad: ContextoEntidad): boolean {
  const a = item.aplicaA;
  if (!a) return true;
  if (a.ordenes?.length && entidad.orden && !a.ordenes.includes(entidad.orden)) return false;
  if (a.formularios?.length && entidad.tipoFormulario && !a.formularios.includes(entidad.tipoFormulario))
    return false;
  return true;
}

function cumple(objetivo: Item, salto: Salto, r: Respuesta | undefined): boolean {
  if (!estaRespondida(objetivo, r) || r!.noAplica) return false;
  const { operador, valor } = salto;
  if (operador === 'respondido') return true;
  const numero =
    objetivo.tipo === 'numero' ? r!.numero : objetivo.tipo === 'puntaje' ? r!.puntaje : undefined;
  if (numero !== undefined && typeof valor === 'number') {
    switch (operador) {
      case 'igual':
        return numero === valor;
      case 'distinto':
        return numero !== valor;
      case 'mayor':
        return numero > valor;
      case 'mayor_igual':
        return numero >= valor;
      case 'menor':
        return numero < valor;
      case 'menor_igual':
        return numero <= valor;
      default:
        return false;
    }
  }
  const elegidas =
    objetivo.tipo === 'seleccion_unica'
      ? [r!.opcion!]
      : objetivo.tipo === 'seleccion_multiple'
        ? (r!.opciones ?? [])
        : Object.keys(r!.cantidades ?? {});
  const esta = elegidas.includes(String(valor));
  switch (operador) {
    case 'igual':
    case 'incluye':
      return esta;
    case 'distinto':
    case 'no_incluye':
      return !esta;
    default:
      return false;
  }
}

/**
 * The items shown to an entity for its answers: applicable to its type, and whose skip condition holds on an
 * earlier answer that is itself shown (a hidden item's answer never opens another).
 */
export function itemsVisibles(
  c: Pick<Cuestionario, 'secciones'>,
  respuestas: ReadonlyMap<string, Respuesta>,
  entidad: ContextoEntidad = {},
): Set<string> {
  const visibles = new Set<string>();
  const porCodigo = new Map<string, Item>();
  for (const { item } of recorrer(c)) {
    porCodigo.set(item.codigo, item);
    if (!aplica(item, entidad)) continue;
    const s = item.salto;
    if (s) {
      const objetivo = porCodigo.get(s.item);
      if (!objetivo || !visibles.has(s.item) || !cumple(objetivo, s, respuestas.get(s.item))) continue;
    }
    visibles.add(item.codigo);
  }
  return visibles;
}

/**
 * The item's score 0–100, or null when it does not score: blank, «no aplica», a kind without scale (text,
 * numbers, matrix) or options without points. A chosen cancelling option stands alone: its own points (0 unless
 * the instrument gives it some), never added to the others'.
 */
export function puntajeItem(item: Item, r: Respuesta | undefined): number | null {
  if (!r || r.noAplica || !estaRespondida(item, r)) return null;
  const opciones = item.opciones ?? [];
  const valor = (codigo: string) => opciones.find((o) => o.codigo === codigo)?.puntaje;
  const puntuadas = opciones.some((o) => o.puntaje != null);
  switch (item.tipo) {
    case 'puntaje':
      return Math.min(100, Math.max(0, r.puntaje!));
    case 'seleccion_unica': {
      if (!puntuadas) return null;
      return valor(r.opcion!) ?? 0;
    }
    case 'seleccion_multiple': {
      if (!puntuadas) return null;
      const anuladora = opciones.find((o) => o.anula && r.opciones!.includes(o.codigo));
      if (anuladora) return anuladora.puntaje ?? 0;
      const suma = r.opciones!.reduce((s, o) => s + (valor(o) ?? 0), 0);
      return Math.min(100, suma);
    }
    default:
      return null;
  }
}

export interface ResultadoSeccion {
  codigo: string;
  nombre: string;
  /** Mean of the scored items and subsections it holds; null when nothing in it has a score. */
  puntaje: number | null;
  /** Answered ÷ applicable and shown, in %; null when nothing applies. */
  completitud: number | null;
  respondidos: number;
  aplicables: number;
  /** Shown items answered without the evidence they require. */
  sinEvidencia: number;
  secciones: ResultadoSeccion[];
}

export interface ResultadoCuestionario extends Omit<ResultadoSeccion, 'codigo' | 'nombre'> {
  nivel: string | null;
}

const redondear = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function nivelDe(niveles: readonly Nivel[] | undefined, puntaje: number | null): string | null {
  if (puntaje === null || !niveles) return null;
  return niveles.find((nv) => puntaje >= nv.desde && puntaje <= nv.hasta)?.nombre ?? null;
}

export interface OpcionesPuntaje {
  entidad?: ContextoEntidad;
  /** Items whose evidence is attached; items requiring evidence and missing it are counted apart. */
  conEvidencia?: ReadonlySet<string>;
}

/**
 * Scores and completeness of one entity's answers. Hidden (skip logic) and non-applicable items are out of
 * both; blank items are out of the score and count against completeness; «no aplica» is an answer (complete)
 * that scores nothing. Scores and completeness come rounded to one decimal, computed from unrounded parts.
 */
export function puntuar(
  c: Pick<Cuestionario, 'secciones' | 'niveles'>,
  respuestas: ReadonlyMap<string, Respuesta>,
  opciones: OpcionesPuntaje = {},
): ResultadoCuestionario {
  const visibles = itemsVisibles(c, respuestas, opciones.entidad);
  const evaluar = (s: Seccion): ResultadoSeccion & { bruto: number | null } => {
    const partes: number[] = [];
    let respondidos = 0;
    let aplicables = 0;
    let sinEvidencia = 0;
    for (const item of s.items) {
      if (!visibles.has(item.codigo)) continue;
      aplicables++;
      const r = respuestas.get(item.codigo);
      if (!estaRespondida(item, r)) continue;
      respondidos++;
      if (item.evidencia && !r!.noAplica && !opciones.conEvidencia?.has(item.codigo)) sinEvidencia++;
      const p = puntajeItem(item, r);
      if (p !== null) partes.push(p);
    }
    const subs = s.secciones.map(evaluar);
    for (const sub of subs) {
      respondidos += sub.respondidos;
      aplicables += sub.aplicables;
      sinEvidencia += sub.sinEvidencia;
      if (sub.bruto !== null) partes.push(sub.bruto);
    }
    const bruto = partes.length ? partes.reduce((a, b) => a + b, 0) / partes.length : null;
    return {
      codigo: s.codigo,
      nombre: s.nombre,
      bruto,
      puntaje: redondear(bruto),
      completitud: aplicables ? redondear((respondidos / aplicables) * 100) : null,
      respondidos,
      aplicables,
      sinEvidencia,
      secciones: subs.map(({ bruto: _b, ...resto }) => resto),
    };
  };
  const tops = c.secciones.map(evaluar);
  const partes = tops.flatMap((t) => (t.bruto === null ? [] : [t.bruto]));
  const bruto = partes.length ? partes.reduce((a, b) => a + b, 0) / partes.length : null;
  const respondidos = tops.reduce((s, t) => s + t.respondidos, 0);
  const aplicables = tops.reduce((s, t) => s + t.aplicables, 0);
  return {
    puntaje: redondear(bruto),
    nivel: nivelDe(c.niveles, redondear(bruto)),
    completitud: aplicables ? redondear((respondidos / aplicables) * 100) : null,
    respondidos,
    aplicables,
    sinEvidencia: tops.reduce((s, t) => s + t.sinEvidencia, 0),
    secciones: tops.map(({ bruto: _b, ...resto }) => resto),
  };
}

/** The item's code in another vigencia: its mapping for that year, or the same code when it has none. */
export const codigoEnVigencia = (item: Item, vigencia: number): string =>
  item.equivalencias?.[String(vigencia)] ?? item.codigo;

/**
 * Another vigencia's answers placed on this questionnaire's items through the code map (FURAG codes change
 * between years): «last year's answer» beside each question. Items without a counterpart get nothing.
 */
export function respuestasDeOtraVigencia(
  c: Pick<Cuestionario, 'secciones'>,
  vigencia: number,
  anteriores: ReadonlyMap<string, Respuesta>,
): Map<string, Respuesta> {
  const fuera = new Map<string, Respuesta>();
  for (const { item } of recorrer(c)) {
    const r = anteriores.get(codigoEnVigencia(item, vigencia));
    if (r) fuera.set(item.codigo, r);
  }
  return fuera;
}

export interface Brecha {
  item: string;
  texto: string;
  /** Codes of the sections from the top down to the item's. */
  secciones: string[];
  puntaje: number;
}

/** Below this score an item is a gap (an improvement action candidate) unless the person asks otherwise. */
export const UMBRAL_BRECHA = 60;

/**
 * The shown, answered items scoring under `umbral`, lowest first (ties in document order): the gaps an
 * autodiagnóstico turns into improvement actions. Blank and «no aplica» items are never gaps.
 */
export function brechas(
  c: Pick<Cuestionario, 'secciones'>,
  respuestas: ReadonlyMap<string, Respuesta>,
  umbral = UMBRAL_BRECHA,
  entidad: ContextoEntidad = {},
): Brecha[] {
  const visibles = itemsVisibles(c, respuestas, entidad);
  return recorrer(c)
    .flatMap(({ item, ruta }) => {
      if (!visibles.has(item.codigo)) return [];
      const p = puntajeItem(item, respuestas.get(item.codigo));
      return p !== null && p < umbral
        ? [{ item: item.codigo, texto: item.texto, secciones: ruta.map((s) => s.codigo), puntaje: p }]
        : [];
    })
    .sort((a, b) => a.puntaje - b.puntaje);
}

/** Counts per section (top level, with everything beneath) and per kind, for the import's answer. */
export function conteos(c: Pick<Cuestionario, 'secciones'>) {
  const porTipo = Object.fromEntries(TIPOS_ITEM.map((t) => [t, 0])) as Record<TipoItem, number>;
  for (const { item } of recorrer(c)) porTipo[item.tipo]++;
  const porSeccion = seccionesDe(c).map(({ seccion, nivel }) => ({
    codigo: seccion.codigo,
    nombre: seccion.nombre,
    nivel,
    items: recorrer({ secciones: [seccion] }).length,
  }));
  return { items: recorrer(c).length, secciones: porSeccion, porTipo };
}
