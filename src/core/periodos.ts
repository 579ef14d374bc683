import { type Fecha, sumarDias, ultimoDiaDelMes } from './calendario.ts';
import type { Calendario } from './dias-habiles.ts';

export const ESQUEMAS = {
  trimestral: { meses: 3, nombre: (n: number) => `Trimestre ${n}` },
  cuatrimestral: { meses: 4, nombre: (n: number) => `Cuatrimestre ${n}` },
  semestral: { meses: 6, nombre: (n: number) => `Semestre ${n}` },
  mensual: { meses: 1, nombre: (n: number) => MESES[n - 1]! },
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
