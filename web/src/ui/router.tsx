import {
  type AnchorHTMLAttributes,
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useState,
} from 'react';

// A small History-API router: the app has a handful of flat pages and no need for a routing library.
const Contexto = createContext<{ ruta: string; ir: (a: string) => void }>({ ruta: '/', ir: () => {} });

export function Enrutador({ children }: { children: ReactNode }) {
  const [ruta, setRuta] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    const alVolver = () => setRuta(window.location.pathname + window.location.search);
    window.addEventListener('popstate', alVolver);
    return () => window.removeEventListener('popstate', alVolver);
  }, []);
  const ir = (a: string) => {
    window.history.pushState(null, '', a);
    setRuta(a);
    window.scrollTo(0, 0);
  };
  return <Contexto.Provider value={{ ruta, ir }}>{children}</Contexto.Provider>;
}

export const useRuta = () => useContext(Contexto);

export function Enlace({ a, children, ...resto }: { a: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { ruta, ir } = useRuta();
  const actual = ruta.split('?')[0] === a;
  return (
    <a
      href={a}
      aria-current={actual ? 'page' : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        ir(a);
      }}
      {...resto}
    >
      {children}
    </a>
  );
}
