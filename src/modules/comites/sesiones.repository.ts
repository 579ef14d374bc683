// What the plan's workflow and the committees' use cases share: finding a committee and a session, locking a
// session that may still change, numbering the actas, and the decision that records the plan's approval.
// It imports nothing from the plan module, so the plan's workflow can call it.
import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import {
  type CaracterSesion,
  NOMBRE_DECISION,
  ordenDelDia,
  problemaCambioSesion,
  type TipoComite,
  tipoComiteAprobador,
} from '../../core/comites.ts';
import type { Db } from '../../db/client.ts';
import { comite, decisionComite, entidad, sesionComite } from '../../db/schema.ts';
import { conflicto, invalido, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

export type FilaComite = typeof comite.$inferSelect;
export type FilaSesion = typeof sesionComite.$inferSelect;

export async function comiteDe(db: Db, entidadId: string, comiteId: string): Promise<FilaComite> {
  const [c] = await db
    .select()
    .from(comite)
    .where(and(eq(comite.id, comiteId), eq(comite.entidadId, entidadId)));
  if (!c) throw noEncontrado('el comité');
  return c;
}

/** The session of this committee, locked (for update) when `bloqueo` so its state cannot move meanwhile. */
export async function sesionDe(
  db: Db,
  comiteId: string,
  sesionId: string,
  bloqueo = false,
): Promise<FilaSesion> {
  const consulta = db
    .select()
    .from(sesionComite)
    .where(and(eq(sesionComite.id, sesionId), eq(sesionComite.comiteId, comiteId)));
  const [s] = bloqueo ? await consulta.for('update') : await consulta;
  if (!s) throw noEncontrado('la sesión del comité');
  return s;
}

/** The session locked for a change: 409 once its signed acta is attached. */
export async function sesionParaCambiar(tx: Db, comiteId: string, sesionId: string) {
  const s = await sesionDe(tx, comiteId, sesionId, true);
  const problema = problemaCambioSesion({
    actaFirmada: s.actaHash !== null,
    numero: s.numero,
    fecha: s.fecha,
  });
  if (problema) throw conflicto(problema);
  return s;
}

/**
 * A new session with the next acta number of its year. The committee's row is locked first, so two sessions
 * convened at once are numbered one after the other (the unique index is the last guard).
 */
export const MAXIMO_SESIONES_ANIO = 120;

export async function insertarSesion(
  tx: Db,
  comiteId: string,
  datos: {
    caracter: CaracterSesion;
    fecha: string;
    lugar?: string | null;
    ordenDelDia: string[];
    desarrollo?: string;
    convocadaPor: string | null;
  },
) {
  const anio = Number(datos.fecha.slice(0, 4));
  await tx.select({ id: comite.id }).from(comite).where(eq(comite.id, comiteId)).for('update');
  const [ultimo] = await tx
    .select({ n: max(sesionComite.numero) })
    .from(sesionComite)
    .where(and(eq(sesionComite.comiteId, comiteId), eq(sesionComite.anio, anio)));
  const numero = (ultimo?.n ?? 0) + 1;
  // Under the committee's lock: even a committee of conciliación (twice a month) holds far fewer in a year.
  if (numero > MAXIMO_SESIONES_ANIO)
    throw conflicto(`El comité ya tiene ${MAXIMO_SESIONES_ANIO} sesiones en ${anio}, el máximo.`);
  const [s] = await tx
    .insert(sesionComite)
    .values({ comiteId, anio, numero, ...datos })
    .returning();
  return s!;
}

/** The committee that approves the entity's plans (the CIGD or its own body), if it registered one. */
export async function comiteAprobador(db: Db, entidadId: string) {
  const [e] = await db
    .select({ organo: entidad.organoAprobacion })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  const tipo = tipoComiteAprobador(e?.organo ?? 'cigd');
  const [c] = await db
    .select()
    .from(comite)
    .where(and(eq(comite.entidadId, entidadId), eq(comite.tipo, tipo)))
    .orderBy(asc(comite.creadoEn))
    .limit(1);
  return { tipo, comite: c ?? null };
}

export const nombreActa = (s: Pick<FilaSesion, 'numero' | 'anio'>) => `Acta n.º ${s.numero} de ${s.anio}`;

/**
 * The plan's approval as the committee's decision, inside the plan's own transaction: in the session named,
 * or in the approving committee's session of that date (convened now when there is none yet, so the
 * existing approve endpoint keeps working and still leaves the session on record). An entity that has not
 * registered its approving committee approves as before, with the acta's reference only.
 */
export async function registrarAprobacionEnSesion(
  tx: Db,
  actor: Actor,
  a: {
    entidadId: string;
    vigencia: number;
    version: number;
    fecha?: string;
    acta?: string;
    sesionId?: string;
    descripcion?: string;
  },
): Promise<FilaSesion | null> {
  const aprobador = await comiteAprobador(tx, a.entidadId);
  let sesion: FilaSesion | null = null;
  if (a.sesionId) {
    const [fila] = await tx
      .select({ s: sesionComite, tipo: comite.tipo })
      .from(sesionComite)
      .innerJoin(comite, eq(comite.id, sesionComite.comiteId))
      .where(and(eq(sesionComite.id, a.sesionId), eq(comite.entidadId, a.entidadId)));
    if (!fila) throw noEncontrado('la sesión del comité');
    if (fila.tipo !== aprobador.tipo)
      throw invalido('sesionId', 'la sesión no es del comité que aprueba el plan de la entidad');
    sesion = await sesionParaCambiar(tx, fila.s.comiteId, fila.s.id);
    if (a.fecha && a.fecha !== sesion.fecha)
      throw invalido('fechaSesionComite', 'no coincide con la fecha de la sesión del comité elegida');
  } else if (aprobador.comite && a.fecha) {
    const [delDia] = await tx
      .select()
      .from(sesionComite)
      .where(
        and(
          eq(sesionComite.comiteId, aprobador.comite.id),
          eq(sesionComite.fecha, a.fecha),
          isNull(sesionComite.actaHash),
        ),
      )
      .orderBy(desc(sesionComite.numero))
      .limit(1);
    sesion = delDia
      ? await sesionParaCambiar(tx, delDia.comiteId, delDia.id)
      : await insertarSesion(tx, aprobador.comite.id, {
          caracter: 'ordinaria',
          fecha: a.fecha,
          ordenDelDia: ordenDelDia(aprobador.tipo as TipoComite, {
            planesPorAprobar: [{ vigencia: a.vigencia, version: a.version }],
            periodosSinSeguimiento: [],
            compromisosAbiertos: 0,
            informesControlInterno: [],
          }),
          desarrollo: a.acta ? `Registrada al aprobar el plan de acción (${a.acta}).` : '',
          convocadaPor: actor.usuarioId,
        });
  }
  if (!sesion) return null;
  const tipo = a.version === 1 ? 'plan_aprobado' : 'modificacion_aprobada';
  const [d] = await tx
    .insert(decisionComite)
    .values({
      sesionId: sesion.id,
      tipo,
      descripcion:
        a.descripcion ??
        `${NOMBRE_DECISION[tipo]} ${a.vigencia}${a.version > 1 ? ` (versión ${a.version})` : ''}.`,
      vigencia: a.vigencia,
      version: a.version,
    })
    .returning();
  await registrarAuditoria(tx, actor, {
    entidadId: a.entidadId,
    accion: 'registrar_decision',
    recurso: 'sesion_comite',
    recursoId: sesion.id,
    antes: null,
    despues: { decision: d!.id, tipo, vigencia: a.vigencia, version: a.version },
  });
  return sesion;
}
