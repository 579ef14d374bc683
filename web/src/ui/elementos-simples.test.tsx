import { Anchor, Badge, Group } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import {
  BotonEnlace,
  CLASE_ANCLA,
  CLASE_GRUPO,
  CLASES_INSIGNIA,
  GrupoSimple,
  Insignia,
} from './elementos-simples.tsx';
import { renderConMantine } from './render-prueba.tsx';

/** An element's attributes, with its inline style as a map of declarations (their order does not matter). */
function atributos(e: Element) {
  return Object.fromEntries(
    [...e.attributes].map((a) => [
      a.name,
      a.name === 'style'
        ? Object.fromEntries(
            a.value
              .split(';')
              .map((d) => d.trim())
              .filter(Boolean)
              .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
          )
        : a.value,
    ]),
  );
}

describe('elementos simples con el aspecto de Mantine', () => {
  it.each([
    ['rellena', 'filled', '#1e6b2e'],
    ['con borde', 'outline', '#a51d1d'],
  ] as const)(
    '%s: mismas clases, atributos, colores y estilos que el Badge de Mantine',
    (_, variante, color) => {
      const estilo = { textTransform: 'none', maxWidth: '100%' } as const;
      const estiloEtiqueta = { whiteSpace: 'normal', lineHeight: 1.3 } as const;
      const suya = renderConMantine(
        <Badge color={color} variant={variante} styles={{ root: estilo, label: estiloEtiqueta }}>
          Verde
        </Badge>,
      ).container.querySelector('.mantine-Badge-root')!;
      const nuestra = renderConMantine(
        <Insignia color={color} variante={variante} estilo={estilo} estiloEtiqueta={estiloEtiqueta}>
          Verde
        </Insignia>,
      ).container.querySelector('.mantine-Badge-root')!;
      expect(nuestra.tagName).toBe(suya.tagName);
      expect(atributos(nuestra)).toEqual(atributos(suya));
      expect(atributos(nuestra.firstElementChild!)).toEqual(atributos(suya.firstElementChild!));
      expect(nuestra.textContent).toBe('Verde');
    },
  );

  it('el botón con aspecto de enlace es el Anchor de Mantine como botón, en negrilla y alineado a la izquierda', () => {
    const suyo = renderConMantine(
      <Anchor component="button" type="button" fw={700} ta="left" aria-pressed={false}>
        Integridad
      </Anchor>,
    ).container.querySelector('button')!;
    const nuestro = renderConMantine(
      <BotonEnlace aria-pressed={false}>Integridad</BotonEnlace>,
    ).container.querySelector('button')!;
    expect(atributos(nuestro)).toEqual(atributos(suyo));
  });

  it('el grupo es el Group de Mantine con el espacio xs', () => {
    const suyo = renderConMantine(
      <Group gap="xs">
        <span>a</span>
      </Group>,
    ).container.querySelector('.mantine-Group-root')!;
    const nuestro = renderConMantine(
      <GrupoSimple>
        <span>a</span>
      </GrupoSimple>,
    ).container.querySelector('.mantine-Group-root')!;
    expect(atributos(nuestro)).toEqual(atributos(suyo));
  });

  it('los nombres de clase son los de Mantine', () => {
    expect(CLASES_INSIGNIA).toEqual({ root: Badge.classes.root, label: Badge.classes.label });
    expect(CLASE_ANCLA).toBe(Anchor.classes.root);
    expect(CLASE_GRUPO).toBe(Group.classes.root);
  });
});
