// What every import of a spreadsheet shares (dependencias, people): the required headers, a file with rows
// but not too many, unreadable text, and reading a cell by its header whatever the accents or capitals.
import { buscarTextoNoPermitido, claveComparable, MENSAJE_PROBLEMA } from './texto.ts';

export type CeldaTabla = string | number | Date | null | undefined;

export interface FilaTabla {
  numero: number;
  celdas: readonly CeldaTabla[];
}

export interface ProblemaFila {
  fila: number;
  columna: string;
  problema: string;
}

export const textoCelda = (c: CeldaTabla) =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

export interface ReglasTabla {
  /** Headers the file must have (the others are optional); a problem about a whole row goes in the first. */
  obligatorias: readonly [string, ...string[]];
  maximo: number;
  /** «dependencias», «personas»: for the messages. */
  plural: string;
}

export type TablaPreparada =
  | {
      ok: true;
      /** The readable rows with something written. */
      filas: FilaTabla[];
      /** The unreadable rows' problems, to which the caller adds its own. */
      problemas: ProblemaFila[];
      celda: (f: FilaTabla, columna: string) => string;
    }
  | { ok: false; problemas: ProblemaFila[] };

export function prepararTabla(
  encabezados: readonly string[],
  filas: readonly FilaTabla[],
  reglas: ReglasTabla,
): TablaPreparada {
  const indice = new Map(encabezados.map((e, i) => [claveComparable(e), i]));
  const faltan = reglas.obligatorias.filter((c) => !indice.has(claveComparable(c)));
  if (faltan.length)
    return {
      ok: false,
      problemas: faltan.map((c) => ({
        fila: 1,
        columna: c,
        problema: `falta la columna «${c}»: descargue la plantilla y copie sus datos en ella`,
      })),
    };
  const con = filas.filter((f) => f.celdas.some((c) => textoCelda(c) !== ''));
  const columna = reglas.obligatorias[0];
  if (con.length === 0)
    return { ok: false, problemas: [{ fila: 2, columna, problema: `el archivo no tiene ${reglas.plural}` }] };
  if (con.length > reglas.maximo)
    return {
      ok: false,
      problemas: [
        {
          fila: con[reglas.maximo]!.numero,
          columna,
          problema: `se importan como máximo ${reglas.maximo.toLocaleString('es-CO')} ${reglas.plural} por archivo`,
        },
      ],
    };
  const problemas: ProblemaFila[] = [];
  const legibles = con.filter((fila) => {
    const malo = fila.celdas.map((c) => buscarTextoNoPermitido(c)).find(Boolean);
    if (malo) problemas.push({ fila: fila.numero, columna, problema: `${MENSAJE_PROBLEMA[malo.problema]}.` });
    return !malo;
  });
  return {
    ok: true,
    filas: legibles,
    problemas,
    celda: (f, c) => {
      const i = indice.get(claveComparable(c));
      return i === undefined ? '' : textoCelda(f.celdas[i]);
    },
  };
}

/** Where a name or code was seen first: an existing record, or an earlier row of the file. */
export type Procedencia = { id: string } | { fila: number };

export const ordenarProblemas = (p: ProblemaFila[]) => [...p].sort((a, b) => a.fila - b.fila);
