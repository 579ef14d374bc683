import { Button, Paper, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useIngresar } from './api.ts';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ingresar = useIngresar();
  const errores = erroresPorCampo(ingresar.error);
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    ingresar.mutate({ email, password });
  };
  return (
    <Pagina
      titulo="Ingresar"
      descripcion="Use el correo y la contraseña que le asignó el administrador de su entidad."
    >
      <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
        <Stack>
          {ingresar.isError && !Object.keys(errores).length && <MensajeError error={ingresar.error} />}
          <TextInput
            label="Correo electrónico"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errores.email}
          />
          <CampoClave
            label="Contraseña"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errores.password}
          />
          <Button type="submit" loading={ingresar.isPending} size="md">
            Ingresar
          </Button>
        </Stack>
      </Paper>
    </Pagina>
  );
}
