import type { Sesion } from '@contrato/auth.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
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

export function useIngresar() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: { email: string; password: string }) => api('POST', '/api/auth/login', datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: authKeys.sesion }),
  });
}

export function useCambiarClave() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: { actual: string; nueva: string }) => api('POST', '/api/auth/cambiar-clave', datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: authKeys.sesion }),
  });
}

export function useConfiguracionInicial() {
  return useMutation({
    mutationFn: (datos: { token: string; nombre: string; correo: string; clave: string }) =>
      api('POST', '/api/configuracion-inicial', datos),
  });
}

/** Logging out forgets every cached answer: the next person on this device sees nothing of the last one. */
export function useSalir() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: () => api('POST', '/api/auth/logout').catch(() => {}),
    onSettled: () => {
      cliente.clear();
      return cliente.invalidateQueries();
    },
  });
}
