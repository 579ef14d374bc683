import { sql } from 'drizzle-orm';
import {
  bloqueanTrasFallo,
  type Contador,
  contadoresDe,
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
 * Counts the attempt before the password is checked, in one statement: concurrent guesses each get their own
 * number, so the lockout cannot be raced. A counter whose window and lock have passed starts again at 1.
 */
export async function reservarIntento(db: Db, correo: string, ip: string): Promise<Intento> {
  const contadores = contadoresDe(correo, ip);
  const vencido = sql`i.ventana_desde <= now() - ${VENTANA} and (i.bloqueado_hasta is null or i.bloqueado_hasta <= now())`;
  const valores = sql.join(
    contadores.map((c) => sql`(${c.clave}, ${correo}, 1, now(), null::timestamptz)`),
    sql`, `,
  );
  const r = await filas<{ clave: string; fallidos: number; bloqueado_hasta: string | Date | null }>(
    db,
    sql`insert into intento_acceso as i (clave, correo, fallidos, ventana_desde, bloqueado_hasta)
        values ${valores}
        on conflict (clave) do update set
          fallidos = case when ${vencido} then 1 else i.fallidos + 1 end,
          ventana_desde = case when ${vencido} then now() else i.ventana_desde end,
          bloqueado_hasta = case when ${vencido} then null else i.bloqueado_hasta end
        returning i.clave, i.fallidos, i.bloqueado_hasta`,
  );
  const porClave = new Map(r.map((f) => [f.clave, f]));
  return {
    correo,
    estados: contadores.map((contador) => {
      const f = porClave.get(contador.clave)!;
      return {
        contador,
        estado: {
          intentos: f.fallidos,
          bloqueadoHasta: f.bloqueado_hasta ? new Date(f.bloqueado_hasta) : null,
        },
      };
    }),
  };
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
