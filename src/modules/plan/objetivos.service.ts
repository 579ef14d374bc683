import { and, asc, eq } from 'drizzle-orm';
import type { ObjetivoEntrada } from '../../contrato/plan.ts';
import type { Db } from '../../db/client.ts';
import { actividad, objetivoEstrategico, planAccion } from '../../db/schema.ts';
import { conflicto, ErrorApi, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

const columnas = {
  id: objetivoEstrategico.id,
  codigo: objetivoEstrategico.codigo,
  nombre: objetivoEstrategico.nombre,
};

/** Objetivos estratégicos / líneas del plan de desarrollo: the entity's own list, used by its activities. */
export async function listarObjetivos(db: Db, entidadId: string) {
  return db
    .select(columnas)
    .from(objetivoEstrategico)
    .where(eq(objetivoEstrategico.entidadId, entidadId))
    .orderBy(asc(objetivoEstrategico.codigo));
}

export async function crearObjetivo(db: Db, actor: Actor, entidadId: string, entrada: ObjetivoEntrada) {
  return db.transaction(async (tx) => {
    const [otro] = await tx
      .select({ id: objetivoEstrategico.id })
      .from(objetivoEstrategico)
      .where(
        and(eq(objetivoEstrategico.entidadId, entidadId), eq(objetivoEstrategico.codigo, entrada.codigo)),
      );
    if (otro)
      throw new ErrorApi(409, `Ya hay un objetivo con el código ${entrada.codigo}.`, [
        { campo: 'codigo', mensaje: `el código ${entrada.codigo} ya está en uso` },
      ]);
    const [o] = await tx
      .insert(objetivoEstrategico)
      .values({ ...entrada, entidadId })
      .returning(columnas);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'objetivo',
      recursoId: o!.id,
      despues: entrada,
    });
    return o!;
  });
}

/** Removes an objective that no activity of the entity contributes to. */
export async function quitarObjetivo(db: Db, actor: Actor, entidadId: string, objetivoId: string) {
  const [o] = await db
    .select()
    .from(objetivoEstrategico)
    .where(and(eq(objetivoEstrategico.id, objetivoId), eq(objetivoEstrategico.entidadId, entidadId)));
  if (!o) throw noEncontrado('el objetivo en esta entidad');
  const [usada] = await db
    .select({ codigo: actividad.codigo })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(planAccion.entidadId, entidadId), eq(actividad.objetivo, o.codigo)))
    .limit(1);
  if (usada) throw conflicto(`La actividad ${usada.codigo} contribuye a ${o.codigo}: no se puede quitar.`);
  await db.transaction(async (tx) => {
    await tx.delete(objetivoEstrategico).where(eq(objetivoEstrategico.id, objetivoId));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'eliminar',
      recurso: 'objetivo',
      recursoId: objetivoId,
      antes: { codigo: o.codigo, nombre: o.nombre },
    });
  });
}
