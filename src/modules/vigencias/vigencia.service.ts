import { and, asc, eq } from 'drizzle-orm';
import { diasHabilesEntre, hoyEnColombia } from '../../core/calendario.ts';
import { type EsquemaPeriodos, estadoVentana, periodosDeVigencia } from '../../core/periodos.ts';
import { RANGOS_POR_DEFECTO, type RangosSemaforo } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import { actividad, periodo, planAccion, vigenciaEntidad } from '../../db/schema.ts';

/** The entity's configuration of a vigencia, or the default proposal when it was not configured yet. */
export async function leerVigencia(db: Db, entidadId: string, vigencia: number) {
  const [config] = await db
    .select()
    .from(vigenciaEntidad)
    .where(and(eq(vigenciaEntidad.entidadId, entidadId), eq(vigenciaEntidad.vigencia, vigencia)));
  const guardados = await db
    .select()
    .from(periodo)
    .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia)))
    .orderBy(asc(periodo.numero));
  const esquema = (config?.esquema ?? 'trimestral') as EsquemaPeriodos;
  const dias = config?.diasHabilesReporte ?? 10;
  // Not configured yet: show the default proposal, so the screen is never empty.
  const periodos = guardados.length
    ? guardados
    : periodosDeVigencia(vigencia, esquema, dias).map((p) => ({ ...p, cerrado: false }));
  const hoy = hoyEnColombia();
  return {
    vigencia,
    configurada: !!config,
    esquema,
    diasHabilesReporte: dias,
    semaforo: (config?.semaforo as RangosSemaforo | undefined) ?? RANGOS_POR_DEFECTO,
    periodos: periodos.map((p) => ({
      numero: p.numero,
      nombre: p.nombre,
      inicio: p.inicio,
      corte: p.corte,
      abre: p.abre,
      cierra: p.cierra,
      cerrado: p.cerrado,
      ventana: estadoVentana(p, hoy),
      diasHabilesParaCerrar: diasHabilesEntre(hoy, p.cierra),
    })),
  };
}

export async function tieneActividades(db: Db, entidadId: string, vigencia: number) {
  const [fila] = await db
    .select({ id: actividad.id })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)))
    .limit(1);
  return !!fila;
}

/**
 * The period's row, locked until the transaction ends: `share` for a write into the period (many may hold
 * it at once), `update` to close or reopen it, which waits for those writes and makes later ones wait and
 * then see it closed. Null when the vigencia was never configured: its periods are the default proposal,
 * not stored, and always open.
 */
export async function bloquearPeriodo(
  tx: Db,
  entidadId: string,
  vigencia: number,
  numero: number,
  modo: 'share' | 'update',
) {
  const [p] = await tx
    .select()
    .from(periodo)
    .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia), eq(periodo.numero, numero)))
    .for(modo);
  return p ?? null;
}

/** Every stored period of the vigencia, held (for share) until commit: none closes under the caller. */
export async function bloquearPeriodos(tx: Db, entidadId: string, vigencia: number) {
  await tx
    .select({ numero: periodo.numero })
    .from(periodo)
    .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia)))
    .for('share');
}
