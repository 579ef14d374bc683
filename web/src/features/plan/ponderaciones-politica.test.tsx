import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { PonderacionesPolitica } from './ponderaciones-politica.tsx';

const actividades = [
  { id: 'a1', codigo: 'INT-1', nombre: 'Socializar el código de integridad', ponderacion: 50 },
  { id: 'a2', codigo: 'INT-2', nombre: 'Medir la apropiación', ponderacion: 30 },
  { id: 'a3', codigo: 'INT-3', nombre: 'Plan de gestión de conflictos de interés', ponderacion: 20 },
];

function montar() {
  const pedidos: { url: string; metodo: string; cuerpo: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      pedidos.push({ url, metodo: init.method!, cuerpo: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ politica: 'integridad', cambiadas: 2, actividades: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  renderConMantine(
    <QueryClientProvider client={new QueryClient()}>
      <PonderacionesPolitica
        entidadId="e1"
        vigencia={2026}
        politica="integridad"
        nombrePolitica="Integridad"
        actividades={actividades}
      />
    </QueryClientProvider>,
  );
  return pedidos;
}
afterEach(() => vi.unstubAllGlobals());

describe('ponderaciones de una política', () => {
  it('muestra la suma en vivo y qué falta mientras no suma 100; no envía nada', async () => {
    const pedidos = montar();
    expect(screen.getByRole('status').textContent).toBe('Las ponderaciones suman 100 %.');
    const int2 = screen.getByRole('textbox', { name: 'Ponderación de INT-2 (%)' });
    await userEvent.clear(int2);
    await userEvent.type(int2, '25,5');
    expect(screen.getByText('95,5 %')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Las ponderaciones de «Integridad» suman 95,5 %: faltan 4,5 puntos para llegar a 100 %.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Guardar ponderaciones' }));
    expect(document.activeElement).toBe(screen.getByRole('status'));
    expect(pedidos).toEqual([]);
  });

  it('un valor que no es un número se marca y se cuenta', async () => {
    montar();
    const int1 = screen.getByRole('textbox', { name: 'Ponderación de INT-1 (%)' });
    await userEvent.clear(int1);
    await userEvent.type(int1, 'cincuenta');
    expect(screen.getByRole('status').textContent).toContain('Corrija la ponderación marcada');
    expect(int1.getAttribute('aria-invalid')).toBe('true');
  });

  it('con el teclado: corregir dos filas y Enter guarda todas en una sola petición', async () => {
    const pedidos = montar();
    const int1 = screen.getByRole('textbox', { name: 'Ponderación de INT-1 (%)' });
    await userEvent.clear(int1);
    await userEvent.type(int1, '40');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Ponderación de INT-2 (%)' }));
    await userEvent.keyboard('{Control>}a{/Control}40{Enter}');
    await waitFor(() => expect(pedidos).toHaveLength(1));
    expect(pedidos[0]).toEqual({
      url: '/api/entidades/e1/planes/2026/politicas/integridad/ponderaciones',
      metodo: 'PUT',
      cuerpo: {
        ponderaciones: [
          { actividadId: 'a1', ponderacion: 40 },
          { actividadId: 'a2', ponderacion: 40 },
          { actividadId: 'a3', ponderacion: 20 },
        ],
      },
    });
    expect(await screen.findByText('Se guardaron las ponderaciones de Integridad.')).toBeTruthy();
  });

  it('«Repartir por igual» deja tres partes que suman exactamente 100', async () => {
    montar();
    await userEvent.click(screen.getByRole('button', { name: 'Repartir por igual' }));
    expect(screen.getAllByRole('textbox').map((i) => (i as HTMLInputElement).value)).toEqual([
      '33,33',
      '33,33',
      '33,34',
    ]);
    expect(screen.getByRole('status').textContent).toBe('Las ponderaciones suman 100 %.');
  });
});
