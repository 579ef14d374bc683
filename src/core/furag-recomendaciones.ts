// Función Pública's recommendations to one entity, read from the file that comes with its FURAG results: one
// row per recommendation with the index it answers («I01 Calidad de la planeación…» or just I01), its text
// (often several paragraphs in one cell) and, in some files, the policy (needed for the policies without
// sub-indices: POL03, POL04, POL06, POL14). Headers are found by name in the top rows, never by position;
// every code is checked against the catalog of the results' vigencia, all or nothing.
import { codigoDeEncabezado } from './furag-resultados.ts';
import { type FilaTabla, ordenarProblemas, type ProblemaFila, textoCelda } from './tabla-importacion.ts';
import { buscarTextoNoPermitido, claveComparable, MENSAJE_PROBLEMA } from './texto.ts';

/** A results file brings a few hundred recommendations per entity; the bounds leave room and stop a runaway. */
export const LIMITES_RECOMENDACIONES = {
  filas: 2000,
  largoTexto: 4000,
  filasBuscarEncabezado: 30,
};

/** The headers recent files use, compared without accents, case, punctuation or line breaks. */
export const COLUMNAS_RECOMENDACION = {
  indice: ['indice', 'indice furag', 'codigo indice', 'codigo del indice', 'indice detallado', 'indicador'],
  texto: [
    'recomendacion',
    'recomendaciones',
    'texto',
    'texto de la recomendacion',
    'recomendacion de funcion publica',
    'descripcion de la recomendacion',
  ],
  politica: ['politica', 'codigo politica', 'politica de gestion y desempeno', 'politica mipg'],
} as const;
export type ColumnaRecomendacion = keyof typeof COLUMNAS_RECOMENDACION;

const NOMBRE_COLUMNA: Record<ColumnaRecomendacion, string> = {
  indice: 'Índice',
  texto: 'Recomendación',
  politica: 'Política',
};

export const columnaDeRecomendacion = (encabezado: string): ColumnaRecomendacion | null => {
  const clave = claveComparable(encabezado.replace(/[.:_\-–—()]/g, ' '));
  for (const [columna, nombres] of Object.entries(COLUMNAS_RECOMENDACION))
    if ((nombres as readonly string[]).includes(clave)) return columna as ColumnaRecomendacion;
  return null;
};

/** The catalog of the results' vigencia, as far as this import needs it. */
export interface CatalogoRecomendaciones {
  politicas: readonly { clave: string; nombre: string; codigoFurag: string | null }[];
  indices: readonly { codigo: string; politica: string }[];
}

export interface RecomendacionLeida {
  fila: number;
  /** The catalog's index code (I01…), or null for a recommendation to a policy without sub-indices. */
  indice: string | null;
  /** The policy's stable key in the catalog (talento_humano…). */
  politica: string;
  texto: string;
}

export type ArchivoRecomendaciones =
  | { ok: true; recomendaciones: RecomendacionLeida[] }
  | { ok: false; mensaje: string; problemas: ProblemaFila[] };

/** A cell's text with its paragraphs kept: Windows line ends folded, spaces trimmed on each line. */
export const textoRecomendacion = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** The header row: the first of the top rows naming an index (or a policy) and a text column. */
function filaDeEncabezado(filas: readonly FilaTabla[]) {
  for (const f of filas.slice(0, LIMITES_RECOMENDACIONES.filasBuscarEncabezado)) {
    const columnas = f.celdas.map((c) => columnaDeRecomendacion(textoCelda(c)));
    if (columnas.includes('texto') && (columnas.includes('indice') || columnas.includes('politica')))
      return { fila: f, columnas };
  }
  return null;
}

const MAXIMO_PROBLEMAS = 200;

/**
 * Every recommendation of the file, all or nothing: an index or a policy the catalog of that vigencia does
 * not have, an index of another policy than the one written, a text that is missing, too long or unreadable,
 * or the same recommendation twice reject the file with each problem's row and column.
 */
export function leerRecomendaciones(
  filas: readonly FilaTabla[],
  catalogo: CatalogoRecomendaciones,
  vigencia: number,
): ArchivoRecomendaciones {
  const encabezado = filaDeEncabezado(filas);
  if (!encabezado)
    return {
      ok: false,
      mensaje: `No se encontró la fila de encabezados en las primeras ${LIMITES_RECOMENDACIONES.filasBuscarEncabezado} filas: debe tener una columna «Índice» (o «Política») y una columna «Recomendación».`,
      problemas: [],
    };
  const problemas: ProblemaFila[] = [];
  const posicion = new Map<ColumnaRecomendacion, number>();
  encabezado.columnas.forEach((c, i) => {
    if (!c) return;
    if (posicion.has(c))
      problemas.push({
        fila: encabezado.fila.numero,
        columna: NOMBRE_COLUMNA[c],
        problema: `Hay dos columnas «${NOMBRE_COLUMNA[c]}»: deje una sola.`,
      });
    else posicion.set(c, i);
  });
  if (problemas.length) return { ok: false, mensaje: 'Los encabezados del archivo se repiten.', problemas };
  const datos = filas.filter(
    (f) => f.numero > encabezado.fila.numero && f.celdas.some((c) => textoCelda(c) !== ''),
  );
  if (datos.length > LIMITES_RECOMENDACIONES.filas)
    return {
      ok: false,
      mensaje: `El archivo tiene ${datos.length.toLocaleString('es-CO')} recomendaciones; el máximo es ${LIMITES_RECOMENDACIONES.filas.toLocaleString('es-CO')}.`,
      problemas: [],
    };
  if (!datos.length)
    return { ok: false, mensaje: 'El archivo no tiene recomendaciones bajo los encabezados.', problemas: [] };

  const indices = new Map(catalogo.indices.map((i) => [i.codigo, i]));
  const politicaPorCodigo = new Map(
    catalogo.politicas.flatMap((p) => (p.codigoFurag ? [[p.codigoFurag, p] as const] : [])),
  );
  const politicaPorNombre = new Map(
    catalogo.politicas.flatMap((p) => [
      [claveComparable(p.nombre), p] as const,
      [claveComparable(p.clave.replace(/_/g, ' ')), p] as const,
    ]),
  );
  const nombrePolitica = new Map(catalogo.politicas.map((p) => [p.clave, p.nombre]));
  const celda = (f: FilaTabla, c: ColumnaRecomendacion) => {
    const i = posicion.get(c);
    return i === undefined ? '' : textoCelda(f.celdas[i]);
  };
  const recomendaciones: RecomendacionLeida[] = [];
  const vistas = new Map<string, number>();
  for (const f of datos) {
    if (problemas.length >= MAXIMO_PROBLEMAS) break;
    const problema = (c: ColumnaRecomendacion, p: string) =>
      problemas.push({ fila: f.numero, columna: NOMBRE_COLUMNA[c], problema: p });
    const malo = f.celdas.map((c) => buscarTextoNoPermitido(c)).find(Boolean);
    if (malo) {
      problema('texto', `${MENSAJE_PROBLEMA[malo.problema]}.`);
      continue;
    }
    const texto = textoRecomendacion(celda(f, 'texto'));
    const celdaIndice = celda(f, 'indice');
    const celdaPolitica = celda(f, 'politica');
    let correcta = true;
    if (!texto) {
      problema('texto', 'Falta el texto de la recomendación.');
      correcta = false;
    } else if (texto.length > LIMITES_RECOMENDACIONES.largoTexto) {
      problema(
        'texto',
        `Tiene ${texto.length.toLocaleString('es-CO')} caracteres; el máximo es ${LIMITES_RECOMENDACIONES.largoTexto.toLocaleString('es-CO')}.`,
      );
      correcta = false;
    }
    let indice: string | null = null;
    let politicaIndice: string | null = null;
    if (celdaIndice) {
      const m = codigoDeEncabezado(celdaIndice);
      const leido = m?.nivel === 'indice' ? indices.get(m.codigo) : undefined;
      if (m?.nivel !== 'indice') {
        problema(
          'indice',
          `«${celdaIndice.slice(0, 60)}» no empieza por el código de un índice (I01, I02…).`,
        );
        correcta = false;
      } else if (!leido) {
        problema('indice', `El índice ${m.codigo} no existe en el catálogo de la vigencia ${vigencia}.`);
        correcta = false;
      } else {
        indice = leido.codigo;
        politicaIndice = leido.politica;
      }
    }
    let politica: string | null = null;
    if (celdaPolitica) {
      const m = codigoDeEncabezado(celdaPolitica);
      const p =
        m?.nivel === 'politica'
          ? politicaPorCodigo.get(m.codigo)
          : politicaPorNombre.get(claveComparable(celdaPolitica));
      if (!p) {
        problema(
          'politica',
          `«${celdaPolitica.slice(0, 60)}» no es una política del catálogo de la vigencia ${vigencia} (escriba su código, p. ej. POL01, o su nombre).`,
        );
        correcta = false;
      } else politica = p.clave;
    }
    if (!celdaIndice && !celdaPolitica) {
      problema(
        posicion.has('indice') ? 'indice' : 'politica',
        'Falta el índice (o la política) al que responde.',
      );
      correcta = false;
    }
    if (politica && politicaIndice && politica !== politicaIndice) {
      problema(
        'indice',
        `El índice ${indice} es de la política «${nombrePolitica.get(politicaIndice) ?? politicaIndice}», no de «${nombrePolitica.get(politica) ?? politica}».`,
      );
      correcta = false;
    }
    if (!correcta) continue;
    const leida = { fila: f.numero, indice, politica: (politica ?? politicaIndice)!, texto };
    const clave = claveRecomendacion(leida);
    const previa = vistas.get(clave);
    if (previa !== undefined) {
      problema('texto', `Repite la recomendación de la fila ${previa}.`);
      continue;
    }
    vistas.set(clave, f.numero);
    recomendaciones.push(leida);
  }
  if (problemas.length)
    return {
      ok: false,
      mensaje: `El archivo tiene ${problemas.length >= MAXIMO_PROBLEMAS ? `al menos ${MAXIMO_PROBLEMAS}` : problemas.length} problema${problemas.length === 1 ? '' : 's'}: no se cargó ninguna recomendación.`,
      problemas: ordenarProblemas(problemas),
    };
  return { ok: true, recomendaciones };
}

/** The same recommendation (index, policy and text, accents and spacing aside): kept once, never twice. */
export const claveRecomendacion = (r: { indice: string | null; politica: string; texto: string }) =>
  `${r.indice ?? ''}|${r.politica}|${claveComparable(r.texto)}`;
