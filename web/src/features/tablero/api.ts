import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { Tablero } from '../../tipos.ts';

export const tableroKeys = {
  todo: ['tablero'] as const,
  tablero: (entidadId: string | undefined, vigencia: number, periodo: number | null) =>
    ['tablero', entidadId, vigencia, periodo] as const,
};

export const tableroQuery = (entidadId: string | undefined, vigencia: number, periodo: number | null) =>
  queryOptions({
    queryKey: tableroKeys.tablero(entidadId, vigencia, periodo),
    queryFn: () =>
      api<Tablero>('GET', `/api/entidades/${entidadId}/tablero?vigencia=${vigencia}&periodo=${periodo}`),
    enabled: !!entidadId && periodo !== null,
  });
