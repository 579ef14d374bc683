import { type QueryClient, useQuery } from '@tanstack/react-query';
import { Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { sesionQuery } from '../features/auth/sesion.ts';
import { Cargando, MensajeError } from './componentes.tsx';
import { CargandoIngreso, CargandoMarco, CargandoSesion, PAGINAS_PUBLICAS } from './esqueleto.tsx';
import { MarcoPublico } from './marco.tsx';

export { trabajoDe } from './trabajo.ts';

// Pages without a session: the citizens' public page and the one-time setup link.
export const esPublica = (camino: string) => PAGINAS_PUBLICAS.includes(camino);

/**
 * The signed-in frame is a chunk of its own: the login page never downloads it. The root route starts its
 * download as soon as it knows there is a session (rutas.tsx), alongside the page's chunk.
 */
export const precargarMarco = () => import('./marco-sesion.tsx');
const Marco = lazy(() => precargarMarco().then((m) => ({ default: m.MarcoConTrabajo })));

const cargarIngreso = () => import('../features/auth/login-page.tsx');
const LoginPage = lazy(() => cargarIngreso().then((m) => ({ default: m.LoginPage })));

/**
 * Without a session the login page shows: its code and the platform's state (the first-run notice under the
 * form) are asked for as soon as the session's answer arrives, together, not one after the other.
 */
export function precargarIngreso(cliente: QueryClient) {
  void cargarIngreso();
  // Start-up and the root route both ask: what one brought a moment ago is not asked again.
  void import('../features/auth/estado-plataforma.ts').then((m) =>
    cliente.prefetchQuery({ ...m.estadoPlataforma, staleTime: 5000 }),
  );
}
// Only a signed-in person can see their session end: the dialog (a login form) is not in the first load.
const SesionVencida = lazy(() => import('./sesion-vencida.tsx').then((m) => ({ default: m.SesionVencida })));

const CambiarClavePage = lazy(() =>
  import('../features/auth/cambiar-clave-page.tsx').then((m) => ({ default: m.CambiarClavePage })),
);

/**
 * After a change of page, focus goes to its heading so a screen reader announces it and the keyboard
 * starts there; a change of search alone (period, entity) leaves focus on the control that made it.
 */
function useFocoAlNavegar() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onRendered', (e) => {
        if (!e.fromLocation || !e.pathChanged) return;
        const titulo = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('contenido');
        if (!titulo) return;
        if (titulo.tagName === 'H1') titulo.tabIndex = -1;
        titulo.focus({ preventScroll: true });
      }),
    [router],
  );
}

function Publico({ children, cargando }: { children: ReactNode; cargando: ReactNode }) {
  return (
    <Suspense fallback={cargando}>
      <MarcoPublico>{children}</MarcoPublico>
    </Suspense>
  );
}

function Privada() {
  const sesion = useQuery(sesionQuery());
  if (sesion.isPending) return <CargandoSesion />;
  if (sesion.isError)
    return (
      <MarcoPublico>
        <MensajeError error={sesion.error} />
      </MarcoPublico>
    );
  if (!sesion.data)
    return (
      // While its code arrives, the login page's heading (the server may have sent it already).
      <Publico cargando={<CargandoIngreso />}>
        <LoginPage />
      </Publico>
    );
  if (sesion.data.usuario.debeCambiarClave)
    return (
      <Publico
        cargando={
          <MarcoPublico>
            <Cargando que="la página" />
          </MarcoPublico>
        }
      >
        <CambiarClavePage obligatorio />
      </Publico>
    );
  return (
    <>
      {/* While the frame's code arrives: the page's heading in the frame without a session. */}
      <Suspense fallback={<CargandoMarco />}>
        <Marco sesion={sesion.data}>
          <Outlet />
        </Marco>
      </Suspense>
      <Suspense fallback={null}>
        <SesionVencida correo={sesion.data.usuario.correo} usuarioId={sesion.data.usuario.id} />
      </Suspense>
    </>
  );
}

/** The root route: public pages in the plain frame, the rest behind the session and in the full frame. */
export function Raiz() {
  const camino = useLocation({ select: (l) => l.pathname });
  useFocoAlNavegar();
  if (esPublica(camino))
    return (
      <MarcoPublico ancho="xs">
        <Outlet />
      </MarcoPublico>
    );
  return <Privada />;
}
