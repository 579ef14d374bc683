// Medición: the recommendations Función Pública sends each entity with its FURAG results, turned into plan
// activities and followed to next year's score of their index.
import { z } from 'zod';
import { ESTADOS_SEGUIMIENTO } from '../core/seguimiento.ts';
import { EntidadParams, VigenciaSchema } from './comun.ts';
import { PuntajeDeEntidadSchema } from './furag.ts';
import { ActividadEntradaSchema, ActividadVinculadaSchema, PropuestaVinculadaSchema } from './plan.ts';

export const CargaRecomendacionesQuery = z.object({
  vigencia: VigenciaSchema.describe('vigencia de los resultados FURAG con que llegaron las recomendaciones'),
});

export const CargaRecomendacionesSchema = z
  .object({
    cargadas: z.number().describe('recomendaciones nuevas que quedaron de este archivo'),
    conservadas: z
      .number()
      .describe(
        'recomendaciones ya convertidas en actividad o propuesta: se conservan siempre, con su vínculo',
      ),
    reemplazadas: z
      .number()
      .describe('recomendaciones sin usar de la carga anterior que este archivo reemplazó'),
  })
  .meta({ id: 'CargaRecomendaciones' });
export type CargaRecomendaciones = z.infer<typeof CargaRecomendacionesSchema>;

export const RecomendacionesQuery = z.object({
  vigencia: VigenciaSchema.optional().describe(
    'sin ella, la última vigencia con recomendaciones de la entidad',
  ),
});

export const RecomendacionParams = EntidadParams.extend({
  recomendacionId: z.guid('el identificador de la recomendación no es válido'),
});

export const RecomendacionSchema = z
  .object({
    id: z.string(),
    vigencia: z.number().describe('vigencia de los resultados'),
    indice: z
      .string()
      .nullable()
      .describe('código del índice (I01…); null si es de una política sin índices'),
    indiceNombre: z.string().nullable(),
    politica: z.string().describe('clave de la política en el catálogo'),
    politicaNombre: z.string(),
    politicaCodigo: z.string().nullable().describe('código FURAG de la política (POL01…)'),
    texto: z.string(),
    fila: z.number().describe('fila del archivo cargado'),
    actividades: z.array(ActividadVinculadaSchema).describe('actividades del plan que salieron de ella'),
    propuestas: z.array(PropuestaVinculadaSchema).describe('propuestas de actividad que salieron de ella'),
  })
  .meta({ id: 'RecomendacionFurag' });
export type Recomendacion = z.infer<typeof RecomendacionSchema>;

export const RecomendacionesSchema = z
  .object({
    vigencia: z.number().nullable().describe('null: la entidad no tiene recomendaciones cargadas'),
    vigencias: z.array(z.number()).describe('vigencias de resultados con recomendaciones de la entidad'),
    recomendaciones: z.array(RecomendacionSchema).describe('por política (orden del catálogo) e índice'),
  })
  .meta({ id: 'RecomendacionesFurag' });
export type Recomendaciones = z.infer<typeof RecomendacionesSchema>;

export const ConvertirRecomendacionSchema = z.object({
  vigencia: VigenciaSchema.describe('vigencia del plan de acción que recibe la actividad'),
  actividad: ActividadEntradaSchema,
});
export type ConvertirRecomendacion = z.infer<typeof ConvertirRecomendacionSchema>;

export const TrazabilidadSchema = z
  .object({
    recomendacion: RecomendacionSchema,
    actividades: z.array(
      ActividadVinculadaSchema.extend({
        metaAnual: z.number(),
        unidad: z.string(),
        logrado: z.number().nullable().describe('logro acumulado con los reportes aceptados'),
        avance: z.number().nullable().describe('porcentaje del logro frente a la meta anual'),
        reportes: z.array(
          z.object({
            periodo: z.number(),
            valor: z.number(),
            estado: z.enum(ESTADOS_SEGUIMIENTO),
            evidencias: z.array(z.object({ id: z.string(), nombre: z.string(), url: z.string().nullable() })),
          }),
        ),
      }),
    ),
    medicion: z.object({
      codigo: z
        .string()
        .nullable()
        .describe('el índice, o el código FURAG de la política si no tiene índice'),
      base: PuntajeDeEntidadSchema.describe('el puntaje de la vigencia de la recomendación'),
      siguiente: PuntajeDeEntidadSchema.describe(
        'el puntaje del año siguiente, si ya se cargaron sus resultados',
      ),
    }),
  })
  .meta({ id: 'TrazabilidadRecomendacion' });
export type Trazabilidad = z.infer<typeof TrazabilidadSchema>;
