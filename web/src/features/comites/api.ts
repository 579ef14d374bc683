import type {
  Comite,
  ComiteEntrada,
  ComiteResumen,
  CompromisoEntrada,
  Convocar,
  DecisionEntrada,
  IntegranteCambio,
  IntegranteEntrada,
  Sesion,
  SesionCambio,
  SesionResumen,
} from '@contrato/comites.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { subirArchivo } from '../../api-archivos.ts';

export const comitesKeys = {
  todo: (entidadId: string | undefined) => ['comites', entidadId] as const,
  comite: (entidadId: string | undefined, comiteId: string) => ['comites', entidadId, comiteId] as const,
  sesiones: (entidadId: string | undefined, comiteId: string) =>
    ['comites', entidadId, comiteId, 'sesiones'] as const,
  sesion: (entidadId: string | undefined, comiteId: string, sesionId: string) =>
    ['comites', entidadId, comiteId, 'sesiones', sesionId] as const,
};

const base = (entidadId: string | undefined) => `/api/entidades/${entidadId}/comites`;
export const urlSesion = (entidadId: string, comiteId: string, sesionId: string) =>
  `${base(entidadId)}/${comiteId}/sesiones/${sesionId}`;

export const comitesQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: comitesKeys.todo(entidadId),
    queryFn: () => api<ComiteResumen[]>('GET', base(entidadId)),
    enabled: !!entidadId,
  });

export const comiteQuery = (entidadId: string | undefined, comiteId: string) =>
  queryOptions({
    queryKey: comitesKeys.comite(entidadId, comiteId),
    queryFn: () => api<Comite>('GET', `${base(entidadId)}/${comiteId}`),
    enabled: !!entidadId,
  });

export const sesionesQuery = (entidadId: string | undefined, comiteId: string) =>
  queryOptions({
    queryKey: comitesKeys.sesiones(entidadId, comiteId),
    queryFn: () => api<SesionResumen[]>('GET', `${base(entidadId)}/${comiteId}/sesiones`),
    enabled: !!entidadId,
  });

export const sesionQuery = (entidadId: string | undefined, comiteId: string, sesionId: string) =>
  queryOptions({
    queryKey: comitesKeys.sesion(entidadId, comiteId, sesionId),
    queryFn: () => api<Sesion>('GET', urlSesion(entidadId!, comiteId, sesionId)),
    enabled: !!entidadId,
  });

/** Every committee's data may move (a decision approves the plan too): refresh what is cached. */
const refrescar = (cliente: ReturnType<typeof useQueryClient>) => cliente.invalidateQueries();

export function useCrearComite(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: ComiteEntrada) => api<Comite>('POST', base(entidadId), datos),
    onSuccess: () => refrescar(cliente),
  });
}

export function useAgregarIntegrante(entidadId: string, comiteId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: IntegranteEntrada) =>
      api<Comite>('POST', `${base(entidadId)}/${comiteId}/integrantes`, datos),
    onSuccess: () => refrescar(cliente),
  });
}

/** A post's new holder or end date, with what was read (409 if someone changed it meanwhile). */
export function useCambiarIntegrante(entidadId: string, comiteId: string, integranteId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: IntegranteCambio) =>
      api<Comite>('PUT', `${base(entidadId)}/${comiteId}/integrantes/${integranteId}`, datos),
    onSuccess: () => refrescar(cliente),
  });
}

export function useConvocar(entidadId: string, comiteId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: Convocar) => api<Sesion>('POST', `${base(entidadId)}/${comiteId}/sesiones`, datos),
    onSuccess: () => refrescar(cliente),
  });
}

export function useCambiarSesion(entidadId: string, comiteId: string, sesionId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: SesionCambio) => api<Sesion>('PUT', urlSesion(entidadId, comiteId, sesionId), datos),
    onSuccess: (s) => cliente.setQueryData(comitesKeys.sesion(entidadId, comiteId, sesionId), s),
  });
}

export function useDecidir(entidadId: string, comiteId: string, sesionId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: DecisionEntrada) =>
      api<Sesion>('POST', `${urlSesion(entidadId, comiteId, sesionId)}/decisiones`, datos),
    onSuccess: () => refrescar(cliente),
  });
}

export function useComprometer(entidadId: string, comiteId: string, sesionId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: CompromisoEntrada) =>
      api<Sesion>('POST', `${urlSesion(entidadId, comiteId, sesionId)}/compromisos`, datos),
    onSuccess: () => refrescar(cliente),
  });
}

export function useCumplir(entidadId: string, comiteId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (compromisoId: string) =>
      api('POST', `${base(entidadId)}/${comiteId}/compromisos/${compromisoId}/cumplido`),
    onSuccess: () => refrescar(cliente),
  });
}

export function useAdjuntarActa(entidadId: string, comiteId: string, sesionId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (archivo: File) =>
      subirArchivo(
        `${urlSesion(entidadId, comiteId, sesionId)}/acta-firmada?nombre=${encodeURIComponent(archivo.name)}`,
        archivo,
        { metodo: 'POST', tipo: 'application/pdf' },
      ),
    onSuccess: () => refrescar(cliente),
  });
}
