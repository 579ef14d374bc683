// The year's settings and its current period: apart from the mutations (api.ts), since the tablero and
// seguimiento routes ask for them before their page's code arrives (rutas.tsx).
import type { VigenciaEntidad } from '@contrato/vigencias.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api.ts';

export const vigenciaKeys = {
  todo: ['vigencia'] as const,
  vigencia: (entidadId: string | undefined, vigencia: number) => ['vigencia', entidadId, vigencia] as const,
};

/** The entity's set-up of a year: periods, their windows and the semáforo thresholds. */
export const vigenciaQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: vigenciaKeys.vigencia(entidadId, vigencia),
    queryFn: () => api<VigenciaEntidad>('GET', `/api/entidades/${entidadId}/vigencias/${vigencia}`),
    enabled: !!entidadId,
  });

/** The period people are most likely reporting now: an open window, else the last cut-off passed. */
export function periodoSugerido(v: VigenciaEntidad) {
  const abierta = v.periodos.find((p) => p.ventana === 'abierta' && !p.cerrado);
  if (abierta) return abierta.numero;
  const pasados = v.periodos.filter((p) => p.ventana !== 'por_abrir');
  return (pasados.at(-1) ?? v.periodos[0])?.numero ?? 1;
}

/** The period asked for in the address if the year has it, else the suggested one. */
export const periodoVigente = (v: VigenciaEntidad, pedido: number | undefined) =>
  pedido !== undefined && v.periodos.some((p) => p.numero === pedido) ? pedido : periodoSugerido(v);
