import type { FilaSeguimiento } from '@contrato/seguimiento.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { ReporteActividad } from './reporte-actividad.tsx';

vi.mock('../../ui/contexto.tsx', async () => {
  const { rolesPermiten } = await import('@core/roles.ts');
  const roles = ['responsable_actividad'];
  return {
    useTrabajo: () => ({
      sesion: { usuario: { id: 'u-1', adminPlataforma: false } },
      entidad: { id: 'e1', nombre: 'E.S.E. de prueba', roles },
      vigencia: 2026,
      puede: (p: Parameters<typeof rolesPermiten>[1]) => rolesPermiten(roles, p),
    }),
  };
});

const URL_REPORTE = '/api/entidades/e1/seguimientos/a1/2';

/** An activity of 2 jornadas in the period, reported by the person looking; `reporte` is what is saved. */
const fila = (reporte: FilaSeguimiento['reporte'] = null): FilaSeguimiento => ({
  actividad: {
    id: 'a1',
    codigo: 'IN-01',
    nombre: 'Socializar el código de integridad',
    politica: 'integridad',
    producto: 'Listas de asistencia',
    unidad: 'jornada',
    metaAnual: 4,
    acumulacion: 'suma',
    metasPeriodo: [1, 2, 1, 0],
    dependenciaId: null,
    responsableId: 'u-1',
    esquemaPeriodos: 'trimestral',
  },
  periodoPropio: null,
  sinCorte: null,
  cifras: {
    metaPeriodo: 2,
    planeadoAcumulado: 3,
    logradoAcumulado: 1,
    avanceAcumulado: 25,
    cumplimientoPeriodo: null,
    cumplimientoAcumulado: null,
  },
  reporte,
  puedeReportar: true,
  verificacion: {
    seleccionada: false,
    linea: 'control_interno',
    motivo: null,
    situacion: 'sin_aceptar',
    puedeVerificar: false,
  },
});

const guardado = (cambios: Partial<NonNullable<FilaSeguimiento['reporte']>> = {}) => ({
  id: 'r1',
  estado: 'borrador' as const,
  valor: 1,
  numerador: null,
  denominador: null,
  descripcion: 'Primera jornada con el área asistencial',
  dificultades: null,
  justificacionSobreejecucion: null,
  tardio: false,
  observacionesPlaneacion: null,
  observacionesControl: null,
  avanceVerificado: null,
  respuestaControl: null,
  enviadoEn: null,
  evidencias: [],
  ...cambios,
});

interface Peticion {
  metodo: string;
  url: string;
  cuerpo: unknown;
}

/** The API in front of fetch: a report is saved or sent as it comes, or refused with `respuesta`. */
function servidor(respuesta?: { status: number; cuerpo: unknown }) {
  const peticiones: Peticion[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const json = (status: number, cuerpo: unknown) =>
        new Response(JSON.stringify(cuerpo), { status, headers: { 'content-type': 'application/json' } });
      if (url === '/api/plataforma/estado') return json(200, { correo: false, evidenciaMaxBytes: 25 << 20 });
      peticiones.push({
        metodo: init.method ?? 'GET',
        url,
        cuerpo: init.body && JSON.parse(String(init.body)),
      });
      if (respuesta) return json(respuesta.status, respuesta.cuerpo);
      return json(200, {});
    }),
  );
  return peticiones;
}

const montar = (f: FilaSeguimiento) =>
  renderConMantine(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ReporteActividad fila={f} url={URL_REPORTE} cerrado={false} abierta />
    </QueryClientProvider>,
  );

const escribir = (etiqueta: string | RegExp, valor: string) =>
  fireEvent.change(screen.getByLabelText(etiqueta), { target: { value: valor } });

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('el reporte de avance de una actividad', () => {
  it('vacío, no lo envía: dice todo lo que falta en español, por el nombre de cada campo, sin el aviso del navegador', async () => {
    const peticiones = servidor();
    montar(fila());
    const formulario = screen.getByRole('button', { name: 'Guardar avance' }).closest('form')!;
    expect(formulario.noValidate).toBe(true);
    expect(formulario.querySelectorAll('[required]')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar avance' }));
    const aviso = await within(formulario).findByRole('alert');
    expect(aviso.textContent).toContain('Logrado en el periodo (jornada): Escriba la cifra que reporta');
    expect(aviso.textContent).toContain(
      'Qué se hizo en el periodo: Describa en al menos 10 caracteres lo que se hizo en el periodo',
    );
    expect(aviso.textContent).not.toMatch(/«|descripcion|valor:/);
    // Each message also sits at its field.
    expect(screen.getByLabelText(/^Qué se hizo en el periodo/).getAttribute('aria-invalid')).toBe('true');
    expect(peticiones).toHaveLength(0);
  });

  it('lo corregido se guarda una vez, con la cifra escrita al estilo colombiano', async () => {
    const peticiones = servidor();
    montar(fila());
    await userEvent.click(screen.getByRole('button', { name: 'Guardar avance' }));
    await screen.findByRole('alert');
    escribir(/^Logrado en el periodo/, '1,5');
    escribir(/^Qué se hizo en el periodo/, 'Jornada con el personal de urgencias');
    // The problems belonged to what was on the screen: it changed, they go.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'Guardar avance' }));
    await waitFor(() => expect(peticiones).toHaveLength(1));
    expect(peticiones[0]).toEqual({
      metodo: 'PUT',
      url: URL_REPORTE,
      cuerpo: {
        valor: 1.5,
        descripcion: 'Jornada con el personal de urgencias',
        dificultades: null,
        justificacionSobreejecucion: null,
      },
    });
  });

  it('enviar lo que supera lo programado pide la justificación antes de ir al servidor; guardarlo como borrador, no', async () => {
    const peticiones = servidor();
    montar(fila(guardado()));
    escribir(/^Logrado en el periodo/, '5');
    const justificacion = await screen.findByLabelText(/^Justificación de la sobreejecución/);
    expect(justificacion.hasAttribute('required')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Enviar a planeación' }));
    const aviso = await screen.findByRole('alert');
    expect(aviso.textContent).toContain(
      'Justificación de la sobreejecución: Lo reportado supera lo programado para el periodo (2 jornada)',
    );
    expect(peticiones).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar avance' }));
    await waitFor(() => expect(peticiones).toHaveLength(1));
    expect(peticiones[0]!.metodo).toBe('PUT');
  });

  it('lo que el servidor rechaza se lee por el nombre del campo, nunca por la clave del API', async () => {
    servidor({
      status: 400,
      cuerpo: {
        error: 'validacion',
        mensaje: 'Revise los datos: «dificultades»: tiene más de 4000 caracteres.',
        campos: [{ campo: 'dificultades', mensaje: 'tiene más de 4000 caracteres' }],
      },
    });
    montar(fila(guardado()));
    escribir(/^Dificultades/, 'Sin sala disponible');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar avance' }));
    const aviso = await screen.findByRole('alert');
    expect(aviso.textContent).toContain('Dificultades: Tiene más de 4000 caracteres');
    expect(aviso.textContent).not.toContain('«dificultades»');
    expect(screen.getByLabelText(/^Dificultades/).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('los mensajes del contrato en el navegador', () => {
  it('un texto demasiado largo se dice en español', async () => {
    const peticiones = servidor();
    montar(fila(guardado()));
    escribir(/^Dificultades/, 'x'.repeat(4001));
    await userEvent.click(screen.getByRole('button', { name: 'Guardar avance' }));
    const aviso = await screen.findByRole('alert');
    expect(aviso.textContent).toContain('Dificultades: No más de 4000 caracteres');
    expect(aviso.textContent).not.toMatch(/too big|expected/i);
    expect(peticiones).toHaveLength(0);
  });
});
