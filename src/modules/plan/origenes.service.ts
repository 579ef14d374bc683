// What the plan answers besides its own planning: a recommendation of Función Pública
// (modules/furag/recomendaciones.service.ts) or an autodiagnóstico gap (modules/cuestionarios/acciones-mejora.service.ts).
// Either becomes an activity of the plan in borrador (planeación) or a proposal (propuestas.service.ts), linked
// both ways, and either lists what came out of it. One way for both, here.
import { asc, eq, inArray } from 'drizzle-orm';
import type { AccionesVinculadas, ActividadEntrada } from '../../contrato/plan.ts';
import type { Db } from '../../db/client.ts';
import { actividad, planAccion, propuestaActividad } from '../../db/schema.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { type BrechaOrigen, insertarActividad, validarActividad } from './plan.service.ts';

/** Where an activity or a proposal comes from, and how its conversion holds it until commit. */
export interface OrigenActividad {
  recomendacionId?: string;
  brecha?: BrechaOrigen;
  /** First thing inside the transaction: holds the origin (a new file cannot replace it, the gap stays a gap). */
  sostener: (tx: Db) => Promise<void>;
}

/**
 * Planeación puts the origin straight into the plan in borrador, as a linked activity, audited on the origin
 * too (`auditoria`: its action and resource; `despues` adds to the activity's code, name and vigencia).
 */
export async function actividadDeOrigen(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  entrada: ActividadEntrada,
  origen: OrigenActividad & {
    auditoria: { accion: string; recurso: string; recursoId: string; despues?: Record<string, unknown> };
  },
) {
  const { auditoria } = origen;
  await validarActividad(db, entidadId, vigencia, entrada);
  return db.transaction(async (tx) => {
    await origen.sostener(tx);
    const a = await insertarActividad(tx, actor, entidadId, vigencia, entrada, origen);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: auditoria.accion,
      recurso: auditoria.recurso,
      recursoId: auditoria.recursoId,
      despues: { actividadId: a.id, codigo: a.codigo, nombre: a.nombre, vigencia, ...auditoria.despues },
    });
    return a;
  });
}

/**
 * What came out of some recommendations (by id) or of the items of one autodiagnóstico (by item code): their
 * activities by plan vigencia and code, their proposals oldest first. One query each.
 */
export async function accionesVinculadas(
  db: Db,
  origen: { recomendaciones: readonly string[] } | { autodiagnosticoId: string },
): Promise<Map<string, AccionesVinculadas>> {
  const porClave = new Map<string, AccionesVinculadas>();
  const deRecomendaciones = 'recomendaciones' in origen;
  if (deRecomendaciones && !origen.recomendaciones.length) return porClave;
  const [actividades, propuestas] = await Promise.all([
    db
      .select({
        clave: deRecomendaciones ? actividad.recomendacionId : actividad.autodiagnosticoItem,
        id: actividad.id,
        codigo: actividad.codigo,
        nombre: actividad.nombre,
        vigencia: planAccion.vigencia,
        estadoPlan: planAccion.estado,
      })
      .from(actividad)
      .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
      .where(
        deRecomendaciones
          ? inArray(actividad.recomendacionId, [...origen.recomendaciones])
          : eq(actividad.autodiagnosticoId, origen.autodiagnosticoId),
      )
      .orderBy(asc(planAccion.vigencia), asc(actividad.codigo)),
    db
      .select({
        clave: deRecomendaciones
          ? propuestaActividad.recomendacionId
          : propuestaActividad.autodiagnosticoItem,
        p: propuestaActividad,
      })
      .from(propuestaActividad)
      .where(
        deRecomendaciones
          ? inArray(propuestaActividad.recomendacionId, [...origen.recomendaciones])
          : eq(propuestaActividad.autodiagnosticoId, origen.autodiagnosticoId),
      )
      .orderBy(asc(propuestaActividad.creadoEn)),
  ]);
  const de = (clave: string) => {
    const x = porClave.get(clave) ?? { actividades: [], propuestas: [] };
    porClave.set(clave, x);
    return x;
  };
  for (const { clave, ...a } of actividades) if (clave) de(clave).actividades.push(a);
  for (const { clave, p } of propuestas) {
    if (!clave) continue;
    const datos = p.datos as ActividadEntrada;
    de(clave).propuestas.push({
      id: p.id,
      codigo: datos.codigo,
      nombre: datos.nombre,
      vigencia: p.vigencia,
      estado: p.estado,
      actividadId: p.actividadId,
    });
  }
  return porClave;
}
