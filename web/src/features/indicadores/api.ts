import type { Indicador } from '@contrato/indicadores.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';

export const indicadorKeys = {
  todo: ['indicadores'] as const,
  lista: (entidadId: string | undefined, vigencia: number) => ['indicadores', entidadId, vigencia] as const,
};

export const indicadoresQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: indicadorKeys.lista(entidadId, vigencia),
    queryFn: () => api<Indicador[]>('GET', `/api/entidades/${entidadId}/indicadores?vigencia=${vigencia}`),
    enabled: !!entidadId,
  });

export function useCrearIndicador(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: object) => api<Indicador>('POST', `/api/entidades/${entidadId}/indicadores`, datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: indicadorKeys.todo }),
  });
}

export function useMedirIndicador(entidadId: string, indicadorId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({
      periodo,
      ...datos
    }: {
      periodo: string;
      numerador?: number;
      denominador: number | null;
      observacion: string | null;
    }) => api('PUT', `/api/entidades/${entidadId}/indicadores/${indicadorId}/mediciones/${periodo}`, datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: indicadorKeys.todo }),
  });
}
