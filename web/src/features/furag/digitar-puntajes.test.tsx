import type { Catalogo } from '@contrato/catalogo.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { DigitarPuntajes } from './digitar-puntajes.tsx';

const catalogo: Catalogo = {
  vigencia: 2024,
  fuente: 'prueba',
  equivalencias: {},
  componentes: [],
  dimensiones: [
    {
      codigo: 'D1',
      nombre: 'Talento Humano',
      color: '#000',
      politicas: [
        {
          clave: 'talento_humano',
          codigoFurag: 'POL01',
          nombre: 'Gestión Estratégica del Talento Humano',
          lider: 'Función Pública',
          formularios: ['MIPG'],
          indices: [{ codigo: 'I01', nombre: 'Calidad de la planeación', descripcion: '' }],
        },
      ],
    },
  ],
  planesDecreto612: [],
};

function montar(guardado: object | null = null) {
  const enviados: { metodo: string; url: string; cuerpo: unknown }[] = [];
  const responder = (status: number, cuerpo: unknown) =>
    new Response(JSON.stringify(cuerpo), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (init.method === 'PUT') {
        const cuerpo = JSON.parse(String(init.body));
        enviados.push({ metodo: 'PUT', url, cuerpo });
        return responder(200, {
          vigencia: 2024,
          grupoPar: cuerpo.grupoPar || null,
          puntajes: cuerpo.puntajes,
          version: 1,
          digitadoPor: 'Jorge',
          digitadoEn: '2026-03-02T15:00:00Z',
        });
      }
      if (url === '/api/catalogo/vigencias') return responder(200, [{ vigencia: 2024 }, { vigencia: 2025 }]);
      if (url.startsWith('/api/catalogo?')) return responder(200, catalogo);
      if (url.endsWith('/furag/digitados/2024'))
        return guardado
          ? responder(200, guardado)
          : responder(404, { error: 'no_encontrado', mensaje: 'No se encontró.' });
      if (url === '/api/entidades/e1') return responder(200, { tipoFormulario: 'MIPG' });
      return responder(404, { error: 'no_encontrado', mensaje: url });
    }),
  );
  const alGuardar = vi.fn();
  renderConMantine(
    <QueryClientProvider client={new QueryClient()}>
      <DigitarPuntajes entidadId="e1" vigenciaSugerida={2024} alGuardar={alGuardar} />
    </QueryClientProvider>,
  );
  return { enviados, alGuardar };
}
afterEach(() => vi.unstubAllGlobals());

const abrir = async () => {
  await userEvent.click(screen.getByRole('button', { name: 'Digitar puntajes de una vigencia' }));
  return screen.findByRole('textbox', { name: 'IDI Índice de Desempeño Institucional' });
};

describe('digitar los puntajes del informe de resultados', () => {
  it('envía solo lo digitado, con coma decimal; lo vacío no aplica y nunca va como cero', async () => {
    const { enviados, alGuardar } = montar();
    await userEvent.type(await abrir(), '61,4');
    await userEvent.type(screen.getByRole('textbox', { name: 'I01 Calidad de la planeación' }), '0');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Grupo par (como lo escribe el informe)' }),
      'ALCALDÍAS GRUPO 3',
    );
    // Every field starts empty: «No aplica», not 0.
    expect((screen.getByRole('textbox', { name: 'D1 Talento Humano' }) as HTMLInputElement).value).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar los puntajes de 2024' }));
    expect(await screen.findByText(/Se guardaron los puntajes de 2024/)).toBeTruthy();
    expect(enviados).toEqual([
      {
        metodo: 'PUT',
        url: '/api/entidades/e1/furag/digitados/2024',
        cuerpo: { grupoPar: 'ALCALDÍAS GRUPO 3', puntajes: { IDI: 61.4, I01: 0 }, version: null },
      },
    ]);
    expect(alGuardar).toHaveBeenCalledWith(2024);
  });

  it('un puntaje fuera de 0 a 100 se señala en su campo y en el resumen con su etiqueta; no se envía nada', async () => {
    const { enviados } = montar();
    const idi = await abrir();
    await userEvent.type(idi, '150');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar los puntajes de 2024' }));
    const resumen = await screen.findByRole('alert');
    expect(resumen.textContent).toContain(
      'IDI Índice de Desempeño Institucional: El puntaje debe estar entre 0 y 100',
    );
    expect(idi.getAttribute('aria-invalid')).toBe('true');
    expect(enviados).toEqual([]);
  });

  it('corrige lo ya digitado sobre la versión que leyó', async () => {
    const { enviados } = montar({
      vigencia: 2024,
      grupoPar: 'G',
      puntajes: { IDI: 50, POL01: 47.5 },
      version: 3,
      digitadoPor: 'Ana',
      digitadoEn: '2026-02-01T15:00:00Z',
    });
    const idi = (await abrir()) as HTMLInputElement;
    expect(idi.value).toBe('50');
    expect(
      (
        screen.getByRole('textbox', {
          name: 'POL01 Gestión Estratégica del Talento Humano',
        }) as HTMLInputElement
      ).value,
    ).toBe('47,5');
    expect(screen.getByText(/Digitados por Ana el 01\/02\/2026/)).toBeTruthy();
    await userEvent.clear(idi);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar los puntajes de 2024' }));
    await screen.findByText(/Se guardaron los puntajes de 2024/);
    expect(enviados[0]!.cuerpo).toEqual({ grupoPar: 'G', puntajes: { POL01: 47.5 }, version: 3 });
  });
});
