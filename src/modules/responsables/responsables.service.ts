import { and, eq } from 'drizzle-orm';
import type { AsignarResponsable } from '../../contrato/responsables.ts';
import type { Db } from '../../db/client.ts';
import { dependencia, responsablePolitica, rolUsuario, usuario } from '../../db/schema.ts';
import { invalido, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';

/** The person and dependencia in charge of each policy in a vigencia, with their names. */
export async function listarResponsables(db: Db, entidadId: string, vigencia: number) {
  return db
    .select({
      politica: responsablePolitica.politica,
      usuarioId: responsablePolitica.usuarioId,
      dependenciaId: responsablePolitica.dependenciaId,
      usuarioNombre: usuario.nombre,
      dependenciaNombre: dependencia.nombre,
    })
    .from(responsablePolitica)
    .leftJoin(usuario, eq(usuario.id, responsablePolitica.usuarioId))
    .leftJoin(dependencia, eq(dependencia.id, responsablePolitica.dependenciaId))
    .where(and(eq(responsablePolitica.entidadId, entidadId), eq(responsablePolitica.vigencia, vigencia)));
}

/** Assigns a policy's responsible person (with a role in the entity) and dependencia (of the entity). */
export async function asignarResponsable(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  politica: string,
  entrada: AsignarResponsable,
) {
  const { usuarioId, dependenciaId } = entrada;
  if (!(await politicasDeVigencia(db, vigencia)).some((p) => p.clave === politica))
    throw noEncontrado(`la política «${politica}» en el catálogo de la vigencia ${vigencia}`);
  if (usuarioId) {
    const [r] = await db
      .select()
      .from(rolUsuario)
      .where(and(eq(rolUsuario.usuarioId, usuarioId), eq(rolUsuario.entidadId, entidadId)))
      .limit(1);
    if (!r) throw invalido('usuarioId', 'la persona no tiene un rol en esta entidad.');
  }
  if (dependenciaId) {
    const [d] = await db
      .select()
      .from(dependencia)
      .where(and(eq(dependencia.id, dependenciaId), eq(dependencia.entidadId, entidadId)));
    if (!d) throw invalido('dependenciaId', 'la dependencia no existe en esta entidad.');
  }
  const clave = and(
    eq(responsablePolitica.entidadId, entidadId),
    eq(responsablePolitica.vigencia, vigencia),
    eq(responsablePolitica.politica, politica),
  );
  return db.transaction(async (tx) => {
    const [antes] = await tx.select().from(responsablePolitica).where(clave);
    await tx
      .insert(responsablePolitica)
      .values({ entidadId, vigencia, politica, usuarioId, dependenciaId })
      .onConflictDoUpdate({
        target: [responsablePolitica.entidadId, responsablePolitica.vigencia, responsablePolitica.politica],
        set: { usuarioId, dependenciaId },
      });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'asignar_responsable',
      recurso: 'politica',
      recursoId: `${vigencia}:${politica}`,
      antes: antes ? { usuarioId: antes.usuarioId, dependenciaId: antes.dependenciaId } : null,
      despues: { usuarioId, dependenciaId },
    });
    return { politica, usuarioId, dependenciaId };
  });
}
