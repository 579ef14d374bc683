// The theme, apart from main.tsx: the build draws the first paint of some pages with it (web/esqueletos.ts), so
// the HTML the server sends has the same fonts, colours and sizes as the page React draws next.
import {
  type CSSVariablesResolver,
  createTheme,
  type MantineColorSchemeManager,
  type MantineProviderProps,
} from '@mantine/core';

const tema = createTheme({
  primaryColor: 'cobalto',
  primaryShade: 6,
  colors: {
    // Mantine's orange.9 (#d9480f) is 4,29:1 on white; the darkest shade here is 6,9:1 (WCAG AA for text).
    orange: [
      '#fff4e6',
      '#ffe8cc',
      '#ffd8a8',
      '#ffc078',
      '#ffa94d',
      '#ff922b',
      '#fd7e14',
      '#f76707',
      '#e8590c',
      '#a13c00',
    ],
    // Likewise green.9 (#2b8a3e, 4,2:1) for titles of success notices: 6,6:1.
    green: [
      '#ebfbee',
      '#d3f9d8',
      '#b2f2bb',
      '#8ce99a',
      '#69db7c',
      '#51cf66',
      '#40c057',
      '#37b24d',
      '#2f9e44',
      '#1d6b2f',
    ],
    cobalto: [
      '#e8eefb',
      '#c9d7f5',
      '#a5bcef',
      '#7d9ee8',
      '#5683e1',
      '#2f67da',
      '#0943b5',
      '#083a9c',
      '#063083',
      '#05266a',
    ],
  },
  fontFamily: "Verdana, 'DejaVu Sans', Geneva, sans-serif",
  headings: { fontFamily: "'Nunito Sans', Verdana, sans-serif" },
  defaultRadius: 'sm',
  // On a 390 px phone a long badge («Ventana vencida: los reportes quedan marcados como tardíos») or choice
  // («Numerador y denominador») was cut with «…»: the words wrap instead. Plain objects, not Badge.extend():
  // importing the components here would put them in every page's first download.
  components: {
    Badge: {
      styles: {
        root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
      },
    },
    SegmentedControl: {
      styles: { label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } },
    },
  },
});

// Mantine's default error red and dimmed grey are below 4.5:1 on white.
const variablesAccesibles: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': '#b02a2a', '--mantine-color-dimmed': '#495057' },
  dark: {},
});

// One light scheme (index.html carries it): Mantine's default manager opened localStorage in the first render
// only to read it, ≈ 16 ms of blocked main thread on each load.
const esquemaClaro: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => {},
  subscribe: () => {},
  unsubscribe: () => {},
  clear: () => {},
};

/**
 * MantineProvider's settings, the same in the browser and in the build (web/esqueletos.ts,
 * web/estilos-mantine.ts). `construidas`: the theme's CSS variables and Mantine's global classes are already
 * in the built style sheet (the build renders them once), so the browser does not compute them on every load.
 */
export const proveedor = (construidas: boolean): Omit<MantineProviderProps, 'children'> => ({
  theme: tema,
  cssVariablesResolver: variablesAccesibles,
  colorSchemeManager: esquemaClaro,
  forceColorScheme: 'light',
  withCssVariables: !construidas,
  withGlobalClasses: !construidas,
});
