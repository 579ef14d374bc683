import type { MutateOptions, UseMutationResult } from '@tanstack/react-query';
import { useRef } from 'react';

/**
 * The mutation with a `mutate` that does nothing while the previous call runs: a double click acts once,
 * even when the second click arrives before React has redrawn the button as disabled (the false «No se
 * puede enviar un reporte "Enviado a planeación"» after a success came from that second request).
 */
export function useUnaALaVez<D, E, V, C>(m: UseMutationResult<D, E, V, C>): UseMutationResult<D, E, V, C> {
  const enCurso = useRef(false);
  const mutate = (variables: V, opciones?: MutateOptions<D, E, V, C>) => {
    if (enCurso.current) return;
    enCurso.current = true;
    m.mutate(variables, {
      ...opciones,
      onSettled: (...args) => {
        enCurso.current = false;
        opciones?.onSettled?.(...args);
      },
    });
  };
  return { ...m, mutate } as UseMutationResult<D, E, V, C>;
}
