import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { EntidadParams, ErrorSchema, SinCuerpoSchema } from '../../contrato/comun.ts';
import {
  ACCIONES_EN_LOTE,
  FilaSeguimientoSchema,
  HojaQuery,
  HojaSeguimientoSchema,
  LoteEntradaSchema,
  LoteParams,
  LoteResultadoSchema,
  ObservacionesSchema,
  ObservarSchema,
  ParamsSeguimiento,
  RespuestaSchema,
  SeguimientoEntradaSchema,
  VerificarSchema,
} from '../../contrato/seguimiento.ts';
import {
  type AccionSeguimiento,
  PERMISO_DE_LINEA,
  permisoDeAccion,
  TRANSICIONES_SEGUIMIENTO,
} from '../../core/seguimiento.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import {
  cambiarEstadoReporte,
  type DatosPaso,
  darPasoEnLote,
  guardarReporte,
  guardarYEnviar,
  hojaSeguimiento,
} from './seguimiento.service.ts';

const tags = ['Seguimiento'];

const RESUMEN_ACCION: Record<AccionSeguimiento, string> = {
  enviar: 'Enviar el reporte a planeación (requiere al menos una evidencia)',
  aceptar: 'Aceptar el reporte (planeación, 2.ª línea)',
  devolver: 'Devolver el reporte al responsable con observaciones (planeación)',
  verificar:
    'Marcar el reporte como verificado, con el avance verificado (0 a 100) si control interno lo registra (control interno, 3.ª línea; planeación si el reporte es de personal de control interno sobre su propia política)',
  observar:
    'Registrar observaciones de control interno sobre el reporte, con su propio porcentaje si lo tiene (planeación, si el reporte es de personal de control interno sobre su propia política)',
  responder:
    'Responder las observaciones de control interno (el responsable; las evidencias nuevas se adjuntan antes); control interno cierra la verificación',
};

/** The body each step takes: observations, the answer to them, control interno's own percentage, or nothing. */
const CUERPO: Record<AccionSeguimiento, z.ZodType> = {
  enviar: SinCuerpoSchema,
  aceptar: SinCuerpoSchema,
  devolver: ObservacionesSchema,
  verificar: VerificarSchema,
  observar: ObservarSchema,
  responder: RespuestaSchema,
};
export const seguimientoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/seguimientos',
    {
      config: { acceso: { permiso: 'entidad.ver' } },
      schema: {
        tags,
        summary: 'Hoja de seguimiento de un periodo: cada actividad con sus cifras, su reporte y evidencias',
        params: EntidadParams,
        querystring: HojaQuery,
        response: { 200: HojaSeguimientoSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { vigencia, periodo } = request.query;
      return hojaSeguimiento(app.db, request.params.entidadId, vigencia, periodo, request.usuario);
    },
  );

  app.put(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo',
    {
      config: { acceso: { permiso: 'seguimiento.reportar' } },
      schema: {
        tags,
        summary: 'Guardar el avance del periodo (valor, o numerador y denominador) y su descripción',
        params: ParamsSeguimiento,
        body: SeguimientoEntradaSchema,
        response: { 200: FilaSeguimientoSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      guardarReporte(app.db, actorDe(request), usuarioDe(request), request.params, request.body),
  );

  app.post(
    '/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/guardar-y-enviar',
    {
      config: { acceso: { permiso: PERMISO_DE_LINEA[TRANSICIONES_SEGUIMIENTO.enviar.linea] } },
      schema: {
        tags,
        summary:
          'Guardar el avance tal como está en la pantalla y enviarlo a planeación en un solo paso (requiere al menos una evidencia); si algo falla, no cambia nada',
        params: ParamsSeguimiento,
        body: SeguimientoEntradaSchema,
        response: { 200: FilaSeguimientoSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      guardarYEnviar(app.db, actorDe(request), usuarioDe(request), request.params, request.body, app.correo),
  );

  for (const accion of Object.keys(TRANSICIONES_SEGUIMIENTO) as AccionSeguimiento[]) {
    app.post(
      `/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/${accion}`,
      {
        config: { acceso: { permiso: permisoDeAccion(accion) } },
        schema: {
          tags,
          summary: RESUMEN_ACCION[accion],
          params: ParamsSeguimiento,
          body: CUERPO[accion],
          response: { 200: FilaSeguimientoSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (request) =>
        cambiarEstadoReporte(
          app.db,
          actorDe(request),
          usuarioDe(request),
          accion,
          request.params,
          (request.body as DatosPaso | undefined) ?? {},
          app.correo,
        ),
    );
  }

  for (const accion of ACCIONES_EN_LOTE)
    app.post(
      `/api/entidades/:entidadId/periodos/:periodo/seguimientos/${accion}`,
      {
        config: { acceso: { permiso: PERMISO_DE_LINEA[TRANSICIONES_SEGUIMIENTO[accion].linea] } },
        schema: {
          tags,
          summary: `${RESUMEN_ACCION[accion]}: varios reportes del periodo a la vez (cada uno se aplica o se explica)`,
          params: LoteParams,
          body: LoteEntradaSchema,
          response: { 200: LoteResultadoSchema, 400: ErrorSchema },
        },
      },
      async (request) => {
        const { entidadId, periodo } = request.params;
        const resultados = await darPasoEnLote(
          app.db,
          actorDe(request),
          usuarioDe(request),
          accion,
          entidadId,
          periodo,
          request.body.actividades,
          app.correo,
        );
        return { aplicados: resultados.filter((r) => r.ok).length, resultados };
      },
    );
};
