import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

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

export const ErrorSchema = z
  .object({
    error: z.string(),
    mensaje: z.string(),
    campos: z.array(z.object({ campo: z.string(), mensaje: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

const CONTEXTO: Record<string, string> = { body: '', querystring: 'parámetro ', params: 'ruta ' };

/** Database errors a user can cause (duplicates, references) become 409 in Spanish, never a 500. */
function errorDeBase(err: unknown): ErrorApi | undefined {
  const code =
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === '23505') return conflicto('Ya existe un registro con esos datos.');
  if (code === '23503')
    return conflicto('El registro está relacionado con otros datos y no se puede cambiar así.');
  return undefined;
}

/** `paginaWeb`: the web app's index.html, answered for any unknown GET outside /api (client-side routes). */
export function registrarManejoErrores(app: FastifyInstance, paginaWeb?: string) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const prefijo = CONTEXTO[err.validationContext ?? 'body'] ?? '';
      const campos = err.validation.map((v) => ({
        campo: `${prefijo}${v.instancePath.replace(/^\//, '').replaceAll('/', '.')}`.trim() || 'cuerpo',
        mensaje: v.message ?? 'valor inválido',
      }));
      const detalle = campos.map((c) => `«${c.campo}»: ${c.mensaje}`).join('; ');
      return reply
        .status(400)
        .send({ error: 'validacion', mensaje: `Revise los datos: ${detalle}.`, campos });
    }
    if (err instanceof ErrorApi) {
      return reply
        .status(err.status)
        .send({ error: nombreError(err.status), mensaje: err.message, campos: err.campos });
    }
    const deBase = errorDeBase(err);
    if (deBase) return reply.status(deBase.status).send({ error: 'conflicto', mensaje: deBase.message });
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
    if (isResponseSerializationError(err))
      request.log.error({ issues: err.cause.issues }, 'respuesta fuera de esquema');
    else request.log.error(err);
    return reply.status(500).send({
      error: 'interno',
      mensaje: 'Ocurrió un error inesperado en el servidor. No se guardó ningún cambio; inténtelo de nuevo.',
    });
  });

  app.setNotFoundHandler((request, reply) => {
    if (paginaWeb && request.method === 'GET' && !request.url.startsWith('/api')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(paginaWeb);
    }
    return reply
      .status(404)
      .send({ error: 'no_encontrado', mensaje: `La ruta ${request.method} ${request.url} no existe.` });
  });
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
      503: 'no_disponible',
    }[status] ?? 'error'
  );
}

const megas = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`
    : `${Math.ceil(bytes / 1024).toLocaleString('es-CO')} KB`;
