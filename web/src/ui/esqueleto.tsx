// The first paint of the pages most people open first, drawn before the JavaScript arrives: the build renders
// these components to HTML (web/esqueletos.ts) and the server sends it before #raiz (src/server/pagina-web.ts).
// React shows the same components while the session and the page's code arrive, so the page's real heading and
// description stay in place from the first paint and nothing flashes; the figures come as soon as they did.
import { ETIQUETAS_INGRESO } from '@contrato/etiquetas-ingreso.ts';
import { useLocation } from '@tanstack/react-router';
import { Cargando, Pagina } from './componentes.tsx';
import { MarcoPublico } from './marco.tsx';
import { VIGENCIA_ACTUAL } from './trabajo.ts';

/** Pages without a session: the one-time setup link and the password pages (never the login page). */
export const PAGINAS_PUBLICAS = ['/configuracion-inicial', '/definir-clave', '/olvide-clave'];

/** Each page's heading: the page itself reads it from here, so the first paint says exactly what it will. */
export const ENCABEZADOS = {
  ingreso: {
    titulo: () => 'Ingresar',
    descripcion: 'Use el correo y la contraseña que le asignó el administrador de su entidad.',
    // The same labels in the web app's form and in the one the server sends without JavaScript.
    etiquetas: ETIQUETAS_INGRESO,
    ancho: 'xs',
    // The form: two fields, the button and the link on one line (a phone under 400 px wraps the link: 40 px more).
    bloques: [238],
  },
  tablero: {
    titulo: (vigencia: number | string) => `Tablero de avance ${vigencia}`,
    descripcion:
      'Avance ponderado de actividad a política, dimensión y entidad, con las cifras aceptadas por planeación.',
    ancho: 'xl',
    bloques: [60, 120, 28, 240],
  },
  plan: {
    titulo: (vigencia: number | string) => `Plan de acción ${vigencia}`,
    descripcion: 'Las actividades de cada política para la vigencia, con su meta, su peso y su responsable.',
    ancho: 'xl',
    bloques: [160, 28, 400],
  },
  seguimiento: {
    titulo: (vigencia: number | string) => `Seguimiento ${vigencia}`,
    descripcion:
      'El avance de cada actividad por periodo, con sus evidencias y su revisión por las tres líneas de defensa.',
    ancho: 'xl',
    bloques: [60, 120, 28, 240],
  },
} as const;
export type ClaveEsqueleto = keyof typeof ENCABEZADOS;

/** The signed-in pages with a first paint in the HTML, by address. */
export const ESQUELETO_DE_RUTA: Record<string, ClaveEsqueleto> = {
  '/tablero': 'tablero',
  '/plan': 'plan',
  '/seguimiento': 'seguimiento',
};

/** The year in the address if it is one, else this year: what the root route will settle on (trabajo.ts). */
export function vigenciaDeDireccion(valor: unknown) {
  const n = typeof valor === 'number' ? valor : typeof valor === 'string' ? Number(valor) : Number.NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : VIGENCIA_ACTUAL;
}

/** The page's heading and grey blocks in the frame without a session (the session's frame needs its data). */
export function Esqueleto({
  clave,
  vigencia = VIGENCIA_ACTUAL,
}: {
  clave: ClaveEsqueleto;
  vigencia?: number | string;
}) {
  return (
    <MarcoPublico ancho={ENCABEZADOS[clave].ancho}>
      <EncabezadoCargando clave={clave} vigencia={vigencia} />
    </MarcoPublico>
  );
}

/** Inside a frame: the page's heading over grey blocks, while its code or data arrive. */
export function EncabezadoCargando({
  clave,
  vigencia = VIGENCIA_ACTUAL,
}: {
  clave: ClaveEsqueleto;
  vigencia?: number | string;
}) {
  const e = ENCABEZADOS[clave];
  return (
    <Pagina titulo={e.titulo(vigencia)} descripcion={e.descripcion}>
      <Cargando que="la página" bloques={[...e.bloques]} />
    </Pagina>
  );
}

// What the server drew before #raiz, and for which address. While a loading state would draw the same, React
// draws nothing and leaves it on screen; the first time React draws anything else into #raiz, it goes
// (main.tsx), in the same frame. Replacing it at once would throw away its paint: the browser times a paint a
// moment after it happens, and a node removed before then never counts as painted.
const servido = typeof document === 'undefined' ? null : document.getElementById('esqueleto');
const claveServida = servido?.dataset.clave;
const caminoServido = typeof location === 'undefined' ? '' : location.pathname;
const yaSeVe = (clave: string, camino: string) =>
  !!servido?.isConnected && clave === claveServida && camino === caminoServido;

/** Removes the server's first paint once React shows something else (main.tsx calls it). */
export function retirarEsqueletoServido(raiz: HTMLElement) {
  if (!servido) return;
  // Mantine's provider puts its <style> first: only an element that shows counts.
  const retirar = () => {
    if (!raiz.querySelector(':scope > :not(style, script)')) return false;
    servido.remove();
    return true;
  };
  const observador = new MutationObserver(() => retirar() && observador.disconnect());
  observador.observe(raiz, { childList: true });
}

const useDireccion = () =>
  useLocation({
    select: (l) => ({
      camino: l.pathname,
      vigencia: vigenciaDeDireccion((l.search as { vigencia?: unknown }).vigencia),
    }),
  });

/** A page's first paint in the frame without a session, unless the server's is on screen already. */
function EsqueletoDe({ clave }: { clave: ClaveEsqueleto }) {
  const { camino, vigencia } = useDireccion();
  if (yaSeVe(clave, camino)) return null;
  return <Esqueleto clave={clave} vigencia={vigencia} />;
}

/** While the session is asked for: the first paint the server sent, if any; else the frame with grey blocks. */
export function CargandoSesion() {
  const { camino } = useDireccion();
  if (claveServida && yaSeVe(claveServida, camino)) return null;
  return (
    <MarcoPublico>
      <Cargando que="su sesión" />
    </MarcoPublico>
  );
}

/** Without a session, while the login page's code arrives. */
export const CargandoIngreso = () => <EsqueletoDe clave="ingreso" />;

/** With a session, while the signed-in frame's code arrives: the page's heading if it has one. */
export function CargandoMarco() {
  const { camino } = useDireccion();
  const clave = ESQUELETO_DE_RUTA[camino];
  if (clave) return <EsqueletoDe clave={clave} />;
  return (
    <MarcoPublico>
      <Cargando que="la página" />
    </MarcoPublico>
  );
}

/** Inside the signed-in frame, while a page's code arrives (the router's pending component). */
export function CargandoPagina() {
  const { camino, vigencia } = useDireccion();
  const clave = ESQUELETO_DE_RUTA[camino];
  if (clave) return <EncabezadoCargando clave={clave} vigencia={vigencia} />;
  return <Cargando que="la página" />;
}
