import { Button, Paper, Stack, TextInput } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useConfiguracionInicial } from './api.ts';

export function ConfiguracionInicialPage() {
  const token = useSearch({ from: '/configuracion-inicial' }).token ?? '';
  const [datos, setDatos] = useState({ nombre: '', correo: '', clave: '' });
  const crear = useConfiguracionInicial();
  const errores = erroresPorCampo(crear.error);
  const campo = (k: keyof typeof datos) => ({
    value: datos[k],
    onChange: (e: { currentTarget: { value: string } }) => setDatos({ ...datos, [k]: e.currentTarget.value }),
    error: errores[k],
    required: true,
  });
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    crear.mutate({ token, ...datos });
  };
  return (
    <Pagina
      titulo="Configuración inicial"
      descripcion="Cree la cuenta del administrador de la plataforma. Este enlace sirve una sola vez."
    >
      {crear.isSuccess ? (
        <Exito>
          La cuenta quedó creada. <a href="/">Ingrese con su correo y contraseña</a>.
        </Exito>
      ) : (
        <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
          <Stack>
            {crear.isError && !Object.keys(errores).length && <MensajeError error={crear.error} />}
            <TextInput label="Nombre completo" autoComplete="name" {...campo('nombre')} />
            <TextInput label="Correo electrónico" type="email" autoComplete="email" {...campo('correo')} />
            <CampoClave
              label="Contraseña"
              description="Al menos 10 caracteres, con letras y números."
              autoComplete="new-password"
              {...campo('clave')}
            />
            <Button type="submit" loading={crear.isPending}>
              Crear administrador
            </Button>
          </Stack>
        </Paper>
      )}
    </Pagina>
  );
}
