import { and, asc, eq } from 'drizzle-orm';
import type { ConfigurarVigencia, Ventana } from '../../contrato/vigencias.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { type EsquemaPeriodos, estadoVentana, periodosDeVigencia } from '../../core/periodos.ts';
import { problemasRangos, RANGOS_POR_DEFECTO, type RangosSemaforo } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import { actividad, periodo, planAccion, vigenciaEntidad } from '../../db/schema.ts';
import { conflicto, invalido, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { calendarioDe } from '../calendario/calendario.service.ts';

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
  const esquema: EsquemaPeriodos = config?.esquema ?? 'trimestral';
  const dias = config?.diasHabilesReporte ?? 10;
  const calendario = await calendarioDe(db, entidadId);
  // Not configured yet: show the default proposal, so the screen is never empty.
  const periodos = guardados.length
    ? guardados
    : periodosDeVigencia(vigencia, esquema, dias, calendario).map((p) => ({ ...p, cerrado: false }));
  const hoy = hoyEnColombia();
  return {
    vigencia,
    configurada: !!config,
    esquema,
    diasHabilesReporte: dias,
    semaforo: (config?.semaforo as RangosSemaforo | undefined) ?? RANGOS_POR_DEFECTO,
    modoPonderacion: config?.modoPonderacion ?? 'politica',
    periodos: periodos.map((p) => ({
      numero: p.numero,
      nombre: p.nombre,
      inicio: p.inicio,
      corte: p.corte,
      abre: p.abre,
      cierra: p.cierra,
      cerrado: p.cerrado,
      ventana: estadoVentana(p, hoy),
      diasHabilesParaCerrar: calendario.diasHabilesEntre(hoy, p.cierra),
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

/** Configures the vigencia: scheme of periods, business days to report and the semáforo's ranges. */
export async function configurarVigencia(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  entrada: ConfigurarVigencia,
) {
  const { esquema, diasHabilesReporte } = entrada;
  const semaforo = entrada.semaforo ?? RANGOS_POR_DEFECTO;
  const problemas = problemasRangos(semaforo);
  if (problemas.length) throw invalido('semaforo', `${problemas.join('; ')}.`);
  const antes = await leerVigencia(db, entidadId, vigencia);
  const modoPonderacion = entrada.modoPonderacion ?? antes.modoPonderacion;
  const cambiaPeriodos =
    antes.esquema !== esquema || antes.diasHabilesReporte !== diasHabilesReporte || !antes.configurada;
  if (cambiaPeriodos && antes.periodos.some((p) => p.cerrado))
    throw conflicto('Hay periodos cerrados en esta vigencia: no se puede cambiar el esquema ni los plazos.');
  if (antes.configurada && antes.esquema !== esquema && (await tieneActividades(db, entidadId, vigencia)))
    throw conflicto(
      'El plan de acción de esta vigencia ya tiene actividades con metas por periodo: no se puede cambiar el esquema de periodos.',
    );
  await db.transaction(async (tx) => {
    if (cambiaPeriodos) {
      // Held until commit: a period closed meanwhile is seen here, not wiped by the new periods.
      const guardados = await tx
        .select({ cerrado: periodo.cerrado })
        .from(periodo)
        .where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia)))
        .for('update');
      if (guardados.some((p) => p.cerrado))
        throw conflicto(
          'Hay periodos cerrados en esta vigencia: no se puede cambiar el esquema ni los plazos.',
        );
    }
    await tx
      .insert(vigenciaEntidad)
      .values({ entidadId, vigencia, esquema, diasHabilesReporte, semaforo, modoPonderacion })
      .onConflictDoUpdate({
        target: [vigenciaEntidad.entidadId, vigenciaEntidad.vigencia],
        set: { esquema, diasHabilesReporte, semaforo, modoPonderacion },
      });
    if (cambiaPeriodos) {
      await tx.delete(periodo).where(and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia)));
      await tx.insert(periodo).values(
        periodosDeVigencia(vigencia, esquema, diasHabilesReporte, await calendarioDe(tx, entidadId)).map(
          (p) => ({
            ...p,
            entidadId,
            vigencia,
          }),
        ),
      );
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'configurar',
      recurso: 'vigencia',
      recursoId: String(vigencia),
      antes: antes.configurada
        ? {
            esquema: antes.esquema,
            diasHabilesReporte: antes.diasHabilesReporte,
            semaforo: antes.semaforo,
            modoPonderacion: antes.modoPonderacion,
          }
        : null,
      despues: { esquema, diasHabilesReporte, semaforo, modoPonderacion },
    });
  });
  return leerVigencia(db, entidadId, vigencia);
}

/** Moves a period's reporting window (not of a closed period; held under the closing's lock). */
export async function cambiarVentana(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  numero: number,
  ventana: Ventana,
) {
  const { abre, cierra } = ventana;
  const actual = await leerVigencia(db, entidadId, vigencia);
  if (!actual.configurada) throw conflicto('Configure primero el esquema de periodos de la vigencia.');
  const p = actual.periodos.find((x) => x.numero === numero);
  if (!p) throw noEncontrado(`el periodo ${numero} de la vigencia ${vigencia}`);
  if (p.cerrado)
    throw conflicto(`El periodo «${p.nombre}» está cerrado: reábralo antes de cambiar su ventana.`);
  if (cierra < abre) throw invalido('cierra', 'la ventana no puede cerrar antes de abrir.');
  if (abre < p.inicio)
    throw invalido('abre', `la ventana no puede abrir antes del inicio del periodo (${p.inicio}).`);
  await db.transaction(async (tx) => {
    // Under the closing's lock: a window is not moved on a period closed meanwhile.
    const actual = await bloquearPeriodo(tx, entidadId, vigencia, numero, 'update');
    if (actual?.cerrado)
      throw conflicto(`El periodo «${p.nombre}» está cerrado: reábralo antes de cambiar su ventana.`);
    await tx
      .update(periodo)
      .set({ abre, cierra })
      .where(
        and(eq(periodo.entidadId, entidadId), eq(periodo.vigencia, vigencia), eq(periodo.numero, numero)),
      );
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'cambiar_ventana',
      recurso: 'periodo',
      recursoId: `${vigencia}:${numero}`,
      antes: { abre: actual?.abre ?? p.abre, cierra: actual?.cierra ?? p.cierra },
      despues: { abre, cierra },
    });
  });
  return leerVigencia(db, entidadId, vigencia);
}
