import { and, asc, eq, sql } from 'drizzle-orm';
import type { DependenciaEntrada } from '../../contrato/dependencias.ts';
import { cantidad } from '../../core/formato.ts';
import { claveComparable } from '../../core/texto.ts';
import type { Db } from '../../db/client.ts';
import { actividad, dependencia, indicador, responsablePolitica } from '../../db/schema.ts';
import { conflicto, invalido, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { candadoImportacion } from '../importacion/importacion.service.ts';

export const presentar = (d: typeof dependencia.$inferSelect) => ({
  id: d.id,
  nombre: d.nombre,
  codigo: d.codigo,
  padreId: d.padreId,
});

export async function dependenciasDe(db: Db, entidadId: string) {
  return db
    .select({
      id: dependencia.id,
      nombre: dependencia.nombre,
      codigo: dependencia.codigo,
      padreId: dependencia.padreId,
    })
    .from(dependencia)
    .where(eq(dependencia.entidadId, entidadId))
    .orderBy(asc(dependencia.nombre));
}

/** The parent must be of the same entity and must not hang below the node itself (no cycles). */
export async function exigirPadreValido(
  db: Db,
  entidadId: string,
  padreId: string | null | undefined,
  propioId?: string,
) {
  if (!padreId) return;
  const todas = await dependenciasDe(db, entidadId);
  const porId = new Map(todas.map((d) => [d.id, d]));
  if (!porId.has(padreId)) throw invalido('padreId', 'la dependencia superior no existe en esta entidad.');
  for (let actual: string | null = padreId; actual; actual = porId.get(actual)?.padreId ?? null) {
    if (actual === propioId) throw invalido('padreId', 'una dependencia no puede quedar debajo de sí misma.');
  }
}

/**
 * Names and codes are unique in the entity, compared as the import compares them (case, accents and spaces
 * aside): a double click or a second office typing the same one must not leave two «Oficina Jurídica», which
 * would also make matching a sheet's names ambiguous. Under the lock of importing dependencias, so two
 * writes cannot both pass the check.
 */
async function exigirUnica(tx: Db, entidadId: string, datos: DependenciaEntrada, propioId?: string) {
  await candadoImportacion(tx, 'dependencias', entidadId);
  const otras = (await dependenciasDe(tx, entidadId)).filter((d) => d.id !== propioId);
  const nombre = claveComparable(datos.nombre);
  if (otras.some((d) => claveComparable(d.nombre) === nombre))
    throw invalido('nombre', `ya existe la dependencia «${datos.nombre.trim()}» en esta entidad`);
  const codigo = datos.codigo ? claveComparable(datos.codigo) : null;
  if (codigo && otras.some((d) => d.codigo && claveComparable(d.codigo) === codigo))
    throw invalido('codigo', `el código ${datos.codigo} ya es de otra dependencia`);
}

export async function crearDependencia(db: Db, actor: Actor, entidadId: string, datos: DependenciaEntrada) {
  await exigirPadreValido(db, entidadId, datos.padreId);
  return db.transaction(async (tx) => {
    await exigirUnica(tx, entidadId, datos);
    const [d] = await tx
      .insert(dependencia)
      .values({ ...datos, padreId: datos.padreId ?? null, entidadId })
      .returning();
    const salida = presentar(d!);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'dependencia',
      recursoId: d!.id,
      despues: salida,
    });
    return salida;
  });
}

/** Renames a dependencia or moves it under another one of the same entity. */
export async function actualizarDependencia(
  db: Db,
  actor: Actor,
  entidadId: string,
  dependenciaId: string,
  entrada: DependenciaEntrada,
) {
  const antes = (await dependenciasDe(db, entidadId)).find((d) => d.id === dependenciaId);
  if (!antes) throw noEncontrado('la dependencia');
  await exigirPadreValido(db, entidadId, entrada.padreId, dependenciaId);
  return db.transaction(async (tx) => {
    await exigirUnica(tx, entidadId, entrada, dependenciaId);
    const [d] = await tx
      .update(dependencia)
      .set({ ...entrada, padreId: entrada.padreId ?? null })
      .where(and(eq(dependencia.id, dependenciaId), eq(dependencia.entidadId, entidadId)))
      .returning();
    const salida = presentar(d!);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'actualizar',
      recurso: 'dependencia',
      recursoId: dependenciaId,
      antes,
      despues: salida,
    });
    return salida;
  });
}

/** Deletes a dependencia with no subdependencias and no policy in its charge. */
export async function eliminarDependencia(db: Db, actor: Actor, entidadId: string, dependenciaId: string) {
  const todas = await dependenciasDe(db, entidadId);
  const antes = todas.find((d) => d.id === dependenciaId);
  if (!antes) throw noEncontrado('la dependencia');
  if (todas.some((d) => d.padreId === dependenciaId))
    throw conflicto('La dependencia tiene subdependencias: muévalas o elimínelas primero.');
  const [asignada] = await db
    .select()
    .from(responsablePolitica)
    .where(eq(responsablePolitica.dependenciaId, dependenciaId))
    .limit(1);
  if (asignada)
    throw conflicto('La dependencia es responsable de una política: reasigne la política primero.');
  // Activities and indicators keep their dependencia for the record: say which, instead of the database's
  // generic «relacionado con otros datos».
  const [usoActividad] = await db
    .select({ codigo: actividad.codigo, total: sql<number>`(count(*) over ())::int` })
    .from(actividad)
    .where(eq(actividad.dependenciaId, dependenciaId))
    .orderBy(asc(actividad.codigo))
    .limit(1);
  if (usoActividad)
    throw conflicto(
      `La dependencia tiene a su cargo ${cantidad(usoActividad.total, 'actividad', 'actividades')} de los planes de acción (por ejemplo, ${usoActividad.codigo}): asígnelas a otra dependencia primero.`,
    );
  const [usoIndicador] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(indicador)
    .where(eq(indicador.dependenciaId, dependenciaId));
  if (usoIndicador!.total > 0)
    throw conflicto(
      `La dependencia tiene a su cargo ${cantidad(usoIndicador!.total, 'indicador', 'indicadores')}: asígnelos a otra dependencia primero.`,
    );
  await db.transaction(async (tx) => {
    await tx.delete(dependencia).where(eq(dependencia.id, dependenciaId));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'eliminar',
      recurso: 'dependencia',
      recursoId: dependenciaId,
      antes,
    });
  });
}
