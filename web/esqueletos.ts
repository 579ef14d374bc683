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
  /** Key of the login page, and of the login page with the notice that the platform has no administrator yet. */
  ingreso: string;
  ingresoSinAdministrador: string;
}

export const MARCA_VIGENCIA = '__VIGENCIA__';

/**
 * `esqueletos.json` in the build: the first paint of the login page and of the signed-in pages most people open
 * first (web/src/ui/esqueleto.tsx), drawn here with React and the theme — the same components and CSS variables
 * React shows next, so nothing moves when it takes over. The server sends it inside #raiz: the page's heading
 * paints with the HTML and the CSS instead of after the JavaScript, the session and the page's code.
 */
export function esqueletos(): Plugin {
  return {
    name: 'mipg-esqueletos',
    apply: 'build',
    async generateBundle() {
      const modulo = (ruta: string) => fileURLToPath(new URL(ruta, import.meta.url));
      const opciones = { configFile: false as const, logLevel: 'silent' as const, resolve: { alias } };
      const [{ module: e }, { module: t }, { module: a }] = await Promise.all([
        runnerImport<typeof import('./src/ui/esqueleto.tsx')>(modulo('./src/ui/esqueleto.tsx'), opciones),
        runnerImport<typeof import('./src/ui/tema.ts')>(modulo('./src/ui/tema.ts'), opciones),
        runnerImport<typeof import('./src/features/auth/aviso-primer-arranque.tsx')>(
          modulo('./src/features/auth/aviso-primer-arranque.tsx'),
          opciones,
        ),
      ]);
      const dibujar = (clave: keyof typeof e.ENCABEZADOS, aviso = false) =>
        renderToStaticMarkup(
          createElement(
            MantineProvider,
            t.proveedor(true),
            createElement(
              e.Esqueleto,
              { clave, vigencia: MARCA_VIGENCIA },
              aviso ? createElement(a.AvisoPrimerArranque) : null,
            ),
          ),
        )
          // React's frame, drawn next to it for a moment, owns the id (dialogs open inside it: ventana.tsx).
          .replaceAll('"#contenido"', '"#contenido-inicial"')
          .replaceAll('id="contenido"', 'id="contenido-inicial"');
      const html: Record<string, string> = { [e.CLAVE_INGRESO_SIN_ADMINISTRADOR]: dibujar('ingreso', true) };
      for (const clave of Object.keys(e.ENCABEZADOS) as (keyof typeof e.ENCABEZADOS)[])
        html[clave] = dibujar(clave);
      const datos: Esqueletos = {
        html,
        rutas: e.ESQUELETO_DE_RUTA,
        publicas: e.PAGINAS_PUBLICAS,
        ingreso: 'ingreso',
        ingresoSinAdministrador: e.CLAVE_INGRESO_SIN_ADMINISTRADOR,
      };
      this.emitFile({ type: 'asset', fileName: 'esqueletos.json', source: JSON.stringify(datos) });
    },
  };
}
