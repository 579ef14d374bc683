import './ui/fuentes.css';
import 'virtual:estilos-mantine.css';
import './ui/estilos.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { completarDireccionInicial, crearEnrutador } from './rutas.tsx';
import { retirarEsqueletoServido } from './ui/esqueleto.tsx';
import { proveedor } from './ui/tema.ts';

const RECIEN_CARGADA_MS = 5000;

const cliente = new QueryClient({
  defaultOptions: {
    queries: {
      retry: 1,
      refetchOnWindowFocus: false,
      // What the route's loader fetched a moment ago for the page being opened is not asked again when the
      // page appears (each page asked twice for its data on arrival); older or invalidated data is.
      refetchOnMount: (q) => q.state.isInvalidated || Date.now() - q.state.dataUpdatedAt > RECIEN_CARGADA_MS,
    },
  },
});
/**
 * Start-up in three tasks instead of one: evaluating the code, building the router (≈ 40 routes) and the first
 * render each take ~10–20 ms on a fast machine, four times that on a slow phone, where one task of all three
 * kept the page from answering a tap (Lighthouse counts every task over 50 ms). Between them the browser can
 * paint the served skeleton and handle input. Not a top-level `await`: with one in the entry, the bundler
 * moves the shared code out of it into 27 files of the first load. A message, not a timer: a tab opened in the
 * background runs timers once a second.
 */
const ceder = () =>
  new Promise<void>((listo) => {
    const canal = new MessageChannel();
    canal.port1.onmessage = () => listo();
    canal.port2.postMessage(null);
  });

async function arrancar() {
  await ceder();
  // Whatever fails here (an address the parser refuses) is left to the router, which redirects as before.
  await completarDireccionInicial(cliente).catch(() => undefined);
  const enrutador = crearEnrutador(cliente);
  await ceder();
  const raiz = document.getElementById('raiz')!;
  retirarEsqueletoServido(raiz);
  const raizReact = createRoot(raiz);
  // As a transition React renders the first page in slices that yield to the browser (the served skeleton
  // stays on screen until the commit: `retirarEsqueletoServido`).
  startTransition(() =>
    raizReact.render(
      <StrictMode>
        <MantineProvider {...proveedor(!import.meta.env.DEV)}>
          <QueryClientProvider client={cliente}>
            <RouterProvider router={enrutador} />
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  );
}
arrancar().catch((error: unknown) => {
  console.error(error);
  // Without it the served skeleton would stay on screen, with nothing to say the page will not come.
  const aviso = document.createElement('p');
  aviso.setAttribute('role', 'alert');
  aviso.textContent =
    'No fue posible abrir MIPG Abierto. Recargue la página; si sigue igual, avise a quien administra la plataforma.';
  document.body.prepend(aviso);
});
