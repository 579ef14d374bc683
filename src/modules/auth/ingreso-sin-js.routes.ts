// The forms of the login page the server sends without JavaScript (web/src/features/auth/ingreso-sin-js.tsx):
// signing in, and the accessibility bar. Plain HTML forms (application/x-www-form-urlencoded): the answer is
// a redirect (303) or the same page again with the problem in Spanish, never JSON.
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { LoginSchema } from '../../contrato/auth.ts';
import { ETIQUETAS_INGRESO } from '../../contrato/etiquetas-ingreso.ts';
import { direccionDeVuelta } from '../../core/direccion-de-vuelta.ts';
import {
  ACCIONES_BARRA,
  type AccionBarra,
  aplicarAccionBarra,
  COOKIE_CONTRASTE,
  COOKIE_TAMANO,
  cookieDePreferencia,
  preferenciasDeCookies,
} from '../../core/preferencias-vista.ts';
import { ErrorApi, mensajeDeCampos } from '../../server/errores.ts';
import type { PaginaWeb } from '../../server/pagina-web.ts';
import { iniciarSesion } from './auth.service.ts';
import { ponerCookieSesion } from './cookie-sesion.ts';

const ETIQUETAS: Record<string, string> = ETIQUETAS_INGRESO;
const OTRO_SITIO = 'El formulario llegó desde otro sitio. Ingrese desde esta página.';
const MAX_CUERPO = 8 * 1024;

type Formulario = Record<string, string>;
const texto = (cuerpo: unknown, campo: string) => {
  const v = (cuerpo as Formulario | undefined)?.[campo];
  return typeof v === 'string' ? v : undefined;
};

/**
 * A form sent from this site (login CSRF: another site must not sign a person into an account of its choosing).
 * Browsers say where a form comes from in Sec-Fetch-Site (current ones) and Origin (older ones too: the login
 * page goes out with `Referrer-Policy: same-origin`, so its own forms carry the real one; «Origin: null» is what
 * a forged form in a sandboxed frame sends). A client that sends neither is not a browser on another site.
 */
function desdeEsteSitio(request: FastifyRequest) {
  const sitio = request.headers['sec-fetch-site'];
  if (sitio !== undefined) return sitio === 'same-origin' || sitio === 'none';
  const origen = request.headers.origin;
  if (origen === undefined) return true;
  try {
    // Both through URL: a default port is in neither (`Host: x:80` and `Origin: http://x` are one site).
    return new URL(origen).host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return false;
  }
}

/** Why the try failed, in the words the API would use; the status is the API's too. */
function problemaDe(err: FastifyError | ErrorApi): { status: number; mensaje: string } {
  if (err instanceof ErrorApi)
    return {
      status: err.status,
      // A field named by the form's label, not by its key.
      mensaje: err.campos?.length
        ? mensajeDeCampos(err.campos.map((c) => ({ ...c, campo: ETIQUETAS[c.campo] ?? c.campo })))
        : err.message,
    };
  if (err.statusCode === 429)
    return { status: 429, mensaje: 'Demasiados intentos seguidos. Espere un minuto e inténtelo de nuevo.' };
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, mensaje: 'Los datos enviados son demasiado largos.' };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return { status: err.statusCode, mensaje: 'La solicitud no es válida. Revise los datos enviados.' };
  return {
    status: 500,
    mensaje: 'Ocurrió un error inesperado en el servidor. Inténtelo de nuevo en un momento.',
  };
}

export const ingresoSinJsRoutes: FastifyPluginAsync<{ paginaWeb: PaginaWeb }> = async (
  app,
  { paginaWeb },
) => {
  // Only these routes read form bodies, with the platform's own parser of them.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: MAX_CUERPO },
    (_request, cuerpo, hecho) => hecho(null, Object.fromEntries(new URLSearchParams(cuerpo as string))),
  );

  /** The login page again, with the problem above the fields and the e-mail as typed (never the password). */
  async function otraVez(request: FastifyRequest, reply: FastifyReply, status: number, mensaje: string) {
    const datos = {
      destino: direccionDeVuelta(texto(request.body, 'destino')),
      correo: (texto(request.body, 'email') ?? '').slice(0, 200),
      mensaje,
    };
    const pagina = await paginaWeb.ingreso(request, datos);
    reply.status(status).header('cache-control', 'no-store');
    if (!pagina) return reply.send({ error: 'solicitud', mensaje });
    if (pagina.codificacion) reply.header('content-encoding', pagina.codificacion);
    if (pagina.encabezados) reply.headers(pagina.encabezados);
    return reply.type('text/html; charset=utf-8').header('vary', 'Accept-Encoding').send(pagina.cuerpo);
  }

  app.post(
    '/ingresar',
    {
      config: { acceso: 'publico', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { hide: true },
      // Every failure, from the rate limit to the body parser, comes back as the page with its message.
      errorHandler: (err: FastifyError, request, reply) => {
        const { status, mensaje } = problemaDe(err);
        if (status >= 500) request.log.error({ err }, 'error inesperado al ingresar sin JavaScript');
        return otraVez(request, reply, status, mensaje);
      },
    },
    async (request, reply) => {
      if (!desdeEsteSitio(request)) return otraVez(request, reply, 403, OTRO_SITIO);
      const datos = LoginSchema.safeParse({
        email: texto(request.body, 'email')?.trim() ?? '',
        password: texto(request.body, 'password') ?? '',
      });
      if (!datos.success) {
        const campos = datos.error.issues.map((i) => ({
          campo: ETIQUETAS[String(i.path[0])] ?? String(i.path[0]),
          mensaje: i.message,
        }));
        return otraVez(request, reply, 400, mensajeDeCampos(campos));
      }
      const { token } = await iniciarSesion(app.db, datos.data, request.ip);
      ponerCookieSesion(request, reply, token);
      return reply.redirect(direccionDeVuelta(texto(request.body, 'destino')), 303);
    },
  );

  app.post(
    '/preferencias',
    {
      config: { acceso: 'publico', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { hide: true },
      // Too many taps, a body too long or of another type: nothing changes, and the person is not left on JSON.
      errorHandler: (err: FastifyError, request, reply) => {
        if (problemaDe(err).status >= 500) request.log.error({ err }, 'error inesperado en la barra');
        return reply.redirect('/', 303);
      },
    },
    async (request, reply) => {
      const volver = direccionDeVuelta(texto(request.body, 'volver'));
      const accion = texto(request.body, 'accion');
      if (desdeEsteSitio(request) && ACCIONES_BARRA.includes(accion as AccionBarra)) {
        const n = aplicarAccionBarra(preferenciasDeCookies(request.headers.cookie), accion as AccionBarra);
        const segura = request.protocol === 'https';
        reply.header('set-cookie', [
          cookieDePreferencia(COOKIE_TAMANO, String(n.tamano), segura),
          cookieDePreferencia(COOKIE_CONTRASTE, n.contraste ? '1' : '0', segura),
        ]);
      }
      return reply.redirect(volver, 303);
    },
  );
};
