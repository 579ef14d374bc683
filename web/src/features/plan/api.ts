import type { ActividadEntrada, Acto, PlanAccion, PlanPropio, Propuesta } from '@contrato/plan.ts';
import type { Ponderaciones, PonderacionesEntrada } from '@contrato/ponderaciones.ts';
import type { ActividadesTablero, EstadoActividadSchema } from '@contrato/tablero.ts';
import type { TipoCambio } from '@core/cambios-plan.ts';
import { POR_PAGINA_MAXIMO } from '@core/paginacion.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, leerCsrf } from '../../api.ts';
import { subirArchivo } from '../../api-archivos.ts';
import { inicioKeys } from '../inicio/api.ts';
import type { DatosActividad } from './formulario-actividad.tsx';

export interface Objetivo {
  id: string;
  codigo: string;
  nombre: string;
}

export interface VersionPlan {
  version: number;
  justificacion: string | null;
  fechaSesionComite: string | null;
  actaComite: string | null;
  tipoCambio: TipoCambio;
  aprobadoPor: string | null;
  acto: Acto | null;
  actividades: number;
}

export interface ComparacionPlan {
  agregadas: { id: string; codigo: string; nombre: string }[];
  quitadas: { id: string; codigo: string; nombre: string }[];
  cambiadas: {
    id: string;
    codigo: string;
    nombre: string;
    cambios: { etiqueta: string; antes: unknown; despues: unknown }[];
  }[];
}

export const planKeys = {
  todo: ['plan'] as const,
  entidad: (entidadId: string | undefined) => ['plan', entidadId] as const,
  plan: (entidadId: string | undefined, vigencia: number) => ['plan', entidadId, vigencia] as const,
  versiones: (entidadId: string | undefined, vigencia: number) =>
    ['plan', entidadId, vigencia, 'versiones'] as const,
  comparacion: (entidadId: string | undefined, vigencia: number, desde: number, hasta: number) =>
    ['plan', entidadId, vigencia, 'comparacion', desde, hasta] as const,
  objetivos: (entidadId: string | undefined) => ['plan', entidadId, 'objetivos'] as const,
  planesPropios: (entidadId: string | undefined) => ['plan', entidadId, 'planes-propios'] as const,
  estados: (entidadId: string | undefined, vigencia: number) =>
    ['plan', entidadId, vigencia, 'estados'] as const,
  propuestas: (entidadId: string | undefined, vigencia: number) =>
    ['plan', entidadId, vigencia, 'propuestas'] as const,
};

export const urlPlan = (entidadId: string | undefined, vigencia: number) =>
  `/api/entidades/${entidadId}/planes/${vigencia}`;

export const planQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: planKeys.plan(entidadId, vigencia),
    queryFn: () => api<PlanAccion>('GET', urlPlan(entidadId, vigencia)),
    enabled: !!entidadId,
  });

export const versionesQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: planKeys.versiones(entidadId, vigencia),
    queryFn: () => api<VersionPlan[]>('GET', `${urlPlan(entidadId, vigencia)}/versiones`),
    enabled: !!entidadId,
  });

export const comparacionQuery = (
  entidadId: string | undefined,
  vigencia: number,
  pedida: [number, number] | null,
) =>
  queryOptions({
    queryKey: planKeys.comparacion(entidadId, vigencia, pedida?.[0] ?? 0, pedida?.[1] ?? 0),
    queryFn: () =>
      api<ComparacionPlan>(
        'GET',
        `${urlPlan(entidadId, vigencia)}/comparar?desde=${pedida![0]}&hasta=${pedida![1]}`,
      ),
    enabled: !!entidadId && !!pedida,
  });

/**
 * Each activity's state in the current period (sin iniciar, en curso…), read from the dashboard's paged list
 * because the plan does not carry it: the plan page filters by it.
 */
export const estadosActividadesQuery = (entidadId: string | undefined, vigencia: number, activa = true) =>
  queryOptions({
    queryKey: planKeys.estados(entidadId, vigencia),
    queryFn: async () => {
      const estados = new Map<string, z.infer<typeof EstadoActividadSchema>>();
      for (let pagina = 1; ; pagina++) {
        const r = await api<ActividadesTablero>(
          'GET',
          `/api/entidades/${entidadId}/tablero/actividades?vigencia=${vigencia}&porPagina=${POR_PAGINA_MAXIMO}&pagina=${pagina}`,
        );
        for (const a of r.actividades) estados.set(a.id, a.estado);
        if (pagina >= r.paginas) return estados;
      }
    },
    enabled: !!entidadId && activa,
    retry: false,
  });

export const objetivosQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: planKeys.objetivos(entidadId),
    queryFn: () => api<Objetivo[]>('GET', `/api/entidades/${entidadId}/objetivos`),
    enabled: !!entidadId,
  });

/** The entity's own plans (Plan Anual de Auditoría, PAMEC…), offered beside the Decreto 612 ones. */
export const planesPropiosQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: planKeys.planesPropios(entidadId),
    queryFn: () => api<PlanPropio[]>('GET', `/api/entidades/${entidadId}/planes-propios`),
    enabled: !!entidadId,
  });

export function useAgregarPlanPropio(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: { codigo: string; nombre: string; politicas: string[] }) =>
      api<PlanPropio>('POST', `/api/entidades/${entidadId}/planes-propios`, datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: planKeys.planesPropios(entidadId) }),
  });
}

export function useQuitarPlanPropio(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/entidades/${entidadId}/planes-propios/${id}`),
    onSuccess: () => cliente.invalidateQueries({ queryKey: planKeys.planesPropios(entidadId) }),
  });
}

function useRefrescarPlan(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return () => cliente.invalidateQueries({ queryKey: planKeys.plan(entidadId, vigencia) });
}

export function useAgregarActividad(entidadId: string, vigencia: number) {
  const refrescar = useRefrescarPlan(entidadId, vigencia);
  return useMutation({
    mutationFn: (d: DatosActividad) => api('POST', `${urlPlan(entidadId, vigencia)}/actividades`, d),
    onSuccess: refrescar,
  });
}

export function useCambiarActividad(entidadId: string, vigencia: number) {
  const refrescar = useRefrescarPlan(entidadId, vigencia);
  return useMutation({
    mutationFn: ({ id, datos }: { id: string; datos: DatosActividad }) =>
      api('PUT', `${urlPlan(entidadId, vigencia)}/actividades/${id}`, datos),
    onSuccess: refrescar,
  });
}

export function useQuitarActividad(entidadId: string, vigencia: number) {
  const refrescar = useRefrescarPlan(entidadId, vigencia);
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `${urlPlan(entidadId, vigencia)}/actividades/${id}`),
    onSuccess: refrescar,
  });
}

/** One step of the plan's approval (enviar, aprobar, devolver, publicar, nueva-version). */
export function usePasoPlan(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ paso, cuerpo }: { paso: string; cuerpo?: object }) =>
      api('POST', `${urlPlan(entidadId, vigencia)}/${paso}`, cuerpo ?? {}),
    onSuccess: async () => {
      await cliente.invalidateQueries({ queryKey: planKeys.plan(entidadId, vigencia) });
      await cliente.invalidateQueries({ queryKey: inicioKeys.pendientes });
    },
  });
}

export interface ProblemaImportacion {
  fila: number;
  columna: string;
  problema: string;
}

export class ErrorImportacion extends Error {
  constructor(
    mensaje: string,
    readonly problemas: ProblemaImportacion[],
  ) {
    super(mensaje);
  }
}

/** The Excel template's rows become activities all at once, or none with the list of problems. */
export function useImportarPlan(entidadId: string, vigencia: number) {
  const refrescar = useRefrescarPlan(entidadId, vigencia);
  return useMutation({
    mutationFn: async (archivo: File) => {
      // The Excel routes live under /plan/ (singular), beside the plan's own /planes/.
      const r = await fetch(`/api/entidades/${entidadId}/plan/${vigencia}/import.xlsx`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': leerCsrf() },
        body: archivo,
      }).catch(() => {
        throw new Error(
          'No hay conexión con el servidor. Revise su conexión a internet e inténtelo de nuevo.',
        );
      });
      const datos = await r.json().catch(() => null);
      if (!r.ok)
        throw new ErrorImportacion(
          datos?.mensaje ?? 'No fue posible importar el archivo.',
          datos?.problemas ?? [],
        );
      return datos as { importadas: number };
    },
    onSuccess: refrescar,
  });
}

export function useAgregarObjetivo(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: { codigo: string; nombre: string }) =>
      api('POST', `/api/entidades/${entidadId}/objetivos`, datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: planKeys.objetivos(entidadId) }),
  });
}

export function useQuitarObjetivo(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/entidades/${entidadId}/objetivos/${id}`),
    onSuccess: () => cliente.invalidateQueries({ queryKey: planKeys.objetivos(entidadId) }),
  });
}

/** All the weights of one policy in one request: the server keeps them all, or none if they do not add 100 %. */
export function useGuardarPonderaciones(entidadId: string, vigencia: number) {
  const refrescar = useRefrescarPlan(entidadId, vigencia);
  return useMutation({
    mutationFn: ({ politica, ponderaciones }: { politica: string } & PonderacionesEntrada) =>
      api<Ponderaciones>('PUT', `${urlPlan(entidadId, vigencia)}/politicas/${politica}/ponderaciones`, {
        ponderaciones,
      }),
    onSuccess: refrescar,
  });
}

/** Where a version's act is downloaded (the PDF, checked against its SHA-256). */
export const urlActo = (entidadId: string, vigencia: number, version: number) =>
  `${urlPlan(entidadId, vigencia)}/versiones/${version}/acto`;

/** Attaches the PDF of the act; kind, number and date when the approval did not record them. */
export function useSubirActo(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({
      archivo,
      datos,
    }: {
      archivo: File;
      datos: { tipo?: string; numero?: string; fecha?: string };
    }) => {
      const consulta = new URLSearchParams({ nombre: archivo.name });
      for (const [k, v] of Object.entries(datos)) if (v) consulta.set(k, v);
      return subirArchivo(`${urlPlan(entidadId, vigencia)}/acto?${consulta}`, archivo, {
        metodo: 'POST',
        tipo: 'application/pdf',
      });
    },
    onSuccess: async () => {
      await cliente.invalidateQueries({ queryKey: planKeys.plan(entidadId, vigencia) });
      await cliente.invalidateQueries({ queryKey: planKeys.versiones(entidadId, vigencia) });
    },
  });
}

export const propuestasQuery = (entidadId: string | undefined, vigencia: number) =>
  queryOptions({
    queryKey: planKeys.propuestas(entidadId, vigencia),
    queryFn: () => api<Propuesta[]>('GET', `${urlPlan(entidadId, vigencia)}/propuestas`),
    enabled: !!entidadId,
  });

/** Propose, correct, incorporate or set aside a proposal; the plan and «mis pendientes» follow. */
export function usePropuesta(entidadId: string, vigencia: number) {
  const cliente = useQueryClient();
  const base = `${urlPlan(entidadId, vigencia)}/propuestas`;
  return useMutation({
    mutationFn: (
      a:
        | { paso: 'proponer'; datos: ActividadEntrada }
        | { paso: 'corregir' | 'incorporar'; id: string; datos?: ActividadEntrada }
        | { paso: 'descartar'; id: string; motivo: string },
    ) =>
      a.paso === 'proponer'
        ? api('POST', base, a.datos)
        : a.paso === 'corregir'
          ? api('PUT', `${base}/${a.id}`, a.datos)
          : a.paso === 'incorporar'
            ? api('POST', `${base}/${a.id}/incorporar`, a.datos ?? null)
            : api('POST', `${base}/${a.id}/descartar`, { motivo: (a as { motivo: string }).motivo }),
    onSuccess: async () => {
      await cliente.invalidateQueries({ queryKey: planKeys.plan(entidadId, vigencia) });
      await cliente.invalidateQueries({ queryKey: inicioKeys.pendientes });
    },
  });
}
