import { Button } from '@mantine/core';
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Confirmacion } from './confirmacion.tsx';
import { renderConMantine } from './render-prueba.tsx';

/** An activity's «Quitar» button and its confirmation, as the plan page wires them. */
function Quitar({ quitar }: { quitar: () => Promise<void> }) {
  const [abierta, setAbierta] = useState(false);
  const [hecho, setHecho] = useState(false);
  const m = useMutation({ mutationFn: quitar, retry: false });
  return (
    <>
      <Button onClick={() => setAbierta(true)}>Quitar PL-1</Button>
      {hecho && <p>Se quitó PL-1.</p>}
      <Confirmacion
        titulo="¿Quitar la actividad PL-1?"
        accion="Quitar la actividad"
        abierta={abierta}
        pendiente={m.isPending}
        error={m.error}
        alCancelar={() => {
          m.reset();
          setAbierta(false);
        }}
        alConfirmar={() =>
          m.mutate(undefined, {
            onSuccess: () => {
              setAbierta(false);
              setHecho(true);
            },
          })
        }
      >
        Sale del plan con sus metas.
      </Confirmacion>
    </>
  );
}

function montar(quitar: () => Promise<void>) {
  renderConMantine(
    <QueryClientProvider client={new QueryClient()}>
      <Quitar quitar={quitar} />
    </QueryClientProvider>,
  );
}

describe('Confirmacion', () => {
  it('un Enter por costumbre cancela: el foco empieza en «Cancelar» y nada se quita', async () => {
    let llamadas = 0;
    montar(async () => {
      llamadas++;
    });
    await userEvent.click(screen.getByRole('button', { name: 'Quitar PL-1' }));
    const ventana = await screen.findByRole('dialog', { name: '¿Quitar la actividad PL-1?' });
    expect(within(ventana).getByText('Sale del plan con sus metas.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Cancelar'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(llamadas).toBe(0);
  });

  it('confirmar quita una sola vez aunque se haga doble clic, y la ventana se cierra', async () => {
    let llamadas = 0;
    let terminar = () => {};
    montar(() => {
      llamadas++;
      return new Promise<void>((r) => {
        terminar = r;
      });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Quitar PL-1' }));
    const ventana = await screen.findByRole('dialog', { name: '¿Quitar la actividad PL-1?' });
    const accion = within(ventana).getByRole('button', { name: 'Quitar la actividad' });
    await userEvent.dblClick(accion);
    expect(llamadas).toBe(1);
    expect((within(ventana).getByRole('button', { name: 'Cancelar' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    terminar();
    expect(await screen.findByText('Se quitó PL-1.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('si el servidor se niega, el motivo se lee en la ventana, que sigue abierta', async () => {
    montar(async () => {
      throw new Error('El plan ya no está en borrador: no se pueden quitar actividades.');
    });
    await userEvent.click(screen.getByRole('button', { name: 'Quitar PL-1' }));
    const ventana = await screen.findByRole('dialog', { name: '¿Quitar la actividad PL-1?' });
    await userEvent.click(within(ventana).getByRole('button', { name: 'Quitar la actividad' }));
    expect((await within(ventana).findByRole('alert')).textContent).toContain(
      'El plan ya no está en borrador: no se pueden quitar actividades.',
    );
    expect(screen.getByRole('dialog', { name: '¿Quitar la actividad PL-1?' })).toBeTruthy();
    expect(screen.queryByText('Se quitó PL-1.')).toBeNull();
  });
});
