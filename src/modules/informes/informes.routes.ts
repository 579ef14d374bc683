import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntidadParams, ErrorSchema } from '../../contrato/comun.ts';
import {
  ConclusionesPtepRespuestaSchema,
  ConclusionesPtepSchema,
  ConsultaEvaluacionMeciSchema,
  ConsultaInformeGestionSchema,
  ConsultaInformeTrimestralSchema,
  ConsultaSeguimientoPtepSchema,
  EvaluacionMeciEntradaSchema,
  EvaluacionMeciSchema,
} from '../../contrato/informes.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { membreteDe } from '../documentos/membrete.ts';
import { XLSX } from '../importacion/leer-tabla.ts';
import { type Informe, informePdf, informeXlsx } from './documento-informe.ts';
import {
  guardarEvaluacionMeci,
  informeEvaluacionMeci,
  leerEvaluacionMeci,
} from './evaluacion-meci.service.ts';
import { informeGestion, informeTrimestral } from './informes.service.ts';
import {
  guardarConclusionesPtep,
  informeSeguimientoPtep,
  leerConclusionesPtep,
} from './seguimiento-ptep.service.ts';

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

  app.get(
    '/api/entidades/:entidadId/informes/ptep.pdf',
    {
      config: { acceso: { permiso: 'informe.descargar' } },
      schema: {
        tags,
        summary:
          'Seguimiento cuatrimestral de control interno al Programa de Transparencia y Ética Pública (PDF): las actividades del programa con su reporte y verificación del cuatrimestre, y las conclusiones de control interno',
        params: EntidadParams,
        querystring: ConsultaSeguimientoPtepSchema,
        produces: [PDF],
        response: errores,
      },
    },
    async (request, reply) => {
      const { entidadId } = request.params;
      const { vigencia, cuatrimestre } = request.query;
      return enviar(
        reply,
        entidadId,
        'pdf',
        await informeSeguimientoPtep(app.db, entidadId, vigencia, cuatrimestre),
      );
    },
  );

  const ParamsPtep = EntidadParams.extend(ConsultaSeguimientoPtepSchema.shape);
  app.get(
    '/api/entidades/:entidadId/informes/ptep/:vigencia/:cuatrimestre/conclusiones',
    {
      config: { acceso: { permiso: 'informe.descargar' } },
      schema: {
        tags,
        summary:
          'Conclusiones de control interno en el seguimiento cuatrimestral del PTEP (null si aún no las escribe)',
        params: ParamsPtep,
        response: { 200: ConclusionesPtepRespuestaSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, cuatrimestre } = request.params;
      return leerConclusionesPtep(app.db, entidadId, vigencia, cuatrimestre);
    },
  );

  app.put(
    '/api/entidades/:entidadId/informes/ptep/:vigencia/:cuatrimestre/conclusiones',
    {
      config: { acceso: { permiso: 'seguimiento.verificar' } },
      schema: {
        tags,
        summary: 'Control interno escribe las conclusiones de su seguimiento cuatrimestral del PTEP',
        params: ParamsPtep,
        body: ConclusionesPtepSchema,
        response: { 200: ConclusionesPtepRespuestaSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, cuatrimestre } = request.params;
      return guardarConclusionesPtep(
        app.db,
        actorDe(request),
        usuarioDe(request).id,
        entidadId,
        vigencia,
        cuatrimestre,
        request.body.conclusiones,
      );
    },
  );

  // Control interno's semiannual independent evaluation of the internal control system, by MECI component.
  const ParamsMeci = EntidadParams.extend(ConsultaEvaluacionMeciSchema.shape);
  for (const formato of ['pdf', 'xlsx'] as const)
    app.get(
      `/api/entidades/:entidadId/informes/evaluacion-independiente.${formato}`,
      {
        config: { acceso: { permiso: 'informe.descargar' } },
        schema: {
          tags,
          summary: `Evaluación independiente semestral del estado del sistema de control interno por componente del MECI (${formato === 'pdf' ? 'PDF' : 'Excel'})`,
          params: EntidadParams,
          querystring: ConsultaEvaluacionMeciSchema,
          produces: [formato === 'pdf' ? PDF : XLSX],
          response: errores,
        },
      },
      async (request, reply) => {
        const { entidadId } = request.params;
        const { vigencia, semestre } = request.query;
        return enviar(
          reply,
          entidadId,
          formato,
          await informeEvaluacionMeci(app.db, entidadId, vigencia, semestre as 1 | 2),
        );
      },
    );
  app.get(
    '/api/entidades/:entidadId/informes/evaluacion-independiente/:vigencia/:semestre',
    {
      config: { acceso: { permiso: 'informe.descargar' } },
      schema: {
        tags,
        summary:
          'La evaluación independiente del semestre: cada componente del MECI, el estado del sistema y las verificaciones del semestre que la sustentan',
        params: ParamsMeci,
        response: { 200: EvaluacionMeciSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, semestre } = request.params;
      return leerEvaluacionMeci(app.db, entidadId, vigencia, semestre as 1 | 2);
    },
  );
  app.put(
    '/api/entidades/:entidadId/informes/evaluacion-independiente/:vigencia/:semestre',
    {
      config: { acceso: { permiso: 'seguimiento.verificar' } },
      schema: {
        tags,
        summary:
          'Control interno escribe la evaluación independiente del semestre (con la versión que leyó: si otra persona guardó entre tanto, 409)',
        params: ParamsMeci,
        body: EvaluacionMeciEntradaSchema,
        response: { 200: EvaluacionMeciSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { entidadId, vigencia, semestre } = request.params;
      return guardarEvaluacionMeci(
        app.db,
        actorDe(request),
        entidadId,
        vigencia,
        semestre as 1 | 2,
        request.body,
      );
    },
  );
};
