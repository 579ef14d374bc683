import { z } from 'zod';
import { EntidadParams } from './comun.ts';

export const DependenciaSchema = z
  .object({
    id: z.string(),
    nombre: z.string(),
    codigo: z.string().nullable(),
    padreId: z.string().nullable(),
  })
  .meta({ id: 'Dependencia' });
export type Dependencia = z.infer<typeof DependenciaSchema>;

export const DependenciaEntradaSchema = z.object({
  nombre: z.string().trim().min(2, 'escriba el nombre de la dependencia').max(150),
  codigo: z
    .string()
    .trim()
    .max(20, 'el código no puede tener más de 20 caracteres')
    .transform((v) => v || null)
    .nullish(),
  padreId: z.guid('elija una dependencia superior de la lista').nullish(),
});
export type DependenciaEntrada = z.infer<typeof DependenciaEntradaSchema>;

export const DependenciaParams = EntidadParams.extend({
  dependenciaId: z.guid('el identificador de la dependencia no es válido'),
});
