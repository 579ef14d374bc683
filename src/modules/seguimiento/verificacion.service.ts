// Control interno's selection of what it verifies in a vigencia, and who verifies each report
// (core/verificacion.ts holds the rules; this reads what they need and records the choices).
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { CriterioEntrada } from '../../contrato/seguimiento.ts';
import { rolesPermiten } from '../../core/roles.ts';
import type { EstadoSeguimiento } from '../../core/seguimiento.ts';
import {
  type ActividadVerificable,
  actividadSeleccionada,
  type CriterioVerificacion,
  claveCriterio,
  estadoVerificacion,
  type LineaVerificadora,
  MAXIMO_CRITERIOS_VERIFICACION,
  muestraReproducible,
  situacionVerificacion,
} from '../../core/verificacion.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  criterioVerificacion,
  dependencia,
  planAccion,
  politica as politicaCatalogo,
  rolUsuario,
  usuario,
} from '../../db/schema.ts';
import { sostenerTope } from '../../db/tope.ts';
import { conflicto, invalido, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

type Criterio = typeof criterioVerificacion.$inferSelect;

export interface ActividadConAutores extends ActividadVerificable {
  responsableId: string | null;
  corresponsables: readonly string[];
}

/** Everything needed to tell, for any report of the vigencia, whether it was chosen and who verifies it. */
export interface ContextoVerificacion {
  criterios: Criterio[];
  /** The plan's activities, read only when a sample is among the criteria (empty otherwise). */
  actividadIds: string[];
  enMuestra: Set<string>;
  deControlInterno: Set<string>;
}

export async function contextoVerificacion(
  db: Db,
  entidadId: string,
  vigencia: number,
): Promise<ContextoVerificacion> {
  const criterios = await db
    .select()
    .from(criterioVerificacion)
    .where(and(eq(criterioVerificacion.entidadId, entidadId), eq(criterioVerificacion.vigencia, vigencia)))
    .orderBy(asc(criterioVerificacion.creadoEn));
  const muestra = criterios.find((c) => c.tipo === 'muestra');
  // The plan's ids only when a sample needs them: every dashboard build passes here, and reading 2.000
  // rows doubled its time in the embedded database (bench/plan.ts).
  const actividadIds = muestra
    ? (
        await db
          .select({ id: actividad.id })
          .from(actividad)
          .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
          .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)))
      ).map((x) => x.id)
    : [];
  const enMuestra = muestra
    ? muestraReproducible(actividadIds, muestra.porcentaje ?? 0, muestra.semilla ?? '')
    : new Set<string>();
  const deControlInterno = new Set(
    (
      await db
        .select({ id: rolUsuario.usuarioId })
        .from(rolUsuario)
        .where(and(eq(rolUsuario.entidadId, entidadId), eq(rolUsuario.rol, 'control_interno')))
    ).map((x) => x.id),
  );
  return { criterios, actividadIds, enMuestra, deControlInterno };
}

export interface EstadoVerificacion {
  seleccionada: boolean;
  linea: LineaVerificadora;
  motivo: string | null;
}

/** Chosen or not, and who verifies: the person who reported and those in charge of the activity count. */
export function evaluarVerificacion(
  ctx: ContextoVerificacion,
  a: ActividadConAutores,
  reportadoPor: string | null,
): EstadoVerificacion {
  const autores = [reportadoPor, a.responsableId, ...a.corresponsables].filter((x): x is string => !!x);
  return estadoVerificacion(
    ctx.criterios,
    a,
    ctx.enMuestra,
    autores.some((id) => ctx.deControlInterno.has(id)),
  );
}

/** The permission of the line that verifies: control interno's, or planeación's review. */
const permisoDeLinea = (linea: LineaVerificadora) =>
  linea === 'control_interno' ? 'seguimiento.verificar' : 'seguimiento.revisar';

export function puedeVerificar(u: UsuarioSesion | null, entidadId: string, linea: LineaVerificadora) {
  if (!u) return false;
  return rolesPermiten(u.roles.get(entidadId) ?? [], permisoDeLinea(linea));
}

/** Refuses, in Spanish and saying why, a verification by the line that does not verify this report. */
export function exigirVerificador(u: UsuarioSesion, entidadId: string, v: EstadoVerificacion) {
  if (puedeVerificar(u, entidadId, v.linea)) return;
  throw prohibido(
    v.linea === 'planeacion'
      ? `${v.motivo} Control interno no puede verificarlo ni dejarle observaciones.`
      : 'Solo control interno verifica este reporte o le deja observaciones.',
  );
}

/** The view of the sheet: chosen, who verifies, why, where it stands and whether this person may act. */
export function vistaVerificacion(
  v: EstadoVerificacion,
  estado: EstadoSeguimiento | null,
  u: UsuarioSesion | null,
  entidadId: string,
) {
  return {
    ...v,
    situacion: estado ? situacionVerificacion(estado, v.seleccionada) : ('sin_aceptar' as const),
    puedeVerificar: puedeVerificar(u, entidadId, v.linea),
  };
}

// ---------- The selection, read and changed by control interno ----------

async function nombres(db: Db, criterios: Criterio[]) {
  const depIds = criterios.map((c) => c.dependenciaId).filter((x): x is string => !!x);
  const actIds = criterios.map((c) => c.actividadId).filter((x): x is string => !!x);
  const deps = depIds.length
    ? await db
        .select({ id: dependencia.id, nombre: dependencia.nombre })
        .from(dependencia)
        .where(inArray(dependencia.id, depIds))
    : [];
  const acts = actIds.length
    ? await db
        .select({ id: actividad.id, codigo: actividad.codigo, nombre: actividad.nombre })
        .from(actividad)
        .where(inArray(actividad.id, actIds))
    : [];
  const pols = await db
    .select({ clave: politicaCatalogo.clave, nombre: politicaCatalogo.nombre })
    .from(politicaCatalogo)
    .orderBy(asc(politicaCatalogo.vigencia));
  return {
    dependencia: new Map(deps.map((d) => [d.id, d.nombre])),
    actividad: new Map(acts.map((a) => [a.id, `${a.codigo} ${a.nombre}`])),
    politica: new Map(pols.map((p) => [p.clave, p.nombre])),
  };
}

function describir(c: Criterio, n: Awaited<ReturnType<typeof nombres>>) {
  switch (c.tipo) {
    case 'todas':
      return 'Todas las actividades del plan';
    case 'politica':
      return `Política ${n.politica.get(c.politica ?? '') ?? c.politica}`;
    case 'dependencia':
      return `Dependencia ${n.dependencia.get(c.dependenciaId ?? '') ?? '(quitada)'}`;
    case 'muestra':
      return `Muestra aleatoria del ${c.porcentaje} % de las actividades (semilla «${c.semilla}»)`;
    case 'actividad':
      return `Actividad ${n.actividad.get(c.actividadId ?? '') ?? '(quitada)'}`;
  }
}

/**
 * The vigencia's selection: each criterion with what it covers, and how many activities are verified (those
 * chosen, and control interno's own work on its policy, which planeación verifies).
 */
export async function leerSeleccion(db: Db, entidadId: string, vigencia: number) {
  const ctx = await contextoVerificacion(db, entidadId, vigencia);
  const acts = await db
    .select({
      id: actividad.id,
      politica: actividad.politica,
      dependenciaId: actividad.dependenciaId,
      responsableId: actividad.responsableId,
      corresponsables: actividad.corresponsables,
    })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
  const n = await nombres(db, ctx.criterios);
  const quienes = ctx.criterios.map((c) => c.creadoPor).filter((x): x is string => !!x);
  const personas = new Map(
    (quienes.length
      ? await db
          .select({ id: usuario.id, nombre: usuario.nombre })
          .from(usuario)
          .where(inArray(usuario.id, quienes))
      : []
    ).map((u) => [u.id, u.nombre]),
  );
  return {
    vigencia,
    todas: ctx.criterios.length === 0,
    criterios: ctx.criterios.map((c) => ({
      id: c.id,
      tipo: c.tipo,
      descripcion: describir(c, n),
      politica: c.politica,
      dependenciaId: c.dependenciaId,
      actividadId: c.actividadId,
      porcentaje: c.porcentaje,
      semilla: c.semilla,
      motivo: c.motivo,
      creadoPor: c.creadoPor,
      creadoPorNombre: c.creadoPor ? (personas.get(c.creadoPor) ?? null) : null,
      creadoEn: c.creadoEn.toISOString(),
      actividades: acts.filter((a) => actividadSeleccionada([c], a, ctx.enMuestra)).length,
    })),
    actividades: acts.length,
    // With control interno's own work, which planeación always verifies (by who is in charge of it).
    seleccionadas: acts.filter((a) => evaluarVerificacion(ctx, a, null).seleccionada).length,
  };
}

/** Checks that what the criterion names belongs to the entity and its plan of the vigencia. */
async function validarDestino(db: Db, entidadId: string, vigencia: number, e: CriterioEntrada) {
  if (e.tipo === 'politica') {
    const [p] = await db
      .select({ clave: politicaCatalogo.clave })
      .from(politicaCatalogo)
      .where(eq(politicaCatalogo.clave, e.politica))
      .limit(1);
    if (!p) throw invalido('politica', 'no es una política del catálogo MIPG');
  }
  if (e.tipo === 'dependencia') {
    const [d] = await db
      .select({ id: dependencia.id })
      .from(dependencia)
      .where(and(eq(dependencia.id, e.dependenciaId), eq(dependencia.entidadId, entidadId)));
    if (!d) throw invalido('dependenciaId', 'la dependencia no es de esta entidad');
  }
  if (e.tipo === 'actividad') {
    const [a] = await db
      .select({ id: actividad.id })
      .from(actividad)
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(
        and(
          eq(actividad.id, e.actividadId),
          eq(planAccion.entidadId, entidadId),
          eq(planAccion.vigencia, vigencia),
        ),
      );
    if (!a) throw invalido('actividadId', `la actividad no está en el plan de la vigencia ${vigencia}`);
  }
}

/** Control interno adds a criterion; the same one twice (or a second sample) is a 409, and it is audited. */
export async function agregarCriterio(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  entidadId: string,
  vigencia: number,
  e: CriterioEntrada,
) {
  await validarDestino(db, entidadId, vigencia, e);
  const datos: CriterioVerificacion & { motivo: string | null } = {
    tipo: e.tipo,
    politica: e.tipo === 'politica' ? e.politica : null,
    dependenciaId: e.tipo === 'dependencia' ? e.dependenciaId : null,
    actividadId: e.tipo === 'actividad' ? e.actividadId : null,
    porcentaje: e.tipo === 'muestra' ? e.porcentaje : null,
    semilla: e.tipo === 'muestra' ? (e.semilla ?? randomBytes(4).toString('hex')) : null,
    motivo: e.motivo,
  };
  await db.transaction(async (tx) => {
    await sostenerTope(tx, 'criterios_verificacion', `${entidadId}:${vigencia}`);
    const [hay] = await tx
      .select({ n: count() })
      .from(criterioVerificacion)
      .where(and(eq(criterioVerificacion.entidadId, entidadId), eq(criterioVerificacion.vigencia, vigencia)));
    if (Number(hay?.n ?? 0) >= MAXIMO_CRITERIOS_VERIFICACION)
      throw conflicto(
        `La selección de ${vigencia} ya tiene ${MAXIMO_CRITERIOS_VERIFICACION} criterios, el máximo: elija por política, por dependencia o con una muestra en lugar de actividad por actividad.`,
      );
    const [creado] = await tx
      .insert(criterioVerificacion)
      .values({ ...datos, entidadId, vigencia, clave: claveCriterio(datos), creadoPor: u.id })
      .onConflictDoNothing()
      .returning();
    if (!creado)
      throw conflicto(
        e.tipo === 'muestra'
          ? 'La vigencia ya tiene una muestra aleatoria: quítela antes de sacar otra.'
          : 'Ese criterio ya está en la selección de la vigencia.',
      );
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'seleccion_verificacion',
      recursoId: creado.id,
      antes: null,
      despues: { vigencia, ...datos },
    });
  });
  return leerSeleccion(db, entidadId, vigencia);
}

/** Removes a criterion; of two removals at once, the second finds nothing (404). */
export async function quitarCriterio(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  criterioId: string,
) {
  await db.transaction(async (tx) => {
    const [quitado] = await tx
      .delete(criterioVerificacion)
      .where(
        and(
          eq(criterioVerificacion.id, criterioId),
          eq(criterioVerificacion.entidadId, entidadId),
          eq(criterioVerificacion.vigencia, vigencia),
        ),
      )
      .returning();
    if (!quitado) throw noEncontrado('el criterio en la selección de esta vigencia (¿ya fue quitado?)');
    const { id: _id, creadoEn: _c, ...antes } = quitado;
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'eliminar',
      recurso: 'seleccion_verificacion',
      recursoId: quitado.id,
      antes,
      despues: null,
    });
  });
  return leerSeleccion(db, entidadId, vigencia);
}
