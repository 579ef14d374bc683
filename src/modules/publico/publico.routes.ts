// Public pages for citizens, served as HTML by the server (no JavaScript): /publico/<slug> with its open
// data, and the data dictionary. Registered under the /publico prefix, before the web app's fallback.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyError } from 'fastify';
import { type FastifyPluginAsyncZod, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enteroEn, VigenciaSchema } from '../../contrato/comun.ts';
import { ComentarioPublicoSchema } from '../../contrato/consultas.ts';
import { ClaveDocumentoSchema } from '../../contrato/publicaciones.ts';
import { ConsultaPublicaSchema, DICCIONARIO, DireccionEntidadSchema } from '../../contrato/publico.ts';
import { cantidad, fechaCivil } from '../../core/formato.ts';
import { contentDisposition } from '../../core/nombre-archivo.ts';
import { actorDe } from '../../server/auth.ts';
import { enviarArchivo } from '../../server/enviar-archivo.ts';
import { ErrorApi } from '../../server/errores.ts';
import { RAIZ } from '../../server/rutas.ts';
import { comentar, consultaPublica, informeConsulta } from '../consultas/consultas.service.ts';
import { type EstadoFormulario, paginaConsulta } from '../consultas/consultas.vista.ts';
import { archivoDocumento } from '../publicaciones/publicaciones.service.ts';
import { csvActividades, csvPoliticas, jsonSeguro, metadatos } from './publico.datos.ts';
import { contactoEntidad } from './publico.repository.ts';
import { CACHE_CORTA, CACHE_INMUTABLE, comprimir, enviar, etiquetaDe } from './publico.respuesta.ts';
import { actoPublico, buscarDireccion, vistaPublica } from './publico.service.ts';
import { POR_PAGINA, paginaDiccionario, paginaEntidad, paginaError } from './publico.vista.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers HTML: its errors are Spanish pages, not JSON. */
    html?: boolean;
  }
}

const HTML = 'text/html; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
const JSON_TIPO = 'application/json; charset=utf-8';
const tags = ['Página pública'];

// The stylesheet is read once and named by its content: pages can cache it for a year.
const CSS = readFileSync(join(RAIZ, 'src', 'modules', 'publico', 'publico.css'));
const HUELLA = etiquetaDe(CSS)
  .slice(3, 13)
  .replace(/[^A-Za-z0-9]/g, '0');
export const RUTA_ESTILO = `/publico/estilos/publico.${HUELLA}.css`;
const CSS_COMPRIMIDO = { br: comprimir(CSS, 'br'), gzip: comprimir(CSS, 'gzip') };

const Params = z.object({ entidad: DireccionEntidadSchema });
const publico = { acceso: 'publico' as const };

export const publicoRoutes: FastifyPluginAsyncZod = async (app) => {
  // Errors of the HTML pages are pages too; those of the data files keep the JSON contract (parent handler).
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (!request.routeOptions.config?.html) throw err;
    if (hasZodFastifySchemaValidationErrors(err)) {
      const detalle = err.validation.map((v) => v.message).join('; ');
      const titulo = err.validationContext === 'params' ? 'Página no encontrada' : 'Dirección no válida';
      return enviar(request, reply, {
        estado: err.validationContext === 'params' ? 404 : 400,
        tipo: HTML,
        cache: 'no-cache',
        cuerpo: paginaError(
          titulo,
          err.validationContext === 'params'
            ? 'La dirección no corresponde a ninguna entidad. Revise que esté bien escrita.'
            : `Revise la dirección: ${detalle}.`,
          RUTA_ESTILO,
        ),
      });
    }
    // The form's rate limit (@fastify/rate-limit answers with a bare 429): a page, in the citizen's words.
    if (err.statusCode === 429)
      return enviar(request, reply, {
        estado: 429,
        tipo: HTML,
        cache: 'no-cache',
        cuerpo: paginaError(
          'Demasiadas solicitudes',
          'Se enviaron muchos comentarios seguidos desde esta conexión. Espere unos minutos e inténtelo de nuevo; lo que escribió no se perdió si vuelve atrás en el navegador.',
          RUTA_ESTILO,
        ),
      });
    if (err instanceof ErrorApi && err.status < 500)
      return enviar(request, reply, {
        estado: err.status,
        tipo: HTML,
        cache: 'no-cache',
        cuerpo: paginaError(
          err.status === 404
            ? 'Página no encontrada'
            : err.status === 409
              ? 'No fue posible completar la acción'
              : err.status === 429
                ? 'Demasiadas solicitudes'
                : 'Dirección no válida',
          err.message,
          RUTA_ESTILO,
        ),
      });
    throw err;
  });

  app.setNotFoundHandler((request, reply) =>
    enviar(request, reply, {
      estado: 404,
      tipo: HTML,
      cache: 'no-cache',
      cuerpo: paginaError(
        'Página no encontrada',
        'La dirección no corresponde a ninguna página pública. Revise que esté bien escrita.',
        RUTA_ESTILO,
      ),
    }),
  );

  /** The entity behind the address; an old /publico/<uuid> answers 301 to the readable one. */
  async function entidadDe(
    texto: string,
    resto: string,
    query: string,
  ): Promise<{ redirigir: string } | { id: string; slug: string }> {
    const d = await buscarDireccion(app.db, texto);
    if (d.tipo === 'desconocida')
      throw new ErrorApi(404, 'La dirección no corresponde a ninguna entidad. Revise que esté bien escrita.');
    if (d.tipo === 'antigua') return { redirigir: `/publico/${d.slug}${resto}${query}` };
    return { id: d.id, slug: d.slug };
  }
  const consultaDe = (url: string) => {
    const i = url.indexOf('?');
    return i < 0 ? '' : url.slice(i);
  };

  app.get(
    '/:entidad',
    {
      config: { ...publico, html: true },
      schema: {
        tags,
        summary: 'Página pública de la entidad (HTML): plan de acción publicado, avance y contacto',
        params: Params,
        querystring: ConsultaPublicaSchema,
      },
    },
    async (request, reply) => {
      const e = await entidadDe(request.params.entidad, '', consultaDe(request.url));
      if ('redirigir' in e) return reply.redirect(e.redirigir, 301);
      const v = await vistaPublica(app.db, e.id, e.slug, request.query.vigencia);
      const pagina = request.query.pagina ?? 1;
      const total = v.datos?.actividades.length ?? 0;
      if (pagina > 1 && (pagina - 1) * POR_PAGINA >= total)
        throw new ErrorApi(
          404,
          `El plan tiene ${cantidad(total, 'actividad', 'actividades')}: la página ${pagina} no existe.`,
        );
      return enviar(request, reply, { tipo: HTML, cuerpo: paginaEntidad(v, pagina, RUTA_ESTILO) });
    },
  );

  const archivo = (
    nombre: string,
    resumen: string,
    generar: (
      slug: string,
      v: Awaited<ReturnType<typeof vistaPublica>>,
      /** scheme://host as the person reached the server (behind a trusted proxy, the proxy's). */
      origen: string,
    ) => { cuerpo: string | Buffer; tipo: string; archivo: string },
  ) =>
    app.get(
      `/:entidad/${nombre}`,
      {
        config: publico,
        schema: {
          tags,
          summary: resumen,
          params: Params,
          querystring: ConsultaPublicaSchema.pick({ vigencia: true }),
        },
      },
      async (request, reply) => {
        const e = await entidadDe(request.params.entidad, `/${nombre}`, consultaDe(request.url));
        if ('redirigir' in e) return reply.redirect(e.redirigir, 301);
        const v = await vistaPublica(app.db, e.id, e.slug, request.query.vigencia);
        if (!v.datos)
          throw new ErrorApi(404, `La entidad aún no ha publicado su plan de acción de ${v.vigencia}.`);
        return enviar(request, reply, generar(e.slug, v, `${request.protocol}://${request.host}`));
      },
    );

  archivo(
    'actividades.csv',
    'Actividades del plan publicado con su avance (CSV para Excel, UTF-8)',
    (slug, v) => ({
      cuerpo: csvActividades(v.datos!),
      tipo: CSV,
      archivo: `actividades-plan-de-accion-${v.vigencia}-${slug}.csv`,
    }),
  );
  archivo('politicas.csv', 'Avance por política del plan publicado (CSV para Excel, UTF-8)', (slug, v) => ({
    cuerpo: csvPoliticas(v.datos!),
    tipo: CSV,
    archivo: `avance-por-politica-${v.vigencia}-${slug}.csv`,
  }));
  archivo('datos.json', 'Plan publicado y su avance en JSON (datos abiertos)', (slug, v) => ({
    cuerpo: jsonSeguro(v.datos),
    tipo: JSON_TIPO,
    archivo: `plan-de-accion-${v.vigencia}-${slug}.json`,
  }));

  archivo(
    'metadatos.json',
    'Metadatos del conjunto de datos para el portal de datos abiertos',
    (slug, v, origen) => ({
      cuerpo: jsonSeguro(metadatos({ ...v, datos: v.datos! }, origen)),
      tipo: JSON_TIPO,
      archivo: `metadatos-plan-de-accion-${v.vigencia}-${slug}.json`,
    }),
  );

  app.get(
    '/:entidad/acto.pdf',
    {
      config: publico,
      schema: {
        tags,
        summary: 'PDF del acto administrativo que adoptó el plan publicado (se comprueba su SHA-256)',
        params: Params,
        querystring: ConsultaPublicaSchema.pick({ vigencia: true }),
      },
    },
    async (request, reply) => {
      const e = await entidadDe(request.params.entidad, '/acto.pdf', consultaDe(request.url));
      if ('redirigir' in e) return reply.redirect(e.redirigir, 301);
      const a = await actoPublico(app.db, app.dataDir, e.id, request.query.vigencia);
      return enviarArchivo(reply, a, CACHE_CORTA);
    },
  );

  // The 31 January pack's documents: the permanent address serves the latest version; each version has its own.
  const ParamsDocumento = Params.extend({
    vigencia: VigenciaSchema,
    clave: ClaveDocumentoSchema,
    version: enteroEn('la versión', 1, 10_000).optional(),
  });
  for (const [ruta, resumen] of [
    [
      '/:entidad/documentos/:vigencia/:clave',
      'Última versión de un documento publicado (dirección permanente)',
    ],
    ['/:entidad/documentos/:vigencia/:clave/v/:version', 'Una versión de un documento publicado'],
  ] as const)
    app.get(
      ruta,
      { config: publico, schema: { tags, summary: resumen, params: ParamsDocumento } },
      async (request, reply) => {
        const { vigencia, clave, version } = request.params;
        const resto = `/documentos/${vigencia}/${clave}${version ? `/v/${version}` : ''}`;
        const e = await entidadDe(request.params.entidad, resto, consultaDe(request.url));
        if ('redirigir' in e) return reply.redirect(e.redirigir, 301);
        const d = await archivoDocumento(app.db, app.dataDir, e.id, vigencia, clave, version);
        // A version never changes; the permanent address moves to each new one.
        return enviarArchivo(reply, d, version ? CACHE_INMUTABLE : CACHE_CORTA);
      },
    );

  // Citizen consultation of a draft: the page, the comment form (a plain HTML form, no JavaScript) and the report.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, cuerpo, listo) => listo(null, Object.fromEntries(new URLSearchParams(cuerpo as string))),
  );
  const ParamsConsulta = Params.extend({
    consultaId: z.guid('el identificador de la consulta no es válido'),
  });
  const paginaDeConsulta = async (
    request: { params: { entidad: string; consultaId: string }; url: string },
    estado: EstadoFormulario,
  ) => {
    const resto = `/consultas/${request.params.consultaId}`;
    const e = await entidadDe(request.params.entidad, resto, consultaDe(request.url));
    if ('redirigir' in e) return { redirigir: e.redirigir };
    const [v, contacto] = await Promise.all([
      consultaPublica(app.db, e.id, request.params.consultaId),
      contactoEntidad(app.db, e.id),
    ]);
    return {
      id: e.id,
      html: paginaConsulta(v, contacto!, `/publico/${e.slug}${resto}`, RUTA_ESTILO, estado),
    };
  };
  app.get(
    '/:entidad/consultas/:consultaId',
    {
      config: { ...publico, html: true },
      schema: {
        tags,
        summary:
          'Consulta ciudadana de un proyecto de plan (HTML): el proyecto, el formulario y las respuestas',
        params: ParamsConsulta,
        querystring: z.object({ enviado: enteroEn('el número del comentario', 1, 100_000).optional() }),
      },
    },
    async (request, reply) => {
      const p = await paginaDeConsulta(request, { enviado: request.query.enviado });
      if (p.redirigir !== undefined) return reply.redirect(p.redirigir, 301);
      return enviar(request, reply, { tipo: HTML, cuerpo: p.html, cache: 'no-cache' });
    },
  );
  app.post(
    '/:entidad/consultas/:consultaId',
    {
      config: { ...publico, html: true, rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Enviar un comentario a una consulta ciudadana (formulario HTML)',
        params: ParamsConsulta,
      },
    },
    async (request, reply) => {
      const r = ComentarioPublicoSchema.safeParse(request.body ?? {});
      if (!r.success) {
        const errores = Object.fromEntries(
          r.error.issues.map((i) => [String(i.path[0] ?? 'texto'), i.message]),
        );
        const cuerpo = (request.body ?? {}) as Record<string, unknown>;
        const texto = (k: string) =>
          typeof cuerpo[k] === 'string' ? (cuerpo[k] as string).slice(0, 2000) : '';
        const p = await paginaDeConsulta(request, {
          errores,
          valores: { nombre: texto('nombre'), correo: texto('correo'), texto: texto('texto') },
        });
        if (p.redirigir !== undefined) throw new ErrorApi(404, 'La consulta no existe en esta dirección.');
        return enviar(request, reply, { estado: 400, tipo: HTML, cuerpo: p.html, cache: 'no-cache' });
      }
      const e = await entidadDe(request.params.entidad, '', '');
      if ('redirigir' in e) throw new ErrorApi(404, 'La consulta no existe en esta dirección.');
      const ruta = `/publico/${e.slug}/consultas/${request.params.consultaId}`;
      // A robot that filled the hidden field sees the same answer and leaves nothing behind.
      if (r.data.sitio) return reply.redirect(`${ruta}?enviado=1#comentar`, 303);
      const { numero } = await comentar(app.db, actorDe(request), e.id, request.params.consultaId, r.data);
      return reply.redirect(`${ruta}?enviado=${numero}#comentar`, 303);
    },
  );
  app.get(
    '/:entidad/consultas/:consultaId/informe.pdf',
    {
      config: publico,
      schema: {
        tags,
        summary: 'Informe de comentarios y respuestas de una consulta cerrada (PDF)',
        params: ParamsConsulta,
      },
    },
    async (request, reply) => {
      const e = await entidadDe(
        request.params.entidad,
        `/consultas/${request.params.consultaId}/informe.pdf`,
        '',
      );
      if ('redirigir' in e) return reply.redirect(e.redirigir, 301);
      const v = await consultaPublica(app.db, e.id, request.params.consultaId);
      if (v.consulta.estado !== 'cerrada')
        throw new ErrorApi(
          409,
          `El informe se publica cuando la consulta cierra, el ${fechaCivil(v.consulta.cierra)}.`,
        );
      const i = await informeConsulta(app.db, app.dataDir, e.id, request.params.consultaId);
      return reply
        .header('content-disposition', contentDisposition(i.nombre))
        .header('cache-control', CACHE_CORTA)
        .type('application/pdf')
        .send(i.pdf);
    },
  );

  app.get(
    '/diccionario',
    { config: { ...publico, html: true }, schema: { tags, summary: 'Diccionario de datos abiertos (HTML)' } },
    async (request, reply) =>
      enviar(request, reply, {
        tipo: HTML,
        cuerpo: paginaDiccionario(RUTA_ESTILO),
        cache: 'public, max-age=3600',
      }),
  );
  app.get(
    '/diccionario.json',
    { config: publico, schema: { tags, summary: 'Diccionario de datos abiertos (JSON)' } },
    async (request, reply) =>
      enviar(request, reply, {
        tipo: JSON_TIPO,
        cuerpo: jsonSeguro(DICCIONARIO),
        cache: 'public, max-age=3600',
      }),
  );

  app.get(
    '/estilos/:archivo',
    {
      config: publico,
      schema: { hide: true, params: z.object({ archivo: z.string().max(40) }) },
    },
    async (request, reply) => {
      if (!/^publico\.[A-Za-z0-9]{10}\.css$/.test(request.params.archivo))
        throw new ErrorApi(404, 'No se encontró la hoja de estilos.');
      // An older name (a page cached before an update) gets today's sheet, cached briefly.
      const actual = RUTA_ESTILO.endsWith(request.params.archivo);
      const acepta = request.headers['accept-encoding'] ?? '';
      const c = /\bbr\b/.test(acepta)
        ? CSS_COMPRIMIDO.br
        : /\bgzip\b/.test(acepta)
          ? CSS_COMPRIMIDO.gzip
          : null;
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', actual ? CACHE_INMUTABLE : CACHE_CORTA)
        .header('vary', 'Accept-Encoding');
      if (c?.codificacion) reply.header('content-encoding', c.codificacion);
      return reply.send(c?.datos ?? CSS);
    },
  );
};
