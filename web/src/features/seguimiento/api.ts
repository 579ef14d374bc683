import type { CriterioEntrada, HojaSeguimiento, LoteResultado, Seleccion } from '@contrato/seguimiento.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { subirArchivo } from '../../api-archivos.ts';
import { useUnaALaVez } from '../../ui/una-a-la-vez.ts';
import { inicioKeys } from '../inicio/api.ts';
import { tableroKeys } from '../tablero/api.ts';
import { vigenciaKeys } from '../vigencias/api.ts';

export const seguimientoKeys = {
  todo: ['seguimiento'] as const,
  hoja: (entidadId: string | undefined, vigencia: number, periodo: number | null) =>
    ['seguimiento', entidadId, vigencia, periodo] as const,
};

export const hojaQuery = (entidadId: string | undefined, vigencia: number, periodo: number | null) =>
  queryOptions({
    queryKey: seguimientoKeys.hoja(entidadId, vigencia, periodo),
    queryFn: () =>
      api<HojaSeguimiento>(
        'GET',
        `/api/entidades/${entidadId}/seguimientos?vigencia=${vigencia}&periodo=${periodo}`,
      ),
    enabled: !!entidadId && periodo !== null,
  });

/** A report's change moves the sheet, the people's to-do lists and the dashboard's figures. */
function useRefrescarSeguimiento() {
  const cliente = useQueryClient();
  return async () => {
    await cliente.invalidateQueries({ queryKey: seguimientoKeys.todo });
    await cliente.invalidateQueries({ queryKey: inicioKeys.pendientes });
    await cliente.invalidateQueries({ queryKey: tableroKeys.todo });
  };
}

export interface DatosReporte {
  valor?: number | null;
  numerador?: number | null;
  denominador?: number | null;
  descripcion: string;
  dificultades: string | null;
  justificacionSobreejecucion: string | null;
}

/** `url` is the report's address: /api/entidades/:entidad/seguimientos/:actividad/:periodo. */
export function useGuardarReporte(url: string) {
  const refrescar = useRefrescarSeguimiento();
  return useUnaALaVez(
    useMutation({ mutationFn: (d: DatosReporte) => api('PUT', url, d), onSuccess: refrescar }),
  );
}

export function useSubirEvidencia(url: string) {
  const refrescar = useRefrescarSeguimiento();
  return useUnaALaVez(
    useMutation({
      mutationFn: (archivo: File) =>
        subirArchivo(`${url}/evidencias?nombre=${encodeURIComponent(archivo.name)}`, archivo, {
          metodo: 'POST',
          tipo: 'application/octet-stream',
        }),
      onSuccess: refrescar,
    }),
  );
}

export function useAgregarEnlace(url: string) {
  const refrescar = useRefrescarSeguimiento();
  return useUnaALaVez(
    useMutation({
      mutationFn: (enlace: { nombre: string; url: string }) => api('POST', `${url}/enlaces`, enlace),
      onSuccess: refrescar,
    }),
  );
}

export function useQuitarEvidencia(entidadId: string) {
  const refrescar = useRefrescarSeguimiento();
  return useUnaALaVez(
    useMutation({
      mutationFn: (id: string) => api('DELETE', `/api/entidades/${entidadId}/evidencias/${id}`),
      onSuccess: refrescar,
    }),
  );
}

/**
 * «Enviar a planeación» with the figures on the screen: the API saves and sends them in one step, so
 * planeación gets what the responsible sees and unsaved edits are never dropped.
 */
export function useGuardarYEnviar(url: string) {
  const refrescar = useRefrescarSeguimiento();
  return useUnaALaVez(
    useMutation({
      mutationFn: (d: DatosReporte) => api('POST', `${url}/guardar-y-enviar`, d),
      onSuccess: refrescar,
    }),
  );
}

/** One step of the report's review: enviar, aceptar, devolver, verificar, observar. */
export function usePasoReporte(url: string) {
  const refrescar = useRefrescarSeguimiento();
  return useUnaALaVez(
    useMutation({
      mutationFn: ({ accion, cuerpo }: { accion: string; cuerpo?: object }) =>
        api('POST', `${url}/${accion}`, cuerpo ?? {}),
      onSuccess: refrescar,
    }),
  );
}

export function useCambiarCierre(entidadId: string, vigencia: number, periodo: number | null) {
  const cliente = useQueryClient();
  return useUnaALaVez(
    useMutation({
      mutationFn: ({ accion, justificacion }: { accion: 'cerrar' | 'reabrir'; justificacion?: string }) =>
        api(
          'POST',
          `/api/entidades/${entidadId}/vigencias/${vigencia}/periodos/${periodo}/${accion}`,
          accion === 'reabrir' ? { justificacion } : {},
        ),
      onSuccess: async () => {
        await cliente.invalidateQueries({ queryKey: vigenciaKeys.vigencia(entidadId, vigencia) });
        await cliente.invalidateQueries({ queryKey: seguimientoKeys.todo });
        await cliente.invalidateQueries({ queryKey: tableroKeys.todo });
      },
    }),
  );
}

/** Accept (planeación) or verify (control interno) many reports of a period at once; each one is explained. */
export function useRevisarEnLote(entidadId: string, periodo: number | null) {
  const refrescar = useRefrescarSeguimiento();
  return useUnaALaVez(
    useMutation({
      mutationFn: ({ accion, actividades }: { accion: 'aceptar' | 'verificar'; actividades: string[] }) =>
        api<LoteResultado>('POST', `/api/entidades/${entidadId}/periodos/${periodo}/seguimientos/${accion}`, {
          actividades,
        }),
      onSuccess: refrescar,
    }),
  );
}

/** Control interno's selection of what it verifies in the vigencia. */
export const seleccionQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: [...seguimientoKeys.todo, 'seleccion', entidadId, vigencia] as const,
    queryFn: () => api<Seleccion>('GET', `/api/entidades/${entidadId}/verificacion/${vigencia}`),
    enabled: !!entidadId,
  });

/** Adds (a criterion) or removes (its id) a piece of the selection; the sheet and the dashboard follow. */
export function useCambiarSeleccion(entidadId: string, vigencia: number) {
  const refrescar = useRefrescarSeguimiento();
  const base = `/api/entidades/${entidadId}/verificacion/${vigencia}/criterios`;
  return useUnaALaVez(
    useMutation({
      mutationFn: (c: { agregar: CriterioEntrada } | { quitar: string }) =>
        'agregar' in c
          ? api<Seleccion>('POST', base, c.agregar)
          : api<Seleccion>('DELETE', `${base}/${c.quitar}`),
      onSuccess: refrescar,
    }),
  );
}
