// While a new version of an approved plan is in course (borrador or enviado), the dashboard — and with it
// the citizens' page and a period closed meanwhile — keeps following the last approved version: its
// activities as approved, with the reports they have. The draft's names, goals, weights and new activities
// count only once the approving body approves them.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Acumulacion } from '../../core/acumulacion.ts';
import type { Db } from '../../db/client.ts';
import { planAccion, versionPlan } from '../../db/schema.ts';
import type { FilaCifras } from './tablero.service.ts';

/** An activity as a version keeps it (plan.service's comoVersion); older versions lack the newer columns. */
interface ActividadAprobada {
  id: string;
  politica: string;
  codigo: string;
  nombre: string;
  plan612?: string | null;
  planPropio?: string | null;
  dependenciaId: string | null;
  responsableId: string | null;
  corresponsables?: string[] | null;
  ponderacion: number;
  metaAnual: number;
  metasPeriodo: number[];
  acumulacion?: Acumulacion | null;
  fechaInicio: string;
  fechaFin: string;
}

/** The last approved version's activities while a new one is in course; null when the plan's own rows rule. */
async function aprobadasEnCurso(db: Db, entidadId: string, vigencia: number) {
  const [plan] = await db
    .select({ id: planAccion.id, estado: planAccion.estado, version: planAccion.version })
    .from(planAccion)
    .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
  if (!plan || plan.version === 1 || (plan.estado !== 'borrador' && plan.estado !== 'enviado')) return null;
  const [v] = await db
    .select({ actividades: versionPlan.actividades })
    .from(versionPlan)
    .where(and(eq(versionPlan.planId, plan.id), lt(versionPlan.version, plan.version)))
    .orderBy(desc(versionPlan.version))
    .limit(1);
  return v ? (v.actividades as ActividadAprobada[]) : null;
}

/**
 * The dashboard's rows of the version in force: the plan's own rows, or, while a new version is in course,
 * the approved activities with the figures of their reports (none for one the draft removed), by code.
 */
export async function filasDeLaVersionVigente(
  db: Db,
  entidadId: string,
  vigencia: number,
  filas: FilaCifras[],
): Promise<FilaCifras[]> {
  const aprobadas = await aprobadasEnCurso(db, entidadId, vigencia);
  if (!aprobadas) return filas;
  const porId = new Map(filas.map((f) => [f.id, f]));
  return aprobadas
    .map((a): FilaCifras => {
      const f = porId.get(a.id);
      return {
        id: a.id,
        politica: a.politica,
        plan612: a.plan612 ?? null,
        plan_propio: a.planPropio ?? null,
        codigo: a.codigo,
        nombre: a.nombre,
        dependencia_id: a.dependenciaId,
        responsable_id: a.responsableId,
        corresponsables: a.corresponsables ?? [],
        ponderacion: a.ponderacion,
        meta_anual: a.metaAnual,
        metas_periodo: a.metasPeriodo,
        // A version approved before goal types existed added its periods up.
        acumulacion: a.acumulacion ?? 'suma',
        fecha_inicio: a.fechaInicio,
        fecha_fin: a.fechaFin,
        n: f?.n ?? 0,
        suma: f?.suma ?? null,
        maximo: f?.maximo ?? null,
        ultimo: f?.ultimo ?? null,
        fuera: f?.fuera ?? false,
        estado_actual: f?.estado_actual ?? null,
        tardio_actual: f?.tardio_actual ?? null,
        avance_verificado: f?.avance_verificado ?? null,
        reportado_por: f?.reportado_por ?? null,
      };
    })
    .sort((x, y) => (x.codigo < y.codigo ? -1 : x.codigo > y.codigo ? 1 : 0));
}
