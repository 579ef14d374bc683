import { and, asc, eq, inArray } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import { aprobadoAlgunaVez } from '../../core/flujo-plan.ts';
import { finitoONulo } from '../../core/numeros.ts';
import {
  ESQUEMAS,
  type EsquemaPeriodos,
  esquemaActividad,
  esReporteTardio,
  mensajeSinCorte,
  periodoEnPeriodoPlan,
  periodosContados,
} from '../../core/periodos.ts';
import type { Rol } from '../../core/roles.ts';
import { rolesPermiten } from '../../core/roles.ts';
import {
  type AccionSeguimiento,
  aCargoDe,
  admiteEvidencia,
  cifrasSeguimiento,
  type EntradaAvance,
  mensajeReporteCambiado,
  NOMBRE_ESTADO_SEGUIMIENTO,
  seguimientoCuenta,
  seguimientoEditable,
  transicionSeguimiento,
  valorReportado,
} from '../../core/seguimiento.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  evidencia,
  planAccion,
  responsablePolitica,
  rolUsuario,
  seguimiento,
} from '../../db/schema.ts';
import { conflicto, ErrorApi, invalido, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { clavesAplicables, problemaPoliticaDeEntidad } from '../catalogo/catalogo.repository.ts';
import { type Correo, encolarAviso } from '../correo/correo.service.ts';
import { notificar } from '../notificaciones/notificacion.repository.ts';
import {
  bloquearPeriodo,
  lectorPeriodos,
  leerVigencia,
  type PeriodoDeActividad,
  type PeriodoLeido,
} from '../vigencias/vigencia.service.ts';
import { exigirJustificacionSobreejecucion } from './sobreejecucion.ts';
import {
  contextoVerificacion,
  evaluarVerificacion,
  exigirVerificador,
  vistaVerificacion,
} from './verificacion.service.ts';

export type Actividad = typeof actividad.$inferSelect;
export type Seguimiento = typeof seguimiento.$inferSelect;

/** The activity with its plan's vigencia, only if it belongs to the entity. */
export async function actividadDeEntidad(db: Db, entidadId: string, actividadId: string) {
  const [fila] = await db
    .select({ a: actividad, vigencia: planAccion.vigencia })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(actividad.id, actividadId), eq(planAccion.entidadId, entidadId)));
  if (!fila) throw noEncontrado('la actividad en esta entidad');
  return { ...fila.a, vigencia: fila.vigencia };
}

/** The vigencia's settings and one of its periods, read once; 404 for a period it does not have. */
async function vigenciaYPeriodo(db: Db, entidadId: string, vigencia: number, numero: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const p = v.periodos.find((x) => x.numero === numero);
  if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
  return { v, p };
}

/** The period of the vigencia; a closed period is frozen for every change. */
export async function periodoDe(db: Db, entidadId: string, vigencia: number, numero: number) {
  return (await vigenciaYPeriodo(db, entidadId, vigencia, numero)).p;
}

/**
 * The activity's period reported on the plan's period `numero` (the one in the address): the same period
 * for an activity on the plan's scheme; for an instrument with its own scheme (the PTEP by cuatrimestres),
 * its period whose cut-off falls in it, with its own window, closed when the plan's period is. 404 for a
 * period the vigencia does not have; 409 when the instrument has no cut-off in it.
 */
export async function periodoDeReporte(
  db: Db,
  entidadId: string,
  a: Pick<Actividad, 'codigo' | 'plan612' | 'planPropio'> & { vigencia: number },
  numero: number,
): Promise<PeriodoDeActividad> {
  const { v, p } = await vigenciaYPeriodo(db, entidadId, a.vigencia, numero);
  const esquema = esquemaActividad(a, v.esquemasInstrumento, v.esquema);
  if (esquema === v.esquema) return { ...p, numeroPlan: p.numero };
  const propio = periodoEnPeriodoPlan(numero, v.esquema, esquema);
  if (propio === null)
    throw conflicto(
      `La actividad ${a.codigo} se reporta por ${ESQUEMAS[esquema].plural}: no tiene corte en «${p.nombre}».`,
    );
  return (await lectorPeriodos(db, entidadId, v))(esquema)[propio - 1]!;
}

export function exigirAbierto(p: { nombre: string; cerrado: boolean }) {
  if (p.cerrado)
    throw conflicto(
      `El periodo «${p.nombre}» está cerrado: sus cifras están congeladas. Planeación puede reabrirlo con una justificación.`,
    );
}

/**
 * Inside a write's transaction, first of all: the period is open and stays open until the write commits
 * (closing it waits for the write, so the frozen figures include it, or the write waits and gets a 409).
 */
/** An evidence as the API shows it (sheet, upload answer, audit entry). */
export const vistaEvidencia = (e: typeof evidencia.$inferSelect) => ({
  id: e.id,
  nombre: e.nombre,
  tipo: e.tipo,
  bytes: e.bytes,
  url: e.url,
  creadoEn: e.creadoEn.toISOString(),
});

export async function exigirPeriodoAbierto(tx: Db, entidadId: string, vigencia: number, numero: number) {
  const p = await bloquearPeriodo(tx, entidadId, vigencia, numero, 'share');
  if (p) exigirAbierto(p);
}

/** Who reports: the activity's responsible or its policy's responsible for the vigencia (1.ª línea). */
export async function puedeReportar(
  db: Db,
  u: UsuarioSesion,
  entidadId: string,
  a: Actividad & { vigencia: number },
) {
  if (!rolesPermiten(u.roles.get(entidadId) ?? [], 'seguimiento.reportar')) return false;
  if (aCargoDe(a, u.id)) return true;
  const [r] = await db
    .select()
    .from(responsablePolitica)
    .where(
      and(
        eq(responsablePolitica.entidadId, entidadId),
        eq(responsablePolitica.vigencia, a.vigencia),
        eq(responsablePolitica.politica, a.politica),
        eq(responsablePolitica.usuarioId, u.id),
      ),
    );
  return !!r;
}

export async function exigirReportante(
  db: Db,
  u: UsuarioSesion,
  entidadId: string,
  a: Actividad & { vigencia: number },
) {
  if (!(await puedeReportar(db, u, entidadId, a)))
    throw prohibido(
      'Solo el responsable de la actividad o el responsable de su política puede reportar su seguimiento.',
    );
  // A policy that stopped applying (the entity's FURAG form changed) keeps its activities, hidden: not reported.
  const noAplica = await problemaPoliticaDeEntidad(db, entidadId, a.vigencia, a.politica);
  if (noAplica) throw conflicto(`La actividad ${a.codigo} no se reporta porque ${noAplica}.`);
}

export async function seguimientoDe(db: Db, actividadId: string, periodo: number) {
  const [s] = await db
    .select()
    .from(seguimiento)
    .where(and(eq(seguimiento.actividadId, actividadId), eq(seguimiento.periodo, periodo)));
  return s ?? null;
}

export function exigirEditable(s: Seguimiento) {
  if (!seguimientoEditable(s.estado))
    throw conflicto(
      'El reporte ya fue enviado a planeación: solo se puede cambiar si planeación lo devuelve.',
    );
}

export function exigirAdmiteEvidencia(s: Seguimiento) {
  if (!admiteEvidencia(s.estado))
    throw conflicto(
      'El reporte ya fue enviado a planeación: solo admite evidencias nuevas si planeación lo devuelve o si control interno deja observaciones.',
    );
}

export async function evidenciasDe(db: Db, seguimientoIds: string[]) {
  if (!seguimientoIds.length) return [];
  return db
    .select()
    .from(evidencia)
    .where(inArray(evidencia.seguimientoId, seguimientoIds))
    .orderBy(asc(evidencia.creadoEn));
}

/** The people of an entity who hold a role: who gets the notification of a step. */
export async function usuariosConRol(db: Db, entidadId: string, rol: Rol) {
  const filas = await db
    .select({ usuarioId: rolUsuario.usuarioId })
    .from(rolUsuario)
    .where(and(eq(rolUsuario.entidadId, entidadId), eq(rolUsuario.rol, rol)));
  return filas.map((f) => f.usuarioId);
}

const vista = (s: Seguimiento | undefined, evidencias: (typeof evidencia.$inferSelect)[]) =>
  s
    ? {
        id: s.id,
        estado: s.estado,
        // Stored before the bounds, a value may be Infinity: shown as «–» instead of breaking the sheet.
        valor: finitoONulo(s.valor),
        numerador: finitoONulo(s.numerador),
        denominador: finitoONulo(s.denominador),
        descripcion: s.descripcion,
        dificultades: s.dificultades,
        justificacionSobreejecucion: s.justificacionSobreejecucion,
        tardio: s.tardio,
        observacionesPlaneacion: s.observacionesPlaneacion,
        observacionesControl: s.observacionesControl,
        avanceVerificado: finitoONulo(s.avanceVerificado),
        respuestaControl: s.respuestaControl,
        enviadoEn: s.enviadoEn?.toISOString() ?? null,
        evidencias: evidencias.filter((e) => e.seguimientoId === s.id).map(vistaEvidencia),
      }
    : null;

/**
 * The follow-up sheet of a period: every activity of the plan with its figures and its report.
 * Other periods count only once accepted; the period shown counts its own report as typed, so the
 * responsible sees the percentages before sending.
 */
export async function hojaSeguimiento(
  db: Db,
  entidadId: string,
  vigencia: number,
  numero: number,
  usuario: UsuarioSesion | null,
  soloActividad?: string,
) {
  const { v, p } = await vigenciaYPeriodo(db, entidadId, vigencia, numero);
  const actividades = await db
    .select({ a: actividad })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(
      and(
        eq(planAccion.entidadId, entidadId),
        eq(planAccion.vigencia, vigencia),
        ...(soloActividad ? [eq(actividad.id, soloActividad)] : []),
      ),
    )
    .orderBy(asc(actividad.politica), asc(actividad.codigo));
  // Joins rather than lists of ids: a plan of thousands of activities would send thousands of parameters.
  const delPlan = and(
    eq(planAccion.entidadId, entidadId),
    eq(planAccion.vigencia, vigencia),
    ...(soloActividad ? [eq(actividad.id, soloActividad)] : []),
  );
  const reportes = (
    await db
      .select({ s: seguimiento })
      .from(seguimiento)
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(delPlan)
  ).map((x) => x.s);
  // Each activity on its scheme (core/periodos.ts): the plan's period, or its instrument's period whose
  // cut-off falls in it (null: none does), and how many of its periods have passed at the cut-off.
  const periodosDe = await lectorPeriodos(db, entidadId, v);
  type Suyo = { esquema: EsquemaPeriodos; propio: PeriodoLeido | null; contados: number };
  const esquemas = new Map<string, Suyo>(
    actividades.map(({ a }): [string, Suyo] => {
      const esquema = esquemaActividad(a, v.esquemasInstrumento, v.esquema);
      if (esquema === v.esquema) return [a.id, { esquema, propio: p, contados: numero }];
      const n = periodoEnPeriodoPlan(numero, v.esquema, esquema);
      return [
        a.id,
        {
          esquema,
          propio: n === null ? null : periodosDe(esquema)[n - 1]!,
          contados: periodosContados(numero, v.esquema, esquema),
        },
      ];
    }),
  );
  const evidencias = (
    await db
      .select({ e: evidencia })
      .from(evidencia)
      .innerJoin(seguimiento, eq(seguimiento.id, evidencia.seguimientoId))
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(and(delPlan, eq(seguimiento.periodo, numero)))
      .orderBy(asc(evidencia.creadoEn))
  ).map((x) => x.e);
  // The instruments' own reports of this sheet (their period's number differs from the plan's): few.
  const reportesPropios = reportes
    .filter((r) => {
      const e = esquemas.get(r.actividadId);
      return e && e.esquema !== v.esquema && e.propio?.numero === r.periodo;
    })
    .map((r) => r.id);
  if (reportesPropios.length)
    evidencias.push(
      ...(await db
        .select()
        .from(evidencia)
        .where(inArray(evidencia.seguimientoId, reportesPropios))
        .orderBy(asc(evidencia.creadoEn))),
    );
  const politicasPropias = usuario
    ? (
        await db
          .select({ politica: responsablePolitica.politica })
          .from(responsablePolitica)
          .where(
            and(
              eq(responsablePolitica.entidadId, entidadId),
              eq(responsablePolitica.vigencia, vigencia),
              eq(responsablePolitica.usuarioId, usuario.id),
            ),
          )
      ).map((r) => r.politica)
    : [];
  const reporta = !!usuario && rolesPermiten(usuario.roles.get(entidadId) ?? [], 'seguimiento.reportar');
  const ctxVerificacion = await contextoVerificacion(db, entidadId, vigencia);
  // Activities of a policy the entity's FURAG form leaves out vanish from the sheet, as from the plan.
  const aplican = await clavesAplicables(db, entidadId, vigencia);
  const suyas = actividades.filter(({ a }) => aplican.has(a.politica));
  // Grouped once: filtering the whole list for each activity took a second for 2,000 activities, with the
  // server's only thread blocked (bench/carga.ts).
  const reportesDe = new Map<string, typeof reportes>();
  for (const r of reportes) reportesDe.set(r.actividadId, [...(reportesDe.get(r.actividadId) ?? []), r]);
  const evidenciasDe = new Map<string, typeof evidencias>();
  for (const e of evidencias)
    evidenciasDe.set(e.seguimientoId, [...(evidenciasDe.get(e.seguimientoId) ?? []), e]);
  const filas = suyas.map(({ a }) => {
    const suyos = reportesDe.get(a.id) ?? [];
    const { esquema, propio: periodoPropio, contados } = esquemas.get(a.id)!;
    const delPlan = esquema === v.esquema;
    const suyo = periodoPropio?.numero ?? null;
    const logros = a.metasPeriodo.map((_, i) => {
      const r = suyos.find((x) => x.periodo === i + 1);
      if (!r) return null;
      return seguimientoCuenta(r.estado) || i + 1 === suyo ? r.valor : null;
    });
    const propio = suyo === null ? undefined : suyos.find((r) => r.periodo === suyo);
    return {
      actividad: {
        id: a.id,
        codigo: a.codigo,
        nombre: a.nombre,
        politica: a.politica,
        producto: a.producto,
        unidad: a.unidad,
        metaAnual: a.metaAnual,
        acumulacion: a.acumulacion,
        metasPeriodo: a.metasPeriodo,
        dependenciaId: a.dependenciaId,
        responsableId: a.responsableId,
        esquemaPeriodos: esquema,
      },
      // Null on the plan's scheme (the sheet's period is its own); else its period reported on this sheet.
      periodoPropio:
        delPlan || !periodoPropio
          ? null
          : {
              numero: periodoPropio.numero,
              nombre: periodoPropio.nombre,
              corte: periodoPropio.corte,
              abre: periodoPropio.abre,
              cierra: periodoPropio.cierra,
              ventana: periodoPropio.ventana,
            },
      sinCorte: periodoPropio ? null : mensajeSinCorte(esquema),
      cifras: cifrasSeguimiento(a.acumulacion, a.metaAnual, a.metasPeriodo, logros, suyo ?? contados),
      reporte: vista(propio, (propio && evidenciasDe.get(propio.id)) || []),
      // Who reports it; with `sinCorte` there is nothing to report on this sheet.
      puedeReportar: reporta && (aCargoDe(a, usuario!.id) || politicasPropias.includes(a.politica)),
      verificacion: vistaVerificacion(
        evaluarVerificacion(ctxVerificacion, a, propio?.reportadoPor ?? null),
        propio?.estado ?? null,
        usuario,
        entidadId,
      ),
    };
  });
  return { periodo: p, hoy: hoyEnColombia(), azulSobre: v.semaforo.azulSobre, filas };
}

export const mensajeNoReportable = () =>
  new ErrorApi(409, 'No hay un reporte de este periodo: guarde primero el avance.');

export interface RefReporte {
  entidadId: string;
  actividadId: string;
  periodo: number;
}

export type EntradaReporte = EntradaAvance & {
  descripcion: string;
  dificultades?: string | null;
  justificacionSobreejecucion?: string | null;
};

const comoAntes = (s: Seguimiento) => ({
  valor: s.valor,
  numerador: s.numerador,
  denominador: s.denominador,
  descripcion: s.descripcion,
  dificultades: s.dificultades,
  justificacionSobreejecucion: s.justificacionSobreejecucion,
  estado: s.estado,
});

/** What every save checks before touching the report: who, the period open, the plan approved, the figures. */
async function prepararGuardado(
  db: Db,
  u: UsuarioSesion,
  { entidadId, actividadId, periodo }: RefReporte,
  entrada: EntradaReporte,
) {
  const a = await actividadDeEntidad(db, entidadId, actividadId);
  const p = await periodoDeReporte(db, entidadId, a, periodo);
  await exigirReportante(db, u, entidadId, a);
  exigirAbierto(p);
  const [plan] = await db.select().from(planAccion).where(eq(planAccion.id, a.planId));
  if (!aprobadoAlgunaVez(plan!))
    throw conflicto('El plan de acción aún no está aprobado por el comité: no se puede reportar avance.');
  const v = valorReportado(entrada);
  if (!v.ok) throw invalido(v.campo, v.mensaje);
  const datos = {
    valor: v.valor,
    numerador: entrada.numerador ?? null,
    denominador: entrada.denominador ?? null,
    descripcion: entrada.descripcion,
    dificultades: entrada.dificultades || null,
    justificacionSobreejecucion: entrada.justificacionSobreejecucion || null,
  };
  return { a, p, datos, despues: { actividad: a.codigo, periodo: p.numero, ...datos } };
}

type DatosGuardados = Awaited<ReturnType<typeof prepararGuardado>>['datos'];

/** The report locked until commit: «antes» is exactly what a save replaces, and a send waits for it. */
async function bloquearReporte(tx: Db, actividadId: string, periodo: number) {
  const [s] = await tx
    .select()
    .from(seguimiento)
    .where(and(eq(seguimiento.actividadId, actividadId), eq(seguimiento.periodo, periodo)))
    .for('update');
  return s ?? null;
}

/** Writes the figures over an editable report and audits the change. */
async function actualizarReporte(
  tx: Db,
  actor: Actor,
  u: UsuarioSesion,
  entidadId: string,
  antes: Seguimiento,
  datos: DatosGuardados,
  despues: object,
) {
  exigirEditable(antes);
  await tx
    .update(seguimiento)
    .set({ ...datos, reportadoPor: u.id, actualizadoEn: new Date() })
    .where(eq(seguimiento.id, antes.id));
  await registrarAuditoria(tx, actor, {
    entidadId,
    accion: 'actualizar',
    recurso: 'seguimiento',
    recursoId: antes.id,
    antes: comoAntes(antes),
    despues,
  });
}

/** The responsible saves the period's progress: the first save creates the report, later ones change it. */
export async function guardarReporte(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  ref: RefReporte,
  entrada: EntradaReporte,
) {
  const { entidadId, actividadId, periodo } = ref;
  const { a, p, datos, despues } = await prepararGuardado(db, u, ref, entrada);
  await db.transaction(async (tx) => {
    await exigirPeriodoAbierto(tx, entidadId, a.vigencia, periodo);
    // Insert first: of two first saves at once, one creates and the other finds the row and changes it.
    const [creado] = await tx
      .insert(seguimiento)
      .values({ ...datos, entidadId, actividadId, periodo: p.numero, reportadoPor: u.id })
      .onConflictDoNothing({ target: [seguimiento.actividadId, seguimiento.periodo] })
      .returning();
    if (creado) {
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'crear',
        recurso: 'seguimiento',
        recursoId: creado.id,
        antes: null,
        despues,
      });
      return;
    }
    const antes = await bloquearReporte(tx, actividadId, p.numero);
    await actualizarReporte(tx, actor, u, entidadId, antes!, datos, despues);
  });
  const hoja = await hojaSeguimiento(db, entidadId, a.vigencia, periodo, u, actividadId);
  return hoja.filas[0]!;
}

const mismasCifras = (s: Seguimiento, d: DatosGuardados) =>
  s.valor === d.valor &&
  s.numerador === d.numerador &&
  s.denominador === d.denominador &&
  s.descripcion === d.descripcion &&
  s.dificultades === d.dificultades &&
  s.justificacionSobreejecucion === d.justificacionSobreejecucion;

/**
 * «Enviar a planeación» with the figures on the screen: saved and sent in one transaction, so what
 * planeación receives is what the responsible saw, and nothing typed is dropped. The report is locked
 * first: of two at once (a double click) one sends, the other finds it sent and gets a 409, writing nothing.
 * Figures equal to the saved ones leave no «actualizar» entry, only the send.
 */
export async function guardarYEnviar(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  ref: RefReporte,
  entrada: EntradaReporte,
  servicioCorreo: Correo | null = null,
) {
  const { entidadId, actividadId, periodo } = ref;
  const { a, p, datos, despues } = await prepararGuardado(db, u, ref, entrada);
  await db.transaction(async (tx) => {
    await exigirPeriodoAbierto(tx, entidadId, a.vigencia, periodo);
    const antes = await bloquearReporte(tx, actividadId, p.numero);
    // Evidence hangs from a saved report, and nothing is sent without evidence.
    if (!antes) throw mensajeNoReportable();
    if (!mismasCifras(antes, datos)) await actualizarReporte(tx, actor, u, entidadId, antes, datos, despues);
    else exigirEditable(antes);
    await pasoEnTransaccion(tx, actor, u, 'enviar', a, p, ref, {}, servicioCorreo);
  });
  const hoja = await hojaSeguimiento(db, entidadId, a.vigencia, periodo, u, actividadId);
  return hoja.filas[0]!;
}

const enlaceReporte = (vigencia: number, periodo: number, actividadId: string) =>
  `/seguimiento?vigencia=${vigencia}&periodo=${periodo}&actividad=${actividadId}`;

/**
 * One step of the review chain (core's TRANSICIONES_SEGUIMIENTO). The state is checked by the update
 * itself (`where estado = <read>`): of two people acting at once only one matches, the other gets a 409
 * and writes nothing, neither audit entry nor notification.
 */
export async function cambiarEstadoReporte(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  accion: AccionSeguimiento,
  ref: RefReporte,
  extra: DatosPaso = {},
  servicioCorreo: Correo | null = null,
) {
  const vigencia = await darPaso(db, actor, u, accion, ref, extra, servicioCorreo);
  const hoja = await hojaSeguimiento(db, ref.entidadId, vigencia, ref.periodo, u, ref.actividadId);
  return hoja.filas[0]!;
}

/** What a step may carry: observations (or the answer to them), and control interno's own percentage. */
export interface DatosPaso {
  observaciones?: string;
  avanceVerificado?: number | null;
}

export interface ResultadoLote {
  actividadId: string;
  ok: boolean;
  /** Why this one was not applied (it changed meanwhile, it is not waiting for this step…). */
  mensaje: string | null;
}

/**
 * The same step on many reports of a period (planeación accepting, control interno verifying): each one is
 * its own atomic step, so one that changed meanwhile is reported and the others still go through.
 */
export async function darPasoEnLote(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  accion: AccionSeguimiento,
  entidadId: string,
  periodo: number,
  actividades: readonly string[],
  servicioCorreo: Correo | null = null,
): Promise<ResultadoLote[]> {
  const resultados: ResultadoLote[] = [];
  for (const actividadId of new Set(actividades)) {
    try {
      await darPaso(db, actor, u, accion, { entidadId, actividadId, periodo }, {}, servicioCorreo);
      resultados.push({ actividadId, ok: true, mensaje: null });
    } catch (e) {
      if (!(e instanceof ErrorApi) || e.status >= 500) throw e;
      resultados.push({ actividadId, ok: false, mensaje: e.message });
    }
  }
  return resultados;
}

/** One step, in its transaction; returns the activity's vigencia. */
async function darPaso(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  accion: AccionSeguimiento,
  { entidadId, actividadId, periodo }: RefReporte,
  extra: DatosPaso,
  servicioCorreo: Correo | null,
): Promise<number> {
  const a = await actividadDeEntidad(db, entidadId, actividadId);
  const p = await periodoDeReporte(db, entidadId, a, periodo);
  if (accion === 'enviar' || accion === 'responder') await exigirReportante(db, u, entidadId, a);
  exigirAbierto(p);
  await db.transaction(async (tx) => {
    await exigirPeriodoAbierto(tx, entidadId, a.vigencia, periodo);
    await pasoEnTransaccion(
      tx,
      actor,
      u,
      accion,
      a,
      p,
      { entidadId, actividadId, periodo },
      extra,
      servicioCorreo,
    );
  });
  return a.vigencia;
}

/** The step itself, inside a transaction that already holds the period open. */
async function pasoEnTransaccion(
  tx: Db,
  actor: Actor,
  u: UsuarioSesion,
  accion: AccionSeguimiento,
  a: Actividad & { vigencia: number },
  p: PeriodoDeActividad,
  { entidadId, actividadId, periodo }: RefReporte,
  { observaciones, avanceVerificado }: DatosPaso,
  servicioCorreo: Correo | null,
) {
  const s = await seguimientoDe(tx, actividadId, p.numero);
  if (!s) throw mensajeNoReportable();
  const desde = s.estado;
  // Who verifies this report (control interno, or planeación for control interno's own work) and whether
  // control interno chose it: read once, for the check and for whom to tell.
  const verificacion = evaluarVerificacion(
    await contextoVerificacion(tx, entidadId, a.vigencia),
    a,
    s.reportadoPor,
  );
  if (accion === 'verificar' || accion === 'observar') exigirVerificador(u, entidadId, verificacion);
  const t = transicionSeguimiento(desde, accion);
  if (!t.ok) throw conflicto(t.mensaje);
  const cambios: Partial<typeof seguimiento.$inferInsert> = { estado: t.hacia, actualizadoEn: new Date() };
  if (accion === 'enviar')
    Object.assign(cambios, {
      enviadoEn: new Date(),
      tardio: esReporteTardio(p, hoyEnColombia()),
      reportadoPor: u.id,
    });
  if (accion === 'aceptar') Object.assign(cambios, { revisadoPor: u.id, observacionesPlaneacion: null });
  if (accion === 'devolver')
    Object.assign(cambios, { revisadoPor: u.id, observacionesPlaneacion: observaciones });
  if (accion === 'verificar') Object.assign(cambios, { verificadoPor: u.id, observacionesControl: null });
  if (accion === 'observar')
    Object.assign(cambios, { verificadoPor: u.id, observacionesControl: observaciones });
  // Kept as it was when the step brings none: verifying after an answer need not retype the percentage.
  if ((accion === 'verificar' || accion === 'observar') && avanceVerificado !== undefined)
    cambios.avanceVerificado = avanceVerificado;
  if (accion === 'responder') Object.assign(cambios, { respuestaControl: observaciones });
  const [hecho] = await tx
    .update(seguimiento)
    .set(cambios)
    .where(and(eq(seguimiento.id, s.id), eq(seguimiento.estado, desde)))
    .returning({ id: seguimiento.id });
  if (!hecho) {
    const ahora = await seguimientoDe(tx, actividadId, p.numero);
    throw conflicto(mensajeReporteCambiado(ahora?.estado ?? desde));
  }
  // Checked once the row is this transaction's: what has no evidence is not done.
  if (accion === 'enviar' && !(await evidenciasDe(tx, [s.id])).length)
    throw new ErrorApi(409, 'Adjunte al menos una evidencia (archivo o enlace) antes de enviar.', [
      { campo: 'evidencias', mensaje: 'el reporte no tiene evidencias' },
    ]);
  if (accion === 'enviar') await exigirJustificacionSobreejecucion(tx, a, s);
  await registrarAuditoria(tx, actor, {
    entidadId,
    accion,
    recurso: 'seguimiento',
    recursoId: s.id,
    antes: { estado: desde },
    despues: {
      estado: t.hacia,
      actividad: a.codigo,
      periodo: p.numero,
      observaciones: observaciones ?? null,
      ...(avanceVerificado !== undefined ? { avanceVerificado } : {}),
      ...(verificacion.linea === 'planeacion' && (accion === 'verificar' || accion === 'observar')
        ? { verificaPlaneacion: verificacion.motivo }
        : {}),
    },
  });
  const texto = `${a.codigo} · ${p.nombre}: ${NOMBRE_ESTADO_SEGUIMIENTO[t.hacia].toLowerCase()}${
    observaciones ? ` — «${observaciones.slice(0, 140)}»` : ''
  }`;
  // The verifier's line hears of an accepted report only if it was chosen, and of every answer.
  const verificadores = () => usuariosConRol(tx, entidadId, verificacion.linea);
  const destinos =
    accion === 'enviar'
      ? await usuariosConRol(tx, entidadId, 'planeacion')
      : accion === 'aceptar' && verificacion.seleccionada
        ? await verificadores()
        : accion === 'responder'
          ? await verificadores()
          : accion === 'observar'
            ? [
                s.reportadoPor,
                a.responsableId,
                ...a.corresponsables,
                ...(await usuariosConRol(tx, entidadId, 'planeacion')),
              ]
            : [s.reportadoPor, a.responsableId, ...a.corresponsables];
  const personas = [...new Set(destinos.filter((d): d is string => !!d && d !== u.id))];
  const enlace = enlaceReporte(a.vigencia, periodo, actividadId);
  await notificar(tx, personas, entidadId, texto, enlace);
  // The same notice by e-mail, in this transaction: a step that fails (409) sends nothing.
  await encolarAviso(
    tx,
    servicioCorreo,
    personas,
    `MIPG: reporte ${a.codigo} ${NOMBRE_ESTADO_SEGUIMIENTO[t.hacia].toLowerCase()}`,
    `El reporte de la actividad ${a.codigo} «${a.nombre}» (${p.nombre}) quedó ${NOMBRE_ESTADO_SEGUIMIENTO[t.hacia].toLowerCase()}${
      observaciones ? `.\n\nObservaciones: ${observaciones}` : '.'
    }`,
    enlace,
  );
}
