import './ui/fuentes.css';
import 'virtual:estilos-mantine.css';
import './ui/estilos.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { crearEnrutador } from './rutas.tsx';
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
const enrutador = crearEnrutador(cliente);

const raiz = document.getElementById('raiz')!;
retirarEsqueletoServido(raiz);
createRoot(raiz).render(
  <StrictMode>
    <MantineProvider {...proveedor(!import.meta.env.DEV)}>
      <QueryClientProvider client={cliente}>
        <RouterProvider router={enrutador} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
