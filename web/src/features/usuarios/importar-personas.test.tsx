import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { ImportarPersonas } from './importar-personas.tsx';

function montar(status: number, respuesta: object) {
  const pedidos: { url: string; tipo: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      pedidos.push({ url, tipo: (init.headers as Record<string, string>)['content-type']! });
      return new Response(JSON.stringify(respuesta), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  renderConMantine(
    <QueryClientProvider client={new QueryClient()}>
      <ImportarPersonas entidadId="e1" />
    </QueryClientProvider>,
  );
  return pedidos;
}
afterEach(() => vi.unstubAllGlobals());

const archivo = (nombre: string, bytes = 10) => new File(['x'.repeat(bytes)], nombre);
const subir = async (f: File) => {
  // Mantine's FileInput keeps a hidden <input type=file> for the picker.
  await userEvent.upload(document.querySelector('input[type=file]') as HTMLInputElement, f);
  await userEvent.click(screen.getByRole('button', { name: 'Importar' }));
};

describe('importar personas', () => {
  it('un archivo rechazado muestra el mensaje y la tabla de fila, columna y problema', async () => {
    const pedidos = montar(400, {
      error: 'validacion',
      mensaje: 'El archivo tiene 1 problema: no se importó ninguna persona. Corríjalos y vuelva a cargarlo.',
      problemas: [{ fila: 3, columna: 'Correo', problema: 'ana@x.co está repetido (también en la fila 2)' }],
    });
    await subir(archivo('personas.csv'));
    expect((await screen.findByRole('alert')).textContent).toContain('no se importó ninguna persona');
    const tabla = screen.getByRole('region', { name: 'Problemas del archivo' });
    expect(tabla.textContent).toContain('3Correoana@x.co está repetido (también en la fila 2)');
    expect(pedidos).toEqual([{ url: '/api/entidades/e1/usuarios/importar', tipo: 'text/csv' }]);
  });

  it('con el correo apagado muestra el enlace de cada persona para entregárselo', async () => {
    montar(201, {
      importadas: 1,
      correoEnviado: false,
      enlaces: [{ nombre: 'Rosa Jacanamejoy', correo: 'rosa@x.co', enlaceClave: '/definir-clave?token=abc' }],
    });
    await subir(archivo('personas.xlsx'));
    expect((await screen.findByRole('status')).textContent).toContain('Se creó 1 cuenta.');
    const enlaces = screen.getByRole('region', { name: 'Enlaces para definir la contraseña' });
    expect(enlaces.textContent).toContain('Rosa Jacanamejoy');
    expect(enlaces.textContent).toContain('/definir-clave?token=abc');
  });

  it('un archivo de más de 5 MB se rechaza antes de enviarlo', async () => {
    const pedidos = montar(201, {});
    await userEvent.upload(
      document.querySelector('input[type=file]') as HTMLInputElement,
      archivo('grande.xlsx', 5 * 1024 * 1024 + 1),
    );
    expect(screen.getByText('El archivo pesa más de 5 MB. Divídalo en varios archivos.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Importar' }) as HTMLButtonElement).disabled).toBe(true);
    expect(pedidos).toEqual([]);
  });
});
