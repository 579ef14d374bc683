import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { EvaluacionIndependiente } from './evaluacion-independiente.tsx';
import { FormularioEvaluacionMeci } from './evaluacion-meci-formulario.tsx';

const LEIDA = {
  vigencia: 2026,
  semestre: 1,
  corte: '2026-06-30',
  componentes: {
    ambiente_control: {
      presente: true,
      funcionando: true,
      nivel: 90,
      fortalezas: 'Comité activo',
      debilidades: '',
    },
  },
  conclusion: null,
  version: 3,
  estado: { nivel: null, efectivo: false, faltan: [], conFallas: [] },
  insumos: {
    reportes: 4,
    verificados: 3,
    conObservaciones: 1,
    porVerificar: 0,
    avanceVerificadoPromedio: 72.5,
  },
  actualizadoEn: null,
};

/** The API as the form sees it: GET answers what was saved, PUT answers `respuestaPut`. */
function simularApi(respuestaPut: { status: number; cuerpo: object }) {
  const puts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      if (init.method === 'PUT') {
        puts.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify(respuestaPut.cuerpo), {
          status: respuestaPut.status,
          headers: { 'content-type': 'application/json' },
        });
      }
      return new Response(JSON.stringify(LEIDA), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return puts;
}

function montar(respuestaPut: { status: number; cuerpo: object }) {
  const puts = simularApi(respuestaPut);
  renderConMantine(
    <QueryClientProvider client={new QueryClient()}>
      <FormularioEvaluacionMeci entidadId="e1" vigencia={2026} semestre={1} />
    </QueryClientProvider>,
  );
  return puts;
}
afterEach(() => vi.unstubAllGlobals());

describe('evaluación independiente: el formulario de control interno', () => {
  it('muestra los cinco componentes con lo guardado y los insumos; guarda con la versión leída', async () => {
    const puts = montar({ status: 200, cuerpo: { ...LEIDA, version: 4 } });
    const riesgo = await screen.findByRole('group', { name: 'Evaluación del riesgo' });
    expect(screen.getAllByRole('group')).toHaveLength(5);
    expect(screen.getByText(/3 de 4 reportes verificados, 1 con observaciones/).textContent).toContain(
      '72,5 %',
    );
    expect(
      (
        screen
          .getByRole('group', { name: 'Ambiente de control' })
          .querySelector('textarea') as HTMLTextAreaElement
      ).value,
    ).toBe('Comité activo');
    await userEvent.click(within(riesgo).getByLabelText('Está presente'));
    await userEvent.type(within(riesgo).getByLabelText('Debilidades'), 'Mapa de riesgos sin actualizar');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la evaluación' }));
    expect(await screen.findByText(/Evaluación guardada \(versión 4\)/)).toBeTruthy();
    expect(puts).toEqual([
      expect.objectContaining({
        version: 3,
        conclusion: null,
        componentes: expect.objectContaining({
          evaluacion_riesgo: expect.objectContaining({
            presente: true,
            funcionando: false,
            debilidades: 'Mapa de riesgos sin actualizar',
          }),
        }),
      }),
    ]);
  });

  it('un 400 queda junto a su campo, dentro de su componente', async () => {
    montar({
      status: 400,
      cuerpo: {
        error: 'validacion',
        mensaje: 'Revise el nivel.',
        campos: [{ campo: 'componentes.ambiente_control.nivel', mensaje: 'el nivel va de 0 a 100' }],
      },
    });
    await screen.findByRole('group', { name: 'Ambiente de control' });
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la evaluación' }));
    const grupo = screen.getByRole('group', { name: 'Ambiente de control' });
    expect(await within(grupo).findByText('El nivel va de 0 a 100')).toBeTruthy();
  });

  it('el botón de control interno abre el diálogo con el formulario; quien solo descarga no lo ve', async () => {
    simularApi({ status: 200, cuerpo: LEIDA });
    renderConMantine(
      <QueryClientProvider client={new QueryClient()}>
        <EvaluacionIndependiente entidadId="e1" vigencia={2026} escribe={false} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('link', { name: /Evaluación independiente, semestre \d \(PDF\)/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Escribir la evaluación/ })).toBeNull();
    cleanup();
    renderConMantine(
      <QueryClientProvider client={new QueryClient()}>
        <EvaluacionIndependiente entidadId="e1" vigencia={2026} escribe />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /Escribir la evaluación del semestre/ }));
    // The dialog's code arrives on the click (it is not part of the dashboard's load).
    const dialogo = await screen.findByRole('dialog', { name: /Evaluación independiente 2026, semestre/ });
    expect(await within(dialogo).findByRole('group', { name: 'Ambiente de control' })).toBeTruthy();
  });
});
