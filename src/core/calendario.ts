// Civil dates as 'aaaa-mm-dd' strings: a deadline is a day in Colombia, not an instant in some time zone.
import { getHolidaysForYear } from 'colombian-holidays';

export type Fecha = string;

/** The dates a person may type anywhere in the platform: vigencias run from 2018 to 2100. */
export const FECHA_MINIMA: Fecha = '2000-01-01';
export const FECHA_MAXIMA: Fecha = '2100-12-31';

const festivosPorAnio = new Map<number, Set<string>>();
function festivos(anio: number): Set<string> {
  let f = festivosPorAnio.get(anio);
  if (!f) {
    // The holiday table covers 1583–4099 and throws outside: a date stored before the bounds existed must
    // not break every page of its year.
    const cubierto = anio >= 1583 && anio <= 4099;
    f = new Set(cubierto ? getHolidaysForYear(anio).map((h) => h.celebrationDate) : []);
    festivosPorAnio.set(anio, f);
  }
  return f;
}

const aUtc = (f: Fecha) => {
  const [a, m, d] = f.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(a, m - 1, d));
};
const deUtc = (d: Date): Fecha => d.toISOString().slice(0, 10);

export function sumarDias(f: Fecha, n: number): Fecha {
  const d = aUtc(f);
  d.setUTCDate(d.getUTCDate() + n);
  return deUtc(d);
}

export const esFestivo = (f: Fecha) => festivos(Number(f.slice(0, 4))).has(f);

/** Monday to Friday and not a Colombian public holiday (Ley 51 de 1983 «Ley Emiliani» moves included). */
export function esDiaHabil(f: Fecha): boolean {
  const dia = aUtc(f).getUTCDay();
  return dia !== 0 && dia !== 6 && !esFestivo(f);
}

/** The n-th business day after `f` (f itself not counted): «dentro de los 10 días hábiles siguientes». */
export function sumarDiasHabiles(f: Fecha, n: number): Fecha {
  if (!Number.isInteger(n) || n < 0) throw new Error('n debe ser un entero no negativo');
  let actual = f;
  for (let contados = 0; contados < n; ) {
    actual = sumarDias(actual, 1);
    if (esDiaHabil(actual)) contados++;
  }
  return actual;
}

/** Business days in (desde, hasta]: how many working days a deadline leaves. Negative when hasta < desde. */
export function diasHabilesEntre(desde: Fecha, hasta: Fecha): number {
  if (hasta < desde) return -diasHabilesEntre(hasta, desde);
  let n = 0;
  for (let f = sumarDias(desde, 1); f <= hasta; f = sumarDias(f, 1)) if (esDiaHabil(f)) n++;
  return n;
}

export const ultimoDiaDelMes = (anio: number, mes: number): Fecha => deUtc(new Date(Date.UTC(anio, mes, 0)));

/** Today's date in Colombia (UTC−5), whatever the server's time zone. */
export const hoyEnColombia = (ahora = new Date()): Fecha =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(ahora);
