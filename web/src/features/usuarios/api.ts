import type { BandejaCorreo } from '@contrato/correo.ts';
import type { ImportacionPersonas, UsuarioEntidad } from '@contrato/usuarios.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { useImportarPlantilla } from '../../api-archivos.ts';

export interface Invitacion {
  id: string;
  entidadId: string;
  entidad: string;
  roles: string[];
  creadoEn: string;
}

export interface InvitacionPendiente {
  id: string;
  correo: string;
  roles: string[];
  creadoEn: string;
}

export const usuarioKeys = {
  todo: ['usuarios'] as const,
  entidad: (entidadId: string | undefined) => ['usuarios', entidadId] as const,
  lista: (entidadId: string | undefined) => ['usuarios', entidadId, 'lista'] as const,
  invitaciones: (entidadId: string | undefined) => ['usuarios', entidadId, 'invitaciones'] as const,
  misInvitaciones: () => ['usuarios', 'mis-invitaciones'] as const,
};

export const usuariosQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: usuarioKeys.lista(entidadId),
    queryFn: () => api<UsuarioEntidad[]>('GET', `/api/entidades/${entidadId}/usuarios`),
    enabled: !!entidadId,
  });

/** Invitations this entity sent that are still waiting for an answer. */
export const invitacionesQuery = (entidadId: string | undefined) =>
  queryOptions({
    queryKey: usuarioKeys.invitaciones(entidadId),
    queryFn: () => api<InvitacionPendiente[]>('GET', `/api/entidades/${entidadId}/invitaciones`),
    enabled: !!entidadId,
  });

/** Invitations other entities sent to the person who is logged in. */
export const misInvitacionesQuery = () =>
  queryOptions({
    queryKey: usuarioKeys.misInvitaciones(),
    queryFn: () => api<Invitacion[]>('GET', '/api/invitaciones'),
  });

export interface RespuestaCrearUsuario {
  usuario: UsuarioEntidad | null;
  invitacion: { correo: string } | null;
  /** The one-time link to hand over when e-mail is off (a path: the origin is added on screen). */
  enlaceClave: string | null;
  correoEnviado: boolean;
}

export function useCrearUsuario(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (datos: { nombre: string; correo: string; cargo: string | null; roles: string[] }) =>
      api<RespuestaCrearUsuario>('POST', `/api/entidades/${entidadId}/usuarios`, datos),
    onSuccess: () => cliente.invalidateQueries({ queryKey: usuarioKeys.entidad(entidadId) }),
  });
}

export function useCambiarRoles(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ usuarioId, roles }: { usuarioId: string; roles: string[] }) =>
      api('PUT', `/api/entidades/${entidadId}/usuarios/${usuarioId}/roles`, { roles }),
    onSuccess: () => cliente.invalidateQueries({ queryKey: usuarioKeys.entidad(entidadId) }),
  });
}

export function useRestablecerClave(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (u: UsuarioEntidad) =>
      api<{ enlaceClave: string | null; correoEnviado: boolean }>(
        'POST',
        `/api/entidades/${entidadId}/usuarios/${u.id}/restablecer-clave`,
      ),
    onSuccess: () => cliente.invalidateQueries({ queryKey: usuarioKeys.entidad(entidadId) }),
  });
}

export function useRetirarInvitacion(entidadId: string) {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/entidades/${entidadId}/invitaciones/${id}`),
    onSuccess: () => cliente.invalidateQueries({ queryKey: usuarioKeys.invitaciones(entidadId) }),
  });
}

export function useResponderInvitacion() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: ({ id, acepta }: { id: string; acepta: boolean }) =>
      api('POST', `/api/invitaciones/${id}/${acepta ? 'aceptar' : 'rechazar'}`),
    // Accepting changes the session's entities and roles, and so almost every answer: all is refetched.
    onSuccess: () => cliente.invalidateQueries(),
  });
}

/** The platform's outbox and its failures (platform administrator only). */
export const bandejaCorreoQuery = () =>
  queryOptions({
    queryKey: ['plataforma', 'correo'] as const,
    queryFn: () => api<BandejaCorreo>('GET', '/api/plataforma/correo'),
  });

/** Many people at once from the template (.xlsx or .csv): all of them or none, with the file's problems. */
export const useImportarPersonas = (entidadId: string) =>
  useImportarPlantilla<ImportacionPersonas>(
    `/api/entidades/${entidadId}/usuarios/importar`,
    usuarioKeys.entidad(entidadId),
  );
