import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import { ConsultaInformeGestionSchema, ConsultaInformeTrimestralSchema } from '../../contrato/informes.ts';
import { XLSX } from '../importacion/leer-tabla.ts';
import { type Informe, informePdf, informeXlsx } from './documento-informe.ts';
import { informeGestion, informeTrimestral, membreteDe } from './informes.service.ts';

const tags = ['Informes'];
const PDF = 'application/pdf';
const errores = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
type Formato = 'pdf' | 'xlsx';

export const informesRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The report in the format asked for, as a download named after it. */
  const enviar = async (
    reply: FastifyReply,
    entidadId: string,
    formato: Formato,
    r: { informe: Informe; nombreArchivo: string },
  ) => {
    const membrete = await membreteDe(app.db, app.dataDir, entidadId);
    const bytes =
      formato === 'pdf' ? await informePdf(membrete, r.informe) : await informeXlsx(membrete, r.informe);
    return reply
      .type(formato === 'pdf' ? PDF : XLSX)
      .header('content-disposition', `attachment; filename="${r.nombreArchivo}.${formato}"`)
      .header('cache-control', 'no-store')
      .send(bytes);
  };

  for (const formato of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/entidades/:entidadId/informes/trimestral.${formato}`,
      {
        config: { acceso: { permiso: 'informe.descargar' } },
        schema: {
          tags,
          summary: `Informe trimestral de seguimiento al CIGD (${formato === 'pdf' ? 'PDF' : 'Excel'}) de un periodo cerrado, con sus cifras congeladas: avance por dimensión, política y dependencia, actividades en riesgo o atrasadas con su explicación, modificaciones del plan y decisiones solicitadas`,
          params: EntidadParams,
          querystring: ConsultaInformeTrimestralSchema,
          produces: [formato === 'pdf' ? PDF : XLSX],
          response: errores,
        },
      },
      async (request, reply) => {
        const { entidadId } = request.params;
        const { vigencia, periodo } = request.query;
        return enviar(
          reply,
          entidadId,
          formato,
          await informeTrimestral(app.db, entidadId, vigencia, periodo),
        );
      },
    );

    app.get(
      `/api/entidades/:entidadId/informes/gestion.${formato}`,
      {
        config: { acceso: { permiso: 'informe.descargar' } },
        schema: {
          tags,
          summary: `Informe de gestión de la vigencia (${formato === 'pdf' ? 'PDF' : 'Excel'}): la vigencia cerrada o hasta su último periodo cerrado; resultados por política y dependencia, metas cumplidas y no cumplidas con su explicación, logros y dificultades de los reportes`,
          params: EntidadParams,
          querystring: ConsultaInformeGestionSchema,
          produces: [formato === 'pdf' ? PDF : XLSX],
          response: errores,
        },
      },
      async (request, reply) => {
        const { entidadId } = request.params;
        return enviar(
          reply,
          entidadId,
          formato,
          await informeGestion(app.db, entidadId, request.query.vigencia),
        );
      },
    );
  }
};
