import { z } from 'zod';
import { ACUMULACIONES } from '../core/acumulacion.ts';
import { FRECUENCIAS, POLARIDADES, TIPOS_INDICADOR } from '../core/indicador.ts';
import { LIMITES } from '../core/numeros.ts';
import {
  EntidadParams,
  NivelSchema,
  NumeroPeriodoSchema,
  numeroEn,
  textoEntre,
  textoOpcional,
  VigenciaSchema,
} from './comun.ts';

const texto = textoEntre;
const opcional = textoOpcional;
const lista = <T extends string>(valores: readonly [T, ...T[]], que: string) =>
  z.enum(valores, { error: `elija ${que}: ${valores.join(', ')}` });

export const IndicadorEntradaSchema = z.object({
  vigencia: VigenciaSchema,
  codigo: texto(1, 20, 'escriba el código del indicador'),
  nombre: texto(5, 300, 'escriba el nombre del indicador'),
  objetivo: texto(5, 1000, 'escriba qué mide el indicador y para qué'),
  tipo: lista(TIPOS_INDICADOR, 'el tipo'),
  politica: opcional(60),
  formulaNumerador: texto(3, 500, 'describa el numerador de la fórmula'),
  formulaDenominador: opcional(500),
  unidad: texto(1, 60, 'escriba la unidad de medida'),
  frecuencia: lista(FRECUENCIAS, 'la frecuencia'),
  lineaBase: numeroEn('la línea base', LIMITES.medicion).nullish(),
  meta: numeroEn('la meta', LIMITES.cantidad),
  /** Without it: a rate (unit «%») averages its measurements, anything else adds them up. */
  acumulacion: z.enum(ACUMULACIONES, 'elija el tipo de meta de la lista').optional(),
  polaridad: lista(POLARIDADES, 'la polaridad'),
  fuente: texto(3, 300, 'escriba la fuente de los datos'),
  dependenciaId: z.guid('elija una dependencia de la lista').nullish(),
  responsableId: z.guid('elija una persona de la lista').nullish(),
});
export type IndicadorEntrada = z.infer<typeof IndicadorEntradaSchema>;

export const MedicionSchema = z.object({
  periodo: z.number(),
  numerador: z.number(),
  denominador: z.number().nullable(),
  valor: z.number().nullable(),
  cumplimiento: z.number().nullable(),
  semaforo: NivelSchema.nullable(),
  observacion: z.string().nullable(),
});
export type Medicion = z.infer<typeof MedicionSchema>;

export const IndicadorSchema = z
  .object({
    id: z.string(),
    vigencia: z.number(),
    codigo: z.string(),
    nombre: z.string(),
    objetivo: z.string(),
    tipo: z.enum(TIPOS_INDICADOR),
    politica: z.string().nullable(),
    formulaNumerador: z.string(),
    formulaDenominador: z.string().nullable(),
    unidad: z.string(),
    frecuencia: z.enum(FRECUENCIAS),
    lineaBase: z.number().nullable(),
    meta: z.number(),
    acumulacion: z.enum(ACUMULACIONES),
    polaridad: z.enum(POLARIDADES),
    fuente: z.string(),
    dependenciaId: z.string().nullable(),
    responsableId: z.string().nullable(),
    mediciones: z.array(MedicionSchema),
    /** The year so far: the measurements accumulated by the goal type, against the goal. */
    acumulado: z.object({
      valor: z.number().nullable(),
      cumplimiento: z.number().nullable(),
      semaforo: NivelSchema.nullable(),
    }),
  })
  .meta({ id: 'Indicador' });
export type Indicador = z.infer<typeof IndicadorSchema>;

/** The hoja de vida with the activities that feed it. */
export const IndicadorDetalleSchema = IndicadorSchema.extend({
  actividades: z.array(z.object({ id: z.string(), codigo: z.string(), nombre: z.string() })),
});
export type IndicadorDetalle = z.infer<typeof IndicadorDetalleSchema>;

export const IndicadorParams = EntidadParams.extend({
  indicadorId: z.guid('el identificador del indicador no es válido'),
});
export const MedicionParams = IndicadorParams.extend({ periodo: NumeroPeriodoSchema });

export const MedicionEntradaSchema = z.object({
  numerador: numeroEn('el numerador', LIMITES.medicion),
  denominador: numeroEn('el denominador', LIMITES.denominador).nullish(),
  observacion: opcional(2000),
});
export type MedicionEntrada = z.infer<typeof MedicionEntradaSchema>;
