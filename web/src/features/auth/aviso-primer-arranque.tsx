import { Alert, Code } from '@mantine/core';

// Its own module: the build also draws it in the login page's first paint when the server knows there is no
// administrator yet (web/esqueletos.ts).
/**
 * Before the first administrator exists: how whoever installed the platform gets the one-time setup link.
 * Never the link itself: anyone can open this page.
 */
export function AvisoPrimerArranque() {
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
