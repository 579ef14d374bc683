import { ConfiguracionInicialSchema } from '@contrato/auth.ts';
import { TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { campo, Formulario, useFormulario } from '../../ui/formulario.tsx';
import { renderConMantine } from '../../ui/render-prueba.tsx';

// The first-run form as configuracion-inicial-page.tsx builds it, without the router and the API around it.
function PrimerAdministrador({ alEnviar }: { alEnviar: (v: unknown) => Promise<unknown> }) {
  const form = useFormulario({
    inicial: { nombre: '', correo: '', clave: '' },
    esquema: ConfiguracionInicialSchema,
    etiquetas: { nombre: 'Nombre completo', correo: 'Correo electrónico', clave: 'Contraseña' },
    transformar: (v) => ({ ...v, token: 'un-codigo-de-enlace-de-prueba' }),
  });
  return (
    <Formulario form={form} alEnviar={alEnviar} etiquetaEnviar="Crear administrador">
      <TextInput {...campo(form, 'nombre')} />
      <TextInput {...campo(form, 'correo')} />
      <CampoClave {...campo(form, 'clave')} />
    </Formulario>
  );
}

describe('la contraseña nueva en el formulario del primer administrador', () => {
  it('vacío: dice a la vez lo que falta en los tres campos, también la contraseña, sin enviar', async () => {
    const alEnviar = vi.fn(async () => {});
    renderConMantine(<PrimerAdministrador alEnviar={alEnviar} />);
    await userEvent.click(screen.getByRole('button', { name: 'Crear administrador' }));
    const resumen = screen.getByRole('alert');
    expect(resumen.textContent).toContain('Revise estos 3 datos');
    expect(resumen.textContent).toContain('Contraseña: La contraseña debe tener al menos 10 caracteres');
    expect(alEnviar).not.toHaveBeenCalled();
  });

  it('una contraseña larga sin números se corrige antes de enviar; con letras y números, se envía', async () => {
    const alEnviar = vi.fn(async () => {});
    renderConMantine(<PrimerAdministrador alEnviar={alEnviar} />);
    await userEvent.type(screen.getByLabelText('Nombre completo'), 'Diana Rosero');
    await userEvent.type(screen.getByLabelText('Correo electrónico'), 'diana@entidad.example');
    await userEvent.type(screen.getByLabelText('Contraseña'), 'solamenteletras');
    await userEvent.click(screen.getByRole('button', { name: 'Crear administrador' }));
    expect(screen.getByRole('alert').textContent).toContain('debe combinar letras y números');
    expect(alEnviar).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Contraseña'), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Crear administrador' }));
    expect(alEnviar).toHaveBeenCalledTimes(1);
  });
});
