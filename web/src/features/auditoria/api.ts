import type { EslabonAuditoria } from '@core/cadena-hash.ts';
import { queryOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../api.ts';

export type Registro = Omit<EslabonAuditoria, 'hashAnterior' | 'usuarioId'>;
export interface Verificacion {
  ok: boolean;
  revisados: number;
  idRoto?: number;
  motivo?: string;
}

/** `entidadId` null is the whole platform (only its administrator may read it). */
const base = (entidadId: string | null) =>
  entidadId ? `/api/entidades/${entidadId}/auditoria` : '/api/auditoria';

export const auditoriaKeys = {
  todo: ['auditoria'] as const,
  registros: (entidadId: string | null, parametros: string) => ['auditoria', entidadId, parametros] as const,
};

export const registrosQuery = (entidadId: string | null, parametros: URLSearchParams, activa = true) =>
  queryOptions({
    queryKey: auditoriaKeys.registros(entidadId, parametros.toString()),
    queryFn: () => api<{ total: number; registros: Registro[] }>('GET', `${base(entidadId)}?${parametros}`),
    enabled: activa,
  });

export function useVerificarBitacora(entidadId: string | null) {
  return useMutation({
    mutationFn: () => api<Verificacion>('GET', `${base(entidadId)}/verificacion`),
    // A check that reads, not a save: leaving while it runs loses nothing.
    meta: { sinAviso: true },
  });
}
