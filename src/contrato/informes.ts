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

const CuatrimestreSchema = z.coerce
  .number({ error: 'el cuatrimestre va de 1 a 3' })
  .int('el cuatrimestre va de 1 a 3')
  .min(1, 'el cuatrimestre va de 1 a 3')
  .max(3, 'el cuatrimestre va de 1 a 3');

/** Control interno's four-monthly follow-up of the PTEP: cuatrimestre 1 (30 abr), 2 (31 ago), 3 (31 dic). */
export const ConsultaSeguimientoPtepSchema = z.object({
  vigencia: VigenciaTableroSchema,
  cuatrimestre: CuatrimestreSchema,
});
export type ConsultaSeguimientoPtep = z.infer<typeof ConsultaSeguimientoPtepSchema>;

export const MAXIMO_CONCLUSIONES = 20_000;
export const ConclusionesPtepSchema = z.object({
  conclusiones: z
    .string({ error: 'escriba las conclusiones' })
    .trim()
    .min(20, 'las conclusiones deben tener al menos 20 caracteres')
    .max(MAXIMO_CONCLUSIONES, `las conclusiones no pueden pasar de ${MAXIMO_CONCLUSIONES} caracteres`),
});
export type ConclusionesPtep = z.infer<typeof ConclusionesPtepSchema>;

export const ConclusionesPtepRespuestaSchema = z.object({
  vigencia: z.number(),
  cuatrimestre: z.number(),
  conclusiones: z.string().nullable(),
  actualizadoEn: z.string().nullable(),
});
