import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { ActividadEntrada } from '../../contrato/plan.ts';
import { problemaMetas } from '../../core/acumulacion.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { clasificarCambio } from '../../core/cambios-plan.ts';
import { planAdmitePolitica } from '../../core/catalogo.ts';
import { NOMBRE_ORGANO, ORGANO_CON_ARTICULO } from '../../core/entidad.ts';
import { limitePublicacion, publicacionVencida } from '../../core/flujo-plan.ts';
import { cantidadPeriodos, esquemaActividad } from '../../core/periodos.ts';
import { revisarPesos } from '../../core/ponderacion.ts';
import type { ActividadVersion } from '../../core/versiones.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  dependencia,
  entidad,
  indicador,
  indiceFurag,
  objetivoEstrategico,
  planAccion,
  planDecreto612,
  rolUsuario,
  seguimiento,
  usuario,
  versionPlan,
} from '../../db/schema.ts';
import { conflicto, ErrorApi, invalidos, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeEntidad, problemaPoliticaDeEntidad } from '../catalogo/catalogo.repository.ts';
import { direccionPublica } from '../publico/publico.service.ts';
import {
  bloquearPeriodos,
  instrumentoDeActividad,
  instrumentosDe,
  lectorPeriodos,
  leerVigencia,
  sostenerEsquemas,
} from '../vigencias/vigencia.service.ts';
import { planPropioPorCodigo, sostenerPlanesPropios } from './planes-propios.service.ts';

export type EntradaActividad = ActividadEntrada;

/**
 * The entity's plan of the vigencia. `bloqueo` locks its row until the transaction ends: `share` while an
 * activity changes (a send waits for it, then sees the change), `update` to change the plan itself.
 */
export async function planDe(db: Db, entidadId: string, vigencia: number, bloqueo?: 'share' | 'update') {
  const consulta = db
    .select()
    .from(planAccion)
    .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)))
    .orderBy(asc(planAccion.version));
  const [plan] = bloqueo ? await consulta.for(bloqueo) : await consulta;
  return plan ?? null;
}

/**
 * Inside the edit's transaction: the plan, created as borrador with its first activity, held (for share)
 * until the edit commits, so that it cannot be sent or approved under the edit. Only a borrador is edited.
 */
export async function planEditable(tx: Db, entidadId: string, vigencia: number) {
  let plan = await planDe(tx, entidadId, vigencia, 'share');
  if (!plan) {
    // Of two first activities at once, one creates the plan and the other finds it.
    await tx.insert(planAccion).values({ entidadId, vigencia }).onConflictDoNothing();
    plan = (await planDe(tx, entidadId, vigencia, 'share'))!;
  }
  if (plan.estado !== 'borrador')
    throw conflicto(`El plan de ${vigencia} está ${plan.estado}: los cambios requieren una nueva versión.`);
  return plan;
}

/** Every cross-reference of an activity, checked against the catalog of its vigencia and its entity. */
export async function validarActividad(db: Db, entidadId: string, vigencia: number, a: EntradaActividad) {
  const errores: { campo: string; mensaje: string }[] = [];
  const problemaPolitica = await problemaPoliticaDeEntidad(db, entidadId, vigencia, a.politica);
  if (problemaPolitica) errores.push({ campo: 'politica', mensaje: problemaPolitica });
  if (a.indiceFurag) {
    const [i] = await db
      .select()
      .from(indiceFurag)
      .where(and(eq(indiceFurag.vigencia, vigencia), eq(indiceFurag.codigo, a.indiceFurag)));
    if (!i || i.politica !== a.politica)
      errores.push({
        campo: 'indiceFurag',
        mensaje: `el índice ${a.indiceFurag} no pertenece a la política elegida`,
      });
  }
  if (a.plan612) {
    const [p] = await db
      .select()
      .from(planDecreto612)
      .where(and(eq(planDecreto612.vigencia, vigencia), eq(planDecreto612.clave, a.plan612)));
    if (!p)
      errores.push({ campo: 'plan612', mensaje: `no es uno de los planes del Decreto 612 de ${vigencia}` });
    else if (!planAdmitePolitica(p, a.politica))
      errores.push({
        campo: 'plan612',
        mensaje: `«${p.nombre}» no corresponde a la política elegida`,
      });
  }
  if (a.planPropio) {
    const propio = await planPropioPorCodigo(db, entidadId, a.planPropio);
    if (!propio)
      errores.push({ campo: 'planPropio', mensaje: 'elija uno de los planes propios de la entidad' });
    else if (!planAdmitePolitica(propio, a.politica))
      errores.push({
        campo: 'planPropio',
        mensaje: `«${propio.nombre}» no corresponde a la política elegida`,
      });
  }
  errores.push(...(await problemasDeAsignacion(db, entidadId, a)));
  if (a.objetivo) {
    const objetivos = await codigosObjetivos(db, entidadId);
    if (objetivos.length && !objetivos.includes(a.objetivo))
      errores.push({ campo: 'objetivo', mensaje: 'elija uno de los objetivos estratégicos de la entidad' });
  }
  if (a.indicadorId) {
    const [i] = await db
      .select({ id: indicador.id })
      .from(indicador)
      .where(
        and(
          eq(indicador.id, a.indicadorId),
          eq(indicador.entidadId, entidadId),
          eq(indicador.vigencia, vigencia),
        ),
      );
    if (!i)
      errores.push({
        campo: 'indicadorId',
        mensaje: `el indicador no existe en esta entidad para ${vigencia}`,
      });
  }
  const anio = String(vigencia);
  if (!a.fechaInicio.startsWith(anio))
    errores.push({ campo: 'fechaInicio', mensaje: `debe estar dentro de la vigencia ${vigencia}` });
  if (!a.fechaFin.startsWith(anio))
    errores.push({ campo: 'fechaFin', mensaje: `debe estar dentro de la vigencia ${vigencia}` });
  else if (a.fechaFin < a.fechaInicio)
    errores.push({ campo: 'fechaFin', mensaje: 'no puede ser anterior a la fecha de inicio' });
  const v = await leerVigencia(db, entidadId, vigencia);
  // An activity of an instrument with its own scheme (the PTEP by cuatrimestres) has one goal per period of it.
  const esquema = esquemaActividad(a, v.esquemasInstrumento, v.esquema);
  const instrumento = instrumentoDeActividad(a, v.esquemasInstrumento);
  const metas = problemaMetas(
    a.acumulacion,
    a.metaAnual,
    a.metasPeriodo,
    cantidadPeriodos(esquema),
    instrumento && esquema !== v.esquema
      ? { nombre: (await instrumentosDe(db, entidadId, vigencia)).get(instrumento) ?? instrumento, esquema }
      : undefined,
  );
  if (metas) errores.push({ campo: 'metasPeriodo', mensaje: metas });
  if (errores.length) throw invalidos(errores);
}

/** The dependencia and the responsible of a record must belong to its entity (activities, indicators). */
export async function problemasDeAsignacion(
  db: Db,
  entidadId: string,
  a: { dependenciaId?: string | null; responsableId?: string | null; corresponsables?: string[] },
) {
  const errores: { campo: string; mensaje: string }[] = [];
  if (a.dependenciaId) {
    const [d] = await db
      .select()
      .from(dependencia)
      .where(and(eq(dependencia.id, a.dependenciaId), eq(dependencia.entidadId, entidadId)));
    if (!d) errores.push({ campo: 'dependenciaId', mensaje: 'la dependencia no existe en esta entidad' });
  }
  if (a.responsableId) {
    const [r] = await db
      .select()
      .from(rolUsuario)
      .where(and(eq(rolUsuario.usuarioId, a.responsableId), eq(rolUsuario.entidadId, entidadId)))
      .limit(1);
    if (!r) errores.push({ campo: 'responsableId', mensaje: 'la persona no tiene un rol en esta entidad' });
  }
  if (a.corresponsables?.length) {
    const conRol = new Set(
      (
        await db
          .select({ id: rolUsuario.usuarioId })
          .from(rolUsuario)
          .where(and(inArray(rolUsuario.usuarioId, a.corresponsables), eq(rolUsuario.entidadId, entidadId)))
      ).map((x) => x.id),
    );
    if (a.corresponsables.some((id) => !conRol.has(id)))
      errores.push({
        campo: 'corresponsables',
        mensaje: 'alguna de las personas no tiene un rol en esta entidad',
      });
  }
  return errores;
}

/** A friendlier answer than the unique index's: names the code that is already taken. */
export async function exigirCodigoLibre(db: Db, planId: string, codigo: string, excepto?: string) {
  const [otra] = await db
    .select({ id: actividad.id })
    .from(actividad)
    .where(and(eq(actividad.planId, planId), eq(actividad.codigo, codigo)));
  if (otra && otra.id !== excepto)
    throw new ErrorApi(409, `Ya hay una actividad con el código ${codigo} en este plan.`, [
      { campo: 'codigo', mensaje: `el código ${codigo} ya está en uso en este plan` },
    ]);
}

export async function actividadesDe(db: Db, planId: string) {
  return db.select().from(actividad).where(eq(actividad.planId, planId)).orderBy(asc(actividad.codigo));
}

type ConActo = Pick<
  typeof planAccion.$inferSelect,
  'tipoActo' | 'numeroActo' | 'fechaActo' | 'actoNombre' | 'actoBytes'
>;

/** The act that adopted a version, as the API shows it (null until its kind, number and date are known). */
export const vistaActo = (p: ConActo) =>
  p.tipoActo && p.numeroActo && p.fechaActo
    ? {
        tipo: p.tipoActo,
        numero: p.numeroActo,
        fecha: p.fechaActo,
        archivo: p.actoNombre ? { nombre: p.actoNombre, bytes: p.actoBytes ?? 0 } : null,
      }
    : null;

/** The activities of a plan as a version keeps them (without internal columns). */
export const comoVersion = (filas: (typeof actividad.$inferSelect)[]) =>
  filas.map(({ creadoEn: _c, planId: _p, ...a }) => a);

/** The last version approved before the one in course, as approved (null for a first version). */
export async function ultimaAprobada(db: Db, planId: string, antesDe: number) {
  const [v] = await db
    .select()
    .from(versionPlan)
    .where(and(eq(versionPlan.planId, planId), lt(versionPlan.version, antesDe)))
    .orderBy(desc(versionPlan.version))
    .limit(1);
  return v ?? null;
}

/**
 * The plan as the entity sees it: only the activities of the policies that apply to it (by its FURAG
 * form), and the weights checked over those. Activities of a policy that stopped applying are kept, not
 * shown, and come back if the entity's form changes back.
 */
export async function resumenPlan(db: Db, entidadId: string, vigencia: number) {
  const plan = await planDe(db, entidadId, vigencia);
  const { aplicables } = await politicasDeEntidad(db, entidadId, vigencia);
  const aplica = new Set(aplicables.map((p) => p.clave));
  const actividades = plan ? (await actividadesDe(db, plan.id)).filter((a) => aplica.has(a.politica)) : [];
  const v = await leerVigencia(db, entidadId, vigencia);
  const { modoPonderacion } = v;
  // Each group of weights by its name: a policy, a dependencia, or the whole plan (by the entity's mode).
  const nombres = new Map<string, string>([
    ['plan', 'todo el plan'],
    ['', 'las actividades sin dependencia'],
    ...aplicables.map((p) => [p.clave, p.nombre] as [string, string]),
    ...(modoPonderacion === 'dependencia'
      ? (
          await db
            .select({ id: dependencia.id, nombre: dependencia.nombre })
            .from(dependencia)
            .where(eq(dependencia.entidadId, entidadId))
        ).map((d) => [d.id, d.nombre] as [string, string])
      : []),
  ]);
  const [e] = await db
    .select({ organo: entidad.organoAprobacion })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  const organo = e?.organo ?? 'cigd';
  // A new version in course says whether planeación may approve it alone (core/cambios-plan.ts).
  const previa =
    plan && plan.version > 1 && (plan.estado === 'borrador' || plan.estado === 'enviado')
      ? await ultimaAprobada(db, plan.id, plan.version)
      : null;
  return {
    modoPonderacion,
    plan: plan
      ? {
          id: plan.id,
          estado: plan.estado,
          version: plan.version,
          fechaSesionComite: plan.fechaSesionComite,
          actaComite: plan.actaComite,
          observaciones: plan.observaciones,
          acto: vistaActo(plan),
          fechaPublicacion: plan.fechaPublicacion,
          urlPublicacion: plan.urlPublicacion,
        }
      : null,
    organo: { clave: organo, nombre: NOMBRE_ORGANO[organo], conArticulo: ORGANO_CON_ARTICULO[organo] },
    publicacion: {
      limite: limitePublicacion(vigencia),
      vencida: publicacionVencida(plan, vigencia, hoyEnColombia()),
      direccion: await direccionPublica(db, entidadId),
    },
    cambio: previa
      ? clasificarCambio(previa.actividades as ActividadVersion[], comoVersion(actividades))
      : null,
    actividades: (await conNombres(db, entidadId, comoVersion(actividades))).map((a) => ({
      ...a,
      esquemaPeriodos: esquemaActividad(a, v.esquemasInstrumento, v.esquema),
    })),
    ponderaciones: revisarPesos(actividades, (c) => nombres.get(c) ?? c, modoPonderacion),
  };
}

/** The activities with the names of their dependencia and responsable (the ids stay for clients that join). */
async function conNombres<A extends { dependenciaId: string | null; responsableId: string | null }>(
  db: Db,
  entidadId: string,
  actividades: A[],
) {
  const personas = [...new Set(actividades.flatMap((a) => (a.responsableId ? [a.responsableId] : [])))];
  const [dependencias, responsables] = await Promise.all([
    db
      .select({ id: dependencia.id, nombre: dependencia.nombre })
      .from(dependencia)
      .where(eq(dependencia.entidadId, entidadId)),
    personas.length
      ? db
          .select({ id: usuario.id, nombre: usuario.nombre })
          .from(usuario)
          .where(inArray(usuario.id, personas))
      : [],
  ]);
  const nombre = new Map([...dependencias, ...responsables].map((x) => [x.id, x.nombre]));
  return actividades.map((a) => ({
    ...a,
    dependenciaNombre: a.dependenciaId ? (nombre.get(a.dependenciaId) ?? null) : null,
    responsableNombre: a.responsableId ? (nombre.get(a.responsableId) ?? null) : null,
  }));
}

/** Codes of the entity's objectives; an empty list leaves the field as free text. */
export async function codigosObjetivos(db: Db, entidadId: string) {
  const filas = await db
    .select({ codigo: objetivoEstrategico.codigo })
    .from(objetivoEstrategico)
    .where(eq(objetivoEstrategico.entidadId, entidadId));
  return filas.map((f) => f.codigo);
}

const sinInternos = ({ creadoEn: _c, planId: _p, ...a }: typeof actividad.$inferSelect) => a;

/** Adds an activity to the plan in borrador (creating the plan with its first activity). */
export async function crearActividad(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  entrada: EntradaActividad,
) {
  await validarActividad(db, entidadId, vigencia, entrada);
  return db.transaction((tx) => insertarActividad(tx, actor, entidadId, vigencia, entrada));
}

/** The autodiagnóstico gap an improvement action answers (modules/cuestionarios/acciones-mejora.service.ts). */
export interface BrechaOrigen {
  autodiagnosticoId: string;
  item: string;
}

/**
 * Inside a transaction: the activity enters the plan in borrador, audited. `propuestaPor`: the author of
 * the 1.ª línea's proposal it comes from; `recomendacionId`: the recommendation of Función Pública it answers;
 * `brecha`: the autodiagnóstico gap it answers.
 */
export async function insertarActividad(
  tx: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  entrada: EntradaActividad,
  {
    propuestaPor = null,
    recomendacionId = null,
    brecha = null,
  }: { propuestaPor?: string | null; recomendacionId?: string | null; brecha?: BrechaOrigen | null } = {},
) {
  const plan = await planEditable(tx, entidadId, vigencia);
  await exigirCodigoLibre(tx, plan.id, entrada.codigo);
  await sostenerPlanesPropios(tx, entidadId, [entrada]);
  await sostenerEsquemas(tx, entidadId, vigencia, [entrada]);
  const [a] = await tx
    .insert(actividad)
    .values({
      ...entrada,
      planId: plan.id,
      propuestaPor,
      recomendacionId,
      autodiagnosticoId: brecha?.autodiagnosticoId ?? null,
      autodiagnosticoItem: brecha?.item ?? null,
    })
    .returning();
  await registrarAuditoria(tx, actor, {
    entidadId,
    accion: 'crear',
    recurso: 'actividad',
    recursoId: a!.id,
    despues: sinInternos(a!),
  });
  return sinInternos(a!);
}

/** Changes an activity of the plan in borrador; a closed period's goal stays frozen. */
export async function actualizarActividad(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  actividadId: string,
  entrada: EntradaActividad,
) {
  await validarActividad(db, entidadId, vigencia, entrada);
  return db.transaction(async (tx) => {
    const plan = await planEditable(tx, entidadId, vigencia);
    const [antes] = await tx
      .select()
      .from(actividad)
      .where(and(eq(actividad.id, actividadId), eq(actividad.planId, plan.id)));
    if (!antes) throw noEncontrado('la actividad en el plan de esta vigencia');
    await exigirCodigoLibre(tx, plan.id, entrada.codigo, actividadId);
    await sostenerPlanesPropios(tx, entidadId, [entrada]);
    await sostenerEsquemas(tx, entidadId, vigencia, [entrada]);
    // A closed period's figures are frozen: a new version cannot move its goal after the fact. The
    // periods are held until commit, so none closes between this check and the change.
    await bloquearPeriodos(tx, entidadId, vigencia);
    const v = await leerVigencia(tx, entidadId, vigencia);
    const esquema = esquemaActividad(entrada, v.esquemasInstrumento, v.esquema);
    if (esquema !== esquemaActividad(antes, v.esquemasInstrumento, v.esquema)) {
      // Its goals and reports are counted by the periods of its scheme: they would lose their meaning.
      const [conReporte] = await tx
        .select({ id: seguimiento.id })
        .from(seguimiento)
        .where(eq(seguimiento.actividadId, actividadId))
        .limit(1);
      if (conReporte || v.periodos.some((p) => p.cerrado))
        throw new ErrorApi(
          409,
          'La actividad ya tiene reportes o periodos cerrados: no puede pasar a un instrumento con otro esquema de periodos.',
          [{ campo: 'plan612', mensaje: 'el instrumento cambiaría el esquema de periodos de la actividad' }],
        );
    }
    const periodos = (await lectorPeriodos(tx, entidadId, v))(esquema);
    const movida = periodos.find(
      (p) => p.cerrado && antes.metasPeriodo[p.numero - 1] !== entrada.metasPeriodo[p.numero - 1],
    );
    if (movida)
      throw new ErrorApi(409, `El periodo «${movida.nombre}» está cerrado: su meta no puede cambiar.`, [
        { campo: 'metasPeriodo', mensaje: `la meta de «${movida.nombre}» está congelada por el cierre` },
      ]);
    const [a] = await tx.update(actividad).set(entrada).where(eq(actividad.id, actividadId)).returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'actualizar',
      recurso: 'actividad',
      recursoId: actividadId,
      antes: sinInternos(antes),
      despues: sinInternos(a!),
    });
    return sinInternos(a!);
  });
}

/** Removes an activity from the plan in borrador, unless it already has follow-up reports. */
export async function quitarActividad(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  actividadId: string,
) {
  await db.transaction(async (tx) => {
    // Held (for share) until commit: the plan cannot be sent while an activity leaves it.
    const plan = await planDe(tx, entidadId, vigencia, 'share');
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    // First of all: another entity's activity is 404 here, never a hint about its reports or its plan.
    const [enPlan] = await tx
      .select({ id: actividad.id })
      .from(actividad)
      .where(and(eq(actividad.id, actividadId), eq(actividad.planId, plan.id)));
    if (!enPlan) throw noEncontrado('la actividad en el plan de esta vigencia');
    if (plan.estado !== 'borrador')
      throw conflicto(`El plan de ${vigencia} está ${plan.estado}: no se pueden quitar actividades.`);
    const [conReporte] = await tx
      .select({ id: seguimiento.id })
      .from(seguimiento)
      .where(eq(seguimiento.actividadId, actividadId))
      .limit(1);
    if (conReporte)
      throw conflicto(
        'La actividad ya tiene reportes de seguimiento: no se puede quitar. Deje su meta de los periodos restantes en cero si ya no se ejecutará.',
      );
    const [antes] = await tx
      .delete(actividad)
      .where(and(eq(actividad.id, actividadId), eq(actividad.planId, plan.id)))
      .returning();
    if (!antes) throw noEncontrado('la actividad en el plan de esta vigencia');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'eliminar',
      recurso: 'actividad',
      recursoId: actividadId,
      antes: sinInternos(antes),
    });
  });
}
