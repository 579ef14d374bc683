// Medición: the official FURAG results of a vigencia, loaded from the file Función Pública publishes, and one
// entity's scores against its grupo par.
import { z } from 'zod';
import { NIVELES_MEDICION } from '../core/furag-resultados.ts';
import { LIMITES } from '../core/numeros.ts';
import { EntidadVigenciaParams, numeroEn, textoOpcional, VigenciaSchema } from './comun.ts';

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

/** Where the scores come from: the national file loaded in the platform, or typed by the entity. */
export const ORIGENES_FURAG = ['archivo', 'entidad'] as const;
export type OrigenFurag = (typeof ORIGENES_FURAG)[number];
const OrigenSchema = z
  .enum(ORIGENES_FURAG)
  .describe(
    'archivo: del archivo nacional que cargó la plataforma; entidad: digitados por la entidad desde su informe de resultados (sin comparación con el grupo par)',
  );

const DigitadoSchema = z
  .object({ por: z.string().nullable().describe('quién los digitó'), en: z.string() })
  .nullable()
  .describe('quién digitó los puntajes y cuándo; null cuando vienen del archivo');

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
    origen: OrigenSchema,
    fila: z
      .object({
        entidad: z.string().describe('el nombre como lo escribe el archivo oficial'),
        codigoSigep: z.string().nullable(),
        tipoFormulario: z.string().nullable(),
        coincidencia: z.enum(['sigep', 'nombre']).describe('cómo se encontró la fila de la entidad'),
      })
      .nullable()
      .describe('la fila de la entidad en el archivo; null cuando los puntajes los digitó la entidad'),
    digitado: DigitadoSchema,
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
          origen: OrigenSchema,
          grupoPar: z.string().nullable(),
          idi: MedicionSchema,
          dimensiones: z.array(MedicionSchema),
          politicas: z.array(MedicionSchema),
        }),
      )
      .describe(
        'de la más antigua a la más reciente; las vigencias en que el archivo tiene la fila de la entidad o en que la entidad digitó sus puntajes',
      ),
    indices: z
      .array(
        z.object({
          codigo: z.string().describe('su código en la última vigencia en que aparece'),
          nombre: z.string().nullable(),
          serie: z.array(
            MedicionSchema.extend({
              vigencia: z.number(),
              origen: OrigenSchema,
            }).describe('la medición de esa vigencia, con el código que el índice tenía entonces'),
          ),
        }),
      )
      .describe(
        'cada índice año a año, seguido a través de los cambios de código entre vigencias con el mapa de equivalencias del catálogo',
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

/** A measurement code as FURAG writes it (IDI, D1…D7, POL01…, I01…). */
export const CODIGO_MEDICION = /^(IDI|D[1-7]|POL\d{2}|I\d{2,3})$/;
/** IDI, 7 dimensions, 19 policies and some 70 indices: room for growth, bounded. */
export const MAXIMO_PUNTAJES_DIGITADOS = 250;

export const PuntajesDigitadosParams = EntidadVigenciaParams;

/**
 * The scores of the entity's results report, typed: each 0–100 with at most one decimal; a measurement that
 * does not apply is left out (never zero). The codes must be the catalog's for the vigencia (the service
 * checks them).
 */
export const PuntajesDigitadosEntradaSchema = z.object({
  grupoPar: textoOpcional(120).describe('el grupo par como lo dice el informe de resultados'),
  puntajes: z.record(z.string(), numeroEn('el puntaje', LIMITES.puntajeFurag)).superRefine((p, ctx) => {
    const codigos = Object.keys(p);
    if (!codigos.length)
      ctx.addIssue({
        code: 'custom',
        message: 'digite al menos un puntaje (deje vacío lo que no aplica a la entidad)',
      });
    if (codigos.length > MAXIMO_PUNTAJES_DIGITADOS)
      ctx.addIssue({ code: 'custom', message: `no más de ${MAXIMO_PUNTAJES_DIGITADOS} puntajes` });
    for (const c of codigos.slice(0, MAXIMO_PUNTAJES_DIGITADOS))
      if (!CODIGO_MEDICION.test(c))
        ctx.addIssue({
          code: 'custom',
          path: [c],
          message: `«${c.slice(0, 20)}» no es un código FURAG (IDI, D1…D7, POL01…POL19, I01…)`,
        });
  }),
  version: z
    .number({ error: 'la versión debe ser un número' })
    .int('la versión debe ser un número entero')
    .min(1, 'la versión empieza en 1')
    .max(1_000_000, 'la versión no es válida')
    .nullable()
    .describe('la versión que se leyó antes de editar; null para digitar una vigencia por primera vez'),
});
export type PuntajesDigitadosEntrada = z.infer<typeof PuntajesDigitadosEntradaSchema>;
/** What a client sends (before the schema trims the grupo par). */
export type PuntajesDigitadosCuerpo = z.input<typeof PuntajesDigitadosEntradaSchema>;

export const PuntajesDigitadosSchema = z
  .object({
    vigencia: z.number(),
    grupoPar: z.string().nullable(),
    puntajes: z.record(z.string(), z.number()).describe('solo las mediciones que aplican'),
    version: z.number(),
    digitadoPor: z.string().nullable(),
    digitadoEn: z.string(),
  })
  .meta({ id: 'PuntajesDigitadosFurag' });
export type PuntajesDigitados = z.infer<typeof PuntajesDigitadosSchema>;

/** One measurement's score of the entity in a vigencia, with why there is none. */
export const PuntajeDeEntidadSchema = z.object({
  vigencia: z.number(),
  codigo: z
    .string()
    .nullable()
    .describe('el código de la medición en esa vigencia (los códigos de índices cambian entre vigencias)'),
  estado: z
    .enum(['con_puntaje', 'no_aplica', 'sin_fila', 'sin_cargar'])
    .describe(
      'sin_cargar: no hay resultados de esa vigencia (ni archivo ni puntajes digitados); sin_fila: la entidad no está en el archivo ni los digitó; no_aplica: celda vacía, o el índice no existía ese año',
    ),
  puntaje: z.number().nullable(),
});
export type PuntajeDeEntidad = z.infer<typeof PuntajeDeEntidadSchema>;
