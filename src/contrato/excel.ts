import { z } from 'zod';
import { ErrorSchema } from './comun.ts';

// The contract's error, plus the sheet's problems when the file was read (a bad path has none).
export const ProblemasImportacionSchema = ErrorSchema.extend({
  problemas: z.array(z.object({ fila: z.number(), columna: z.string(), problema: z.string() })).optional(),
});
export type ProblemasImportacion = z.infer<typeof ProblemasImportacionSchema>;

export const ImportacionSchema = z.object({ importadas: z.number() });
export type Importacion = z.infer<typeof ImportacionSchema>;

/** Without periodo: the current one. */
export const SeguimientoXlsxQuery = z.object({ periodo: z.coerce.number().int().min(1).max(12).optional() });

/** A list of dependencias or people is small: 5 MB holds tens of thousands of rows (checked in the browser too). */
export const TABLA_MAXIMA_BYTES = 5 * 1024 * 1024;
