import { z } from 'zod';

export const TIPOS_PENDIENTE = [
  'reportar',
  'corregir',
  'responder',
  'revisar',
  'verificar',
  'aprobar_plan',
  'ajustar_plan',
  'publicar_plan',
  'publicar_paquete',
  'consolidar_propuestas',
  'compromiso_comite',
  'seguimiento_comite',
] as const;

export const PendienteSchema = z.object({
  tipo: z.enum(TIPOS_PENDIENTE),
  texto: z.string(),
  enlace: z.string(),
  vence: z.string().nullable(),
  vencido: z.boolean(),
});
export type Pendiente = z.infer<typeof PendienteSchema>;

export const PendientesSchema = z.object({ pendientes: z.array(PendienteSchema) });
export type Pendientes = z.infer<typeof PendientesSchema>;

/** The entity's alerts on its internal dashboard: the same shape as a pending task, for everyone in it. */
export const AvisosSchema = z.object({ avisos: z.array(PendienteSchema) });
export type Avisos = z.infer<typeof AvisosSchema>;
