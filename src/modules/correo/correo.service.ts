// The outbox: a message is a row written in the transaction of the change that causes it, so a rolled-back
// change sends nothing and a committed one is never lost; a loop in the server process sends the rows.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import {
  esCorreoSimple,
  esperaReintento,
  MAX_INTENTOS_CORREO,
  PLAZO_ENVIO_MS,
  textoDeCabecera,
} from '../../core/correo.ts';
import { type Db, filas } from '../../db/client.ts';
import { correoSaliente } from '../../db/schema.ts';
import type { ConfigCorreo } from '../../server/config.ts';

/** What sends: nodemailer's transport, or a stand-in in tests. */
export interface Transporte {
  sendMail(m: { from: string; to: string; subject: string; text: string; html?: string }): Promise<unknown>;
  close?(): void;
}

/** E-mail switched on: who sends, the base of links, the transport. Null everywhere means "off". */
export interface Correo {
  remitente: string;
  urlPublica: string;
  transporte: Transporte;
}

export function crearCorreo(config: ConfigCorreo): Correo {
  const transporte = nodemailer.createTransport({
    url: config.smtpUrl,
    // A mail server that hangs must not hold a sender for minutes.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return { remitente: config.remitente, urlPublica: config.urlPublica, transporte };
}

export interface Mensaje {
  destinatario: string;
  asunto: string;
  texto: string;
}

const PIE =
  '\n\n--\nMIPG Abierto. Este es un mensaje automático; no responda a este correo. Si no esperaba este mensaje, ignórelo o avise al administrador de su entidad.';

/** Queues messages in `tx`. Returns false, queuing nothing, when e-mail is off (the caller shows it in-app). */
export async function encolarCorreos(tx: Db, correo: Correo | null, mensajes: Mensaje[]) {
  if (!correo) return false;
  const validos = mensajes.filter((m) => esCorreoSimple(m.destinatario));
  if (validos.length)
    await tx.insert(correoSaliente).values(
      validos.map((m) => ({
        destinatario: m.destinatario,
        asunto: textoDeCabecera(m.asunto),
        texto: `${m.texto}${PIE}`,
      })),
    );
  return true;
}

/** A path of the web app as an absolute link for an e-mail. */
export const enlaceAbsoluto = (correo: Correo, camino: string) => `${correo.urlPublica}${camino}`;

/** E-mail versions of in-app notices, for the active people among `usuarioIds`, in one query. */
export async function encolarAviso(
  tx: Db,
  correo: Correo | null,
  usuarioIds: readonly string[],
  asunto: string,
  texto: string,
  enlace: string,
) {
  if (!correo || !usuarioIds.length) return;
  const cuerpo = `${texto}\n\nVéalo en la plataforma: ${enlaceAbsoluto(correo, enlace)}`;
  await tx.execute(sql`
    insert into correo_saliente (destinatario, asunto, texto)
    select u.correo, ${textoDeCabecera(asunto)}, ${`${cuerpo}${PIE}`}
    from usuario u
    where u.id in (${sql.join(
      usuarioIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and u.activo`);
}

/** A row taken by this sender, with the attempt number it holds. */
type Tomada = Pick<
  typeof correoSaliente.$inferSelect,
  'id' | 'destinatario' | 'asunto' | 'texto' | 'html' | 'intentos'
>;

/**
 * Takes up to `max` due rows for this sender. The claim is one statement: rows locked by another sender are
 * skipped, and a taken row's `proximo_intento` moves to the end of the lease, so two servers never take the
 * same row (a row comes back only if its sender died, PLAZO_ENVIO_MS later).
 */
export async function tomarLote(db: Db, max: number): Promise<Tomada[]> {
  const tomadas = await filas<Record<string, unknown>>(
    db,
    sql`update correo_saliente set estado = 'enviando', intentos = intentos + 1,
          proximo_intento = now() + ${`${PLAZO_ENVIO_MS} milliseconds`}::interval
        where id in (
          select id from correo_saliente
          where estado in ('pendiente', 'enviando') and proximo_intento <= now()
          order by creado_en limit ${max}
          for update skip locked)
        returning id, destinatario, asunto, texto, html, intentos, creado_en`,
  );
  // An update's returning has no order: oldest first, as queued.
  tomadas.sort(
    (x, y) => new Date(x.creado_en as string).getTime() - new Date(y.creado_en as string).getTime(),
  );
  return tomadas.map((f) => ({
    id: f.id as string,
    destinatario: f.destinatario as string,
    asunto: f.asunto as string,
    texto: f.texto as string,
    html: (f.html as string | null) ?? null,
    intentos: Number(f.intentos),
  }));
}

export interface OpcionesEnvio {
  max?: number;
  /** Wait before the next attempt; core's schedule unless a test shortens it. */
  espera?: (intentos: number) => number;
}

/** Sends one batch; returns how many were sent and how many failed. */
export async function procesarLote(db: Db, correo: Correo, opciones: OpcionesEnvio = {}) {
  const espera = opciones.espera ?? esperaReintento;
  const lote = await tomarLote(db, opciones.max ?? 20);
  let enviados = 0;
  let fallidos = 0;
  for (const m of lote) {
    // Only the holder of this attempt may close it: a sender that outlived its lease finds nothing to update.
    const mio = and(
      eq(correoSaliente.id, m.id),
      eq(correoSaliente.estado, 'enviando'),
      eq(correoSaliente.intentos, m.intentos),
    );
    try {
      await correo.transporte.sendMail({
        from: correo.remitente,
        to: m.destinatario,
        subject: m.asunto,
        text: m.texto,
        ...(m.html ? { html: m.html } : {}),
      });
      enviados++;
      await db
        .update(correoSaliente)
        .set({ estado: 'enviado', enviadoEn: new Date(), ultimoError: null })
        .where(mio);
    } catch (e) {
      fallidos++;
      const ultimo = m.intentos >= MAX_INTENTOS_CORREO;
      await db
        .update(correoSaliente)
        .set({
          estado: ultimo ? 'fallido' : 'pendiente',
          proximoIntento: new Date(Date.now() + espera(m.intentos)),
          ultimoError: String((e as Error).message ?? e).slice(0, 500),
        })
        .where(mio);
    }
  }
  return { tomados: lote.length, enviados, fallidos };
}

/** The outbox at a glance, for the platform administrator. */
export async function estadoBandeja(db: Db) {
  const cuentas = await db
    .select({ estado: correoSaliente.estado, n: count() })
    .from(correoSaliente)
    .groupBy(correoSaliente.estado);
  const n = (e: string) => cuentas.find((c) => c.estado === e)?.n ?? 0;
  const fallidos = await db
    .select({
      id: correoSaliente.id,
      destinatario: correoSaliente.destinatario,
      asunto: correoSaliente.asunto,
      intentos: correoSaliente.intentos,
      ultimoError: correoSaliente.ultimoError,
      creadoEn: correoSaliente.creadoEn,
    })
    .from(correoSaliente)
    .where(eq(correoSaliente.estado, 'fallido'))
    .orderBy(desc(correoSaliente.creadoEn))
    .limit(20);
  return {
    pendientes: n('pendiente') + n('enviando'),
    enviados: n('enviado'),
    fallidos: n('fallido'),
    ultimosFallidos: fallidos,
  };
}
