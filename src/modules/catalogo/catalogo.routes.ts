import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CatalogoQuery, CatalogoSchema, VigenciasCatalogoSchema } from '../../contrato/catalogo.ts';
import { ErrorSchema } from '../../contrato/comun.ts';
import { obtenerCatalogo, vigenciasCatalogo } from './catalogo.repository.ts';

export const catalogoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/catalogo',
    {
      config: { acceso: 'publico' },
      schema: {
        tags: ['Catálogo MIPG'],
        summary:
          'Componentes, dimensiones, políticas, índices FURAG y planes del Decreto 612 de una vigencia',
        querystring: CatalogoQuery,
        response: { 200: CatalogoSchema, 404: ErrorSchema },
      },
    },
    async (request) => obtenerCatalogo(app.db, request.query.vigencia),
  );

  app.get(
    '/api/catalogo/vigencias',
    {
      config: { acceso: 'publico' },
      schema: {
        tags: ['Catálogo MIPG'],
        summary: 'Vigencias para las que hay catálogo',
        response: { 200: VigenciasCatalogoSchema },
      },
    },
    async () => vigenciasCatalogo(app.db),
  );
};
