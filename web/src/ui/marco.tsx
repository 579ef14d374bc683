// The frame every page shares (skip link, GOV.CO bar, accessibility bar) and the one of pages without a
// session. The signed-in frame is in marco-sesion.tsx, loaded only with a session: the login page does not
// download the navigation, the entity and year selectors or the entity's footer. Plain HTML with the sizes of
// Mantine's Container (`.contenedor`, estilos.css): this module is in the first load.
import {
  type AccionBarra,
  accionPosible,
  aplicarAccionBarra,
  COOKIE_CONTRASTE,
  COOKIE_TAMANO,
  cookieDePreferencia,
  type PreferenciasVista,
  preferenciasDeCookies,
  TAMANO_NORMAL,
  TAMANOS_TEXTO,
} from '@core/preferencias-vista.ts';
import { type MouseEvent, type ReactNode, useCallback, useEffect, useState } from 'react';

const TAMANOS: readonly number[] = TAMANOS_TEXTO;
// The build also draws this frame (web/esqueletos.ts), where there is no document: the defaults then.
const guardadas = () => preferenciasDeCookies(typeof document === 'undefined' ? '' : document.cookie);
const guardar = (tamano: number, contraste: boolean) => {
  const segura = location.protocol === 'https:';
  // biome-ignore-start lint/suspicious/noDocumentCookie: the Cookie Store API is missing in the older Safari and Firefox still on phones; the values are bounded by cookieDePreferencia.
  document.cookie = cookieDePreferencia(COOKIE_TAMANO, String(tamano), segura);
  document.cookie = cookieDePreferencia(COOKIE_CONTRASTE, contraste ? '1' : '0', segura);
  // biome-ignore-end lint/suspicious/noDocumentCookie: see above
};

/**
 * Choices made before they lived in cookies were in localStorage: read once, when the browser is idle (not
 * in the first render), then the cookies say it all and localStorage is never opened again.
 */
function useTraerDeAntes(aplicar: (tamano: number, contraste: boolean) => void) {
  useEffect(() => {
    if (guardadas().guardadas) return;
    let vigente = true;
    const hacer = () =>
      import('./preferencias-guardadas.ts').then((m) => {
        const antes = m.traerDeLocalStorage();
        // A choice made meanwhile (a click, another frame's migration) already wrote the cookies: it wins.
        if (guardadas().guardadas) return;
        const tamano = antes && TAMANOS.includes(antes.tamano) ? antes.tamano : TAMANO_NORMAL;
        const contraste = antes?.contraste === true;
        guardar(tamano, contraste);
        if (vigente && (tamano !== TAMANO_NORMAL || contraste)) aplicar(tamano, contraste);
      });
    // Safari before 18.4 has no requestIdleCallback.
    const id = typeof requestIdleCallback === 'function' ? requestIdleCallback(hacer) : undefined;
    const reloj = id === undefined ? window.setTimeout(hacer, 1000) : undefined;
    return () => {
      vigente = false;
      if (id !== undefined) cancelIdleCallback(id);
      window.clearTimeout(reloj);
    };
  }, [aplicar]);
}

/**
 * GOV.CO-style accessibility bar: text size and high contrast, remembered on this device (in cookies, so the
 * server paints the page with them from the first byte). Where the web app runs each button acts in place.
 * With `volver` (the login page, which the server sends without JavaScript) the buttons are a form's: it goes
 * to `POST /preferencias`, which writes the same cookies and comes back to `volver`.
 */
export function BarraAccesibilidad({ inicial, volver }: { inicial?: PreferenciasVista; volver?: string }) {
  const [tamano, setTamano] = useState(() => inicial?.tamano ?? guardadas().tamano);
  const [contraste, setContraste] = useState(() => inicial?.contraste ?? guardadas().contraste);
  const aplicar = useCallback((t: number, c: boolean) => {
    setTamano(t);
    setContraste(c);
  }, []);
  useTraerDeAntes(aplicar);
  useEffect(() => {
    const html = document.documentElement;
    if (tamano === TAMANO_NORMAL) html.style.removeProperty('font-size');
    else html.style.fontSize = `${tamano}%`;
  }, [tamano]);
  useEffect(() => {
    if (contraste) document.documentElement.dataset.contraste = 'alto';
    else delete document.documentElement.dataset.contraste;
  }, [contraste]);
  const actual = { tamano, contraste };
  const boton = (accion: AccionBarra, contenido: ReactNode, extra?: { 'aria-pressed': boolean }) => (
    <button
      type={volver === undefined ? 'button' : 'submit'}
      name="accion"
      value={accion}
      disabled={!accionPosible(actual, accion)}
      onClick={(e: MouseEvent) => {
        e.preventDefault();
        const n = aplicarAccionBarra(actual, accion);
        aplicar(n.tamano, n.contraste);
        guardar(n.tamano, n.contraste);
      }}
      {...extra}
    >
      {contenido}
    </button>
  );
  return (
    <nav className="barra-accesibilidad" aria-label="Opciones de accesibilidad">
      <FormularioBarra volver={volver}>
        {boton(
          'menos',
          <>
            <span aria-hidden>A−</span>
            <span className="solo-lector">Reducir el tamaño del texto</span>
          </>,
        )}
        {boton(
          'normal',
          <>
            <span aria-hidden>A</span>
            <span className="solo-lector">Tamaño de texto normal</span>
          </>,
        )}
        {boton(
          'mas',
          <>
            <span aria-hidden>A+</span>
            <span className="solo-lector">Aumentar el tamaño del texto</span>
          </>,
        )}
        {boton(
          'contraste',
          <>
            <span aria-hidden>◐</span> Alto contraste
          </>,
          { 'aria-pressed': contraste },
        )}
      </FormularioBarra>
    </nav>
  );
}

/** The bar's buttons in a form only where there is no JavaScript to act on them. */
const FormularioBarra = ({ volver, children }: { volver?: string; children: ReactNode }) =>
  volver === undefined ? (
    children
  ) : (
    <form method="post" action="/preferencias" noValidate>
      <input type="hidden" name="volver" value={volver} />
      {children}
    </form>
  );

/** Skip link and GOV.CO bar, first on every page so keyboard users can jump to the content. */
export function Superior() {
  return (
    <>
      <a href="#contenido" className="saltar">
        Saltar al contenido
      </a>
      <BarraGovCo />
    </>
  );
}

export const CREDITO =
  'MIPG Abierto — software libre para el Modelo Integrado de Planeación y Gestión (Decreto 1499 de 2017).';

export function BarraGovCo() {
  return (
    // A landmark of its own: content outside every landmark is lost to screen-reader navigation.
    <nav className="barra-govco" aria-label="Portal del Estado colombiano">
      <div className="contenedor">
        <a href="https://www.gov.co" className="logo-govco" rel="noopener">
          GOV.CO<span className="solo-lector"> — Portal del Estado colombiano</span>
        </a>
      </div>
    </nav>
  );
}

/** Frame for pages without a session (login, first setup): same bars, no navigation. */
export function MarcoPublico({
  children,
  ancho = 'xs',
  barra = <BarraAccesibilidad />,
}: {
  children: ReactNode;
  ancho?: 'xs' | 'xl';
  /** The accessibility bar: the server's login page puts the one drawn for the person's cookies. */
  barra?: ReactNode;
}) {
  return (
    <>
      <Superior />
      <header className="cabecera">
        <div className="contenedor contenedor-sm-py">
          <span className="marca">MIPG Abierto</span>
        </div>
        {barra}
      </header>
      <main id="contenido" tabIndex={-1}>
        <div className={`contenedor contenedor-${ancho} contenedor-xl-py`}>{children}</div>
      </main>
      <footer className="pie">
        <div className="contenedor">
          <p className="texto-sm">{CREDITO}</p>
        </div>
      </footer>
    </>
  );
}
