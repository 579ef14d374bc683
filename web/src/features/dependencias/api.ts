import type { Dependencia } from '@contrato/dependencias.ts';
import type { Importacion } from '@contrato/excel.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { useImportarPlantilla } from '../../api-archivos.ts';

export const dependenciaKeys = {
  todo: ['dependencias'] as const,
  lista: (entidadId: string | undefined) => ['dependencias', entidadId] as const,
};

export const dependenciasQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: dependenciaKeys.lista(entidadId),
    queryFn: () => api<Dependencia[]>('GET', `/api/entidades/${entidadId}/dependencias`),
    enabled: !!entidadId,
  });

export interface DatosDependencia {
  nombre: string;
  codigo: string | null;
  padreId: string | null;
}

export function useGuardarDependencia(entidadId: string) {
  const cliente = useQueryClient();
  const base = `/api/entidades/${entidadId}/dependencias`;
  return useMutation({
    mutationFn: ({ id, datos }: { id: string | null; datos: DatosDependencia }) =>
      id ? api('PUT', `${base}/${id}`, datos) : api('POST', base, datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: dependenciaKeys.lista(entidadId) }),
  });
}

export function useEliminarDependencia(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (d: Dependencia) => api('DELETE', `/api/entidades/${entidadId}/dependencias/${d.id}`),
    onSuccess: () => cliente.invalidateQueries({ queryKey: dependenciaKeys.lista(entidadId) }),
  });
}

/** Many dependencias at once from the template (.xlsx or .csv): all of them or none, with the file's problems. */
export const useImportarDependencias = (entidadId: string) =>
  useImportarPlantilla<Importacion>(
    `/api/entidades/${entidadId}/dependencias/importar`,
    dependenciaKeys.lista(entidadId),
  );
