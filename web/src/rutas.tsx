import type { Sesion } from '@contrato/auth.ts';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  defaultParseSearch,
  defaultStringifySearch,
  type ErrorComponentProps,
  lazyRouteComponent,
  redirect,
  retainSearchParams,
} from '@tanstack/react-router';
import { ErrorApi } from './api.ts';
import { sesionQuery } from './features/auth/sesion.ts';
import { type BusquedaPlan, CLAVES_BUSQUEDA_PLAN } from './features/plan/busqueda-plan.ts';
import { resumenTablero } from './features/tablero/api.ts';
import { periodoVigente, vigenciaQuery } from './features/vigencias/consultas.ts';
import { MensajeError, Pagina } from './ui/componentes.tsx';
import { CargandoPagina, CargandoSesion } from './ui/esqueleto.tsx';
import { esPublica, precargarIngreso, precargarMarco, Raiz, trabajoDe } from './ui/raiz.tsx';
import { Enlace } from './ui/router.tsx';

// Search params are validated here, so pages read typed values and a hand-edited address never breaks them.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (x: unknown) => (typeof x === 'string' && UUID.test(x) ? x : undefined);
const entero = (x: unknown, min: number, max: number) => {
  const n = typeof x === 'number' ? x : typeof x === 'string' && x !== '' ? Number(x) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

export interface BusquedaTrabajo {
  entidad?: string;
  vigencia?: number;
}
export interface BusquedaPeriodo {
  periodo?: number;
}

export interface ContextoRutas {
  queryClient: QueryClient;
}

function NoEncontrada() {
  return (
    <Pagina titulo="Página no encontrada">
      <p>
        La dirección no existe. <Enlace a="/">Volver al inicio</Enlace>.
      </p>
    </Pagina>
  );
}

function ErrorDePagina({ error }: ErrorComponentProps) {
  // A failed chunk (new version installed, connection lost) says so in Spanish, not in the browser's words.
  const mostrado =
    error instanceof ErrorApi
      ? error
      : new Error('No fue posible cargar la página. Revise su conexión a internet y recargue la página.');
  return (
    <Pagina titulo="No fue posible abrir la página">
      <MensajeError error={mostrado} />
    </Pagina>
  );
}

/**
 * Whether the address's page will show. Without a session the login page shows whatever the address asks
 * for, so downloading the page's code (and what it imports: its queries, the contract's schemas) would only
 * slow the login page down. The root route's `beforeLoad` sets it; the router asks for a page's code only
 * after every `beforeLoad` has run.
 */
let paginaVisible = true;

const validarTrabajo = (s: Record<string, unknown>): BusquedaTrabajo => ({
  entidad: uuid(s.entidad),
  vigencia: entero(s.vigencia, 2000, 2100),
});

const raiz = createRootRouteWithContext<ContextoRutas>()({
  validateSearch: validarTrabajo,
  // Every link inside the platform keeps the entity and year being worked on.
  search: { middlewares: [retainSearchParams(['entidad', 'vigencia'])] },
  beforeLoad: async ({ context, location, search }) => {
    paginaVisible = true;
    if (esPublica(location.pathname)) return { sesion: null, trabajo: null };
    const sesion = await sesionActual(context.queryClient);
    if (!sesion) precargarIngreso(context.queryClient);
    if (!sesion || sesion.usuario.debeCambiarClave) {
      paginaVisible = false;
      return { sesion, trabajo: null };
    }
    void precargarMarco();
    const trabajo = trabajoDe(sesion, search);
    // A missing or foreign entity, or a missing year, is replaced in the address (no new history entry).
    if (trabajo.entidadId !== search.entidad || trabajo.vigencia !== search.vigencia)
      throw redirect({
        to: location.pathname,
        search: await busquedaConTrabajo(context.queryClient, location.pathname, trabajo, location.search),
        replace: true,
      });
    return { sesion, trabajo };
  },
  component: Raiz,
  // While the session is asked for on a slow connection: the frame with its landmarks, as on every page.
  pendingComponent: CargandoSesion,
  notFoundComponent: NoEncontrada,
  errorComponent: ErrorDePagina,
});

/**
 * The search with the entity and year at work. A page by period gets its period in the same rewrite of the
 * address: each rewrite runs the router's whole load again (≈ 25 ms of main thread on a phone), and a bare
 * «/tablero» needed two.
 */
async function busquedaConTrabajo(
  cliente: QueryClient,
  camino: string,
  trabajo: { entidadId: string | undefined; vigencia: number },
  busqueda: object,
) {
  const { entidad: _e, vigencia: _v, ...resto } = busqueda as BusquedaTrabajo & BusquedaPeriodo;
  const periodo =
    resto.periodo === undefined && PAGINAS_POR_PERIODO.has(camino) && trabajo.entidadId
      ? await periodoActual(cliente, { entidadId: trabajo.entidadId, vigencia: trabajo.vigencia })
      : undefined;
  return {
    entidad: trabajo.entidadId,
    vigencia: trabajo.vigencia,
    ...resto,
    ...(periodo !== undefined && { periodo }),
  };
}

/**
 * The address a person opened, completed before the router starts, as the root route (and a page by period)
 * would complete it with a redirect: with the entity and year at work, and on a page by period its current
 * period. A redirect runs the router's first load twice, in the seconds a phone is busiest; here the router
 * starts on the final address and loads once. Nothing is drawn meanwhile: the served first paint stays, as it
 * stayed while the root route waited for the same answers. Without a session, or on a public page, the
 * address is left to the router.
 */
export async function completarDireccionInicial(cliente: QueryClient) {
  const camino = window.location.pathname;
  // An encoded path («/%74ablero») or one that reads as another host («//x») is left to the router, which
  // decodes and checks it its own way.
  if (esPublica(camino) || camino.includes('%') || camino.startsWith('//')) return;
  const sesion = await sesionActual(cliente);
  // Without a session the login page shows: its code starts downloading now, not after the router is built.
  if (!sesion) precargarIngreso(cliente);
  if (!sesion || sesion.usuario.debeCambiarClave) return;
  // As the root route does: the frame's code downloads while the period is asked for.
  void precargarMarco();
  const busqueda: Record<string, unknown> = defaultParseSearch(window.location.search);
  const valida = validarTrabajo(busqueda);
  const trabajo = trabajoDe(sesion, valida);
  const sinPeriodo = PAGINAS_POR_PERIODO.has(camino) && validarPeriodo(busqueda).periodo === undefined;
  if (trabajo.entidadId === valida.entidad && trabajo.vigencia === valida.vigencia && !sinPeriodo) return;
  if (sinPeriodo) delete busqueda.periodo;
  const direccion = new URL(window.location.href);
  direccion.search = defaultStringifySearch(await busquedaConTrabajo(cliente, camino, trabajo, busqueda));
  window.history.replaceState(window.history.state, '', direccion.href);
}

/**
 * The session, asked once per page: one that failed a moment ago (start-up asked first, with its retry) is not
 * asked again by the root route, which shows the error as before.
 */
function sesionActual(cliente: QueryClient): Promise<Sesion | null> {
  if (fallidaHaceUnMomento(cliente, sesionQuery().queryKey)) return Promise.resolve(null);
  return cliente.ensureQueryData(sesionQuery()).catch(() => null);
}

/** A query that failed less than 5 s ago: the same page already asked, with its retry, and showed the error. */
function fallidaHaceUnMomento(cliente: QueryClient, clave: readonly unknown[]) {
  const estado = cliente.getQueryState(clave);
  return estado?.status === 'error' && Date.now() - estado.errorUpdatedAt < 5000;
}

type Contexto = ContextoRutas & {
  trabajo: { entidadId: string | undefined; vigencia: number } | null;
};

/**
 * Prefetch in the loader: the page's data downloads while its code does. A failure is left to the page,
 * which shows it in place (the same queries, from the same `api.ts`). A change of search on the same page
 * (period, entity, year) does not wait here: the page stays, with the control that was used still focused,
 * and shows its own loading state.
 */
function precargar({ queryClient }: Contexto, ...consultas: object[]) {
  type Opciones = Parameters<QueryClient['ensureQueryData']>[0];
  return Promise.all(
    consultas.map((c) => queryClient.ensureQueryData(c as Opciones).catch(() => undefined)),
  ).then(() => undefined);
}

/**
 * The features' query options (`api.ts`, with the contract's schemas they use) are imported here only when a
 * page is opened, never with the first load: the login page does not download what the signed-in pages ask.
 * Each page's chunk imports the same modules, so the browser fetches them once.
 */
const consultas = {
  calendario: () => import('./features/calendario/api.ts'),
  publicaciones: () => import('./features/publicaciones/api.ts'),
  comites: () => import('./features/comites/api.ts'),
  catalogo: () => import('./features/catalogo/api.ts'),
  dependencias: () => import('./features/dependencias/api.ts'),
  entidad: () => import('./features/entidad/api.ts'),
  furag: () => import('./features/furag/api.ts'),
  recomendaciones: () => import('./features/furag/recomendaciones-api.ts'),
  autodiagnosticos: () => import('./features/autodiagnosticos/api.ts'),
  indicadores: () => import('./features/indicadores/api.ts'),
  plan: () => import('./features/plan/api.ts'),
  seguimiento: () => import('./features/seguimiento/api.ts'),
  usuarios: () => import('./features/usuarios/api.ts'),
  vigencias: () => import('./features/vigencias/api.ts'),
};

/** The usual loader: for the entity and year at work, prefetch what `lista` gives (after importing its modules). */
const precargaDe =
  (lista: (t: { entidadId: string; vigencia: number }) => Promise<object[]>) =>
  async ({ context, cause }: { context: Contexto; cause: string }) => {
    if (cause === 'stay') return;
    const t = context.trabajo;
    if (!t?.entidadId) return;
    const opciones = await lista({ entidadId: t.entidadId, vigencia: t.vigencia }).catch(() => []);
    return precargar(context, ...opciones);
  };

/**
 * The loader of a page by period (seguimiento, tablero): the year's settings say which period is current,
 * then `lista` gives what to prefetch for it.
 */
const precargaPorPeriodo =
  <M,>(
    importar: () => Promise<M>,
    lista: (m: M, t: { entidadId: string; vigencia: number; periodo: number }) => object[],
  ) =>
  async ({ context, deps, cause }: { context: Contexto; deps: BusquedaPeriodo; cause: string }) => {
    if (cause === 'stay') return;
    const t = context.trabajo;
    if (!t?.entidadId) return;
    // The year's settings are asked for at once (their query is in the first load), while the page's
    // queries arrive.
    const modulo = importar();
    modulo.catch(() => undefined);
    const config = await context.queryClient
      .ensureQueryData(vigenciaQuery(t.entidadId, t.vigencia))
      .catch(() => null);
    const cargado = await modulo.then(
      (m) => ({ m }),
      () => null,
    );
    if (!config || !cargado) return;
    const periodo = periodoVigente(config, deps.periodo);
    return precargar(context, ...lista(cargado.m, { entidadId: t.entidadId, vigencia: t.vigencia, periodo }));
  };

/** A page's code, downloaded alongside its data when the page will show, or when it first renders. */
const pagina = <T extends Record<string, unknown>>(importar: () => Promise<T>, nombre: keyof T) => {
  const componente = lazyRouteComponent(importar, nombre as never);
  const precargar = componente.preload;
  componente.preload = () => (paginaVisible && precargar ? precargar() : Promise.resolve());
  return componente;
};

const inicio = createRoute({
  getParentRoute: () => raiz,
  path: '/',
  component: pagina(() => import('./features/inicio/inicio-page.tsx'), 'InicioPage'),
});

const plan = createRoute({
  getParentRoute: () => raiz,
  path: '/plan',
  // The table's search and filters live in the address: a link to one activity (from a recommendation or an
  // autodiagnóstico gap) opens the plan filtered, a filtered plan can be shared, and «atrás» comes back to it.
  validateSearch: (s: Record<string, unknown>): BusquedaPlan =>
    Object.fromEntries(
      CLAVES_BUSQUEDA_PLAN.map((clave) => {
        // An address parses «buscar=2026» as a number: a code is text all the same.
        const v = typeof s[clave] === 'number' ? String(s[clave]) : s[clave];
        return [clave, typeof v === 'string' && v !== '' && v.length <= 200 ? v : undefined];
      }),
    ),
  // The entity's profile too: its FURAG form decides which policies the plan offers.
  loader: precargaDe(async (t) => {
    const [plan, catalogo, entidad] = await Promise.all([
      consultas.plan(),
      consultas.catalogo(),
      consultas.entidad(),
    ]);
    return [
      plan.planQuery(t.entidadId, t.vigencia),
      catalogo.catalogoQuery(t.vigencia),
      entidad.entidadQuery(t.entidadId),
    ];
  }),
  component: pagina(() => import('./features/plan/plan-page.tsx'), 'PlanPage'),
});

const planPropio = createRoute({
  getParentRoute: () => raiz,
  path: '/plan/importar',
  component: pagina(() => import('./features/importacion/plan-propio-page.tsx'), 'PlanPropioPage'),
});

const validarPeriodo = (s: Record<string, unknown>): BusquedaPeriodo => ({
  periodo: entero(s.periodo, 1, 12),
});

/**
 * A page by period always shows its cut-off in the address (the link shared is the page seen). Without one,
 * the current period is written there before the page draws: set from the page, it drew everything twice
 * (a second whole render, 200 ms on a slow phone).
 */
const periodoEnLaDireccion = async ({
  context,
  location,
  search,
}: {
  context: Contexto;
  location: { pathname: string; search: object };
  search: BusquedaPeriodo;
}) => {
  const t = context.trabajo;
  if (search.periodo !== undefined || !t?.entidadId) return;
  const periodo = await periodoActual(context.queryClient, { entidadId: t.entidadId, vigencia: t.vigencia });
  if (periodo === undefined) return;
  throw redirect({
    to: location.pathname,
    search: { ...location.search, periodo } as never,
    replace: true,
  });
};

/** The pages by period: the root route writes their period along with the entity and year it adds. */
const PAGINAS_POR_PERIODO = new Set(['/seguimiento', '/tablero']);

/**
 * The year's current period, from its settings (their query is in the first load); none without settings.
 * Settings that failed a moment ago (the root route asked first) are not asked again for the same page.
 */
function periodoActual(cliente: QueryClient, t: { entidadId: string; vigencia: number }) {
  const consulta = vigenciaQuery(t.entidadId, t.vigencia);
  if (fallidaHaceUnMomento(cliente, consulta.queryKey)) return Promise.resolve(undefined);
  return cliente.ensureQueryData(consulta).then(
    (config) => periodoVigente(config, undefined),
    () => undefined,
  );
}

const seguimiento = createRoute({
  getParentRoute: () => raiz,
  path: '/seguimiento',
  validateSearch: (s: Record<string, unknown>): BusquedaPeriodo & { actividad?: string } => ({
    ...validarPeriodo(s),
    actividad: uuid(s.actividad),
  }),
  beforeLoad: periodoEnLaDireccion,
  loaderDeps: ({ search }) => ({ periodo: search.periodo }),
  loader: precargaPorPeriodo(
    () => Promise.all([consultas.seguimiento(), consultas.catalogo()]),
    ([seguimiento, catalogo], t) => [
      seguimiento.hojaQuery(t.entidadId, t.vigencia, t.periodo),
      catalogo.catalogoQuery(t.vigencia),
    ],
  ),
  component: pagina(() => import('./features/seguimiento/seguimiento-page.tsx'), 'SeguimientoPage'),
});

const tablero = createRoute({
  getParentRoute: () => raiz,
  path: '/tablero',
  validateSearch: validarPeriodo,
  beforeLoad: periodoEnLaDireccion,
  loaderDeps: ({ search }) => ({ periodo: search.periodo }),
  // The dashboard's summary query is in the first load (it is small): the tablero is most people's first
  // page, and its data must not wait for another chunk.
  loader: precargaPorPeriodo(
    () => Promise.resolve(null),
    (_m, t) => [resumenTablero(t.entidadId, t.vigencia, t.periodo)],
  ),
  component: pagina(() => import('./features/tablero/tablero-page.tsx'), 'TableroPage'),
});

const indicadores = createRoute({
  getParentRoute: () => raiz,
  path: '/indicadores',
  loader: precargaDe(async (t) => {
    const [indicadores, vigencias, catalogo] = await Promise.all([
      consultas.indicadores(),
      consultas.vigencias(),
      consultas.catalogo(),
    ]);
    return [
      indicadores.indicadoresQuery(t.entidadId, t.vigencia),
      vigencias.vigenciaQuery(t.entidadId, t.vigencia),
      catalogo.catalogoQuery(t.vigencia),
    ];
  }),
  component: pagina(() => import('./features/indicadores/indicadores-page.tsx'), 'IndicadoresPage'),
});

const vigencia = createRoute({
  getParentRoute: () => raiz,
  path: '/vigencia',
  loader: precargaDe(async (t) => [(await consultas.vigencias()).vigenciaQuery(t.entidadId, t.vigencia)]),
  component: pagina(() => import('./features/vigencias/vigencias-page.tsx'), 'VigenciasPage'),
});

const catalogo = createRoute({
  getParentRoute: () => raiz,
  path: '/catalogo',
  loader: precargaDe(async (t) => {
    const [{ catalogoQuery, responsablesQuery }, { entidadQuery }] = await Promise.all([
      consultas.catalogo(),
      consultas.entidad(),
    ]);
    return [catalogoQuery(t.vigencia), responsablesQuery(t.entidadId, t.vigencia), entidadQuery(t.entidadId)];
  }),
  component: pagina(() => import('./features/catalogo/catalogo-page.tsx'), 'CatalogoPage'),
});

const entidad = createRoute({
  getParentRoute: () => raiz,
  path: '/entidad',
  loader: precargaDe(async (t) => [(await consultas.entidad()).entidadQuery(t.entidadId)]),
  component: pagina(() => import('./features/entidad/entidad-page.tsx'), 'EntidadPage'),
});

const furag = createRoute({
  getParentRoute: () => raiz,
  path: '/furag',
  // The results' vigencia (a past year, apart from the year being worked on).
  validateSearch: (s: Record<string, unknown>): { medicion?: number } => ({
    medicion: entero(s.medicion, 2000, 2100),
  }),
  // Prefetches the last vigencia loaded, what the menu opens; another one is asked for by the page.
  loader: precargaDe(async (t) => [(await consultas.furag()).furagQuery(t.entidadId)]),
  component: pagina(() => import('./features/furag/furag-page.tsx'), 'FuragPage'),
});

const recomendaciones = createRoute({
  getParentRoute: () => raiz,
  path: '/furag/recomendaciones',
  validateSearch: (s: Record<string, unknown>): { recomendacion?: string } => ({
    recomendacion: uuid(s.recomendacion),
  }),
  loader: precargaDe(async (t) => [(await consultas.recomendaciones()).recomendacionesQuery(t.entidadId)]),
  component: pagina(() => import('./features/furag/recomendaciones-page.tsx'), 'RecomendacionesPage'),
});

const autodiagnosticos = createRoute({
  getParentRoute: () => raiz,
  path: '/autodiagnosticos',
  loader: precargaDe(async (t) => [
    (await consultas.autodiagnosticos()).autodiagnosticosQuery(t.entidadId, t.vigencia),
  ]),
  component: pagina(
    () => import('./features/autodiagnosticos/autodiagnosticos-page.tsx'),
    'AutodiagnosticosPage',
  ),
});

const autodiagnostico = createRoute({
  getParentRoute: () => raiz,
  path: '/autodiagnosticos/$id',
  // An id that is not one reaches the API, which answers «no existe» in Spanish like any other.
  component: pagina(
    () => import('./features/autodiagnosticos/autodiagnostico-page.tsx'),
    'AutodiagnosticoPage',
  ),
});

// The list and one rehearsal share a route: one entry in the first load for both pages.
const simulacros = createRoute({
  getParentRoute: () => raiz,
  path: '/simulacros/{-$id}',
  component: pagina(() => import('./features/simulacros/simulacros.tsx'), 'SimulacrosPage'),
});

const calendario = createRoute({
  getParentRoute: () => raiz,
  path: '/calendario',
  loader: precargaDe(async (t) => {
    const c = await consultas.calendario();
    return [c.calendarioQuery(t.entidadId, t.vigencia), c.calendarioLegalQuery(t.entidadId, t.vigencia)];
  }),
  component: pagina(() => import('./features/calendario/calendario-page.tsx'), 'CalendarioPage'),
});

const publicaciones = createRoute({
  getParentRoute: () => raiz,
  path: '/publicaciones',
  loader: precargaDe(async (t) => [(await consultas.publicaciones()).paqueteQuery(t.entidadId, t.vigencia)]),
  component: pagina(() => import('./features/publicaciones/publicaciones-page.tsx'), 'PublicacionesPage'),
});

const comites = createRoute({
  getParentRoute: () => raiz,
  path: '/comites',
  loader: precargaDe(async (t) => [(await consultas.comites()).comitesQuery(t.entidadId)]),
  component: pagina(() => import('./features/comites/comites-page.tsx'), 'ComitesPage'),
});

const comite = createRoute({
  getParentRoute: () => raiz,
  path: '/comites/$comiteId',
  component: pagina(() => import('./features/comites/comites-page.tsx'), 'ComitePage'),
});

const sesionComite = createRoute({
  getParentRoute: () => raiz,
  path: '/comites/$comiteId/sesiones/$sesionId',
  component: pagina(() => import('./features/comites/sesion-page.tsx'), 'SesionPage'),
});

const entidades = createRoute({
  getParentRoute: () => raiz,
  path: '/entidades',
  loader: ({ context, cause }) => {
    if (cause === 'stay' || !context.sesion?.usuario.adminPlataforma) return;
    return consultas
      .entidad()
      .then((m) => precargar(context, m.entidadesQuery()))
      .catch(() => undefined);
  },
  component: pagina(() => import('./features/entidad/entidades-page.tsx'), 'EntidadesPage'),
});

const dependencias = createRoute({
  getParentRoute: () => raiz,
  path: '/dependencias',
  loader: precargaDe(async (t) => [(await consultas.dependencias()).dependenciasQuery(t.entidadId)]),
  component: pagina(() => import('./features/dependencias/dependencias-page.tsx'), 'DependenciasPage'),
});

const usuarios = createRoute({
  getParentRoute: () => raiz,
  path: '/usuarios',
  loader: precargaDe(async (t) => [(await consultas.usuarios()).usuariosQuery(t.entidadId)]),
  component: pagina(() => import('./features/usuarios/usuarios-page.tsx'), 'UsuariosPage'),
});

const auditoria = createRoute({
  getParentRoute: () => raiz,
  path: '/auditoria',
  component: pagina(() => import('./features/auditoria/auditoria-page.tsx'), 'AuditoriaPage'),
});

const glosario = createRoute({
  getParentRoute: () => raiz,
  path: '/glosario',
  component: pagina(() => import('./features/ayuda/glosario-page.tsx'), 'GlosarioPage'),
});

const cambiarClave = createRoute({
  getParentRoute: () => raiz,
  path: '/cambiar-clave',
  component: pagina(() => import('./features/auth/cambiar-clave-page.tsx'), 'CambiarClavePage'),
});

const configuracionInicial = createRoute({
  getParentRoute: () => raiz,
  path: '/configuracion-inicial',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({
    token: typeof s.token === 'string' ? s.token : s.token === undefined ? undefined : String(s.token),
  }),
  component: pagina(
    () => import('./features/auth/configuracion-inicial-page.tsx'),
    'ConfiguracionInicialPage',
  ),
});

/** The one-time link (by e-mail or handed over by the administrator): works with or without a session. */
const definirClave = createRoute({
  getParentRoute: () => raiz,
  path: '/definir-clave',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({
    token: typeof s.token === 'string' ? s.token : undefined,
  }),
  component: pagina(() => import('./features/auth/definir-clave-page.tsx'), 'DefinirClavePage'),
});

const olvideClave = createRoute({
  getParentRoute: () => raiz,
  path: '/olvide-clave',
  component: pagina(() => import('./features/auth/olvide-clave-page.tsx'), 'OlvideClavePage'),
});

const arbol = raiz.addChildren([
  inicio,
  plan,
  planPropio,
  seguimiento,
  tablero,
  indicadores,
  vigencia,
  catalogo,
  entidad,
  furag,
  recomendaciones,
  autodiagnosticos,
  autodiagnostico,
  simulacros,
  calendario,
  publicaciones,
  comites,
  comite,
  sesionComite,
  entidades,
  dependencias,
  usuarios,
  auditoria,
  glosario,
  cambiarClave,
  configuracionInicial,
  definirClave,
  olvideClave,
]);

export function crearEnrutador(queryClient: QueryClient) {
  return createRouter({
    routeTree: arbol,
    context: { queryClient },
    // Loaders only prefetch into TanStack Query, which owns caching; the router reruns them each time.
    defaultPreloadStaleTime: 0,
    defaultPreload: 'intent',
    // A page whose code or data takes a moment says so; a fast one never flashes the message.
    defaultPendingMs: 400,
    defaultPendingComponent: CargandoPagina,
    defaultErrorComponent: ErrorDePagina,
    defaultNotFoundComponent: NoEncontrada,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof crearEnrutador>;
  }
}
