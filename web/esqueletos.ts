import { fileURLToPath } from 'node:url';
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { type Plugin, runnerImport } from 'vite';
import { alias } from './alias.ts';

/** What the server reads (src/server/pagina-web.ts): each first paint's HTML and which address gets which. */
export interface Esqueletos {
  /** HTML by key; `__VIGENCIA__` stands for the year, which the server writes in. */
  html: Record<string, string>;
  /** Signed-in pages by address. */
  rutas: Record<string, string>;
  /** Without a session, any address but these shows the login page. */
  publicas: string[];
  /** The login page without JavaScript (web/src/features/auth/ingreso-sin-js.tsx), with its marks. */
  sinJs: {
    ingreso: string;
    ingresoSinAdministrador: string;
    /** The alert saying why the sign-in failed. */
    aviso: string;
    /** The accessibility bar for each text size and contrast, by `claveBarra` (src/core/preferencias-vista.ts). */
    barras: Record<string, string>;
  };
}

export const MARCA_VIGENCIA = '__VIGENCIA__';

/**
 * `esqueletos.json` in the build: the first paint of the signed-in pages most people open first
 * (web/src/ui/esqueleto.tsx), drawn here with React and the theme — the same components and CSS variables
 * React shows next, so nothing moves when it takes over. The server sends it inside #raiz: the page's heading
 * paints with the HTML and the CSS instead of after the JavaScript, the session and the page's code. And the
 * login page without JavaScript (web/src/features/auth/ingreso-sin-js.tsx), drawn the same way.
 */
export function esqueletos(): Plugin {
  return {
    name: 'mipg-esqueletos',
    apply: 'build',
    async generateBundle() {
      const modulo = (ruta: string) => fileURLToPath(new URL(ruta, import.meta.url));
      const opciones = { configFile: false as const, logLevel: 'silent' as const, resolve: { alias } };
      const [{ module: e }, { module: t }, { module: a }, { module: s }, { module: m }, { module: p }] =
        await Promise.all([
          runnerImport<typeof import('./src/ui/esqueleto.tsx')>(modulo('./src/ui/esqueleto.tsx'), opciones),
          runnerImport<typeof import('./src/ui/tema.ts')>(modulo('./src/ui/tema.ts'), opciones),
          runnerImport<typeof import('./src/features/auth/aviso-primer-arranque.tsx')>(
            modulo('./src/features/auth/aviso-primer-arranque.tsx'),
            opciones,
          ),
          runnerImport<typeof import('./src/features/auth/ingreso-sin-js.tsx')>(
            modulo('./src/features/auth/ingreso-sin-js.tsx'),
            opciones,
          ),
          runnerImport<typeof import('./src/ui/marco.tsx')>(modulo('./src/ui/marco.tsx'), opciones),
          runnerImport<typeof import('../src/core/preferencias-vista.ts')>(
            modulo('../src/core/preferencias-vista.ts'),
            opciones,
          ),
        ]);
      const estatico = (nodo: ReturnType<typeof createElement>) =>
        renderToStaticMarkup(createElement(MantineProvider, t.proveedor(true), nodo));
      const dibujar = (clave: keyof typeof e.ENCABEZADOS) =>
        estatico(createElement(e.Esqueleto, { clave, vigencia: MARCA_VIGENCIA }))
          // React's frame, drawn next to it for a moment, owns the id (dialogs open inside it: ventana.tsx).
          .replaceAll('"#contenido"', '"#contenido-inicial"')
          .replaceAll('id="contenido"', 'id="contenido-inicial"');
      const html: Record<string, string> = {};
      for (const clave of new Set(Object.values(e.ESQUELETO_DE_RUTA))) html[clave] = dibujar(clave);
      const datos: Esqueletos = {
        html,
        rutas: e.ESQUELETO_DE_RUTA,
        publicas: e.PAGINAS_PUBLICAS,
        sinJs: {
          ingreso: estatico(createElement(s.IngresoSinJs)),
          ingresoSinAdministrador: estatico(
            createElement(s.IngresoSinJs, { debajo: createElement(a.AvisoPrimerArranque) }),
          ),
          // React leaves `autoFocus` to its client code, which this page does not have: the HTML attribute.
          aviso: estatico(createElement(s.AvisoIngreso)).replace('data-autofocus="true"', 'autofocus=""'),
          barras: Object.fromEntries(
            p.TAMANOS_TEXTO.flatMap((tamano) =>
              [false, true].map((contraste) => [
                p.claveBarra({ tamano, contraste }),
                estatico(
                  createElement(m.BarraAccesibilidad, {
                    inicial: { tamano, contraste },
                    volver: s.MARCAS_INGRESO.destino,
                  }),
                ),
              ]),
            ),
          ),
        },
      };
      this.emitFile({ type: 'asset', fileName: 'esqueletos.json', source: JSON.stringify(datos) });
    },
  };
}
