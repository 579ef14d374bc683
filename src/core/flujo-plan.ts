// Approval workflow of the action plan: planeación prepares and publishes; the Comité Institucional de
// Gestión y Desempeño (alta dirección) approves or returns. Control interno never approves what it will audit.
export const ESTADOS_PLAN = ['borrador', 'enviado', 'aprobado', 'publicado'] as const;
export type EstadoPlan = (typeof ESTADOS_PLAN)[number];
export type AccionPlan = 'enviar' | 'devolver' | 'aprobar' | 'publicar';

export const TRANSICIONES: Record<AccionPlan, { desde: EstadoPlan; hacia: EstadoPlan; verbo: string }> = {
  enviar: { desde: 'borrador', hacia: 'enviado', verbo: 'enviar a aprobación' },
  devolver: { desde: 'enviado', hacia: 'borrador', verbo: 'devolver' },
  aprobar: { desde: 'enviado', hacia: 'aprobado', verbo: 'aprobar' },
  publicar: { desde: 'aprobado', hacia: 'publicado', verbo: 'publicar' },
};

export type ResultadoTransicion = { ok: true; hacia: EstadoPlan } | { ok: false; mensaje: string };

export function transicionPlan(estado: EstadoPlan, accion: AccionPlan): ResultadoTransicion {
  const t = TRANSICIONES[accion];
  if (t.desde !== estado)
    return { ok: false, mensaje: `No se puede ${t.verbo} un plan ${estado}: debe estar ${t.desde}.` };
  return { ok: true, hacia: t.hacia };
}

/** What the loser of two simultaneous steps reads: the plan moved on while the person looked at it. */
export const mensajePlanCambiado = (estado: string, version: number) =>
  `El plan cambió mientras usted lo revisaba: ahora está «${estado}» (versión ${version}). Recargue y revise de nuevo.`;

type PlanEstado = { estado: string; version: number };

/**
 * Follow-up is reported against a plan the committee approved at least once: the first version once
 * approved, or any later version (its activities were approved before; a change in course keeps them).
 */
export const aprobadoAlgunaVez = (p: PlanEstado) =>
  p.estado === 'aprobado' || p.estado === 'publicado' || p.version > 1;

/**
 * Citizens see a plan once it was published; a new version in course keeps the published one visible. A
 * version approved but never published (then reopened) is not: the publication date says it was published.
 */
export const visibleAlPublico = (p: PlanEstado & { fechaPublicacion: string | null }) =>
  p.estado === 'publicado' || p.fechaPublicacion !== null;

/**
 * The committee's session that approved the plan already took place: not after today (Colombia), and not
 * before the year preceding the vigencia (a plan is approved in December of the year before at the earliest).
 */
export function problemaFechaSesion(fecha: string, vigencia: number, hoy: string): string | null {
  if (fecha > hoy) return 'la sesión del comité no puede tener fecha futura';
  if (fecha < `${vigencia - 1}-01-01`)
    return `la sesión del comité que aprueba el plan ${vigencia} no puede ser anterior a ${vigencia - 1}`;
  return null;
}

/** The administrative act that adopts the plan: a resolución of the legal representative or an acuerdo. */
export const TIPOS_ACTO = ['resolucion', 'acuerdo'] as const;
export type TipoActo = (typeof TIPOS_ACTO)[number];
export const NOMBRE_ACTO: Record<TipoActo, string> = { resolucion: 'Resolución', acuerdo: 'Acuerdo' };

/** The act is dated like the session: not in the future, not before the year preceding the vigencia. */
export function problemaFechaActo(fecha: string, vigencia: number, hoy: string): string | null {
  if (fecha > hoy) return 'el acto administrativo no puede tener fecha futura';
  if (fecha < `${vigencia - 1}-01-01`)
    return `el acto que adopta el plan ${vigencia} no puede ser anterior a ${vigencia - 1}`;
  return null;
}

/**
 * Decreto 612 de 2018: the action plan of the vigencia is published on the entity's website by 31 January.
 * From 1 February a plan never published (or no plan at all) is overdue.
 */
export const limitePublicacion = (vigencia: number) => `${vigencia}-01-31`;
export function publicacionVencida(
  plan: (PlanEstado & { fechaPublicacion: string | null }) | null,
  vigencia: number,
  hoy: string,
) {
  if (hoy <= limitePublicacion(vigencia)) return false;
  return !plan || !visibleAlPublico(plan);
}

/** A publication is dated by then: not in the future, not before the year preceding the vigencia. */
export function problemaFechaPublicacion(fecha: string, vigencia: number, hoy: string): string | null {
  if (fecha > hoy) return 'la fecha de publicación no puede ser futura';
  if (fecha < `${vigencia - 1}-01-01`)
    return `la publicación del plan ${vigencia} no puede ser anterior a ${vigencia - 1}`;
  return null;
}
