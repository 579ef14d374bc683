// The FURAG window: the days Función Pública opens the form to report a vigencia, set every year by circular.
// The platform records the official dates for every entity once the circular is out; an entity may record its
// own (an extension granted to it). Until someone does, an estimate shows, always labelled as one: the
// platform never presents an invented date as official. Pure (the web imports it).
import { type Fecha, sumarDias } from './calendario.ts';
import { fechaCivil } from './formato.ts';

/** Where the dates come from: the estimate, the platform (for everyone) or the entity's own. */
export const ORIGENES_VENTANA_FURAG = ['estimada', 'plataforma', 'entidad'] as const;
export type OrigenVentanaFurag = (typeof ORIGENES_VENTANA_FURAG)[number];

export interface FechasVentana {
  inicio: Fecha;
  fin: Fecha;
  /** Where the dates were read: «Circular 100-011-2025 de Función Pública». */
  fuente: string;
}

export interface VentanaFurag {
  /** The vigencia reported (the window opens the following year). */
  vigencia: number;
  inicio: Fecha;
  fin: Fecha;
  origen: OrigenVentanaFurag;
  fuente: string | null;
}

/**
 * The estimate: March to May of the year after the vigencia, the months recent windows fell in (vigencia 2023
 * was reported in April and May 2024, vigencia 2025 in March and April 2026). Wide on purpose: it plans the
 * rehearsal, it is not a deadline.
 */
export const ventanaEstimada = (vigencia: number): VentanaFurag => ({
  vigencia,
  inicio: `${vigencia + 1}-03-01`,
  fin: `${vigencia + 1}-05-31`,
  origen: 'estimada',
  fuente: null,
});

export const EXPLICACION_VENTANA_ESTIMADA =
  'Función Pública fija cada año las fechas del FURAG por circular. Mientras nadie las registre, se muestra una estimación: de marzo a mayo del año siguiente a la vigencia, los meses en que cayeron las ventanas recientes. No es una fecha oficial.';

export const NOMBRE_ORIGEN_VENTANA: Record<OrigenVentanaFurag, string> = {
  estimada: 'Estimada (no oficial)',
  plataforma: 'Registrada por la plataforma',
  entidad: 'Registrada por la entidad',
};

/** The window that holds for an entity: its own dates, else the platform's, else the estimate. */
export function ventanaVigente(
  vigencia: number,
  plataforma: FechasVentana | null,
  entidad: FechasVentana | null,
): VentanaFurag {
  const propia = entidad ?? plataforma;
  if (!propia) return ventanaEstimada(vigencia);
  return { vigencia, ...propia, origen: entidad ? 'entidad' : 'plataforma' };
}

/** A window opens in the year after its vigencia and lasts at most a year. */
export const DURACION_MAXIMA_VENTANA = 366;

/** What is wrong with recorded dates, by field, in Spanish; empty when they are fine. */
export function problemasVentana(
  vigencia: number,
  inicio: Fecha,
  fin: Fecha,
): { campo: 'inicio' | 'fin'; mensaje: string }[] {
  const fuera: { campo: 'inicio' | 'fin'; mensaje: string }[] = [];
  if (Number(inicio.slice(0, 4)) !== vigencia + 1)
    fuera.push({
      campo: 'inicio',
      mensaje: `el FURAG de la vigencia ${vigencia} se reporta en ${vigencia + 1}: la apertura debe ser de ese año`,
    });
  if (fin < inicio) fuera.push({ campo: 'fin', mensaje: 'el cierre no puede ser anterior a la apertura' });
  else if (fin > sumarDias(inicio, DURACION_MAXIMA_VENTANA))
    fuera.push({ campo: 'fin', mensaje: 'la ventana no puede durar más de un año' });
  return fuera;
}

export type EstadoVentana =
  | { estado: 'por_abrir'; dias: number }
  | { estado: 'abierta'; dias: number }
  | { estado: 'cerrada' };

const diasEntre = (desde: Fecha, hasta: Fecha) =>
  Math.round((Date.parse(`${hasta}T00:00:00Z`) - Date.parse(`${desde}T00:00:00Z`)) / 86_400_000);

/** Before, during (the last day included) or after the window; `dias`: calendar days to the opening or the close. */
export function estadoVentana(v: Pick<VentanaFurag, 'inicio' | 'fin'>, hoy: Fecha): EstadoVentana {
  if (hoy < v.inicio) return { estado: 'por_abrir', dias: diasEntre(hoy, v.inicio) };
  if (hoy <= v.fin) return { estado: 'abierta', dias: diasEntre(hoy, v.fin) };
  return { estado: 'cerrada' };
}

const faltan = (n: number) => (n === 1 ? 'falta 1 día' : `faltan ${n} días`);
const quedan = (n: number) => (n === 1 ? 'queda 1 día' : `quedan ${n} días`);

/** «Abre el 01/03/2026 (faltan 12 días)», «Abierta hasta el 17/04/2026 (quedan 3 días)», «Cerró el …». */
export function textoEstadoVentana(v: Pick<VentanaFurag, 'inicio' | 'fin'>, hoy: Fecha): string {
  const e = estadoVentana(v, hoy);
  if (e.estado === 'por_abrir') return `Abre el ${fechaCivil(v.inicio)} (${faltan(e.dias)})`;
  if (e.estado === 'abierta')
    return e.dias === 0
      ? `Abierta: hoy ${fechaCivil(v.fin)} es el último día`
      : `Abierta hasta el ${fechaCivil(v.fin)} (${quedan(e.dias)})`;
  return `Cerró el ${fechaCivil(v.fin)}`;
}
