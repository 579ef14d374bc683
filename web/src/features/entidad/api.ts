import type { Entidad } from '@contrato/entidades.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { subirArchivo } from '../../api-archivos.ts';
import { authKeys } from '../auth/api.ts';
import type { DatosEntidad } from './formulario-entidad.tsx';

export const entidadKeys = {
  todo: ['entidades'] as const,
  lista: () => ['entidades', 'lista'] as const,
  detalle: (entidadId: string | undefined) => ['entidades', 'detalle', entidadId] as const,
};

export const entidadesQuery = () =>
  queryOptions({ queryKey: entidadKeys.lista(), queryFn: () => api<Entidad[]>('GET', '/api/entidades') });

export const entidadQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: entidadKeys.detalle(entidadId),
    queryFn: () => api<Entidad>('GET', `/api/entidades/${entidadId}`),
    enabled: !!entidadId,
  });

export function useCrearEntidad() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (d: DatosEntidad) => api<Entidad>('POST', '/api/entidades', d),
    onSuccess: async () => {
      await cliente.invalidateQueries({ queryKey: entidadKeys.lista() });
      // The new entity appears in the session's list, where the header's selector reads it.
      await cliente.invalidateQueries({ queryKey: authKeys.sesion });
    },
  });
}

export function useGuardarEntidad(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (d: DatosEntidad) => api<Entidad>('PUT', `/api/entidades/${entidadId}`, d),
    onSuccess: (e) => {
      cliente.setQueryData(entidadKeys.detalle(e.id), e);
      cliente.invalidateQueries({ queryKey: entidadKeys.lista() });
      cliente.invalidateQueries({ queryKey: authKeys.sesion });
    },
  });
}

export function useSubirLogo(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (archivo: File) => subirArchivo(`/api/entidades/${entidadId}/logo`, archivo),
    onSuccess: () => cliente.invalidateQueries({ queryKey: entidadKeys.detalle(entidadId) }),
  });
}
