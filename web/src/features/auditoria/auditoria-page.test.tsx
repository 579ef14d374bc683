import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { AuditoriaPage } from './auditoria-page.tsx';

vi.mock('../../ui/contexto.tsx', () => ({
  useTrabajo: () => ({
    sesion: { usuario: { id: 'u-1', nombre: 'Luz Dary Chindoy', adminPlataforma: false } },
    entidad: { id: 'e1', nombre: 'E.S.E. Hospital de Sibundoy', roles: ['control_interno'] },
  }),
}));

const REGISTROS = [
  {
    id: 130,
    creadoEn: '2026-11-20T15:04:00.000Z',
    usuarioCorreo: 'planeacion@hospital.example',
    accion: 'aceptar',
    recurso: 'seguimiento',
    recursoId: 'cc4eb510-42c4-40a1-bbd9-563937aa9ffd',
    antes: { estado: 'enviado', observaciones: null },
    despues: { actividad: 'TH-02', periodo: 3, estado: 'aceptado', observaciones: null },
  },
  {
    id: 131,
    creadoEn: '2026-11-20T16:00:00.000Z',
    usuarioCorreo: 'planeacion@hospital.example',
    accion: 'cerrar',
    recurso: 'periodo',
    recursoId: '2026:3',
    antes: { cerrado: false },
    despues: { cerrado: true },
  },
];

beforeEach(() =>
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify({ total: REGISTROS.length, registros: REGISTROS }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    ),
  ),
);
afterEach(() => vi.unstubAllGlobals());

const montar = () =>
  renderConMantine(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AuditoriaPage />
    </QueryClientProvider>,
  );

describe('la bitácora para control interno', () => {
  it('cada fila dice sobre qué actividad o periodo fue, y el cambio se lee en palabras', async () => {
    montar();
    const tabla = await screen.findByRole('table', { name: /Registros de auditoría/ });
    expect(tabla.textContent).toContain('Actividad TH-02, periodo 3');
    expect(tabla.textContent).toContain('Periodo 3 de 2026');
    expect(tabla.textContent).not.toMatch(/cc4eb510|2026:3|"estado"/);
    const detalle = within(tabla).getAllByText('Ver cambio')[0]!.closest('details')!;
    const cambio = within(detalle).getByRole('row', { name: /Estado/ });
    expect(cambio.textContent).toBe('Estadoenviadoaceptado');
    // What did not change is not listed.
    expect(within(detalle).queryByRole('row', { name: /Observaciones/ })).toBeNull();
  });

  it('una fecha que no existe y un rango al revés se explican en su campo', async () => {
    montar();
    await userEvent.type(screen.getByRole('textbox', { name: /^Desde/ }), '31/02/2026');
    expect(screen.getByText('El 31/02/2026 no existe en el calendario')).toBeTruthy();
    await userEvent.clear(screen.getByRole('textbox', { name: /^Desde/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Desde/ }), '01/12/2026');
    await userEvent.type(screen.getByRole('textbox', { name: /^Hasta/ }), '01/01/2026');
    expect(screen.getByText(/«Hasta» es anterior a «Desde» \(01\/12\/2026\)/)).toBeTruthy();
  });
});
