import type {
  AutodiagnosticoResumenSchema,
  AutodiagnosticoSchema,
  EvidenciaEnlazadaSchema,
  EvidenciasElegibles,
  ListaAutodiagnosticosSchema,
  ResultadoAutodiagnosticoSchema,
} from '@contrato/autodiagnosticos.ts';
import {
  CUESTIONARIO_MAXIMO_BYTES,
  type ImportacionCuestionario,
  type ListaCuestionariosSchema,
  type ProblemaCuestionario,
} from '@contrato/cuestionarios.ts';
import type { ActividadEntrada } from '@contrato/plan.ts';
import type { AccionAutodiagnostico } from '@core/autodiagnostico.ts';
import type { Instrumento, Respuesta } from '@core/cuestionario.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, conectar, ErrorApi, leerCsrf, reingresar } from '../../api.ts';
import { inicioKeys } from '../inicio/api.ts';
import { planKeys } from '../plan/api.ts';

export type Autodiagnostico = z.infer<typeof AutodiagnosticoSchema>;
export type AutodiagnosticoResumen = z.infer<typeof AutodiagnosticoResumenSchema>;
export type ResultadoAutodiagnostico = z.infer<typeof ResultadoAutodiagnosticoSchema>;
export type EvidenciaEnlazada = z.infer<typeof EvidenciaEnlazadaSchema>;

export const autodiagnosticosKeys = {
  entidad: (entidadId: string | undefined) => ['autodiagnosticos', entidadId] as const,
  lista: (entidadId: string | undefined, vigencia: number) =>
    ['autodiagnosticos', entidadId, 'lista', vigencia] as const,
  detalle: (entidadId: string | undefined, id: string | undefined) =>
    ['autodiagnosticos', entidadId, 'detalle', id] as const,
  /** All of them, or one instrument's: an import refreshes every list (autodiagnósticos and FURAG banks). */
  cuestionarios: (entidadId: string | undefined, instrumento?: Instrumento) =>
    instrumento
      ? (['autodiagnosticos', entidadId, 'cuestionarios', instrumento] as const)
      : (['autodiagnosticos', entidadId, 'cuestionarios'] as const),
  elegibles: (entidadId: string | undefined, id: string | undefined) =>
    ['autodiagnosticos', entidadId, 'elegibles', id] as const,
};

const base = (entidadId: string | undefined) => `/api/entidades/${entidadId}/autodiagnosticos`;

export const autodiagnosticosQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: autodiagnosticosKeys.lista(entidadId, vigencia),
    queryFn: () =>
      api<z.infer<typeof ListaAutodiagnosticosSchema>>('GET', `${base(entidadId)}?vigencia=${vigencia}`),
    enabled: !!entidadId,
  });

export const autodiagnosticoQuery = (entidadId: string | undefined, id: string | undefined) =>
  queryOptions({
    queryKey: autodiagnosticosKeys.detalle(entidadId, id),
    queryFn: () => api<Autodiagnostico>('GET', `${base(entidadId)}/${id}`),
    enabled: !!entidadId && !!id,
  });

/** The questionnaires of an instrument the entity can use: the platform's and its own. */
export const cuestionariosQuery = (
  entidadId: string | undefined,
  instrumento: Instrumento = 'autodiagnostico',
) =>
  queryOptions({
    queryKey: autodiagnosticosKeys.cuestionarios(entidadId, instrumento),
    queryFn: () =>
      api<z.infer<typeof ListaCuestionariosSchema>>(
        'GET',
        `/api/cuestionarios?entidadId=${entidadId}&instrumento=${instrumento}`,
      ),
    enabled: !!entidadId,
  });

export function useAsignarAutodiagnostico(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuestionarioId: string) =>
      api<AutodiagnosticoResumen>('POST', base(entidadId), { cuestionarioId }),
    onSuccess: () => cliente.invalidateQueries({ queryKey: autodiagnosticosKeys.entidad(entidadId) }),
  });
}

/**
 * One item's answer and observation. The answer's new score goes into the cached detail at once (no refetch
 * of the whole questionnaire per item); the list is refreshed when next opened.
 */
export function useGuardarRespuesta(entidadId: string, id: string, item: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: { respuesta: Respuesta | null; observacion: string | null }) =>
      api<ResultadoAutodiagnostico>(
        'PUT',
        `${base(entidadId)}/${id}/respuestas/${encodeURIComponent(item)}`,
        cuerpo,
      ),
    onSuccess: async (resultado, cuerpo) => {
      cliente.setQueryData(autodiagnosticosKeys.detalle(entidadId, id), (d: Autodiagnostico | undefined) =>
        d
          ? {
              ...d,
              autodiagnostico: { ...d.autodiagnostico, resultado },
              respuestas: { ...d.respuestas, [item]: cuerpo },
            }
          : d,
      );
      // Gaps and the visible items are the server's reading: refresh them quietly.
      await cliente.invalidateQueries({ queryKey: autodiagnosticosKeys.entidad(entidadId) });
    },
  });
}

export function useCambiarEstado(entidadId: string, id: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ accion, observaciones }: { accion: AccionAutodiagnostico; observaciones?: string }) =>
      api<AutodiagnosticoResumen>(
        'POST',
        `${base(entidadId)}/${id}/${accion}`,
        accion === 'devolver' ? { observaciones } : undefined,
      ),
    onSuccess: async () => {
      await cliente.invalidateQueries({ queryKey: autodiagnosticosKeys.entidad(entidadId) });
      await cliente.invalidateQueries({ queryKey: inicioKeys.pendientes });
    },
  });
}

/** Evidence already uploaded in the entity's seguimiento, to link to an answer (the same file, no copy). */
export const elegiblesQuery = (entidadId: string | undefined, id: string | undefined, activa = true) =>
  queryOptions({
    queryKey: autodiagnosticosKeys.elegibles(entidadId, id),
    queryFn: () => api<EvidenciasElegibles>('GET', `${base(entidadId)}/${id}/evidencias-elegibles`),
    enabled: !!entidadId && !!id && activa,
  });

export function useEnlazarEvidencia(entidadId: string, id: string, item: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (evidenciaId: string) =>
      api<EvidenciaEnlazada[]>(
        'POST',
        `${base(entidadId)}/${id}/respuestas/${encodeURIComponent(item)}/evidencias`,
        { evidenciaId },
      ),
    onSuccess: () => cliente.invalidateQueries({ queryKey: autodiagnosticosKeys.detalle(entidadId, id) }),
  });
}

export function useQuitarEvidencia(entidadId: string, id: string, item: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (evidenciaId: string) =>
      api<void>(
        'DELETE',
        `${base(entidadId)}/${id}/respuestas/${encodeURIComponent(item)}/evidencias/${evidenciaId}`,
      ),
    onSuccess: () => cliente.invalidateQueries({ queryKey: autodiagnosticosKeys.detalle(entidadId, id) }),
  });
}

/**
 * «Crear acción de mejora»: a gap into the plan of `vigencia`, as an activity (planeación) or a proposal (the
 * policy's responsible). The detail then lists it under its gap; the plan shows where it came from.
 */
export function useCrearAccionMejora(entidadId: string, id: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (a: {
      item: string;
      como: 'actividad' | 'propuesta';
      vigencia: number;
      actividad: ActividadEntrada;
    }) =>
      api('POST', `${base(entidadId)}/${id}/brechas/${encodeURIComponent(a.item)}/${a.como}`, {
        vigencia: a.vigencia,
        actividad: a.actividad,
      }),
    onSuccess: async (_r, a) => {
      await cliente.invalidateQueries({ queryKey: autodiagnosticosKeys.detalle(entidadId, id) });
      await cliente.invalidateQueries({ queryKey: planKeys.plan(entidadId, a.vigencia) });
      await cliente.invalidateQueries({ queryKey: inicioKeys.pendientes });
    },
  });
}

/** A rejected questionnaire: the message and its problems by row (from .xlsx), section and item. */
export class ErrorCuestionario extends ErrorApi {
  constructor(
    status: number,
    mensaje: string,
    readonly problemas: ProblemaCuestionario[],
  ) {
    super(status, mensaje);
  }
}

/** A questionnaire as JSON (mipg-cuestionario/1) or the .xlsx template, for the entity: all or nothing. */
export function useImportarCuestionario(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: async (archivo: File): Promise<ImportacionCuestionario> => {
      if (archivo.size > CUESTIONARIO_MAXIMO_BYTES)
        throw new ErrorCuestionario(
          413,
          'El archivo pesa más de 16 MB. Divídalo en varios cuestionarios.',
          [],
        );
      const json = /\.json$/i.test(archivo.name);
      const url = `/api/cuestionarios/import?entidadId=${entidadId}`;
      const enviar = (): Promise<Response> =>
        conectar(url, {
          method: 'POST',
          headers: {
            'content-type': json
              ? 'application/json'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'x-csrf-token': leerCsrf(),
          },
          body: archivo,
        });
      let r = await enviar();
      if (await reingresar(r.status, url)) r = await enviar();
      const datos = await r.json().catch(() => null);
      if (!r.ok)
        throw new ErrorCuestionario(
          r.status,
          datos?.mensaje ?? 'No fue posible importar el cuestionario.',
          datos?.problemas ?? [],
        );
      return datos as ImportacionCuestionario;
    },
    onSuccess: () => cliente.invalidateQueries({ queryKey: autodiagnosticosKeys.cuestionarios(entidadId) }),
  });
}
