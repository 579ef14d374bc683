const DIAS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];

/** «lunes» for '2026-07-13': the weekday a person checks a date against. */
export const diaSemana = (f: string) => DIAS[new Date(`${f}T12:00:00Z`).getUTCDay()]!;
