// Business days in Colombia: the holidays of law (from the maintained `date-holidays` package, which has
// Ley 2578 de 2026's 13 July) adjusted by the platform and by each entity: a holiday added by a new law
// before the package has it, a day the entity is closed, or a holiday the law removed.
// Kept apart from calendario.ts because the web imports that one and must not carry the holiday tables.
import Holidays from 'date-holidays';
import { type Fecha, type OrigenFestivo, sumarDias, type TipoAjuste } from './calendario.ts';

export interface AjusteCalendario {
  fecha: Fecha;
  /** `festivo`: the day is not a business day; `habil`: it is, even if the law's table says holiday. */
  tipo: TipoAjuste;
  nombre: string;
  origen: Exclude<OrigenFestivo, 'ley'>;
}

export interface Festivo {
  fecha: Fecha;
  nombre: string;
  origen: OrigenFestivo;
}

/** Names people read: the package calls the Ascension «La Asunción» and writes some in lower case. */
const NOMBRE_POR_REGLA: Record<string, string> = {
  'easter 43': 'Ascensión del Señor',
  'monday after 08-15': 'Asunción de la Virgen',
};
const NOMBRE_CORREGIDO: Record<string, string> = {
  'La virgen de Chiquinquirá': 'Virgen de Chiquinquirá',
  'La inmaculada concepción': 'Inmaculada Concepción',
};

const tabla = new Holidays('CO', { languages: ['es'], types: ['public'] });
const porAnio = new Map<number, Festivo[]>();

/** Colombia's public holidays of a year as the law sets them (Ley 51 de 1983 moves included). */
export function festivosDeLey(anio: number): Festivo[] {
  if (!Number.isInteger(anio) || anio < 1900 || anio > 2200) return [];
  let lista = porAnio.get(anio);
  if (!lista) {
    lista = (tabla.getHolidays(anio) || [])
      // Easter Sunday is listed as public by the package but is not one of the law's holidays.
      .filter((h) => h.rule !== 'easter')
      .map((h) => ({
        fecha: h.date.slice(0, 10),
        nombre: NOMBRE_POR_REGLA[h.rule] ?? NOMBRE_CORREGIDO[h.name] ?? h.name,
        origen: 'ley' as const,
      }));
    porAnio.set(anio, lista);
  }
  return lista;
}

const diaSemana = (f: Fecha) => new Date(`${f}T00:00:00Z`).getUTCDay();

export interface Calendario {
  esDiaHabil(f: Fecha): boolean;
  /** The n-th business day after `f` (f itself not counted): «dentro de los 10 días hábiles siguientes». */
  sumarDiasHabiles(f: Fecha, n: number): Fecha;
  /** Business days in (desde, hasta]: how many working days a deadline leaves. Negative when hasta < desde. */
  diasHabilesEntre(desde: Fecha, hasta: Fecha): number;
  /** The year's non-working days besides weekends, with where each comes from, in date order. */
  festivos(anio: number): Festivo[];
}

/**
 * A calendar with the adjustments applied. On the same date an entity's adjustment wins over the
 * platform's, and both over the law's table.
 */
export function crearCalendario(ajustes: readonly AjusteCalendario[] = []): Calendario {
  const porFecha = new Map<Fecha, AjusteCalendario>();
  for (const a of [...ajustes].sort((x, y) => (x.origen === y.origen ? 0 : x.origen === 'entidad' ? 1 : -1)))
    porFecha.set(a.fecha, a);
  const festivosCache = new Map<number, Festivo[]>();
  const festivos = (anio: number) => {
    let lista = festivosCache.get(anio);
    if (!lista) {
      const deLey = festivosDeLey(anio).filter((f) => porFecha.get(f.fecha)?.tipo !== 'habil');
      const agregados = [...porFecha.values()]
        .filter((a) => a.tipo === 'festivo' && Number(a.fecha.slice(0, 4)) === anio)
        .map((a) => ({ fecha: a.fecha, nombre: a.nombre, origen: a.origen }));
      const unicos = new Map<Fecha, Festivo>();
      for (const f of [...deLey, ...agregados]) unicos.set(f.fecha, f);
      lista = [...unicos.values()].sort((a, b) => (a.fecha < b.fecha ? -1 : a.fecha > b.fecha ? 1 : 0));
      festivosCache.set(anio, lista);
    }
    return lista;
  };
  const fechasFestivas = new Map<number, Set<Fecha>>();
  const esFestivo = (f: Fecha) => {
    const anio = Number(f.slice(0, 4));
    let s = fechasFestivas.get(anio);
    if (!s) {
      s = new Set(festivos(anio).map((x) => x.fecha));
      fechasFestivas.set(anio, s);
    }
    return s.has(f);
  };
  const esDiaHabil = (f: Fecha) => {
    const d = diaSemana(f);
    return d !== 0 && d !== 6 && !esFestivo(f);
  };
  const sumarDiasHabiles = (f: Fecha, n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new Error('n debe ser un entero no negativo');
    let actual = f;
    for (let contados = 0; contados < n; ) {
      actual = sumarDias(actual, 1);
      if (esDiaHabil(actual)) contados++;
    }
    return actual;
  };
  const diasHabilesEntre = (desde: Fecha, hasta: Fecha): number => {
    if (hasta < desde) return -diasHabilesEntre(hasta, desde);
    let n = 0;
    for (let f = sumarDias(desde, 1); f <= hasta; f = sumarDias(f, 1)) if (esDiaHabil(f)) n++;
    return n;
  };
  return { esDiaHabil, sumarDiasHabiles, diasHabilesEntre, festivos };
}

/** The law's calendar with no adjustment. */
export const CALENDARIO_NACIONAL = crearCalendario();
