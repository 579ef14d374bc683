import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hoyEnColombia } from '../../core/calendario.ts';
import { aprobadoAlgunaVez } from '../../core/flujo-plan.ts';
import { esReporteTardio } from '../../core/periodos.ts';
import {
  type AccionSeguimiento,
  type EstadoSeguimiento,
  NOMBRE_ESTADO_SEGUIMIENTO,
  PERMISO_DE_LINEA,
  TRANSICIONES_SEGUIMIENTO,
  transicionSeguimiento,
  valorReportado,
} from '../../core/seguimiento.ts';
import { planAccion, seguimiento } from '../../db/schema.ts';
import { actorDe, usuarioDe } from '../../server/auth.ts';
import { conflicto, ErrorApi, ErrorSchema, invalido } from '../../server/errores.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { notificar } from '../notificaciones/notificacion.repository.ts';
import {
  FilaSeguimientoSchema,
  HojaQuery,
  HojaSeguimientoSchema,
  ParamsSeguimiento,
  SeguimientoEntradaSchema,
} from './seguimiento.schema.ts';
import {
  actividadDeEntidad,
  evidenciasDe,
  exigirAbierto,
  exigirEditable,
  exigirReportante,
  hojaSeguimiento,
  mensajeNoReportable,
  periodoDe,
  seguimientoDe,
  usuariosConRol,
} from './seguimiento.service.ts';

const tags = ['Seguimiento'];
const enlace = (vigencia: number, periodo: number, actividadId: string) =>
  `/seguimiento?vigencia=${vigencia}&periodo=${periodo}&actividad=${actividadId}`;

const RESUMEN_ACCION: Record<AccionSeguimiento, string> = {
  enviar: 'Enviar el reporte a planeación (requiere al menos una evidencia)',
  aceptar: 'Aceptar el reporte (planeación, 2.ª línea)',
  devolver: 'Devolver el reporte al responsable con observaciones (planeación)',
  verificar: 'Marcar el reporte como verificado (control interno, 3.ª línea)',
  observar: 'Registrar observaciones de control interno sobre el reporte',
};
const ObservacionesSchema = z.object({
  observaciones: z.string().trim().min(5, 'escriba las observaciones (al menos 5 caracteres)').max(4000),
});

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
    async (request) => {
      const { entidadId, actividadId, periodo } = request.params;
      const u = usuarioDe(request);
      const a = await actividadDeEntidad(app.db, entidadId, actividadId);
      const p = await periodoDe(app.db, entidadId, a.vigencia, periodo);
      await exigirReportante(app.db, u, entidadId, a);
      exigirAbierto(p);
      const [plan] = await app.db.select().from(planAccion).where(eq(planAccion.id, a.planId));
      if (!aprobadoAlgunaVez(plan!))
        throw conflicto('El plan de acción aún no está aprobado por el comité: no se puede reportar avance.');
      const v = valorReportado(request.body);
      if (!v.ok) throw invalido(v.campo, v.mensaje);
      const datos = {
        valor: v.valor,
        numerador: request.body.numerador ?? null,
        denominador: request.body.denominador ?? null,
        descripcion: request.body.descripcion,
        dificultades: request.body.dificultades || null,
      };
      await app.db.transaction(async (tx) => {
        const antes = await seguimientoDe(tx, actividadId, periodo);
        if (antes) exigirEditable(antes);
        const [s] = antes
          ? await tx
              .update(seguimiento)
              .set({ ...datos, reportadoPor: u.id, actualizadoEn: new Date() })
              .where(eq(seguimiento.id, antes.id))
              .returning()
          : await tx
              .insert(seguimiento)
              .values({ ...datos, entidadId, actividadId, periodo, reportadoPor: u.id })
              .returning();
        await registrarAuditoria(tx, actorDe(request), {
          entidadId,
          accion: antes ? 'actualizar' : 'crear',
          recurso: 'seguimiento',
          recursoId: s!.id,
          antes: antes ? pick(antes) : null,
          despues: { actividad: a.codigo, periodo, ...datos },
        });
      });
      const hoja = await hojaSeguimiento(app.db, entidadId, a.vigencia, periodo, u, actividadId);
      return hoja.filas[0]!;
    },
  );

  for (const accion of Object.keys(TRANSICIONES_SEGUIMIENTO) as AccionSeguimiento[]) {
    const conObservaciones = TRANSICIONES_SEGUIMIENTO[accion].observaciones;
    app.post(
      `/api/entidades/:entidadId/seguimientos/:actividadId/:periodo/${accion}`,
      {
        config: { acceso: { permiso: PERMISO_DE_LINEA[TRANSICIONES_SEGUIMIENTO[accion].linea] } },
        schema: {
          tags,
          summary: RESUMEN_ACCION[accion],
          params: ParamsSeguimiento,
          body: conObservaciones ? ObservacionesSchema : z.object({}).optional(),
          response: { 200: FilaSeguimientoSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (request) => {
        const { entidadId, actividadId, periodo } = request.params;
        const u = usuarioDe(request);
        const a = await actividadDeEntidad(app.db, entidadId, actividadId);
        const p = await periodoDe(app.db, entidadId, a.vigencia, periodo);
        if (accion === 'enviar') await exigirReportante(app.db, u, entidadId, a);
        exigirAbierto(p);
        const observaciones = (request.body as { observaciones?: string } | undefined)?.observaciones;
        await app.db.transaction(async (tx) => {
          const s = await seguimientoDe(tx, actividadId, periodo);
          if (!s) throw mensajeNoReportable();
          const t = transicionSeguimiento(s.estado as EstadoSeguimiento, accion);
          if (!t.ok) throw conflicto(t.mensaje);
          const cambios: Partial<typeof seguimiento.$inferInsert> = {
            estado: t.hacia,
            actualizadoEn: new Date(),
          };
          if (accion === 'enviar') {
            // What has no evidence is not done: the responsible attaches at least one file or link.
            if (!(await evidenciasDe(tx, [s.id])).length)
              throw new ErrorApi(409, 'Adjunte al menos una evidencia (archivo o enlace) antes de enviar.', [
                { campo: 'evidencias', mensaje: 'el reporte no tiene evidencias' },
              ]);
            Object.assign(cambios, {
              enviadoEn: new Date(),
              tardio: esReporteTardio(p, hoyEnColombia()),
              reportadoPor: u.id,
            });
          }
          if (accion === 'aceptar')
            Object.assign(cambios, { revisadoPor: u.id, observacionesPlaneacion: null });
          if (accion === 'devolver')
            Object.assign(cambios, { revisadoPor: u.id, observacionesPlaneacion: observaciones });
          if (accion === 'verificar')
            Object.assign(cambios, { verificadoPor: u.id, observacionesControl: null });
          if (accion === 'observar')
            Object.assign(cambios, { verificadoPor: u.id, observacionesControl: observaciones });
          await tx.update(seguimiento).set(cambios).where(eq(seguimiento.id, s.id));
          await registrarAuditoria(tx, actorDe(request), {
            entidadId,
            accion,
            recurso: 'seguimiento',
            recursoId: s.id,
            antes: { estado: s.estado },
            despues: { estado: t.hacia, actividad: a.codigo, periodo, observaciones: observaciones ?? null },
          });
          const texto = `${a.codigo} · ${p.nombre}: ${NOMBRE_ESTADO_SEGUIMIENTO[t.hacia].toLowerCase()}${
            observaciones ? ` — «${observaciones.slice(0, 140)}»` : ''
          }`;
          const destinos =
            accion === 'enviar'
              ? await usuariosConRol(tx, entidadId, 'planeacion')
              : accion === 'aceptar'
                ? await usuariosConRol(tx, entidadId, 'control_interno')
                : accion === 'observar'
                  ? [
                      s.reportadoPor,
                      a.responsableId,
                      ...a.corresponsables,
                      ...(await usuariosConRol(tx, entidadId, 'planeacion')),
                    ]
                  : [s.reportadoPor, a.responsableId, ...a.corresponsables];
          await notificar(
            tx,
            destinos.filter((d) => d !== u.id),
            entidadId,
            texto,
            enlace(a.vigencia, periodo, actividadId),
          );
        });
        const hoja = await hojaSeguimiento(app.db, entidadId, a.vigencia, periodo, u, actividadId);
        return hoja.filas[0]!;
      },
    );
  }
};

const pick = (s: typeof seguimiento.$inferSelect) => ({
  valor: s.valor,
  numerador: s.numerador,
  denominador: s.denominador,
  descripcion: s.descripcion,
  dificultades: s.dificultades,
  estado: s.estado,
});
