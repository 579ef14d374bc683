import { MantineProvider, TextInput } from '@mantine/core';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AvisoSalida, confirmarSalida, saleDeLaPagina } from './aviso-salida.tsx';
import { hayGuardadosEnCamino } from './cambios-sin-guardar.ts';
import { campo, Formulario, useFormulario } from './formulario.tsx';

function FormularioDependencia() {
  const form = useFormulario({
    inicial: { nombre: '' },
    esquema: z.object({ nombre: z.string().trim().min(3, 'escriba el nombre') }),
    etiquetas: { nombre: 'Nombre de la dependencia' },
  });
  return (
    <Formulario form={form} alEnviar={async () => {}} etiquetaEnviar="Guardar">
      <TextInput {...campo(form, 'nombre')} />
    </Formulario>
  );
}

/** Two pages of the signed-in frame: `camino` (its heading and `Contenido`) with links out, and the plan. */
async function montarPagina(camino: string, titulo: string, Contenido: () => ReactNode) {
  const raiz = createRootRoute({
    component: () => (
      <main id="contenido">
        <nav>
          <Link to="/plan">Plan de acción</Link>
          <Link to={camino as never} search={{ q: 'gestion' } as never}>
            Buscar «gestion»
          </Link>
        </nav>
        <Outlet />
        <AvisoSalida />
      </main>
    ),
  });
  const pagina = createRoute({
    getParentRoute: () => raiz,
    path: camino,
    component: () => (
      <>
        <h1>{titulo}</h1>
        <Contenido />
      </>
    ),
  });
  const plan = createRoute({ getParentRoute: () => raiz, path: '/plan', component: () => <h1>Plan</h1> });
  const router = createRouter({
    routeTree: raiz.addChildren([pagina, plan]),
    history: createMemoryHistory({ initialEntries: [camino] }),
  });
  await act(() => router.load());
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <RouterProvider router={router as never} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { name: titulo });
  return router;
}

const montar = () => montarPagina('/dependencias', 'Dependencias', FormularioDependencia);

describe('salir de una página con cambios sin guardar', () => {
  it('pregunta en la página; «Seguir en la página» conserva lo escrito y «Salir sin guardar» sale', async () => {
    const router = await montar();
    await userEvent.type(screen.getByLabelText('Nombre de la dependencia'), 'Gestión Documental');
    await userEvent.click(screen.getByRole('link', { name: 'Plan de acción' }));
    const ventana = await screen.findByRole('dialog', { name: '¿Salir sin guardar?' });
    expect(ventana.textContent).toContain('Si sale ahora, se pierden.');
    await userEvent.click(screen.getByRole('button', { name: 'Seguir en la página' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/dependencias');
    expect((screen.getByLabelText('Nombre de la dependencia') as HTMLInputElement).value).toBe(
      'Gestión Documental',
    );

    await userEvent.click(screen.getByRole('link', { name: 'Plan de acción' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Salir sin guardar' }));
    await screen.findByRole('heading', { name: 'Plan' });
    expect(router.state.location.pathname).toBe('/plan');
  });

  it('sin cambios, o con un filtro de la misma página, no pregunta', async () => {
    const router = await montar();
    await userEvent.type(screen.getByLabelText('Nombre de la dependencia'), 'Talento Humano');
    await userEvent.click(screen.getByRole('link', { name: 'Buscar «gestion»' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'gestion' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.clear(screen.getByLabelText('Nombre de la dependencia'));
    await userEvent.click(screen.getByRole('link', { name: 'Plan de acción' }));
    await screen.findByRole('heading', { name: 'Plan' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cerrar sesión con cambios pregunta antes de cerrarla: «Seguir en la página» no sale, «Salir sin guardar» sí', async () => {
    await montar();
    expect(await confirmarSalida()).toBe(true); // nothing typed: no question
    await userEvent.type(screen.getByLabelText('Nombre de la dependencia'), 'Control Interno');
    let respuesta = confirmarSalida();
    const ventana = await screen.findByRole('dialog', { name: '¿Salir sin guardar?' });
    await userEvent.click(within(ventana).getByRole('button', { name: 'Seguir en la página' }));
    expect(await respuesta).toBe(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    respuesta = confirmarSalida();
    await userEvent.click(await screen.findByRole('button', { name: 'Salir sin guardar' }));
    expect(await respuesta).toBe(true);
  });

  it.each([
    ['/plan', {}, '/seguimiento', {}, true],
    ['/plan', { entidad: 'e1', vigencia: 2026 }, '/plan', { entidad: 'e2', vigencia: 2026 }, true],
    ['/plan', { entidad: 'e1', vigencia: 2026 }, '/plan', { entidad: 'e1', vigencia: 2025 }, true],
    ['/seguimiento', { periodo: 1 }, '/seguimiento', { periodo: 2 }, true],
    ['/plan', { entidad: 'e1', buscar: '' }, '/plan', { entidad: 'e1', buscar: 'pqrsd' }, false],
    ['/plan', { entidad: 'e1' }, '/plan', { entidad: 'e1' }, false],
  ])('de %s %j a %s %j: sale = %s', (pa, sa, pb, sb, sale) => {
    expect(saleDeLaPagina({ pathname: pa, search: sa }, { pathname: pb, search: sb })).toBe(sale);
  });
});

/** The save on its way: the test lets it arrive (or fail) when it wants. */
let llegar: (ok: boolean) => void = () => {};
function Guardar() {
  const guardar = useMutation({
    mutationFn: () =>
      new Promise<void>((listo, falla) => {
        llegar = (ok) => (ok ? listo() : falla(new Error('El servidor no respondió.')));
      }),
  });
  return (
    <>
      <button type="button" onClick={() => guardar.mutate()}>
        Guardar el avance
      </button>
      {guardar.isError && <p role="alert">{guardar.error.message}</p>}
    </>
  );
}

/** A page whose «Guardar el avance» is sent, and a link out clicked while it travels. */
async function montarGuardando() {
  const router = await montarPagina('/seguimiento', 'Seguimiento', Guardar);
  await userEvent.click(screen.getByRole('button', { name: 'Guardar el avance' }));
  await userEvent.click(screen.getByRole('link', { name: 'Plan de acción' }));
  const ventana = await screen.findByRole('dialog', { name: 'Se está guardando' });
  return { router, ventana, llegar: (ok: boolean) => act(() => llegar(ok)) };
}

describe('salir mientras se guarda (una conexión lenta)', () => {
  it('pregunta; si el guardado llega, sigue sola a donde iba la persona', async () => {
    const { router, ventana, llegar } = await montarGuardando();
    expect(ventana.textContent).toContain('si sale ahora, no verá si se guardó');
    expect(router.state.location.pathname).toBe('/seguimiento');
    await llegar(true);
    await screen.findByRole('heading', { name: 'Plan' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('si el guardado falla, se queda para leer el porqué', async () => {
    const { router, llegar } = await montarGuardando();
    await llegar(false);
    await screen.findByRole('alert');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/seguimiento');
    expect(screen.getByRole('alert').textContent).toBe('El servidor no respondió.');
  });

  it('«Salir sin esperar» sale ya; sin guardados en camino, nada pregunta', async () => {
    const { llegar } = await montarGuardando();
    await userEvent.click(screen.getByRole('button', { name: 'Salir sin esperar' }));
    await screen.findByRole('heading', { name: 'Plan' });
    await llegar(true);
    expect(hayGuardadosEnCamino()).toBe(false);
    expect(await confirmarSalida()).toBe(true);
  });
});
