// The login page as the server sends it to someone without a session: a plain HTML form, drawn at build time
// with the same components and theme as the web app (web/esqueletos.ts), with no JavaScript at all. On a slow
// phone the web app's 120 KB of JavaScript took seconds of the main thread before the form answered; this form
// is usable as soon as the HTML and the CSS arrive. It posts to `POST /ingresar`, which sets the session and
// sends the person on to the address they asked for, where the web app loads. The server fills in the marks.
import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Pagina } from '../../ui/componentes.tsx';
import { ENCABEZADOS } from '../../ui/esqueleto.tsx';
import { MarcoPublico } from '../../ui/marco.tsx';

/** Marks the server replaces (src/server/pagina-web.ts): each value escaped, the bar and the notice as HTML. */
export const MARCAS_INGRESO = {
  destino: '__DESTINO__',
  correo: '__CORREO__',
  aviso: '__AVISO__',
  barra: '__BARRA__',
  mensaje: '__MENSAJE__',
} as const;

export function IngresoSinJs({ debajo }: { debajo?: ReactNode }) {
  const e = ENCABEZADOS.ingreso;
  return (
    <MarcoPublico ancho={e.ancho} barra={MARCAS_INGRESO.barra}>
      <Pagina titulo={e.titulo()} descripcion={e.descripcion}>
        <Paper withBorder p="lg">
          {/* noValidate: the server's messages, in Spanish, not the browser's tooltips in its own language. */}
          <form method="post" action="/ingresar" noValidate>
            {MARCAS_INGRESO.aviso}
            <input type="hidden" name="destino" value={MARCAS_INGRESO.destino} />
            <Stack>
              <TextInput
                label={e.etiquetas.email}
                name="email"
                type="email"
                autoComplete="username"
                defaultValue={MARCAS_INGRESO.correo}
                required
              />
              <TextInput
                label={e.etiquetas.password}
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
            </Stack>
            <Group mt="md">
              <Button type="submit" size="md">
                Ingresar
              </Button>
              <a href="/olvide-clave">¿Olvidó su contraseña?</a>
            </Group>
          </form>
        </Paper>
        {debajo}
      </Pagina>
    </MarcoPublico>
  );
}

/**
 * Why the sign-in did not go through, above the fields (the same words as the API's answer). It takes the
 * focus as the page loads, so a screen reader reads it first and the keyboard starts there.
 */
export const AvisoIngreso = () => (
  <Alert
    color="red.9"
    variant="outline"
    role="alert"
    title="No se pudo ingresar"
    mb="md"
    tabIndex={-1}
    data-autofocus
  >
    {MARCAS_INGRESO.mensaje}
  </Alert>
);
