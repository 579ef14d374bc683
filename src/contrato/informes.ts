// The reports generated from the data (issue 11 §2): what their downloads ask for.
import { z } from 'zod';
import { CLAVES_MECI } from '../core/meci.ts';
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

// ---------- Evaluación independiente del sistema de control interno (semestral, por componente del MECI) ----------
const SemestreSchema = z.coerce
  .number({ error: 'el semestre es 1 o 2' })
  .int('el semestre es 1 o 2')
  .min(1, 'el semestre es 1 o 2')
  .max(2, 'el semestre es 1 o 2');
export const ConsultaEvaluacionMeciSchema = z.object({
  vigencia: VigenciaTableroSchema,
  semestre: SemestreSchema,
});

const textoComponente = (que: string) =>
  z.string().trim().max(4000, `${que}: no más de 4.000 caracteres`).default('');
export const EvaluacionComponenteSchema = z.object({
  presente: z.boolean({ error: 'diga si el componente está presente' }),
  funcionando: z.boolean({ error: 'diga si el componente está funcionando' }),
  nivel: z
    .number({ error: 'el nivel es un número de 0 a 100' })
    .min(0, 'el nivel va de 0 a 100')
    .max(100, 'el nivel va de 0 a 100')
    .refine((x) => Number.isInteger(x * 10), 'el nivel admite un decimal'),
  fortalezas: textoComponente('las fortalezas'),
  debilidades: textoComponente('las debilidades'),
});

export const EvaluacionMeciEntradaSchema = z.object({
  componentes: z.partialRecord(
    z.enum(CLAVES_MECI, { error: 'el componente no es del MECI' }),
    EvaluacionComponenteSchema,
  ),
  conclusion: z
    .string()
    .trim()
    .max(MAXIMO_CONCLUSIONES, `la conclusión no puede pasar de ${MAXIMO_CONCLUSIONES} caracteres`)
    .nullable(),
  /** The version read (null the first time): another writer in between → 409. */
  version: z.number().int().min(1).nullable(),
});
export type EvaluacionMeciEntrada = z.infer<typeof EvaluacionMeciEntradaSchema>;

export const EvaluacionMeciSchema = z.object({
  vigencia: z.number(),
  semestre: z.number(),
  corte: z.string(),
  componentes: z.partialRecord(z.enum(CLAVES_MECI), EvaluacionComponenteSchema),
  conclusion: z.string().nullable(),
  version: z.number().nullable(),
  estado: z.object({
    nivel: z.number().nullable(),
    efectivo: z.boolean(),
    faltan: z.array(z.string()),
    conFallas: z.array(z.string()),
  }),
  insumos: z.object({
    reportes: z.number().describe('reportes de los periodos con corte en el semestre'),
    verificados: z.number(),
    conObservaciones: z.number(),
    porVerificar: z.number(),
    avanceVerificadoPromedio: z.number().nullable(),
  }),
  actualizadoEn: z.string().nullable(),
});
export type EvaluacionMeci = z.infer<typeof EvaluacionMeciSchema>;
