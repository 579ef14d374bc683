// The questionnaire template (.xlsx): one sheet with a row per questionnaire, level, section, item, option or
// matrix row (core/cuestionario-hoja.ts), filled with the example questionnaire, and its instructions.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Cuestionario, LIMITES_CUESTIONARIO, TIPOS_ITEM } from '../../core/cuestionario.ts';
import {
  COLUMNAS_CUESTIONARIO,
  filasDeCuestionario,
  type LecturaHoja,
  leerHojaCuestionario,
  TIPOS_FILA,
} from '../../core/cuestionario-hoja.ts';
import ejemplo from '../demo/cuestionario-ejemplo.json' with { type: 'json' };
import {
  aBuffer,
  agregarListasDesplegables,
  encabezar,
  type LimitesHoja,
  nuevoLibro,
} from '../excel/plan-xlsx.ts';
import { leerTablaSubida } from '../importacion/leer-tabla.ts';

/** A bank of 2.000 items with 36 options each would not fit; 20.000 rows hold any real one (≈ 16.000 rows). */
export const LIMITES_HOJA_CUESTIONARIO: LimitesHoja = {
  columnas: 40,
  filas: 20_000,
  queFilas: 'filas del cuestionario',
  queDividir: 'el cuestionario',
};

export const EJEMPLO_CUESTIONARIO = ejemplo as Cuestionario;

const ANCHOS = [14, 14, 70, 12, 24, 40, 10, 10, 9, 8, 10, 10, 10, 18, 18, 18, 9, 16, 18, 18];

const AYUDA: [string, string][] = [
  [
    'Tipo de fila',
    `Qué describe la fila: ${TIPOS_FILA.join(', ')}. Las opciones y las filas de matriz van debajo de su ítem.`,
  ],
  [
    'Código',
    'Código único (letras, números, «.», «_» o «-», sin espacios). En «opción» y «fila», único dentro del ítem.',
  ],
  [
    'Texto',
    `Nombre del cuestionario, de la sección o del nivel; texto de la pregunta, de la opción o de la fila (hasta ${LIMITES_CUESTIONARIO.texto.toLocaleString('es-CO')} caracteres).`,
  ],
  [
    'Sección',
    'En «ítem», el código de su sección; en «sección», el de la sección que la contiene (vacío: sección principal).',
  ],
  ['Tipo de ítem', `Solo en «ítem»: ${TIPOS_ITEM.join(', ')}.`],
  ['Ayuda', 'Texto de ayuda del ítem; descripción del cuestionario o de la sección.'],
  ['No aplica', '«Sí» si el ítem admite la respuesta «no aplica».'],
  ['Evidencia', '«Sí» si el ítem exige evidencia.'],
  ['Puntaje', 'En «opción»: lo que vale de 0 a 100 (vacío: no puntúa).'],
  [
    'Anula',
    'En «opción» de selección múltiple: «Sí» para «Ninguna de las anteriores» (elegida, queda sola).',
  ],
  ['Mínimo', 'Número mínimo del ítem de número; en «nivel», dónde empieza la banda.'],
  ['Máximo', 'Número máximo del ítem de número; en «nivel», dónde termina la banda.'],
  ['Decimales', 'Decimales que admite el número (0 a 6).'],
  [
    'Salto',
    'El ítem se muestra solo si se cumple: «P1 = si», «P1 <> no», «P2 incluye a», «P3 > 50», «P4 respondido». P1… son ítems anteriores.',
  ],
  [
    'Aplica a',
    'Tipos de entidad a los que aplica, separados por «,»: nacional, departamental, distrital, municipal, MIPG, MECI. Vacío: a todas.',
  ],
  ['Equivalencias', 'Código del mismo ítem en otras vigencias: «2023: P12; 2022: P10».'],
  ['Vigencia', 'En «cuestionario»: el año (por ejemplo 2025).'],
  ['Instrumento', 'En «cuestionario»: autodiagnostico, furag u otro.'],
  ['Política', 'En «cuestionario»: clave de la política MIPG (por ejemplo talento_humano), si es de una.'],
  ['Fuente', 'En «cuestionario»: de dónde sale el texto («Función Pública, 2025»).'],
];

/** The template: the example questionnaire written out, drop-down lists and one sheet of instructions. */
export async function plantillaCuestionario(c: Cuestionario = EJEMPLO_CUESTIONARIO): Promise<Buffer> {
  const libro = await nuevoLibro();
  const hoja = libro.addWorksheet('Cuestionario');
  encabezar(hoja, [...COLUMNAS_CUESTIONARIO], ANCHOS);
  for (const f of filasDeCuestionario(c)) hoja.addRow(f);
  hoja.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  agregarListasDesplegables(libro, hoja, COLUMNAS_CUESTIONARIO, [
    { encabezado: 'Tipo de fila', valores: TIPOS_FILA },
    { encabezado: 'Tipo de ítem', valores: TIPOS_ITEM },
    { encabezado: 'No aplica', valores: ['Sí', 'No'] },
    { encabezado: 'Evidencia', valores: ['Sí', 'No'] },
    { encabezado: 'Anula', valores: ['Sí', 'No'] },
  ]);
  const instrucciones = libro.addWorksheet('Instrucciones');
  encabezar(instrucciones, ['Columna', 'Qué va'], [18, 110]);
  for (const fila of AYUDA) instrucciones.addRow(fila);
  instrucciones.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return aBuffer(libro);
}

/** The uploaded template read into the JSON format (unchecked: the import checks it like any JSON). */
export async function leerCuestionarioXlsx(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<LecturaHoja> {
  const tabla = await leerTablaSubida(
    request,
    reply,
    'Envíe el cuestionario como JSON o en la plantilla .xlsx.',
    LIMITES_HOJA_CUESTIONARIO,
  );
  if (!tabla.ok) return { ok: false, mensaje: tabla.mensaje, problemas: [] };
  return leerHojaCuestionario(tabla.encabezados, tabla.filas);
}
