import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { PlanPropioCambio, PlanPropioEntrada } from '../../contrato/plan.ts';
import { MAXIMO_PLANES_PROPIOS, planAdmitePolitica } from '../../core/catalogo.ts';
import type { Db } from '../../db/client.ts';
import { actividad, planAccion, planPropio, politica } from '../../db/schema.ts';
import { sostenerTope } from '../../db/tope.ts';
import { conflicto, ErrorApi, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

const columnas = {
  id: planPropio.id,
  codigo: planPropio.codigo,
  nombre: planPropio.nombre,
  politicas: planPropio.politicas,
};

/**
 * The entity's own plans, beside the 12 of Decreto 612 (the Plan Anual de Auditoría; for an E.S.E. the
 * Plan de Gestión del gerente, PAMEC, Plan Hospitalario de Emergencias). Activities name one by code.
 */
export async function listarPlanesPropios(db: Db, entidadId: string) {
  return db
    .select(columnas)
    .from(planPropio)
    .where(eq(planPropio.entidadId, entidadId))
    .orderBy(asc(planPropio.codigo));
}

export async function planPropioPorCodigo(db: Db, entidadId: string, codigo: string) {
  const [p] = await db
    .select(columnas)
    .from(planPropio)
    .where(and(eq(planPropio.entidadId, entidadId), eq(planPropio.codigo, codigo)));
  return p ?? null;
}

/** Every policy key must be one of the catalog's (keys are stable across vigencias). */
async function exigirPoliticas(db: Db, politicas: readonly string[]) {
  if (!politicas.length) return;
  const conocidas = new Set(
    (await db.selectDistinct({ clave: politica.clave }).from(politica)).map((p) => p.clave),
  );
  const desconocida = politicas.find((p) => !conocidas.has(p));
  if (desconocida)
    throw new ErrorApi(400, `«${desconocida}» no es una política del catálogo MIPG.`, [
      { campo: 'politicas', mensaje: `«${desconocida}» no es una política del catálogo MIPG` },
    ]);
}

const unicas = (politicas: readonly string[]) => [...new Set(politicas)];

export async function crearPlanPropio(db: Db, actor: Actor, entidadId: string, entrada: PlanPropioEntrada) {
  const politicas = unicas(entrada.politicas);
  await exigirPoliticas(db, politicas);
  return db.transaction(async (tx) => {
    await sostenerTope(tx, 'planes_propios', entidadId);
    const [hay] = await tx.select({ n: count() }).from(planPropio).where(eq(planPropio.entidadId, entidadId));
    if (Number(hay?.n ?? 0) >= MAXIMO_PLANES_PROPIOS)
      throw conflicto(
        `La entidad ya tiene ${MAXIMO_PLANES_PROPIOS} planes propios, el máximo: quite uno que ya no use antes de crear otro.`,
      );
    // Of two plans with one code at once, the unique index lets one in; the other gets the same 409.
    const [p] = await tx
      .insert(planPropio)
      .values({ entidadId, codigo: entrada.codigo, nombre: entrada.nombre, politicas })
      .onConflictDoNothing()
      .returning(columnas);
    if (!p)
      throw new ErrorApi(409, `Ya hay un plan propio con el código ${entrada.codigo}.`, [
        { campo: 'codigo', mensaje: `el código ${entrada.codigo} ya está en uso` },
      ]);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'plan_propio',
      recursoId: p.id,
      despues: { codigo: p.codigo, nombre: p.nombre, politicas: p.politicas },
    });
    return p;
  });
}

/** An activity of the entity that uses the plan and whose policy the plan would no longer take. */
async function actividadFuera(db: Db, entidadId: string, codigo: string, politicas: readonly string[]) {
  const usadas = await db
    .select({ codigo: actividad.codigo, politica: actividad.politica, vigencia: planAccion.vigencia })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(planAccion.entidadId, entidadId), eq(actividad.planPropio, codigo)));
  return usadas.find((a) => !planAdmitePolitica({ politicas }, a.politica)) ?? null;
}

/** Renames the plan or changes its policies; the activities already in it must still fit. */
export async function cambiarPlanPropio(
  db: Db,
  actor: Actor,
  entidadId: string,
  planId: string,
  entrada: PlanPropioCambio,
) {
  const politicas = unicas(entrada.politicas);
  await exigirPoliticas(db, politicas);
  return db.transaction(async (tx) => {
    const [antes] = await tx
      .select(columnas)
      .from(planPropio)
      .where(and(eq(planPropio.id, planId), eq(planPropio.entidadId, entidadId)))
      .for('update');
    if (!antes) throw noEncontrado('el plan propio en esta entidad');
    const fuera = await actividadFuera(tx, entidadId, antes.codigo, politicas);
    if (fuera)
      throw new ErrorApi(
        409,
        `La actividad ${fuera.codigo} (${fuera.vigencia}) está en ${antes.codigo} con una política que el plan ya no tendría.`,
        [{ campo: 'politicas', mensaje: `incluya la política de la actividad ${fuera.codigo}` }],
      );
    const [p] = await tx
      .update(planPropio)
      .set({ nombre: entrada.nombre, politicas })
      .where(eq(planPropio.id, planId))
      .returning(columnas);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'actualizar',
      recurso: 'plan_propio',
      recursoId: planId,
      antes: { nombre: antes.nombre, politicas: antes.politicas },
      despues: { nombre: p!.nombre, politicas: p!.politicas },
    });
    return p!;
  });
}

/** Removes an own plan that no activity of the entity uses. */
export async function quitarPlanPropio(db: Db, actor: Actor, entidadId: string, planId: string) {
  await db.transaction(async (tx) => {
    const [p] = await tx
      .select(columnas)
      .from(planPropio)
      .where(and(eq(planPropio.id, planId), eq(planPropio.entidadId, entidadId)))
      .for('update');
    if (!p) throw noEncontrado('el plan propio en esta entidad');
    const [usada] = await tx
      .select({ codigo: actividad.codigo })
      .from(actividad)
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(and(eq(planAccion.entidadId, entidadId), eq(actividad.planPropio, p.codigo)))
      .limit(1);
    if (usada)
      throw conflicto(`La actividad ${usada.codigo} está en ${p.codigo}: no se puede quitar el plan.`);
    await tx.delete(planPropio).where(eq(planPropio.id, planId));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'eliminar',
      recurso: 'plan_propio',
      recursoId: planId,
      antes: { codigo: p.codigo, nombre: p.nombre, politicas: p.politicas },
    });
  });
}

/**
 * Inside the transaction that writes activities: holds (for share) the own plans they name until commit, so
 * a plan removed or narrowed at the same moment either waits for them (and then sees them) or is already
 * gone here (409). The check before the transaction gave the friendly message; this one closes the race.
 */
export async function sostenerPlanesPropios(
  tx: Db,
  entidadId: string,
  actividades: readonly { codigo: string; politica: string; planPropio?: string | null }[],
) {
  const codigos = [...new Set(actividades.flatMap((a) => (a.planPropio ? [a.planPropio] : [])))];
  if (!codigos.length) return;
  const planes = await tx
    .select(columnas)
    .from(planPropio)
    .where(and(eq(planPropio.entidadId, entidadId), inArray(planPropio.codigo, codigos)))
    .for('share');
  const porCodigo = new Map(planes.map((p) => [p.codigo, p]));
  for (const a of actividades) {
    if (!a.planPropio) continue;
    const p = porCodigo.get(a.planPropio);
    if (!p)
      throw new ErrorApi(
        409,
        `El plan propio ${a.planPropio} acaba de quitarse: elija otro para ${a.codigo}.`,
        [{ campo: 'planPropio', mensaje: `el plan propio ${a.planPropio} ya no existe` }],
      );
    if (!planAdmitePolitica(p, a.politica))
      throw new ErrorApi(
        409,
        `El plan propio ${p.codigo} acaba de cambiar sus políticas: ya no admite la de ${a.codigo}.`,
        [{ campo: 'planPropio', mensaje: `«${p.nombre}» ya no corresponde a la política elegida` }],
      );
  }
}
