import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { ImportarCuestionario } from './importar-cuestionario.tsx';

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
      <ImportarCuestionario entidadId="e1" />
    </QueryClientProvider>,
  );
  return pedidos;
}
afterEach(() => vi.unstubAllGlobals());

const subir = async (nombre: string) => {
  await userEvent.upload(
    document.querySelector('input[type=file]') as HTMLInputElement,
    new File(['{}'], nombre),
  );
  await userEvent.click(screen.getByRole('button', { name: 'Importar el cuestionario' }));
};

describe('importar un cuestionario', () => {
  it('un .xlsx rechazado muestra el mensaje y la tabla de fila, sección, ítem y problema', async () => {
    const pedidos = montar(400, {
      error: 'validacion',
      mensaje: 'El cuestionario tiene 1 problema: no se importó.',
      problemas: [
        { fila: 7, seccion: 'PLA.2', item: 'EJ-04', problema: 'Solo una opción puede anular las demás.' },
      ],
    });
    await subir('autodiagnostico.xlsx');
    expect((await screen.findByRole('alert')).textContent).toContain('no se importó');
    const tabla = screen.getByRole('region', { name: 'Problemas del cuestionario' });
    expect(tabla.textContent).toContain('7PLA.2EJ-04Solo una opción puede anular las demás.');
    expect(pedidos).toEqual([
      {
        url: '/api/cuestionarios/import?entidadId=e1',
        tipo: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    ]);
  });

  it('un JSON aceptado dice qué se importó', async () => {
    const pedidos = montar(201, {
      id: 'c1',
      codigo: 'EJEMPLO-TH',
      vigencia: 2026,
      items: 9,
      secciones: [
        { codigo: 'PLA', nombre: 'Planeación', nivel: 1, items: 4 },
        { codigo: 'PLA.1', nombre: 'Conocimiento', nivel: 2, items: 2 },
        { codigo: 'DES', nombre: 'Desarrollo', nivel: 1, items: 5 },
      ],
      porTipo: {},
    });
    await subir('cuestionario.json');
    expect((await screen.findByRole('status')).textContent).toContain(
      'Se importó el cuestionario EJEMPLO-TH de 2026 con 9 ítems en 2 secciones.',
    );
    expect(pedidos[0]!.tipo).toBe('application/json');
  });
});
