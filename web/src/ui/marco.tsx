// The frame every page shares (skip link, GOV.CO bar, accessibility bar) and the one of pages without a
// session. The signed-in frame is in marco-sesion.tsx, loaded only with a session: the login page does not
// download the navigation, the entity and year selectors or the entity's footer. Plain HTML with the sizes of
// Mantine's Container (`.contenedor`, estilos.css): this module is in the first load.
import { type ReactNode, useEffect, useState } from 'react';

const TAMANOS = [87.5, 100, 112.5, 125, 150];
// The build also draws this frame (web/esqueletos.ts), where there is no localStorage: the defaults then.
const guardado = (clave: string) =>
  typeof localStorage === 'undefined' ? null : localStorage.getItem(clave);

/** GOV.CO-style accessibility bar: text size and high contrast, remembered on this device. */
export function BarraAccesibilidad() {
  const [tamano, setTamano] = useState(() => Number(guardado('mipg.tamano')) || 100);
  const [contraste, setContraste] = useState(() => guardado('mipg.contraste') === '1');
  useEffect(() => {
    document.documentElement.style.fontSize = `${tamano}%`;
    localStorage.setItem('mipg.tamano', String(tamano));
  }, [tamano]);
  useEffect(() => {
    document.documentElement.dataset.contraste = contraste ? 'alto' : 'normal';
    localStorage.setItem('mipg.contraste', contraste ? '1' : '0');
  }, [contraste]);
  const i = TAMANOS.indexOf(tamano);
  return (
    <nav className="barra-accesibilidad" aria-label="Opciones de accesibilidad">
      <button type="button" onClick={() => setTamano(TAMANOS[Math.max(0, i - 1)]!)} disabled={i <= 0}>
        <span aria-hidden>A−</span>
        <span className="solo-lector">Reducir el tamaño del texto</span>
      </button>
      <button type="button" onClick={() => setTamano(100)}>
        <span aria-hidden>A</span>
        <span className="solo-lector">Tamaño de texto normal</span>
      </button>
      <button
        type="button"
        onClick={() => setTamano(TAMANOS[Math.min(TAMANOS.length - 1, i + 1)]!)}
        disabled={i >= TAMANOS.length - 1}
      >
        <span aria-hidden>A+</span>
        <span className="solo-lector">Aumentar el tamaño del texto</span>
      </button>
      <button type="button" aria-pressed={contraste} onClick={() => setContraste(!contraste)}>
        <span aria-hidden>◐</span> Alto contraste
      </button>
    </nav>
  );
}

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
export function MarcoPublico({ children, ancho = 'xs' }: { children: ReactNode; ancho?: 'xs' | 'xl' }) {
  return (
    <>
      <Superior />
      <header className="cabecera">
        <div className="contenedor contenedor-sm-py">
          <span className="marca">MIPG Abierto</span>
        </div>
        <BarraAccesibilidad />
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
