// Synthetic plans for the benchmarks: many activities over the 19 policies, with reports in mixed states.

import { CALENDARIO_NACIONAL } from '../src/core/dias-habiles.ts';
import { digitoVerificacion } from '../src/core/nit.ts';
import { periodosDeVigencia } from '../src/core/periodos.ts';
import { RANGOS_POR_DEFECTO } from '../src/core/semaforo.ts';
import type { Db } from '../src/db/client.ts';
import { actividad, entidad, periodo, planAccion, seguimiento, vigenciaEntidad } from '../src/db/schema.ts';

/** Inserts one entity's plan for a vigencia: n activities over the 19 policies, reports for `reportados` periods. */
export async function sembrarPlan(
  db: Db,
  entidadId: string,
  vigencia: number,
  n: number,
  reportados: number,
  claves: string[],
) {
  const [plan] = await db
    .insert(planAccion)
    .values({ entidadId, vigencia, estado: 'publicado', fechaPublicacion: `${vigencia}-01-30` })
    .returning();
  const porPolitica = Math.ceil(n / claves.length);
  const filas = Array.from({ length: n }, (_, i) => ({
    planId: plan!.id,
    politica: claves[i % claves.length]!,
    codigo: `A-${String(i + 1).padStart(5, '0')}`,
    nombre: `Actividad de prueba ${i + 1}`,
    producto: 'Informe',
    metaAnual: 4,
    unidad: 'informes',
    metasPeriodo: [1, 1, 1, 1],
    ponderacion: 100 / porPolitica,
    fechaInicio: `${vigencia}-01-15`,
    fechaFin: `${vigencia}-12-15`,
  }));
  const ids: string[] = [];
  for (let i = 0; i < filas.length; i += 1000)
    ids.push(
      ...(
        await db
          .insert(actividad)
          .values(filas.slice(i, i + 1000))
          .returning({ id: actividad.id })
      ).map((x) => x.id),
    );
  const estados = ['aceptado', 'verificado', 'enviado', 'aceptado', 'con_observaciones', 'borrador'] as const;
  const reportes = ids.flatMap((actividadId, i) =>
    Array.from({ length: reportados }, (_, k) => ({
      entidadId,
      actividadId,
      periodo: k + 1,
      valor: (i + k) % 5 === 0 ? 0.5 : 1,
      descripcion: 'Avance del periodo',
      estado: estados[(i + k) % estados.length]!,
    })),
  );
  for (let i = 0; i < reportes.length; i += 2000)
    await db.insert(seguimiento).values(reportes.slice(i, i + 2000));
  await db
    .insert(vigenciaEntidad)
    .values({
      entidadId,
      vigencia,
      esquema: 'trimestral',
      diasHabilesReporte: 10,
      semaforo: RANGOS_POR_DEFECTO,
    })
    .onConflictDoNothing();
  await db
    .insert(periodo)
    .values(
      periodosDeVigencia(vigencia, 'trimestral', 10, CALENDARIO_NACIONAL).map((p) => ({
        ...p,
        entidadId,
        vigencia,
      })),
    )
    .onConflictDoNothing();
}

export async function nuevaEntidad(db: Db, nombre: string, nit: string) {
  const base = nit.split('-')[0]!;
  const [e] = await db
    .insert(entidad)
    .values({ nombre, nit: base, dv: digitoVerificacion(base) })
    .returning();
  return e!.id;
}
