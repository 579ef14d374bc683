import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { buscarTextoNoPermitido, MENSAJE_PROBLEMA } from '../core/texto.ts';
import type { PaginaWeb } from './pagina-web.ts';

export interface CampoInvalido {
  campo: string;
  mensaje: string;
}

/** An error the user can act on: carries its HTTP status and a Spanish message. */
export class ErrorApi extends Error {
  constructor(
    readonly status: number,
    mensaje: string,
    readonly campos?: CampoInvalido[],
  ) {
    super(mensaje);
  }
}

export const noEncontrado = (que: string) => new ErrorApi(404, `No se encontró ${que}.`);
export const prohibido = (por = 'Su rol no le permite realizar esta acción en esta entidad.') =>
  new ErrorApi(403, por);
export const conflicto = (mensaje: string) => new ErrorApi(409, mensaje);
export const invalido = (campo: string, mensaje: string) =>
  new ErrorApi(400, `Revise el campo «${campo}»: ${mensaje}`, [{ campo, mensaje }]);

/** One sentence naming every field with its problem («Revise los datos: «a»: …; «b»: ….»), and the fields. */
export const mensajeDeCampos = (campos: readonly { campo: string; mensaje: string }[], que = 'los datos') =>
  `Revise ${que}: ${campos.map((c) => `«${c.campo}»: ${c.mensaje.replace(/\.$/, '')}`).join('; ')}.`;
export const invalidos = (campos: { campo: string; mensaje: string }[], que?: string) =>
  new ErrorApi(400, mensajeDeCampos(campos, que), campos);

// The error contract lives in src/contrato/comun.ts (re-exported for routes that import it from here).
export { ErrorSchema } from '../contrato/comun.ts';

/**
 * For a `.catch` around reading an uploaded workbook: when the reading pool is busy (503) the client is told it
 * may retry in a minute; every error goes on to the error handler as it was.
 */
export const reintentarSiOcupado = (reply: FastifyReply) => (e: unknown) => {
  if (e instanceof ErrorApi && e.status === 503) reply.header('retry-after', '60');
  throw e;
};

const CONTEXTO: Record<string, string> = { body: '', querystring: 'parámetro ', params: 'ruta ' };

/**
 * Database errors a user can cause become 4xx in Spanish, never a 500: duplicates and references are 409;
 * a number out of a column's range (22003) or text the column cannot read (22P02) is 400. The input
 * schemas keep numbers inside the columns' ranges, so the last two are only a safety net.
 */
export function errorDeBase(err: unknown): ErrorApi | undefined {
  const code =
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === '23505') return conflicto('Ya existe un registro con esos datos.');
  if (code === '23503')
    return conflicto('El registro está relacionado con otros datos y no se puede cambiar así.');
  // 23514: a CHECK (a state outside core's lists); the z.enum of the contract stops it first.
  if (code === '23514')
    return new ErrorApi(400, 'Un dato no está entre los valores permitidos. Revise los datos enviados.');
  if (code === '22003')
    return new ErrorApi(
      400,
      'Un número está fuera del rango que la base de datos admite. Revise las cifras enviadas.',
    );
  // 22021 / 22P05: a NUL or invalid UTF-8 that a path other than JSON (a file's content) carried in.
  if (code === '22021' || code === '22P05')
    return new ErrorApi(
      400,
      'Un texto enviado tiene caracteres que no se pueden guardar (por ejemplo, un carácter nulo).',
    );
  if (code === '22P02')
    return new ErrorApi(
      400,
      'Un dato no tiene el formato esperado (por ejemplo, un número con decimales donde van enteros). Revise los datos enviados.',
    );
  return undefined;
}

/**
 * Errors Fastify's router raises before any hook (a badly encoded URL, a path segment over 100 characters):
 * the same Spanish contract as everything else instead of the framework's English body.
 */
export function errorDeMarco(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return reply.status(414).send({
      error: 'solicitud',
      mensaje: 'Un dato de la dirección de la solicitud es demasiado largo (más de 100 caracteres).',
    });
  return reply.status(400).send({
    error: 'solicitud',
    mensaje: 'La dirección de la solicitud no es válida: tiene un carácter mal codificado.',
  });
}

/**
 * `paginaWeb`: the web app's index.html for an address (pagina-web.ts), answered for any unknown GET outside
 * /api (client-side routes).
 */
export function registrarManejoErrores(app: FastifyInstance, paginaWeb?: PaginaWeb) {
  // Before any schema: a NUL or half a surrogate pair would reach the database and fail there as a 500.
  app.addHook('preValidation', async (request) => {
    for (const [contexto, valor] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const malo = buscarTextoNoPermitido(valor);
      if (!malo) continue;
      const campo = `${CONTEXTO[contexto]}${malo.ruta.join('.')}`.trim() || 'cuerpo';
      throw invalido(campo, `${MENSAJE_PROBLEMA[malo.problema]}.`);
    }
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const prefijo = CONTEXTO[err.validationContext ?? 'body'] ?? '';
      const campos = err.validation.map((v) => ({
        campo: `${prefijo}${v.instancePath.replace(/^\//, '').replaceAll('/', '.')}`.trim() || 'cuerpo',
        mensaje: v.message ?? 'valor inválido',
      }));
      return reply.status(400).send({ error: 'validacion', mensaje: mensajeDeCampos(campos), campos });
    }
    if (err instanceof ErrorApi) {
      return reply
        .status(err.status)
        .send({ error: nombreError(err.status), mensaje: err.message, campos: err.campos });
    }
    const deBase = errorDeBase(err);
    if (deBase)
      return reply.status(deBase.status).send({ error: nombreError(deBase.status), mensaje: deBase.message });
    if (err.statusCode === 429) {
      return reply.status(429).send({
        error: 'demasiadas_solicitudes',
        mensaje: 'Demasiados intentos seguidos. Espere un minuto e inténtelo de nuevo.',
      });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({
        error: 'formato',
        mensaje: `Esta ruta no admite contenido de tipo «${request.headers['content-type'] ?? 'desconocido'}».`,
      });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({
        error: 'demasiado_grande',
        mensaje: `El archivo o los datos enviados superan el tamaño máximo permitido (${megas(request.routeOptions.bodyLimit)}).`,
      });
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply
        .status(400)
        .send({ error: 'formato', mensaje: 'El cuerpo de la solicitud no es JSON válido.' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .status(err.statusCode)
        .send({ error: 'solicitud', mensaje: 'La solicitud no es válida. Revise los datos enviados.' });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ issues: err.cause.issues }, 'respuesta fuera de esquema');
      // The handler ran to the end: whatever it wrote is saved. Saying otherwise invites a double entry.
      return reply.status(500).send({
        error: 'interno',
        mensaje:
          'La solicitud se procesó, pero el servidor no pudo mostrar el resultado. Recargue la página para ver los datos guardados.',
      });
    }
    request.log.error({ err: errorParaRegistro(err) }, 'error inesperado');
    // An unexpected error may come after a commit (or before): never claim nothing was saved.
    return reply.status(500).send({
      error: 'interno',
      mensaje:
        'Ocurrió un error inesperado en el servidor. Recargue la página para comprobar si el cambio quedó guardado antes de intentarlo de nuevo.',
    });
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (paginaWeb && request.method === 'GET' && !request.url.startsWith('/api')) {
      const pagina = await paginaWeb.responder(request);
      if (pagina.codificacion) reply.header('content-encoding', pagina.codificacion);
      if (pagina.encabezados) reply.headers(pagina.encabezados);
      // The first paint inside depends on whether a session cookie came.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'Cookie, Accept-Encoding')
        .send(pagina.cuerpo);
    }
    return reply
      .status(404)
      .send({ error: 'no_encontrado', mensaje: `La ruta ${request.method} ${request.url} no existe.` });
  });
}

/**
 * What an unexpected error may put in the log: a failed query keeps its SQL text and the database's own
 * message, never its parameters (password hashes, tokens, personal data).
 */
export function errorParaRegistro(err: unknown) {
  const e = err as Error & { query?: unknown; params?: unknown; cause?: { code?: string; message?: string } };
  if (e?.query === undefined && e?.params === undefined) return err;
  return {
    type: e.name,
    message: 'Falló una consulta a la base de datos',
    consulta: typeof e.query === 'string' ? e.query.slice(0, 2000) : undefined,
    codigo: e.cause?.code,
    causa: e.cause?.message,
    // The stack's first lines repeat the message, parameters included: keep only the frames.
    stack: e.stack?.slice(Math.max(0, e.stack.indexOf('\n    at '))),
  };
}

function nombreError(status: number) {
  return (
    {
      400: 'validacion',
      401: 'no_autenticado',
      403: 'prohibido',
      404: 'no_encontrado',
      409: 'conflicto',
      413: 'demasiado_grande',
      415: 'formato',
      423: 'bloqueado',
      429: 'demasiadas_solicitudes',
      503: 'no_disponible',
    }[status] ?? 'error'
  );
}

const megas = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`
    : `${Math.ceil(bytes / 1024).toLocaleString('es-CO')} KB`;
