import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered section of a committee page, named by its heading (landmark for screen readers). */
export function Seccion({
  id,
  titulo,
  nivel = 2,
  children,
}: {
  id: string;
  titulo: string;
  nivel?: 2 | 3;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={nivel} size={nivel === 2 ? 'h3' : 'h4'} mb="sm" id={id}>
        {titulo}
      </Title>
      {children}
    </Paper>
  );
}
