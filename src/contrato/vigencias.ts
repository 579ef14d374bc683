import { z } from 'zod';
import { LIMITES } from '../core/numeros.ts';
import { ESQUEMAS_PERIODOS, ESTADOS_VENTANA, MAXIMO_ESQUEMAS_INSTRUMENTO } from '../core/periodos.ts';
import { MODOS_PONDERACION } from '../core/ponderacion.ts';
import { EntidadVigenciaParams, fechaEn, numeroEn, textoEntre } from './comun.ts';

const fecha = fechaEn();

// Cumplimiento in %: aggregates are capped at 100, so yellow and green must start within 0–100; «azul»
// (over-achievement) is only seen per activity and may start above 100.
export const SemaforoSchema = z.object({
  amarilloDesde: numeroEn('el inicio del amarillo', LIMITES.umbral),
  verdeDesde: numeroEn('el inicio del verde', LIMITES.umbral),
  azulSobre: numeroEn('el límite del azul', LIMITES.umbralAzul),
  etiquetas: z.object({ rojo: z.string(), amarillo: z.string(), verde: z.string(), azul: z.string() }),
});
export type Semaforo = z.infer<typeof SemaforoSchema>;

export const PeriodoVigenciaSchema = z.object({
  numero: z.number(),
  nombre: z.string(),
  inicio: z.string(),
  corte: z.string(),
  abre: z.string(),
  cierra: z.string(),
  cerrado: z.boolean(),
  ventana: z.enum(ESTADOS_VENTANA),
  diasHabilesParaCerrar: z.number(),
});
export type PeriodoVigencia = z.infer<typeof PeriodoVigenciaSchema>;

/** Instrument (key of a Decreto 612 plan, e.g. transparencia_etica, or code of an own plan) → its scheme. */
export const EsquemasInstrumentoSchema = z
  .record(
    z.string().min(1, 'elija el instrumento').max(40, 'elija un instrumento de la lista'),
    z.enum(ESQUEMAS_PERIODOS, {
      error: 'el esquema de cada instrumento debe ser trimestral, cuatrimestral, semestral o mensual',
    }),
  )
  .refine(
    (m) => Object.keys(m).length <= MAXIMO_ESQUEMAS_INSTRUMENTO,
    `no más de ${MAXIMO_ESQUEMAS_INSTRUMENTO} instrumentos con esquema propio`,
  );
export type EsquemasInstrumentoEntrada = z.infer<typeof EsquemasInstrumentoSchema>;

export const VigenciaEntidadSchema = z
  .object({
    vigencia: z.number(),
    configurada: z.boolean(),
    esquema: z.enum(ESQUEMAS_PERIODOS),
    diasHabilesReporte: z.number(),
    semaforo: SemaforoSchema,
    modoPonderacion: z.enum(MODOS_PONDERACION),
    /** Instruments with a scheme of their own; the others follow `esquema`. */
    esquemasInstrumento: z.record(z.string(), z.enum(ESQUEMAS_PERIODOS)),
    periodos: z.array(PeriodoVigenciaSchema),
  })
  .meta({ id: 'VigenciaEntidad' });
export type VigenciaEntidad = z.infer<typeof VigenciaEntidadSchema>;

export const ConfigurarVigenciaSchema = z.object({
  esquema: z.enum(ESQUEMAS_PERIODOS, {
    error: 'el esquema debe ser trimestral, cuatrimestral, semestral o mensual',
  }),
  diasHabilesReporte: z
    .number({ error: 'escriba un número de días hábiles' })
    .int('escriba un número entero de días hábiles')
    .min(1, 'debe haber al menos 1 día hábil para reportar')
    .max(60, 'no más de 60 días hábiles'),
  semaforo: SemaforoSchema.optional(),
  /** Without it the vigencia keeps its mode (by policy when new). */
  modoPonderacion: z.enum(MODOS_PONDERACION, 'elija dónde suman 100 % las ponderaciones').optional(),
  /**
   * Without it the vigencia keeps its instruments' schemes; a vigencia configured for the first time puts
   * the PTEP by cuatrimestres.
   */
  esquemasInstrumento: EsquemasInstrumentoSchema.optional(),
});
export type ConfigurarVigencia = z.infer<typeof ConfigurarVigenciaSchema>;

export const PeriodoParams = EntidadVigenciaParams.extend({ numero: z.coerce.number().int().min(1).max(12) });
export const VentanaSchema = z.object({ abre: fecha, cierra: fecha });
export type Ventana = z.infer<typeof VentanaSchema>;

/** Reopening a closed period: why, in words that go to the audit log. */
export const ReabrirPeriodoSchema = z.object({
  justificacion: textoEntre(10, 2000, 'explique en al menos 10 caracteres por qué se reabre el periodo'),
});
