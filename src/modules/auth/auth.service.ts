// Logging in, changing one's password and creating the platform's first administrator: the use cases behind
// auth.routes.ts, which only reads the request, sets the cookie and answers.
import { count, eq } from 'drizzle-orm';
import type { CambiarClave, ConfiguracionInicial, Login, Sesion } from '../../contrato/auth.ts';
import { decidirIntento } from '../../core/bloqueo.ts';
import { hora } from '../../core/formato.ts';
import type { Db } from '../../db/client.ts';
import { ajusteSistema, usuario } from '../../db/schema.ts';
import { ErrorApi, invalido } from '../../server/errores.ts';
import {
  cargarSesion,
  cerrarOtrasSesiones,
  crearSesion,
  entidadesDeUsuario,
  hashToken,
  TOKEN_CONFIGURACION,
  type UsuarioSesion,
} from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import {
  buscarPorCorreo,
  exigirClaveValida,
  hashClave,
  hashDeRelleno,
  normalizarCorreo,
  verificarClave,
} from '../usuarios/usuario.service.ts';
import {
  type Intento,
  registrarExito,
  registrarFallo,
  reservarCambioClave,
  reservarIntento,
} from './intento.repository.ts';

// One answer whatever the e-mail: it never tells whether an account exists.
const bloqueado = (hasta: Date) =>
  new ErrorApi(
    423,
    `Hay demasiados intentos fallidos con este correo. Por seguridad, el acceso está en pausa hasta las ${hora(hasta)}; si olvidó su contraseña, pida al administrador de su entidad una temporal.`,
  );

/** The session as the web reads it: who is signed in, their entities and the CSRF code. */
export async function respuestaSesion(db: Db, u: UsuarioSesion): Promise<Sesion> {
  return {
    usuario: {
      id: u.id,
      nombre: u.nombre,
      correo: u.correo,
      adminPlataforma: u.adminPlataforma,
      debeCambiarClave: u.debeCambiarClave,
    },
    entidades: await entidadesDeUsuario(db, u),
    csrf: u.csrf,
  };
}

/**
 * Checks the e-mail and password (with the attempt counters and the pause after too many failures) and opens
 * a session: its token (for the cookie) and the session's answer.
 */
export async function iniciarSesion(
  db: Db,
  { email, password }: Login,
  ip: string,
): Promise<{ token: string; sesion: Sesion }> {
  const intento = await reservarIntento(db, normalizarCorreo(email), ip);
  const decision = decidirIntento(intento.estados, new Date());
  if (decision.tipo === 'bloqueado') throw bloqueado(decision.hasta);
  const u = await buscarPorCorreo(db, email);
  // Unknown e-mails check a dummy hash: same time, same counters, same answers as a wrong password.
  const ok = await verificarClave(u?.claveHash ?? (await hashDeRelleno()), password);
  if (!u || !ok || !u.activo) {
    const bloqueo = await registrarFallo(db, intento);
    if (bloqueo && u)
      await db.transaction((tx) =>
        registrarAuditoria(
          tx,
          { usuarioId: u.id, correo: u.correo, ip },
          { entidadId: null, accion: 'bloquear', recurso: 'usuario', recursoId: u.id },
        ),
      );
    throw new ErrorApi(401, 'Correo o contraseña incorrectos.');
  }
  const { token, csrf } = await crearSesion(db, u.id);
  await db.transaction(async (tx) => {
    await registrarExito(tx, intento);
    await registrarAuditoria(
      tx,
      { usuarioId: u.id, correo: u.correo, ip },
      { entidadId: null, accion: 'iniciar_sesion', recurso: 'sesion', recursoId: u.id },
    );
  });
  return { token, sesion: await respuestaSesion(db, { ...(await cargarSesion(db, token))!, csrf }) };
}

/** Changes the signed-in person's password; every other session of theirs ends (`tokenActual` survives). */
export async function cambiarClave(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  tokenActual: string,
  { actual, nueva }: CambiarClave,
): Promise<void> {
  // Counted before the check, in one statement per attempt (login's counters): concurrent guesses each get
  // their own number, so at most MAX_INTENTOS current passwords are checked per window, races included.
  const intento = await reservarCambioClave(db, u.id, u.correo);
  const decision = decidirIntento(intento.estados, new Date());
  if (decision.tipo === 'bloqueado')
    throw new ErrorApi(
      429,
      `Hay demasiados intentos con una contraseña actual incorrecta. Por seguridad, el cambio de contraseña está en pausa hasta las ${hora(decision.hasta)}; si olvidó su contraseña, pida al administrador de su entidad una temporal.`,
    );
  const [fila] = await db.select().from(usuario).where(eq(usuario.id, u.id));
  if (!fila || !(await verificarClave(fila.claveHash, actual))) {
    await registrarFalloCambioClave(db, actor, u, intento);
    throw invalido('actual', 'la contraseña actual no es correcta.');
  }
  await registrarExito(db, intento);
  if (nueva === actual) throw invalido('nueva', 'la nueva contraseña debe ser distinta de la actual.');
  exigirClaveValida(nueva, u.correo, 'nueva');
  const claveHash = await hashClave(nueva);
  await db.transaction(async (tx) => {
    await tx.update(usuario).set({ claveHash, debeCambiarClave: false }).where(eq(usuario.id, u.id));
    // Whoever knew the old password may hold a session: only this one survives the change.
    await cerrarOtrasSesiones(tx, u.id, tokenActual);
    await registrarAuditoria(tx, actor, {
      entidadId: null,
      accion: 'cambiar_clave',
      recurso: 'usuario',
      recursoId: u.id,
    });
  });
}

/** A wrong current password; the one that starts the pause leaves an audit entry, as at login. */
async function registrarFalloCambioClave(db: Db, actor: Actor, u: UsuarioSesion, intento: Intento) {
  if (!(await registrarFallo(db, intento))) return;
  await db.transaction((tx) =>
    registrarAuditoria(tx, actor, {
      entidadId: null,
      accion: 'bloquear',
      recurso: 'usuario',
      recursoId: u.id,
    }),
  );
}

/**
 * Creates the platform's administrator with the one-time link printed at first start; the link is spent.
 * Returns the new account's id.
 */
export async function configurarPlataforma(db: Db, actor: Actor, b: ConfiguracionInicial): Promise<string> {
  const [guardado] = await db
    .select()
    .from(ajusteSistema)
    .where(eq(ajusteSistema.clave, TOKEN_CONFIGURACION));
  if (!guardado || guardado.valor !== hashToken(b.token))
    throw new ErrorApi(403, 'El enlace de configuración inicial no es válido o ya fue usado.');
  const [admins] = await db.select({ n: count() }).from(usuario).where(eq(usuario.adminPlataforma, true));
  if ((admins?.n ?? 0) > 0) throw new ErrorApi(403, 'La plataforma ya tiene administrador.');
  exigirClaveValida(b.clave, b.correo);
  const claveHash = await hashClave(b.clave);
  return db.transaction(async (tx) => {
    const [nuevo] = await tx
      .insert(usuario)
      .values({ nombre: b.nombre, correo: normalizarCorreo(b.correo), claveHash, adminPlataforma: true })
      .returning({ id: usuario.id });
    await tx.delete(ajusteSistema).where(eq(ajusteSistema.clave, TOKEN_CONFIGURACION));
    await registrarAuditoria(tx, actor, {
      entidadId: null,
      accion: 'crear',
      recurso: 'usuario',
      recursoId: nuevo!.id,
      despues: { nombre: b.nombre, correo: b.correo, adminPlataforma: true },
    });
    return nuevo!.id;
  });
}
