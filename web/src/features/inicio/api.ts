import type { Notificaciones } from '@contrato/notificaciones.ts';
import type { Avisos, Pendiente } from '@contrato/pendientes.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';

export const inicioKeys = {
  pendientes: ['pendientes'] as const,
  pendientesDe: (entidadId: string | undefined, vigencia: number) =>
    ['pendientes', entidadId, vigencia] as const,
  // Under «pendientes»: whatever refreshes a person's to-do list refreshes the entity's notices too.
  avisosDe: (entidadId: string | undefined, vigencia: number) =>
    ['pendientes', 'avisos', entidadId, vigencia] as const,
  notificaciones: ['notificaciones'] as const,
};

export const pendientesQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: inicioKeys.pendientesDe(entidadId, vigencia),
    queryFn: () =>
      api<{ pendientes: Pendiente[] }>('GET', `/api/entidades/${entidadId}/pendientes?vigencia=${vigencia}`),
    enabled: !!entidadId,
  });

export const avisosQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: inicioKeys.avisosDe(entidadId, vigencia),
    queryFn: () => api<Avisos>('GET', `/api/entidades/${entidadId}/avisos?vigencia=${vigencia}`),
    enabled: !!entidadId,
  });

export const notificacionesQuery = () =>
  queryOptions({
    queryKey: inicioKeys.notificaciones,
    queryFn: () => api<Notificaciones>('GET', '/api/notificaciones'),
    refetchInterval: 120_000,
  });

export function useMarcarLeidas() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: () => api('POST', '/api/notificaciones/leidas'),
    onSuccess: () => cliente.invalidateQueries({ queryKey: inicioKeys.notificaciones }),
  });
}
