import type { EnlaceClave } from '@contrato/correo.ts';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, erroresPorCampo } from '../../api.ts';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';

/** /definir-clave?token=…: the page of the one-time link sent by e-mail or handed over by the administrator. */
export function DefinirClavePage() {
  const token = useSearch({ from: '/definir-clave' }).token ?? '';
  const [clave, setClave] = useState('');
  const [confirmacion, setConfirmacion] = useState('');
  const [diferentes, setDiferentes] = useState(false);
  const enlace = useQuery({
    queryKey: ['enlace-clave', token],
    queryFn: () => api<EnlaceClave>('POST', '/api/auth/enlace-clave', { token }),
    retry: false,
    enabled: !!token,
  });
  const definir = useMutation({
    mutationFn: () => api('POST', '/api/auth/definir-clave', { token, clave }),
  });
  const errores = erroresPorCampo(definir.error);
  const enviar = (e: FormEvent) => {
    e.preventDefault();
    setDiferentes(clave !== confirmacion);
    if (clave === confirmacion) definir.mutate();
  };
  const titulo = enlace.data?.proposito === 'restablecer' ? 'Nueva contraseña' : 'Active su cuenta';
  if (!token)
    return (
      <Pagina titulo="Definir contraseña">
        <MensajeError error="El enlace está incompleto: ábralo tal como llegó en el correo, o pida uno nuevo." />
      </Pagina>
    );
  if (enlace.isPending) return <Cargando que="su enlace" />;
  if (enlace.isError)
    return (
      <Pagina titulo="Definir contraseña">
        <MensajeError error={enlace.error} />
        <Text mt="md">
          <a href="/olvide-clave">Pedir un enlace nuevo</a> · <a href="/">Ir a la página de ingreso</a>
        </Text>
      </Pagina>
    );
  return (
    <Pagina
      titulo={titulo}
      descripcion={`Cuenta de ${enlace.data.nombre} (${enlace.data.correo}). Este enlace sirve una sola vez.`}
    >
      {definir.isSuccess ? (
        <Exito>
          Su contraseña quedó definida y se cerraron las sesiones que tuviera abiertas.{' '}
          <a href="/">Ingrese con su correo y la nueva contraseña</a>.
        </Exito>
      ) : (
        <Paper withBorder p="lg" component="form" onSubmit={enviar} noValidate>
          <Stack>
            {definir.isError && !Object.keys(errores).length && <MensajeError error={definir.error} />}
            {/* The account's e-mail, for password managers to store the pair. */}
            <input type="email" autoComplete="username" value={enlace.data.correo} readOnly hidden />
            <CampoClave
              label="Nueva contraseña"
              description="Al menos 10 caracteres, con letras y números; que no sea una de las más usadas ni contenga su usuario de correo."
              autoComplete="new-password"
              value={clave}
              onChange={(e) => setClave(e.currentTarget.value)}
              error={errores.clave}
              required
            />
            <CampoClave
              label="Repita la contraseña"
              autoComplete="new-password"
              value={confirmacion}
              onChange={(e) => setConfirmacion(e.currentTarget.value)}
              error={diferentes ? 'Las dos contraseñas no coinciden.' : undefined}
              required
            />
            <Button type="submit" loading={definir.isPending} disabled={definir.isPending}>
              Guardar contraseña
            </Button>
          </Stack>
        </Paper>
      )}
    </Pagina>
  );
}
