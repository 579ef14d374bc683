import { and, eq, inArray } from 'drizzle-orm';
import { revisarPesos } from '../../core/ponderacion.ts';
import type { Db } from '../../db/client.ts';
import { actividad } from '../../db/schema.ts';
import { conflicto, ErrorApi, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';
import { planDe } from './plan.service.ts';

export interface PesoNuevo {
  actividadId: string;
  ponderacion: number;
}

/**
 * The weights of one policy's activities, all at once, so that they add up to 100 % in one save. The plan row
 * is locked for update: an activity added, deleted or edited at the same time waits, then sees the weights.
 */
export async function guardarPonderaciones(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  politica: string,
  pesos: readonly PesoNuevo[],
) {
  return db.transaction(async (tx) => {
    const plan = await planDe(tx, entidadId, vigencia, 'update');
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    if (plan.estado !== 'borrador')
      throw conflicto(`El plan de ${vigencia} está ${plan.estado}: los cambios requieren una nueva versión.`);
    const actuales = await tx
      .select({ id: actividad.id, codigo: actividad.codigo, ponderacion: actividad.ponderacion })
      .from(actividad)
      .where(and(eq(actividad.planId, plan.id), eq(actividad.politica, politica)));
    if (actuales.length === 0) throw noEncontrado(`actividades de esta política en el plan de ${vigencia}`);
    const porId = new Map(actuales.map((a) => [a.id, a]));
    const enviados = new Set(pesos.map((p) => p.actividadId));
    const ajenas = pesos.filter((p) => !porId.has(p.actividadId));
    if (ajenas.length || enviados.size !== pesos.length || actuales.some((a) => !enviados.has(a.id)))
      throw conflicto(
        'Las actividades de la política cambiaron mientras editaba las ponderaciones. Recargue la página y vuelva a repartirlas.',
      );
    const nombre = (await politicasDeVigencia(tx, vigencia)).find((p) => p.clave === politica)?.nombre;
    // Only when the weights add up by policy must this policy's reach 100 %; otherwise the plan warns.
    const { modoPonderacion } = await leerVigencia(tx, entidadId, vigencia);
    const [revision] = revisarPesos(
      pesos.map((p) => ({ politica, ponderacion: p.ponderacion })),
      () => nombre ?? politica,
    );
    if (modoPonderacion === 'politica' && revision && !revision.ok)
      throw new ErrorApi(400, revision.mensaje!, [{ campo: 'ponderaciones', mensaje: revision.mensaje! }]);
    const cambios = pesos.filter((p) => porId.get(p.actividadId)!.ponderacion !== p.ponderacion);
    for (const p of cambios)
      await tx.update(actividad).set({ ponderacion: p.ponderacion }).where(eq(actividad.id, p.actividadId));
    if (cambios.length)
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'actualizar',
        recurso: 'ponderaciones',
        recursoId: plan.id,
        antes: {
          politica,
          ponderaciones: cambios.map((c) => ({
            codigo: porId.get(c.actividadId)!.codigo,
            ponderacion: porId.get(c.actividadId)!.ponderacion,
          })),
        },
        despues: {
          politica,
          ponderaciones: cambios.map((c) => ({
            codigo: porId.get(c.actividadId)!.codigo,
            ponderacion: c.ponderacion,
          })),
        },
      });
    const finales = await tx
      .select({ id: actividad.id, codigo: actividad.codigo, ponderacion: actividad.ponderacion })
      .from(actividad)
      .where(and(eq(actividad.planId, plan.id), inArray(actividad.id, [...enviados])));
    return { politica, cambiadas: cambios.length, actividades: finales };
  });
}
