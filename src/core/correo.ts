// E-mail rules with no I/O: the outbox's states and retry schedule, the life of a set-password link, the
// hour of the daily digest and the shape of a header that cannot be split.

export const ESTADOS_CORREO = ['pendiente', 'enviando', 'enviado', 'fallido'] as const;
export type EstadoCorreo = (typeof ESTADOS_CORREO)[number];

export const PROPOSITOS_ENLACE = ['invitacion', 'restablecer'] as const;
export type PropositoEnlace = (typeof PROPOSITOS_ENLACE)[number];

/** A new person has three days to set the password; a reset, asked by anyone who types the e-mail, one hour. */
export const VIGENCIA_ENLACE_MS: Record<PropositoEnlace, number> = {
  invitacion: 72 * 60 * 60 * 1000,
  restablecer: 60 * 60 * 1000,
};

/** Reset e-mails one account may receive per hour, whoever asks: nobody can flood a mailbox. */
export const RESTABLECER_POR_HORA = 3;

/** After this many failed attempts a message is given up ("fallido") and shown to the platform admin. */
export const MAX_INTENTOS_CORREO = 6;

// 1, 5, 15, 60 and 240 minutes: a server down for a few hours still gets the message.
const ESPERAS_MIN = [1, 5, 15, 60, 240];

/** Wait before the next attempt, after `intentos` failed ones (1 or more). */
export const esperaReintento = (intentos: number) =>
  (ESPERAS_MIN[Math.min(Math.max(intentos, 1), ESPERAS_MIN.length) - 1] ?? 240) * 60 * 1000;

/** How long a sender holds a row it took: past it, a crashed sender's row goes to another. */
export const PLAZO_ENVIO_MS = 10 * 60 * 1000;

/**
 * A subject or name that goes into a header: no control characters (CR/LF would start a new header) and
 * bounded, whatever a person typed into an activity's name or an observation.
 */
export function textoDeCabecera(texto: string, max = 150): string {
  const limpio = texto
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return limpio.length > max ? `${limpio.slice(0, max - 1)}…` : limpio;
}

/** Plain e-mail address with nothing that could break out of a header. */
export const esCorreoSimple = (correo: string) =>
  correo.length <= 200 && /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/.test(correo);

/** The hour (0–23) in Colombia (UTC−5, no daylight saving). */
export const horaEnColombia = (ahora = new Date()) => (ahora.getUTCHours() + 24 - 5) % 24;
