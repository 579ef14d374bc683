import type { IntegranteComite } from '@contrato/comites.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { AgregarCargo, CambiarCargo, ConvocarSesion } from './formularios-comite.tsx';

const HACIENDA: IntegranteComite = {
  id: '00000000-0000-4000-8000-000000000003',
  cargo: 'Secretario de Hacienda',
  titular: 'Ana Pérez',
  rol: 'miembro',
  voto: true,
  desde: '2024-01-01',
  hasta: null,
};

/** The API answers `respuesta` to every write; what was sent is kept for the assertions. */
function montar(ui: ReactElement, respuesta: { status: number; cuerpo: unknown }) {
  const enviados: { metodo: string; url: string; cuerpo: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      enviados.push({ metodo: String(init.method), url, cuerpo: JSON.parse(String(init.body ?? 'null')) });
      return new Response(JSON.stringify(respuesta.cuerpo), {
        status: respuesta.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  renderConMantine(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);
  return enviados;
}
afterEach(() => vi.unstubAllGlobals());

const ok = { status: 200, cuerpo: {} };

describe('formularios del comité', () => {
  it('agregar un cargo sin cargo y con una fecha imposible: cada error en español en su campo, sin enviar', async () => {
    const enviados = montar(<AgregarCargo entidadId="e1" comiteId="c1" />, ok);
    const desde = screen.getByLabelText('Integra el comité desde', { exact: false });
    await userEvent.clear(desde);
    await userEvent.type(desde, '31/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Agregar cargo' }));
    const resumen = await screen.findByRole('alert');
    expect(resumen.textContent).toContain('Revise estos 2 datos');
    expect(resumen.textContent).toContain('Cargo: Escriba el cargo');
    expect(resumen.textContent).toContain(
      'Integra el comité desde: Escriba una fecha válida del calendario (dd/mm/aaaa)',
    );
    const cargo = screen.getByLabelText(/^Cargo/);
    expect(cargo.getAttribute('aria-invalid')).toBe('true');
    // The message under the field is tied to it, so a screen reader says it with the field.
    const ayuda = cargo.getAttribute('aria-describedby') ?? '';
    expect(
      ayuda.split(' ').some((id) => document.getElementById(id)?.textContent?.includes('Escriba el cargo')),
    ).toBe(true);
    expect(enviados).toHaveLength(0);
  });

  it('un invitado queda con voz y sin voto; el cargo va con sus fechas como las toma la API', async () => {
    const enviados = montar(<AgregarCargo entidadId="e1" comiteId="c1" />, ok);
    await userEvent.type(screen.getByLabelText(/^Cargo/), 'Jefe de Control Interno');
    await userEvent.selectOptions(screen.getByLabelText('Rol en el comité'), 'invitado');
    expect((screen.getByLabelText('Tiene voz y voto') as HTMLInputElement).checked).toBe(false);
    const desde = screen.getByLabelText('Integra el comité desde', { exact: false });
    await userEvent.clear(desde);
    await userEvent.type(desde, '01/02/2026');
    await userEvent.type(screen.getByLabelText('Integra el comité hasta'), '31/12/2027');
    await userEvent.click(screen.getByRole('button', { name: 'Agregar cargo' }));
    expect(await screen.findByText('El cargo quedó agregado al comité.')).toBeTruthy();
    expect(enviados[0]).toEqual({
      metodo: 'POST',
      url: '/api/entidades/e1/comites/c1/integrantes',
      cuerpo: {
        cargo: 'Jefe de Control Interno',
        titular: '',
        rol: 'invitado',
        voto: false,
        desde: '2026-02-01',
        hasta: '2027-12-31',
      },
    });
    // Ready for the next post.
    expect((screen.getByLabelText(/^Cargo/) as HTMLInputElement).value).toBe('');
  });

  it('cambiar el titular y la fecha final envía lo leído; el error del servidor queda en «Fecha final»', async () => {
    const alCambiar = vi.fn();
    const enviados = montar(
      <CambiarCargo
        entidadId="e1"
        comiteId="c1"
        integrante={HACIENDA}
        cerrar={() => {}}
        alCambiar={alCambiar}
      />,
      {
        status: 400,
        cuerpo: {
          error: 'validacion',
          mensaje: 'Revise el campo «hasta»: …',
          campos: [
            {
              campo: 'hasta',
              mensaje:
                'el acta n.º 1 de 2026, ya firmada, cuenta este cargo: la fecha final no puede ser anterior al 10/03/2026',
            },
          ],
        },
      },
    );
    expect(
      await screen.findByRole('dialog', { name: 'Cambiar el cargo «Secretario de Hacienda»' }),
    ).toBeTruthy();
    const titular = screen.getByLabelText('Titular del cargo');
    expect((titular as HTMLInputElement).value).toBe('Ana Pérez');
    await userEvent.clear(titular);
    await userEvent.type(titular, 'Pedro Gómez');
    await userEvent.type(screen.getByLabelText('Fecha final en el comité'), '28/02/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar el cambio' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Fecha final en el comité: El acta n.º 1 de 2026, ya firmada, cuenta este cargo',
    );
    expect(screen.getByLabelText('Fecha final en el comité').getAttribute('aria-invalid')).toBe('true');
    expect(enviados[0]).toEqual({
      metodo: 'PUT',
      url: `/api/entidades/e1/comites/c1/integrantes/${HACIENDA.id}`,
      cuerpo: {
        titular: 'Pedro Gómez',
        hasta: '2026-02-28',
        leido: { titular: 'Ana Pérez', hasta: null },
      },
    });
    expect(alCambiar).not.toHaveBeenCalled();
  });

  it('si otra persona cambió el cargo entre tanto, lo dice y no cierra la ventana', async () => {
    const cerrar = vi.fn();
    montar(
      <CambiarCargo
        entidadId="e1"
        comiteId="c1"
        integrante={HACIENDA}
        cerrar={cerrar}
        alCambiar={() => {}}
      />,
      {
        status: 409,
        cuerpo: {
          error: 'conflicto',
          mensaje: 'Otra persona cambió el cargo «Secretario de Hacienda» mientras usted lo editaba.',
        },
      },
    );
    await userEvent.type(await screen.findByLabelText('Fecha final en el comité'), '31/12/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar el cambio' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Otra persona cambió el cargo');
    expect(cerrar).not.toHaveBeenCalled();
  });

  it('una sesión con fecha futura: el mensaje del servidor aparece en «Fecha de la sesión»', async () => {
    const alRegistrar = vi.fn();
    montar(<ConvocarSesion entidadId="e1" comiteId="c1" alRegistrar={alRegistrar} />, {
      status: 400,
      cuerpo: {
        error: 'validacion',
        mensaje: 'Revise el campo «fecha»: la sesión del comité no puede tener fecha futura',
        campos: [{ campo: 'fecha', mensaje: 'la sesión del comité no puede tener fecha futura' }],
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Registrar sesión' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Fecha de la sesión: La sesión del comité no puede tener fecha futura',
    );
    expect(screen.getByLabelText('Fecha de la sesión', { exact: false }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(alRegistrar).not.toHaveBeenCalled();
  });
});
