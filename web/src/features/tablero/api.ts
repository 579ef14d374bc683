// The dashboard's queries: its summary (figures) and its activities by pages, with keys from one factory.
// The browser revalidates both with their ETag (the server answers 304 while nothing changed).
import type { ActividadesTablero, ConsultaActividadesTablero, ResumenTablero } from '@contrato/tablero.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api.ts';

export type FiltrosActividades = Omit<ConsultaActividadesTablero, 'vigencia' | 'periodo'>;

export const tableroKeys = {
  todo: ['tablero'] as const,
  resumen: (entidadId: string, vigencia: number, periodo: number | null) =>
    [...tableroKeys.todo, entidadId, vigencia, periodo] as const,
  actividades: (entidadId: string, vigencia: number, periodo: number, filtros: FiltrosActividades) =>
    [...tableroKeys.todo, entidadId, vigencia, periodo, 'actividades', filtros] as const,
};

export const resumenTablero = (entidadId: string, vigencia: number, periodo: number | null) =>
  queryOptions({
    queryKey: tableroKeys.resumen(entidadId, vigencia, periodo),
    queryFn: () =>
      api<ResumenTablero>(
        'GET',
        `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}${periodo === null ? '' : `&periodo=${periodo}`}`,
      ),
  });

export const actividadesTablero = (
  entidadId: string,
  vigencia: number,
  periodo: number,
  filtros: FiltrosActividades,
) =>
  queryOptions({
    queryKey: tableroKeys.actividades(entidadId, vigencia, periodo, filtros),
    queryFn: () => {
      const q = new URLSearchParams({ vigencia: String(vigencia), periodo: String(periodo) });
      for (const [k, v] of Object.entries(filtros)) if (v !== undefined && v !== '') q.set(k, String(v));
      return api<ActividadesTablero>('GET', `/api/entidades/${entidadId}/tablero/actividades?${q}`);
    },
    // The previous page stays on screen while the next one arrives: the table keeps its place.
    placeholderData: (anterior) => anterior,
  });
