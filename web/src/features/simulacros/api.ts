import type { EvidenciasElegibles } from '@contrato/autodiagnosticos.ts';
import type {
  GuardarRespuestaSimulacroSchema,
  ListaSimulacrosSchema,
  SimulacroResumenSchema,
  SimulacroSchema,
} from '@contrato/simulacros.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api.ts';

export type Simulacro = z.infer<typeof SimulacroSchema>;
export type SimulacroResumen = z.infer<typeof SimulacroResumenSchema>;
export type AvanceSimulacro = Simulacro['avance'];
export type GuardarRespuestaSimulacro = z.infer<typeof GuardarRespuestaSimulacroSchema>;

export const simulacrosKeys = {
  entidad: (entidadId: string | undefined) => ['simulacros', entidadId] as const,
  lista: (entidadId: string | undefined) => ['simulacros', entidadId, 'lista'] as const,
  detalle: (entidadId: string | undefined, id: string | undefined) =>
    ['simulacros', entidadId, 'detalle', id] as const,
  elegibles: (entidadId: string | undefined, id: string | undefined) =>
    ['simulacros', entidadId, 'elegibles', id] as const,
};

const base = (entidadId: string | undefined) => `/api/entidades/${entidadId}/simulacros`;

export const simulacrosQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: simulacrosKeys.lista(entidadId),
    queryFn: () => api<z.infer<typeof ListaSimulacrosSchema>>('GET', base(entidadId)),
    enabled: !!entidadId,
  });

export const simulacroQuery = (entidadId: string | undefined, id: string | undefined) =>
  queryOptions({
    queryKey: simulacrosKeys.detalle(entidadId, id),
    queryFn: () => api<Simulacro>('GET', `${base(entidadId)}/${id}`),
    enabled: !!entidadId && !!id,
  });

/** Evidence already uploaded in the entity's seguimiento, to link to an answer (the same file, no copy). */
export const elegiblesSimulacroQuery = (
  entidadId: string | undefined,
  id: string | undefined,
  activa = true,
) =>
  queryOptions({
    queryKey: simulacrosKeys.elegibles(entidadId, id),
    queryFn: () => api<EvidenciasElegibles>('GET', `${base(entidadId)}/${id}/evidencias-elegibles`),
    enabled: !!entidadId && !!id && activa,
  });

export const exportarSimulacroUrl = (entidadId: string, id: string) => `${base(entidadId)}/${id}/export.xlsx`;

export function useCrearSimulacro(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: { cuestionarioId: string; seccionControlInterno: string | null }) =>
      api<SimulacroResumen>('POST', base(entidadId), cuerpo),
    onSuccess: () => cliente.invalidateQueries({ queryKey: simulacrosKeys.entidad(entidadId) }),
  });
}

export function useAsignarSeccion(entidadId: string, id: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ seccion, usuarioId }: { seccion: string; usuarioId: string | null }) =>
      api<Simulacro['asignaciones']>(
        'PUT',
        `${base(entidadId)}/${id}/asignaciones/${encodeURIComponent(seccion)}`,
        { usuarioId },
      ),
    // Who answers what, and the progress by person, are the server's reading.
    onSuccess: () => cliente.invalidateQueries({ queryKey: simulacrosKeys.entidad(entidadId) }),
  });
}

/**
 * One question's answer, observation and evidence. The progress comes back at once into the cached detail;
 * the detail is then refreshed quietly (the evidence's names and routes are the server's).
 */
export function useGuardarRespuestaSimulacro(entidadId: string, id: string, item: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: GuardarRespuestaSimulacro) =>
      api<AvanceSimulacro>('PUT', `${base(entidadId)}/${id}/respuestas/${encodeURIComponent(item)}`, cuerpo),
    onSuccess: async (avance, cuerpo) => {
      cliente.setQueryData(simulacrosKeys.detalle(entidadId, id), (d: Simulacro | undefined) =>
        d
          ? {
              ...d,
              avance,
              respuestas: {
                ...d.respuestas,
                [item]: {
                  respuesta: cuerpo.respuesta,
                  observacion: cuerpo.observacion ?? null,
                  evidencias: d.respuestas[item]?.evidencias ?? [],
                },
              },
            }
          : d,
      );
      await cliente.invalidateQueries({ queryKey: simulacrosKeys.entidad(entidadId) });
    },
  });
}
