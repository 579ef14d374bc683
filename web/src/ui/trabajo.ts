// Which entity and year a signed-in page works on. Apart from contexto.tsx (the provider, with the roles'
// rules), since the root route decides it on the first load, before the signed-in frame's code arrives.
import type { Sesion } from '@contrato/auth.ts';

export const VIGENCIA_ACTUAL = new Date().getFullYear();

/** The entity and year in the address if the session has them, else the first entity and this year. */
export function trabajoDe(sesion: Sesion, busqueda: { entidad?: string; vigencia?: number }) {
  const entidadId = sesion.entidades.some((e) => e.id === busqueda.entidad)
    ? busqueda.entidad
    : sesion.entidades[0]?.id;
  return { entidadId, vigencia: busqueda.vigencia ?? VIGENCIA_ACTUAL };
}
