import { z } from 'zod';
import { EntidadParams, VigenciaSchema } from './comun.ts';

export const ResponsablePoliticaSchema = z
  .object({
    politica: z.string(),
    usuarioId: z.string().nullable(),
    dependenciaId: z.string().nullable(),
  })
  .meta({ id: 'ResponsablePolitica' });
export type ResponsablePolitica = z.infer<typeof ResponsablePoliticaSchema>;

/** As the lists show it: with the person's and the dependencia's names. */
export const ResponsableSchema = ResponsablePoliticaSchema.extend({
  usuarioNombre: z.string().nullable(),
  dependenciaNombre: z.string().nullable(),
}).meta({ id: 'ResponsablePoliticaConNombres' });
export type Responsable = z.infer<typeof ResponsableSchema>;

export const AsignarResponsableParams = EntidadParams.extend({
  vigencia: VigenciaSchema,
  politica: z.string().max(60),
});
export const AsignarResponsableSchema = z.object({
  usuarioId: z.guid('elija una persona de la lista').nullable(),
  dependenciaId: z.guid('elija una dependencia de la lista').nullable(),
});
export type AsignarResponsable = z.infer<typeof AsignarResponsableSchema>;
