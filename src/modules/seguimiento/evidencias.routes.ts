import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../contrato/comun.ts';
import {
  DescargarEvidenciaQuery,
  EnlaceSchema,
  EvidenciaParams,
  EvidenciaSchema,
  ParamsSeguimiento,
  SubirEvidenciaQuery,
} from '../../contrato/seguimiento.ts';
import { neutralizarCsv } from '../../core/csv-formulas.ts';
import { contentDisposition, nombreSeguro } from '../../core/nombre-archivo.ts';
import { tipoEvidencia, tipoPorMime } from '../../core/tipo-archivo.ts';
import { actividad, evidencia, planAccion, seguimiento } from '../../db/schema.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { ErrorApi, invalido, noEncontrado } from '../../server/errores.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { agregarEvidencia, quitarEvidencia } from './evidencias.service.ts';
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
const sinNombre = () =>
  invalido('nombre', 'escriba un nombre de archivo con letras o números (no solo puntos, barras o espacios)');

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

  /** Adds to the report found by reporteEditable; 201 when new, 200 when already attached. */
  async function agregar(
    request: Parameters<typeof reporteEditable>[0],
    { a, s }: Awaited<ReturnType<typeof reporteEditable>>,
    datos: Parameters<typeof agregarEvidencia>[3],
  ) {
    return agregarEvidencia(
      app.db,
      actorDe(request),
      {
        entidadId: request.params.entidadId,
        codigoActividad: a.codigo,
        seguimientoId: s.id,
        usuarioId: usuarioDe(request).id,
      },
      datos,
    );
  }

  app.post(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/evidencias',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      bodyLimit: app.evidenciaMaxBytes,
      schema: {
        tags,
        summary: `Adjuntar un archivo de evidencia (cuerpo: el archivo como application/octet-stream; ${ACEPTADOS}). El mismo archivo enviado de nuevo al reporte responde 200 con la evidencia ya adjunta.`,
        params: ParamsSeguimiento,
        querystring: SubirEvidenciaQuery,
        consumes: ['application/octet-stream'],
        response: {
          200: EvidenciaSchema,
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
      const propuesto = nombreSeguro(request.query.nombre);
      if (!propuesto) throw sinNombre();
      const tipo = tipoEvidencia(archivo, propuesto);
      if (!tipo)
        throw new ErrorApi(400, `El archivo «${propuesto}» no es de un tipo aceptado como evidencia.`, [
          {
            campo: 'archivo',
            mensaje: `por su contenido no es ${ACEPTADOS}; conviértalo a PDF o comprímalo en ZIP`,
          },
        ]);
      // The extension follows the content: a PDF that is also HTML, named «x.html», is kept as «x.pdf».
      const nombre = nombreSeguro(propuesto, tipo.extensiones);
      if (!nombre) throw sinNombre();
      const reporte = await reporteEditable(request); // checked before writing the file: a refusal stores nothing
      const hash = await guardarArchivo(app.dataDir, archivo);
      const r = await agregar(request, reporte, { nombre, hash, tipo: tipo.mime, bytes: archivo.length });
      return reply.status(r.nueva ? 201 : 200).send(r.evidencia);
    },
  );

  app.post(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/enlaces',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      schema: {
        tags,
        summary:
          'Agregar un enlace como evidencia (p. ej. la publicación en la sede electrónica). El mismo enlace enviado de nuevo responde 200 con la evidencia ya adjunta.',
        params: ParamsSeguimiento,
        body: EnlaceSchema,
        response: {
          200: EvidenciaSchema,
          201: EvidenciaSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const r = await agregar(request, await reporteEditable(request), request.body);
      return reply.status(r.nueva ? 201 : 200).send(r.evidencia);
    },
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
      schema: {
        tags,
        summary:
          "Descargar una evidencia (se comprueba su SHA-256). Un CSV se entrega con las celdas que parecen fórmulas precedidas de «'» (cabecera X-CSV-Neutralized-Cells); con ?original=1 se entregan los bytes exactos, como application/octet-stream.",
        params: EvidenciaParams,
        querystring: DescargarEvidenciaQuery,
      },
    },
    async (request, reply) => {
      const { e } = await evidenciaDeEntidad(request.params.entidadId, request.params.evidenciaId);
      if (e.url) return reply.redirect(new URL(e.url).href); // normalised: older rows kept the URL as typed
      const contenido = await leerArchivo(app.dataDir, e.hash!);
      if (!contenido)
        throw new ErrorApi(
          409,
          `El archivo «${nombreSeguro(e.nombre) ?? 'sin nombre'}» no está en el almacén o fue alterado (su huella SHA-256 no coincide). Restáurelo desde una copia de seguridad.`,
        );
      // Type and extension from the content, as at upload; also fixes rows saved before names followed it.
      const tipo = tipoEvidencia(contenido, e.nombre) ?? tipoPorMime(e.tipo);
      const nombre =
        nombreSeguro(e.nombre, tipo?.extensiones) ?? `evidencia${tipo ? `.${tipo.extensiones[0]}` : ''}`;
      reply
        .header('content-disposition', contentDisposition(nombre))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      if (tipo?.mime !== 'text/csv')
        return reply.type(tipo?.mime ?? 'application/octet-stream').send(contenido);
      // The stored CSV stays byte-identical (its SHA-256 is the evidence's proof); only this copy is
      // neutralised against formula injection. Whoever must check the hash asks for ?original=1, served as
      // octet-stream so no browser or spreadsheet treats it as a table on its own.
      if (request.query.original) return reply.type('application/octet-stream').send(contenido);
      const { contenido: seguro, celdas } = neutralizarCsv(contenido);
      return reply
        .type('text/csv; charset=utf-8')
        .header('x-csv-neutralized-cells', String(celdas))
        .send(seguro);
    },
  );

  app.delete(
    '/api/entidades/:entidadId/evidencias/:evidenciaId',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      schema: {
        tags,
        summary: 'Quitar una evidencia de un reporte que aún se puede editar',
        params: EvidenciaParams,
        response: { 204: z.null(), 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { entidadId, evidenciaId } = request.params;
      const { e, a } = await evidenciaDeEntidad(entidadId, evidenciaId);
      await exigirReportante(
        app.db,
        usuarioDe(request),
        entidadId,
        await actividadDeEntidad(app.db, entidadId, a.id),
      );
      // State and period are checked inside the transaction, with the report locked.
      await quitarEvidencia(app.db, actorDe(request), entidadId, e);
      return reply.status(204).send(null);
    },
  );
};
