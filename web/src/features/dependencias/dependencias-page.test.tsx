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

  it('importar la estructura desde una hoja: el informe por fila si se rechaza, y la lista al día si entra', async () => {
    let importadas = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const json = (cuerpo: unknown, status = 200) =>
          new Response(JSON.stringify(cuerpo), { status, headers: { 'content-type': 'application/json' } });
        if (url.endsWith('/dependencias/importar')) {
          const texto = await (init!.body as File).text();
          if (texto.includes('Secretaría de Salud;SS;Despacho que no existe'))
            return json(
              {
                error: 'validacion',
                mensaje: 'El archivo tiene problemas: no se importó nada.',
                problemas: [
                  { fila: 2, columna: 'Depende de', problema: '«Despacho que no existe» no existe' },
                ],
              },
              400,
            );
          importadas = true;
          return json({ importadas: 2 }, 201);
        }
        return json(
          importadas
            ? [dependencia('d8', 'Despacho del Alcalde'), dependencia('d9', 'Secretaría de Salud')]
            : [],
        );
      }),
    );
    const cliente = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    renderConMantine(
      <QueryClientProvider client={cliente}>
        <DependenciasPage />
      </QueryClientProvider>,
    );
    await screen.findByRole('button', { name: 'Archivo de dependencias (.xlsx o .csv)' });
    const subir = async (texto: string) => {
      await userEvent.upload(
        document.querySelector('input[type=file]') as HTMLInputElement,
        new File([texto], 'dependencias.csv', { type: 'text/csv' }),
      );
      await userEvent.click(screen.getByRole('button', { name: 'Importar' }));
    };
    await subir('Nombre;Código;Depende de\nSecretaría de Salud;SS;Despacho que no existe');
    const problemas = await screen.findByRole('region', { name: 'Problemas del archivo' });
    expect(problemas.textContent).toContain('«Despacho que no existe» no existe');
    await subir('Nombre;Código;Depende de\nDespacho del Alcalde;DA;\nSecretaría de Salud;SS;DA');
    expect(await screen.findByText('Se agregaron 2 dependencias.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Editar Secretaría de Salud' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Problemas del archivo' })).toBeNull();
  });
});
