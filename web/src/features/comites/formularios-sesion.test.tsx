import type { Sesion } from '@contrato/comites.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { Acta, Decisiones } from './formularios-sesion.tsx';

const SESION: Sesion = {
  id: '00000000-0000-4000-8000-0000000000a1',
  numero: 1,
  anio: 2026,
  fecha: '2026-03-10',
  caracter: 'ordinaria',
  lugar: null,
  actaFirmada: false,
  comite: {
    id: '00000000-0000-4000-8000-0000000000c1',
    tipo: 'cigd',
    nombre: 'Comité Institucional de Gestión y Desempeño',
    actoCreacion: null,
    fechaActoCreacion: null,
    puedeGestionar: true,
  },
  ordenDelDia: [],
  desarrollo: '',
  asistentes: [],
  integrantes: [],
  quorum: { conVoto: 0, presentesConVoto: 0, requeridos: 0, hay: false },
  decisiones: [],
  compromisos: [],
  compromisosAnteriores: [],
  actaNombre: null,
};

function montar(ui: ReactElement) {
  const enviados: { url: string; cuerpo: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      enviados.push({ url, cuerpo: init.body });
      return new Response(JSON.stringify(SESION), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  renderConMantine(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);
  return enviados;
}
afterEach(() => vi.unstubAllGlobals());

describe('formularios de la sesión', () => {
  it('el seguimiento trimestral pide su periodo; fuera de 1 a 12 lo dice en el campo, sin enviar', async () => {
    const enviados = montar(<Decisiones s={SESION} entidadId="e1" editable vigencia={2026} />);
    expect(screen.queryByLabelText('Periodo cerrado')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Tipo de decisión'), 'seguimiento_trimestral');
    const periodo = screen.getByLabelText('Periodo cerrado');
    await userEvent.clear(periodo);
    await userEvent.type(periodo, '13');
    await userEvent.type(
      screen.getByLabelText('Descripción de la decisión', { exact: false }),
      'Seguimiento al primer trimestre',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Registrar decisión' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Periodo cerrado: El periodo va de 1 a 12',
    );
    expect(screen.getByLabelText('Periodo cerrado').getAttribute('aria-invalid')).toBe('true');
    expect(enviados).toHaveLength(0);
  });

  it('adjuntar sin elegir el PDF lo pide en su campo; con el PDF lo envía', async () => {
    const enviados = montar(<Acta s={SESION} entidadId="e1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Adjuntar acta firmada' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Acta firmada escaneada (PDF): Elija el PDF escaneado del acta firmada',
    );
    expect(enviados).toHaveLength(0);
    const pdf = new File(['%PDF-1.4\n%%EOF'], 'acta 1 firmada.pdf', { type: 'application/pdf' });
    const entrada = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(entrada, pdf);
    await userEvent.click(screen.getByRole('button', { name: 'Adjuntar acta firmada' }));
    await vi.waitFor(() => expect(enviados).toHaveLength(1));
    expect(enviados[0]!.url).toContain('/acta-firmada?nombre=acta%201%20firmada.pdf');
  });
});
