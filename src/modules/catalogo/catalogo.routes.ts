import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../server/errores.ts';
import { obtenerCatalogo, vigenciasCatalogo } from './catalogo.repository.ts';

export const vigenciaSchema = z.coerce
  .number({ error: 'la vigencia debe ser un año, por ejemplo 2025' })
  .int('la vigencia debe ser un año, por ejemplo 2025')
  .min(2018, 'la vigencia debe ser 2018 o posterior')
  .max(2100, 'la vigencia no puede ser posterior a 2100');

const CatalogoSchema = z
  .object({
    vigencia: z.number(),
    fuente: z.string(),
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
            indices: z.array(z.object({ codigo: z.string(), nombre: z.string() })),
          }),
        ),
      }),
    ),
    planesDecreto612: z.array(z.object({ clave: z.string(), nombre: z.string(), politica: z.string() })),
  })
  .meta({ id: 'Catalogo' });

export const catalogoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/catalogo',
    {
      config: { acceso: 'publico' },
      schema: {
        tags: ['Catálogo MIPG'],
        summary:
          'Componentes, dimensiones, políticas, índices FURAG y planes del Decreto 612 de una vigencia',
        querystring: z.object({ vigencia: vigenciaSchema.default(new Date().getFullYear()) }),
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
        response: { 200: z.array(z.object({ vigencia: z.number(), fuente: z.string() })) },
      },
    },
    async () => vigenciasCatalogo(app.db),
  );
};
