import type { EntidadResumen, Sesion } from '@contrato/auth.ts';
import { type Permiso, rolesPermiten } from '@core/roles.ts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { trabajoDe } from './trabajo.ts';

export { trabajoDe, VIGENCIA_ACTUAL } from './trabajo.ts';

interface Trabajo {
  sesion: Sesion;
  entidad: EntidadResumen | null;
  elegirEntidad: (id: string) => void;
  vigencia: number;
  elegirVigencia: (v: number) => void;
  /** Same rule as the server (src/core/roles.ts), only to hide what the user cannot do. */
  puede: (p: Permiso) => boolean;
}

const Contexto = createContext<Trabajo | null>(null);

/** Entity and year live in the address (shareable links, the back button), not in the device's storage. */
export function ProveedorTrabajo({ sesion, children }: { sesion: Sesion; children: ReactNode }) {
  const busqueda = useSearch({ from: '__root__' });
  const navegar = useNavigate();
  const { entidadId, vigencia } = trabajoDe(sesion, busqueda);
  const entidad = sesion.entidades.find((e) => e.id === entidadId) ?? null;
  // After logging in, or when the session's entities change, the address is corrected in place.
  useEffect(() => {
    if (entidadId !== busqueda.entidad || vigencia !== busqueda.vigencia)
      navegar({
        to: '.',
        search: ({ entidad: _e, vigencia: _v, ...resto }) => ({ entidad: entidadId, vigencia, ...resto }),
        replace: true,
        resetScroll: false,
        // A correction of the address, not a person leaving: nothing to ask.
        ignoreBlocker: true,
      });
  }, [entidadId, vigencia, busqueda.entidad, busqueda.vigencia, navegar]);
  // Another entity or year: the page's own choices (period, activity) belong to the old one.
  const elegir = (e: string | undefined, v: number) =>
    navegar({ to: '.', search: { entidad: e, vigencia: v }, resetScroll: false });
  const valor: Trabajo = {
    sesion,
    entidad,
    elegirEntidad: (id) => elegir(id, vigencia),
    vigencia,
    elegirVigencia: (v) => elegir(entidadId, v),
    puede: (p) => sesion.usuario.adminPlataforma || (!!entidad && rolesPermiten(entidad.roles, p)),
  };
  return <Contexto.Provider value={valor}>{children}</Contexto.Provider>;
}

export function useTrabajo(): Trabajo {
  const t = useContext(Contexto);
  if (!t) throw new Error('useTrabajo fuera de ProveedorTrabajo');
  return t;
}
