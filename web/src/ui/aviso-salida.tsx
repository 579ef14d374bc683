import { useQueryClient } from '@tanstack/react-query';
import { useBlocker } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import {
  guardadosFallidos,
  hayCambiosSinGuardar,
  hayGuardadosEnCamino,
  seguirGuardados,
  suscribirGuardados,
} from './cambios-sin-guardar.ts';

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

// An exit the router does not see coming (signing out ends the session before any navigation): asked here.
let pregunta: ((salir: boolean) => void) | null = null;
const oyentes = new Set<() => void>();
const avisar = () => {
  for (const o of oyentes) o();
};
const suscribir = (o: () => void) => {
  oyentes.add(o);
  return () => oyentes.delete(o);
};
const responder = (salir: boolean) => {
  const r = pregunta;
  pregunta = null;
  avisar();
  r?.(salir);
};

// Failed saves counted when the question was asked: one more by the time the saves arrive means an error to
// read on the page, whichever save it was.
let fallosAlPreguntar = 0;
const hayQuePreguntar = () => {
  fallosAlPreguntar = guardadosFallidos();
  return hayCambiosSinGuardar() || hayGuardadosEnCamino();
};

/** Resolves true at once without unsaved changes; with them, once the person chooses in the dialog. */
export function confirmarSalida(): Promise<boolean> {
  if (!hayQuePreguntar()) return Promise.resolve(true);
  pregunta?.(false);
  return new Promise((r) => {
    pregunta = r;
    avisar();
  });
}

/** In the signed-in frame: leaving a page with unsaved changes asks first, in Spanish, in the page. */
export function AvisoSalida() {
  const preguntando = useSyncExternalStore(suscribir, () => pregunta !== null);
  const cliente = useQueryClient();
  useEffect(() => seguirGuardados(cliente.getMutationCache()), [cliente]);
  const guardando = useSyncExternalStore(suscribirGuardados, hayGuardadosEnCamino);
  const bloqueo = useBlocker({
    shouldBlockFn: ({ current, next }) => hayQuePreguntar() && saleDeLaPagina(current, next),
    // Closing or reloading the tab: the forms' own listener asks (cambios-sin-guardar.ts).
    enableBeforeUnload: false,
    withResolver: true,
  });
  const bloqueado = bloqueo.status === 'blocked';
  const abierta = bloqueado || preguntando;
  // Asked only because a save was on its way: once it arrives the question answers itself. Saved, the person
  // goes where she was going; failed, she stays to read why (the error is on the page).
  const soloGuardando = abierta && !hayCambiosSinGuardar();
  // Also when the saves arrived before the dialog could show (a slow phone): nothing left to wait for.
  useEffect(() => {
    if (!soloGuardando || guardando) return;
    const salir = guardadosFallidos() === fallosAlPreguntar;
    if (bloqueado) salir ? bloqueo.proceed?.() : bloqueo.reset?.();
    else if (preguntando) responder(salir);
  }, [soloGuardando, guardando, bloqueado, preguntando, bloqueo]);
  if (!abierta) return null;
  const t = soloGuardando ? TEXTOS.guardando : TEXTOS.sinGuardar;
  return (
    <Suspense fallback={null}>
      <Confirmacion
        titulo={t.titulo}
        accion={t.accion}
        cancelar={t.cancelar}
        abierta
        pendiente={false}
        error={null}
        alCancelar={() => (bloqueado ? bloqueo.reset() : responder(false))}
        alConfirmar={() => (bloqueado ? bloqueo.proceed() : responder(true))}
      >
        {t.texto}
      </Confirmacion>
    </Suspense>
  );
}

/** The two questions: changes nobody saved, or a save still without the server's answer. */
const TEXTOS = {
  sinGuardar: {
    titulo: '¿Salir sin guardar?',
    accion: 'Salir sin guardar',
    cancelar: 'Seguir en la página',
    texto: 'Hay cambios en esta página que no se han guardado. Si sale ahora, se pierden.',
  },
  guardando: {
    titulo: 'Se está guardando',
    accion: 'Salir sin esperar',
    cancelar: 'Esperar en la página',
    texto:
      'Lo que envió aún no tiene respuesta del servidor (en una conexión lenta, o sin conexión, tarda). Si espera, la página sigue en cuanto la tenga; si sale ahora, no verá si se guardó.',
  },
};
