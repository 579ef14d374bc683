// An autodiagnóstico's review: the policy's responsible answers and sends it; planeación accepts it as
// reviewed or returns it with observations, and the responsible answers again. Answers change only in a draft.
import type { Permiso } from './roles.ts';

export const ESTADOS_AUTODIAGNOSTICO = ['borrador', 'enviado', 'devuelto', 'revisado'] as const;
export type EstadoAutodiagnostico = (typeof ESTADOS_AUTODIAGNOSTICO)[number];

export const NOMBRE_ESTADO_AUTODIAGNOSTICO: Record<EstadoAutodiagnostico, string> = {
  borrador: 'En diligenciamiento',
  enviado: 'Enviado a planeación',
  devuelto: 'Devuelto con observaciones',
  revisado: 'Revisado por planeación',
};

export type AccionAutodiagnostico = 'enviar' | 'revisar' | 'devolver';

export const TRANSICIONES_AUTODIAGNOSTICO: Record<
  AccionAutodiagnostico,
  {
    desde: readonly EstadoAutodiagnostico[];
    hacia: EstadoAutodiagnostico;
    permiso: Permiso;
    observaciones: boolean;
  }
> = {
  enviar: {
    desde: ['borrador', 'devuelto'],
    hacia: 'enviado',
    permiso: 'autodiagnostico.responder',
    observaciones: false,
  },
  revisar: {
    desde: ['enviado'],
    hacia: 'revisado',
    permiso: 'autodiagnostico.revisar',
    observaciones: false,
  },
  devolver: {
    desde: ['enviado'],
    hacia: 'devuelto',
    permiso: 'autodiagnostico.revisar',
    observaciones: true,
  },
};

/** Answers are written while the responsible holds the autodiagnóstico: a draft or a returned one. */
export const ESTADOS_CON_RESPUESTAS: readonly EstadoAutodiagnostico[] = ['borrador', 'devuelto'];

/** Why the action cannot happen from `estado`, in Spanish; null when it can. */
export function problemaTransicion(
  accion: AccionAutodiagnostico,
  estado: EstadoAutodiagnostico,
): string | null {
  const t = TRANSICIONES_AUTODIAGNOSTICO[accion];
  if (t.desde.includes(estado)) return null;
  const verbo = { enviar: 'enviar', revisar: 'marcar como revisado', devolver: 'devolver' }[accion];
  return `No se puede ${verbo} un autodiagnóstico en estado «${NOMBRE_ESTADO_AUTODIAGNOSTICO[estado]}».`;
}

/**
 * Why an improvement action of a gap cannot go to the plan of `vigenciaPlan` with `politica`, per field (empty
 * when it can): it lands in the autodiagnóstico's vigencia or a later one, tagged with its policy.
 */
export function problemasAccionMejora(
  autodiagnostico: { vigencia: number; politica: string },
  vigenciaPlan: number,
  politica: string,
): { campo: string; mensaje: string }[] {
  const problemas: { campo: string; mensaje: string }[] = [];
  if (vigenciaPlan < autodiagnostico.vigencia)
    problemas.push({
      campo: 'vigencia',
      mensaje: `el autodiagnóstico es de ${autodiagnostico.vigencia}: elija el plan de ${autodiagnostico.vigencia} o uno posterior`,
    });
  if (politica !== autodiagnostico.politica)
    problemas.push({ campo: 'politica', mensaje: 'debe ser la política del autodiagnóstico' });
  return problemas;
}
