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
