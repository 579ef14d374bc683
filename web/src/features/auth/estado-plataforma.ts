import type { EstadoPlataforma } from '@contrato/correo.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';

/** Whether e-mail is on and whether the platform still lacks its administrator (public, no session). */
export const estadoPlataforma = queryOptions({
  queryKey: ['plataforma', 'estado'],
  queryFn: () => api<EstadoPlataforma>('GET', '/api/plataforma/estado'),
  staleTime: 5 * 60 * 1000,
});

export const useEstadoPlataforma = () => useQuery(estadoPlataforma);
