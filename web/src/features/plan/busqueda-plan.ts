// The plan's search and its filters by column, kept in the address (rutas.tsx reads them, the plan writes them).

/**
 * `buscar`, and the filters by column (politica, dependencia, estado), by the names shown. Not the responsable:
 * a person's name in an address ends in histories, logs and shared links (Ley 1581); that filter stays on the page.
 */
export const CLAVES_BUSQUEDA_PLAN = ['buscar', 'politica', 'dependencia', 'estado'] as const;
export type BusquedaPlan = Partial<Record<(typeof CLAVES_BUSQUEDA_PLAN)[number], string>>;

/** The table's search and filters as the address writes them: empty ones left out. */
export function busquedaPlanDe(c: {
  busqueda: string;
  filtros: Readonly<Record<string, string>>;
}): BusquedaPlan {
  return Object.fromEntries(
    CLAVES_BUSQUEDA_PLAN.map((k) => [k, (k === 'buscar' ? c.busqueda : c.filtros[k]) || undefined]),
  );
}

/** The filters an address brings, by column id (the search apart): only the ones it has. */
export function filtrosDe(b: BusquedaPlan): Record<string, string> {
  return Object.fromEntries(
    CLAVES_BUSQUEDA_PLAN.filter((k) => k !== 'buscar' && b[k]).map((k) => [k, b[k] as string]),
  );
}
