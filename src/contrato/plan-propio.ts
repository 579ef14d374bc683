// The import of the office's own plan spreadsheet: the file is read once into its cells; the review screen
// sends them back with the chosen mapping and names, to see the result and then to import it.
import { z } from 'zod';
import { ACUMULACIONES } from '../core/acumulacion.ts';

export const LIMITES_HOJA_PROPIA = {
  /** A plan of a big entity has a few hundred activities; the rows above the header count too. */
  filas: 3000,
  columnas: 60,
  caracteres: 2000,
  /** Of the .xlsx or .csv (checked in the browser too). */
  bytes: 5 * 1024 * 1024,
  /** Of the cells sent back as JSON: 3,000 rows of a real plan are well under it. */
  cuerpoJson: 12 * 1024 * 1024,
} as const;

const L = LIMITES_HOJA_PROPIA;
const CeldaSchema = z.union([
  z.string().max(L.caracteres, `una celda tiene más de ${L.caracteres.toLocaleString('es-CO')} caracteres`),
  z.number(),
  z.null(),
]);
export const FilaPropiaSchema = z.object({
  numero: z.number().int().min(1).max(1_048_576),
  celdas: z.array(CeldaSchema).max(L.columnas, `una fila tiene más de ${L.columnas} columnas`),
});
export type FilaPropia = z.infer<typeof FilaPropiaSchema>;

const Nombres = z
  .record(z.string().max(L.caracteres), z.string().max(100).nullable())
  .refine((o) => Object.keys(o).length <= 3000, 'no más de 3.000 nombres elegidos por tipo');

export const HojaPropiaSchema = z.object({
  filas: z
    .array(FilaPropiaSchema)
    .min(1, 'la hoja no tiene filas')
    .max(L.filas, `la hoja tiene más de ${L.filas.toLocaleString('es-CO')} filas`),
  filaEncabezado: z.number().int().min(1).max(1_048_576),
  /** The field of each column (null: not imported); without it, the saved mapping or the suggestion. */
  mapeo: z.array(z.string().max(20).nullable()).max(L.columnas).optional(),
  equivalencias: z
    .object({ politica: Nombres, dependencia: Nombres, responsable: Nombres })
    .partial()
    .optional(),
  /** The confirmed goal type by sheet row. */
  tipos: z.record(z.string().regex(/^\d{1,7}$/), z.enum(ACUMULACIONES)).optional(),
});
export type HojaPropia = z.infer<typeof HojaPropiaSchema>;

const ValorEscritoSchema = z.object({
  texto: z.string(),
  filas: z.number(),
  id: z.string().nullable(),
  exacto: z.boolean(),
});
const OpcionSchema = z.object({ id: z.string(), nombre: z.string() });

export const AnalisisHojaSchema = z.object({
  filaEncabezado: z.number(),
  actividades: z.number(),
  columnas: z.array(
    z.object({
      indice: z.number(),
      encabezado: z.string(),
      campo: z.string().nullable(),
      origen: z.enum(['guardado', 'sugerido', 'ninguno']),
      ejemplo: z.string(),
    }),
  ),
  /** Fields a column can be: value and name, in the template's order. */
  campos: z.array(z.object({ campo: z.string(), nombre: z.string() })),
  faltan: z.array(z.string()),
  valores: z.object({
    politica: z.array(ValorEscritoSchema),
    dependencia: z.array(ValorEscritoSchema),
    responsable: z.array(ValorEscritoSchema),
  }),
  opciones: z.object({
    politica: z.array(OpcionSchema),
    dependencia: z.array(OpcionSchema),
    responsable: z.array(OpcionSchema),
  }),
  tipos: z.array(
    z.object({
      fila: z.number(),
      actividad: z.string(),
      acumulacion: z.enum(ACUMULACIONES),
      motivo: z.string(),
      escrito: z.boolean(),
    }),
  ),
});
export type AnalisisHoja = z.infer<typeof AnalisisHojaSchema>;

export const LecturaHojaSchema = AnalisisHojaSchema.extend({ filas: z.array(FilaPropiaSchema) });
export type LecturaHoja = z.infer<typeof LecturaHojaSchema>;
