import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enteroEn } from '../../server/esquemas.ts';
import { EntidadParams } from '../entidades/entidad.schema.ts';
import { listarAuditoria } from './auditoria.repository.ts';
import { verificarAuditoria, verificarAuditoriaEntidad } from './auditoria.service.ts';

const tags = ['Auditoría'];
const Filtro = z.object({
  accion: z.string().max(40).optional(),
  recurso: z.string().max(40).optional(),
  usuario: z.string().max(200).optional(),
  desde: z.coerce.date({ error: 'la fecha «desde» no es válida' }).optional(),
  hasta: z.coerce.date({ error: 'la fecha «hasta» no es válida' }).optional(),
  // Bounded so that the offset (pagina × tamano) stays an integer the database accepts.
  pagina: enteroEn('la página', 1, 1_000_000).default(1),
  tamano: enteroEn('el tamaño de la página', 1, 500).default(50),
});
const RegistroSchema = z.object({
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
const PaginaSchema = z
  .object({ total: z.number(), registros: z.array(RegistroSchema) })
  .meta({ id: 'PaginaAuditoria' });
const VerificacionEntidadSchema = z
  .object({
    ok: z.boolean(),
    revisados: z.number().describe('registros de la entidad'),
    idRoto: z.number().optional().describe('solo si el registro roto es de la entidad'),
    motivo: z.string().optional(),
  })
  .meta({ id: 'VerificacionAuditoriaEntidad' });
const VerificacionSchema = z
  .object({
    ok: z.boolean(),
    revisados: z.number(),
    falla: z.enum(['alterada', 'truncada', 'ancla']).optional(),
    idRoto: z.number().optional(),
    motivo: z.string().optional(),
  })
  .meta({ id: 'VerificacionAuditoria' });

export const auditoriaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/auditoria',
    {
      config: { acceso: { permiso: 'auditoria.ver' } },
      schema: {
        tags,
        summary: 'Bitácora de cambios de la entidad, filtrable',
        params: EntidadParams,
        querystring: Filtro,
        response: { 200: PaginaSchema },
      },
    },
    async (request) => listarAuditoria(app.db, { ...request.query, entidadId: request.params.entidadId }),
  );

  app.get(
    '/api/entidades/:entidadId/auditoria/verificacion',
    {
      config: { acceso: { permiso: 'auditoria.ver' } },
      schema: {
        tags,
        summary: 'Verificar la integridad de los registros de la entidad en la bitácora',
        params: EntidadParams,
        response: { 200: VerificacionEntidadSchema },
      },
    },
    async (request) => verificarAuditoriaEntidad(app.db, app.dataDir, request.params.entidadId),
  );

  app.get(
    '/api/auditoria/verificacion',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary: 'Verificar la cadena de hashes de toda la bitácora de la plataforma',
        response: { 200: VerificacionSchema },
      },
    },
    async () => verificarAuditoria(app.db, app.dataDir),
  );

  app.get(
    '/api/auditoria',
    {
      config: { acceso: 'plataforma' },
      schema: {
        tags,
        summary: 'Bitácora completa de la plataforma',
        querystring: Filtro,
        response: { 200: PaginaSchema },
      },
    },
    async (request) => listarAuditoria(app.db, request.query),
  );
};
