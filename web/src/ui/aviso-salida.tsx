import { useBlocker } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { hayCambiosSinGuardar } from './cambios-sin-guardar.ts';

// The dialog (Mantine's Modal) is downloaded the first time it is needed, not with the signed-in frame.
const Confirmacion = lazy(() => import('./confirmacion.tsx').then((m) => ({ default: m.Confirmacion })));

interface Lugar {
  pathname: string;
  search: object;
}

/**
 * Whether the move leaves what the form is on: another page, or the same one for another entity, vigencia or
 * period (the page's data, and its forms, change). A filter or a search typed on the same page is no exit.
 */
export const saleDeLaPagina = (desde: Lugar, hacia: Lugar) =>
  desde.pathname !== hacia.pathname ||
  (['entidad', 'vigencia', 'periodo'] as const).some(
    (k) => (desde.search as Record<string, unknown>)[k] !== (hacia.search as Record<string, unknown>)[k],
  );

/** In the signed-in frame: leaving a page with unsaved changes asks first, in Spanish, in the page. */
export function AvisoSalida() {
  const bloqueo = useBlocker({
    shouldBlockFn: ({ current, next }) => hayCambiosSinGuardar() && saleDeLaPagina(current, next),
    // Closing or reloading the tab: the forms' own listener asks (cambios-sin-guardar.ts).
    enableBeforeUnload: false,
    withResolver: true,
  });
  if (bloqueo.status !== 'blocked') return null;
  return (
    <Suspense fallback={null}>
      <Confirmacion
        titulo="¿Salir sin guardar?"
        accion="Salir sin guardar"
        cancelar="Seguir en la página"
        abierta
        pendiente={false}
        error={null}
        alCancelar={bloqueo.reset}
        alConfirmar={bloqueo.proceed}
      >
        Hay cambios en esta página que no se han guardado. Si sale ahora, se pierden.
      </Confirmacion>
    </Suspense>
  );
}
