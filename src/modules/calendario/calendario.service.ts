// The holidays a deadline counts: the law's table adjusted by the platform (for everyone) and by each
// entity (its own closures). Every business-day computation of an entity goes through calendarioDe.
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type {
  Ajuste,
  AjusteEntrada,
  CalendarioEntidad,
  Festivo,
  VentanaFuragEntrada,
  VentanaFuragRespuesta,
} from '../../contrato/calendario.ts';
import { type AjusteCalendario, type Calendario, crearCalendario } from '../../core/dias-habiles.ts';
import { type FechasVentana, problemasVentana, ventanaVigente } from '../../core/ventana-furag.ts';
import type { Db } from '../../db/client.ts';
import { ajusteCalendario, ventanaFurag } from '../../db/schema.ts';
import { conflicto, invalidos, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

/** Bound per scope: a year has 365 days; a few years of adjustments is plenty. */
export const MAXIMO_AJUSTES = 500;

/** The adjustments that hold for the entity (the platform's and its own), or the platform's alone. */
async function ajustesDe(db: Db, entidadId: string | null) {
  return db
    .select()
    .from(ajusteCalendario)
    .where(
      entidadId
        ? or(isNull(ajusteCalendario.entidadId), eq(ajusteCalendario.entidadId, entidadId))
        : isNull(ajusteCalendario.entidadId),
    )
    .orderBy(asc(ajusteCalendario.fecha));
}

const paraCore = (a: typeof ajusteCalendario.$inferSelect): AjusteCalendario => ({
  fecha: a.fecha,
  tipo: a.tipo,
  nombre: a.nombre,
  origen: a.entidadId ? 'entidad' : 'plataforma',
});

const vista = (a: typeof ajusteCalendario.$inferSelect): Ajuste => ({
  id: a.id,
  fecha: a.fecha,
  tipo: a.tipo,
  nombre: a.nombre,
  alcance: a.entidadId ? 'entidad' : 'plataforma',
});

/** The calendar the entity's deadlines are counted on. */
export async function calendarioDe(db: Db, entidadId: string | null): Promise<Calendario> {
  return crearCalendario((await ajustesDe(db, entidadId)).map(paraCore));
}

/** The year's non-working days for everyone (the law's with the platform's adjustments). */
export async function festivosPlataforma(db: Db, anio: number): Promise<Festivo[]> {
  return (await calendarioDe(db, null)).festivos(anio);
}

/** The entity's view: its year's non-working days and every adjustment that applies to it. */
export async function calendarioEntidad(db: Db, entidadId: string, anio: number): Promise<CalendarioEntidad> {
  const ajustes = await ajustesDe(db, entidadId);
  return {
    anio,
    festivos: crearCalendario(ajustes.map(paraCore)).festivos(anio),
    ajustes: ajustes.filter((a) => Number(a.fecha.slice(0, 4)) === anio).map(vista),
  };
}

/**
 * Adds an adjustment for the platform (entidadId null) or one entity. One per date and scope: a second
 * one on the same date, also from a simultaneous request, gets a 409 (the unique constraint decides).
 */
export async function agregarAjuste(
  db: Db,
  actor: Actor,
  entidadId: string | null,
  entrada: AjusteEntrada,
): Promise<Ajuste> {
  return db.transaction(async (tx) => {
    const mismoAlcance = entidadId
      ? eq(ajusteCalendario.entidadId, entidadId)
      : isNull(ajusteCalendario.entidadId);
    const existentes = await tx
      .select({ id: ajusteCalendario.id, fecha: ajusteCalendario.fecha })
      .from(ajusteCalendario)
      .where(mismoAlcance);
    if (existentes.some((a) => a.fecha === entrada.fecha))
      throw conflicto('Ya hay un ajuste para ese día: quítelo antes de registrar otro.');
    if (existentes.length >= MAXIMO_AJUSTES)
      throw conflicto(
        `Se admiten como máximo ${MAXIMO_AJUSTES} ajustes del calendario; quite los de años pasados.`,
      );
    const [a] = await tx
      .insert(ajusteCalendario)
      .values({ ...entrada, entidadId, creadoPor: actor.usuarioId })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'calendario',
      recursoId: a!.id,
      despues: { fecha: a!.fecha, tipo: a!.tipo, nombre: a!.nombre },
    });
    return vista(a!);
  });
}

/** Removes an adjustment of the given scope; of two removals at once one deletes and the other gets 404. */
export async function quitarAjuste(db: Db, actor: Actor, entidadId: string | null, ajusteId: string) {
  await db.transaction(async (tx) => {
    const [a] = await tx
      .delete(ajusteCalendario)
      .where(
        and(
          eq(ajusteCalendario.id, ajusteId),
          entidadId ? eq(ajusteCalendario.entidadId, entidadId) : isNull(ajusteCalendario.entidadId),
        ),
      )
      .returning();
    if (!a) throw noEncontrado('el ajuste del calendario');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'eliminar',
      recurso: 'calendario',
      recursoId: a.id,
      antes: { fecha: a.fecha, tipo: a.tipo, nombre: a.nombre },
    });
  });
}

// ---------- The FURAG window: the estimate, the platform's dates for everyone, an entity's own ----------

const alcanceVentana = (entidadId: string | null, vigencia: number) =>
  and(
    entidadId ? eq(ventanaFurag.entidadId, entidadId) : isNull(ventanaFurag.entidadId),
    eq(ventanaFurag.vigencia, vigencia),
  );

const fechas = (f: typeof ventanaFurag.$inferSelect | undefined): FechasVentana | null =>
  f ? { inicio: f.inicio, fin: f.fin, fuente: f.fuente } : null;

/** The window that holds for the entity (its own, the platform's or the estimate), with the platform's beside. */
export async function ventanaFuragDe(
  db: Db,
  entidadId: string | null,
  vigencia: number,
): Promise<VentanaFuragRespuesta> {
  const filas = await db
    .select()
    .from(ventanaFurag)
    .where(
      and(
        eq(ventanaFurag.vigencia, vigencia),
        entidadId
          ? or(isNull(ventanaFurag.entidadId), eq(ventanaFurag.entidadId, entidadId))
          : isNull(ventanaFurag.entidadId),
      ),
    );
  const plataforma = fechas(filas.find((f) => f.entidadId === null));
  const propia = fechas(filas.find((f) => f.entidadId !== null));
  return { ...ventanaVigente(vigencia, plataforma, propia), plataforma };
}

/**
 * Records the window's dates for the platform (entidadId null) or one entity, replacing what was there: one
 * row per vigencia and scope (the unique constraint), so two saves at once leave one of them whole.
 */
export async function registrarVentanaFurag(
  db: Db,
  actor: Actor,
  entidadId: string | null,
  vigencia: number,
  entrada: VentanaFuragEntrada,
): Promise<VentanaFuragRespuesta> {
  const problemas = problemasVentana(vigencia, entrada.inicio, entrada.fin);
  if (problemas.length) throw invalidos(problemas, 'las fechas de la ventana del FURAG');
  await db.transaction(async (tx) => {
    const [antes] = await tx.select().from(ventanaFurag).where(alcanceVentana(entidadId, vigencia));
    const [fila] = await tx
      .insert(ventanaFurag)
      .values({ entidadId, vigencia, ...entrada, actualizadoPor: actor.usuarioId })
      .onConflictDoUpdate({
        target: [ventanaFurag.entidadId, ventanaFurag.vigencia],
        set: { ...entrada, actualizadoPor: actor.usuarioId, actualizadoEn: new Date() },
      })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'configurar',
      recurso: 'ventana_furag',
      recursoId: fila!.id,
      antes: antes ? { vigencia, ...fechas(antes) } : null,
      despues: { vigencia, ...entrada },
    });
  });
  return ventanaFuragDe(db, entidadId, vigencia);
}

/** Removes the recorded dates of a scope: the platform's (or the estimate) hold again. */
export async function quitarVentanaFurag(
  db: Db,
  actor: Actor,
  entidadId: string | null,
  vigencia: number,
): Promise<VentanaFuragRespuesta> {
  await db.transaction(async (tx) => {
    const [antes] = await tx.delete(ventanaFurag).where(alcanceVentana(entidadId, vigencia)).returning();
    if (!antes)
      throw noEncontrado(
        `una ventana del FURAG ${vigencia} registrada ${entidadId ? 'por la entidad' : 'por la plataforma'}`,
      );
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'eliminar',
      recurso: 'ventana_furag',
      recursoId: antes.id,
      antes: { vigencia, ...fechas(antes) },
    });
  });
  return ventanaFuragDe(db, entidadId, vigencia);
}
