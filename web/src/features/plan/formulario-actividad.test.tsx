import type { Catalogo } from '@contrato/catalogo.ts';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorApi } from '../../api.ts';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { type DatosActividad, FormularioActividad } from './formulario-actividad.tsx';

const catalogo: Catalogo = {
  vigencia: 2026,
  fuente: 'prueba',
  equivalencias: {},
  componentes: [],
  dimensiones: [
    {
      codigo: 'D1',
      nombre: 'Talento humano',
      color: '#000',
      politicas: [
        {
          clave: 'talento',
          codigoFurag: 'P1',
          nombre: 'Gestión del talento humano',
          lider: 'DAFP',
          formularios: ['MIPG'],
          indices: [],
        },
      ],
    },
  ],
  planesDecreto612: [
    {
      clave: 'pic',
      nombre: 'Plan Institucional de Capacitación',
      politica: 'talento',
      politicas: ['talento'],
      sigla: 'PIC',
    },
    {
      clave: 'ptep',
      nombre: 'Programa de Transparencia y Ética Pública',
      politica: 'transparencia',
      politicas: ['transparencia', 'talento'],
      sigla: 'PTEP',
    },
    { clave: 'peti', nombre: 'PETI', politica: 'gobierno', politicas: ['gobierno'], sigla: 'PETI' },
  ],
};

function formulario(
  alGuardar: (d: DatosActividad) => unknown,
  planesPropios: { codigo: string; nombre: string; politicas: string[] }[] = [],
  esquemas?: ComponentProps<typeof FormularioActividad>['esquemas'],
) {
  renderConMantine(
    <FormularioActividad
      catalogo={catalogo}
      planesPropios={planesPropios}
      esquemas={esquemas}
      periodos={['Trimestre 1', 'Trimestre 2']}
      dependencias={[]}
      personas={[]}
      alGuardar={alGuardar}
    />,
  );
  return screen.getByRole('button', { name: 'Agregar actividad' });
}

// Typing letter by letter into 20 fields is slow in happy-dom; a change event per field says the same.
const escribir = (etiqueta: string | RegExp, valor: string) =>
  fireEvent.change(screen.getByLabelText(etiqueta), { target: { value: valor } });

function llenar() {
  escribir(/^Código/, 'GD-01');
  escribir(/^Unidad de medida/, 'documento');
  escribir(/^Actividad/, 'Actualizar el plan de capacitación');
  escribir(/^Producto o entregable/, 'Plan aprobado');
}

// A form of 20 Mantine fields renders slowly in happy-dom on a busy machine.
describe('formulario de actividad', { timeout: 20_000 }, () => {
  it('lista a la vez todos los problemas, nombrados por la etiqueta y con los mensajes del servidor', async () => {
    const alGuardar = vi.fn();
    const boton = formulario(alGuardar);
    const fin = screen.getByLabelText('Fecha de fin');
    escribir('Fecha de fin', '31/02/2026');
    await userEvent.click(boton);
    const resumen = screen.getByRole('alert');
    const texto = resumen.textContent ?? '';
    expect(texto).toContain('Revise estos 5 datos');
    expect(texto).toContain('Código: Escriba el código de la actividad');
    expect(texto).toContain('Actividad: Describa la actividad');
    expect(texto).toContain('Producto o entregable: Escriba el producto o entregable');
    expect(texto).toContain('Unidad de medida: Escriba la unidad de medida');
    expect(texto).toContain('Fecha de fin: Escriba una fecha válida del calendario (dd/mm/aaaa)');
    // In the order of the fields on screen: «Unidad de medida» sits beside «Código», before «Actividad».
    expect(texto.indexOf('Unidad de medida:')).toBeLessThan(texto.indexOf('Actividad:'));
    // Never the API's keys.
    expect(texto).not.toMatch(/fechaFin|codigo|producto:/);
    expect(alGuardar).not.toHaveBeenCalled();
    expect(fin.getAttribute('aria-invalid')).toBe('true');
    expect(boton.closest('form')!.noValidate).toBe(true);
  });

  it('una meta por periodo vacía se nombra por su periodo', async () => {
    const alGuardar = vi.fn();
    const boton = formulario(alGuardar);
    llenar();
    escribir('Meta: Trimestre 2', '');
    await userEvent.click(boton);
    expect(screen.getByRole('alert').textContent).toContain(
      'Meta: Trimestre 2: Escriba cada meta por periodo como número',
    );
    expect(alGuardar).not.toHaveBeenCalled();
  });

  it('una actividad del PTEP por cuatrimestres tiene 3 metas con sus nombres, y el aviso lo explica', async () => {
    const alGuardar = vi.fn(async (_d: DatosActividad) => {});
    const boton = formulario(alGuardar, [], {
      esquema: 'trimestral',
      esquemasInstrumento: { ptep: 'cuatrimestral' },
    });
    llenar();
    escribir('Plan del Decreto 612 (opcional)', 'ptep');
    expect(screen.queryByLabelText('Meta: Trimestre 1')).toBeNull();
    expect(screen.getByText(/El PTEP se programa por cuatrimestres/)).toBeTruthy();
    escribir('Meta: Cuatrimestre 1', '0');
    escribir('Meta: Cuatrimestre 2', '0');
    escribir('Meta: Cuatrimestre 3', '1');
    await userEvent.click(boton);
    expect(alGuardar).toHaveBeenCalledTimes(1);
    expect(alGuardar.mock.calls[0]![0]).toMatchObject({ plan612: 'ptep', metasPeriodo: [0, 0, 1] });
    // Back to no plan: the plan's periods again, the goals typed kept.
    escribir('Plan del Decreto 612 (opcional)', '');
    expect(screen.getByLabelText('Meta: Trimestre 2')).toBeTruthy();
    expect(screen.queryByLabelText('Meta: Cuatrimestre 3')).toBeNull();
  });

  it('envía las fechas en aaaa-mm-dd, los números como números y lo vacío como null', async () => {
    const alGuardar = vi.fn(async (_d: DatosActividad) => {});
    const boton = formulario(alGuardar);
    llenar();
    await userEvent.click(boton);
    expect(alGuardar).toHaveBeenCalledTimes(1);
    expect(alGuardar.mock.calls[0]![0]).toMatchObject({
      politica: 'talento',
      codigo: 'GD-01',
      metaAnual: 1,
      metasPeriodo: [0, 0],
      fechaInicio: '2026-01-01',
      fechaFin: '2026-12-31',
      presupuesto: null,
      dependenciaId: null,
    });
  });

  it('el error de un campo que devuelve el servidor queda en ese campo, con su etiqueta', async () => {
    const boton = formulario(async () => {
      throw new ErrorApi(409, 'El código GD-01 ya está en uso.', [
        { campo: 'codigo', mensaje: 'el código GD-01 ya está en uso en este plan' },
        { campo: 'fechaFin', mensaje: 'la fecha de fin no puede ser anterior a la de inicio' },
      ]);
    });
    llenar();
    await userEvent.click(boton);
    const texto = (await screen.findByRole('alert')).textContent ?? '';
    expect(texto).toContain('Código: El código GD-01 ya está en uso en este plan');
    expect(texto).toContain('Fecha de fin: La fecha de fin no puede ser anterior a la de inicio');
    expect(screen.getByLabelText(/^Código/).getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText(/^Actividad/) as HTMLTextAreaElement).value).toBe(
      'Actualizar el plan de capacitación',
    );
  });

  it('un doble clic o dos Intro seguidos agregan la actividad una sola vez', async () => {
    let terminar: () => void = () => {};
    const alGuardar = vi.fn(() => new Promise<void>((r) => (terminar = r)));
    const boton = formulario(alGuardar);
    llenar();
    await userEvent.dblClick(boton);
    fireEvent.submit(boton.closest('form')!);
    expect(alGuardar).toHaveBeenCalledTimes(1);
    expect((boton as HTMLButtonElement).disabled).toBe(true);
    terminar();
    await vi.waitFor(() => expect((boton as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('ofrece los planes del Decreto 612 que incluyen la política y los planes propios que la admiten', async () => {
    const alGuardar = vi.fn(async (_d: DatosActividad) => {});
    const boton = formulario(alGuardar, [
      { codigo: 'PAAI', nombre: 'Plan Anual de Auditoría', politicas: ['control_interno'] },
      { codigo: 'PAMEC', nombre: 'PAMEC', politicas: [] },
    ]);
    const opciones = (etiqueta: RegExp) =>
      [...(screen.getByLabelText(etiqueta) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(opciones(/^Plan del Decreto 612/)).toEqual([
      'Ninguno',
      'Plan Institucional de Capacitación',
      'Programa de Transparencia y Ética Pública',
    ]);
    expect(opciones(/^Plan propio de la entidad/)).toEqual(['Ninguno', 'PAMEC · PAMEC']);
    llenar();
    escribir(/^Plan del Decreto 612/, 'ptep');
    escribir(/^Plan propio de la entidad/, 'PAMEC');
    await userEvent.click(boton);
    expect(alGuardar.mock.calls[0]![0]).toMatchObject({ plan612: 'ptep', planPropio: 'PAMEC' });
  });
});
