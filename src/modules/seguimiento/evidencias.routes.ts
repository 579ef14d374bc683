import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tipoEvidencia } from '../../core/tipo-archivo.ts';
import { actividad, evidencia, planAccion, seguimiento } from '../../db/schema.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { ErrorApi, ErrorSchema, invalido, noEncontrado } from '../../server/errores.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { ParamsSeguimiento } from './seguimiento.schema.ts';
import {
  actividadDeEntidad,
  exigirAbierto,
  exigirEditable,
  exigirReportante,
  mensajeNoReportable,
  periodoDe,
  seguimientoDe,
} from './seguimiento.service.ts';

const tags = ['Seguimiento'];
const ACEPTADOS = 'PDF, Word, Excel, PowerPoint, OpenDocument, imágenes (PNG, JPEG, WebP, GIF), CSV o ZIP';
const EvidenciaSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  tipo: z.string().nullable(),
  bytes: z.number().nullable(),
  url: z.string().nullable(),
  creadoEn: z.string(),
});
const ParamsEvidencia = EntidadParams.extend({
  evidenciaId: z.uuid('el identificador de la evidencia no es válido'),
});
const nombreArchivo = z
  .string()
  .trim()
  .min(1, 'escriba el nombre del archivo')
  .max(200, 'el nombre del archivo es demasiado largo')
  // Only the base name: it is shown and sent back in Content-Disposition, never used as a path.
  .transform((n) =>
    [...n.replace(/^.*[\\/]/, '')].map((c) => (c.charCodeAt(0) < 32 || c === '"' ? '_' : c)).join(''),
  );

const vista = (e: typeof evidencia.$inferSelect) => ({
  id: e.id,
  nombre: e.nombre,
  tipo: e.tipo,
  bytes: e.bytes,
  url: e.url,
  creadoEn: e.creadoEn.toISOString(),
});

export const evidenciasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: app.evidenciaMaxBytes },
    (_req, cuerpo, listo) => listo(null, cuerpo),
  );

  /** The report a new evidence goes to: the reporter's own, editable, in an open period. */
  async function reporteEditable(
    request: { params: z.infer<typeof ParamsSeguimiento> } & Parameters<typeof usuarioDe>[0],
  ) {
    const { entidadId, actividadId, periodo } = request.params;
    const a = await actividadDeEntidad(app.db, entidadId, actividadId);
    const p = await periodoDe(app.db, entidadId, a.vigencia, periodo);
    await exigirReportante(app.db, usuarioDe(request), entidadId, a);
    exigirAbierto(p);
    const s = await seguimientoDe(app.db, actividadId, periodo);
    if (!s) throw mensajeNoReportable();
    exigirEditable(s);
    return { a, s };
  }

  async function agregar(
    request: Parameters<typeof reporteEditable>[0],
    { a, s }: Awaited<ReturnType<typeof reporteEditable>>,
    datos: Omit<typeof evidencia.$inferInsert, 'seguimientoId'>,
  ) {
    return app.db.transaction(async (tx) => {
      const [e] = await tx
        .insert(evidencia)
        .values({ ...datos, seguimientoId: s.id, creadoPor: usuarioDe(request).id })
        .returning();
      await registrarAuditoria(tx, actorDe(request), {
        entidadId: request.params.entidadId,
        accion: 'agregar_evidencia',
        recurso: 'seguimiento',
        recursoId: s.id,
        despues: { actividad: a.codigo, periodo: s.periodo, ...vista(e!) },
      });
      return vista(e!);
    });
  }

  app.post(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/evidencias',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      bodyLimit: app.evidenciaMaxBytes,
      schema: {
        tags,
        summary: `Adjuntar un archivo de evidencia (cuerpo: el archivo como application/octet-stream; ${ACEPTADOS})`,
        params: ParamsSeguimiento,
        querystring: z.object({ nombre: nombreArchivo }),
        consumes: ['application/octet-stream'],
        response: {
          201: EvidenciaSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
          413: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const archivo = request.body;
      if (!Buffer.isBuffer(archivo) || archivo.length === 0)
        throw invalido('archivo', 'envíe el contenido del archivo (no puede estar vacío)');
      const tipo = tipoEvidencia(archivo, request.query.nombre);
      if (!tipo)
        throw new ErrorApi(
          400,
          `El archivo «${request.query.nombre}» no es de un tipo aceptado como evidencia.`,
          [
            {
              campo: 'archivo',
              mensaje: `por su contenido no es ${ACEPTADOS}; conviértalo a PDF o comprímalo en ZIP`,
            },
          ],
        );
      const reporte = await reporteEditable(request); // checked before writing the file: a refusal stores nothing
      const hash = await guardarArchivo(app.dataDir, archivo);
      const e = await agregar(request, reporte, {
        nombre: request.query.nombre,
        hash,
        tipo: tipo.mime,
        bytes: archivo.length,
      });
      return reply.status(201).send(e);
    },
  );

  app.post(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/enlaces',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      schema: {
        tags,
        summary: 'Agregar un enlace como evidencia (p. ej. la publicación en la sede electrónica)',
        params: ParamsSeguimiento,
        body: z.object({
          nombre: z.string().trim().min(3, 'describa el enlace en al menos 3 caracteres').max(200),
          url: z
            .url({
              protocol: /^https?$/,
              error: 'escriba una dirección web completa que empiece por https://',
            })
            .max(2000),
        }),
        response: { 201: EvidenciaSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await agregar(request, await reporteEditable(request), {
          nombre: request.body.nombre,
          url: request.body.url,
        }),
      ),
  );

  /** The evidence with its report, activity and period, only within the entity. */
  async function evidenciaDeEntidad(entidadId: string, evidenciaId: string) {
    const [fila] = await app.db
      .select({ e: evidencia, s: seguimiento, a: actividad })
      .from(evidencia)
      .innerJoin(seguimiento, eq(seguimiento.id, evidencia.seguimientoId))
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(and(eq(evidencia.id, evidenciaId), eq(planAccion.entidadId, entidadId)));
    if (!fila) throw noEncontrado('la evidencia en esta entidad');
    return fila;
  }

  app.get(
    '/api/entidades/:entidadId/evidencias/:evidenciaId',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: { tags, summary: 'Descargar una evidencia (se comprueba su SHA-256)', params: ParamsEvidencia },
    },
    async (request, reply) => {
      const { e } = await evidenciaDeEntidad(request.params.entidadId, request.params.evidenciaId);
      if (e.url) return reply.redirect(e.url);
      const contenido = await leerArchivo(app.dataDir, e.hash!);
      if (!contenido)
        throw new ErrorApi(
          409,
          `El archivo «${e.nombre}» no está en el almacén o fue alterado (su huella SHA-256 no coincide). Restáurelo desde una copia de seguridad.`,
        );
      return reply
        .type(e.tipo ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.nombre)}`)
        .header('x-content-type-options', 'nosniff')
        .send(contenido);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/evidencias/:evidenciaId',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      schema: {
        tags,
        summary: 'Quitar una evidencia de un reporte que aún se puede editar',
        params: ParamsEvidencia,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, evidenciaId } = request.params;
      const { e, s, a } = await evidenciaDeEntidad(entidadId, evidenciaId);
      const conVigencia = await actividadDeEntidad(app.db, entidadId, a.id);
      await exigirReportante(app.db, usuarioDe(request), entidadId, conVigencia);
      exigirAbierto(await periodoDe(app.db, entidadId, conVigencia.vigencia, s.periodo));
      exigirEditable(s);
      // The file stays in the store: another report may share it, and the audit log still names its hash.
      await app.db.transaction(async (tx) => {
        await tx.delete(evidencia).where(eq(evidencia.id, evidenciaId));
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: 'quitar_evidencia',
          recurso: 'seguimiento',
          recursoId: s.id,
          antes: vista(e),
        });
      });
      return reply.status(204).send(null);
    },
  );
};
