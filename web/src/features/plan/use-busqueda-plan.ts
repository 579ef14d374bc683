import { useLocation, useNavigate, useSearch } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { busquedaPlanDe, filtrosDe } from './busqueda-plan.ts';

interface Consulta {
  busqueda: string;
  filtros: Record<string, string>;
}

/**
 * The plan table's search and filters, kept in the address. The table holds what is typed (an input bound to
 * the address would lose letters while the router catches up) and writes each change in place, marked with a
 * number in the history entry's state. An address the table did not write — the menu's «Plan de acción»
 * without filters, «Atrás» to an entry from before that — opens the table anew with the address's values, so
 * the address and the table never disagree. `clave` changes when that happens (the table's React key).
 */
export function useBusquedaPlan() {
  const direccion = useSearch({ from: '/plan' });
  const buscar = direccion.buscar;
  const navegar = useNavigate({ from: '/plan' });
  const marca = useLocation({ select: (l) => (l.state as { consultaPlan?: number }).consultaPlan });
  const filtros = filtrosDe(direccion);
  const enDireccion = JSON.stringify(busquedaPlanDe({ busqueda: buscar ?? '', filtros }));
  // ultima: the last number written; desde: written before the table last opened anew (not its own now).
  const escrita = useRef({ ultima: 0, desde: 0, mostrada: enDireccion });
  const [clave, setClave] = useState(0);
  const e = escrita.current;
  const propia = marca !== undefined && marca > e.desde;
  if (!propia && enDireccion !== e.mostrada) {
    e.mostrada = enDireccion;
    e.desde = e.ultima;
    setClave((k) => k + 1);
  }
  const alCambiarConsulta = (c: Consulta) => {
    const busqueda = busquedaPlanDe(c);
    e.ultima += 1;
    e.mostrada = JSON.stringify(busqueda);
    const numero = e.ultima;
    navegar({
      search: (s) => ({ ...s, ...busqueda }),
      state: (s) => ({ ...s, consultaPlan: numero }),
      replace: true,
      resetScroll: false,
      // The same page: a form being filled in is not left, nothing to ask.
      ignoreBlocker: true,
    });
  };
  return { clave, consultaInicial: { busqueda: buscar, filtros }, alCambiarConsulta };
}
