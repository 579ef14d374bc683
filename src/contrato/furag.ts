// Medición: the official FURAG results of a vigencia, loaded from the file Función Pública publishes, and one
// entity's scores against its grupo par.
import { z } from 'zod';
import { NIVELES_MEDICION } from '../core/furag-resultados.ts';
import { VigenciaSchema } from './comun.ts';

export const CargaFuragQuery = z.object({ vigencia: VigenciaSchema });

export const CargaFuragSchema = z
  .object({
    entidades: z.number().describe('filas de entidades cargadas'),
    columnas: z.object({
      reconocidas: z.number().describe('columnas de puntajes reconocidas por su código'),
      ignoradas: z.array(z.string()).describe('encabezados que no son un dato de la entidad ni un puntaje'),
    }),
  })
  .meta({ id: 'CargaFurag' });

export const FuragEntidadQuery = z.object({
  vigencia: VigenciaSchema.optional().describe('sin ella, la última vigencia cargada'),
});

const GrupoParSchema = z
  .object({
    entidades: z.number().describe('entidades del grupo par con puntaje en esta medición'),
    promedio: z.number(),
    maximo: z.number(),
    minimo: z.number(),
    posicion: z
      .number()
      .nullable()
      .describe('1 es el mejor puntaje del grupo; null si no aplica a la entidad'),
    quintil: z.number().nullable().describe('1 (quinta parte más baja) a 5 (más alta); null si no aplica'),
  })
  .nullable()
  .describe('null si la entidad no tiene grupo par o nadie del grupo tiene puntaje');

const MedicionSchema = z.object({
  codigo: z.string(),
  nombre: z.string().nullable(),
  puntaje: z.number().nullable().describe('puntaje oficial de 0 a 100; null si no aplica a la entidad'),
  grupoPar: GrupoParSchema,
});

export const ResultadoFuragSchema = z
  .object({
    vigencia: z.number(),
    grupoPar: z.string().nullable(),
    fila: z.object({
      entidad: z.string().describe('el nombre como lo escribe el archivo oficial'),
      codigoSigep: z.string().nullable(),
      tipoFormulario: z.string().nullable(),
      coincidencia: z.enum(['sigep', 'nombre']).describe('cómo se encontró la fila de la entidad'),
    }),
    idi: z.object({ puntaje: z.number().nullable(), grupoPar: GrupoParSchema }),
    dimensiones: z.array(MedicionSchema),
    politicas: z.array(MedicionSchema),
    indices: z.array(MedicionSchema),
  })
  .meta({ id: 'ResultadoFurag' });
export type ResultadoFurag = z.infer<typeof ResultadoFuragSchema>;

export const NivelMedicionSchema = z.enum(NIVELES_MEDICION);
