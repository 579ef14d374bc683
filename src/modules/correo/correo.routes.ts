import { count, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BandejaCorreoSchema,
  ConsultaEnlaceSchema,
  DefinirClaveSchema,
  EnlaceClaveSchema,
  EstadoPlataformaSchema,
  OlvideClaveRespuestaSchema,
  OlvideClaveSchema,
} from '../../contrato/correo.ts';
import { usuario } from '../../db/schema.ts';
import { ErrorSchema } from '../../server/errores.ts';
import { consultarEnlace, definirClave, solicitarRestablecimiento } from '../auth/clave.service.ts';
import { estadoBandeja } from './correo.service.ts';

const MENSAJE_OLVIDO =
  'Si el correo corresponde a una cuenta activa, en unos minutos recibirá un enlace para definir una nueva contraseña (vence en una hora). Revise también la carpeta de correo no deseado.';

export const correoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plataforma/estado',
    {
      config: { acceso: 'publico' },
      schema: {
        tags: ['Plataforma'],
        summary:
          'Si la plataforma envía correos, si aún falta crear su administrador y el tamaño máximo de una evidencia',
        response: { 200: EstadoPlataformaSchema },
      },
    },
    async () => {
      const [admins] = await app.db
        .select({ n: count() })
        .from(usuario)
        .where(eq(usuario.adminPlataforma, true));
      return {
        correoActivo: !!app.correo,
        sinAdministrador: (admins?.n ?? 0) === 0,
        evidenciaMaxBytes: app.evidenciaMaxBytes,
      };
    },
  );

  app.get(
    '/api/plataforma/correo',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags: ['Plataforma'],
        summary: 'Bandeja de salida: mensajes pendientes, enviados y los que no se pudieron enviar',
        response: { 200: BandejaCorreoSchema },
      },
    },
    async () => ({ correoActivo: !!app.correo, ...(await estadoBandeja(app.db)) }),
  );

  app.post(
    '/api/auth/olvide-clave',
    {
      // Per address here; per account in the service (RESTABLECER_POR_HORA), across servers.
      config: { acceso: 'publico', rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: {
        tags: ['Sesión'],
        summary:
          'Pedir por correo un enlace para definir una nueva contraseña (la respuesta es la misma exista o no la cuenta)',
        body: OlvideClaveSchema,
        response: { 202: OlvideClaveRespuestaSchema, 400: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      await solicitarRestablecimiento(app.db, app.correo, request.ip, request.body.correo);
      return reply.status(202).send({
        mensaje: app.correo
          ? MENSAJE_OLVIDO
          : 'Esta plataforma no envía correos. Pida al administrador de su entidad que restablezca su contraseña: él le entregará un enlace para definir una nueva.',
      });
    },
  );

  app.post(
    '/api/auth/enlace-clave',
    {
      // An office behind one address activates many accounts; the 256-bit token is what stops guessing.
      config: { acceso: 'publico', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['Sesión'],
        summary: 'Consultar a qué cuenta corresponde un enlace para definir la contraseña',
        body: ConsultaEnlaceSchema,
        response: { 200: EnlaceClaveSchema, 400: ErrorSchema },
      },
    },
    async (request) => consultarEnlace(app.db, request.body.token),
  );

  app.post(
    '/api/auth/definir-clave',
    {
      config: { acceso: 'publico', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['Sesión'],
        summary:
          'Definir la contraseña con un enlace de un solo uso (invitación o restablecimiento); cierra las demás sesiones de la cuenta',
        body: DefinirClaveSchema,
        response: { 204: z.null(), 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      await definirClave(app.db, request.ip, request.body.token, request.body.clave);
      return reply.status(204).send(null);
    },
  );
};
