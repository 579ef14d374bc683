import { z } from 'zod';

export const NotificacionesSchema = z.object({
  sinLeer: z.number(),
  notificaciones: z.array(
    z.object({
      id: z.string(),
      entidadId: z.string(),
      texto: z.string(),
      enlace: z.string().nullable(),
      leida: z.boolean(),
      creadoEn: z.string(),
    }),
  ),
});
export type Notificaciones = z.infer<typeof NotificacionesSchema>;
