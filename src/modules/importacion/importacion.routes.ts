import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ImportacionSchema, ProblemasImportacionSchema } from '../../contrato/excel.ts';
import { COLUMNAS_DEPENDENCIAS } from '../../core/dependencias-importacion.ts';
import { actorDe } from '../../server/auth.ts';
import { ErrorApi } from '../../server/errores.ts';
import { aBuffer, nuevoLibro } from '../excel/plan-xlsx.ts';
import { importarDependencias } from './importacion.service.ts';
import { leerTabla } from './leer-tabla.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';
/** A list of dependencias or people is small: 5 MB holds tens of thousands of rows. */
const TABLA_MAXIMA = 5 * 1024 * 1024;
const tags = ['Dependencias'];

export const importacionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    [XLSX, CSV, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: TABLA_MAXIMA },
    (_r, cuerpo, listo) => listo(null, cuerpo),
  );

  app.get(
    '/api/entidades/:entidadId/dependencias/plantilla.xlsx',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Plantilla para importar dependencias (Nombre, Código, Depende de)',
        params: EntidadParams,
        produces: [XLSX],
      },
    },
    async (_request, reply) => {
      const libro = await nuevoLibro();
      const hoja = libro.addWorksheet('Dependencias');
      hoja.columns = COLUMNAS_DEPENDENCIAS.map((header) => ({
        header,
        width: header === 'Código' ? 14 : 50,
      }));
      hoja.getRow(1).font = { bold: true };
      hoja.views = [{ state: 'frozen', ySplit: 1 }];
      const ayuda = libro.addWorksheet('Instrucciones');
      ayuda.getColumn(1).width = 120;
      for (const linea of [
        'Una fila por dependencia en la hoja «Dependencias». También puede guardar la hoja como CSV (separado por «;») y cargar ese archivo.',
        'Nombre: obligatorio, único en la entidad (sin importar tildes ni mayúsculas).',
        'Código: opcional, único en la entidad, hasta 20 caracteres.',
        'Depende de: opcional; el nombre o el código de una dependencia que ya existe o de otra fila de este archivo.',
        'Si alguna fila tiene un problema no se importa nada: el informe dice fila, columna y problema.',
      ])
        ayuda.addRow([linea]);
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="plantilla-dependencias.xlsx"')
        .header('cache-control', 'no-store')
        .send(await aBuffer(libro));
    },
  );

  app.post(
    '/api/entidades/:entidadId/dependencias/importar',
    {
      config: { acceso: { permiso: 'dependencia.editar' } },
      schema: {
        tags,
        summary: 'Importar dependencias desde .xlsx o .csv (todo o nada, con informe por fila y columna)',
        params: EntidadParams,
        consumes: [XLSX, CSV],
        response: {
          201: ImportacionSchema,
          400: ProblemasImportacionSchema,
          413: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const rechazar = (mensaje: string, problemas: { fila: number; columna: string; problema: string }[]) =>
        reply.status(400).send({ error: 'validacion', mensaje, problemas });
      const contenido = request.body;
      if (!Buffer.isBuffer(contenido) || contenido.length === 0)
        return rechazar('Envíe el archivo .xlsx o .csv con las dependencias.', []);
      const tipo = String(request.headers['content-type'] ?? '').startsWith(CSV) ? 'csv' : 'xlsx';
      const tabla = await leerTabla(contenido, tipo).catch((e: unknown) => {
        if (e instanceof ErrorApi && e.status === 503) reply.header('retry-after', '60');
        throw e;
      });
      if (!tabla.ok && tabla.status === 400) return rechazar(tabla.mensaje, []);
      if (!tabla.ok)
        throw new ErrorApi(tabla.status, tabla.mensaje, [{ campo: 'archivo', mensaje: tabla.mensaje }]);
      const r = await importarDependencias(app.db, actorDe(request), request.params.entidadId, tabla);
      if (!r.ok) {
        const n = r.problemas.length;
        return rechazar(
          `El archivo tiene ${n.toLocaleString('es-CO')} ${n === 1 ? 'problema' : 'problemas'}: no se importó ninguna dependencia. Corríjalos y vuelva a cargarlo.`,
          r.problemas,
        );
      }
      return reply.status(201).send({ importadas: r.importadas });
    },
  );
};
