// Follow-up of an activity per period: what was achieved, against the annual goal and against what was
// planned up to the cut-off, and the review chain of the three lines of defence.
import {
  type Acumulacion,
  logradoAcumulado as acumularLogrado,
  planeadoAcumulado as acumularPlaneado,
} from './acumulacion.ts';
import { dentroDe, finitoONulo, LIMITES, mensajeRango, porcentaje } from './numeros.ts';
import type { Permiso } from './roles.ts';

// ---------- Review chain ----------
// The responsible (1.ª línea) reports and sends; planeación (2.ª línea) accepts or returns it with
// observations; control interno (3.ª línea) verifies it or records observations, and never edits it.
// Observations of control interno open a reply step: the responsible answers (text and new evidence) and
// control interno closes it, verified or with new observations (core/verificacion.ts: who verifies what).
export const ESTADOS_SEGUIMIENTO = [
  'borrador',
  'enviado',
  'devuelto',
  'aceptado',
  'verificado',
  'con_observaciones',
  'respondido',
] as const;
export type EstadoSeguimiento = (typeof ESTADOS_SEGUIMIENTO)[number];

export const NOMBRE_ESTADO_SEGUIMIENTO: Record<EstadoSeguimiento, string> = {
  borrador: 'Borrador',
  enviado: 'Enviado a planeación',
  devuelto: 'Devuelto con observaciones',
  aceptado: 'Aceptado por planeación',
  verificado: 'Verificado por control interno',
  con_observaciones: 'Con observaciones de control interno',
  respondido: 'Respondido a control interno',
};

export type Linea = 'responsable' | 'planeacion' | 'control_interno';

/** The permission each line of defence acts with (the route rules are derived from it). */
export const PERMISO_DE_LINEA: Record<Linea, Permiso> = {
  responsable: 'seguimiento.reportar',
  planeacion: 'seguimiento.revisar',
  control_interno: 'seguimiento.verificar',
};
/**
 * The permission a route of one step declares. Verifying or observing one report is open to planeación too,
 * because a report of control interno's own people is verified by planeación (core/verificacion.ts); the
 * service then checks who verifies that report. Many at once stays with control interno.
 */
export const permisoDeAccion = (accion: AccionSeguimiento): Permiso =>
  accion === 'verificar' || accion === 'observar'
    ? 'seguimiento.verificar_reporte'
    : PERMISO_DE_LINEA[TRANSICIONES_SEGUIMIENTO[accion].linea];

export type AccionSeguimiento = 'enviar' | 'aceptar' | 'devolver' | 'verificar' | 'observar' | 'responder';

export const TRANSICIONES_SEGUIMIENTO: Record<
  AccionSeguimiento,
  { desde: readonly EstadoSeguimiento[]; hacia: EstadoSeguimiento; linea: Linea; observaciones: boolean }
> = {
  enviar: { desde: ['borrador', 'devuelto'], hacia: 'enviado', linea: 'responsable', observaciones: false },
  aceptar: { desde: ['enviado'], hacia: 'aceptado', linea: 'planeacion', observaciones: false },
  devolver: { desde: ['enviado'], hacia: 'devuelto', linea: 'planeacion', observaciones: true },
  verificar: {
    desde: ['aceptado', 'respondido'],
    hacia: 'verificado',
    linea: 'control_interno',
    observaciones: false,
  },
  observar: {
    desde: ['aceptado', 'respondido'],
    hacia: 'con_observaciones',
    linea: 'control_interno',
    observaciones: true,
  },
  // The reply to control interno's observations: its text travels as «observaciones» (the answer).
  responder: {
    desde: ['con_observaciones'],
    hacia: 'respondido',
    linea: 'responsable',
    observaciones: true,
  },
};

const VERBO: Record<AccionSeguimiento, string> = {
  enviar: 'enviar',
  aceptar: 'aceptar',
  devolver: 'devolver',
  verificar: 'verificar',
  observar: 'registrar observaciones sobre',
  responder: 'responder las observaciones de',
};

export function transicionSeguimiento(
  estado: EstadoSeguimiento,
  accion: AccionSeguimiento,
): { ok: true; hacia: EstadoSeguimiento } | { ok: false; mensaje: string } {
  const t = TRANSICIONES_SEGUIMIENTO[accion];
  if (!t.desde.includes(estado))
    return {
      ok: false,
      mensaje: `No se puede ${VERBO[accion]} un reporte «${NOMBRE_ESTADO_SEGUIMIENTO[estado]}».`,
    };
  return { ok: true, hacia: t.hacia };
}

/** What the loser of two simultaneous steps reads: the report moved on while the person looked at it. */
export const mensajeReporteCambiado = (estado: EstadoSeguimiento) =>
  `El reporte cambió mientras usted lo revisaba: ahora está «${NOMBRE_ESTADO_SEGUIMIENTO[estado].toLowerCase()}». Recargue y revise de nuevo.`;

/** Only the responsible edits, and only before planeación has it or after it came back. */
export const seguimientoEditable = (estado: EstadoSeguimiento) =>
  estado === 'borrador' || estado === 'devuelto';

/**
 * Figures count on dashboards once planeación accepted them: a number nobody reviewed is not published.
 * Control interno's observations do not remove a figure; they are shown beside it.
 */
export const seguimientoCuenta = (estado: EstadoSeguimiento) =>
  estado === 'aceptado' ||
  estado === 'verificado' ||
  estado === 'con_observaciones' ||
  estado === 'respondido';

/** The responsible adds evidence while editing, and again to answer control interno's observations. */
export const admiteEvidencia = (estado: EstadoSeguimiento) =>
  seguimientoEditable(estado) || estado === 'con_observaciones';

/** The activity's 1.ª línea: its responsible and its co-responsibles. */
export const aCargoDe = (
  a: { responsableId: string | null; corresponsables?: readonly string[] },
  usuarioId: string,
) => a.responsableId === usuarioId || (a.corresponsables ?? []).includes(usuarioId);

// ---------- Figures ----------
export interface EntradaAvance {
  valor?: number | null;
  numerador?: number | null;
  denominador?: number | null;
}

/**
 * The value achieved in the period: typed directly, or numerator/denominator × 100 for ratio activities.
 * Returns the value, or the Spanish problem naming the field.
 */
export function valorReportado(
  e: EntradaAvance,
): { ok: true; valor: number } | { ok: false; campo: string; mensaje: string } {
  const hayFraccion = e.numerador != null || e.denominador != null;
  if (hayFraccion) {
    if (e.numerador == null) return { ok: false, campo: 'numerador', mensaje: 'escriba el numerador' };
    if (e.denominador == null) return { ok: false, campo: 'denominador', mensaje: 'escriba el denominador' };
    if (!(e.denominador > 0))
      return { ok: false, campo: 'denominador', mensaje: 'el denominador debe ser mayor que cero' };
    if (e.numerador < 0) return { ok: false, campo: 'numerador', mensaje: 'no puede ser negativo' };
    // The ratio is what gets stored and summed: it must stay within the same bounds as a typed value.
    const valor = (e.numerador / e.denominador) * 100;
    if (!dentroDe(valor, LIMITES.cantidad))
      return {
        ok: false,
        campo: 'numerador',
        mensaje: mensajeRango('numerador ÷ denominador × 100', LIMITES.cantidad),
      };
    return { ok: true, valor };
  }
  if (e.valor == null) return { ok: false, campo: 'valor', mensaje: 'escriba la cifra que reporta' };
  if (e.valor < 0) return { ok: false, campo: 'valor', mensaje: 'no puede ser negativo' };
  if (!dentroDe(e.valor, LIMITES.cantidad))
    return { ok: false, campo: 'valor', mensaje: mensajeRango('el valor', LIMITES.cantidad) };
  return { ok: true, valor: e.valor };
}

/** Every figure is finite or null: a stored value that is not (data from before the bounds) shows as «–». */
export interface CifrasSeguimiento {
  metaPeriodo: number;
  planeadoAcumulado: number | null;
  logradoAcumulado: number | null;
  /** % of the annual goal reached up to this period (uncapped); null without a goal. */
  avanceAcumulado: number | null;
  /** % of what was planned for this period alone; null when nothing was planned for it. */
  cumplimientoPeriodo: number | null;
  /** % of what was planned up to this period; null when nothing was planned yet. */
  cumplimientoAcumulado: number | null;
}

/**
 * `logros[i]` is what was achieved in period i+1 (null: no counted report). Periods are 1-based. The goal
 * type decides how the periods accumulate (core/acumulacion.ts); nothing reported yet counts as 0.
 */
export function cifrasSeguimiento(
  tipo: Acumulacion,
  metaAnual: number,
  metasPeriodo: readonly number[],
  logros: readonly (number | null)[],
  periodo: number,
): CifrasSeguimiento {
  // Goals live in a JSON column, which holds no Infinity: the goal of the period is a finite number.
  const metaPeriodo = metasPeriodo[periodo - 1] ?? 0;
  const planeadoAcumulado = finitoONulo(acumularPlaneado(tipo, metasPeriodo, periodo));
  const hasta = logros.slice(0, periodo).map((x) => x ?? null);
  const logradoAcumulado = finitoONulo(acumularLogrado(tipo, hasta, metaAnual) ?? 0);
  // A period on its own: a milestone reported done counts as the goal of the period it was due.
  const propio = logros[periodo - 1] ?? null;
  const logroPeriodo =
    propio === null ? 0 : tipo === 'hito' ? (propio > 0 ? metaPeriodo || metaAnual : 0) : propio;
  const pct = (a: number | null, b: number | null) => (a === null || b === null ? null : porcentaje(a, b));
  return {
    metaPeriodo,
    planeadoAcumulado,
    logradoAcumulado,
    avanceAcumulado: pct(logradoAcumulado, metaAnual),
    cumplimientoPeriodo: pct(logroPeriodo, metaPeriodo),
    cumplimientoAcumulado: pct(logradoAcumulado, planeadoAcumulado),
  };
}
