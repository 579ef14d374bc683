// Traffic light of cumplimiento. No national standard exists: ranges and labels are an entity setting.
export const NIVELES_SEMAFORO = ['rojo', 'amarillo', 'verde', 'azul'] as const;
export type NivelSemaforo = (typeof NIVELES_SEMAFORO)[number];

export interface RangosSemaforo {
  /** cumplimiento < amarilloDesde → rojo */
  amarilloDesde: number;
  /** cumplimiento ≥ verdeDesde → verde (up to azulSobre) */
  verdeDesde: number;
  /** cumplimiento > azulSobre → azul (over-achievement) */
  azulSobre: number;
  etiquetas: Record<NivelSemaforo, string>;
}

export const RANGOS_POR_DEFECTO: RangosSemaforo = {
  amarilloDesde: 60,
  verdeDesde: 80,
  azulSobre: 100,
  // Above 100 % is not «excellent» by default: it means the programming was off, and asks why.
  etiquetas: { rojo: 'Crítico', amarillo: 'Bajo', verde: 'Adecuado', azul: 'Sobreejecución — justificar' },
};

/** Problems with a set of ranges, in Spanish; empty when valid. */
export function problemasRangos(r: RangosSemaforo): string[] {
  const p: string[] = [];
  if (!(r.amarilloDesde > 0 && r.amarilloDesde < r.verdeDesde))
    p.push('el inicio del amarillo debe ser mayor que 0 y menor que el inicio del verde');
  if (!(r.verdeDesde <= r.azulSobre)) p.push('el inicio del verde no puede superar el límite del azul');
  for (const [nivel, etiqueta] of Object.entries(r.etiquetas))
    if (!etiqueta.trim()) p.push(`falta la etiqueta del nivel ${nivel}`);
  return p;
}

/**
 * Whether a period's figure is an over-execution that must be justified: above the blue threshold of what
 * was programmed for the period. A period with nothing programmed, or a milestone (done is done), never is.
 */
export function pideJustificacion(
  tipo: string,
  valor: number,
  metaPeriodo: number,
  r: RangosSemaforo = RANGOS_POR_DEFECTO,
): boolean {
  if (tipo === 'hito' || !(metaPeriodo > 0) || !Number.isFinite(valor)) return false;
  return (valor / metaPeriodo) * 100 > r.azulSobre;
}

/** The Spanish problem when a period's figure goes over the programmed with no justification, or null. */
export function problemaSobreejecucion(
  r: { tipo: string; valor: number; metaPeriodo: number; unidad: string; justificacion: string | null },
  rangos: RangosSemaforo = RANGOS_POR_DEFECTO,
): string | null {
  if (r.justificacion?.trim() || !pideJustificacion(r.tipo, r.valor, r.metaPeriodo, rangos)) return null;
  return `lo reportado supera lo programado para el periodo (${r.metaPeriodo.toLocaleString('es-CO')} ${r.unidad}): explique por qué antes de enviar`;
}

/** null cumplimiento (no target, nothing planned yet) has no colour: the UI says «sin dato». */
export function nivelSemaforo(
  cumplimiento: number | null,
  r: RangosSemaforo = RANGOS_POR_DEFECTO,
): NivelSemaforo | null {
  // Infinity is no over-achievement: it is a figure that could not be computed.
  if (cumplimiento === null || !Number.isFinite(cumplimiento)) return null;
  if (cumplimiento > r.azulSobre) return 'azul';
  if (cumplimiento >= r.verdeDesde) return 'verde';
  if (cumplimiento >= r.amarilloDesde) return 'amarillo';
  return 'rojo';
}

export const ESTADOS_ACTIVIDAD = ['sin_iniciar', 'en_curso', 'atrasada', 'cumplida', 'sin_reporte'] as const;
export type EstadoActividad = (typeof ESTADOS_ACTIVIDAD)[number];

export const NOMBRE_ESTADO: Record<EstadoActividad, string> = {
  sin_iniciar: 'Sin iniciar',
  en_curso: 'En curso',
  atrasada: 'Atrasada',
  cumplida: 'Cumplida',
  sin_reporte: 'Sin reporte',
};

export interface SituacionActividad {
  /** Whether a report exists for the last closed period that the activity spans. */
  reportoUltimoPeriodo: boolean;
  /** Accumulated % of the annual goal, 0–∞ (null: no goal). */
  avance: number | null;
  /** Accumulated % of what was planned to date (null: nothing planned yet). */
  cumplimiento: number | null;
  /** Has the activity's start date come? */
  iniciada: boolean;
  /** Did a period whose window closed fall within the activity's dates? */
  debiaReportar: boolean;
}

/**
 * One status per activity, in order of what needs attention: a missing report hides everything else;
 * the goal reached is «cumplida»; below the green threshold of what was planned is «atrasada».
 */
export function estadoActividad(
  s: SituacionActividad,
  r: RangosSemaforo = RANGOS_POR_DEFECTO,
): EstadoActividad {
  if (s.debiaReportar && !s.reportoUltimoPeriodo) return 'sin_reporte';
  if (s.avance !== null && Number.isFinite(s.avance) && s.avance >= 100) return 'cumplida';
  if (!s.iniciada) return 'sin_iniciar';
  if (s.cumplimiento !== null && s.cumplimiento < r.verdeDesde) return 'atrasada';
  return 'en_curso';
}
