import type { Catalogo } from '@contrato/catalogo.ts';
import type { Responsable } from '@contrato/responsables.ts';
import { aplicaPolitica } from '@core/catalogo.ts';
import type { TipoFormulario } from '@core/entidad.ts';
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

/**
 * The catalog as an entity sees it: only the policies its FURAG form includes, and only the dimensions
 * that keep one (a MECI entity — a concejo, a personería — sees Control Interno alone).
 */
export function catalogoAplicable(c: Catalogo, tipoFormulario: TipoFormulario | undefined): Catalogo {
  if (!tipoFormulario) return c;
  return {
    ...c,
    dimensiones: c.dimensiones
      .map((d) => ({ ...d, politicas: d.politicas.filter((p) => aplicaPolitica(p, tipoFormulario)) }))
      .filter((d) => d.politicas.length > 0),
  };
}

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
