import { TABLA_MAXIMA_BYTES } from '@contrato/excel.ts';
import type { CargaRecomendaciones, Recomendaciones, Trazabilidad } from '@contrato/furag-recomendaciones.ts';
import type { ActividadEntrada } from '@contrato/plan.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { importarTabla } from '../../api-archivos.ts';
import { inicioKeys } from '../inicio/api.ts';
import { planKeys } from '../plan/api.ts';

export const recomendacionesKeys = {
  entidad: (entidadId: string | undefined) => ['furag', entidadId, 'recomendaciones'] as const,
  lista: (entidadId: string | undefined, vigencia: number | undefined) =>
    ['furag', entidadId, 'recomendaciones', 'lista', vigencia ?? 'ultima'] as const,
  trazabilidad: (entidadId: string | undefined, id: string | undefined) =>
    ['furag', entidadId, 'recomendaciones', 'trazabilidad', id] as const,
};

const base = (entidadId: string | undefined) => `/api/entidades/${entidadId}/furag/recomendaciones`;

/** The recommendations of a vigencia of results (without one: the last one loaded for the entity). */
export const recomendacionesQuery = (entidadId: string | undefined, vigencia?: number) =>
  queryOptions({
    queryKey: recomendacionesKeys.lista(entidadId, vigencia),
    queryFn: () =>
      api<Recomendaciones>('GET', `${base(entidadId)}${vigencia ? `?vigencia=${vigencia}` : ''}`),
    enabled: !!entidadId,
  });

export const trazabilidadQuery = (entidadId: string | undefined, id: string | undefined) =>
  queryOptions({
    queryKey: recomendacionesKeys.trazabilidad(entidadId, id),
    queryFn: () => api<Trazabilidad>('GET', `${base(entidadId)}/${id}`),
    enabled: !!entidadId && !!id,
  });

/** The file of recommendations of a vigencia of results: all of it or nothing, with the file's problems. */
export function useCargarRecomendaciones(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ archivo, vigencia }: { archivo: File; vigencia: number }) =>
      importarTabla<CargaRecomendaciones>(
        `${base(entidadId)}/import?vigencia=${vigencia}`,
        archivo,
        TABLA_MAXIMA_BYTES,
      ),
    onSuccess: () => cliente.invalidateQueries({ queryKey: recomendacionesKeys.entidad(entidadId) }),
  });
}

/** A recommendation into the plan: an activity (planeación) or a proposal (the policy's responsible). */
export function useConvertirRecomendacion(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (a: {
      id: string;
      como: 'actividad' | 'propuesta';
      vigencia: number;
      actividad: ActividadEntrada;
    }) =>
      api('POST', `${base(entidadId)}/${a.id}/${a.como}`, { vigencia: a.vigencia, actividad: a.actividad }),
    onSuccess: async (_r, a) => {
      await cliente.invalidateQueries({ queryKey: recomendacionesKeys.entidad(entidadId) });
      await cliente.invalidateQueries({ queryKey: planKeys.plan(entidadId, a.vigencia) });
      await cliente.invalidateQueries({ queryKey: inicioKeys.pendientes });
    },
  });
}
