// Throttling of failed logins (OWASP ASVS V2.2.1): per e-mail and address, so a stranger cannot lock a person
// out from the person's own connection, plus a higher ceiling per e-mail from anywhere, so guessing from many
// addresses is still bounded. Counted by the e-mail as typed: unknown e-mails behave exactly like known ones.
import { createHash } from 'node:crypto';

export const MAX_INTENTOS = 5;
export const MAX_INTENTOS_CORREO = 30;
export const MINUTOS_BLOQUEO = 15;

/** What a counter counts: one connection's guesses, one e-mail's from everywhere, or a signed-in person's own password change. */
export const AMBITOS_INTENTO = ['conexion', 'correo', 'cambio_clave'] as const;
export type AmbitoIntento = (typeof AMBITOS_INTENTO)[number];

export interface Contador {
  ambito: AmbitoIntento;
  clave: string;
  maximo: number;
}

/** The two counters an attempt draws from; the key is a hash so the table holds no address next to an e-mail. */
export function contadoresDe(correo: string, ip: string): Contador[] {
  const h = (s: string) => createHash('sha256').update(s).digest('hex');
  return [
    { ambito: 'conexion', clave: h(`conexion\n${correo}\n${ip}`), maximo: MAX_INTENTOS },
    { ambito: 'correo', clave: h(`correo\n${correo}`), maximo: MAX_INTENTOS_CORREO },
  ];
}

/**
 * Wrong current passwords when changing one's own: per account, so a stolen session cannot guess without
 * limit. Its own counter: it never pauses the person's login.
 */
export function contadorCambioClave(usuarioId: string): Contador {
  const clave = createHash('sha256').update(`cambio_clave\n${usuarioId}`).digest('hex');
  return { ambito: 'cambio_clave', clave, maximo: MAX_INTENTOS };
}

export interface EstadoContador {
  /** Attempts in the window, counting the one being decided (reserved before the password is checked). */
  intentos: number;
  bloqueadoHasta: Date | null;
}

export type Decision = { tipo: 'verificar' } | { tipo: 'bloqueado'; hasta: Date; ambito: AmbitoIntento };

/**
 * Whether to check the password at all. The attempt was counted first, atomically, so N concurrent guesses
 * get at most `maximo` password checks between them, never N.
 */
export function decidirIntento(
  estados: readonly { contador: Contador; estado: EstadoContador }[],
  ahora: Date,
): Decision {
  for (const { contador, estado } of estados) {
    if (estado.bloqueadoHasta && estado.bloqueadoHasta.getTime() > ahora.getTime())
      return { tipo: 'bloqueado', hasta: estado.bloqueadoHasta, ambito: contador.ambito };
    if (estado.intentos > contador.maximo)
      return { tipo: 'bloqueado', hasta: finDelBloqueo(ahora), ambito: contador.ambito };
  }
  return { tipo: 'verificar' };
}

/** After a wrong password: the counters that reached their maximum lock from now on. */
export function bloqueanTrasFallo(estados: readonly { contador: Contador; estado: EstadoContador }[]) {
  return estados.filter(({ contador, estado }) => estado.intentos >= contador.maximo).map((e) => e.contador);
}

export const finDelBloqueo = (ahora: Date) => new Date(ahora.getTime() + MINUTOS_BLOQUEO * 60_000);

export function estaBloqueado(bloqueadoHasta: Date | null, ahora: Date): boolean {
  return bloqueadoHasta !== null && bloqueadoHasta.getTime() > ahora.getTime();
}
