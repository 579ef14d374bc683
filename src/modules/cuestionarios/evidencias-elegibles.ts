// The evidence an autodiagnóstico's or a FURAG rehearsal's answers can link: what the entity already uploaded
// in its seguimiento (the same files vincularEvidencia accepts), the questionnaire's vigencia (and policy)
// first. Read only.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actividad, autodiagnostico, evidencia, planAccion, seguimiento } from '../../db/schema.ts';
import { noEncontrado } from '../../server/errores.ts';

/** A long list is no use in a picker: the newest of the vigencia and policy come first. */
export const MAXIMO_EVIDENCIAS_ELEGIBLES = 500;

export async function evidenciasElegibles(db: Db, entidadId: string, autodiagnosticoId: string) {
  const [a] = await db
    .select({ vigencia: autodiagnostico.vigencia, politica: autodiagnostico.politica })
    .from(autodiagnostico)
    .where(and(eq(autodiagnostico.id, autodiagnosticoId), eq(autodiagnostico.entidadId, entidadId)));
  if (!a) throw noEncontrado('el autodiagnóstico');
  return evidenciasDeEntidad(db, entidadId, a.vigencia, a.politica);
}

/** The entity's uploaded evidence, `vigencia`'s first and then `politica`'s (none: no policy comes first). */
export async function evidenciasDeEntidad(
  db: Db,
  entidadId: string,
  vigencia: number,
  politica: string | null,
) {
  const mismaVigencia = sql<boolean>`${planAccion.vigencia} = ${vigencia}`;
  // Without a policy, the comparison with null: never true, and not a bare constant (ORDER BY rejects those).
  const mismaPolitica = sql<boolean>`${actividad.politica} = ${politica}`;
  const filas = await db
    .select({
      id: evidencia.id,
      nombre: evidencia.nombre,
      url: evidencia.url,
      vigencia: planAccion.vigencia,
      periodo: seguimiento.periodo,
      actividad: actividad.codigo,
      actividadNombre: actividad.nombre,
      dePolitica: mismaPolitica,
    })
    .from(evidencia)
    .innerJoin(seguimiento, eq(seguimiento.id, evidencia.seguimientoId))
    .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(eq(seguimiento.entidadId, entidadId))
    .orderBy(
      desc(mismaVigencia),
      desc(mismaPolitica),
      desc(planAccion.vigencia),
      asc(actividad.codigo),
      asc(seguimiento.periodo),
      asc(evidencia.creadoEn),
    )
    .limit(MAXIMO_EVIDENCIAS_ELEGIBLES + 1);
  return {
    evidencias: filas
      .slice(0, MAXIMO_EVIDENCIAS_ELEGIBLES)
      .map((f) => ({ ...f, dePolitica: !!f.dePolitica })),
    truncada: filas.length > MAXIMO_EVIDENCIAS_ELEGIBLES,
  };
}
