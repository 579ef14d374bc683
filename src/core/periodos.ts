import { type Fecha, sumarDias, ultimoDiaDelMes } from './calendario.ts';
import type { Calendario } from './dias-habiles.ts';
import { fechaCivil } from './formato.ts';

export const ESQUEMAS = {
  trimestral: { meses: 3, nombre: (n: number) => `Trimestre ${n}`, plural: 'trimestres' },
  cuatrimestral: { meses: 4, nombre: (n: number) => `Cuatrimestre ${n}`, plural: 'cuatrimestres' },
  semestral: { meses: 6, nombre: (n: number) => `Semestre ${n}`, plural: 'semestres' },
  mensual: { meses: 1, nombre: (n: number) => MESES[n - 1]!, plural: 'meses' },
} as const;
export type EsquemaPeriodos = keyof typeof ESQUEMAS;
export const ESQUEMAS_PERIODOS = [
  'trimestral',
  'cuatrimestral',
  'semestral',
  'mensual',
] as const satisfies readonly EsquemaPeriodos[];

const MESES = [
  'Enero',
  'Febrero',
  'Marzo',
  'Abril',
  'Mayo',
  'Junio',
  'Julio',
  'Agosto',
  'Septiembre',
  'Octubre',
  'Noviembre',
  'Diciembre',
];

export interface Periodo {
  numero: number;
  nombre: string;
  inicio: Fecha;
  /** Fecha de corte: the figures reported are as of this day. */
  corte: Fecha;
  /** Reporting window: opens on the cut-off day, closes n business days later (entity-editable). */
  abre: Fecha;
  cierra: Fecha;
}

/**
 * The periods of a vigencia under a scheme, with the windows counted on the entity's calendar. Default window: from the cut-off day to the 10th business day
 * after it, the usual term for publishing follow-up (e.g. the old anticorruption plan).
 */
export function periodosDeVigencia(
  vigencia: number,
  esquema: EsquemaPeriodos,
  diasHabilesParaReportar: number,
  calendario: Calendario,
): Periodo[] {
  const { meses, nombre } = ESQUEMAS[esquema];
  return Array.from({ length: 12 / meses }, (_, i) => {
    const numero = i + 1;
    const corte = ultimoDiaDelMes(vigencia, numero * meses);
    const inicio = i === 0 ? `${vigencia}-01-01` : sumarDias(ultimoDiaDelMes(vigencia, i * meses), 1);
    return {
      numero,
      nombre: nombre(numero),
      inicio,
      corte,
      abre: corte,
      cierra: calendario.sumarDiasHabiles(corte, diasHabilesParaReportar),
    };
  });
}

export const ESTADOS_VENTANA = ['por_abrir', 'abierta', 'cerrada'] as const;
export type EstadoVentana = (typeof ESTADOS_VENTANA)[number];

export function estadoVentana(p: Pick<Periodo, 'abre' | 'cierra'>, hoy: Fecha): EstadoVentana {
  if (hoy < p.abre) return 'por_abrir';
  return hoy <= p.cierra ? 'abierta' : 'cerrada';
}

/** A report sent after its window closed is accepted but flagged late. */
export const esReporteTardio = (p: Pick<Periodo, 'cierra'>, fechaReporte: Fecha) => fechaReporte > p.cierra;

// ---------- Esquemas por instrumento ----------
// The plan follows the vigencia's scheme; an instrument (a Decreto 612 plan or an own plan) may follow its
// own, e.g. the Programa de Transparencia y Ética Pública by cuatrimestres (30/04, 31/08, 31/12). Rules:
//  - An instrument's period lasts as long as the plan's or longer, so each period of the plan holds at most
//    one cut-off of the instrument.
//  - At the cut-off of the plan's period N an activity counts its periods whose cut-off is not later:
//    floor(N · plan months / activity months).
//  - The activity's period whose cut-off falls within the plan's period N is the one reported on that
//    sheet; it is closed when the plan's period that holds its cut-off is closed.

/** Instrument (key of a Decreto 612 plan or code of an own plan) → its scheme. */
export type EsquemasInstrumento = Partial<Record<string, EsquemaPeriodos>>;

/** Enough for the 12 plans of the Decreto 612 and the entity's own ones. */
export const MAXIMO_ESQUEMAS_INSTRUMENTO = 30;

/** Clave of the Programa de Transparencia y Ética Pública in the catalog (sigla PTEP). */
export const CLAVE_PTEP = 'transparencia_etica';

/** A vigencia configured without saying anything: the PTEP by cuatrimestres (Ley 2195 de 2022). */
export const ESQUEMAS_INSTRUMENTO_POR_DEFECTO: EsquemasInstrumento = { [CLAVE_PTEP]: 'cuatrimestral' };

export const mesesDe = (esquema: EsquemaPeriodos) => ESQUEMAS[esquema].meses;

/** How many periods a scheme has in a year. */
export const cantidadPeriodos = (esquema: EsquemaPeriodos) => 12 / mesesDe(esquema);

/** The scheme an activity follows: its Decreto 612 plan's, else its own plan's, else the vigencia's. */
export function esquemaActividad(
  a: { plan612?: string | null; planPropio?: string | null },
  esquemas: EsquemasInstrumento,
  esquemaPlan: EsquemaPeriodos,
): EsquemaPeriodos {
  // Own keys only: «constructor» or «__proto__» as a plan code must not reach Object.prototype.
  const de = (k: string | null | undefined) => (k && Object.hasOwn(esquemas, k) ? esquemas[k] : undefined);
  return de(a.plan612) ?? de(a.planPropio) ?? esquemaPlan;
}

/** Periods of the activity counted at the cut-off of the plan's period n (0 before its first cut-off). */
export function periodosContados(n: number, esquemaPlan: EsquemaPeriodos, esquema: EsquemaPeriodos) {
  return Math.floor((n * mesesDe(esquemaPlan)) / mesesDe(esquema));
}

/** The activity's period whose cut-off falls within the plan's period n; null when none does. */
export function periodoEnPeriodoPlan(n: number, esquemaPlan: EsquemaPeriodos, esquema: EsquemaPeriodos) {
  const hasta = periodosContados(n, esquemaPlan, esquema);
  return hasta > periodosContados(n - 1, esquemaPlan, esquema) ? hasta : null;
}

/** The plan's period that holds the cut-off of the activity's period p (the one whose closing closes it). */
export function periodoPlanDeCorte(p: number, esquemaPlan: EsquemaPeriodos, esquema: EsquemaPeriodos) {
  return Math.ceil((p * mesesDe(esquema)) / mesesDe(esquemaPlan));
}

/** Why an instrument cannot follow a scheme under the plan's: the Spanish problem, or null. */
export function problemaEsquemaInstrumento(
  instrumento: string,
  esquema: EsquemaPeriodos,
  esquemaPlan: EsquemaPeriodos,
): string | null {
  return mesesDe(esquema) >= mesesDe(esquemaPlan)
    ? null
    : `«${instrumento}» no puede ser ${esquema}: el periodo de un instrumento debe durar lo mismo o más que el del plan (${esquemaPlan}), para que cada periodo del plan tenga a lo sumo un corte del instrumento.`;
}

/** «Cuatrimestre 1 (corte 30/04/2026)»: how a sheet of the plan names an instrument's own period. */
export const nombreConCorte = (p: Pick<Periodo, 'nombre' | 'corte'>) =>
  `${p.nombre} (corte ${fechaCivil(p.corte)})`;

/** «El PTEP se programa por cuatrimestres: 3 metas», when the activity follows its instrument's scheme. */
export const mensajeMetasInstrumento = (instrumento: string, esquema: EsquemaPeriodos, hay: number) =>
  `El ${instrumento} se programa por ${ESQUEMAS[esquema].plural}: ${cantidadPeriodos(esquema)} metas (hay ${hay}).`;

/** What a sheet of the plan says of an instrument's activity with no cut-off in its period. */
export const mensajeSinCorte = (esquema: EsquemaPeriodos) =>
  `Se reporta por ${ESQUEMAS[esquema].plural}; no tiene corte en este periodo.`;
