// Autodiagnósticos: a policy's questionnaire assigned to the entity for a vigencia, answered by the policy's
// responsible, scored with completeness beside the score (core/cuestionario.ts).
import { z } from 'zod';
import { ESTADOS_AUTODIAGNOSTICO } from '../core/autodiagnostico.ts';
import { LIMITES_CUESTIONARIO as L, LARGO_RESPUESTA, UMBRAL_BRECHA } from '../core/cuestionario.ts';
import { EntidadParams, VigenciaSchema } from './comun.ts';
import { CuestionarioSchema } from './cuestionarios.ts';
import { ActividadEntradaSchema, ActividadVinculadaSchema, PropuestaVinculadaSchema } from './plan.ts';

const Codigo = z.string().min(1).max(L.codigo);
const Numero = z.number().min(-L.numero).max(L.numero);

export const RespuestaSchema = z
  .strictObject({
    noAplica: z.boolean().optional(),
    opcion: Codigo.optional(),
    opciones: z.array(Codigo).max(L.opciones).optional(),
    cantidades: z
      .record(Codigo, Numero)
      .refine((o) => Object.keys(o).length <= L.opciones, `hasta ${L.opciones} opciones`)
      .optional(),
    numero: Numero.optional(),
    texto: z
      .string()
      .max(LARGO_RESPUESTA, `la respuesta tiene más de ${LARGO_RESPUESTA.toLocaleString('es-CO')} caracteres`)
      .optional(),
    celdas: z
      .record(Codigo, Codigo)
      .refine((o) => Object.keys(o).length <= L.filasMatriz, `hasta ${L.filasMatriz} filas`)
      .optional(),
    puntaje: z.number().min(0, 'el puntaje va de 0 a 100').max(100, 'el puntaje va de 0 a 100').optional(),
  })
  .describe('solo el campo del tipo del ítem, o noAplica');

export const AutodiagnosticoParams = EntidadParams.extend({
  autodiagnosticoId: z.guid('el autodiagnóstico no existe'),
});
export const RespuestaParams = AutodiagnosticoParams.extend({ item: Codigo });

export const AsignarAutodiagnosticoSchema = z.object({ cuestionarioId: z.guid('el cuestionario no existe') });

export const GuardarRespuestaSchema = z.object({
  respuesta: RespuestaSchema.nullable().describe('null deja el ítem en blanco'),
  observacion: z
    .string()
    .trim()
    .max(LARGO_RESPUESTA, `la observación tiene más de ${LARGO_RESPUESTA.toLocaleString('es-CO')} caracteres`)
    .nullable()
    .optional(),
});

const ResultadoSeccionSchema: z.ZodType<ResultadoSeccion> = z.object({
  codigo: z.string(),
  nombre: z.string(),
  puntaje: z.number().nullable(),
  completitud: z.number().nullable(),
  respondidos: z.number(),
  aplicables: z.number(),
  sinEvidencia: z.number(),
  get secciones() {
    return z.array(ResultadoSeccionSchema);
  },
}) as z.ZodType<ResultadoSeccion>;
interface ResultadoSeccion {
  codigo: string;
  nombre: string;
  puntaje: number | null;
  completitud: number | null;
  respondidos: number;
  aplicables: number;
  sinEvidencia: number;
  secciones: ResultadoSeccion[];
}

export const ResultadoAutodiagnosticoSchema = z.object({
  puntaje: z.number().nullable().describe('0 a 100; null si nada puntuable tiene respuesta'),
  nivel: z.string().nullable(),
  completitud: z.number().nullable().describe('respondidos ÷ aplicables, en %; al lado del puntaje siempre'),
  respondidos: z.number(),
  aplicables: z.number(),
  sinEvidencia: z.number(),
  secciones: z.array(ResultadoSeccionSchema),
});

export const AutodiagnosticoResumenSchema = z.object({
  id: z.string(),
  cuestionarioId: z.string(),
  codigo: z.string(),
  nombre: z.string(),
  vigencia: z.number(),
  politica: z.string(),
  estado: z.enum(ESTADOS_AUTODIAGNOSTICO),
  observaciones: z.string().nullable().describe('de planeación, al devolverlo'),
  responsable: z.object({ id: z.string(), nombre: z.string() }).nullable(),
  resultado: ResultadoAutodiagnosticoSchema,
});

export const ListaAutodiagnosticosSchema = z
  .object({ autodiagnosticos: z.array(AutodiagnosticoResumenSchema) })
  .meta({ id: 'ListaAutodiagnosticos' });

export const EvidenciaEnlazadaSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  url: z.string().nullable(),
});
export const EvidenciasElegiblesSchema = z
  .object({
    evidencias: z.array(
      EvidenciaEnlazadaSchema.extend({
        vigencia: z.number(),
        periodo: z.number(),
        actividad: z.string().describe('código de la actividad cuyo reporte la tiene'),
        actividadNombre: z.string(),
        dePolitica: z.boolean().describe('la actividad es de la política del autodiagnóstico'),
      }),
    ),
    truncada: z.boolean().describe('hay más de las que se listan'),
  })
  .meta({ id: 'EvidenciasElegibles' });
export type EvidenciasElegibles = z.infer<typeof EvidenciasElegiblesSchema>;
export const VincularEvidenciaSchema = z.object({ evidenciaId: z.guid('la evidencia no existe') });
export const EvidenciaItemParams = RespuestaParams.extend({ evidenciaId: z.guid('la evidencia no existe') });

const AccionesMejoraSchema = z.object({
  actividades: z.array(ActividadVinculadaSchema).describe('actividades del plan que salieron de la brecha'),
  propuestas: z.array(PropuestaVinculadaSchema).describe('propuestas de actividad que salieron de la brecha'),
});

export const AnteriorAutodiagnosticoSchema = z.object({
  id: z.string(),
  vigencia: z.number(),
  codigo: z.string().describe('código del cuestionario de esa vigencia'),
  nombre: z.string(),
  estado: z.enum(ESTADOS_AUTODIAGNOSTICO),
  resultado: ResultadoAutodiagnosticoSchema.describe(
    'sus respuestas puntuadas sobre las secciones del cuestionario actual (ítems ubicados por código equivalente): puntaje y completitud comparables sección por sección',
  ),
});

export const AutodiagnosticoSchema = z
  .object({
    autodiagnostico: AutodiagnosticoResumenSchema,
    cuestionario: CuestionarioSchema,
    respuestas: z.record(
      z.string(),
      z.object({ respuesta: RespuestaSchema.nullable(), observacion: z.string().nullable() }),
    ),
    evidencias: z
      .record(z.string(), z.array(EvidenciaEnlazadaSchema))
      .describe('evidencias de seguimiento enlazadas a cada ítem'),
    visibles: z.array(z.string()).describe('códigos de los ítems que se muestran (aplicabilidad y saltos)'),
    puedeResponder: z.boolean(),
    brechas: z
      .array(
        z
          .object({
            item: z.string(),
            texto: z.string(),
            secciones: z.array(z.string()),
            puntaje: z.number(),
          })
          .extend(AccionesMejoraSchema.shape),
      )
      .describe(
        'ítems visibles y respondidos con puntaje bajo el umbral, del más bajo al más alto, con las actividades y propuestas (acciones de mejora) que salieron de cada uno',
      ),
    accionesMejora: z
      .record(z.string(), AccionesMejoraSchema)
      .describe(
        'por código de ítem, todas sus acciones de mejora (también las de ítems que ya no son brecha)',
      ),
    anteriores: z
      .array(AnteriorAutodiagnosticoSchema)
      .describe(
        'autodiagnósticos de la misma política en vigencias anteriores, del más reciente al más antiguo',
      ),
  })
  .meta({ id: 'Autodiagnostico' });

export const VerAutodiagnosticoQuery = z.object({
  umbral: z.coerce
    .number()
    .min(0, 'el umbral va de 0 a 100')
    .max(100, 'el umbral va de 0 a 100')
    .optional()
    .describe(`por debajo, un ítem es una brecha; sin él, ${UMBRAL_BRECHA}`),
});

export const AutodiagnosticosQuery = z.object({
  vigencia: z.coerce.number().int().min(2018).max(2100).optional(),
});

export const DevolverAutodiagnosticoSchema = z.object({
  observaciones: z
    .string()
    .trim()
    .min(1, 'escriba qué debe corregir el responsable')
    .max(
      LARGO_RESPUESTA,
      `las observaciones tienen más de ${LARGO_RESPUESTA.toLocaleString('es-CO')} caracteres`,
    ),
});

export const BrechaParams = AutodiagnosticoParams.extend({ item: Codigo });

export const AccionMejoraSchema = z.object({
  vigencia: VigenciaSchema.describe('vigencia del plan de acción que recibe la acción de mejora'),
  umbral: z
    .number()
    .min(0, 'el umbral va de 0 a 100')
    .max(100, 'el umbral va de 0 a 100')
    .optional()
    .describe(`el ítem debe tener puntaje menor que este; sin él, ${UMBRAL_BRECHA}`),
  actividad: ActividadEntradaSchema.describe('con la política del autodiagnóstico'),
});
