import type { EntidadResumen, Sesion } from '@contrato/auth.ts';
import { type Permiso, rolesPermiten } from '@core/roles.ts';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { api, ErrorApi, fijarCsrf } from '../api.ts';

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

export function useSesion() {
  return useQuery({
    queryKey: ['sesion'],
    queryFn: async () => {
      try {
        const s = await api<Sesion>('GET', '/api/auth/sesion');
        fijarCsrf(s.csrf);
        return s;
      } catch (e) {
        if (e instanceof ErrorApi && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

const VIGENCIA_ACTUAL = new Date().getFullYear();

export function ProveedorTrabajo({ sesion, children }: { sesion: Sesion; children: ReactNode }) {
  const [entidadId, setEntidadId] = useState(() => localStorage.getItem('mipg.entidad'));
  const [vigencia, setVigencia] = useState(
    () => Number(localStorage.getItem('mipg.vigencia')) || VIGENCIA_ACTUAL,
  );
  const entidad = sesion.entidades.find((e) => e.id === entidadId) ?? sesion.entidades[0] ?? null;
  useEffect(() => {
    if (entidad) localStorage.setItem('mipg.entidad', entidad.id);
  }, [entidad]);
  const valor: Trabajo = {
    sesion,
    entidad,
    elegirEntidad: setEntidadId,
    vigencia,
    elegirVigencia: (v) => {
      localStorage.setItem('mipg.vigencia', String(v));
      setVigencia(v);
    },
    puede: (p) => sesion.usuario.adminPlataforma || (!!entidad && rolesPermiten(entidad.roles, p)),
  };
  return <Contexto.Provider value={valor}>{children}</Contexto.Provider>;
}

export function useTrabajo(): Trabajo {
  const t = useContext(Contexto);
  if (!t) throw new Error('useTrabajo fuera de ProveedorTrabajo');
  return t;
}
