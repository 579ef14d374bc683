import { z } from 'zod';
import { LIMITES } from '../../core/numeros.ts';
import { fechaEn, numeroEn } from '../../server/esquemas.ts';

const texto = (min: number, max: number, falta: string) =>
  z.string().trim().min(min, falta).max(max, `no más de ${max} caracteres`);
const opcional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `no más de ${max} caracteres`)
    .transform((v) => v || null)
    .nullish();
const fecha = fechaEn();

export const ActividadEntradaSchema = z.object({
  politica: z.string().min(1, 'elija la política'),
  codigo: texto(1, 20, 'escriba el código de la actividad'),
  indiceFurag: opcional(5),
  plan612: opcional(40),
  objetivo: opcional(300),
  nombre: texto(5, 500, 'describa la actividad'),
  producto: texto(3, 300, 'escriba el producto o entregable'),
  metaAnual: numeroEn('la meta anual', LIMITES.cantidad).positive('la meta anual debe ser mayor que cero'),
  unidad: texto(1, 60, 'escriba la unidad de medida'),
  metasPeriodo: z
    .array(numeroEn('cada meta por periodo', LIMITES.cantidad))
    .max(12, 'una vigencia tiene a lo sumo 12 periodos'),
  ponderacion: numeroEn('la ponderación', LIMITES.ponderacion),
  dependenciaId: z.uuid('elija una dependencia de la lista').nullish(),
  responsableId: z.uuid('elija una persona de la lista').nullish(),
  corresponsables: z
    .array(z.uuid('elija personas de la lista'))
    .max(10, 'no más de 10 corresponsables')
    .optional(),
  fechaInicio: fecha,
  fechaFin: fecha,
  presupuesto: numeroEn('el presupuesto en pesos', LIMITES.presupuesto).nullish(),
  rubro: opcional(60),
  bpin: opcional(20),
  riesgo: opcional(300),
  indicadorId: z.uuid('elija un indicador de la lista').nullish(),
});

export const ActividadSchema = z
  .object({
    id: z.string(),
    politica: z.string(),
    codigo: z.string(),
    indiceFurag: z.string().nullable(),
    plan612: z.string().nullable(),
    objetivo: z.string().nullable(),
    nombre: z.string(),
    producto: z.string(),
    metaAnual: z.number(),
    unidad: z.string(),
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
  })
  .meta({ id: 'Actividad' });

export const PlanSchema = z
  .object({
    plan: z
      .object({
        id: z.string(),
        estado: z.string(),
        version: z.number(),
        fechaSesionComite: z.string().nullable(),
        actaComite: z.string().nullable(),
        observaciones: z.string().nullable(),
      })
      .nullable(),
    actividades: z.array(ActividadSchema),
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
