import type {
  Ajuste,
  AjusteEntrada,
  CalendarioEntidad,
  VentanaFuragEntrada,
  VentanaFuragRespuesta,
} from '@contrato/calendario.ts';
import type {
  AgregarEvento,
  CalendarioLegal,
  EventoCalendario,
  MoverEvento,
  QuitarEvento,
  Suscripcion,
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

// ---------- The FURAG window (core/ventana-furag.ts) ----------
export const ventanaFuragKeys = {
  todo: ['ventana-furag'] as const,
  entidad: (entidadId: string | undefined, vigencia: number) =>
    ['ventana-furag', entidadId, vigencia] as const,
};

/** The window in which `vigencia` is reported (the year after it): the entity's, the platform's or the estimate. */
export const ventanaFuragQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: ventanaFuragKeys.entidad(entidadId, vigencia),
    queryFn: () =>
      api<VentanaFuragRespuesta>('GET', `/api/entidades/${entidadId}/calendario/furag/${vigencia}`),
    enabled: !!entidadId,
  });

const rutaVentana = (entidadId: string, alcance: Alcance, vigencia: number) =>
  alcance === 'plataforma'
    ? `/api/calendario/furag/${vigencia}`
    : `/api/entidades/${entidadId}/calendario/furag/${vigencia}`;

/** Records the dates (the entity's own, or the platform's for every entity) or, with `datos` null, removes them. */
export function useCambiarVentanaFurag(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ alcance, datos }: { alcance: Alcance; datos: VentanaFuragEntrada | null }) =>
      api<VentanaFuragRespuesta>(
        datos ? 'PUT' : 'DELETE',
        rutaVentana(entidadId, alcance, vigencia),
        datos ?? undefined,
      ),
    // The platform's dates change every entity's window, and the legal calendar shows it: all of it is stale.
    onSuccess: () =>
      Promise.all([
        cliente.invalidateQueries({ queryKey: ventanaFuragKeys.todo }),
        cliente.invalidateQueries({ queryKey: calendarioLegalKeys.todo }),
      ]),
  });
}
// ---------- Calendario legal ----------
export const calendarioLegalKeys = {
  todo: ['calendario-legal'] as const,
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
