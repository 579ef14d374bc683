import { sql } from 'drizzle-orm';
import {
  bloqueanTrasFallo,
  type Contador,
  contadorCambioClave,
  contadoresDe,
  decidirIntento,
  type EstadoContador,
  MINUTOS_BLOQUEO,
} from '../../core/bloqueo.ts';
import { type Db, filas } from '../../db/client.ts';

export interface Intento {
  correo: string;
  estados: { contador: Contador; estado: EstadoContador }[];
}

const VENTANA = sql.raw(`interval '${MINUTOS_BLOQUEO} minutes'`);

/**
 * Counts the attempt before the password is checked, one counter per statement: concurrent guesses each get
 * their own number, so the lockout cannot be raced. A counter whose window and lock have passed starts again
 * at 1. An attempt already refused on its own connection stops there and does not count against the e-mail
 * from everywhere: hammering from one address cannot lock the person out of theirs.
 */
export async function reservarIntento(db: Db, correo: string, ip: string): Promise<Intento> {
  return reservar(db, correo, contadoresDe(correo, ip));
}

/**
 * The same reservation for changing one's own password, on the account's counter. The row carries the
 * account's e-mail, so the administrator's unlock or a set-password link also clears it.
 */
export async function reservarCambioClave(db: Db, usuarioId: string, correo: string): Promise<Intento> {
  return reservar(db, correo, [contadorCambioClave(usuarioId)]);
}

async function reservar(db: Db, correo: string, contadores: Contador[]): Promise<Intento> {
  const estados: Intento['estados'] = [];
  for (const contador of contadores) {
    estados.push({ contador, estado: await contar(db, contador, correo) });
    if (decidirIntento(estados, new Date()).tipo === 'bloqueado') break;
  }
  return { correo, estados };
}

async function contar(db: Db, contador: Contador, correo: string): Promise<EstadoContador> {
  const vencido = sql`i.ventana_desde <= now() - ${VENTANA} and (i.bloqueado_hasta is null or i.bloqueado_hasta <= now())`;
  const [f] = await filas<{ fallidos: number; bloqueado_hasta: string | Date | null }>(
    db,
    sql`insert into intento_acceso as i (clave, correo, fallidos, ventana_desde, bloqueado_hasta, ambito)
        values (${contador.clave}, ${correo}, 1, now(), null, ${contador.ambito})
        on conflict (clave) do update set
          fallidos = case when ${vencido} then 1 else i.fallidos + 1 end,
          ventana_desde = case when ${vencido} then now() else i.ventana_desde end,
          bloqueado_hasta = case when ${vencido} then null else i.bloqueado_hasta end,
          -- A row from before migration 0037 took the default scope: the counter's own is the true one.
          ambito = excluded.ambito
        returning i.fallidos, i.bloqueado_hasta`,
  );
  return { intentos: f!.fallidos, bloqueadoHasta: f!.bloqueado_hasta ? new Date(f!.bloqueado_hasta) : null };
}

/** A wrong password: the counters that reached their maximum lock now. Returns whether a lock began. */
export async function registrarFallo(db: Db, intento: Intento): Promise<boolean> {
  const bloquean = bloqueanTrasFallo(intento.estados);
  if (!bloquean.length) return false;
  const r = await filas<{ clave: string }>(
    db,
    sql`update intento_acceso set bloqueado_hasta = now() + ${VENTANA}
        where clave in (${sql.join(
          bloquean.map((c) => sql`${c.clave}`),
          sql`, `,
        )}) and (bloqueado_hasta is null or bloqueado_hasta <= now())
        returning clave`,
  );
  return r.length > 0;
}

/** The right password: this e-mail's counters start again, and stale rows of anyone are swept. */
export async function registrarExito(db: Db, intento: Intento) {
  await db.execute(
    sql`delete from intento_acceso where clave in (${sql.join(
      intento.estados.map((e) => sql`${e.contador.clave}`),
      sql`, `,
    )}) or (ventana_desde < now() - interval '1 day' and (bloqueado_hasta is null or bloqueado_hasta < now()))`,
  );
}

/** The entity or platform administrator unlocks a person (with a new temporary password). */
export async function desbloquear(db: Db, correo: string) {
  await db.execute(sql`delete from intento_acceso where correo = ${correo}`);
}
