// Proposals of the 1.ª línea: a responsible de política drafts the activities of their policy; planeación
// consolidates them into the plan (incorporada, perhaps edited, keeping the author) or sets them aside
// with a reason (descartada). Only a pending proposal changes.
export const ESTADOS_PROPUESTA = ['pendiente', 'incorporada', 'descartada'] as const;
export type EstadoPropuesta = (typeof ESTADOS_PROPUESTA)[number];

export const NOMBRE_ESTADO_PROPUESTA: Record<EstadoPropuesta, string> = {
  pendiente: 'Pendiente',
  incorporada: 'Incorporada al plan',
  descartada: 'Descartada',
};

/** The plan accepts proposals while planeación can still edit it: a borrador. */
export const planAceptaPropuestas = (plan: { estado: string } | null) => !plan || plan.estado === 'borrador';

export const mensajePropuestaResuelta = (estado: EstadoPropuesta) =>
  `La propuesta ya está «${NOMBRE_ESTADO_PROPUESTA[estado].toLowerCase()}»: recargue para ver su estado.`;

/**
 * Pending proposals one author may keep in a vigencia: a policy's plan holds a few dozen activities, and
 * planeación must read each one. A bound keeps a runaway client from filling its screen.
 */
export const MAXIMO_PROPUESTAS_PENDIENTES = 100;
