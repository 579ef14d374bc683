import { eq, sql } from 'drizzle-orm';
import { validarDependencias } from '../../core/dependencias-importacion.ts';
import type { Db } from '../../db/client.ts';
import { dependencia } from '../../db/schema.ts';
import type { Actor } from '../auditoria/auditoria.repository.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import type { LecturaPlan } from '../excel/plan-xlsx.ts';

type Tabla = Extract<LecturaPlan, { ok: true }>;

export type ResultadoImportacion =
  | { ok: true; importadas: number }
  | { ok: false; problemas: { fila: number; columna: string; problema: string }[] };

/**
 * All the file's dependencias or none. Two imports of one entity run one after the other (an advisory lock
 * per entity), and the file is checked again inside the transaction, so both cannot add the same names.
 */
export async function importarDependencias(
  db: Db,
  actor: Actor,
  entidadId: string,
  tabla: Tabla,
): Promise<ResultadoImportacion> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`importar-dependencias:${entidadId}`}))`);
    const existentes = await tx
      .select({ id: dependencia.id, nombre: dependencia.nombre, codigo: dependencia.codigo })
      .from(dependencia)
      .where(eq(dependencia.entidadId, entidadId));
    const r = validarDependencias(tabla.encabezados, tabla.filas, existentes);
    if (!r.ok) return r;
    const idDeFila = new Map<number, string>();
    for (const d of r.dependencias) {
      const padreId = !d.padre ? null : 'id' in d.padre ? d.padre.id : idDeFila.get(d.padre.fila)!;
      const [creada] = await tx
        .insert(dependencia)
        .values({ entidadId, nombre: d.nombre, codigo: d.codigo, padreId })
        .returning({ id: dependencia.id });
      idDeFila.set(d.fila, creada!.id);
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'importar',
      recurso: 'dependencias',
      despues: { dependencias: r.dependencias.length, nombres: r.dependencias.map((d) => d.nombre) },
    });
    return { ok: true, importadas: r.dependencias.length };
  });
}
