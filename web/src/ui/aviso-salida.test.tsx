import { MantineProvider, TextInput } from '@mantine/core';
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
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AvisoSalida, confirmarSalida, saleDeLaPagina } from './aviso-salida.tsx';
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

/** Two pages of the signed-in frame: one with a form and links out, and the plan. */
async function montar() {
  const raiz = createRootRoute({
    component: () => (
      <main id="contenido">
        <nav>
          <Link to="/plan">Plan de acción</Link>
          <Link to="/dependencias" search={{ q: 'gestion' } as never}>
            Buscar «gestion»
          </Link>
        </nav>
        <Outlet />
        <AvisoSalida />
      </main>
    ),
  });
  const dependencias = createRoute({
    getParentRoute: () => raiz,
    path: '/dependencias',
    component: () => (
      <>
        <h1>Dependencias</h1>
        <FormularioDependencia />
      </>
    ),
  });
  const plan = createRoute({ getParentRoute: () => raiz, path: '/plan', component: () => <h1>Plan</h1> });
  const router = createRouter({
    routeTree: raiz.addChildren([dependencias, plan]),
    history: createMemoryHistory({ initialEntries: ['/dependencias'] }),
  });
  await act(() => router.load());
  render(
    <MantineProvider>
      <RouterProvider router={router as never} />
    </MantineProvider>,
  );
  await screen.findByRole('heading', { name: 'Dependencias' });
  return router;
}

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
