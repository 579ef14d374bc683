import type { Ajuste, AjusteEntrada, CalendarioEntidad } from '@contrato/calendario.ts';
import type {
  AgregarEvento,
  CalendarioLegal,
  EventoCalendario,
  MoverEvento,
  QuitarEvento,
  Suscripcion,
  VentanaFuragEntrada,
} from '@contrato/calendario-legal.ts';
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

// ---------- Calendario legal ----------
export const calendarioLegalKeys = {
  vigencia: (entidadId: string | undefined, vigencia: number) =>
    ['calendario-legal', entidadId, vigencia] as const,
};

export const calendarioLegalQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: calendarioLegalKeys.vigencia(entidadId, vigencia),
    queryFn: () => api<CalendarioLegal>('GET', `/api/entidades/${entidadId}/calendario-legal/${vigencia}`),
    enabled: !!entidadId,
  });

const refrescarLegal = (cliente: ReturnType<typeof useQueryClient>) =>
  cliente.invalidateQueries({ queryKey: ['calendario-legal'] });

export function useEditarEvento(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  const base = `/api/entidades/${entidadId}/calendario-legal/${vigencia}/eventos`;
  const opciones = { onSuccess: () => refrescarLegal(cliente) };
  return {
    agregar: useMutation({
      mutationFn: (datos: AgregarEvento) => api<EventoCalendario>('POST', base, datos),
      ...opciones,
    }),
    mover: useMutation({
      mutationFn: ({ clave, datos }: { clave: string; datos: MoverEvento }) =>
        api<EventoCalendario>('PUT', `${base}/${clave}`, datos),
      ...opciones,
    }),
    quitar: useMutation({
      mutationFn: ({ clave, datos }: { clave: string; datos: QuitarEvento }) =>
        api('POST', `${base}/${clave}/quitar`, datos),
      ...opciones,
    }),
    restaurar: useMutation({
      mutationFn: (clave: string) => api('DELETE', `${base}/${clave}`),
      ...opciones,
    }),
  };
}

/** The platform administrator registers the year's FURAG window for every entity. */
export function useVentanaFurag(anio: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: VentanaFuragEntrada) => api('PUT', `/api/calendario/furag/${anio}`, datos),
    onSuccess: () => refrescarLegal(cliente),
  });
}

export function useDiasAviso(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (diasAviso: number) =>
      api('PUT', `/api/entidades/${entidadId}/calendario-legal/aviso`, { diasAviso }),
    onSuccess: () => refrescarLegal(cliente),
  });
}

export function useSuscripcion(entidadId: string) {
  const cliente = useQueryClient();
  const url = `/api/entidades/${entidadId}/calendario/suscripcion`;
  return {
    crear: useMutation({
      mutationFn: () => api<Suscripcion>('POST', url),
      onSuccess: () => refrescarLegal(cliente),
    }),
    revocar: useMutation({
      mutationFn: () => api('DELETE', url),
      onSuccess: () => refrescarLegal(cliente),
    }),
  };
}
