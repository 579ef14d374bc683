import type { Table } from '@mantine/core';
import { Button, Group, NativeSelect, Pagination, Text, TextInput } from '@mantine/core';
import {
  type ColumnDef,
  type ColumnFiltersState,
  columnFilteringFeature,
  constructFilterFn,
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  type PaginationState,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { type ComponentProps, type CSSProperties, type ReactNode, useId, useMemo, useState } from 'react';
import { CLASES_PARTE_TABLA } from './elementos-simples.tsx';
import { cantidad, numero } from './formato.ts';
import './tabla-datos.css';

/** Lowercase without accents: «Gestión» matches «gestion», as people type on a phone. */
export const sinTildes = (valor: unknown) =>
  String(valor ?? '')
    .toLocaleLowerCase('es-CO')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');

const contiene = constructFilterFn({
  ...filterFn_includesString,
  resolveFilterValue: sinTildes,
  resolveDataValue: sinTildes,
});

const features = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { contiene, igual: filterFn_equalsString },
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

export interface Columna<T> {
  id: string;
  /** Header text; on a phone it also labels the value inside each card. */
  titulo: string;
  /** The plain value used to sort, filter and search (what the cell shows unless `celda` says otherwise). */
  valor: (fila: T) => string | number | null;
  celda?: (fila: T) => ReactNode;
  /** Offer a drop-down filter built from the values present. */
  filtro?: boolean;
  ordenable?: boolean;
  numerica?: boolean;
  /** On a phone, the card's heading. */
  principal?: boolean;
  /**
   * The filter's choices when they are known beforehand (states, levels) or the server filters: `value` is what
   * `valor` returns (or what the server expects), `label` what people read. Without it, the values present.
   */
  opciones?: readonly { value: string; label: string }[];
  /** The filter's «all» choice: «Todas» unless the noun asks for «Todos». */
  todas?: string;
  /** Searched, filtered and grouped by, but not a column of its own (e.g. the policy of a grouped plan). */
  oculta?: boolean;
  /** On a phone the value takes the card's whole width (buttons, details, long text). */
  ancha?: boolean;
}

/** What the person typed and chose in a server-side list: the server searches and filters with it. */
export interface ConsultaServidor {
  busqueda: string;
  /** Column id → chosen value ('' or absent: all). */
  filtros: Readonly<Record<string, string>>;
  alCambiar: (consulta: { busqueda: string; filtros: Record<string, string> }) => void;
}

export interface PaginaServidor {
  pagina: number;
  porPagina: number;
  total: number;
  alCambiar: (pagina: number) => void;
  /** Without it the server list has no search box nor filters. */
  consulta?: ConsultaServidor;
  /** A new page is on its way (the previous one stays on screen). */
  cargando?: boolean;
}

/** One section of a grouped table, for the section's summary and its slot below the header. */
export interface Grupo<T> {
  clave: string;
  filas: readonly T[];
}

interface Props<T extends object> {
  /** Caption read by screen readers and used to name the search box («Buscar en …»). */
  titulo: string;
  /** Noun for counts, singular and plural: ['actividad', 'actividades']. */
  sustantivo: readonly [string, string];
  filas: readonly T[];
  columnas: readonly Columna<T>[];
  idFila: (fila: T) => string;
  /** Column id to group by: one collapsible section per value (pagination then works per section). */
  agruparPor?: string;
  buscar?: boolean;
  porPagina?: number;
  vacio?: ReactNode;
  /** The rows are one page of a server-side list: no client sorting, filtering or slicing. */
  servidor?: PaginaServidor;
  /** Said after a section's name and count, also when it is folded (e.g. the sum of the weights). */
  resumenGrupo?: (g: Grupo<T>) => ReactNode;
  /** Shown under an open section's header, across the table (e.g. a warning or the policy's weights grid). */
  detalleGrupo?: (g: Grupo<T>) => ReactNode;
  /** Buttons beside the search box (import, export…). */
  herramientas?: ReactNode;
  /** Sections start folded (a long list reads as one line per section); a search or filter opens them. */
  plegarGrupos?: boolean;
  /** Search and filters when the table appears: from the address (a shared link, a link to one row). */
  consultaInicial?: { busqueda?: string; filtros?: Readonly<Record<string, string>> };
  /** Told of each new search or filter (the page keeps them in the address, for links and the back button). */
  alCambiarConsulta?: (consulta: { busqueda: string; filtros: Record<string, string> }) => void;
}

const aFiltros = (filtros: Readonly<Record<string, string>> = {}): ColumnFiltersState =>
  Object.entries(filtros)
    .filter(([, v]) => v)
    .map(([id, value]) => ({ id, value }));
const deFiltros = (filtros: ColumnFiltersState): Record<string, string> =>
  Object.fromEntries(filtros.map((f) => [f.id, String(f.value)]));

/**
 * How every data table looks: the settings of Mantine's Table that the plain markup below reproduces (the
 * test renders Mantine's table with them and compares). The type-only import of Table keeps its stylesheet in
 * the build (web/estilos-mantine.ts) now that no component of the app renders it.
 */
export const PROPIEDADES_TABLA = {
  stickyHeader: true,
  striped: true,
  withTableBorder: true,
} as const satisfies Partial<ComponentProps<typeof Table>>;

// Each part of the table as Mantine's Table draws it, in plain elements (ui/elementos-simples.tsx): the same
// classes, and the data attributes PROPIEDADES_TABLA gives each row.
const FILA = {
  className: CLASES_PARTE_TABLA.tr,
  'data-with-row-border': true,
  'data-striped': 'odd',
} as const;
const CELDA = CLASES_PARTE_TABLA.td;
const claseCelda = (c: Pick<Columna<never>, 'principal' | 'numerica' | 'ancha'>) =>
  [
    CELDA,
    c.principal ? 'tabla-datos__principal' : c.numerica ? 'tabla-datos__numero' : '',
    c.ancha ? 'tabla-datos__ancha' : '',
  ]
    .filter(Boolean)
    .join(' ');

const texto = (v: string | number | null) => (v === null ? '—' : typeof v === 'number' ? numero(v) : v);

/**
 * The one data table of the app: search without accents, sort, drop-down filters, pages, a sticky header and,
 * on a phone, each row as a card. Built on TanStack Table (headless); markup and accessibility are ours.
 */
export function TablaDatos<T extends object>({
  titulo,
  sustantivo,
  filas,
  columnas,
  idFila,
  agruparPor,
  buscar = true,
  porPagina = 25,
  vacio = 'No hay registros.',
  servidor,
  resumenGrupo,
  detalleGrupo,
  herramientas,
  plegarGrupos = false,
  consultaInicial,
  alCambiarConsulta,
}: Props<T>) {
  const idBusqueda = useId();
  const [busquedaLocal, setBusqueda] = useState(consultaInicial?.busqueda ?? '');
  const [filtrosLocales, setFiltros] = useState<ColumnFiltersState>(() => aFiltros(consultaInicial?.filtros));
  const consulta = servidor?.consulta;
  // A server list keeps its search and filters with whoever asks the server; a local one keeps them here
  // (and tells the page, which may keep them in the address).
  const busqueda = consulta ? consulta.busqueda : busquedaLocal;
  const cambiarLocal = (b: string, fs: ColumnFiltersState) => {
    setBusqueda(b);
    setFiltros(fs);
    setPaginacion((p) => ({ ...p, pageIndex: 0 }));
    alCambiarConsulta?.({ busqueda: b, filtros: deFiltros(fs) });
  };
  const [orden, setOrden] = useState<SortingState>([]);
  const [paginacion, setPaginacion] = useState<PaginationState>({ pageIndex: 0, pageSize: porPagina });
  // Sections the person opened or folded; the others follow `plegarGrupos` (open while searching).
  const [plegado, setPlegado] = useState<ReadonlyMap<string, boolean>>(new Map());

  const defs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columnas.map((c) => ({
        id: c.id,
        header: c.titulo,
        // undefined (not null) so that rows without a figure stay last in both directions.
        accessorFn: (f: T) => c.valor(f) ?? undefined,
        enableSorting: c.ordenable !== false,
        filterFn: c.filtro ? 'igual' : 'contiene',
        sortFn: c.numerica ? 'basic' : 'alphanumeric',
        sortUndefined: 'last',
      })),
    [columnas],
  );
  const porId = useMemo(() => new Map(columnas.map((c) => [c.id, c])), [columnas]);
  const filtrables = useMemo(() => columnas.filter((c) => c.filtro), [columnas]);
  const opciones = useMemo(
    () =>
      new Map(
        filtrables.map((c) => [
          c.id,
          c.opciones ??
            [...new Set(filas.map((f) => c.valor(f)).filter((v) => v !== null && v !== ''))]
              .map(String)
              .sort((a, b) => a.localeCompare(b, 'es-CO'))
              .map((v) => ({ value: v, label: v })),
        ]),
      ),
    [filtrables, filas],
  );
  // Only the filters of columns that offer one, with a value among its choices: an address may bring anything
  // (a stale name, a typo), and a filter the drop-down cannot show would hide rows with every control on «Todas».
  // A column whose names are still loading (dependencias) applies its filter when it appears.
  // (The same array while nothing changes: a new one would send the table back to its first page.)
  const filtrosServidor = consulta?.filtros;
  const filtros = useMemo(
    () =>
      filtrosServidor
        ? aFiltros(filtrosServidor)
        : filtrosLocales.filter((f) => opciones.get(f.id)?.some((o) => o.value === f.value)),
    [filtrosServidor, filtrosLocales, opciones],
  );
  const mostradas = columnas.filter((c) => !c.oculta);
  // Grouped tables show every matching row inside its section; slicing pages across sections confuses.
  const paginar = !agruparPor && !servidor;
  const table = useTable({
    features,
    columns: defs,
    data: filas as T[],
    getRowId: idFila,
    state: {
      globalFilter: busquedaLocal,
      columnFilters: consulta ? filtrosLocales : filtros,
      sorting: orden,
      pagination: paginacion,
    },
    onGlobalFilterChange: (u) => setBusqueda((v) => String(typeof u === 'function' ? u(v) : u)),
    onColumnFiltersChange: setFiltros,
    onSortingChange: setOrden,
    onPaginationChange: setPaginacion,
    globalFilterFn: 'contiene',
    getColumnCanGlobalFilter: () => true,
    manualFiltering: !!servidor,
    manualSorting: !!servidor,
    manualPagination: !paginar,
    enableSortingRemoval: true,
  });

  const visibles = table.getRowModel().rows;
  const coincidencias = servidor ? servidor.total : table.getFilteredRowModel().rows.length;
  const hayFiltro = busqueda !== '' || filtros.length > 0;

  const grupos = useMemo(() => {
    if (!agruparPor) return [{ clave: '', filas: visibles }];
    const col = porId.get(agruparPor);
    const claveDe = (f: T) => String(col?.valor(f) ?? 'Sin dato');
    // Sections keep the order of the data (the catalogue's, for policies), whatever the rows' sort.
    const mapa = new Map<string, typeof visibles>(filas.map((f) => [claveDe(f), []]));
    for (const fila of visibles) mapa.get(claveDe(fila.original))?.push(fila);
    return [...mapa.entries()].filter(([, fs]) => fs.length > 0).map(([clave, filas]) => ({ clave, filas }));
  }, [agruparPor, porId, visibles, filas]);

  const estaAbierto = (clave: string) => !(plegado.get(clave) ?? (plegarGrupos && !hayFiltro));
  const alternar = (clave: string) => setPlegado((actual) => new Map(actual).set(clave, estaAbierto(clave)));
  const todosAbiertos = grupos.every((g) => estaAbierto(g.clave));
  const alternarTodos = () => setPlegado(new Map(grupos.map((g) => [g.clave, todosAbiertos])));

  const totalPaginas = servidor
    ? Math.max(1, Math.ceil(servidor.total / servidor.porPagina))
    : paginar
      ? table.getPageCount()
      : 1;
  const paginaActual = servidor ? servidor.pagina : paginacion.pageIndex + 1;

  const cambiarBusqueda = (texto: string) => {
    if (consulta) consulta.alCambiar({ busqueda: texto, filtros: { ...consulta.filtros } });
    else cambiarLocal(texto, filtrosLocales);
  };
  const cambiarFiltro = (id: string, valor: string) => {
    if (consulta)
      consulta.alCambiar({ busqueda: consulta.busqueda, filtros: { ...consulta.filtros, [id]: valor } });
    else
      cambiarLocal(busquedaLocal, [
        ...filtrosLocales.filter((f) => f.id !== id),
        ...(valor ? [{ id, value: valor }] : []),
      ]);
  };
  const quitarFiltros = () => {
    if (consulta) consulta.alCambiar({ busqueda: '', filtros: {} });
    else cambiarLocal('', []);
  };
  const conBarra = (servidor ? !!consulta : buscar || filtrables.length > 0) || !!herramientas;

  return (
    <div className="tabla-datos">
      {conBarra && (
        <Group align="flex-end" gap="sm" wrap="wrap" mb="sm">
          {buscar && (!servidor || consulta) && (
            <TextInput
              id={idBusqueda}
              type="search"
              label={`Buscar en ${titulo.toLocaleLowerCase('es-CO')}`}
              value={busqueda}
              onChange={(e) => cambiarBusqueda(e.currentTarget.value)}
              maxLength={servidor ? 100 : 200}
              style={{ flex: '1 1 16rem' }}
            />
          )}
          {filtrables
            .filter((c) => !servidor || (consulta && c.opciones))
            .map((c) => (
              <NativeSelect
                key={c.id}
                label={c.titulo}
                value={String(filtros.find((f) => f.id === c.id)?.value ?? '')}
                onChange={(e) => cambiarFiltro(c.id, e.currentTarget.value)}
                data={[{ value: '', label: c.todas ?? 'Todas' }, ...(opciones.get(c.id) ?? [])]}
                style={{ flex: '1 1 9rem', maxWidth: '16rem' }}
              />
            ))}
          {hayFiltro && (
            <Button variant="subtle" onClick={quitarFiltros}>
              Quitar filtros
            </Button>
          )}
          {herramientas}
        </Group>
      )}
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Text size="sm" role="status">
          {coincidencias === filas.length || servidor
            ? cantidad(coincidencias, ...sustantivo)
            : `${numero(coincidencias)} de ${cantidad(filas.length, ...sustantivo)}`}
        </Text>
        {agruparPor && grupos.length > 1 && (
          <Button variant="subtle" size="compact-sm" onClick={alternarTodos}>
            {todosAbiertos ? 'Plegar todas las secciones' : 'Abrir todas las secciones'}
          </Button>
        )}
      </Group>
      {coincidencias === 0 ? (
        <Text c="dimmed">{hayFiltro ? 'Ningún registro coincide con la búsqueda.' : vacio}</Text>
      ) : (
        <table
          // Mantine's default vertical spacing (xs) and the attributes of PROPIEDADES_TABLA.
          style={{ '--table-vertical-spacing': 'calc(0.4375rem * var(--mantine-scale))' } as CSSProperties}
          className={`${CLASES_PARTE_TABLA.table} tabla-datos__tabla`}
          data-with-table-border
          aria-busy={servidor?.cargando || undefined}
        >
          <caption className={`${CLASES_PARTE_TABLA.caption} visualmente-oculto`} data-side="bottom">
            {titulo}
          </caption>
          <thead className={CLASES_PARTE_TABLA.thead} data-sticky>
            <tr {...FILA}>
              {table
                .getHeaderGroups()[0]
                ?.headers.filter((h) => !porId.get(h.column.id)?.oculta)
                .map((h) => {
                  const sentido = h.column.getIsSorted();
                  const c = porId.get(h.column.id);
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={
                        sentido === 'asc' ? 'ascending' : sentido === 'desc' ? 'descending' : undefined
                      }
                      className={
                        c?.numerica ? `${CLASES_PARTE_TABLA.th} tabla-datos__numero` : CLASES_PARTE_TABLA.th
                      }
                    >
                      {h.column.getCanSort() && !servidor ? (
                        <button
                          type="button"
                          className="tabla-datos__ordenar"
                          onClick={h.column.getToggleSortingHandler()}
                        >
                          {c?.titulo}
                          <span aria-hidden>
                            {sentido === 'asc' ? ' ▲' : sentido === 'desc' ? ' ▼' : ' ↕'}
                          </span>
                          <span className="visualmente-oculto">
                            {sentido === 'asc'
                              ? ', orden ascendente; pulse para descendente'
                              : sentido === 'desc'
                                ? ', orden descendente; pulse para quitar el orden'
                                : ', pulse para ordenar'}
                          </span>
                        </button>
                      ) : (
                        c?.titulo
                      )}
                    </th>
                  );
                })}
            </tr>
          </thead>
          {grupos.map((g) => {
            const abierto = estaAbierto(g.clave);
            return (
              <tbody key={g.clave || 'todas'} className={CLASES_PARTE_TABLA.tbody}>
                {agruparPor && (
                  <tr {...FILA} className={`${FILA.className} tabla-datos__grupo`}>
                    <th scope="rowgroup" colSpan={mostradas.length} className={CLASES_PARTE_TABLA.th}>
                      <button
                        type="button"
                        aria-expanded={abierto}
                        className="tabla-datos__alternar"
                        onClick={() => alternar(g.clave)}
                      >
                        <span aria-hidden>{abierto ? '▾ ' : '▸ '}</span>
                        {g.clave} ({numero(g.filas.length)})
                        {resumenGrupo && (
                          <span className="tabla-datos__resumen">
                            {' · '}
                            {resumenGrupo({ clave: g.clave, filas: g.filas.map((f) => f.original) })}
                          </span>
                        )}
                      </button>
                    </th>
                  </tr>
                )}
                {agruparPor && abierto && detalleGrupo && (
                  <DetalleGrupo columnas={mostradas.length}>
                    {detalleGrupo({ clave: g.clave, filas: g.filas.map((f) => f.original) })}
                  </DetalleGrupo>
                )}
                {abierto &&
                  g.filas.map((fila) => (
                    <tr key={fila.id} {...FILA}>
                      {mostradas.map((c) => (
                        <td key={c.id} data-etiqueta={c.titulo} className={claseCelda(c)}>
                          {c.celda ? c.celda(fila.original) : texto(c.valor(fila.original))}
                        </td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            );
          })}
        </table>
      )}
      {totalPaginas > 1 && (
        <Pagination
          mt="sm"
          total={totalPaginas}
          value={paginaActual}
          onChange={(p) =>
            servidor ? servidor.alCambiar(p) : setPaginacion((x) => ({ ...x, pageIndex: p - 1 }))
          }
          getItemProps={(p) => ({ 'aria-label': `Página ${p}` })}
          getControlProps={(control) => ({
            'aria-label': {
              first: 'Primera página',
              last: 'Última página',
              next: 'Página siguiente',
              previous: 'Página anterior',
            }[control],
          })}
        />
      )}
    </div>
  );
}

/** The row under a section's header for what belongs to the whole section; nothing when there is nothing. */
function DetalleGrupo({ columnas, children }: { columnas: number; children: ReactNode }) {
  if (children === null || children === undefined || children === false) return null;
  return (
    <tr {...FILA} className={`${FILA.className} tabla-datos__detalle`}>
      <td colSpan={columnas} className={CELDA}>
        {children}
      </td>
    </tr>
  );
}
