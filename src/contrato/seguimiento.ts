import { z } from 'zod';
import { ACUMULACIONES } from '../core/acumulacion.ts';
import { textoVisible } from '../core/nombre-archivo.ts';
import { LIMITES } from '../core/numeros.ts';
import { ESQUEMAS_PERIODOS, ESTADOS_VENTANA } from '../core/periodos.ts';
import { ESTADOS_SEGUIMIENTO } from '../core/seguimiento.ts';
import {
  LIMITE_AVANCE_VERIFICADO,
  LINEAS_VERIFICADORAS,
  SITUACIONES_VERIFICACION,
  TIPOS_CRITERIO,
} from '../core/verificacion.ts';
import { EntidadParams, NumeroPeriodoSchema, numeroEn, textoEntre, VigenciaSchema } from './comun.ts';

export const SeguimientoEntradaSchema = z.object({
  valor: numeroEn('el valor', LIMITES.cantidad).nullish(),
  numerador: numeroEn('el numerador', LIMITES.cantidad).nullish(),
  denominador: numeroEn('el denominador', LIMITES.denominador).nullish(),
  descripcion: textoEntre(10, 4000, 'describa en al menos 10 caracteres lo que se hizo en el periodo'),
  dificultades: z.string().trim().max(4000, 'no más de 4000 caracteres').nullable().optional(),
  justificacionSobreejecucion: z.string().trim().max(2000, 'no más de 2000 caracteres').nullable().optional(),
});
export type SeguimientoEntrada = z.infer<typeof SeguimientoEntradaSchema>;

export const ParamsSeguimiento = EntidadParams.extend({
  actividadId: z.guid('el identificador de la actividad no es válido'),
  periodo: NumeroPeriodoSchema,
});

export const HojaQuery = z.object({
  vigencia: VigenciaSchema,
  periodo: z.coerce.number().int().min(1).max(12),
});

export const EvidenciaSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  tipo: z.string().nullable(),
  bytes: z.number().nullable(),
  url: z.string().nullable(),
  creadoEn: z.string(),
});
export type Evidencia = z.infer<typeof EvidenciaSchema>;

// Figures are null when they cannot be computed (a value stored before the bounds): the screen shows «–».
const CifrasSchema = z.object({
  metaPeriodo: z.number(),
  planeadoAcumulado: z.number().nullable(),
  logradoAcumulado: z.number().nullable(),
  avanceAcumulado: z.number().nullable(),
  cumplimientoPeriodo: z.number().nullable(),
  cumplimientoAcumulado: z.number().nullable(),
});

export const FilaSeguimientoSchema = z
  .object({
    actividad: z.object({
      id: z.string(),
      codigo: z.string(),
      nombre: z.string(),
      politica: z.string(),
      producto: z.string(),
      unidad: z.string(),
      metaAnual: z.number(),
      acumulacion: z.enum(ACUMULACIONES),
      metasPeriodo: z.array(z.number()),
      dependenciaId: z.string().nullable(),
      responsableId: z.string().nullable(),
      /** Its scheme: its instrument's when it has one of its own (the PTEP by cuatrimestres), else the plan's. */
      esquemaPeriodos: z.enum(ESQUEMAS_PERIODOS),
    }),
    /**
     * The activity's own period reported on this sheet, with its window, when its instrument follows its own
     * scheme («Cuatrimestre 1 (corte 30/04/2026)»); null when it follows the plan's or has no cut-off here.
     */
    periodoPropio: z
      .object({
        numero: z.number(),
        nombre: z.string(),
        corte: z.string(),
        abre: z.string(),
        cierra: z.string(),
        ventana: z.enum(ESTADOS_VENTANA),
      })
      .nullable(),
    /**
     * Why there is nothing to report on this sheet: its instrument has no cut-off in the period (then no
     * report is asked, whoever `puedeReportar`).
     */
    sinCorte: z.string().nullable(),
    cifras: CifrasSchema,
    reporte: z
      .object({
        id: z.string(),
        estado: z.enum(ESTADOS_SEGUIMIENTO),
        valor: z.number().nullable(),
        numerador: z.number().nullable(),
        denominador: z.number().nullable(),
        descripcion: z.string(),
        dificultades: z.string().nullable(),
        justificacionSobreejecucion: z.string().nullable(),
        tardio: z.boolean(),
        observacionesPlaneacion: z.string().nullable(),
        observacionesControl: z.string().nullable(),
        /** Control interno's own percentage of the period (0–100), beside the self-reported cumplimiento. */
        avanceVerificado: z.number().nullable(),
        /** The responsible's answer to control interno's observations. */
        respuestaControl: z.string().nullable(),
        enviadoEn: z.string().nullable(),
        evidencias: z.array(EvidenciaSchema),
      })
      .nullable(),
    puedeReportar: z.boolean(),
    /** Control interno's selection and who verifies (core/verificacion.ts). */
    verificacion: z.object({
      seleccionada: z.boolean(),
      linea: z.enum(LINEAS_VERIFICADORAS),
      /** Why planeación verifies instead of control interno; null otherwise. */
      motivo: z.string().nullable(),
      situacion: z.enum(SITUACIONES_VERIFICACION),
      /** The person looking may verify or observe this report now. */
      puedeVerificar: z.boolean(),
    }),
  })
  .meta({ id: 'FilaSeguimiento' });
export type FilaSeguimiento = z.infer<typeof FilaSeguimientoSchema>;

export const HojaSeguimientoSchema = z.object({
  periodo: z.object({
    numero: z.number(),
    nombre: z.string(),
    corte: z.string(),
    abre: z.string(),
    cierra: z.string(),
    cerrado: z.boolean(),
    ventana: z.enum(ESTADOS_VENTANA),
  }),
  hoy: z.string(),
  /** Above this % of the period's goal a report asks for a justification (the semáforo's blue band). */
  azulSobre: z.number(),
  filas: z.array(FilaSeguimientoSchema),
});
export type HojaSeguimiento = z.infer<typeof HojaSeguimientoSchema>;

export const ObservacionesSchema = z.object({
  observaciones: z.string().trim().min(5, 'escriba las observaciones (al menos 5 caracteres)').max(4000),
});
export type Observaciones = z.infer<typeof ObservacionesSchema>;

const avanceVerificado = numeroEn('el avance verificado', LIMITE_AVANCE_VERIFICADO).nullish();

/** Verifying may record control interno's own percentage; without a body it is left as it was. */
export const VerificarSchema = z.object({ avanceVerificado }).optional();
export type Verificar = z.infer<typeof VerificarSchema>;

/** Observations of control interno, with its own percentage if it has one. */
export const ObservarSchema = ObservacionesSchema.extend({ avanceVerificado });

/** The responsible's answer to control interno's observations (new evidence is attached as usual). */
export const RespuestaSchema = z.object({
  observaciones: z
    .string()
    .trim()
    .min(5, 'escriba la respuesta a las observaciones (al menos 5 caracteres)')
    .max(4000),
});

// ---------- Evidencias ----------
export const EvidenciaParams = EntidadParams.extend({
  evidenciaId: z.guid('el identificador de la evidencia no es válido'),
});
// Raw as sent, bounded; made safe by nombreSeguro once the content tells the type (and its extension).
export const NombreArchivoSchema = z.string().max(1000, 'el nombre del archivo es demasiado largo');
export const SubirEvidenciaQuery = z.object({ nombre: NombreArchivoSchema });
/** original=1: the exact bytes as uploaded (a CSV is otherwise served with its formulas neutralised). */
export const DescargarEvidenciaQuery = z.object({
  original: z.literal('1', { error: 'use original=1 para recibir el archivo exacto' }).optional(),
});

/** Only http(s), no user:password@ (it disguises the host), normalised so the redirect header is valid. */
// Zod runs every check even after the URL check failed: parse without throwing.
const partesUrl = (u: string) => (URL.canParse(u) ? new URL(u) : null);
export const urlEnlace = z
  .url({ protocol: /^https?$/, error: 'escriba una dirección web completa que empiece por https://' })
  .max(2000, 'la dirección web es demasiado larga (máximo 2000 caracteres)')
  .refine((u) => {
    const x = partesUrl(u);
    return !x || (!x.username && !x.password);
  }, 'la dirección no puede llevar usuario ni contraseña')
  .transform((u) => partesUrl(u)?.href ?? u)
  .refine((u) => u.length <= 2000, 'la dirección web es demasiado larga (máximo 2000 caracteres)');

export const EnlaceSchema = z.object({
  nombre: z
    .string()
    .transform(textoVisible)
    .pipe(
      z
        .string()
        .min(3, 'describa el enlace en al menos 3 caracteres')
        .max(200, 'la descripción del enlace es demasiado larga (máximo 200 caracteres)'),
    ),
  url: urlEnlace,
});
export type Enlace = z.infer<typeof EnlaceSchema>;

/** Steps that planeación or control interno may give to many reports at once (no observations to write). */
export const ACCIONES_EN_LOTE = ['aceptar', 'verificar'] as const;

export const LoteParams = EntidadParams.extend({ periodo: NumeroPeriodoSchema });
export const LoteEntradaSchema = z.object({
  actividades: z
    .array(z.guid('el identificador de la actividad no es válido'))
    .min(1, 'elija al menos un reporte')
    .max(200, 'se revisan como máximo 200 reportes a la vez'),
});
export const LoteResultadoSchema = z
  .object({
    aplicados: z.number().int(),
    resultados: z.array(
      z.object({ actividadId: z.string(), ok: z.boolean(), mensaje: z.string().nullable() }),
    ),
  })
  .meta({ id: 'ResultadoLoteSeguimiento' });
export type LoteResultado = z.infer<typeof LoteResultadoSchema>;

// ---------- Selección de control interno para verificar ----------
export const SeleccionParams = EntidadParams.extend({ vigencia: VigenciaSchema });
export const CriterioParams = SeleccionParams.extend({
  criterioId: z.guid('el identificador del criterio no es válido'),
});

const motivo = z
  .string()
  .trim()
  .max(500, 'el motivo admite hasta 500 caracteres')
  .nullish()
  .transform((m) => m || null);

/** One criterion; the fields its kind needs are checked by kind, naming the missing one. */
export const CriterioEntradaSchema = z.discriminatedUnion(
  'tipo',
  [
    z.object({ tipo: z.literal('todas'), motivo }),
    z.object({
      tipo: z.literal('politica'),
      politica: z
        .string()
        .regex(/^[a-z_]{2,60}$/, 'elija una política del catálogo MIPG (por ejemplo talento_humano)'),
      motivo,
    }),
    z.object({
      tipo: z.literal('dependencia'),
      dependenciaId: z.guid('elija una dependencia de la entidad'),
      motivo,
    }),
    z.object({
      tipo: z.literal('muestra'),
      porcentaje: z
        .number({ error: 'escriba el porcentaje de la muestra como número' })
        .int('el porcentaje de la muestra es un número entero')
        .min(1, 'el porcentaje de la muestra va de 1 a 100')
        .max(100, 'el porcentaje de la muestra va de 1 a 100'),
      /** Omitted: the server draws one and records it, so the sample can be reproduced. */
      semilla: z.string().trim().min(1).max(100, 'la semilla admite hasta 100 caracteres').optional(),
      motivo,
    }),
    z.object({ tipo: z.literal('actividad'), actividadId: z.guid('elija una actividad del plan'), motivo }),
  ],
  { error: 'elija el criterio: todas, politica, dependencia, muestra o actividad' },
);
export type CriterioEntrada = z.infer<typeof CriterioEntradaSchema>;

export const CriterioSchema = z.object({
  id: z.string(),
  tipo: z.enum(TIPOS_CRITERIO),
  /** What it covers, in words: «Política Integridad», «Talento Humano», «20 % (semilla PAA-2026)». */
  descripcion: z.string(),
  politica: z.string().nullable(),
  dependenciaId: z.string().nullable(),
  actividadId: z.string().nullable(),
  porcentaje: z.number().nullable(),
  semilla: z.string().nullable(),
  motivo: z.string().nullable(),
  creadoPor: z.string().nullable(),
  /** Who chose it, as the screen names them. */
  creadoPorNombre: z.string().nullable(),
  creadoEn: z.string(),
  /** Activities of the plan it chooses. */
  actividades: z.number(),
});
export type Criterio = z.infer<typeof CriterioSchema>;

export const SeleccionSchema = z
  .object({
    vigencia: z.number(),
    /** No criterion recorded: every accepted report waits for verification. */
    todas: z.boolean(),
    criterios: z.array(CriterioSchema),
    actividades: z.number(),
    seleccionadas: z.number(),
  })
  .meta({ id: 'SeleccionVerificacion' });
export type Seleccion = z.infer<typeof SeleccionSchema>;
