import { DefinirClaveSchema, type EnlaceClave } from '@contrato/correo.ts';
import { Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { api } from '../../api.ts';
import { Cargando, Exito, MensajeError, Pagina } from '../../ui/componentes.tsx';
import { Formulario, useFormulario } from '../../ui/formulario.tsx';
import { ClaveNueva, conConfirmacion } from './clave-nueva.tsx';

/** /definir-clave?token=…: the page of the one-time link sent by e-mail or handed over by the administrator. */
export function DefinirClavePage() {
  const token = useSearch({ from: '/definir-clave' }).token ?? '';
  const enlace = useQuery({
    queryKey: ['enlace-clave', token],
    queryFn: () => api<EnlaceClave>('POST', '/api/auth/enlace-clave', { token }),
    retry: false,
    enabled: !!token,
  });
  const definir = useMutation({
    mutationFn: (clave: string) => api('POST', '/api/auth/definir-clave', { token, clave }),
  });
  const form = useFormulario({
    inicial: { clave: '', confirmacion: '' },
    esquema: conConfirmacion(DefinirClaveSchema, 'clave'),
    etiquetas: { clave: 'Nueva contraseña', confirmacion: 'Repita la contraseña' },
    transformar: (v) => ({ ...v, token }),
  });
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
        <Paper withBorder p="lg">
          <Formulario
            form={form}
            alEnviar={(v) => definir.mutateAsync(v.clave)}
            etiquetaEnviar="Guardar contraseña"
          >
            <Stack>
              {/* The account's e-mail, for password managers to store the pair. */}
              <input type="email" autoComplete="username" value={enlace.data.correo} readOnly hidden />
              <ClaveNueva
                form={form}
                clave="clave"
                descripcion="Al menos 10 caracteres, con letras y números; que no sea una de las más usadas ni contenga su usuario de correo."
              />
            </Stack>
          </Formulario>
        </Paper>
      )}
    </Pagina>
  );
}
