// The web app's index.html for each address, with the page's first paint before #raiz when the build drew one
// (web/esqueletos.ts): the heading of the login page or of the tablero paints with the HTML and the CSS, not
// after the JavaScript, the session and the page's code. It stays until React draws something else
// (web/src/ui/esqueleto.tsx).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { atributosHtml, type PreferenciasVista, preferenciasDeCookies } from '../core/preferencias-vista.ts';
import { COOKIE_SESION } from './auth.ts';

/** `esqueletos.json`, as web/esqueletos.ts writes it. */
interface Esqueletos {
  html: Record<string, string>;
  rutas: Record<string, string>;
  publicas: string[];
  ingreso: string;
  ingresoSinAdministrador: string;
}

/** The page for a request, compressed as its Accept-Encoding allows. */
export type PaginaWeb = (
  request: FastifyRequest,
) => Promise<{ cuerpo: string | Buffer; codificacion?: 'br' | 'gzip' }>;

const RAIZ_VACIA = '<div id="raiz"></div>';
const ETIQUETA_HTML = '<html lang="es-CO"';
const MAX_VARIANTES = 64;
const MARCA_VIGENCIA = '__VIGENCIA__';
const CON_SESION = new RegExp(`(?:^|;\\s*)${COOKIE_SESION}=`);
// The login page asks for the platform's state (its first-run notice): the question leaves with the HTML.
const PRECARGA_ESTADO =
  '<link rel="preload" href="/api/plataforma/estado" as="fetch" crossorigin="anonymous" />\n  </head>';

/**
 * index.html as the client routes need it; without `esqueletos.json` (an older build), always the bare page.
 * `sinAdministrador` says whether the login page's first paint carries the first-run notice.
 */
export async function cargarPaginaWeb(
  carpeta: string,
  { sinAdministrador }: { sinAdministrador: () => Promise<boolean> },
): Promise<PaginaWeb> {
  const indice = await readFile(join(carpeta, 'index.html'), 'utf8');
  const archivo = join(carpeta, 'esqueletos.json');
  const e: Esqueletos | undefined =
    indice.includes(RAIZ_VACIA) && existsSync(archivo)
      ? JSON.parse(await readFile(archivo, 'utf8'))
      : undefined;
  const [antes, despues] = indice.split(RAIZ_VACIA) as [string, string?];

  // Each page compressed once, not on every request. The variants are page × year × text size and contrast,
  // which anyone can ask for: the most recently used are kept (a few KB each), and compression is fast rather
  // than maximal, so a stream of odd variants neither grows the memory nor holds the event loop.
  const hechas = new Map<string, { html: string; br: Buffer; gzip: Buffer }>();
  const pagina = (clave: string | undefined, vigencia: number, preferencias: PreferenciasVista) => {
    const dibujo = clave ? e?.html[clave] : undefined;
    // The text size and contrast chosen in the accessibility bar (ten combinations at most), on <html>.
    const atributos = atributosHtml(preferencias);
    const llave = `${clave ?? ''}|${dibujo?.includes(MARCA_VIGENCIA) ? vigencia : ''}|${atributos}`;
    let p = hechas.get(llave);
    if (p) {
      hechas.delete(llave);
    } else {
      const ingreso = clave === e?.ingreso || clave === e?.ingresoSinAdministrador;
      const html = (
        dibujo && despues !== undefined
          ? `${ingreso ? antes.replace('</head>', PRECARGA_ESTADO) : antes}<div id="esqueleto" data-clave="${clave}">${dibujo.replaceAll(MARCA_VIGENCIA, String(vigencia))}</div>${RAIZ_VACIA}${despues}`
          : indice
      ).replace(ETIQUETA_HTML, `${ETIQUETA_HTML}${atributos}`);
      p = {
        html,
        br: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
        gzip: gzipSync(html, { level: 6 }),
      };
      if (hechas.size >= MAX_VARIANTES) hechas.delete(hechas.keys().next().value!);
    }
    hechas.set(llave, p);
    return p;
  };

  /** Which first paint: by address with a session cookie; without one, the login page's (not on the password pages). */
  const claveDe = async (camino: string, conSesion: boolean) => {
    if (!e) return undefined;
    if (conSesion) return e.rutas[camino];
    if (e.publicas.includes(camino)) return undefined;
    return (await sinAdministrador().catch(() => false)) ? e.ingresoSinAdministrador : e.ingreso;
  };

  return async (request) => {
    const url = new URL(request.url, 'http://x');
    // Only whether a session cookie came: checking it would make the page wait for the database. A stale one
    // shows the page's heading until the login page replaces it.
    const cookies = request.headers.cookie;
    const clave = await claveDe(url.pathname, CON_SESION.test(cookies ?? ''));
    // The year the root route will settle on (web/src/ui/trabajo.ts): the address's, else this year.
    const v = Number(url.searchParams.get('vigencia'));
    const p = pagina(
      clave,
      Number.isInteger(v) && v >= 2000 && v <= 2100 ? v : new Date().getFullYear(),
      preferenciasDeCookies(cookies),
    );
    const acepta = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(acepta)) return { cuerpo: p.br, codificacion: 'br' };
    if (/\bgzip\b/.test(acepta)) return { cuerpo: p.gzip, codificacion: 'gzip' };
    return { cuerpo: p.html };
  };
}
