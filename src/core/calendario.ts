// Civil dates as 'aaaa-mm-dd' strings: a deadline is a day in Colombia, not an instant in some time zone.
// Business days (holidays) live in dias-habiles.ts, which the web does not load.

export type Fecha = string;

/** The dates a person may type anywhere in the platform: vigencias run from 2018 to 2100. */
export const FECHA_MINIMA: Fecha = '2000-01-01';
export const FECHA_MAXIMA: Fecha = '2100-12-31';

/** An adjustment to the law's holidays: `festivo` closes a day, `habil` opens one the law's table closes. */
export const TIPOS_AJUSTE = ['festivo', 'habil'] as const;
export type TipoAjuste = (typeof TIPOS_AJUSTE)[number];
/** Where a non-working day comes from: the law, the platform's adjustments or the entity's own. */
export const ORIGENES_FESTIVO = ['ley', 'plataforma', 'entidad'] as const;
export type OrigenFestivo = (typeof ORIGENES_FESTIVO)[number];

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

export const ultimoDiaDelMes = (anio: number, mes: number): Fecha => deUtc(new Date(Date.UTC(anio, mes, 0)));

/**
 * Colombia's legal time is UTC−5 all year: it has had no daylight saving since 1993 (the time-zone database's
 * America/Bogota; calendario.test.ts compares). Counted by hand, not with Intl and a time zone: a browser's
 * first such formatter loads the zone's data in one long task (150 ms on a throttled phone).
 */
export const DESFASE_COLOMBIA_MS = -5 * 3_600_000;

/** Today's date in Colombia (UTC−5), whatever the server's or the browser's time zone. */
export const hoyEnColombia = (ahora = new Date()): Fecha =>
  deUtc(new Date(ahora.getTime() + DESFASE_COLOMBIA_MS));
