// The platform's first administrator: from MIPG_ADMIN_EMAIL/PASSWORD at start, or a one-time setup link while
// there is none (printed in the log and obtainable with `npm run cli -- enlace-inicial`).
import { count, eq } from 'drizzle-orm';
import { type Conexion, ErrorConfiguracion } from '../../db/client.ts';
import { ajusteSistema, usuario } from '../../db/schema.ts';
import type { Config } from '../../server/config.ts';
import { ErrorApi } from '../../server/errores.ts';
import { hashToken, TOKEN_CONFIGURACION, tokenAleatorio } from '../../server/sesiones.ts';
import { registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { buscarPorCorreo, exigirClaveValida, hashClave, normalizarCorreo } from './usuario.service.ts';

export async function crearAdministrador(
  conexion: Conexion,
  correo: string,
  clave: string,
  nombre = 'Administrador',
) {
  try {
    exigirClaveValida(clave, correo);
  } catch (e) {
    throw new ErrorConfiguracion(e instanceof ErrorApi ? e.message : String(e));
  }
  const existente = await buscarPorCorreo(conexion.db, correo);
  if (existente) return { creado: false, id: existente.id };
  const claveHash = await hashClave(clave);
  const id = await conexion.db.transaction(async (tx) => {
    const [u] = await tx
      .insert(usuario)
      .values({ correo: normalizarCorreo(correo), nombre, claveHash, adminPlataforma: true })
      .returning({ id: usuario.id });
    await registrarAuditoria(
      tx,
      { usuarioId: null, correo: 'sistema', ip: null },
      {
        entidadId: null,
        accion: 'crear',
        recurso: 'usuario',
        recursoId: u!.id,
        despues: { correo, adminPlataforma: true },
      },
    );
    return u!.id;
  });
  return { creado: true, id };
}

/**
 * First start: the admin comes from MIPG_ADMIN_EMAIL/PASSWORD, or else a one-time setup link is printed.
 * Returns the link path when one was issued.
 */
export async function prepararAdministrador(conexion: Conexion, config: Config): Promise<string | null> {
  if (config.adminEmail && config.adminPassword) {
    await crearAdministrador(conexion, config.adminEmail, config.adminPassword);
    return null;
  }
  return emitirEnlaceInicial(conexion);
}

/**
 * A new one-time setup link while the platform has no administrator (null once it has one); the previous
 * link stops working. Used at start and by `npm run cli -- enlace-inicial`.
 */
export async function emitirEnlaceInicial(conexion: Conexion): Promise<string | null> {
  const [admins] = await conexion.db
    .select({ n: count() })
    .from(usuario)
    .where(eq(usuario.adminPlataforma, true));
  if ((admins?.n ?? 0) > 0) return null;
  const token = tokenAleatorio();
  await conexion.db
    .insert(ajusteSistema)
    .values({ clave: TOKEN_CONFIGURACION, valor: hashToken(token) })
    .onConflictDoUpdate({ target: ajusteSistema.clave, set: { valor: hashToken(token) } });
  return `/configuracion-inicial?token=${token}`;
}
