import { z } from 'zod';
import { LIMITES } from '../../core/numeros.ts';
import { numeroEn } from '../../server/esquemas.ts';
import { vigenciaSchema } from '../catalogo/catalogo.routes.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';

export const SeguimientoEntradaSchema = z.object({
  valor: numeroEn('el valor', LIMITES.cantidad).nullish(),
  numerador: numeroEn('el numerador', LIMITES.cantidad).nullish(),
  denominador: numeroEn('el denominador', LIMITES.denominador).nullish(),
  descripcion: z
    .string()
    .trim()
    .min(10, 'describa en al menos 10 caracteres lo que se hizo en el periodo')
    .max(4000),
  dificultades: z.string().trim().max(4000).nullable().optional(),
});

export const ParamsSeguimiento = EntidadParams.extend({
  actividadId: z.uuid('el identificador de la actividad no es válido'),
  periodo: z.coerce.number().int().min(1, 'el periodo va de 1 a 12').max(12, 'el periodo va de 1 a 12'),
});

export const HojaQuery = z.object({
  vigencia: vigenciaSchema,
  periodo: z.coerce.number().int().min(1).max(12),
});

const EvidenciaSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  tipo: z.string().nullable(),
  bytes: z.number().nullable(),
  url: z.string().nullable(),
  creadoEn: z.string(),
});

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
      metasPeriodo: z.array(z.number()),
      dependenciaId: z.string().nullable(),
      responsableId: z.string().nullable(),
    }),
    cifras: CifrasSchema,
    reporte: z
      .object({
        id: z.string(),
        estado: z.string(),
        valor: z.number().nullable(),
        numerador: z.number().nullable(),
        denominador: z.number().nullable(),
        descripcion: z.string(),
        dificultades: z.string().nullable(),
        tardio: z.boolean(),
        observacionesPlaneacion: z.string().nullable(),
        observacionesControl: z.string().nullable(),
        enviadoEn: z.string().nullable(),
        evidencias: z.array(EvidenciaSchema),
      })
      .nullable(),
    puedeReportar: z.boolean(),
  })
  .meta({ id: 'FilaSeguimiento' });

export const HojaSeguimientoSchema = z.object({
  periodo: z.object({
    numero: z.number(),
    nombre: z.string(),
    corte: z.string(),
    abre: z.string(),
    cierra: z.string(),
    cerrado: z.boolean(),
    ventana: z.string(),
  }),
  hoy: z.string(),
  filas: z.array(FilaSeguimientoSchema),
});
