import type { Dependencia } from '@contrato/dependencias.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { DependenciasPage } from './dependencias-page.tsx';

// The entity being worked on changes from the header's selector; here, from the test.
const trabajo = vi.hoisted(() => ({ entidad: { id: 'e1', nombre: 'E.S.E. Hospital de Sibundoy' } }));
vi.mock('../../ui/termino.tsx', () => ({
  Termino: ({ children }: { children: React.ReactNode }) => <span>{children}</span>,
}));
vi.mock('../../ui/contexto.tsx', () => ({
  useTrabajo: () => ({ entidad: { ...trabajo.entidad, roles: ['admin_entidad'] }, puede: () => true }),
}));

const dependencia = (id: string, nombre: string): Dependencia =>
  ({ id, nombre, codigo: null, padreId: null }) as Dependencia;

const DEPENDENCIAS: Record<string, Dependencia[]> = {
  e1: [dependencia('d1', 'Oficina de Planeación'), dependencia('d2', 'Gerencia')],
  e2: [dependencia('d3', 'Secretaría de Hacienda')],
};

afterEach(() => vi.unstubAllGlobals());

function montar() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const entidad = /\/api\/entidades\/([^/]+)\/dependencias/.exec(url)?.[1] ?? '';
      return new Response(JSON.stringify(DEPENDENCIAS[entidad] ?? []), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  const cliente = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const pagina = () => (
    <QueryClientProvider client={cliente}>
      <DependenciasPage />
    </QueryClientProvider>
  );
  const vista = renderConMantine(pagina());
  return {
    cambiarEntidad: (id: string, nombre: string) => {
      trabajo.entidad = { id, nombre };
      vista.rerender(pagina());
    },
  };
}

describe('la página de dependencias al cambiar de entidad', () => {
  it('lo que se estaba editando en una entidad no queda en el formulario de la otra', async () => {
    const { cambiarEntidad } = montar();
    await userEvent.click(await screen.findByRole('button', { name: 'Editar Oficina de Planeación' }));
    expect(screen.getByRole('heading', { name: 'Editar dependencia' })).toBeTruthy();
    const nombre = screen.getByRole('textbox', { name: /^Nombre/ }) as HTMLInputElement;
    expect(nombre.value).toBe('Oficina de Planeación');
    await userEvent.type(nombre, ' y Calidad');

    cambiarEntidad('e2', 'Alcaldía de Mocoa');

    // The other entity's list, and an empty form to add one of its own.
    expect(await screen.findByRole('button', { name: 'Editar Secretaría de Hacienda' })).toBeTruthy();
    expect(screen.queryByText(/Oficina de Planeación/)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Agregar dependencia' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Nombre/ }) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Guardar cambios' })).toBeNull();
  });

  it('si el servidor niega la lista, dice por qué y no afirma que no hay dependencias', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ error: 'prohibido', mensaje: 'Su rol no le permite realizar esta acción.' }),
            { status: 403, headers: { 'content-type': 'application/json' } },
          ),
      ),
    );
    const cliente = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    renderConMantine(
      <QueryClientProvider client={cliente}>
        <DependenciasPage />
      </QueryClientProvider>,
    );
    expect(await screen.findByText(/Su rol no le permite/)).toBeTruthy();
    expect(screen.queryByText(/Aún no hay dependencias/)).toBeNull();
  });
});
