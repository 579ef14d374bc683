import type { Workbook } from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ImportacionSchema, ProblemasImportacionSchema, TABLA_MAXIMA_BYTES } from '../../contrato/excel.ts';
import { ImportacionPersonasSchema } from '../../contrato/usuarios.ts';
import { COLUMNAS_DEPENDENCIAS } from '../../core/dependencias-importacion.ts';
import { COLUMNAS_PERSONAS, LARGO_PERSONA, MAXIMO_PERSONAS } from '../../core/personas-importacion.ts';
import { NOMBRE_ROL, type Permiso, ROLES } from '../../core/roles.ts';
import { actorDe } from '../../server/auth.ts';
import { aBuffer, agregarListasDesplegables, LIMITES_HOJA_PLAN, nuevoLibro } from '../excel/plan-xlsx.ts';
import {
  importarDependencias,
  importarPersonas,
  type ResultadoImportacion,
  type Tabla,
} from './importacion.service.ts';
import { aceptarTablas, CSV, responderTablaSubida, XLSX } from './leer-tabla.ts';

/** One kind of import: its template (a sheet with the columns and one of instructions) and its rows' fate. */
interface Importacion<R extends z.ZodType> {
  ruta: string;
  permiso: Permiso;
  tags: string[];
  /** «dependencias», «personas»: sheet, file name and messages. */
  plural: string;
  /** «dependencia», «persona» (both feminine: «ninguna»). */
  singular: string;
  hoja: string;
  columnas: readonly string[];
  anchos: Record<string, number>;
  instrucciones: string[];
  /** Drop-down lists on the template, from the entity's data. */
  listas?: (entidadId: string) => Promise<Parameters<typeof agregarListasDesplegables>[3]>;
  respuesta: R;
  importar: (
    request: { entidadId: string; actor: ReturnType<typeof actorDe> },
    tabla: Tabla,
  ) => Promise<ResultadoImportacion<Omit<z.infer<R>, 'importadas'>>>;
}

function rutasImportacion<R extends z.ZodType>(app: FastifyInstance, d: Importacion<R>) {
  const base = `/api/entidades/:entidadId/${d.ruta}`;
  app.get(
    `${base}/plantilla.xlsx`,
    {
      config: { acceso: { permiso: d.permiso } },
      schema: {
        tags: d.tags,
        summary: `Plantilla para importar ${d.plural} (${d.columnas.join(', ')})`,
        params: EntidadParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params as z.infer<typeof EntidadParams>;
      const libro: Workbook = await nuevoLibro();
      const hoja = libro.addWorksheet(d.hoja);
      hoja.columns = d.columnas.map((header) => ({ header, width: d.anchos[header] ?? 30 }));
      hoja.getRow(1).font = { bold: true };
      hoja.views = [{ state: 'frozen', ySplit: 1 }];
      const ayuda = libro.addWorksheet('Instrucciones');
      ayuda.getColumn(1).width = 120;
      for (const linea of d.instrucciones) ayuda.addRow([linea]);
      if (d.listas) agregarListasDesplegables(libro, hoja, d.columnas, await d.listas(entidadId));
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="plantilla-${d.plural}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(await aBuffer(libro));
    },
  );

  app.post(
    `${base}/importar`,
    {
      config: { acceso: { permiso: d.permiso } },
      schema: {
        tags: d.tags,
        summary: `Importar ${d.plural} desde .xlsx o .csv (todo o nada, con informe por fila y columna)`,
        params: EntidadParams,
        consumes: [XLSX, CSV],
        response: {
          201: d.respuesta,
          400: ProblemasImportacionSchema,
          413: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params as z.infer<typeof EntidadParams>;
      return responderTablaSubida(
        request,
        reply,
        {
          falta: `Envíe el archivo .xlsx o .csv con las ${d.plural}.`,
          // The plan's sheet bounds, with messages that name what this file holds.
          limites: {
            ...LIMITES_HOJA_PLAN,
            queFilas: `filas de ${d.plural}`,
            queDividir: `la lista de ${d.plural}`,
          },
        },
        async (tabla) => {
          const r = await d.importar({ entidadId, actor: actorDe(request) }, tabla);
          if (r.ok) return r;
          const n = r.problemas.length;
          return {
            ok: false,
            mensaje: `El archivo tiene ${n.toLocaleString('es-CO')} ${n === 1 ? 'problema' : 'problemas'}: no se importó ninguna ${d.singular}. Corríjalos y vuelva a cargarlo.`,
            problemas: r.problemas,
          };
        },
      );
    },
  );
}

export const importacionRoutes: FastifyPluginAsyncZod = async (app) => {
  aceptarTablas(app, TABLA_MAXIMA_BYTES);

  rutasImportacion(app, {
    ruta: 'dependencias',
    permiso: 'dependencia.editar',
    tags: ['Dependencias'],
    plural: 'dependencias',
    singular: 'dependencia',
    hoja: 'Dependencias',
    columnas: COLUMNAS_DEPENDENCIAS,
    anchos: { Nombre: 50, Código: 14, 'Depende de': 50 },
    instrucciones: [
      'Una fila por dependencia en la hoja «Dependencias». También puede guardar la hoja como CSV (separado por «;») y cargar ese archivo.',
      'Nombre: obligatorio, único en la entidad (sin importar tildes ni mayúsculas).',
      'Código: opcional, único en la entidad, hasta 20 caracteres.',
      'Depende de: opcional; el nombre o el código de una dependencia que ya existe o de otra fila de este archivo.',
      'Si alguna fila tiene un problema no se importa nada: el informe dice fila, columna y problema.',
    ],
    respuesta: ImportacionSchema,
    importar: ({ entidadId, actor }, tabla) => importarDependencias(app.db, actor, entidadId, tabla),
  });

  rutasImportacion(app, {
    ruta: 'usuarios',
    permiso: 'usuario.gestionar',
    tags: ['Usuarios y roles'],
    plural: 'personas',
    singular: 'persona',
    hoja: 'Personas',
    columnas: COLUMNAS_PERSONAS,
    anchos: { Nombre: 40, Correo: 40, Roles: 44, Cargo: 40 },
    instrucciones: [
      `Una fila por persona en la hoja «Personas» (hasta ${MAXIMO_PERSONAS.toLocaleString('es-CO')}). También puede guardar la hoja como CSV (separado por «;») y cargar ese archivo.`,
      `Nombre: obligatorio, el nombre completo (hasta ${LARGO_PERSONA.nombre} caracteres).`,
      'Correo: obligatorio; cada persona recibe en él un enlace para definir su contraseña. No puede repetirse ni ser de alguien que ya tiene cuenta (a esa persona dele acceso desde «Usuarios y roles»).',
      'Roles: obligatorio; uno de la lista desplegable, o varios separados por «,» (hoja «Listas válidas»).',
      `Cargo: opcional (hasta ${LARGO_PERSONA.cargo} caracteres).`,
      'Si alguna fila tiene un problema no se importa nada: el informe dice fila, columna y problema.',
    ],
    listas: async () => [{ encabezado: 'Roles', valores: ROLES.map((r) => NOMBRE_ROL[r]), varios: true }],
    respuesta: ImportacionPersonasSchema,
    importar: ({ entidadId, actor }, tabla) => importarPersonas(app.db, actor, entidadId, tabla, app.correo),
  });
};
