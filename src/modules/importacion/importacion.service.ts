import { and, eq, inArray, sql } from 'drizzle-orm';
import { validarDependencias } from '../../core/dependencias-importacion.ts';
import { validarPersonas } from '../../core/personas-importacion.ts';
import { type ProblemaFila, textoCelda } from '../../core/tabla-importacion.ts';
import type { Db } from '../../db/client.ts';
import { dependencia, rolUsuario, usuario } from '../../db/schema.ts';
import type { Actor } from '../auditoria/auditoria.repository.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import type { Correo } from '../correo/correo.service.ts';
import type { LecturaPlan } from '../excel/plan-xlsx.ts';
import { claveInutilizable, crearCuenta } from '../usuarios/usuario.service.ts';

export type Tabla = Extract<LecturaPlan, { ok: true }>;

export type ResultadoImportacion<T = object> =
  | ({ ok: true; importadas: number } & T)
  | { ok: false; problemas: ProblemaFila[] };

/**
 * All the file's rows or none. Two imports of one kind in one entity run one after the other (an advisory
 * lock), and the file is checked again inside the transaction, so both cannot add the same names.
 */
function enUnaTransaccion<T>(db: Db, tipo: string, entidadId: string, trabajo: (tx: Db) => Promise<T>) {
  return db.transaction(async (tx) => {
    await candadoImportacion(tx, tipo, entidadId);
    return trabajo(tx);
  });
}

/**
 * Held until the transaction ends: one import of `tipo` per entity at a time, and any other write that must
 * not cross it (adding one dependencia checks the same names an import checks).
 */
export async function candadoImportacion(
  tx: Db,
  tipo: 'dependencias' | 'personas' | string,
  entidadId: string,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`importar-${tipo}:${entidadId}`}))`);
}

export function importarDependencias(
  db: Db,
  actor: Actor,
  entidadId: string,
  tabla: Tabla,
): Promise<ResultadoImportacion> {
  return enUnaTransaccion(db, 'dependencias', entidadId, async (tx) => {
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

export interface EnlacePersona {
  nombre: string;
  correo: string;
  enlaceClave: string;
}

/**
 * Every row becomes an account with its roles and a set-password link by e-mail (the outbox sends it after
 * the commit); with e-mail off the links come back for the administrator to hand over.
 */
export async function importarPersonas(
  db: Db,
  actor: Actor,
  entidadId: string,
  tabla: Tabla,
  servicioCorreo: Correo | null,
): Promise<ResultadoImportacion<{ correoEnviado: boolean; enlaces: EnlacePersona[] }>> {
  // One unusable password for all the new accounts: argon2 per row would hold the transaction for seconds,
  // and nobody knows the random text behind it either way; each account gets its own when its owner sets it.
  const claveHash = await claveInutilizable();
  // Any cell that looks like an e-mail: bounded by the sheet's row and column limits.
  const posibles = [
    ...new Set(
      tabla.filas.flatMap((f) =>
        f.celdas.map((c) => textoCelda(c).toLowerCase()).filter((t) => t.includes('@')),
      ),
    ),
  ];
  return enUnaTransaccion(db, 'personas', entidadId, async (tx) => {
    const cuentas = new Map<string, { enEntidad: boolean }>();
    if (posibles.length)
      for (const c of await tx
        .select({
          correo: usuario.correo,
          enEntidad: sql<boolean>`exists (select 1 from ${rolUsuario} where ${and(
            eq(rolUsuario.usuarioId, usuario.id),
            eq(rolUsuario.entidadId, entidadId),
          )})`,
        })
        .from(usuario)
        .where(inArray(usuario.correo, posibles)))
        cuentas.set(c.correo, { enEntidad: c.enEntidad });
    const r = validarPersonas(tabla.encabezados, tabla.filas, cuentas);
    if (!r.ok) return r;
    const enlaces: EnlacePersona[] = [];
    let correoEnviado = false;
    for (const p of r.personas) {
      const creada = await crearCuenta(tx, actor, entidadId, p, servicioCorreo, claveHash);
      correoEnviado = creada.correoEnviado;
      if (creada.enlace) enlaces.push({ nombre: p.nombre, correo: p.correo, enlaceClave: creada.enlace });
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'importar',
      recurso: 'usuarios',
      despues: { personas: r.personas.length, correos: r.personas.map((p) => p.correo) },
    });
    return { ok: true, importadas: r.personas.length, correoEnviado, enlaces };
  });
}
