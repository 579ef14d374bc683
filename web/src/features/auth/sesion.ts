// The session's query, apart from the auth mutations (api.ts): every page asks for it first, so it is in the
// first load, and TanStack Query's mutations are not.
import type { Sesion } from '@contrato/auth.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, ErrorApi, fijarCsrf } from '../../api.ts';

export const authKeys = {
  sesion: ['sesion'] as const,
};

/** The session, or null without one: a 401 is an answer here, not an error. */
export const sesionQuery = () =>
  queryOptions({
    queryKey: authKeys.sesion,
    queryFn: async () => {
      try {
        const s = await api<Sesion>('GET', '/api/auth/sesion');
        fijarCsrf(s.csrf);
        return s;
      } catch (e) {
        if (e instanceof ErrorApi && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
