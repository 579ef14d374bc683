import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { InicioPage } from './inicio-page.tsx';

vi.mock('../../ui/router.tsx', () => ({
  Enlace: ({ a, children }: { a: string; children: React.ReactNode }) => <a href={a}>{children}</a>,
}));
vi.mock('../../ui/termino.tsx', () => ({
  Termino: ({ children }: { children: React.ReactNode }) => <span>{children}</span>,
}));
vi.mock('../../ui/contexto.tsx', async () => {
  const { rolesPermiten } = await import('@core/roles.ts');
  const roles = ['admin_entidad', 'planeacion'];
  return {
    useTrabajo: () => ({
      sesion: { usuario: { id: 'u-1', nombre: 'Marcela Jamioy', adminPlataforma: false } },
      entidad: { id: 'e1', nombre: 'E.S.E. Hospital de Sibundoy', roles },
      vigencia: 2026,
      puede: (p: Parameters<typeof rolesPermiten>[1]) => rolesPermiten(roles, p),
    }),
  };
});

afterEach(() => vi.unstubAllGlobals());

/** The API: the answers in `listas` arrive at once; every other request is still on its way. */
function servidor(listas: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const ruta = Object.keys(listas).find((r) => url.startsWith(r));
      if (!ruta) return new Promise<Response>(() => {});
      return new Response(JSON.stringify(listas[ruta]), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

const montar = () =>
  renderConMantine(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <InicioPage />
    </QueryClientProvider>,
  );

describe('la página de inicio mientras carga', () => {
  it('con parte de las respuestas aún en camino no muestra cifras falsas («0 dependencias», «Mis pendientes (0)»)', async () => {
    servidor({
      '/api/entidades/e1/dependencias': [],
      '/api/entidades/e1/responsables': [],
      '/api/invitaciones': [],
      '/api/notificaciones': { noLeidas: 0, notificaciones: [] },
    });
    montar();
    expect(screen.getByRole('heading', { name: 'Bienvenido, Marcela' })).toBeTruthy();
    const cargando = screen.getByRole('status');
    expect(cargando.getAttribute('aria-busy')).toBe('true');
    expect(cargando.textContent).toContain('Cargando sus pendientes…');
    // Let the answers that came be read: the page must still wait for the rest.
    await new Promise((r) => setTimeout(r, 50));
    await waitFor(() => expect(vi.mocked(fetch).mock.calls.length).toBeGreaterThanOrEqual(6));
    expect(document.body.textContent).not.toMatch(/\(0\)|0 dependencias|0 de \d+ políticas/);
    expect(screen.queryByRole('heading', { name: /Mis pendientes/ })).toBeNull();
  });
});
