import {
  type CandidatosFurag,
  type CargaFurag,
  type DepartamentoFurag,
  type HistoriaFurag,
  type PuntajesDigitados,
  type PuntajesDigitadosCuerpo,
  RESULTADOS_FURAG_MAXIMO_BYTES,
  type ResultadoFurag,
} from '@contrato/furag.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ErrorApi } from '../../api.ts';
import { importarTabla } from '../../api-archivos.ts';

export const furagKeys = {
  todo: ['furag'] as const,
  entidad: (entidadId: string | undefined, vigencia?: number) => ['furag', entidadId, vigencia] as const,
  historia: (entidadId: string | undefined) => ['furag', entidadId, 'historia'] as const,
  candidatos: (entidadId: string | undefined, vigencia?: number) =>
    ['furag', entidadId, 'candidatos', vigencia] as const,
  departamento: (entidadId: string | undefined, vigencia?: number, departamento?: string) =>
    ['furag', entidadId, 'departamento', vigencia, departamento] as const,
  digitados: (entidadId: string | undefined, vigencia: number) =>
    ['furag', entidadId, 'digitados', vigencia] as const,
};

/** A 404 (no file loaded, no row for the entity) is an answer, not a failure: it is not retried. */
const sin404 = (n: number, e: Error) => !(e instanceof ErrorApi && e.status === 404) && n < 1;
const consulta = (vigencia?: number, departamento?: string) => {
  const p = new URLSearchParams();
  if (vigencia !== undefined) p.set('vigencia', String(vigencia));
  if (departamento) p.set('departamento', departamento);
  const q = p.toString();
  return q ? `?${q}` : '';
};

/** The entity's official FURAG scores of a vigencia (the last loaded when none), against its grupo par. */
export const furagQuery = (entidadId: string | undefined, vigencia?: number) =>
  queryOptions({
    queryKey: furagKeys.entidad(entidadId, vigencia),
    queryFn: () => api<ResultadoFurag>('GET', `/api/entidades/${entidadId}/furag${consulta(vigencia)}`),
    enabled: !!entidadId,
    retry: sin404,
  });

export const historiaFuragQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: furagKeys.historia(entidadId),
    queryFn: () => api<HistoriaFurag>('GET', `/api/entidades/${entidadId}/furag/historia`),
    enabled: !!entidadId,
    retry: sin404,
  });

export const candidatosFuragQuery = (entidadId: string | undefined, vigencia?: number, activa = true) =>
  queryOptions({
    queryKey: furagKeys.candidatos(entidadId, vigencia),
    queryFn: () =>
      api<CandidatosFurag>('GET', `/api/entidades/${entidadId}/furag/candidatos${consulta(vigencia)}`),
    enabled: !!entidadId && activa,
    retry: sin404,
  });

export const departamentoFuragQuery = (
  entidadId: string | undefined,
  vigencia?: number,
  departamento?: string,
  activa = true,
) =>
  queryOptions({
    queryKey: furagKeys.departamento(entidadId, vigencia, departamento),
    queryFn: () =>
      api<DepartamentoFurag>(
        'GET',
        `/api/entidades/${entidadId}/furag/departamento${consulta(vigencia, departamento)}`,
      ),
    enabled: !!entidadId && activa,
    retry: (n, e) => !(e instanceof ErrorApi && [403, 404, 409].includes(e.status)) && n < 1,
  });

/** The platform administrator's load of a vigencia's national file; every entity's reading changes. */
export function useCargarResultados() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ vigencia, archivo }: { vigencia: number; archivo: File }) =>
      importarTabla<CargaFurag>(
        `/api/furag/resultados/import?vigencia=${vigencia}`,
        archivo,
        RESULTADOS_FURAG_MAXIMO_BYTES,
      ),
    onSuccess: () => cliente.invalidateQueries({ queryKey: furagKeys.todo }),
  });
}

/** The scores the entity typed for a vigencia (null when it typed none), to correct them. */
export const digitadosQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: furagKeys.digitados(entidadId, vigencia),
    queryFn: () =>
      api<PuntajesDigitados>('GET', `/api/entidades/${entidadId}/furag/digitados/${vigencia}`).catch(
        (e: unknown) => {
          if (e instanceof ErrorApi && e.status === 404) return null;
          throw e;
        },
      ),
    enabled: !!entidadId,
  });

/** Planeación types the scores of the entity's results report; every reading of the entity changes. */
export function useGuardarDigitados(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ vigencia, datos }: { vigencia: number; datos: PuntajesDigitadosCuerpo }) =>
      api<PuntajesDigitados>('PUT', `/api/entidades/${entidadId}/furag/digitados/${vigencia}`, datos),
    onSuccess: (guardado) => {
      cliente.setQueryData(furagKeys.digitados(entidadId, guardado.vigencia), guardado);
      return cliente.invalidateQueries({
        queryKey: ['furag', entidadId],
        predicate: (q) => q.queryKey[2] !== 'digitados',
      });
    },
  });
}
