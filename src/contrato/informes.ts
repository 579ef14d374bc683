// The reports generated from the data (issue 11 §2): what their downloads ask for.
import { z } from 'zod';
import { PeriodoTableroSchema, VigenciaTableroSchema } from './tablero.ts';

/** The quarterly report to the CIGD: a closed period of a vigencia. */
export const ConsultaInformeTrimestralSchema = z.object({
  vigencia: VigenciaTableroSchema,
  periodo: PeriodoTableroSchema,
});
export type ConsultaInformeTrimestral = z.infer<typeof ConsultaInformeTrimestralSchema>;

/** The informe de gestión: a vigencia (the whole of it when closed, else up to its last closed period). */
export const ConsultaInformeGestionSchema = z.object({ vigencia: VigenciaTableroSchema });
export type ConsultaInformeGestion = z.infer<typeof ConsultaInformeGestionSchema>;
