import type { ResultadoFurag } from '@contrato/furag.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, ErrorApi } from '../../api.ts';

export const furagKeys = {
  todo: ['furag'] as const,
  entidad: (entidadId: string | undefined) => ['furag', entidadId] as const,
};

/**
 * The entity's official FURAG scores of the last vigencia loaded, against its grupo par. A 404 (no file loaded,
 * or no row for the entity) is an answer, not a failure: it is not retried.
 */
export const furagQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: furagKeys.entidad(entidadId),
    queryFn: () => api<ResultadoFurag>('GET', `/api/entidades/${entidadId}/furag`),
    enabled: !!entidadId,
    retry: (n, e) => !(e instanceof ErrorApi && e.status === 404) && n < 1,
  });
