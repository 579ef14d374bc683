// FURAG rehearsal (simulacro): the vigencia's question bank answered by planeación's people per assigned section
// and the control-interno form by control interno, each answer with its evidence links, last vigencia's answer
// beside it, and progress as completeness and evidence coverage (core/simulacro.ts) — never a predicted score.
import { z } from 'zod';
import { LIMITES_CUESTIONARIO as L, LARGO_RESPUESTA } from '../core/cuestionario.ts';
import { LIMITES_SIMULACRO as S } from '../core/simulacro.ts';
import { RespuestaSchema } from './autodiagnosticos.ts';
import { EntidadParams } from './comun.ts';
import { CuestionarioSchema } from './cuestionarios.ts';

const Codigo = z.string().min(1).max(L.codigo);

export const SimulacroParams = EntidadParams.extend({ simulacroId: z.guid('el simulacro no existe') });
export const SeccionSimulacroParams = SimulacroParams.extend({ seccion: Codigo });
export const ItemSimulacroParams = SimulacroParams.extend({ item: Codigo });

export const CrearSimulacroSchema = z.object({
  cuestionarioId: z.guid('el cuestionario no existe'),
  seccionControlInterno: Codigo.nullable()
    .optional()
    .describe(
      'código de la sección de primer nivel que es el formulario de control interno (la responde solo control interno)',
    ),
});

export const AsignarSeccionSchema = z.object({
  usuarioId: z
    .uuid('la persona no existe')
    .nullable()
    .describe('una persona de planeación de la entidad; null quita la asignación'),
});

/**
 * An answer's evidence: one already uploaded in the entity's seguimiento (`evidenciaId`: the same file, never a
 * copy; its name and address are the server's), or a link typed by hand (`nombre` and `url`, http or https).
 */
export const EvidenciaSimulacroSchema = z
  .object({
    evidenciaId: z
      .uuid('la evidencia no existe')
      .optional()
      .describe(
        'una evidencia ya cargada en el seguimiento de la entidad; con ella, nombre y url se ignoran',
      ),
    nombre: z.string().trim().max(S.nombre, `el nombre tiene más de ${S.nombre} caracteres`).optional(),
    url: z.string().trim().max(S.url, `el enlace tiene más de ${S.url} caracteres`).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.evidenciaId) return;
    if (!e.nombre)
      ctx.addIssue({ code: 'custom', path: ['nombre'], message: 'escriba el nombre de la evidencia' });
    if (!e.url)
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'escriba el enlace de la evidencia (https://…) o elija una del seguimiento',
      });
  });

export const GuardarRespuestaSimulacroSchema = z.object({
  respuesta: RespuestaSchema.nullable().describe('null deja la pregunta en blanco'),
  observacion: z
    .string()
    .trim()
    .max(LARGO_RESPUESTA, `la observación tiene más de ${LARGO_RESPUESTA.toLocaleString('es-CO')} caracteres`)
    .nullable()
    .optional(),
  evidencias: z
    .array(EvidenciaSimulacroSchema)
    .max(S.evidencias, `hasta ${S.evidencias} evidencias por pregunta`)
    .optional()
    .describe('las evidencias de la respuesta: del seguimiento o enlaces http(s)'),
});

const AvanceSchema = z.object({
  aplicables: z.number(),
  respondidos: z.number(),
  conEvidencia: z.number().describe('respondidas con al menos una evidencia'),
  completitud: z.number().nullable().describe('respondidas ÷ aplicables, en %'),
  coberturaEvidencia: z.number().nullable().describe('con evidencia ÷ respondidas, en %'),
});

export const SimulacroResumenSchema = z.object({
  id: z.string(),
  cuestionarioId: z.string(),
  codigo: z.string(),
  nombre: z.string(),
  vigencia: z.number(),
  seccionControlInterno: z.string().nullable(),
  avance: AvanceSchema,
});

export const ListaSimulacrosSchema = z
  .object({ simulacros: z.array(SimulacroResumenSchema) })
  .meta({ id: 'ListaSimulacros' });

const RespondeSchema = z.object({
  tipo: z.enum(['control_interno', 'persona', 'sin_asignar']),
  usuarioId: z.string().optional(),
  seccion: z.string().optional().describe('la sección asignada de la que sale'),
});

export const RespuestaSimulacroSchema = z.object({
  respuesta: RespuestaSchema.nullable(),
  observacion: z.string().nullable(),
  evidencias: z.array(
    z.object({
      nombre: z.string(),
      url: z
        .string()
        .describe(
          'el enlace; el de una evidencia del seguimiento es relativo: /api/entidades/…/evidencias/…',
        ),
      evidenciaId: z.string().optional().describe('la evidencia del seguimiento enlazada'),
    }),
  ),
});

export const SimulacroSchema = z
  .object({
    simulacro: SimulacroResumenSchema,
    cuestionario: CuestionarioSchema,
    respuestas: z.record(z.string(), RespuestaSimulacroSchema),
    anterior: z
      .object({
        simulacroId: z.string(),
        vigencia: z.number(),
        respuestas: z
          .record(z.string(), RespuestaSimulacroSchema)
          .describe('por código de pregunta de esta vigencia (ubicadas por código equivalente)'),
      })
      .nullable()
      .describe('el simulacro más reciente de una vigencia anterior, si hay'),
    asignaciones: z.array(
      z.object({ seccion: z.string(), usuario: z.object({ id: z.string(), nombre: z.string() }) }),
    ),
    responden: z.record(z.string(), RespondeSchema).describe('quién responde cada pregunta'),
    puedoResponder: z.array(z.string()).describe('las preguntas que quien consulta puede responder'),
    visibles: z.array(z.string()),
    avance: z.object({
      total: AvanceSchema,
      modulos: z.array(AvanceSchema.extend({ codigo: z.string(), nombre: z.string() })),
      personas: z.array(
        AvanceSchema.extend({
          clave: z.string().describe('id de la persona, control_interno o sin_asignar'),
          nombre: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: 'SimulacroFurag' });
