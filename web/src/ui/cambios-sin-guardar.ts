import type { MutationCache } from '@tanstack/react-query';
import { useEffect } from 'react';

// Forms holding changes nobody saved yet. Leaving the page (another section, another entity or vigencia) asks
// first (ui/aviso-salida.tsx); closing or reloading the tab, the browser asks.
const activos = new Set<object>();

export const hayCambiosSinGuardar = () => activos.size > 0;

/** While `activo`, this form counts as unsaved: in-app navigation and closing the tab ask before leaving. */
export function useAvisoCambiosSinGuardar(activo: boolean) {
  useEffect(() => {
    if (!activo) return;
    const marca = {};
    activos.add(marca);
    const avisar = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', avisar);
    return () => {
      activos.delete(marca);
      window.removeEventListener('beforeunload', avisar);
    };
  }, [activo]);
}

/**
 * Saves on their way to the server. Leaving then would not lose them (the server finishes), but the person
 * would never see whether they failed: on a slow rural connection a save takes seconds, so leaving asks too.
 * Counted by the QueryClient's mutation cache, whose callbacks run before the page's own: a page that moves on
 * after its save succeeds is not asked. A mutation with `meta: { sinAviso: true }` (signing out) is not counted.
 */
const enCamino = new Set<object>();
let fallos = 0;
const oyentesGuardado = new Set<() => void>();
const avisarGuardado = () => {
  for (const o of oyentesGuardado) o();
};
const alCerrarPestana = (e: BeforeUnloadEvent) => {
  e.preventDefault();
  e.returnValue = '';
};

export const hayGuardadosEnCamino = () => enCamino.size > 0;
/** How many saves have failed so far: one more since a moment means an error on the page to be read. */
export const guardadosFallidos = () => fallos;
export const suscribirGuardados = (o: () => void) => {
  oyentesGuardado.add(o);
  return () => {
    oyentesGuardado.delete(o);
  };
};

function empieza(m: object) {
  if (enCamino.size === 0) window.addEventListener('beforeunload', alCerrarPestana);
  enCamino.add(m);
  avisarGuardado();
}
function termina(m: object, fallo: boolean) {
  if (!enCamino.delete(m)) return;
  if (fallo) fallos++;
  if (enCamino.size === 0) window.removeEventListener('beforeunload', alCerrarPestana);
  avisarGuardado();
}

const contar = (m: { meta?: Record<string, unknown> }) => !m.meta?.sinAviso;

const seguidas = new WeakSet<MutationCache>();

/**
 * Counts the saves of `cache` from now on, for the rest of the tab's life (once per cache; never taken off: a
 * save still on its way when the frame goes, at signing out, must still be counted when it arrives). Called by
 * the signed-in frame (AvisoSalida), so this code is not in the first load: the cache reads its callbacks at
 * each mutation.
 */
export function seguirGuardados(cache: MutationCache) {
  if (seguidas.has(cache)) return;
  seguidas.add(cache);
  const antes = cache.config;
  cache.config = {
    ...antes,
    onMutate: (v, m, c) => {
      if (contar(m)) empieza(m);
      return antes.onMutate?.(v, m, c);
    },
    onSuccess: (d, v, r, m, c) => {
      termina(m, false);
      return antes.onSuccess?.(d, v, r, m, c);
    },
    onError: (e, v, r, m, c) => {
      termina(m, true);
      return antes.onError?.(e, v, r, m, c);
    },
  };
}
