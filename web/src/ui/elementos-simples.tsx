// Mantine's look in plain elements, for what the tablero repeats: the table itself and, on every row, a badge,
// a link-like button, a row of items. As Mantine components (two React components each, with their theme and
// style hooks) the tablero's first drawing had ~180 of them on a slow phone. These are the same markup:
// elementos-simples.test.tsx and tabla-datos.test.tsx render Mantine's own and compare, so an update of
// Mantine that changes it fails there. The type-only imports keep each component's stylesheet in the build
// (web/estilos-mantine.ts).
import type { Anchor, Badge, BadgeVariant, Group, Table } from '@mantine/core';
import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from 'react';

/** Mantine's class names for the parts of its Table (`Table.classes`), written out. */
export const CLASES_TABLA = {
  table: 'm_b23fa0ef',
  caption: 'm_9e5a3ac7',
  thead: 'm_b242d975',
  tbody: 'm_b2404537',
  tr: 'm_4e7aa4fd',
  th: 'm_4e7aa4f3',
  td: 'm_4e7aa4ef',
} as const satisfies Partial<typeof Table.classes>;
/**
 * The whole class attribute of each part (its class and Mantine's static one), for ui/tabla-datos.tsx: Mantine's
 * Table brought its scroll container (ScrollArea and floating-ui, ~45 KB) to every page with a table.
 */
export const CLASES_PARTE_TABLA = Object.fromEntries(
  Object.entries(CLASES_TABLA).map(([parte, clase]) => [parte, `${clase} mantine-Table-${parte}`]),
) as Record<keyof typeof CLASES_TABLA, string>;

/** Mantine's class names for its Badge (`Badge.classes`), written out. */
export const CLASES_INSIGNIA = {
  root: 'm_347db0ec',
  label: 'm_5add502a',
} as const satisfies Partial<typeof Badge.classes>;

type Variante = Extract<BadgeVariant, 'filled' | 'outline'>;

/**
 * A badge of one colour, filled or outlined, as Mantine's Badge draws it (classes, data attribute, colour
 * variables): the tablero shows one or two per row (semáforo, state of the report).
 */
export function Insignia({
  color,
  variante = 'filled',
  estilo,
  estiloEtiqueta,
  children,
}: {
  /** A CSS colour (the levels' and states' own, all with 4.5:1 against white). */
  color: string;
  variante?: Variante;
  estilo?: CSSProperties;
  estiloEtiqueta?: CSSProperties;
  children: ReactNode;
}) {
  const borde = 'calc(0.0625rem * var(--mantine-scale)) solid';
  const variables =
    variante === 'filled'
      ? {
          '--badge-bg': color,
          '--badge-color': 'var(--mantine-color-white)',
          '--badge-bd': `${borde} transparent`,
        }
      : { '--badge-bg': 'transparent', '--badge-color': color, '--badge-bd': `${borde} ${color}` };
  return (
    <div
      className={`${CLASES_INSIGNIA.root} mantine-Badge-root`}
      data-variant={variante}
      style={{ ...variables, ...estilo } as CSSProperties}
    >
      <span className={`${CLASES_INSIGNIA.label} mantine-Badge-label`} style={estiloEtiqueta}>
        {children}
      </span>
    </div>
  );
}

/** Mantine's class names for Anchor and Group (`Anchor.classes.root`, `Group.classes.root`). */
export const CLASE_ANCLA = 'm_849cf0da' as const satisfies (typeof Anchor.classes)['root'];
export const CLASE_GRUPO = 'm_4081bf90' as const satisfies (typeof Group.classes)['root'];
/** An Anchor is also a Text (its class `m_b6d8b162`), with Mantine's focus ring. */
const CLASES_ENLACE = `mantine-focus-auto ${CLASE_ANCLA} m_b6d8b162 mantine-Text-root mantine-Anchor-root`;

/** A button that looks like a link, bold, as `<Anchor component="button" fw={700} ta="left">` draws it. */
export function BotonEnlace({ style, ...resto }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      style={{ fontWeight: 700, textAlign: 'left', ...style }}
      className={CLASES_ENLACE}
      data-underline="hover"
      {...resto}
    />
  );
}

/** Items in a wrapping row with the xs gap, as `<Group gap="xs">` draws them. */
export function GrupoSimple({ children }: { children: ReactNode }) {
  return (
    <div
      className={`${CLASE_GRUPO} mantine-Group-root`}
      style={
        {
          '--group-gap': 'var(--mantine-spacing-xs)',
          '--group-align': 'center',
          '--group-justify': 'flex-start',
          '--group-wrap': 'wrap',
        } as CSSProperties
      }
    >
      {children}
    </div>
  );
}
