// Medición: the official FURAG results of a vigencia, loaded from the file Función Pública publishes, and one
// entity's scores against its grupo par.
import { z } from 'zod';
import { NIVELES_MEDICION } from '../core/furag-resultados.ts';
import { VigenciaSchema } from './comun.ts';

/** The national file as .xlsx is ≈ 3–5 MB; as CSV up to ≈ 10 MB. */
export const RESULTADOS_FURAG_MAXIMO_BYTES = 16 * 1024 * 1024;

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
export type CargaFurag = z.infer<typeof CargaFuragSchema>;

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

const ActividadDelIndiceSchema = z.object({
  id: z.string(),
  vigencia: z.number(),
  codigo: z.string(),
  nombre: z.string(),
});

export const ResultadoFuragSchema = z
  .object({
    vigencia: z.number(),
    vigencias: z
      .array(z.number())
      .describe(
        'las vigencias con resultados cargados en la plataforma, de la más reciente a la más antigua',
      ),
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
    indicesDebiles: z
      .array(
        MedicionSchema.extend({
          actividades: z
            .array(ActividadDelIndiceSchema)
            .describe('actividades de los planes de vigencias posteriores etiquetadas con este índice'),
        }),
      )
      .describe('los índices de menor puntaje que aplican a la entidad, el más débil primero'),
  })
  .meta({ id: 'ResultadoFurag' });

export const HistoriaFuragSchema = z
  .object({
    vigencias: z
      .array(
        z.object({
          vigencia: z.number(),
          grupoPar: z.string().nullable(),
          idi: MedicionSchema,
          dimensiones: z.array(MedicionSchema),
          politicas: z.array(MedicionSchema),
        }),
      )
      .describe(
        'de la más antigua a la más reciente; solo las vigencias en que el archivo tiene la fila de la entidad',
      ),
  })
  .meta({ id: 'HistoriaFurag' });
export type HistoriaFurag = z.infer<typeof HistoriaFuragSchema>;

export const CandidatosFuragSchema = z
  .object({
    vigencia: z.number(),
    candidatos: z.array(
      z.object({
        fila: z.number(),
        entidad: z.string(),
        codigoSigep: z.string().nullable(),
        departamento: z.string().nullable(),
        municipio: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CandidatosFurag' });
export type CandidatosFurag = z.infer<typeof CandidatosFuragSchema>;

export const DepartamentoFuragQuery = z.object({
  vigencia: VigenciaSchema.optional().describe('sin ella, la última vigencia cargada'),
  departamento: z.string().trim().min(1, 'escriba el departamento').max(100).optional(),
});

export const DepartamentoFuragSchema = z
  .object({
    vigencia: z.number(),
    departamento: z.string(),
    departamentos: z.array(z.string()).describe('los departamentos del archivo, para elegir otro'),
    columnas: z.array(z.object({ codigo: z.string(), nombre: z.string().nullable() })),
    promedios: z.record(z.string(), z.number().nullable()).describe('promedio del departamento por columna'),
    entidades: z.array(
      z.object({
        fila: z.number().describe('su fila en el archivo: la identifica aunque no traiga código SIGEP'),
        entidad: z.string(),
        municipio: z.string().nullable(),
        codigoSigep: z.string().nullable(),
        grupoPar: z.string().nullable(),
        tipoFormulario: z.string().nullable(),
        puntajes: z.record(z.string(), z.number().nullable()),
      }),
    ),
  })
  .meta({ id: 'DepartamentoFurag' });
export type DepartamentoFurag = z.infer<typeof DepartamentoFuragSchema>;
export type ResultadoFurag = z.infer<typeof ResultadoFuragSchema>;

export const NivelMedicionSchema = z.enum(NIVELES_MEDICION);
