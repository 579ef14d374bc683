import type { OlvideClaveRespuesta } from '@contrato/correo.ts';
import { Button, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, erroresPorCampo } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useEstadoPlataforma } from './estado-plataforma.ts';

/** /olvide-clave: asks for a set-password link by e-mail; the answer never says whether the account exists. */
export function OlvideClavePage() {
  const estado = useEstadoPlataforma();
  const [correo, setCorreo] = useState('');
  const pedir = useMutation({
    mutationFn: () => api<OlvideClaveRespuesta>('POST', '/api/auth/olvide-clave', { correo }),
  });
  const errores = erroresPorCampo(pedir.error);
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    pedir.mutate();
  };
  if (estado.isPending) return <Cargando />;
  if (estado.data && !estado.data.correoActivo)
    return (
      <Pagina titulo="¿Olvidó su contraseña?">
        <p>
          Esta plataforma no envía correos. Pida al administrador de su entidad que restablezca su contraseña
          en «Usuarios y roles»: le entregará un enlace de un solo uso para que defina una nueva.
        </p>
        <p>
          <a href="/">Volver a la página de ingreso</a>
        </p>
      </Pagina>
    );
  return (
    <Pagina
      titulo="¿Olvidó su contraseña?"
      descripcion="Escriba el correo con el que ingresa: le enviaremos un enlace para definir una nueva contraseña."
    >
      {pedir.isSuccess ? (
        <Exito>
          {pedir.data.mensaje} <a href="/">Volver a la página de ingreso</a>.
        </Exito>
      ) : (
        <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
          <Stack>
            {pedir.isError && !Object.keys(errores).length && <MensajeError error={pedir.error} />}
            <TextInput
              label="Correo electrónico"
              type="email"
              autoComplete="username"
              required
              value={correo}
              onChange={(e) => setCorreo(e.currentTarget.value)}
              error={errores.correo}
            />
            <Button type="submit" loading={pedir.isPending} disabled={pedir.isPending}>
              Enviarme el enlace
            </Button>
            <a href="/">Volver a la página de ingreso</a>
          </Stack>
        </Paper>
      )}
    </Pagina>
  );
}
