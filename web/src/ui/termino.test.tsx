import { MantineProvider } from '@mantine/core';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Termino } from './termino.tsx';

/** A paragraph with two glossary words, on a router (the definition links to the glossary page). */
async function pintar() {
  const raiz = createRootRoute({ component: Outlet });
  const inicio = createRoute({
    getParentRoute: () => raiz,
    path: '/',
    component: () => (
      <p>
        Plan de la <Termino t="vigencia">vigencia</Termino> 2026 con su{' '}
        <Termino t="semaforo">semáforo</Termino>. <button type="button">Otro botón</button>
      </p>
    ),
  });
  const glosario = createRoute({
    getParentRoute: () => raiz,
    path: '/glosario',
    component: () => 'Glosario',
  });
  const router = createRouter({
    routeTree: raiz.addChildren([inicio, glosario]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  await act(() => router.load());
  render(
    <MantineProvider>
      <RouterProvider router={router as never} />
    </MantineProvider>,
  );
  await screen.findByRole('button', { name: /^vigencia/ });
  return router;
}

const definicion = (nombre: RegExp) => {
  const id = screen.getByRole('button', { name: nombre }).getAttribute('aria-controls')!;
  return document.getElementById(id)!;
};

describe('término del glosario', () => {
  it('es un botón con la palabra visible; cerrado, la definición no se ve ni se lee', async () => {
    await pintar();
    const b = screen.getByRole('button', { name: 'vigencia (qué significa)' });
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(definicion(/^vigencia/).hidden).toBe(true);
  });

  it('con el teclado se abre, se lee justo después de la palabra, y Escape lo cierra sin mover el foco', async () => {
    await pintar();
    const u = userEvent.setup();
    await u.tab();
    const b = screen.getByRole('button', { name: /^vigencia/ });
    expect(document.activeElement).toBe(b);
    await u.keyboard('{Enter}');
    expect(b.getAttribute('aria-expanded')).toBe('true');
    const d = definicion(/^vigencia/);
    expect(d.hidden).toBe(false);
    expect(d.textContent).toContain('El año de enero a diciembre');
    // Reading order: the definition is the next thing after the word.
    expect(b.nextElementSibling).toBe(d);
    await u.keyboard('{Escape}');
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(b);
  });

  it('Escape desde el enlace de la definición devuelve el foco a la palabra', async () => {
    await pintar();
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: /^semáforo/ }));
    const enlace = screen.getByRole('link', { name: 'Ver en el glosario' });
    expect(enlace.getAttribute('href')).toBe('/glosario#semaforo');
    expect(definicion(/^semáforo/).textContent).toContain('cada entidad fija sus rangos');
    enlace.focus();
    await u.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^semáforo/ }));
    expect(definicion(/^semáforo/).hidden).toBe(true);
  });

  it('al tocarla se abre y queda abierta; otro toque fuera la cierra', async () => {
    await pintar();
    const u = userEvent.setup();
    const b = screen.getByRole('button', { name: /^vigencia/ });
    await u.click(b);
    expect(b.getAttribute('aria-expanded')).toBe('true');
    await u.click(screen.getByRole('button', { name: 'Otro botón' }));
    expect(b.getAttribute('aria-expanded')).toBe('false');
    // Tapping the word again closes it too.
    await u.click(b);
    await u.click(b);
    expect(b.getAttribute('aria-expanded')).toBe('false');
  });

  it('con el ratón se muestra al pasar por encima, se puede recorrer la definición y se va al salir', async () => {
    await pintar();
    const u = userEvent.setup();
    const b = screen.getByRole('button', { name: /^vigencia/ });
    await u.hover(b);
    expect(b.getAttribute('aria-expanded')).toBe('true');
    await u.hover(definicion(/^vigencia/));
    expect(b.getAttribute('aria-expanded')).toBe('true');
    await u.unhover(definicion(/^vigencia/));
    await u.hover(screen.getByRole('button', { name: 'Otro botón' }));
    expect(b.getAttribute('aria-expanded')).toBe('false');
  });

  it('sale al seguir con Tab más allá de la palabra y su definición', async () => {
    await pintar();
    const u = userEvent.setup();
    await u.tab();
    await u.keyboard('{Enter}');
    await u.tab(); // the definition's link
    expect(document.activeElement?.textContent).toBe('Ver en el glosario');
    expect(definicion(/^vigencia/).hidden).toBe(false);
    await u.tab(); // the next word
    expect(definicion(/^vigencia/).hidden).toBe(true);
  });
});
