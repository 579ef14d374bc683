// Questionnaires (autodiagnósticos, the FURAG rehearsal): the JSON format to import and export them
// («mipg-cuestionario/1», documented in docs/cuestionarios.md) and the answers of the API. The meaning of the
// structure (repeated codes, skips, cancelling options) is checked by core/cuestionario.ts.
import { z } from 'zod';
import {
  type Cuestionario,
  FORMATO_CUESTIONARIO,
  INSTRUMENTOS,
  LIMITES_CUESTIONARIO as L,
  OPERADORES_SALTO,
  TIPOS_ITEM,
} from '../core/cuestionario.ts';
import { ORDENES, TIPOS_FORMULARIO } from '../core/entidad.ts';
import { numeroCo } from '../core/numeros.ts';

const miles = (x: number) => numeroCo(x);

const Codigo = z
  .string()
  .min(1, 'el código no puede estar vacío')
  .max(L.codigo, `el código tiene más de ${L.codigo} caracteres`)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u,
    'el código lleva solo letras, números, «.», «_» o «-», sin espacios',
  );

const textoDe = (que: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${que} no puede estar vacío`)
    .max(max, `${que} tiene más de ${miles(max)} caracteres`);

const Numero = z
  .number()
  .min(-L.numero, `debe estar entre -${miles(L.numero)} y ${miles(L.numero)}`)
  .max(L.numero, `debe estar entre -${miles(L.numero)} y ${miles(L.numero)}`);

const OpcionSchema = z.strictObject({
  codigo: Codigo,
  texto: textoDe('el texto de la opción', 1000),
  puntaje: z
    .number()
    .min(0, 'el puntaje va de 0 a 100')
    .max(100, 'el puntaje va de 0 a 100')
    .nullable()
    .optional(),
  anula: z.boolean().optional().describe('«Ninguna de las anteriores»: elegida, queda sola'),
});

const SaltoSchema = z.strictObject({
  item: Codigo.describe('código de un ítem anterior'),
  operador: z.enum(OPERADORES_SALTO),
  valor: z
    .union([z.string().max(L.codigo), Numero])
    .nullable()
    .optional(),
});

export const ItemSchema = z.strictObject({
  codigo: Codigo,
  tipo: z.enum(TIPOS_ITEM),
  texto: textoDe('el texto del ítem', L.texto),
  ayuda: z
    .string()
    .trim()
    .max(L.texto, `la ayuda tiene más de ${miles(L.texto)} caracteres`)
    .nullable()
    .optional(),
  noAplica: z.boolean().optional().describe('admite la respuesta «no aplica»'),
  evidencia: z.boolean().optional().describe('exige evidencia'),
  opciones: z
    .array(OpcionSchema)
    .max(L.opciones, `tiene más de ${L.opciones} opciones`)
    .optional()
    .describe('opciones de las preguntas de selección; columnas de la matriz'),
  filas: z
    .array(z.strictObject({ codigo: Codigo, texto: textoDe('el texto de la fila', 1000) }))
    .max(L.filasMatriz, `tiene más de ${L.filasMatriz} filas`)
    .optional()
    .describe('filas de la matriz'),
  minimo: Numero.nullable().optional(),
  maximo: Numero.nullable().optional(),
  decimales: z.number().int().min(0).max(6, 'hasta 6 decimales').nullable().optional(),
  salto: SaltoSchema.nullable()
    .optional()
    .describe('se muestra solo si la respuesta de un ítem anterior cumple'),
  aplicaA: z
    .strictObject({
      ordenes: z.array(z.enum(ORDENES)).max(ORDENES.length).optional(),
      formularios: z.array(z.enum(TIPOS_FORMULARIO)).max(TIPOS_FORMULARIO.length).optional(),
    })
    .nullable()
    .optional()
    .describe('tipos de entidad a los que aplica; sin él, a todas'),
  equivalencias: z
    .record(z.string().regex(/^\d{4}$/, 'la vigencia va con cuatro cifras'), Codigo)
    .optional()
    .describe('código del mismo ítem en otras vigencias: {"2023": "P123"}'),
});

export interface SeccionEntrada {
  codigo: string;
  nombre: string;
  descripcion?: string | null;
  items: z.infer<typeof ItemSchema>[];
  secciones: SeccionEntrada[];
}

export const SeccionSchema: z.ZodType<SeccionEntrada> = z.strictObject({
  codigo: Codigo,
  nombre: textoDe('el nombre de la sección', L.nombre),
  descripcion: z.string().trim().max(L.texto).nullable().optional(),
  items: z
    .array(ItemSchema)
    .max(L.items, `tiene más de ${miles(L.items)} ítems`)
    .default([]),
  get secciones() {
    return z.array(SeccionSchema).max(L.secciones, `tiene más de ${L.secciones} secciones`).default([]);
  },
}) as z.ZodType<SeccionEntrada>;

export const CuestionarioSchema = z
  .strictObject({
    formato: z.literal(FORMATO_CUESTIONARIO, `el formato debe ser «${FORMATO_CUESTIONARIO}»`),
    codigo: Codigo,
    nombre: textoDe('el nombre', L.nombre),
    vigencia: z
      .number()
      .int()
      .min(2018, 'la vigencia va de 2018 a 2100')
      .max(2100, 'la vigencia va de 2018 a 2100'),
    instrumento: z.enum(INSTRUMENTOS),
    politica: z.string().max(60).nullable().optional().describe('clave de la política en el catálogo MIPG'),
    descripcion: z.string().trim().max(L.texto).nullable().optional(),
    fuente: z.string().trim().max(L.nombre).nullable().optional(),
    niveles: z
      .array(
        z.strictObject({
          nombre: textoDe('el nombre del nivel', 100),
          desde: z.number().min(0).max(100),
          hasta: z.number().min(0).max(100),
        }),
      )
      .max(L.niveles)
      .optional()
      .describe('bandas de la escala del instrumento, de menor a mayor'),
    secciones: z.array(SeccionSchema).min(1, 'el cuestionario no tiene secciones').max(L.secciones),
  })
  .meta({
    id: 'CuestionarioFormato',
    description: `Formato ${FORMATO_CUESTIONARIO} (docs/cuestionarios.md)`,
  });

// The schema's output is the core's structure.
export type CuestionarioEntrada = z.infer<typeof CuestionarioSchema>;
const _compatible: (x: CuestionarioEntrada) => Cuestionario = (x) => x;
void _compatible;

/** A problem of the import: its row in the spreadsheet (null from JSON), section and item, in Spanish. */
export const ProblemaCuestionarioSchema = z.object({
  fila: z.number().nullable(),
  seccion: z.string().nullable(),
  item: z.string().nullable(),
  problema: z.string(),
});
export type ProblemaCuestionario = z.infer<typeof ProblemaCuestionarioSchema>;

export const InformeCuestionarioSchema = z
  .object({
    error: z.string(),
    mensaje: z.string(),
    problemas: z.array(ProblemaCuestionarioSchema).optional(),
  })
  .meta({ id: 'InformeCuestionario' });

/** The entity whose questionnaires are read or imported; without it, the platform's. */
export const CuestionariosQuery = z.object({
  entidadId: z.guid('entidadId debe ser un identificador válido').optional(),
  vigencia: z.coerce.number().int().min(2018).max(2100).optional(),
  instrumento: z.enum(INSTRUMENTOS).optional(),
});

export const ImportarCuestionarioQuery = z.object({
  entidadId: z.guid('entidadId debe ser un identificador válido').optional(),
});

export const CuestionarioParams = z.object({ cuestionarioId: z.guid('el cuestionario no existe') });

export const CuestionarioResumenSchema = z.object({
  id: z.string(),
  entidadId: z.string().nullable().describe('null: de la plataforma'),
  codigo: z.string(),
  nombre: z.string(),
  vigencia: z.number(),
  instrumento: z.enum(INSTRUMENTOS),
  politica: z.string().nullable(),
  fuente: z.string().nullable(),
  items: z.number(),
  creadoEn: z.string(),
  modulos: z
    .array(z.object({ codigo: z.string(), nombre: z.string() }))
    .describe('sus secciones de primer nivel (los módulos de un banco FURAG)'),
});
export type CuestionarioResumen = z.infer<typeof CuestionarioResumenSchema>;

export const ListaCuestionariosSchema = z
  .object({ cuestionarios: z.array(CuestionarioResumenSchema) })
  .meta({ id: 'ListaCuestionarios' });

export const ImportacionCuestionarioSchema = z
  .object({
    id: z.string(),
    codigo: z.string(),
    vigencia: z.number(),
    items: z.number(),
    secciones: z.array(
      z.object({
        codigo: z.string(),
        nombre: z.string(),
        nivel: z.number().describe('1 es una sección principal'),
        items: z.number().describe('ítems de la sección y de sus subsecciones'),
      }),
    ),
    porTipo: z.record(z.enum(TIPOS_ITEM), z.number()),
  })
  .meta({ id: 'ImportacionCuestionario' });
export type ImportacionCuestionario = z.infer<typeof ImportacionCuestionarioSchema>;

/** A bank of 450 questions with 4.000-character texts and 36 options runs to ≈ 10 MB of JSON. */
export const CUESTIONARIO_MAXIMO_BYTES = 16 * 1024 * 1024;
