import type { Item } from '@core/cuestionario.ts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorApi } from '../../api.ts';
import { renderConMantine } from '../../ui/render-prueba.tsx';
import { alternarOpcion, type GuardadoItem, ItemRespuesta } from './item-respuesta.tsx';

const MULTIPLE: Item = {
  codigo: 'EJ-04',
  tipo: 'seleccion_multiple',
  texto: '¿Qué planes integró?',
  opciones: [
    { codigo: 'pic', texto: 'Capacitación', puntaje: 25 },
    { codigo: 'sst', texto: 'Seguridad y salud', puntaje: 25 },
    { codigo: 'ninguno', texto: 'Ninguno de los anteriores', anula: true },
  ],
};

function montar(item: Item, guardado?: GuardadoItem, guardar = vi.fn(async () => ({}))) {
  const cambios: unknown[] = [];
  renderConMantine(
    <ItemRespuesta
      item={item}
      guardado={guardado}
      soloLectura={false}
      guardar={guardar}
      alCambiar={(r) => cambios.push(r)}
    />,
  );
  return { guardar, cambios, region: screen.getByRole('region', { name: new RegExp(item.codigo) }) };
}

describe('alternarOpcion', () => {
  it.each([
    [[], 'pic', true, ['pic']],
    [['sst'], 'pic', true, ['pic', 'sst']],
    [['pic', 'sst'], 'ninguno', true, ['ninguno']],
    [['ninguno'], 'sst', true, ['sst']],
    [['pic', 'sst'], 'pic', false, ['sst']],
  ])('%j + %s (%s) → %j', (antes, codigo, marcar, despues) => {
    expect(alternarOpcion(MULTIPLE, antes, codigo, marcar)).toEqual(despues);
  });
});

describe('la opción que anula las demás', () => {
  it('al marcarla se desmarcan las otras, y al marcar otra se desmarca ella; se guarda sola', async () => {
    const { guardar, cambios } = montar(MULTIPLE);
    const grupo = screen.getByRole('group', { name: 'Marque las que correspondan' });
    const pic = within(grupo).getByRole('checkbox', { name: 'Capacitación' });
    const sst = within(grupo).getByRole('checkbox', { name: 'Seguridad y salud' });
    const ninguno = within(grupo).getByRole('checkbox', { name: /^Ninguno de los anteriores/ });
    await userEvent.click(pic);
    await userEvent.click(sst);
    expect([pic, sst].map((c) => (c as HTMLInputElement).checked)).toEqual([true, true]);
    await userEvent.click(ninguno);
    expect([pic, sst, ninguno].map((c) => (c as HTMLInputElement).checked)).toEqual([false, false, true]);
    expect(cambios.at(-1)).toEqual({ opciones: ['ninguno'] });
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la respuesta de EJ-04' }));
    expect(guardar).toHaveBeenCalledWith({ respuesta: { opciones: ['ninguno'] }, observacion: null });
    await screen.findByText('Guardado');
    await userEvent.click(pic);
    expect((ninguno as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('Cambios sin guardar')).toBeTruthy();
  });
});

describe('cada tipo de ítem con sus controles', () => {
  it('selección única: un grupo con su leyenda y una opción por radio', async () => {
    const { guardar } = montar({
      codigo: 'U1',
      tipo: 'seleccion_unica',
      texto: '¿Adoptó el plan?',
      opciones: [
        { codigo: 'si', texto: 'Sí' },
        { codigo: 'no', texto: 'No' },
      ],
    });
    const grupo = screen.getByRole('group', { name: 'Respuesta' });
    expect(within(grupo).getAllByRole('radio')).toHaveLength(2);
    await userEvent.click(within(grupo).getByRole('radio', { name: 'No' }));
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la respuesta de U1' }));
    expect(guardar).toHaveBeenCalledWith({ respuesta: { opcion: 'no' }, observacion: null });
  });

  it('número abierto: dice su rango y «no aplica» lo deja sin valor', async () => {
    const { guardar } = montar(
      {
        codigo: 'N1',
        tipo: 'numero',
        texto: 'Horas de capacitación',
        minimo: 0,
        maximo: 2000,
        decimales: 1,
        noAplica: true,
      },
      { respuesta: { numero: 14.5 }, observacion: 'medido en marzo' },
    );
    const campo = screen.getByRole('textbox', { name: 'Número' }) as HTMLInputElement;
    expect(campo.value).toBe('14,5');
    expect(screen.getByText('Entre 0 y 2.000.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Observación' }) as HTMLTextAreaElement).value).toBe(
      'medido en marzo',
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'No aplica' }));
    expect(campo.disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la respuesta de N1' }));
    expect(guardar).toHaveBeenCalledWith({ respuesta: { noAplica: true }, observacion: 'medido en marzo' });
  });

  it('sin «no aplica» permitido no se ofrece la casilla', () => {
    montar({ codigo: 'P1', tipo: 'puntaje', texto: 'Caracterización al día' });
    expect(screen.getByRole('textbox', { name: 'Puntaje (0 a 100)' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'No aplica' })).toBeNull();
  });

  it('selección múltiple con número: un número por opción, las vacías no se envían', async () => {
    const { guardar } = montar({
      codigo: 'M1',
      tipo: 'seleccion_multiple_numero',
      texto: 'Participantes por capacitación',
      minimo: 0,
      maximo: 100000,
      decimales: 0,
      opciones: [
        { codigo: 'induccion', texto: 'Inducción' },
        { codigo: 'reinduccion', texto: 'Reinducción' },
      ],
    });
    const grupo = screen.getByRole('group', { name: /número de cada opción/ });
    await userEvent.type(within(grupo).getByRole('textbox', { name: 'Inducción' }), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la respuesta de M1' }));
    expect(guardar).toHaveBeenCalledWith({ respuesta: { cantidades: { induccion: 12 } }, observacion: null });
  });

  it('matriz: un grupo por fila con las columnas como opciones', async () => {
    const { guardar } = montar({
      codigo: 'X1',
      tipo: 'matriz',
      texto: 'Frecuencia de acciones de bienestar',
      filas: [
        { codigo: 'clima', texto: 'Clima laboral' },
        { codigo: 'pausas', texto: 'Pausas activas' },
      ],
      opciones: [
        { codigo: 'nunca', texto: 'Nunca' },
        { codigo: 'anual', texto: 'Una vez al año' },
      ],
    });
    const clima = screen.getByRole('group', { name: 'Clima laboral' });
    const pausas = screen.getByRole('group', { name: 'Pausas activas' });
    await userEvent.click(within(clima).getByRole('radio', { name: 'Una vez al año' }));
    await userEvent.click(within(pausas).getByRole('radio', { name: 'Nunca' }));
    expect((within(clima).getByRole('radio', { name: 'Una vez al año' }) as HTMLInputElement).checked).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la respuesta de X1' }));
    expect(guardar).toHaveBeenCalledWith({
      respuesta: { celdas: { clima: 'anual', pausas: 'nunca' } },
      observacion: null,
    });
  });

  it('texto abierto: un área de texto; vacío se guarda como ítem en blanco', async () => {
    const { guardar } = montar({ codigo: 'T1', tipo: 'texto', texto: 'Principal dificultad' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Observación' }), 'solo observación');
    expect(screen.getByRole('textbox', { name: 'Respuesta' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la respuesta de T1' }));
    expect(guardar).toHaveBeenCalledWith({ respuesta: null, observacion: 'solo observación' });
  });

  it('el error del API sobre la respuesta aparece al pie del campo, en español', async () => {
    const guardar = vi.fn(async () => {
      throw new ErrorApi(400, 'Revise los datos.', [
        { campo: 'respuesta', mensaje: 'el número debe estar entre 0 y 2.000.' },
      ]);
    });
    montar({ codigo: 'N2', tipo: 'numero', texto: 'Horas', minimo: 0, maximo: 2000 }, undefined, guardar);
    await userEvent.type(screen.getByRole('textbox', { name: 'Número' }), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar la respuesta de N2' }));
    const campo = screen.getByRole('textbox', { name: 'Número' });
    await screen.findByText('El número debe estar entre 0 y 2.000.');
    expect(campo.getAttribute('aria-invalid')).toBe('true');
  });
});
