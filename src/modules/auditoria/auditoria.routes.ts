import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FiltroAuditoriaSchema,
  PaginaAuditoriaSchema,
  VerificacionAuditoriaEntidadSchema,
  VerificacionAuditoriaSchema,
} from '../../contrato/auditoria.ts';
import { EntidadParams } from '../../contrato/comun.ts';
import { listarAuditoria } from './auditoria.repository.ts';
import { verificarAuditoria, verificarAuditoriaEntidad } from './auditoria.service.ts';

const tags = ['Auditoría'];
export const auditoriaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/entidades/:entidadId/auditoria',
    {
      config: { acceso: { permiso: 'auditoria.ver' } },
      schema: {
        tags,
        summary: 'Bitácora de cambios de la entidad, filtrable',
        params: EntidadParams,
        querystring: FiltroAuditoriaSchema,
        response: { 200: PaginaAuditoriaSchema },
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
        response: { 200: VerificacionAuditoriaEntidadSchema },
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
        response: { 200: VerificacionAuditoriaSchema },
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
        querystring: FiltroAuditoriaSchema,
        response: { 200: PaginaAuditoriaSchema },
      },
    },
    async (request) => listarAuditoria(app.db, request.query),
  );
};
