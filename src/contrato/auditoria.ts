import { z } from 'zod';
import { enteroEn } from './comun.ts';

export const FiltroAuditoriaSchema = z.object({
  accion: z.string().max(40).optional(),
  recurso: z.string().max(40).optional(),
  usuario: z.string().max(200).optional(),
  desde: z.coerce.date({ error: 'la fecha «desde» no es válida' }).optional(),
  hasta: z.coerce.date({ error: 'la fecha «hasta» no es válida' }).optional(),
  // Bounded so that the offset (pagina × tamano) stays an integer the database accepts.
  pagina: enteroEn('la página', 1, 1_000_000).default(1),
  tamano: enteroEn('el tamaño de la página', 1, 500).default(50),
});
export type FiltroAuditoria = z.infer<typeof FiltroAuditoriaSchema>;
export const RegistroAuditoriaSchema = z.object({
  id: z.number(),
  entidadId: z.string().nullable(),
  usuarioCorreo: z.string().nullable(),
  accion: z.string(),
  recurso: z.string(),
  recursoId: z.string().nullable(),
  antes: z.unknown(),
  despues: z.unknown(),
  ip: z.string().nullable(),
  creadoEn: z.string(),
  hash: z.string(),
});
export type RegistroAuditoria = z.infer<typeof RegistroAuditoriaSchema>;
export const PaginaAuditoriaSchema = z
  .object({ total: z.number(), registros: z.array(RegistroAuditoriaSchema) })
  .meta({ id: 'PaginaAuditoria' });
export type PaginaAuditoria = z.infer<typeof PaginaAuditoriaSchema>;
export const VerificacionAuditoriaEntidadSchema = z
  .object({
    ok: z.boolean(),
    revisados: z.number().describe('registros de la entidad'),
    idRoto: z.number().optional().describe('solo si el registro roto es de la entidad'),
    motivo: z.string().optional(),
  })
  .meta({ id: 'VerificacionAuditoriaEntidad' });
export type VerificacionAuditoriaEntidad = z.infer<typeof VerificacionAuditoriaEntidadSchema>;
export const VerificacionAuditoriaSchema = z
  .object({
    ok: z.boolean(),
    revisados: z.number(),
    falla: z.enum(['alterada', 'truncada', 'ancla']).optional(),
    idRoto: z.number().optional(),
    motivo: z.string().optional(),
  })
  .meta({ id: 'VerificacionAuditoria' });
export type VerificacionAuditoria = z.infer<typeof VerificacionAuditoriaSchema>;
