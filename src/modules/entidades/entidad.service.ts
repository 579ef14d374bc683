import { asc, eq } from 'drizzle-orm';
import type { EntidadEntrada } from '../../contrato/entidades.ts';
import { validarNit } from '../../core/nit.ts';
import type { Db } from '../../db/client.ts';
import { entidad } from '../../db/schema.ts';
import { conflicto, ErrorApi, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

type Entrada = EntidadEntrada;
type Fila = typeof entidad.$inferSelect;

export function presentarEntidad(e: Fila) {
  const { dv, nit, creadoEn: _c, logo, ...resto } = e;
  return { ...resto, nit: `${nit}-${dv}`, tieneLogo: logo !== null };
}

function aFila(d: Entrada) {
  const nit = validarNit(d.nit);
  if (!nit.ok) throw new Error('NIT ya validado por el esquema');
  return { ...d, nit: nit.base, dv: nit.dv };
}

async function exigirIdentificacionLibre(
  db: Db,
  fila: { nit: string; codigoSigep?: string | null },
  excepto?: string,
) {
  const [otra] = await db.select({ id: entidad.id }).from(entidad).where(eq(entidad.nit, fila.nit));
  if (otra && otra.id !== excepto)
    throw conflicto(`Ya existe una entidad registrada con el NIT ${fila.nit}.`);
  if (!fila.codigoSigep) return;
  const [misma] = await db
    .select({ id: entidad.id })
    .from(entidad)
    .where(eq(entidad.codigoSigep, fila.codigoSigep));
  if (misma && misma.id !== excepto)
    throw new ErrorApi(409, `El código SIGEP ${fila.codigoSigep} ya está registrado para otra entidad.`, [
      { campo: 'codigoSigep', mensaje: 'ya está registrado para otra entidad' },
    ]);
}

export async function listarEntidades(db: Db) {
  return (await db.select().from(entidad).orderBy(asc(entidad.nombre))).map(presentarEntidad);
}

export async function obtenerEntidad(db: Db, id: string) {
  const [e] = await db.select().from(entidad).where(eq(entidad.id, id));
  if (!e) throw noEncontrado('la entidad');
  return e;
}

export async function crearEntidad(db: Db, actor: Actor, datos: Entrada) {
  const fila = aFila(datos);
  await exigirIdentificacionLibre(db, fila);
  return db.transaction(async (tx) => {
    const [nueva] = await tx.insert(entidad).values(fila).returning();
    const presentada = presentarEntidad(nueva!);
    await registrarAuditoria(tx, actor, {
      entidadId: nueva!.id,
      accion: 'crear',
      recurso: 'entidad',
      recursoId: nueva!.id,
      despues: presentada,
    });
    return presentada;
  });
}

export async function actualizarEntidad(db: Db, actor: Actor, id: string, datos: Entrada) {
  const antes = await obtenerEntidad(db, id);
  const fila = aFila(datos);
  await exigirIdentificacionLibre(db, fila, id);
  return db.transaction(async (tx) => {
    const [despues] = await tx.update(entidad).set(fila).where(eq(entidad.id, id)).returning();
    const presentada = presentarEntidad(despues!);
    await registrarAuditoria(tx, actor, {
      entidadId: id,
      accion: 'actualizar',
      recurso: 'entidad',
      recursoId: id,
      antes: presentarEntidad(antes),
      despues: presentada,
    });
    return presentada;
  });
}
