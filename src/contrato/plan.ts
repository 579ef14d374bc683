import { z } from 'zod';
import { ACUMULACIONES } from '../core/acumulacion.ts';
import { TIPOS_CAMBIO } from '../core/cambios-plan.ts';
import { ORGANOS_APROBACION } from '../core/entidad.ts';
import { ESTADOS_PLAN, TIPOS_ACTO } from '../core/flujo-plan.ts';
import { LIMITES } from '../core/numeros.ts';
import { ESQUEMAS_PERIODOS } from '../core/periodos.ts';
import { MODOS_PONDERACION } from '../core/ponderacion.ts';
import { ESTADOS_PROPUESTA } from '../core/propuestas.ts';
import {
  EntidadParams,
  EntidadVigenciaParams,
  fechaEn,
  numeroEn,
  textoEntre,
  textoOpcional,
} from './comun.ts';
import { NombreArchivoSchema, urlEnlace } from './seguimiento.ts';

const texto = textoEntre;
const opcional = textoOpcional;
const fecha = fechaEn();

export const ActividadEntradaSchema = z.object({
  politica: z.string().min(1, 'elija la política').max(60, 'elija una política de la lista'),
  codigo: texto(1, 20, 'escriba el código de la actividad'),
  indiceFurag: opcional(5),
  plan612: opcional(40),
  /** Code of one of the entity's own plans (GET …/planes-propios). */
  planPropio: opcional(20),
  objetivo: opcional(300),
  nombre: texto(5, 500, 'describa la actividad'),
  producto: texto(3, 300, 'escriba el producto o entregable'),
  metaAnual: numeroEn('la meta anual', LIMITES.cantidad).positive('la meta anual debe ser mayor que cero'),
  unidad: texto(1, 60, 'escriba la unidad de medida'),
  /** Optional for clients written before goal types: an activity without it adds its periods up. */
  acumulacion: z.enum(ACUMULACIONES, 'elija el tipo de meta de la lista').default('suma'),
  metasPeriodo: z
    .array(numeroEn('cada meta por periodo', LIMITES.cantidad))
    .max(12, 'una vigencia tiene a lo sumo 12 periodos'),
  ponderacion: numeroEn('la ponderación', LIMITES.ponderacion),
  dependenciaId: z.guid('elija una dependencia de la lista').nullish(),
  responsableId: z.guid('elija una persona de la lista').nullish(),
  corresponsables: z
    .array(z.guid('elija personas de la lista'))
    .max(10, 'no más de 10 corresponsables')
    .optional(),
  fechaInicio: fecha,
  fechaFin: fecha,
  presupuesto: numeroEn('el presupuesto en pesos', LIMITES.presupuesto).nullish(),
  rubro: opcional(60),
  bpin: opcional(20),
  riesgo: opcional(300),
  indicadorId: z.guid('elija un indicador de la lista').nullish(),
});
export type ActividadEntrada = z.infer<typeof ActividadEntradaSchema>;

export const ActividadSchema = z
  .object({
    id: z.string(),
    politica: z.string(),
    codigo: z.string(),
    indiceFurag: z.string().nullable(),
    plan612: z.string().nullable(),
    planPropio: z.string().nullable(),
    objetivo: z.string().nullable(),
    nombre: z.string(),
    producto: z.string(),
    metaAnual: z.number(),
    unidad: z.string(),
    acumulacion: z.enum(ACUMULACIONES),
    metasPeriodo: z.array(z.number()),
    ponderacion: z.number(),
    dependenciaId: z.string().nullable(),
    responsableId: z.string().nullable(),
    corresponsables: z.array(z.string()),
    indicadorId: z.string().nullable(),
    fechaInicio: z.string(),
    fechaFin: z.string(),
    presupuesto: z.number().nullable(),
    rubro: z.string().nullable(),
    bpin: z.string().nullable(),
    riesgo: z.string().nullable(),
    propuestaPor: z
      .string()
      .nullable()
      .optional()
      .describe('quién de la 1.ª línea la propuso, si planeación incorporó una propuesta'),
    recomendacionId: z
      .string()
      .nullable()
      .optional()
      .describe('la recomendación de Función Pública a la que responde (GET …/furag/recomendaciones)'),
    autodiagnosticoId: z
      .string()
      .nullable()
      .optional()
      .describe('el autodiagnóstico cuya brecha atiende, como acción de mejora'),
    autodiagnosticoItem: z
      .string()
      .nullable()
      .optional()
      .describe('el código del ítem (la brecha) en ese autodiagnóstico'),
    esquemaPeriodos: z
      .enum(ESQUEMAS_PERIODOS)
      .optional()
      .describe(
        'en el plan: el esquema de periodos de la actividad, el de su instrumento si tiene uno propio (p. ej. el PTEP por cuatrimestres) o el de la vigencia; metasPeriodo trae una meta por cada periodo de ese esquema',
      ),
  })
  .meta({ id: 'Actividad' });
export type Actividad = z.infer<typeof ActividadSchema>;

/** An activity as the plan lists it: with the names a reader needs beside the ids. */
export const ActividadDelPlanSchema = ActividadSchema.extend({
  dependenciaNombre: z.string().nullable().describe('nombre de la dependencia responsable'),
  responsableNombre: z.string().nullable().describe('nombre de la persona responsable'),
}).meta({ id: 'ActividadDelPlan' });
export type ActividadDelPlan = z.infer<typeof ActividadDelPlanSchema>;

/** The act that adopts an approved version: kind, number, date and, once attached, its PDF. */
export const ActoSchema = z.object({
  tipo: z.enum(TIPOS_ACTO),
  numero: z.string(),
  fecha: z.string(),
  archivo: z.object({ nombre: z.string(), bytes: z.number() }).nullable(),
});
export type Acto = z.infer<typeof ActoSchema>;

export const PlanSchema = z
  .object({
    /** Where the weights add up to 100 %; `ponderaciones` reviews each group of that mode. */
    modoPonderacion: z.enum(MODOS_PONDERACION),
    plan: z
      .object({
        id: z.string(),
        estado: z.enum(ESTADOS_PLAN),
        version: z.number(),
        fechaSesionComite: z.string().nullable(),
        actaComite: z.string().nullable(),
        observaciones: z.string().nullable(),
        acto: ActoSchema.nullable(),
        fechaPublicacion: z.string().nullable(),
        urlPublicacion: z.string().nullable(),
      })
      .nullable(),
    organo: z.object({ clave: z.enum(ORGANOS_APROBACION), nombre: z.string(), conArticulo: z.string() }),
    publicacion: z.object({
      limite: z.string().describe('31 de enero de la vigencia (Decreto 612 de 2018)'),
      vencida: z.boolean().describe('true desde el 1 de febrero si el plan no se ha publicado'),
      direccion: z
        .string()
        .nullable()
        .describe('ruta legible de la página pública de la entidad, p. ej. /publico/hrm'),
    }),
    cambio: z
      .object({
        tipo: z.enum(TIPOS_CAMBIO),
        razones: z.array(z.string()),
        menores: z.array(z.string()),
      })
      .nullable()
      .describe('en una nueva versión en borrador: si el cambio frente a la aprobada es menor o sustancial'),
    actividades: z.array(ActividadDelPlanSchema),
    ponderaciones: z.array(
      z.object({
        politica: z.string(),
        suma: z.number(),
        actividades: z.number(),
        ok: z.boolean(),
        mensaje: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PlanAccion' });
export type PlanAccion = z.infer<typeof PlanSchema>;

export const ActividadParams = EntidadVigenciaParams.extend({
  actividadId: z.guid('el identificador de la actividad no es válido'),
});

// ---------- Flujo de aprobación ----------
export const CUERPOS_FLUJO_PLAN = {
  enviar: z.object({}).optional(),
  devolver: z.object({
    observaciones: z.string().trim().min(5, 'escriba las observaciones para planeación').max(2000),
  }),
  aprobar: z
    .object({
      fechaSesionComite: fechaEn('la fecha de la sesión del comité'),
      actaComite: z.string().trim().min(1, 'escriba el número o la referencia del acta').max(120),
      tipoActo: z.enum(TIPOS_ACTO, 'elija resolución o acuerdo').optional(),
      numeroActo: z
        .string()
        .trim()
        .min(1, 'escriba el número del acto')
        .max(40, 'no más de 40 caracteres')
        .optional(),
      fechaActo: fechaEn('la fecha del acto').optional(),
      /** The committee's session that decided it; left out, the approving committee's session of that date. */
      sesionId: z.guid('la sesión del comité no es válida').optional(),
    })
    .superRefine((v, ctx) => {
      // The act is recorded whole or not yet: a number without its date says nothing.
      const dados = [v.tipoActo, v.numeroActo, v.fechaActo].filter((x) => x !== undefined).length;
      if (dados === 0 || dados === 3) return;
      const faltan: [keyof typeof v, string][] = [
        ['tipoActo', 'elija si el acto es resolución o acuerdo'],
        ['numeroActo', 'escriba el número del acto'],
        ['fechaActo', 'escriba la fecha del acto'],
      ];
      for (const [campo, mensaje] of faltan)
        if (v[campo] === undefined) ctx.addIssue({ code: 'custom', path: [campo], message: mensaje });
    }),
  publicar: z
    .object({
      fechaPublicacion: fechaEn('la fecha de publicación').optional(),
      urlPublicacion: urlEnlace.optional(),
    })
    .optional(),
} as const;
export type PublicarPlan = z.infer<typeof CUERPOS_FLUJO_PLAN.publicar>;

export const SubirActoQuery = z.object({
  nombre: NombreArchivoSchema,
  tipo: z.enum(TIPOS_ACTO, 'elija resolución o acuerdo').optional(),
  numero: z
    .string()
    .trim()
    .min(1, 'escriba el número del acto')
    .max(40, 'no más de 40 caracteres')
    .optional(),
  fecha: fechaEn('la fecha del acto').optional(),
});
export const VersionActoParams = EntidadVigenciaParams.extend({
  version: z.coerce.number().int().min(1, 'la versión empieza en 1').max(1e6, 'no existe esa versión'),
});
export type DevolverPlan = z.infer<typeof CUERPOS_FLUJO_PLAN.devolver>;
export type AprobarPlan = z.infer<typeof CUERPOS_FLUJO_PLAN.aprobar>;

export const NuevaVersionSchema = z.object({
  justificacion: z
    .string()
    .trim()
    .min(10, 'explique en al menos 10 caracteres por qué cambia el plan aprobado')
    .max(2000),
});
export type NuevaVersion = z.infer<typeof NuevaVersionSchema>;

export const VersionPlanSchema = z.object({
  version: z.number(),
  justificacion: z.string().nullable(),
  fechaSesionComite: z.string().nullable(),
  actaComite: z.string().nullable(),
  tipoCambio: z.enum(TIPOS_CAMBIO).describe('sustancial: lo aprobó el órgano; menor o ninguno: planeación'),
  aprobadoPor: z.string().nullable().describe('nombre de quien aprobó'),
  acto: ActoSchema.nullable(),
  aprobadoEn: z.string(),
  actividades: z.number(),
});
export type VersionPlan = z.infer<typeof VersionPlanSchema>;

const versionNumero = z.coerce
  .number()
  .int()
  .min(1, 'la versión empieza en 1')
  .max(1e6, 'no existe esa versión');
export const CompararQuery = z.object({ desde: versionNumero, hasta: versionNumero });

const ActividadVersionSchema = z.looseObject({ id: z.string(), codigo: z.string(), nombre: z.string() });
export const ComparacionSchema = z.object({
  desde: z.number(),
  hasta: z.number(),
  agregadas: z.array(ActividadVersionSchema),
  quitadas: z.array(ActividadVersionSchema),
  cambiadas: z.array(
    z.object({
      id: z.string(),
      codigo: z.string(),
      nombre: z.string(),
      cambios: z.array(
        z.object({ campo: z.string(), etiqueta: z.string(), antes: z.unknown(), despues: z.unknown() }),
      ),
    }),
  ),
});
export type Comparacion = z.infer<typeof ComparacionSchema>;

// ---------- Objetivos estratégicos ----------
export const ObjetivoSchema = z.object({ id: z.string(), codigo: z.string(), nombre: z.string() });
export type Objetivo = z.infer<typeof ObjetivoSchema>;
export const ObjetivoEntradaSchema = z.object({
  codigo: z.string().trim().min(1, 'escriba el código, p. ej. OE1 o L2.3').max(20, 'no más de 20 caracteres'),
  nombre: z.string().trim().min(5, 'escriba el objetivo o la línea').max(300, 'no más de 300 caracteres'),
});
export type ObjetivoEntrada = z.infer<typeof ObjetivoEntradaSchema>;
export const ObjetivoParams = EntidadParams.extend({
  objetivoId: z.guid('el identificador del objetivo no es válido'),
});

// ---------- Propuestas de la primera línea ----------
export const PropuestaParams = EntidadVigenciaParams.extend({
  propuestaId: z.guid('el identificador de la propuesta no es válido'),
});
/**
 * A proposal's activity as answered: stored already cleaned by the input schema, whose «empty text becomes
 * null» transforms cannot run backwards when the answer is serialized (a proposal with an index gave a 500).
 */
const ActividadPropuestaSchema = ActividadEntradaSchema.extend({
  indiceFurag: z.string().nullish(),
  plan612: z.string().nullish(),
  planPropio: z.string().nullish(),
  objetivo: z.string().nullish(),
  rubro: z.string().nullish(),
  bpin: z.string().nullish(),
  riesgo: z.string().nullish(),
});
export const PropuestaSchema = z
  .object({
    id: z.string(),
    politica: z.string(),
    estado: z.enum(ESTADOS_PROPUESTA),
    autor: z.object({ id: z.string(), nombre: z.string() }),
    datos: ActividadPropuestaSchema,
    motivo: z.string().nullable(),
    actividadId: z.string().nullable(),
    recomendacionId: z
      .string()
      .nullable()
      .optional()
      .describe('la recomendación de Función Pública a la que responde, si salió de una'),
    autodiagnosticoId: z
      .string()
      .nullable()
      .optional()
      .describe('el autodiagnóstico cuya brecha atiende, si salió de una acción de mejora'),
    autodiagnosticoItem: z
      .string()
      .nullable()
      .optional()
      .describe('el ítem (la brecha) de ese autodiagnóstico'),
    creadoEn: z.string(),
  })
  .meta({ id: 'PropuestaActividad' });
export type Propuesta = z.infer<typeof PropuestaSchema>;
/**
 * What came out of something the plan answers (a recommendation of Función Pública, an autodiagnóstico gap):
 * the activities of the plan and the proposals that point to it (modules/plan/origenes.service.ts).
 */
export const ActividadVinculadaSchema = z.object({
  id: z.string(),
  codigo: z.string(),
  nombre: z.string(),
  vigencia: z.number().describe('vigencia del plan de acción'),
  estadoPlan: z.enum(ESTADOS_PLAN),
});
export const PropuestaVinculadaSchema = z.object({
  id: z.string(),
  codigo: z.string(),
  nombre: z.string(),
  vigencia: z.number(),
  estado: z.enum(ESTADOS_PROPUESTA),
  actividadId: z.string().nullable(),
});
export type ActividadVinculada = z.infer<typeof ActividadVinculadaSchema>;
export type PropuestaVinculada = z.infer<typeof PropuestaVinculadaSchema>;
export interface AccionesVinculadas {
  actividades: ActividadVinculada[];
  propuestas: PropuestaVinculada[];
}
export const DescartarPropuestaSchema = z.object({
  motivo: z.string().trim().min(5, 'explique en al menos 5 caracteres por qué no se incorpora').max(1000),
});
/** What planeación incorporates: the proposal as it came, or edited (the whole activity). */
export const IncorporarPropuestaSchema = ActividadEntradaSchema.nullish();

// ---------- Planes propios de la entidad (además de los 12 del Decreto 612) ----------
export const PlanPropioSchema = z
  .object({ id: z.string(), codigo: z.string(), nombre: z.string(), politicas: z.array(z.string()) })
  .meta({ id: 'PlanPropio' });
export type PlanPropio = z.infer<typeof PlanPropioSchema>;
const politicasPlan = z
  .array(z.string().trim().min(1, 'elija políticas del catálogo').max(60))
  .max(19, 'un plan aporta a lo sumo a las 19 políticas')
  .default([]);
export const PlanPropioEntradaSchema = z.object({
  codigo: z
    .string()
    .trim()
    .min(1, 'escriba el código, p. ej. PAAI o PAMEC')
    .max(20, 'no más de 20 caracteres')
    .regex(/^[\p{L}\d._-]+$/u, 'use letras, números, punto, guion o guion bajo, sin espacios'),
  nombre: z.string().trim().min(5, 'escriba el nombre del plan').max(200, 'no más de 200 caracteres'),
  /** Policies its activities may belong to; empty: any policy. */
  politicas: politicasPlan,
});
export type PlanPropioEntrada = z.infer<typeof PlanPropioEntradaSchema>;
export const PlanPropioCambioSchema = PlanPropioEntradaSchema.omit({ codigo: true });
export type PlanPropioCambio = z.infer<typeof PlanPropioCambioSchema>;
export const PlanPropioParams = EntidadParams.extend({
  planId: z.guid('el identificador del plan no es válido'),
});
