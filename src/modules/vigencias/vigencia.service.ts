import { and, asc, eq, sql } from 'drizzle-orm';
import type { ConfigurarVigencia, Ventana } from '../../contrato/vigencias.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  cantidadPeriodos,
  ESQUEMAS_INSTRUMENTO_POR_DEFECTO,
  type EsquemaPeriodos,
  type EsquemasInstrumento,
  esquemaActividad,
  estadoVentana,
  nombreConCorte,
  periodoPlanDeCorte,
  periodosDeVigencia,
  problemaEsquemaInstrumento,
} from '../../core/periodos.ts';
import { problemasRangos, RANGOS_POR_DEFECTO, type RangosSemaforo } from '../../core/semaforo.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  periodo,
  planAccion,
  planDecreto612,
  planPropio,
  vigenciaEntidad,
} from '../../db/schema.ts';
import { conflicto, ErrorApi, invalido, noEncontrado } from '../../server/errores.ts';
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
    esquemasInstrumento: (config?.esquemasInstrumento ?? {}) as Record<string, EsquemaPeriodos>,
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

/**
 * The instruments an activity may belong to, by key, with the name messages use: the Decreto 612 plans of
 * the vigencia (by their acronym, «PTEP», when they have one) and the entity's own plans (by their code).
 */
export async function instrumentosDe(db: Db, entidadId: string, vigencia: number) {
  const [decreto, propios] = await Promise.all([
    db
      .select({ clave: planDecreto612.clave, nombre: planDecreto612.nombre, sigla: planDecreto612.sigla })
      .from(planDecreto612)
      .where(eq(planDecreto612.vigencia, vigencia)),
    db.select({ codigo: planPropio.codigo }).from(planPropio).where(eq(planPropio.entidadId, entidadId)),
  ]);
  return new Map<string, string>([
    ...decreto.map((p) => [p.clave, p.sigla ?? p.nombre] as [string, string]),
    ...propios.map((p) => [p.codigo, p.codigo] as [string, string]),
  ]);
}

/** The instrument whose scheme an activity follows (for messages), or null when it follows the plan's. */
export function instrumentoDeActividad(
  a: { plan612?: string | null; planPropio?: string | null },
  esquemas: EsquemasInstrumento,
) {
  for (const k of [a.plan612, a.planPropio]) if (k && Object.hasOwn(esquemas, k)) return k;
  return null;
}

/**
 * The instruments' schemes a configuration leaves: those sent, else the ones kept; a vigencia configured
 * for the first time puts the PTEP by cuatrimestres, unless that does not fit the plan's scheme or would
 * move activities already programmed.
 */
async function esquemasAGuardar(
  db: Db,
  entidadId: string,
  vigencia: number,
  esquema: EsquemaPeriodos,
  enviados: EsquemasInstrumento | undefined,
  antes: { configurada: boolean; esquema: EsquemaPeriodos; esquemasInstrumento: EsquemasInstrumento },
) {
  if (enviados) return enviados;
  if (antes.configurada) return antes.esquemasInstrumento;
  const actividades = await actividadesConInstrumento(db, entidadId, vigencia);
  return Object.fromEntries(
    Object.entries(ESQUEMAS_INSTRUMENTO_POR_DEFECTO).filter(
      ([clave, e]) =>
        !problemaEsquemaInstrumento(clave, e!, esquema) &&
        !actividades.some((a) => a.plan612 === clave || a.planPropio === clave),
    ),
  ) as EsquemasInstrumento;
}

async function actividadesConInstrumento(db: Db, entidadId: string, vigencia: number) {
  return db
    .select({ codigo: actividad.codigo, plan612: actividad.plan612, planPropio: actividad.planPropio })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
}

/**
 * Checks the instruments' schemes: each one is an instrument of the vigencia or of the entity, its period
 * lasts at least as long as the plan's (400 naming it), and none moves the scheme of an activity already
 * programmed (409 naming it and the activity: its goals and reports are counted by its periods).
 */
async function validarEsquemasInstrumento(
  db: Db,
  entidadId: string,
  vigencia: number,
  esquema: EsquemaPeriodos,
  nuevos: EsquemasInstrumento,
  antes: { esquema: EsquemaPeriodos; esquemasInstrumento: EsquemasInstrumento },
) {
  const instrumentos = await instrumentosDe(db, entidadId, vigencia);
  const errores: { campo: string; mensaje: string }[] = [];
  for (const [clave, e] of Object.entries(nuevos)) {
    const nombre = instrumentos.get(clave);
    if (!nombre)
      errores.push({
        campo: 'esquemasInstrumento',
        mensaje: `«${clave}» no es un plan del Decreto 612 de ${vigencia} ni un plan propio de la entidad`,
      });
    else {
      const problema = problemaEsquemaInstrumento(nombre, e!, esquema);
      if (problema) errores.push({ campo: 'esquemasInstrumento', mensaje: problema });
    }
  }
  if (errores.length)
    throw new ErrorApi(
      400,
      `Revise los esquemas por instrumento: ${errores.map((x) => x.mensaje).join('; ')}.`,
      errores,
    );
  const cambiadas = new Set(
    [...Object.keys(nuevos), ...Object.keys(antes.esquemasInstrumento)].filter(
      (k) => nuevos[k] !== antes.esquemasInstrumento[k],
    ),
  );
  if (!cambiadas.size) return;
  const movida = (await actividadesConInstrumento(db, entidadId, vigencia)).find(
    (a) =>
      (cambiadas.has(a.plan612 ?? '') || cambiadas.has(a.planPropio ?? '')) &&
      esquemaActividad(a, antes.esquemasInstrumento, antes.esquema) !== esquemaActividad(a, nuevos, esquema),
  );
  if (movida) {
    const clave = cambiadas.has(movida.plan612 ?? '') ? movida.plan612! : movida.planPropio!;
    throw conflicto(
      `El ${instrumentos.get(clave) ?? clave} ya tiene actividades con metas por periodo (${movida.codigo}): no se puede cambiar su esquema de periodos.`,
    );
  }
}

export type VigenciaLeida = Awaited<ReturnType<typeof leerVigencia>>;
export type PeriodoLeido = VigenciaLeida['periodos'][number];
/** A period as an activity sees it; `numeroPlan` is the plan's period that holds its cut-off. */
export type PeriodoDeActividad = PeriodoLeido & { numeroPlan: number };

/**
 * The periods of each scheme in the vigencia, read once: the plan's are the stored ones (with their windows
 * and closings); an instrument's are computed on the entity's calendar, named with their cut-off
 * («Cuatrimestre 1 (corte 30/04/2026)») and closed when the plan's period that holds the cut-off is.
 */
export async function lectorPeriodos(db: Db, entidadId: string, v: VigenciaLeida) {
  const calendario = await calendarioDe(db, entidadId);
  const hoy = hoyEnColombia();
  const memo = new Map<EsquemaPeriodos, PeriodoDeActividad[]>();
  return (esquema: EsquemaPeriodos): PeriodoDeActividad[] => {
    const guardados = memo.get(esquema);
    if (guardados) return guardados;
    const periodos =
      esquema === v.esquema
        ? v.periodos.map((p) => ({ ...p, numeroPlan: p.numero }))
        : periodosDeVigencia(v.vigencia, esquema, v.diasHabilesReporte, calendario).map((p) => {
            const numeroPlan = periodoPlanDeCorte(p.numero, v.esquema, esquema);
            return {
              numero: p.numero,
              nombre: nombreConCorte(p),
              inicio: p.inicio,
              corte: p.corte,
              abre: p.abre,
              cierra: p.cierra,
              cerrado: v.periodos.find((x) => x.numero === numeroPlan)?.cerrado ?? false,
              ventana: estadoVentana(p, hoy),
              diasHabilesParaCerrar: calendario.diasHabilesEntre(hoy, p.cierra),
              numeroPlan,
            };
          });
    memo.set(esquema, periodos);
    return periodos;
  };
}

/**
 * The plan's period that holds the cut-off of an activity's period `numero` (its report's): the same number
 * on the plan's scheme; for an instrument with its own, the one whose closing closes it.
 */
export async function periodoPlanDeReporte(db: Db, actividadId: string, numero: number) {
  const [f] = await db
    .select({
      plan612: actividad.plan612,
      planPropio: actividad.planPropio,
      esquema: vigenciaEntidad.esquema,
      esquemas: vigenciaEntidad.esquemasInstrumento,
    })
    .from(actividad)
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .innerJoin(
      vigenciaEntidad,
      and(
        eq(vigenciaEntidad.entidadId, planAccion.entidadId),
        eq(vigenciaEntidad.vigencia, planAccion.vigencia),
      ),
    )
    .where(eq(actividad.id, actividadId));
  if (!f) return numero;
  return periodoPlanDeCorte(numero, f.esquema, esquemaActividad(f, f.esquemas, f.esquema));
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

/** Two-key advisory lock over a vigencia's period schemes: shared while activities are written, exclusive to change them. */
async function tomarEsquemas(tx: Db, entidadId: string, vigencia: number, para: 'lectura' | 'cambio') {
  const ambito = `${entidadId}:${vigencia}`;
  await tx.execute(
    para === 'cambio'
      ? sql`select pg_advisory_xact_lock(hashtext('esquemas_vigencia'), hashtext(${ambito}))`
      : sql`select pg_advisory_xact_lock_shared(hashtext('esquemas_vigencia'), hashtext(${ambito}))`,
  );
}

/**
 * Inside the transaction that writes activities: holds the vigencia's schemes until commit and checks each
 * activity's goals against the scheme in force now. The check before the transaction gave the friendly
 * message; this one closes the race with a scheme changed meanwhile (409).
 */
export async function sostenerEsquemas(
  tx: Db,
  entidadId: string,
  vigencia: number,
  actividades: readonly {
    codigo: string;
    plan612?: string | null;
    planPropio?: string | null;
    metasPeriodo: readonly number[];
  }[],
) {
  await tomarEsquemas(tx, entidadId, vigencia, 'lectura');
  const v = await leerVigencia(tx, entidadId, vigencia);
  const distinta = actividades.find(
    (a) => a.metasPeriodo.length !== cantidadPeriodos(esquemaActividad(a, v.esquemasInstrumento, v.esquema)),
  );
  if (distinta)
    throw new ErrorApi(
      409,
      `El esquema de periodos de la vigencia ${vigencia} acaba de cambiar: ${distinta.codigo} necesita ${cantidadPeriodos(esquemaActividad(distinta, v.esquemasInstrumento, v.esquema))} metas por periodo. Recargue y revise sus metas.`,
      [{ campo: 'metasPeriodo', mensaje: 'el esquema de periodos de la vigencia acaba de cambiar' }],
    );
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
  await db.transaction(async (tx) => {
    // Every check below is made under the vigencia's schemes lock: an activity saved at the same moment
    // either finished first (and is seen here) or waits and then meets the new scheme (sostenerEsquemas).
    await tomarEsquemas(tx, entidadId, vigencia, 'cambio');
    const antes = await leerVigencia(tx, entidadId, vigencia);
    const modoPonderacion = entrada.modoPonderacion ?? antes.modoPonderacion;
    const esquemasInstrumento = await esquemasAGuardar(
      tx,
      entidadId,
      vigencia,
      esquema,
      entrada.esquemasInstrumento,
      antes,
    );
    const cambiaPeriodos =
      antes.esquema !== esquema || antes.diasHabilesReporte !== diasHabilesReporte || !antes.configurada;
    if (cambiaPeriodos && antes.periodos.some((p) => p.cerrado))
      throw conflicto(
        'Hay periodos cerrados en esta vigencia: no se puede cambiar el esquema ni los plazos.',
      );
    if (antes.configurada && antes.esquema !== esquema && (await tieneActividades(tx, entidadId, vigencia)))
      throw conflicto(
        'El plan de acción de esta vigencia ya tiene actividades con metas por periodo: no se puede cambiar el esquema de periodos.',
      );
    await validarEsquemasInstrumento(tx, entidadId, vigencia, esquema, esquemasInstrumento, antes);
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
      .values({
        entidadId,
        vigencia,
        esquema,
        diasHabilesReporte,
        semaforo,
        modoPonderacion,
        esquemasInstrumento,
      })
      .onConflictDoUpdate({
        target: [vigenciaEntidad.entidadId, vigenciaEntidad.vigencia],
        set: { esquema, diasHabilesReporte, semaforo, modoPonderacion, esquemasInstrumento },
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
            esquemasInstrumento: antes.esquemasInstrumento,
          }
        : null,
      despues: { esquema, diasHabilesReporte, semaforo, modoPonderacion, esquemasInstrumento },
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
