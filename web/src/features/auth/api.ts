import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { authKeys } from './sesion.ts';

export { authKeys, sesionQuery } from './sesion.ts';

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
    // Asked before it starts (confirmarSalida): not a save that leaving would interrupt.
    meta: { sinAviso: true },
    onSettled: () => {
      cliente.clear();
      return cliente.invalidateQueries();
    },
  });
}
