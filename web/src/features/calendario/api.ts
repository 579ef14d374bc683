import type { Ajuste, AjusteEntrada, CalendarioEntidad } from '@contrato/calendario.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';

export const calendarioKeys = {
  todo: ['calendario'] as const,
  entidad: (entidadId: string | undefined, anio: number) => ['calendario', entidadId, anio] as const,
};

export const calendarioQuery = (entidadId: string | undefined, anio: number) =>
  queryOptions({
    queryKey: calendarioKeys.entidad(entidadId, anio),
    queryFn: () => api<CalendarioEntidad>('GET', `/api/entidades/${entidadId}/calendario?anio=${anio}`),
    enabled: !!entidadId,
  });

/** Where an adjustment goes: the entity's own, or (platform admin only) every entity's. */
export type Alcance = Ajuste['alcance'];

const base = (entidadId: string, alcance: Alcance) =>
  alcance === 'plataforma' ? '/api/calendario/ajustes' : `/api/entidades/${entidadId}/calendario/ajustes`;

// Deadlines of every page (windows, days left) change with the calendar: everything cached is stale.
const refrescar = (cliente: ReturnType<typeof useQueryClient>) => cliente.invalidateQueries();

export function useAgregarAjuste(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ alcance, datos }: { alcance: Alcance; datos: AjusteEntrada }) =>
      api<Ajuste>('POST', base(entidadId, alcance), datos),
    onSuccess: () => refrescar(cliente),
  });
}

export function useQuitarAjuste(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (a: Ajuste) => api('DELETE', `${base(entidadId, a.alcance)}/${a.id}`),
    onSuccess: () => refrescar(cliente),
  });
}
