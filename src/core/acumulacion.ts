// How the figures of an activity's periods become its achievement at a cut-off. Real indicators do not all
// add up: «at least 90 % of PQRSD answered on time each quarter» is a rate to hold, «política de riesgos
// aprobada» is a milestone, «20 funcionarios capacitados» reported as a running total is a stock.
import { numeroCo } from './numeros.ts';

import { claveComparable } from './texto.ts';
//
// Rules (decisions, stated once):
//  - Only accepted figures count (the caller passes null for a period without one).
//  - suma: periods add up (a flow). Period goals add up to the annual goal.
//  - ultimo: the latest accepted figure is the achievement (a running total or a stock). A period's goal
//    is the level expected at its cut-off; the last programmed one is the annual goal.
//  - promedio: the mean of the periods reported (a rate to hold). The mean of the programmed period goals
//    is the annual goal; planned at a cut-off is the mean of the goals programmed so far.
//  - maximo: the best figure reached. The highest period goal is the annual goal.
//  - hito: done or not done. Any accepted figure above 0 in the latest report means done, which counts as
//    the whole annual goal; exactly one period (the one it is due) carries the annual goal, the others 0.
//  - A figure that is not finite (stored before the input bounds) makes the achievement NaN, which the
//    consolidation turns into «sin dato» — never Infinity.

import { type EsquemaPeriodos, mensajeMetasInstrumento } from './periodos.ts';

export const ACUMULACIONES = ['suma', 'ultimo', 'promedio', 'maximo', 'hito'] as const;
export type Acumulacion = (typeof ACUMULACIONES)[number];

export const NOMBRE_ACUMULACION: Record<Acumulacion, string> = {
  suma: 'Suma de los periodos',
  ultimo: 'Último valor reportado',
  promedio: 'Promedio de los periodos',
  maximo: 'Máximo alcanzado',
  hito: 'Hito (hecho o no hecho)',
};

/** One line each, with an example, for the form's help and the README. */
export const AYUDA_ACUMULACION: Record<Acumulacion, string> = {
  suma: 'Lo de cada periodo se suma: 3 jornadas + 2 jornadas = 5 jornadas.',
  ultimo:
    'Cuenta el último valor reportado, que ya trae lo acumulado: 8, luego 15, luego 20 funcionarios capacitados = 20.',
  promedio: 'Se promedian los periodos reportados: 92 %, 88 % y 95 % de PQRSD a tiempo = 91,7 %.',
  maximo: 'Cuenta el valor más alto alcanzado: 60 %, 75 %, 70 % = 75 %.',
  hito: 'Hecho o no hecho: reporte 1 cuando se cumple (p. ej. «política de riesgos aprobada»).',
};

/** What the follow-up form asks for in a period, by goal type (`unidad` is appended by the screen). */
export const REPORTE_ACUMULACION: Record<Acumulacion, { etiqueta: string; ayuda: string }> = {
  suma: { etiqueta: 'Logrado en el periodo', ayuda: 'Solo lo de este periodo: los periodos se suman.' },
  ultimo: {
    etiqueta: 'Total acumulado al corte',
    ayuda: 'El total que lleva en el año hasta este corte, no solo lo de este periodo.',
  },
  promedio: {
    etiqueta: 'Resultado del periodo',
    ayuda: 'El resultado de este periodo (p. ej. el % logrado); el año es el promedio de los periodos.',
  },
  maximo: {
    etiqueta: 'Resultado del periodo',
    ayuda: 'El resultado de este periodo; cuenta el más alto del año.',
  },
  hito: { etiqueta: '¿Se cumplió el hito?', ayuda: 'Escriba 1 si ya se cumplió o 0 si todavía no.' },
};

/** How the screen names the accumulated achievement of each type. */
export const NOMBRE_LOGRADO: Record<Acumulacion, string> = {
  suma: 'Logrado acumulado',
  ultimo: 'Último total reportado',
  promedio: 'Promedio de lo reportado',
  maximo: 'Máximo alcanzado',
  hito: 'Hito',
};

/**
 * A goal type as written in a cell (template or the office's own sheet): its key, its name («Promedio de
 * los periodos») or the name's first word («Hito», «Último»); null otherwise.
 */
export function leerAcumulacion(texto: string): Acumulacion | null {
  const n = claveComparable(texto);
  if (!n) return null;
  return (
    ACUMULACIONES.find(
      (k) => n === k || n.split(' ')[0] === k || n === claveComparable(NOMBRE_ACUMULACION[k]),
    ) ?? null
  );
}

const sumar = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * What the goal types need of the periods' accepted figures. A database can compute these four in one pass
 * (the dashboard and the territorial consolidation do), and `logradoDesdeAgregados` finishes the rule.
 */
export interface AgregadosPeriodos {
  n: number;
  suma: number;
  maximo: number;
  /** The figure of the latest period that has one. */
  ultimo: number;
}

export function agregarPeriodos(valores: readonly (number | null)[]): AgregadosPeriodos | null {
  const presentes = valores.filter((v): v is number => v !== null);
  if (!presentes.length) return null;
  return {
    n: presentes.length,
    suma: sumar(presentes),
    maximo: Math.max(...presentes),
    ultimo: presentes.at(-1)!,
  };
}

/** Achievement from the aggregates of the accepted figures; null when no period has one. */
export function logradoDesdeAgregados(
  tipo: Acumulacion,
  a: AgregadosPeriodos | null,
  metaAnual: number | null,
): number | null {
  if (!a || a.n === 0) return null;
  switch (tipo) {
    case 'suma':
      return a.suma;
    case 'ultimo':
      return a.ultimo;
    case 'promedio':
      return a.suma / a.n;
    case 'maximo':
      return a.maximo;
    case 'hito':
      return a.ultimo > 0 ? (metaAnual !== null && metaAnual > 0 ? metaAnual : 1) : 0;
  }
}

/**
 * Achievement at the cut-off from each period's accepted figure, periods 1..n in order (null: none
 * accepted). null when no period has a figure.
 */
export function logradoAcumulado(
  tipo: Acumulacion,
  valores: readonly (number | null)[],
  metaAnual: number | null,
): number | null {
  if (valores.some((v) => v !== null && !Number.isFinite(v))) return Number.NaN;
  return logradoDesdeAgregados(tipo, agregarPeriodos(valores), metaAnual);
}

/** Planned at the cut-off of period n from the period goals. */
export function planeadoAcumulado(tipo: Acumulacion, metas: readonly number[], n: number): number {
  const hasta = metas.slice(0, Math.max(0, n));
  const programadas = hasta.filter((m) => m > 0);
  switch (tipo) {
    case 'suma':
      return sumar(hasta);
    case 'ultimo':
      return programadas.at(-1) ?? 0;
    case 'promedio':
      return programadas.length ? sumar(programadas) / programadas.length : 0;
    case 'maximo':
    case 'hito':
      return Math.max(0, ...hasta);
  }
}

const fmt = (n: number) => numeroCo(n, 2);
const igual = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Whether the period goals fit the annual goal under the type: the Spanish problem, or null. */
export function problemaMetas(
  tipo: Acumulacion,
  metaAnual: number,
  metas: readonly number[],
  periodos: number,
  /** The instrument whose own scheme the activity follows (core/periodos.ts, esquemaActividad). */
  instrumento?: { nombre: string; esquema: EsquemaPeriodos },
): string | null {
  if (metas.length !== periodos)
    return instrumento
      ? mensajeMetasInstrumento(instrumento.nombre, instrumento.esquema, metas.length)
      : `Escriba una meta para cada uno de los ${periodos} periodos de la vigencia (hay ${metas.length}).`;
  if (metas.some((m) => m < 0)) return 'Las metas por periodo no pueden ser negativas.';
  const programadas = metas.filter((m) => m > 0);
  switch (tipo) {
    case 'suma': {
      const suma = sumar(metas);
      return igual(suma, metaAnual)
        ? null
        : `Las metas por periodo suman ${fmt(suma)} y la meta anual es ${fmt(metaAnual)}: deben coincidir.`;
    }
    case 'ultimo': {
      const ultima = programadas.at(-1) ?? 0;
      return igual(ultima, metaAnual)
        ? null
        : `Con «${NOMBRE_ACUMULACION.ultimo}» la meta de cada periodo es el nivel esperado a su corte: la del último periodo con meta (${fmt(ultima)}) debe ser la meta anual (${fmt(metaAnual)}).`;
    }
    case 'promedio': {
      const media = programadas.length ? sumar(programadas) / programadas.length : 0;
      return igual(media, metaAnual)
        ? null
        : `Con «${NOMBRE_ACUMULACION.promedio}» el promedio de las metas de los periodos con meta (${fmt(media)}) debe ser la meta anual (${fmt(metaAnual)}).`;
    }
    case 'maximo': {
      const maxima = Math.max(0, ...metas);
      return igual(maxima, metaAnual)
        ? null
        : `Con «${NOMBRE_ACUMULACION.maximo}» la meta más alta de los periodos (${fmt(maxima)}) debe ser la meta anual (${fmt(metaAnual)}).`;
    }
    case 'hito':
      // Exactly one period is when it is due: two would ask the same milestone twice.
      return metas.every((m) => m === 0 || igual(m, metaAnual)) &&
        metas.filter((m) => igual(m, metaAnual)).length === 1
        ? null
        : `En un hito un solo periodo lleva la meta anual (${fmt(metaAnual)}), el periodo en que debe cumplirse; los demás tienen meta 0.`;
  }
}
