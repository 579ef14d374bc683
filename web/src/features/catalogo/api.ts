import type { Catalogo } from '@contrato/catalogo.ts';
import type { Responsable } from '@contrato/responsables.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';

export const catalogoKeys = {
  todo: ['catalogo'] as const,
  vigencias: () => ['catalogo', 'vigencias'] as const,
  politicas: (vigencia: number) => ['catalogo', 'politicas', vigencia] as const,
  responsables: (entidadId: string | undefined, vigencia: number) =>
    ['catalogo', 'responsables', entidadId, vigencia] as const,
};

/** The years the platform knows; they change only with a new release, so they are fetched once. */
export const vigenciasQuery = () =>
  queryOptions({
    queryKey: catalogoKeys.vigencias(),
    queryFn: () => api<{ vigencia: number }[]>('GET', '/api/catalogo/vigencias'),
    staleTime: Infinity,
  });

/** MIPG's dimensions and policies of a year (Decreto 1499 de 2017): fixed data, fetched once. */
export const catalogoQuery = (vigencia: number) =>
  queryOptions({
    queryKey: catalogoKeys.politicas(vigencia),
    queryFn: () => api<Catalogo>('GET', `/api/catalogo?vigencia=${vigencia}`),
    staleTime: Infinity,
  });

export const responsablesQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: catalogoKeys.responsables(entidadId, vigencia),
    queryFn: () => api<Responsable[]>('GET', `/api/entidades/${entidadId}/responsables?vigencia=${vigencia}`),
    enabled: !!entidadId,
  });

export function useAsignarResponsable(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({
      politica,
      ...cuerpo
    }: {
      politica: string;
      usuarioId: string | null;
      dependenciaId: string | null;
    }) => api('PUT', `/api/entidades/${entidadId}/responsables/${vigencia}/${politica}`, cuerpo),
    onSuccess: () => cliente.invalidateQueries({ queryKey: catalogoKeys.responsables(entidadId, vigencia) }),
  });
}
