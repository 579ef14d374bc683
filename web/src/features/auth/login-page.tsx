import { Alert, Button, Code, Paper, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useIngresar } from './api.ts';
import { useEstadoPlataforma } from './estado-plataforma.ts';

/**
 * Before the first administrator exists: how whoever installed the platform gets the one-time setup link.
 * Never the link itself: anyone can open this page.
 */
function AvisoPrimerArranque() {
  return (
    <Alert color="blue.9" variant="outline" title="Falta crear el administrador de la plataforma">
      <p>
        Quien instaló la plataforma encuentra el enlace de un solo uso para crearlo en la consola donde se
        inició el servidor, en la línea «Primer arranque». Cada arranque sin administrador genera uno nuevo.
      </p>
      <p>
        También puede pedir uno nuevo en el servidor con <Code>npm run cli -- enlace-inicial</Code> (con la
        base embebida, detenga antes el servidor).
      </p>
    </Alert>
  );
}

export function LoginPage() {
  const estado = useEstadoPlataforma();
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
          <Button type="submit" loading={ingresar.isPending} disabled={ingresar.isPending} size="md">
            Ingresar
          </Button>
          <a href="/olvide-clave">¿Olvidó su contraseña?</a>
        </Stack>
      </Paper>
      {/* Below the form: it arrives with its own request and must not push the form down (layout shift). */}
      {estado.data?.sinAdministrador && <AvisoPrimerArranque />}
    </Pagina>
  );
}
