import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { MensajeError } from './componentes.tsx';
import { Ventana } from './ventana.tsx';

/**
 * Asks before an action that cannot be undone (removing an activity, a dependencia). Not the browser's
 * `confirm()`: that one is in the browser's language («OK», «Cancel»), blocks the page and cannot say what went
 * wrong. The button that changes nothing has the focus, so an Enter pressed out of habit removes nothing; the action's button waits
 * while it runs (a second click sends nothing) and a refusal from the server shows here, with the dialog open.
 */
export function Confirmacion({
  titulo,
  children,
  accion,
  cancelar = 'Cancelar',
  abierta,
  pendiente,
  error,
  alCancelar,
  alConfirmar,
}: {
  titulo: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  /** The action's button, a verb: «Quitar la actividad». */
  accion: string;
  /** The button that leaves things as they are. */
  cancelar?: string;
  abierta: boolean;
  pendiente: boolean;
  error: unknown;
  alCancelar: () => void;
  alConfirmar: () => void;
}) {
  return (
    <Ventana opened={abierta} onClose={() => !pendiente && alCancelar()} title={titulo}>
      <Stack>
        <Text>{children}</Text>
        <MensajeError error={error} />
        <Group justify="flex-end">
          <Button variant="outline" onClick={alCancelar} disabled={pendiente} data-autofocus>
            {cancelar}
          </Button>
          <Button color="red.8" onClick={alConfirmar} loading={pendiente}>
            {accion}
          </Button>
        </Group>
      </Stack>
    </Ventana>
  );
}
