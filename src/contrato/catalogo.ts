import { z } from 'zod';
import { TIPOS_FORMULARIO } from '../core/entidad.ts';
import { VigenciaSchema } from './comun.ts';

export const CatalogoQuery = z.object({ vigencia: VigenciaSchema.default(new Date().getFullYear()) });

export const CatalogoSchema = z
  .object({
    vigencia: z.number(),
    fuente: z.string(),
    equivalencias: z
      .record(z.string(), z.string().nullable())
      .describe(
        'los códigos de índices que cambiaron frente al año anterior → el código que tenían entonces (null: índice nuevo); un código ausente es el mismo índice',
      ),
    componentes: z.array(z.object({ codigo: z.string(), nombre: z.string(), descripcion: z.string() })),
    dimensiones: z.array(
      z.object({
        codigo: z.string(),
        nombre: z.string(),
        color: z.string(),
        politicas: z.array(
          z.object({
            clave: z.string(),
            codigoFurag: z.string().nullable(),
            nombre: z.string(),
            lider: z.string(),
            /** FURAG forms that include the policy: it applies only to entities that answer one of them. */
            formularios: z.array(z.enum(TIPOS_FORMULARIO)),
            indices: z.array(z.object({ codigo: z.string(), nombre: z.string(), descripcion: z.string() })),
          }),
        ),
      }),
    ),
    planesDecreto612: z.array(
      z.object({
        clave: z.string(),
        nombre: z.string(),
        /** The main policy (the first of `politicas`), kept for clients of the first contract. */
        politica: z.string(),
        politicas: z.array(z.string()),
        /** Its usual acronym (PAA, PIC, PTEP…), or null. */
        sigla: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Catalogo' });
export type Catalogo = z.infer<typeof CatalogoSchema>;

export const VigenciasCatalogoSchema = z.array(z.object({ vigencia: z.number(), fuente: z.string() }));
export type VigenciasCatalogo = z.infer<typeof VigenciasCatalogoSchema>;
