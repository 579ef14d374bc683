// Committees of an entity (MIPG's institucionalidad): the CIGD approves and follows up the plans, the CICCI
// approves the audit plan; members are posts (cargos), not people: people change, posts stay.
import type { OrganoAprobacion } from './entidad.ts';
import { problemaFechaSesion } from './flujo-plan.ts';
import { fechaCivil } from './formato.ts';
import type { Rol } from './roles.ts';
import { claveComparable } from './texto.ts';

export const TIPOS_COMITE = ['cigd', 'cicci', 'comite_territorial', 'organo_aprobacion', 'otro'] as const;
export type TipoComite = (typeof TIPOS_COMITE)[number];
export const NOMBRE_TIPO_COMITE: Record<TipoComite, string> = {
  cigd: 'Comité Institucional de Gestión y Desempeño',
  cicci: 'Comité Institucional de Coordinación de Control Interno',
  comite_territorial: 'Comité Territorial de Gestión y Desempeño',
  organo_aprobacion: 'Órgano que aprueba los planes',
  otro: 'Otro comité',
};

// First words of committee names that are feminine: «de la Junta Directiva», «de la Mesa Técnica»; any other
// head (Comité, Consejo, CIGD, CICCI, Grupo…) is masculine, as most committees in MIPG are.
const FEMENINOS = new Set([
  'junta',
  'mesa',
  'comision',
  'asamblea',
  'instancia',
  'red',
  'sala',
  'secretaria',
]);
const ARTICULO = /^(el|la|los|las)\s+/i;

/**
 * «de» with the article a committee's name takes, to write «Las sesiones del CIGD…», «… de la Junta Directiva».
 * A name typed with its article keeps it («El Comité…» → «del Comité…»).
 */
export function deComite(nombre: string): string {
  const limpio = nombre.trim();
  const articulo = ARTICULO.exec(limpio);
  if (articulo) {
    const resto = limpio.slice(articulo[0].length);
    const a = articulo[1]!.toLowerCase();
    return a === 'el' ? `del ${resto}` : `de ${a} ${resto}`;
  }
  const cabeza = claveComparable(limpio.split(/\s+/, 1)[0] ?? '');
  return FEMENINOS.has(cabeza) ? `de la ${limpio}` : `del ${limpio}`;
}

export const ROLES_INTEGRANTE = ['presidente', 'secretaria_tecnica', 'miembro', 'invitado'] as const;
export type RolIntegrante = (typeof ROLES_INTEGRANTE)[number];
export const NOMBRE_ROL_INTEGRANTE: Record<RolIntegrante, string> = {
  presidente: 'Presidente',
  secretaria_tecnica: 'Secretaría técnica',
  miembro: 'Miembro',
  invitado: 'Invitado',
};

export const CARACTERES_SESION = ['ordinaria', 'extraordinaria'] as const;
export type CaracterSesion = (typeof CARACTERES_SESION)[number];

export const TIPOS_DECISION = [
  'plan_aprobado',
  'modificacion_aprobada',
  'seguimiento_trimestral',
  'politica_adoptada',
  'plan_auditoria_aprobado',
  'otra',
] as const;
export type TipoDecision = (typeof TIPOS_DECISION)[number];
export const NOMBRE_DECISION: Record<TipoDecision, string> = {
  plan_aprobado: 'Aprobación del plan de acción',
  modificacion_aprobada: 'Aprobación de una modificación del plan de acción',
  seguimiento_trimestral: 'Seguimiento trimestral al plan de acción',
  politica_adoptada: 'Adopción de una política',
  plan_auditoria_aprobado: 'Aprobación del plan anual de auditoría',
  otra: 'Otra decisión',
};

/**
 * The committee that approves the entity's plans: the CIGD, or the entity's own body (Consejo de Gobierno,
 * Junta Directiva, Consejo Directivo) registered as `organo_aprobacion`.
 */
export const tipoComiteAprobador = (organo: OrganoAprobacion): TipoComite =>
  organo === 'cigd' ? 'cigd' : 'organo_aprobacion';

/**
 * Who convenes, records and decides in a committee: the entity's admin in any; control interno in the
 * CICCI (its technical secretary); planeación (the CIGD's technical secretary) in every other.
 */
export function puedeGestionarComite(roles: readonly string[], tipo: TipoComite): boolean {
  if (roles.includes('admin_entidad' satisfies Rol)) return true;
  if (tipo === 'cicci') return roles.includes('control_interno' satisfies Rol);
  return roles.includes('planeacion' satisfies Rol);
}

/**
 * Which committee may take each kind of decision, and with what data: the plan's approval and changes only
 * in the body that approves it; the audit plan only in the CICCI; the quarterly follow-up needs its period.
 */
export function problemaDecision(
  d: { tipo: TipoDecision; vigencia?: number | null; periodo?: number | null },
  comite: { tipo: TipoComite },
  aprobador: TipoComite,
): { campo: string; mensaje: string } | null {
  const delPlan = d.tipo === 'plan_aprobado' || d.tipo === 'modificacion_aprobada';
  if (delPlan && comite.tipo !== aprobador)
    return {
      campo: 'tipo',
      mensaje: `el plan de acción lo aprueba el ${NOMBRE_TIPO_COMITE[aprobador]}, no este comité`,
    };
  if (d.tipo === 'plan_auditoria_aprobado' && comite.tipo !== 'cicci')
    return { campo: 'tipo', mensaje: 'el plan anual de auditoría lo aprueba el CICCI' };
  if (d.tipo === 'seguimiento_trimestral' && comite.tipo !== 'cigd' && comite.tipo !== aprobador)
    return { campo: 'tipo', mensaje: 'el seguimiento trimestral al plan lo hace el CIGD' };
  if ((delPlan || d.tipo === 'seguimiento_trimestral') && !d.vigencia)
    return { campo: 'vigencia', mensaje: 'indique la vigencia del plan' };
  if (d.tipo === 'seguimiento_trimestral' && !d.periodo)
    return { campo: 'periodo', mensaje: 'indique el periodo cerrado al que se hace seguimiento' };
  return null;
}

/** A plan decision acts on the plan's version: the first one is approved, a later one is a modification. */
export function problemaVersionDecision(tipo: TipoDecision, version: number): string | null {
  if (tipo === 'plan_aprobado' && version > 1)
    return `el plan está en su versión ${version}: registre la decisión como aprobación de una modificación`;
  if (tipo === 'modificacion_aprobada' && version === 1)
    return 'el plan está en su primera versión: registre la decisión como aprobación del plan';
  return null;
}

export interface Integrante {
  id: string;
  voto: boolean;
  desde: string;
  hasta: string | null;
}

/** A post sits on the committee on `fecha` when the date falls within its validity. */
export const vigenteEn = (i: Pick<Integrante, 'desde' | 'hasta'>, fecha: string) =>
  i.desde <= fecha && (i.hasta === null || fecha <= i.hasta);

export interface Quorum {
  /** Posts with vote valid on the session's date. */
  conVoto: number;
  presentesConVoto: number;
  /** Half plus one of `conVoto`. */
  requeridos: number;
  hay: boolean;
}

/** Quorum to deliberate and decide: a majority of the members with vote valid on the session's date. */
export function quorum(
  integrantes: readonly Integrante[],
  presentes: readonly string[],
  fecha: string,
): Quorum {
  const votan = integrantes.filter((i) => i.voto && vigenteEn(i, fecha));
  const asistentes = new Set(presentes);
  const presentesConVoto = votan.filter((i) => asistentes.has(i.id)).length;
  const requeridos = Math.floor(votan.length / 2) + 1;
  return {
    conVoto: votan.length,
    presentesConVoto,
    requeridos,
    hay: votan.length > 0 && presentesConVoto >= requeridos,
  };
}

/** A session's date: never in the future (the same rule as the plan's approving session). */
export const problemaFechaSesionComite = (fecha: string, hoy: string) =>
  problemaFechaSesion(fecha, Number(fecha.slice(0, 4)), hoy);

/** A post's validity: from a date, until an optional later one. */
export function problemaVigenciaIntegrante(desde: string, hasta: string | null | undefined): string | null {
  if (hasta && hasta < desde) return 'la fecha final no puede ser anterior a la inicial';
  return null;
}

/** Once the signed acta is attached, the session is history: nothing in it changes. */
export const mensajeActaBloqueada = (numero: number, anio: string) =>
  `El acta n.º ${numero} de ${anio} ya tiene adjunta su versión firmada: la sesión quedó cerrada y no admite cambios.`;

export function problemaCambioSesion(s: {
  actaFirmada: boolean;
  numero: number;
  fecha: string;
}): string | null {
  return s.actaFirmada ? mensajeActaBloqueada(s.numero, s.fecha.slice(0, 4)) : null;
}

/** What waits for the committee, from which its agenda is built. */
export interface Pendientes {
  /** Plans sent for approval: version 1 is the plan, a later one a modification. */
  planesPorAprobar: { vigencia: number; version: number }[];
  /** Closed periods of the plan not yet followed up by the committee. */
  periodosSinSeguimiento: { vigencia: number; periodo: number; nombre: string }[];
  /** Commitments of earlier sessions still open. */
  compromisosAbiertos: number;
  /** Control interno's reports written (or rewritten) since the committee last met, oldest first. */
  informesControlInterno: InformeControlInterno[];
}

/** The PTEP's four-monthly follow-up (cuatrimestre 1–3) or the semiannual independent evaluation (semestre 1–2). */
export interface InformeControlInterno {
  informe: 'ptep' | 'meci';
  vigencia: number;
  numero: number;
}

const CORTES_PTEP = ['04-30', '08-31', '12-31'];
const SEMESTRES = ['primer', 'segundo'];

/** How a control-interno report is named in an agenda. */
export function puntoInformeControlInterno(i: InformeControlInterno): string {
  return i.informe === 'ptep'
    ? `Presentación del seguimiento de control interno al Programa de Transparencia y Ética Pública ${i.vigencia}: cuatrimestre ${i.numero}, corte al ${fechaCivil(`${i.vigencia}-${CORTES_PTEP[i.numero - 1]}`)}`
    : `Presentación de la evaluación independiente del estado del sistema de control interno: ${SEMESTRES[i.numero - 1]} semestre de ${i.vigencia}`;
}

/** Control interno reports to the committee that coordinates it (CICCI) and to the one that manages (CIGD). */
export const recibeInformesControlInterno = (tipo: TipoComite) => tipo === 'cigd' || tipo === 'cicci';

/** The agenda proposed for a new session (GTC 185: the order of the day is approved first). */
export function ordenDelDia(tipo: TipoComite, p: Pendientes): string[] {
  const puntos = ['Verificación del quórum', 'Lectura y aprobación del orden del día'];
  if (p.compromisosAbiertos)
    puntos.push(
      `Seguimiento a los compromisos de sesiones anteriores (${p.compromisosAbiertos} ${p.compromisosAbiertos === 1 ? 'abierto' : 'abiertos'})`,
    );
  for (const plan of p.planesPorAprobar)
    puntos.push(
      plan.version === 1
        ? `Estudio y aprobación del plan de acción ${plan.vigencia}`
        : `Estudio y aprobación de la modificación del plan de acción ${plan.vigencia} (versión ${plan.version})`,
    );
  if (tipo === 'cigd' || tipo === 'organo_aprobacion')
    for (const s of p.periodosSinSeguimiento)
      puntos.push(`Seguimiento al plan de acción ${s.vigencia}: ${s.nombre}`);
  if (recibeInformesControlInterno(tipo))
    for (const i of p.informesControlInterno) puntos.push(puntoInformeControlInterno(i));
  puntos.push('Proposiciones y varios');
  return puntos;
}

/** The same calendar day three months later (the last day of the month when it has no such day). */
export function sumarMeses(fecha: string, meses: number): string {
  const [a, m, d] = fecha.split('-').map(Number) as [number, number, number];
  const total = a * 12 + (m - 1) + meses;
  const anio = Math.floor(total / 12);
  const mes = (total % 12) + 1;
  const ultimo = new Date(Date.UTC(anio, mes, 0)).getUTCDate();
  return `${anio}-${String(mes).padStart(2, '0')}-${String(Math.min(d, ultimo)).padStart(2, '0')}`;
}

/**
 * Decreto 1499: the CIGD follows up the plan at least every three months. Counted from its last follow-up,
 * or, if none, from the plan's approval; null while within time (or when there is no approved plan).
 */
export function seguimientoVencido(
  ultimoSeguimiento: string | null,
  aprobacion: string | null,
  hoy: string,
): { desde: string; vence: string } | null {
  const desde = ultimoSeguimiento ?? aprobacion;
  if (!desde) return null;
  const vence = sumarMeses(desde, 3);
  return hoy > vence ? { desde, vence } : null;
}

/** A commitment's due date is shown as overdue from the day after it. */
export const compromisoVencido = (fecha: string, hoy: string) => hoy > fecha;
