// Temporary lockout after repeated failed logins: slows guessing without locking people out for long.
export const MAX_INTENTOS = 5;
export const MINUTOS_BLOQUEO = 15;

export function trasIntentoFallido(intentosPrevios: number, ahora: Date) {
  const intentos = intentosPrevios + 1;
  const bloqueadoHasta =
    intentos >= MAX_INTENTOS ? new Date(ahora.getTime() + MINUTOS_BLOQUEO * 60_000) : null;
  return { intentos: bloqueadoHasta ? 0 : intentos, bloqueadoHasta };
}

export function estaBloqueado(bloqueadoHasta: Date | null, ahora: Date): boolean {
  return bloqueadoHasta !== null && bloqueadoHasta.getTime() > ahora.getTime();
}
