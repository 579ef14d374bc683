import { TextInput } from '@mantine/core';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ErrorApi } from '../api.ts';
import { campo, Formulario, useFormulario, usePromesaDeEnvio } from './formulario.tsx';
import { renderConMantine } from './render-prueba.tsx';

const esquema = z.object({
  nombre: z.string().trim().min(3, 'debe tener al menos 3 caracteres'),
  codigo: z.string().regex(/^[A-Z]{2}-\d+$/, 'use el formato AA-1'),
  // A check with no message of its own: Zod's default, which must be the Spanish one (zod-es.ts).
  sigla: z.string().max(6).optional(),
});

function Prueba({ alEnviar }: { alEnviar: (v: { nombre: string; codigo: string }) => Promise<unknown> }) {
  const form = useFormulario({
    inicial: { nombre: '', codigo: '' },
    esquema,
    etiquetas: { nombre: 'Nombre de la actividad', codigo: 'Código' },
  });
  return (
    <Formulario form={form} alEnviar={alEnviar} etiquetaEnviar="Guardar">
      <TextInput {...campo(form, 'nombre')} />
      <TextInput {...campo(form, 'codigo')} />
    </Formulario>
  );
}

/** A parent that hands over `mutate` (no promise) and the mutation's state, as TanStack Query gives them. */
function ConMutate({ lanzar, falla }: { lanzar: () => void; falla?: ErrorApi }) {
  const [estado, setEstado] = useState<{ pendiente: boolean; error: unknown }>({
    pendiente: false,
    error: null,
  });
  const form = useFormulario({
    inicial: { nombre: 'Rendición de cuentas', codigo: 'AB-1' },
    esquema,
    etiquetas: { nombre: 'Nombre de la actividad', codigo: 'Código' },
  });
  const enviar = usePromesaDeEnvio(estado.pendiente, estado.error);
  const mutate = () => {
    lanzar();
    setEstado({ pendiente: true, error: null });
    setTimeout(() => setEstado({ pendiente: false, error: falla ?? null }), 30);
  };
  return (
    <Formulario form={form} alEnviar={() => enviar(mutate)} etiquetaEnviar="Guardar">
      <TextInput {...campo(form, 'nombre')} />
      <TextInput {...campo(form, 'codigo')} />
    </Formulario>
  );
}

function ConSigla() {
  const form = useFormulario({
    inicial: { nombre: 'Rendición de cuentas', codigo: 'AB-1', sigla: 'DEMASIADO' },
    esquema,
    etiquetas: { nombre: 'Nombre de la actividad', codigo: 'Código', sigla: 'Sigla' },
  });
  return (
    <Formulario form={form} alEnviar={async () => {}} etiquetaEnviar="Guardar">
      <TextInput {...campo(form, 'sigla')} />
    </Formulario>
  );
}

describe('formulario', () => {
  it('una regla del contrato sin mensaje propio también se dice en español (en un navegador en inglés)', async () => {
    renderConMantine(<ConSigla />);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    const resumen = screen.getByRole('alert');
    expect(resumen.textContent).toContain('Sigla: No más de 6 caracteres');
    expect(resumen.textContent).not.toMatch(/too big|expected/i);
  });

  it('lista todos los problemas a la vez con la etiqueta del campo, sin enviar', async () => {
    const alEnviar = vi.fn(async () => {});
    renderConMantine(<Prueba alEnviar={alEnviar} />);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    const resumen = screen.getByRole('alert');
    expect(resumen.textContent).toContain('Revise estos 2 datos');
    expect(resumen.textContent).toContain('Nombre de la actividad: Debe tener al menos 3 caracteres');
    expect(resumen.textContent).toContain('Código: Use el formato AA-1');
    expect(resumen.textContent).not.toMatch(/\bnombre:|\bcodigo:/);
    expect(alEnviar).not.toHaveBeenCalled();
    // The browser's own (English) validation bubbles never appear.
    expect(screen.getByRole('button', { name: 'Guardar' }).closest('form')!.noValidate).toBe(true);
    // Each field shows its own message too, tied to it for screen readers.
    const nombre = screen.getByLabelText('Nombre de la actividad');
    expect(nombre.getAttribute('aria-invalid')).toBe('true');
  });

  it('el error de un campo que devuelve el servidor aparece en ese campo, nombrado por su etiqueta', async () => {
    renderConMantine(
      <Prueba
        alEnviar={async () => {
          throw new ErrorApi(409, 'El código AB-1 ya está en uso.', [
            { campo: 'codigo', mensaje: 'ya está en uso en esta vigencia' },
          ]);
        }}
      />,
    );
    await userEvent.type(screen.getByLabelText('Nombre de la actividad'), 'Rendición de cuentas');
    await userEvent.type(screen.getByLabelText('Código'), 'AB-1');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Código: Ya está en uso en esta vigencia',
    );
    expect(screen.getByLabelText('Código').getAttribute('aria-invalid')).toBe('true');
    // What was typed stays.
    expect((screen.getByLabelText('Nombre de la actividad') as HTMLInputElement).value).toBe(
      'Rendición de cuentas',
    );
  });

  it('un doble clic envía una sola vez', async () => {
    let terminar: () => void = () => {};
    const alEnviar = vi.fn(() => new Promise<void>((r) => (terminar = r)));
    renderConMantine(<Prueba alEnviar={alEnviar} />);
    await userEvent.type(screen.getByLabelText('Nombre de la actividad'), 'Rendición de cuentas');
    await userEvent.type(screen.getByLabelText('Código'), 'AB-1');
    const boton = screen.getByRole('button', { name: 'Guardar' });
    await userEvent.dblClick(boton);
    expect(alEnviar).toHaveBeenCalledTimes(1);
    expect((boton as HTMLButtonElement).disabled).toBe(true);
    terminar();
    await vi.waitFor(() => expect((boton as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('dos envíos seguidos antes de que la pantalla cambie (Intro dos veces) envían una sola vez', async () => {
    const alEnviar = vi.fn(() => new Promise<void>(() => {}));
    renderConMantine(<Prueba alEnviar={alEnviar} />);
    await userEvent.type(screen.getByLabelText('Nombre de la actividad'), 'Rendición de cuentas');
    await userEvent.type(screen.getByLabelText('Código'), 'AB-1');
    const form = screen.getByRole('button', { name: 'Guardar' }).closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(alEnviar).toHaveBeenCalledTimes(1);
  });

  it('un error sin campo (p. ej. sin conexión) se muestra como mensaje general', async () => {
    renderConMantine(
      <Prueba
        alEnviar={async () => {
          throw new ErrorApi(0, 'No hay conexión con el servidor.');
        }}
      />,
    );
    await userEvent.type(screen.getByLabelText('Nombre de la actividad'), 'Rendición de cuentas');
    await userEvent.type(screen.getByLabelText('Código'), 'AB-1');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No hay conexión con el servidor.');
  });

  it('salir de un campo no muestra mensajes (moverían el botón bajo el puntero); el envío los muestra y corregir los quita', async () => {
    const alEnviar = vi.fn(async () => {});
    renderConMantine(<Prueba alEnviar={alEnviar} />);
    await userEvent.type(screen.getByLabelText('Código'), 'x');
    await userEvent.tab();
    expect(screen.getByLabelText('Código').getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Revise estos 2 datos');
    await userEvent.type(screen.getByLabelText('Código'), 'AB-1');
    expect(screen.getByLabelText('Código').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('con `mutate` y su estado: un doble clic envía una vez y el error del servidor queda en su campo', async () => {
    const lanzar = vi.fn();
    renderConMantine(
      <ConMutate
        lanzar={lanzar}
        falla={
          new ErrorApi(409, 'En uso.', [{ campo: 'codigo', mensaje: 'ya está en uso en esta vigencia' }])
        }
      />,
    );
    const boton = screen.getByRole('button', { name: 'Guardar' }) as HTMLButtonElement;
    await userEvent.dblClick(boton);
    expect(lanzar).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Código: Ya está en uso en esta vigencia',
    );
    expect(boton.disabled).toBe(false);
  });

  it('dos formularios en la misma página con un campo del mismo nombre: cada etiqueta señala su campo', () => {
    renderConMantine(
      <>
        <Prueba alEnviar={async () => {}} />
        <Prueba alEnviar={async () => {}} />
      </>,
    );
    const campos = screen.getAllByLabelText('Código');
    expect(campos).toHaveLength(2);
    expect(campos[0]!.id).not.toBe(campos[1]!.id);
  });
});
