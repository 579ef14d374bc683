// The web app's index.html for each address, with the page's first paint before #raiz when the build drew one
// (web/esqueletos.ts): the heading of the tablero paints with the HTML and the CSS, not after the JavaScript,
// the session and the page's code. It stays until React draws something else (web/src/ui/esqueleto.tsx).
// Without a session the answer is the login page without JavaScript (web/src/features/auth/ingreso-sin-js.tsx).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { direccionDeVuelta } from '../core/direccion-de-vuelta.ts';
import { escaparHtml } from '../core/html.ts';
import {
  atributosHtml,
  claveBarra,
  type PreferenciasVista,
  preferenciasDeCookies,
} from '../core/preferencias-vista.ts';
import { COOKIE_SESION } from './auth.ts';

/** `esqueletos.json`, as web/esqueletos.ts writes it. */
interface Esqueletos {
  html: Record<string, string>;
  rutas: Record<string, string>;
  publicas: string[];
  sinJs: { ingreso: string; ingresoSinAdministrador: string; aviso: string; barras: Record<string, string> };
}

type Respuesta = {
  cuerpo: string | Buffer;
  codificacion?: 'br' | 'gzip';
  /** Headers of this page besides the usual ones. */
  encabezados?: Record<string, string>;
};

/**
 * The login page's forms must say where they come from (login CSRF, src/modules/auth/ingreso-sin-js.routes.ts):
 * under the site's usual `no-referrer` a browser sends «Origin: null» with them, as a forged form would.
 */
const ENCABEZADOS_INGRESO = { 'referrer-policy': 'same-origin' };

/** What the login page without JavaScript shows: where it goes next and, after a failed try, why and who. */
export interface DatosIngreso {
  destino: string;
  correo?: string;
  mensaje?: string;
}

export interface PaginaWeb {
  /** The page for a GET of an address of the web app, compressed as its Accept-Encoding allows. */
  responder(request: FastifyRequest): Promise<Respuesta>;
  /** The login page without JavaScript; undefined with an older build, which has none. */
  ingreso(request: FastifyRequest, datos: DatosIngreso): Promise<Respuesta | undefined>;
}

const RAIZ_VACIA = '<div id="raiz"></div>';
const ETIQUETA_HTML = '<html lang="es-CO"';
const MAX_VARIANTES = 64;
const MARCA_VIGENCIA = '__VIGENCIA__';
const CON_SESION = new RegExp(`(?:^|;\\s*)${COOKIE_SESION}=`);
const MARCAS_VALOR = /__(DESTINO|CORREO|MENSAJE)__/g;

/** index.html's head and tail without what only the web app needs: its scripts, preloads and <noscript>. */
const sinJavaScript = (antes: string, despues: string) => ({
  cabeza: antes
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/<script\b[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*href="\/(?:assets\/[^"]*\.js|api\/)[^>]*>\s*/g, '')
    .replace(/<title>[^<]*<\/title>/, '<title>Ingresar — MIPG Abierto</title>'),
  pie: despues.replace(/<noscript>[\s\S]*?<\/noscript>\s*/g, ''),
});

const comprimir = (html: string) => ({
  html,
  br: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: gzipSync(html, { level: 6 }),
});

/**
 * index.html as the client routes need it; without `esqueletos.json` (an older build), always the bare page.
 * Without a session cookie, any address but the password pages gets the login page without JavaScript;
 * `sinAdministrador` says whether it carries the first-run notice.
 */
export async function cargarPaginaWeb(
  carpeta: string,
  { sinAdministrador }: { sinAdministrador: () => Promise<boolean> },
): Promise<PaginaWeb> {
  const indice = await readFile(join(carpeta, 'index.html'), 'utf8');
  const archivo = join(carpeta, 'esqueletos.json');
  const [antes, despues] = indice.split(RAIZ_VACIA) as [string, string?];
  const e: Esqueletos | undefined =
    despues !== undefined && existsSync(archivo) ? JSON.parse(await readFile(archivo, 'utf8')) : undefined;
  const marco = sinJavaScript(antes, despues ?? '');

  // Each page compressed once, not on every request. The variants are page × year × text size and contrast,
  // which anyone can ask for: the most recently used are kept (a few KB each), and compression is fast rather
  // than maximal, so a stream of odd variants neither grows the memory nor holds the event loop.
  const hechas = new Map<string, ReturnType<typeof comprimir>>();
  const guardada = (llave: string, hacer: () => string) => {
    let p = hechas.get(llave);
    if (p) hechas.delete(llave);
    else {
      p = comprimir(hacer());
      if (hechas.size >= MAX_VARIANTES) hechas.delete(hechas.keys().next().value!);
    }
    hechas.set(llave, p);
    return p;
  };
  // The text size and contrast chosen in the accessibility bar (ten combinations at most), on <html>.
  const conPreferencias = (html: string, preferencias: PreferenciasVista) =>
    html.replace(ETIQUETA_HTML, `${ETIQUETA_HTML}${atributosHtml(preferencias)}`);

  const pagina = (clave: string | undefined, vigencia: number, preferencias: PreferenciasVista) => {
    const dibujo = clave ? e?.html[clave] : undefined;
    const anio = dibujo?.includes(MARCA_VIGENCIA) ? vigencia : '';
    return guardada(`${clave ?? ''}|${anio}|${atributosHtml(preferencias)}`, () =>
      conPreferencias(
        dibujo
          ? `${antes}<div id="esqueleto" data-clave="${clave}">${dibujo.replaceAll(MARCA_VIGENCIA, String(vigencia))}</div>${RAIZ_VACIA}${despues}`
          : indice,
        preferencias,
      ),
    );
  };

  const ingresoSinJs = (
    sj: Esqueletos['sinJs'],
    aviso: boolean,
    datos: DatosIngreso,
    preferencias: PreferenciasVista,
  ) => {
    const valores: Record<string, string> = {
      DESTINO: escaparHtml(datos.destino),
      CORREO: escaparHtml(datos.correo ?? ''),
      MENSAJE: escaparHtml(datos.mensaje ?? ''),
    };
    const cuerpo = (aviso ? sj.ingresoSinAdministrador : sj.ingreso)
      .replace('__BARRA__', sj.barras[claveBarra(preferencias)] ?? '')
      .replace('__AVISO__', datos.mensaje ? sj.aviso : '')
      // One pass over the values: what a person typed is never read again as a mark.
      .replace(MARCAS_VALOR, (_m, nombre: string) => valores[nombre]!);
    // After a failed try the tab's title says so first: it is what a screen reader reads as the page loads.
    const cabeza = datos.mensaje
      ? marco.cabeza.replace('<title>Ingresar', '<title>No se pudo ingresar')
      : marco.cabeza;
    return conPreferencias(`${cabeza}${cuerpo}${marco.pie}`, preferencias);
  };

  const codificada = (request: FastifyRequest, p: ReturnType<typeof comprimir>): Respuesta => {
    const acepta = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(acepta)) return { cuerpo: p.br, codificacion: 'br' };
    if (/\bgzip\b/.test(acepta)) return { cuerpo: p.gzip, codificacion: 'gzip' };
    return { cuerpo: p.html };
  };

  const ingreso: PaginaWeb['ingreso'] = async (request, datos) => {
    if (!e?.sinJs) return undefined;
    const sj = e.sinJs;
    const preferencias = preferenciasDeCookies(request.headers.cookie);
    const aviso = await sinAdministrador().catch(() => false);
    const hacer = () => ingresoSinJs(sj, aviso, datos, preferencias);
    // Kept: the page of the home address, which most people open. Made for this answer only: after a failed
    // try (it carries what was typed) and for any other address, which anyone can vary at will and would push
    // the signed-in pages out of the kept variants.
    const p =
      datos.correo || datos.mensaje || datos.destino !== '/'
        ? comprimir(hacer())
        : guardada(`ingreso|${aviso}|${atributosHtml(preferencias)}`, hacer);
    return { ...codificada(request, p), encabezados: ENCABEZADOS_INGRESO };
  };

  return {
    ingreso,
    async responder(request) {
      const url = new URL(request.url, 'http://x');
      // Only whether a session cookie came: checking it would make the page wait for the database. A stale one
      // shows the page's heading until the web app's own login page replaces it.
      const cookies = request.headers.cookie;
      if (e && !CON_SESION.test(cookies ?? '') && !e.publicas.includes(url.pathname)) {
        const r = await ingreso(request, { destino: direccionDeVuelta(`${url.pathname}${url.search}`) });
        if (r) return r;
      }
      const clave = e && CON_SESION.test(cookies ?? '') ? e.rutas[url.pathname] : undefined;
      // The year the root route will settle on (web/src/ui/trabajo.ts): the address's, else this year.
      const v = Number(url.searchParams.get('vigencia'));
      return codificada(
        request,
        pagina(
          clave,
          Number.isInteger(v) && v >= 2000 && v <= 2100 ? v : new Date().getFullYear(),
          preferenciasDeCookies(cookies),
        ),
      );
    },
  };
}
