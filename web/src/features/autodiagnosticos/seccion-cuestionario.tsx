// A questionnaire's section with its visible items and its subsections, nested headings by depth: the
// autodiagnóstico and the FURAG rehearsal paint their items inside it (`pintar`).
import { type Cuestionario, recorrer, type Seccion } from '@core/cuestionario.ts';
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export const buscarItem = (c: Pick<Cuestionario, 'secciones'>, codigo: string) =>
  recorrer(c).find((x) => x.item.codigo === codigo)?.item;

export function SeccionCuestionario({
  s,
  nivel,
  visibles,
  pintar,
}: {
  s: Seccion;
  nivel: number;
  visibles: ReadonlySet<string>;
  pintar: (codigo: string) => ReactNode;
}) {
  const items = s.items.filter((i) => visibles.has(i.codigo));
  // A section with nothing to show (skips, or a filter of the page) leaves no empty heading behind.
  if (!recorrer({ secciones: [s] }).some((x) => visibles.has(x.item.codigo))) return null;
  const orden = Math.min(nivel + 1, 6) as 2 | 3 | 4 | 5 | 6;
  const idTitulo = `seccion-${s.codigo}`;
  return (
    <section aria-labelledby={idTitulo} className="seccion-cuestionario">
      <Stack gap="sm">
        <Title order={orden} size={nivel === 1 ? 'h3' : 'h4'} id={idTitulo}>
          {s.codigo} {s.nombre}
        </Title>
        {s.descripcion && <Text size="sm">{s.descripcion}</Text>}
        {items.map((i) => (
          <div key={i.codigo}>{pintar(i.codigo)}</div>
        ))}
        {s.secciones.map((sub) => (
          <SeccionCuestionario
            key={sub.codigo}
            s={sub}
            nivel={nivel + 1}
            visibles={visibles}
            pintar={pintar}
          />
        ))}
      </Stack>
    </section>
  );
}
