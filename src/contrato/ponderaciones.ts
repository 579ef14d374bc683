import { z } from 'zod';
import { LIMITES } from '../core/numeros.ts';
import { EntidadVigenciaParams, numeroEn } from './comun.ts';

export const PonderacionesParams = EntidadVigenciaParams.extend({
  politica: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/, 'la política debe ser la clave del catálogo, p. ej. integridad'),
});

export const PonderacionesEntradaSchema = z.object({
  ponderaciones: z
    .array(
      z.object({
        actividadId: z.guid('el identificador de la actividad no es válido'),
        ponderacion: numeroEn('la ponderación', LIMITES.ponderacion),
      }),
    )
    .min(1, 'envíe la ponderación de cada actividad de la política')
    .max(500, 'una política tiene como máximo 500 actividades'),
});
export type PonderacionesEntrada = z.infer<typeof PonderacionesEntradaSchema>;

export const PonderacionesSchema = z
  .object({
    politica: z.string(),
    cambiadas: z.number().int(),
    actividades: z.array(z.object({ id: z.string(), codigo: z.string(), ponderacion: z.number() })),
  })
  .meta({ id: 'Ponderaciones' });
export type Ponderaciones = z.infer<typeof PonderacionesSchema>;
