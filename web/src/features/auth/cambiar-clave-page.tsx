import { Button, Paper, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { erroresPorCampo } from '../../api.ts';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { useCambiarClave } from './api.ts';

export function CambiarClavePage({ obligatorio = false }: { obligatorio?: boolean }) {
  const [actual, setActual] = useState('');
  const [nueva, setNueva] = useState('');
  const [confirmacion, setConfirmacion] = useState('');
  const [diferentes, setDiferentes] = useState(false);
  const cambiar = useCambiarClave();
  const errores = erroresPorCampo(cambiar.error);
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    setDiferentes(nueva !== confirmacion);
    if (nueva === confirmacion) cambiar.mutate({ actual, nueva });
  };
  return (
    <Pagina
      titulo="Cambiar contraseña"
      descripcion={
        obligatorio
          ? 'Está usando una contraseña temporal. Elija una propia para continuar.'
          : 'Use al menos 10 caracteres que combinen letras y números.'
      }
    >
      <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
        <Stack>
          {cambiar.isSuccess && <Exito>La contraseña se cambió.</Exito>}
          {cambiar.isError && !Object.keys(errores).length && <MensajeError error={cambiar.error} />}
          <CampoClave
            label="Contraseña actual"
            autoComplete="current-password"
            value={actual}
            onChange={(e) => setActual(e.currentTarget.value)}
            error={errores.actual}
            required
          />
          <CampoClave
            label="Nueva contraseña"
            description="Al menos 10 caracteres, con letras y números."
            autoComplete="new-password"
            value={nueva}
            onChange={(e) => setNueva(e.currentTarget.value)}
            error={errores.nueva}
            required
          />
          <CampoClave
            label="Repita la nueva contraseña"
            autoComplete="new-password"
            value={confirmacion}
            onChange={(e) => setConfirmacion(e.currentTarget.value)}
            error={diferentes ? 'Las dos contraseñas no coinciden.' : undefined}
            required
          />
          <Button type="submit" loading={cambiar.isPending}>
            Guardar contraseña
          </Button>
        </Stack>
      </Paper>
    </Pagina>
  );
}
