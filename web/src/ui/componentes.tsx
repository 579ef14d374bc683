import { Alert, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';

/** Page heading that also sets the document title, so screen readers and tabs say where you are. */
export function Pagina({
  titulo,
  descripcion,
  children,
}: {
  titulo: string;
  descripcion?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${titulo} — MIPG Abierto`;
  }, [titulo]);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {titulo}
        </Title>
        {descripcion && <Text mt={4}>{descripcion}</Text>}
      </div>
      {children}
    </Stack>
  );
}

/**
 * Grey blocks in the shape of a page's content while it loads: they hold the space so nothing jumps when the
 * data arrives, and they show no figure that could be read as real («0 dependencias»). Screen readers hear
 * «Cargando …». `bloques` are the heights in px of the pieces to come (a title, a table, a card…).
 */
export function Cargando({
  que = 'la información',
  bloques = [120, 28, 240],
}: {
  que?: string;
  bloques?: number[];
}) {
  return (
    <Stack gap="md" role="status" aria-busy="true" className="cargando">
      <span className="solo-lector">Cargando {que}…</span>
      {bloques.map((alto, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks never reorder
        <Skeleton key={i} height={alto} radius="sm" width={alto <= 32 ? '40%' : '100%'} aria-hidden />
      ))}
    </Stack>
  );
}

export function MensajeError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red.9" variant="outline" title="No fue posible completar la acción" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

export function Exito({ children }: { children: ReactNode }) {
  return (
    <Alert color="green.9" variant="outline" role="status">
      {children}
    </Alert>
  );
}

/** Wide tables scroll sideways on a phone; the region is focusable so keyboards can scroll it too. */
export function TablaDesplazable({ etiqueta, children }: { etiqueta: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="tabla-desplazable" aria-label={etiqueta} tabIndex={0}>
      {children}
    </section>
  );
}
