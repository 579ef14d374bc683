// Control interno (3.ª línea) verifies selectively: under its Plan Anual de Auditoría it picks, for each
// vigencia, which reports it will verify — by policy, by dependencia, a reproducible random sample, or activity
// by activity. A report not chosen is complete once planeación accepts it. And it never reviews its own
// people: a report on the Control Interno policy by someone of control interno is verified by planeación.
import type { EstadoSeguimiento } from './seguimiento.ts';

export const TIPOS_CRITERIO = ['todas', 'politica', 'dependencia', 'muestra', 'actividad'] as const;
export type TipoCriterio = (typeof TIPOS_CRITERIO)[number];

export const NOMBRE_TIPO_CRITERIO: Record<TipoCriterio, string> = {
  todas: 'Todas las actividades',
  politica: 'Por política',
  dependencia: 'Por dependencia',
  muestra: 'Muestra aleatoria',
  actividad: 'Actividad elegida una a una',
};

export interface CriterioVerificacion {
  tipo: TipoCriterio;
  politica?: string | null;
  dependenciaId?: string | null;
  actividadId?: string | null;
  /** Of the vigencia's activities, for a sample: 1 to 100. */
  porcentaje?: number | null;
  /** Makes the sample reproducible: the same seed and plan always draw the same activities. */
  semilla?: string | null;
}

/** One criterion of a kind per target: the same policy twice is the same choice (the database keeps it unique). */
export function claveCriterio(c: CriterioVerificacion): string {
  switch (c.tipo) {
    case 'todas':
    case 'muestra':
      return c.tipo;
    case 'politica':
      return `politica:${c.politica}`;
    case 'dependencia':
      return `dependencia:${c.dependenciaId}`;
    case 'actividad':
      return `actividad:${c.actividadId}`;
  }
}

/** FNV-1a, 32 bits: the same number on the server, the browser and in a test, for the same text. */
function fnv1a(texto: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < texto.length; i++) {
    h ^= texto.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The sample: ⌈porcentaje % of the activities⌉, ranked by a hash of seed and id. Reproducible (the same seed
 * and the same activities give the same sample whoever computes it) and stable when one activity is added:
 * the rest keep their rank.
 */
export function muestraReproducible(
  actividadIds: readonly string[],
  porcentaje: number,
  semilla: string,
): Set<string> {
  const cuantas = Math.min(actividadIds.length, Math.ceil((actividadIds.length * porcentaje) / 100));
  const ordenadas = [...new Set(actividadIds)]
    .map((id) => ({ id, h: fnv1a(`${semilla}:${id}`) }))
    .sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Set(ordenadas.slice(0, cuantas).map((x) => x.id));
}

export interface ActividadVerificable {
  id: string;
  politica: string;
  dependenciaId: string | null;
}

/**
 * Whether control interno chose the activity. Without any criterion for the vigencia everything is chosen:
 * until control interno records its selection, nothing accepted goes unverified by default.
 */
export function actividadSeleccionada(
  criterios: readonly CriterioVerificacion[],
  a: ActividadVerificable,
  enMuestra: ReadonlySet<string>,
): boolean {
  if (criterios.length === 0) return true;
  return criterios.some((c) => cubre(c, a, enMuestra));
}

function cubre(c: CriterioVerificacion, a: ActividadVerificable, enMuestra: ReadonlySet<string>): boolean {
  switch (c.tipo) {
    case 'todas':
      return true;
    case 'politica':
      return c.politica === a.politica;
    case 'dependencia':
      return c.dependenciaId != null && c.dependenciaId === a.dependenciaId;
    case 'actividad':
      return c.actividadId === a.id;
    case 'muestra':
      return enMuestra.has(a.id);
  }
}

/** The Control Interno policy of the MIPG catalog (dimension 7, FURAG code POL19), by its key. */
export const POLITICA_CONTROL_INTERNO = 'control_interno';

export const LINEAS_VERIFICADORAS = ['control_interno', 'planeacion'] as const;
export type LineaVerificadora = (typeof LINEAS_VERIFICADORAS)[number];

export const MOTIVO_SIN_AUTORREVISION =
  'Este reporte es de la política de Control Interno y lo reportó o tiene a cargo personal de control interno: lo verifica planeación, porque control interno no revisa su propio trabajo.';

/**
 * Who verifies a report: control interno, except its own people's reports on the Control Interno policy,
 * which planeación verifies (control interno must not review its own work). `deControlInterno`: the person
 * who reported or one in charge of the activity holds the control interno role in the entity.
 */
export function quienVerifica(
  politica: string,
  deControlInterno: boolean,
): { linea: LineaVerificadora; motivo: string | null } {
  if (politica === POLITICA_CONTROL_INTERNO && deControlInterno)
    return { linea: 'planeacion', motivo: MOTIVO_SIN_AUTORREVISION };
  return { linea: 'control_interno', motivo: null };
}

/**
 * Chosen or not, and who verifies. Control interno's selection does not reach its own work: a report that
 * planeación verifies instead (quienVerifica) is always verified, whatever control interno chose.
 */
export function estadoVerificacion(
  criterios: readonly CriterioVerificacion[],
  a: ActividadVerificable,
  enMuestra: ReadonlySet<string>,
  deControlInterno: boolean,
): { seleccionada: boolean; linea: LineaVerificadora; motivo: string | null } {
  const quien = quienVerifica(a.politica, deControlInterno);
  return {
    seleccionada: quien.linea === 'planeacion' || actividadSeleccionada(criterios, a, enMuestra),
    ...quien,
  };
}

/**
 * Where a report stands for the third line. «completo»: accepted and not chosen for verification, nothing
 * more is owed; «pendiente»: accepted and chosen, it waits for its verifier; the rest follow the state.
 */
export const SITUACIONES_VERIFICACION = [
  'sin_aceptar',
  'completo',
  'pendiente',
  'verificado',
  'con_observaciones',
  'respondido',
] as const;
export type SituacionVerificacion = (typeof SITUACIONES_VERIFICACION)[number];

export const NOMBRE_SITUACION: Record<SituacionVerificacion, string> = {
  sin_aceptar: 'Aún no aceptado por planeación',
  completo: 'Completo: no seleccionado para verificación',
  pendiente: 'Pendiente de verificación',
  verificado: 'Verificado',
  con_observaciones: 'Con observaciones, esperando respuesta del responsable',
  respondido: 'Respondido, esperando el cierre de la verificación',
};

export function situacionVerificacion(
  estado: EstadoSeguimiento,
  seleccionada: boolean,
): SituacionVerificacion {
  switch (estado) {
    case 'aceptado':
      return seleccionada ? 'pendiente' : 'completo';
    case 'verificado':
    case 'con_observaciones':
    case 'respondido':
      return estado;
    default:
      return 'sin_aceptar';
  }
}

/**
 * Criteria of a vigencia's selection: beyond a few hundred activities chosen one by one, a sample or a
 * policy says the same and keeps every dashboard's check of the selection short.
 */
export const MAXIMO_CRITERIOS_VERIFICACION = 300;

/** Control interno's own percentage of the period: 0 to 100, two decimals. */
export const LIMITE_AVANCE_VERIFICADO = { min: 0, max: 100, decimales: 2 } as const;

export interface ResumenVerificacion {
  /** Reports of the period accepted by planeación (whatever happened next). */
  aceptados: number;
  /** Of those, chosen for verification (or already verified or observed, which means chosen). */
  seleccionados: number;
  verificados: number;
  /** With observations or answered: the reply step is open. */
  enRespuesta: number;
  /** Chosen and accepted, nobody has verified them yet. */
  pendientes: number;
  /** Accepted and not chosen: complete without verification. */
  completos: number;
  /** verificados ÷ seleccionados × 100; null when nothing was chosen. */
  porcentajeVerificado: number | null;
}

/** The share verified that the dashboard shows, from each report's situation. */
export function resumenVerificacion(situaciones: readonly SituacionVerificacion[]): ResumenVerificacion {
  const n = (s: SituacionVerificacion) => situaciones.filter((x) => x === s).length;
  const verificados = n('verificado');
  const enRespuesta = n('con_observaciones') + n('respondido');
  const pendientes = n('pendiente');
  const completos = n('completo');
  const seleccionados = verificados + enRespuesta + pendientes;
  return {
    aceptados: seleccionados + completos,
    seleccionados,
    verificados,
    enRespuesta,
    pendientes,
    completos,
    porcentajeVerificado: seleccionados ? (verificados / seleccionados) * 100 : null,
  };
}

/** The verification of a report in one line (Excel, the sheet): where it stands, and who verifies if not control interno. */
export function textoVerificacion(v: { situacion: SituacionVerificacion; linea: LineaVerificadora }): string {
  const base = NOMBRE_SITUACION[v.situacion];
  return v.linea === 'planeacion' && v.situacion !== 'completo'
    ? `${base} (verifica planeación: es trabajo de control interno sobre su propia política)`
    : base;
}
