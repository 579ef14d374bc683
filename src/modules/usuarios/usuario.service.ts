import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { problemasClave } from '../../core/clave.ts';
import type { Db } from '../../db/client.ts';
import { rolUsuario, usuario } from '../../db/schema.ts';
import { invalido } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

export const hashClave = (clave: string) => hash(clave);
export const verificarClave = (hashGuardado: string, clave: string) =>
  verify(hashGuardado, clave).catch(() => false);

// Verified when the e-mail is unknown, so a wrong address costs the same time as a wrong password.
let hashFicticio: Promise<string> | undefined;
export const hashDeRelleno = () => {
  hashFicticio ??= hash('clave-de-relleno-0');
  return hashFicticio;
};

export function exigirClaveValida(clave: string, correo: string, campo = 'clave') {
  const problemas = problemasClave(clave, correo);
  if (problemas.length) throw invalido(campo, `la contraseña ${problemas.join(', ')}.`);
}

const ALFABETO = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Readable temporary password (no 0/O, 1/l) that always satisfies the rules. */
export function claveTemporal(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALFABETO[randomInt(ALFABETO.length)];
  return `${s}${randomInt(10)}`;
}

export const normalizarCorreo = (correo: string) => correo.trim().toLowerCase();

export async function buscarPorCorreo(db: Db, correo: string) {
  const [u] = await db
    .select()
    .from(usuario)
    .where(eq(usuario.correo, normalizarCorreo(correo)));
  return u;
}

export interface DatosAcceso {
  nombre: string;
  correo: string;
  cargo?: string | null;
  roles: string[];
  /** Only for the demo: a known password instead of a temporary one. */
  claveFija?: string;
}

/** Creates the person with a temporary password, or adds roles when the e-mail already exists. */
export async function darAcceso(db: Db, actor: Actor, entidadId: string, d: DatosAcceso) {
  const existente = await buscarPorCorreo(db, d.correo);
  const clave = existente ? null : (d.claveFija ?? claveTemporal());
  const claveHash = clave ? await hashClave(clave) : null;
  const correo = normalizarCorreo(d.correo);
  const id = await db.transaction(async (tx) => {
    let id = existente?.id;
    if (!id) {
      const [nuevo] = await tx
        .insert(usuario)
        .values({
          nombre: d.nombre,
          correo,
          cargo: d.cargo ?? null,
          claveHash: claveHash!,
          debeCambiarClave: !d.claveFija,
        })
        .returning({ id: usuario.id });
      id = nuevo!.id;
    }
    await tx
      .insert(rolUsuario)
      .values(d.roles.map((rol) => ({ usuarioId: id!, entidadId, rol })))
      .onConflictDoNothing();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: existente ? 'asignar_roles' : 'crear',
      recurso: 'usuario',
      recursoId: id,
      despues: { nombre: d.nombre, correo, cargo: d.cargo ?? null, roles: d.roles },
    });
    return id;
  });
  return { id, claveTemporal: d.claveFija ? null : clave };
}
