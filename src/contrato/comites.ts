// Committees, their sessions, typed decisions and commitments (issue 11 §1).
import { z } from 'zod';
import { CARACTERES_SESION, ROLES_INTEGRANTE, TIPOS_COMITE, TIPOS_DECISION } from '../core/comites.ts';
import { EntidadParams, fechaEn, textoEntre, textoOpcional, VigenciaSchema } from './comun.ts';
import { NombreArchivoSchema } from './seguimiento.ts';

export const ComiteParams = EntidadParams.extend({
  comiteId: z.guid('el identificador del comité no es válido'),
});
export const SesionParams = ComiteParams.extend({
  sesionId: z.guid('el identificador de la sesión no es válido'),
});
export const IntegranteParams = ComiteParams.extend({
  integranteId: z.guid('el identificador del integrante no es válido'),
});
export const CompromisoParams = ComiteParams.extend({
  compromisoId: z.guid('el identificador del compromiso no es válido'),
});

export const IntegranteEntradaSchema = z.object({
  cargo: textoEntre(2, 160, 'escriba el cargo (por ejemplo, «Jefe de la Oficina de Planeación»)'),
  titular: textoOpcional(160),
  rol: z.enum(ROLES_INTEGRANTE, 'elija presidente, secretaría técnica, miembro o invitado'),
  voto: z.boolean('indique si el cargo tiene voz y voto'),
  desde: fechaEn('la fecha desde la que el cargo integra el comité'),
  hasta: fechaEn('la fecha hasta la que el cargo integra el comité').nullish(),
});
export type IntegranteEntrada = z.infer<typeof IntegranteEntradaSchema>;

/** A new holder or end date for a post; `leido` is what the person saw, so a change made meanwhile is 409. */
export const IntegranteCambioSchema = z.object({
  titular: textoOpcional(160),
  hasta: fechaEn('la fecha hasta la que el cargo integra el comité').nullish(),
  leido: z.object(
    {
      titular: z.string().max(160, 'no más de 160 caracteres').nullable(),
      hasta: fechaEn('la fecha final leída').nullable(),
    },
    'envíe el titular y la fecha final que leyó del cargo',
  ),
});
export type IntegranteCambio = z.input<typeof IntegranteCambioSchema>;

export const ComiteEntradaSchema = z.object({
  tipo: z.enum(TIPOS_COMITE, 'elija el tipo de comité'),
  nombre: textoEntre(3, 200, 'escriba el nombre del comité'),
  actoCreacion: textoOpcional(200),
  // Acts of record: the Juntas of the E.S.E. and the Consejos de Gobierno are older than the platform's years.
  fechaActoCreacion: fechaEn('la fecha del acto de creación', '1900-01-01').nullish(),
  integrantes: z.array(IntegranteEntradaSchema).max(60, 'no más de 60 integrantes').default([]),
});
export type ComiteEntrada = z.input<typeof ComiteEntradaSchema>;

/** The public contract: `[{"id","tipo","nombre"}]`, plus what the page shows. */
export const ComiteResumenSchema = z.object({
  id: z.guid(),
  tipo: z.enum(TIPOS_COMITE),
  nombre: z.string(),
  actoCreacion: z.string().nullable(),
  fechaActoCreacion: z.string().nullable(),
  puedeGestionar: z.boolean(),
});
export type ComiteResumen = z.infer<typeof ComiteResumenSchema>;

export const IntegranteSchema = z.object({
  id: z.guid(),
  cargo: z.string(),
  titular: z.string().nullable(),
  rol: z.enum(ROLES_INTEGRANTE),
  voto: z.boolean(),
  desde: z.string(),
  hasta: z.string().nullable(),
});
export type IntegranteComite = z.infer<typeof IntegranteSchema>;

export const ComiteSchema = ComiteResumenSchema.extend({ integrantes: z.array(IntegranteSchema) });
export type Comite = z.infer<typeof ComiteSchema>;

export const ConvocarSchema = z.object({
  caracter: z.enum(CARACTERES_SESION, 'elija ordinaria o extraordinaria'),
  fecha: fechaEn('la fecha de la sesión'),
  lugar: textoOpcional(200),
  /** Left out: the agenda is built from what is pending (plans to approve, closed periods, commitments). */
  ordenDelDia: z
    .array(textoEntre(2, 300, 'escriba el punto del orden del día'))
    .max(40)
    .optional(),
});
export type Convocar = z.infer<typeof ConvocarSchema>;

export const SesionCambioSchema = z.object({
  caracter: z.enum(CARACTERES_SESION, 'elija ordinaria o extraordinaria').optional(),
  fecha: fechaEn('la fecha de la sesión').optional(),
  lugar: textoOpcional(200),
  ordenDelDia: z
    .array(textoEntre(2, 300, 'escriba el punto del orden del día'))
    .max(40)
    .optional(),
  desarrollo: z.string().trim().max(20_000, 'no más de 20.000 caracteres').optional(),
  asistentes: z.array(z.guid('un asistente no es un integrante válido')).max(60).optional(),
});
export type SesionCambio = z.infer<typeof SesionCambioSchema>;

export const DecisionEntradaSchema = z.object({
  tipo: z.enum(TIPOS_DECISION, 'elija el tipo de decisión'),
  descripcion: textoEntre(3, 2000, 'describa la decisión'),
  vigencia: VigenciaSchema.optional(),
  periodo: z.number().int().min(1, 'el periodo va de 1 a 12').max(12, 'el periodo va de 1 a 12').optional(),
});
export type DecisionEntrada = z.infer<typeof DecisionEntradaSchema>;

export const CompromisoEntradaSchema = z.object({
  descripcion: textoEntre(3, 1000, 'describa el compromiso'),
  responsableId: z.guid('elija el responsable del compromiso'),
  fecha: fechaEn('la fecha del compromiso'),
});
export type CompromisoEntrada = z.infer<typeof CompromisoEntradaSchema>;

export const QuorumSchema = z.object({
  conVoto: z.number(),
  presentesConVoto: z.number(),
  requeridos: z.number(),
  hay: z.boolean(),
});

export const DecisionSchema = z.object({
  id: z.guid(),
  tipo: z.enum(TIPOS_DECISION),
  descripcion: z.string(),
  vigencia: z.number().nullable(),
  periodo: z.number().nullable(),
  version: z.number().nullable(),
});

export const CompromisoSchema = z.object({
  id: z.guid(),
  sesionId: z.guid(),
  /** «Acta n.º 2 de 2026»: where it was agreed. */
  origen: z.string(),
  descripcion: z.string(),
  responsableId: z.guid(),
  responsable: z.string(),
  fecha: z.string(),
  cumplidoEn: z.string().nullable(),
  vencido: z.boolean(),
});
export type CompromisoComite = z.infer<typeof CompromisoSchema>;

/** The public contract: `[{"id","fecha","caracter",…}]`. */
export const SesionResumenSchema = z.object({
  id: z.guid(),
  numero: z.number(),
  anio: z.number(),
  fecha: z.string(),
  caracter: z.enum(CARACTERES_SESION),
  lugar: z.string().nullable(),
  decisiones: z.number(),
  actaFirmada: z.boolean(),
});
export type SesionResumen = z.infer<typeof SesionResumenSchema>;

export const SesionSchema = SesionResumenSchema.extend({
  comite: ComiteResumenSchema,
  ordenDelDia: z.array(z.string()),
  desarrollo: z.string(),
  asistentes: z.array(z.guid()),
  /** The posts valid on the session's date (those who should attend). */
  integrantes: z.array(IntegranteSchema),
  quorum: QuorumSchema,
  decisiones: z.array(DecisionSchema),
  compromisos: z.array(CompromisoSchema),
  /** Open commitments of earlier sessions, which come back at this one. */
  compromisosAnteriores: z.array(CompromisoSchema),
  actaNombre: z.string().nullable(),
});
export type Sesion = z.infer<typeof SesionSchema>;

export const ActaFirmadaQuery = z.object({ nombre: NombreArchivoSchema });
