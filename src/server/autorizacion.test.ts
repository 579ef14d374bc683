// Generated from the route table: every API route × every role × own and another entity's data.
// A new route is covered automatically; one without an access rule does not even start.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISOS, ROLES, type Rol } from '../core/roles.ts';
import { rolUsuario } from '../db/schema.ts';
import { registrarAutorizacion } from './auth.ts';
import { type AppPrueba, crearAppPrueba, type Sesion } from './prueba.ts';

let t: AppPrueba;
let propia: string;
let ajena: string;
const sesiones = new Map<Rol, Sesion>();

beforeAll(async () => {
  t = await crearAppPrueba();
  propia = await t.crearEntidad('Entidad propia', '846000253-6');
  ajena = await t.crearEntidad('Entidad ajena', '800197268-4');
  for (const rol of ROLES) sesiones.set(rol, await t.usuarioCon(propia, [rol]));
});
afterAll(() => t.cerrar());

// The reviewed access rule of every route. A new route fails here until someone decides its rule.
const REGLAS_REVISADAS: Record<string, string> = {
  'GET /api/openapi.json': 'publico',
  'GET /api/health': 'publico',
  'POST /api/auth/login': 'publico',
  'POST /api/auth/logout': 'sesion',
  'GET /api/auth/sesion': 'sesion',
  'POST /api/auth/cambiar-clave': 'sesion',
  'POST /api/configuracion-inicial': 'publico',
  'POST /api/auth/olvide-clave': 'publico',
  'POST /api/auth/enlace-clave': 'publico',
  'POST /api/auth/definir-clave': 'publico',
  'GET /api/plataforma/estado': 'publico',
  'GET /api/plataforma/correo': 'plataforma',
  'GET /api/catalogo': 'publico',
  'GET /api/catalogo/vigencias': 'publico',
  'GET /api/entidades': 'sesion',
  'POST /api/entidades': 'plataforma',
  'POST /api/furag/resultados/import': 'plataforma',
  'GET /api/entidades/:entidadId/furag': 'entidad.ver',
  'GET /api/entidades/:entidadId/furag/historia': 'entidad.ver',
  'GET /api/entidades/:entidadId/furag/candidatos': 'entidad.ver',
  'GET /api/entidades/:entidadId/furag/departamento': 'entidad.ver',
  'GET /api/entidades/:entidadId/furag/digitados/:vigencia': 'entidad.ver',
  'PUT /api/entidades/:entidadId/furag/digitados/:vigencia': 'plan.editar',
  'POST /api/entidades/:entidadId/furag/recomendaciones/import': 'plan.editar',
  'GET /api/entidades/:entidadId/furag/recomendaciones': 'entidad.ver',
  'GET /api/entidades/:entidadId/furag/recomendaciones/:recomendacionId': 'entidad.ver',
  'POST /api/entidades/:entidadId/furag/recomendaciones/:recomendacionId/actividad': 'plan.editar',
  'POST /api/entidades/:entidadId/furag/recomendaciones/:recomendacionId/propuesta': 'recomendacion.proponer',
  // Questionnaires: the platform's or an entity's, decided per questionnaire by the service (cuestionarios.test.ts);
  // the import's entity in ?entidadId= is checked before the file (ENTIDAD_EN_CONSULTA).
  'GET /api/cuestionarios': 'sesion',
  'POST /api/cuestionarios/import': 'sesion',
  'GET /api/cuestionarios/plantilla.xlsx': 'sesion',
  'GET /api/cuestionarios/:cuestionarioId/export': 'sesion',
  'DELETE /api/cuestionarios/:cuestionarioId': 'sesion',
  'GET /api/entidades/:entidadId/autodiagnosticos': 'entidad.ver',
  'POST /api/entidades/:entidadId/autodiagnosticos': 'autodiagnostico.asignar',
  'GET /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId': 'entidad.ver',
  'GET /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/evidencias-elegibles': 'entidad.ver',
  'PUT /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/respuestas/:item':
    'autodiagnostico.responder',
  'POST /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/enviar': 'autodiagnostico.responder',
  'POST /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/respuestas/:item/evidencias':
    'autodiagnostico.responder',
  'DELETE /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/respuestas/:item/evidencias/:evidenciaId':
    'autodiagnostico.responder',
  'POST /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/revisar': 'autodiagnostico.revisar',
  'POST /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/devolver': 'autodiagnostico.revisar',
  'POST /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/brechas/:item/actividad': 'plan.editar',
  'POST /api/entidades/:entidadId/autodiagnosticos/:autodiagnosticoId/brechas/:item/propuesta':
    'autodiagnostico.proponer_mejora',
  'GET /api/entidades/:entidadId/simulacros': 'entidad.ver',
  'POST /api/entidades/:entidadId/simulacros': 'simulacro.gestionar',
  'GET /api/entidades/:entidadId/simulacros/:simulacroId': 'entidad.ver',
  'PUT /api/entidades/:entidadId/simulacros/:simulacroId/asignaciones/:seccion': 'simulacro.gestionar',
  'PUT /api/entidades/:entidadId/simulacros/:simulacroId/respuestas/:item': 'simulacro.responder',
  'GET /api/entidades/:entidadId/simulacros/:simulacroId/export.xlsx': 'entidad.ver',
  'GET /api/entidades/:entidadId/simulacros/:simulacroId/evidencias-elegibles': 'entidad.ver',
  'GET /api/entidades/:entidadId': 'entidad.ver',
  'PUT /api/entidades/:entidadId': 'entidad.editar',
  'PUT /api/entidades/:entidadId/logo': 'entidad.editar',
  'GET /api/entidades/:entidadId/logo': 'publico',
  'GET /api/calendario/festivos': 'publico',
  'POST /api/calendario/ajustes': 'plataforma',
  'DELETE /api/calendario/ajustes/:ajusteId': 'plataforma',
  'GET /api/entidades/:entidadId/calendario': 'entidad.ver',
  'POST /api/entidades/:entidadId/calendario/ajustes': 'entidad.editar',
  'DELETE /api/entidades/:entidadId/calendario/ajustes/:ajusteId': 'entidad.editar',
  'PUT /api/calendario/furag/:vigencia': 'plataforma',
  'DELETE /api/calendario/furag/:vigencia': 'plataforma',
  'GET /api/entidades/:entidadId/calendario/furag/:vigencia': 'entidad.ver',
  'PUT /api/entidades/:entidadId/calendario/furag/:vigencia': 'vigencia.configurar',
  'DELETE /api/entidades/:entidadId/calendario/furag/:vigencia': 'vigencia.configurar',
  'GET /api/entidades/:entidadId/calendario-legal/:vigencia': 'entidad.ver',
  'POST /api/entidades/:entidadId/calendario-legal/:vigencia/eventos': 'calendario.editar',
  'PUT /api/entidades/:entidadId/calendario-legal/:vigencia/eventos/:clave': 'calendario.editar',
  'POST /api/entidades/:entidadId/calendario-legal/:vigencia/eventos/:clave/quitar': 'calendario.editar',
  'DELETE /api/entidades/:entidadId/calendario-legal/:vigencia/eventos/:clave': 'calendario.editar',
  'PUT /api/entidades/:entidadId/calendario-legal/aviso': 'calendario.editar',
  'GET /api/entidades/:entidadId/calendario.ics': 'entidad.ver',
  'POST /api/entidades/:entidadId/calendario/suscripcion': 'entidad.ver',
  'DELETE /api/entidades/:entidadId/calendario/suscripcion': 'entidad.ver',
  // The subscription link's secret token is its credential (calendario-legal.test.ts).
  'GET /api/calendario/suscripciones/:token/calendario.ics': 'publico',
  'GET /api/entidades/:entidadId/dependencias': 'entidad.ver',
  'POST /api/entidades/:entidadId/dependencias': 'dependencia.editar',
  'PUT /api/entidades/:entidadId/dependencias/:dependenciaId': 'dependencia.editar',
  'DELETE /api/entidades/:entidadId/dependencias/:dependenciaId': 'dependencia.editar',
  'GET /api/entidades/:entidadId/usuarios': 'usuario.ver',
  'POST /api/entidades/:entidadId/usuarios': 'usuario.gestionar',
  'PUT /api/entidades/:entidadId/usuarios/:usuarioId/roles': 'usuario.gestionar',
  'POST /api/entidades/:entidadId/usuarios/:usuarioId/restablecer-clave': 'usuario.gestionar',
  'PUT /api/entidades/:entidadId/usuarios/:usuarioId': 'usuario.gestionar',
  'GET /api/entidades/:entidadId/invitaciones': 'usuario.ver',
  'DELETE /api/entidades/:entidadId/invitaciones/:invitacionId': 'usuario.gestionar',
  'GET /api/invitaciones': 'sesion',
  'POST /api/invitaciones/:invitacionId/aceptar': 'sesion',
  'POST /api/invitaciones/:invitacionId/rechazar': 'sesion',
  'GET /api/entidades/:entidadId/responsables': 'entidad.ver',
  'PUT /api/entidades/:entidadId/responsables/:vigencia/:politica': 'responsable.asignar',
  'GET /api/entidades/:entidadId/auditoria': 'auditoria.ver',
  'GET /api/entidades/:entidadId/auditoria/verificacion': 'auditoria.ver',
  'GET /api/auditoria': 'plataforma',
  'GET /api/auditoria/verificacion': 'plataforma',
  'GET /api/entidades/:entidadId/vigencias/:vigencia': 'entidad.ver',
  'PUT /api/entidades/:entidadId/vigencias/:vigencia': 'vigencia.configurar',
  'PUT /api/entidades/:entidadId/vigencias/:vigencia/periodos/:numero': 'vigencia.configurar',
  'GET /api/entidades/:entidadId/planes/:vigencia': 'entidad.ver',
  'POST /api/entidades/:entidadId/planes/:vigencia/actividades': 'plan.editar',
  'PUT /api/entidades/:entidadId/planes/:vigencia/actividades/:actividadId': 'plan.editar',
  'DELETE /api/entidades/:entidadId/planes/:vigencia/actividades/:actividadId': 'plan.editar',
  'PUT /api/entidades/:entidadId/planes/:vigencia/politicas/:politica/ponderaciones': 'plan.editar',
  'GET /api/entidades/:entidadId/dependencias/plantilla.xlsx': 'dependencia.editar',
  'POST /api/entidades/:entidadId/dependencias/importar': 'dependencia.editar',
  'GET /api/entidades/:entidadId/usuarios/plantilla.xlsx': 'usuario.gestionar',
  'POST /api/entidades/:entidadId/usuarios/importar': 'usuario.gestionar',
  'POST /api/entidades/:entidadId/planes/:vigencia/enviar': 'plan.editar',
  'POST /api/entidades/:entidadId/planes/:vigencia/devolver': 'plan.aprobar',
  'POST /api/entidades/:entidadId/planes/:vigencia/aprobar': 'plan.aprobar',
  'POST /api/entidades/:entidadId/planes/:vigencia/publicar': 'plan.editar',
  'POST /api/entidades/:entidadId/planes/:vigencia/nueva-version': 'plan.editar',
  'POST /api/entidades/:entidadId/planes/:vigencia/aprobar-cambio-menor': 'plan.editar',
  'POST /api/entidades/:entidadId/planes/:vigencia/acto': 'plan.acto',
  'GET /api/entidades/:entidadId/publicaciones/:vigencia': 'entidad.ver',
  'GET /api/entidades/:entidadId/consultas': 'entidad.ver',
  'POST /api/entidades/:entidadId/consultas': 'publicacion.gestionar',
  'GET /api/entidades/:entidadId/consultas/:consultaId': 'publicacion.gestionar',
  'POST /api/entidades/:entidadId/consultas/:consultaId/comentarios/:comentarioId/respuesta':
    'publicacion.gestionar',
  'GET /api/entidades/:entidadId/consultas/:consultaId/informe.pdf': 'entidad.ver',
  'GET /publico/:entidad/consultas/:consultaId': 'publico',
  'POST /publico/:entidad/consultas/:consultaId': 'publico',
  'GET /publico/:entidad/consultas/:consultaId/informe.pdf': 'publico',
  'POST /api/entidades/:entidadId/publicaciones/:vigencia/:clave': 'publicacion.gestionar',
  'GET /api/entidades/:entidadId/publicaciones/:vigencia/:clave/versiones/:version': 'entidad.ver',
  'GET /api/entidades/:entidadId/planes/:vigencia/versiones/:version/acto': 'entidad.ver',
  'GET /api/entidades/:entidadId/planes/:vigencia/propuestas': 'entidad.ver',
  'POST /api/entidades/:entidadId/planes/:vigencia/propuestas': 'plan.proponer',
  'PUT /api/entidades/:entidadId/planes/:vigencia/propuestas/:propuestaId': 'plan.proponer',
  'POST /api/entidades/:entidadId/planes/:vigencia/propuestas/:propuestaId/incorporar': 'plan.editar',
  'POST /api/entidades/:entidadId/planes/:vigencia/propuestas/:propuestaId/descartar': 'plan.editar',
  'GET /api/entidades/:entidadId/planes/:vigencia/versiones': 'entidad.ver',
  'GET /api/entidades/:entidadId/objetivos': 'entidad.ver',
  'POST /api/entidades/:entidadId/objetivos': 'plan.editar',
  'DELETE /api/entidades/:entidadId/objetivos/:objetivoId': 'plan.editar',
  'GET /api/entidades/:entidadId/planes-propios': 'entidad.ver',
  'POST /api/entidades/:entidadId/planes-propios': 'plan.editar',
  'PUT /api/entidades/:entidadId/planes-propios/:planId': 'plan.editar',
  'DELETE /api/entidades/:entidadId/planes-propios/:planId': 'plan.editar',
  'GET /api/entidades/:entidadId/planes/:vigencia/comparar': 'entidad.ver',
  'GET /api/entidades/:entidadId/plan/:vigencia/export.xlsx': 'entidad.ver',
  'GET /api/entidades/:entidadId/plan/:vigencia/plantilla.xlsx': 'entidad.ver',
  'POST /api/entidades/:entidadId/plan/:vigencia/import.xlsx': 'plan.editar',
  'POST /api/entidades/:entidadId/plan/:vigencia/hoja-propia/leer': 'plan.editar',
  'POST /api/entidades/:entidadId/plan/:vigencia/hoja-propia/revisar': 'plan.editar',
  'POST /api/entidades/:entidadId/plan/:vigencia/hoja-propia/importar': 'plan.editar',
  'GET /api/entidades/:entidadId/seguimientos': 'entidad.ver',
  'PUT /api/entidades/:entidadId/seguimientos/:actividadId/:periodo': 'seguimiento.reportar',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/enviar': 'seguimiento.reportar',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/guardar-y-enviar':
    'seguimiento.reportar',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/aceptar': 'seguimiento.revisar',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/devolver': 'seguimiento.revisar',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/verificar':
    'seguimiento.verificar_reporte',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/responder': 'seguimiento.reportar',
  'GET /api/entidades/:entidadId/verificacion/:vigencia': 'entidad.ver',
  'POST /api/entidades/:entidadId/verificacion/:vigencia/criterios': 'verificacion.seleccionar',
  'DELETE /api/entidades/:entidadId/verificacion/:vigencia/criterios/:criterioId': 'verificacion.seleccionar',
  'POST /api/entidades/:entidadId/periodos/:periodo/seguimientos/aceptar': 'seguimiento.revisar',
  'POST /api/entidades/:entidadId/periodos/:periodo/seguimientos/verificar': 'seguimiento.verificar',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/observar':
    'seguimiento.verificar_reporte',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/evidencias': 'seguimiento.reportar',
  'POST /api/entidades/:entidadId/seguimientos/:actividadId/:periodo/enlaces': 'seguimiento.reportar',
  'GET /api/entidades/:entidadId/evidencias/:evidenciaId': 'entidad.ver',
  'DELETE /api/entidades/:entidadId/evidencias/:evidenciaId': 'seguimiento.reportar',
  'GET /api/entidades/:entidadId/tablero': 'publico',
  'GET /api/entidades/:entidadId/tablero/actividades': 'publico',
  'POST /api/entidades/:entidadId/vigencias/:vigencia/periodos/:numero/cerrar': 'periodo.cerrar',
  'POST /api/entidades/:entidadId/vigencias/:vigencia/periodos/:numero/reabrir': 'periodo.cerrar',
  'GET /api/entidades/:entidadId/pendientes': 'entidad.ver',
  'GET /api/entidades/:entidadId/avisos': 'entidad.ver',
  'GET /api/tablero-territorial': 'plataforma',
  'GET /api/entidades/:entidadId/indicadores': 'entidad.ver',
  'GET /api/entidades/:entidadId/indicadores/:indicadorId': 'entidad.ver',
  'POST /api/entidades/:entidadId/indicadores': 'indicador.editar',
  'PUT /api/entidades/:entidadId/indicadores/:indicadorId': 'indicador.editar',
  'PUT /api/entidades/:entidadId/indicadores/:indicadorId/mediciones/:periodo': 'indicador.medir',
  // Committees: further limited per committee type by the service (comites.test.ts).
  'GET /api/entidades/:entidadId/comites': 'entidad.ver',
  'POST /api/entidades/:entidadId/comites': 'comite.gestionar',
  'GET /api/entidades/:entidadId/comites/:comiteId': 'entidad.ver',
  'POST /api/entidades/:entidadId/comites/:comiteId/integrantes': 'comite.gestionar',
  'PUT /api/entidades/:entidadId/comites/:comiteId/integrantes/:integranteId': 'comite.gestionar',
  'GET /api/entidades/:entidadId/comites/:comiteId/sesiones': 'entidad.ver',
  'POST /api/entidades/:entidadId/comites/:comiteId/sesiones': 'comite.gestionar',
  'GET /api/entidades/:entidadId/comites/:comiteId/sesiones/:sesionId': 'entidad.ver',
  'PUT /api/entidades/:entidadId/comites/:comiteId/sesiones/:sesionId': 'comite.gestionar',
  'POST /api/entidades/:entidadId/comites/:comiteId/sesiones/:sesionId/decisiones': 'comite.gestionar',
  'POST /api/entidades/:entidadId/comites/:comiteId/sesiones/:sesionId/compromisos': 'comite.gestionar',
  'POST /api/entidades/:entidadId/comites/:comiteId/compromisos/:compromisoId/cumplido': 'comite.gestionar',
  'GET /api/entidades/:entidadId/comites/:comiteId/sesiones/:sesionId/acta.pdf': 'entidad.ver',
  'POST /api/entidades/:entidadId/comites/:comiteId/sesiones/:sesionId/acta-firmada': 'comite.gestionar',
  'GET /api/entidades/:entidadId/comites/:comiteId/sesiones/:sesionId/acta-firmada': 'entidad.ver',
  'GET /api/notificaciones': 'sesion',
  'POST /api/notificaciones/leidas': 'sesion',
  'GET /api/entidades/:entidadId/informes/trimestral.pdf': 'informe.descargar',
  'GET /api/entidades/:entidadId/informes/gestion.pdf': 'informe.descargar',
  'GET /api/entidades/:entidadId/informes/trimestral.xlsx': 'informe.descargar',
  'GET /api/entidades/:entidadId/informes/gestion.xlsx': 'informe.descargar',
  'GET /api/entidades/:entidadId/informes/ptep.pdf': 'informe.descargar',
  'GET /api/entidades/:entidadId/informes/ptep/:vigencia/:cuatrimestre/conclusiones': 'informe.descargar',
  // Control interno's own report: only the third line writes its conclusions.
  'PUT /api/entidades/:entidadId/informes/ptep/:vigencia/:cuatrimestre/conclusiones': 'seguimiento.verificar',
  'GET /api/entidades/:entidadId/informes/evaluacion-independiente.pdf': 'informe.descargar',
  'GET /api/entidades/:entidadId/informes/evaluacion-independiente.xlsx': 'informe.descargar',
  'GET /api/entidades/:entidadId/informes/evaluacion-independiente/:vigencia/:semestre': 'informe.descargar',
  'PUT /api/entidades/:entidadId/informes/evaluacion-independiente/:vigencia/:semestre':
    'seguimiento.verificar',
  // Citizens' pages: HTML and open data of what the entity published.
  'GET /publico/:entidad': 'publico',
  'GET /publico/:entidad/actividades.csv': 'publico',
  'GET /publico/:entidad/politicas.csv': 'publico',
  'GET /publico/:entidad/datos.json': 'publico',
  'GET /publico/:entidad/metadatos.json': 'publico',
  'GET /publico/:entidad/documentos/:vigencia/:clave': 'publico',
  'GET /publico/:entidad/documentos/:vigencia/:clave/v/:version': 'publico',
  'GET /publico/:entidad/acto.pdf': 'publico',
  'GET /publico/diccionario': 'publico',
  'GET /publico/diccionario.json': 'publico',
  'GET /publico/estilos/:archivo': 'publico',
};

/**
 * Routes declared for any session whose entity comes in `?entidadId=` and whose permission there is checked
 * before the body is read (a route hook): tried with that entity, as if the rule were the permission.
 */
const ENTIDAD_EN_CONSULTA: Record<string, keyof typeof PERMISOS> = {
  'POST /api/cuestionarios/import': 'cuestionario.importar',
};

const UUID_CUALQUIERA = '00000000-0000-4000-8000-000000000000';
function urlConEntidad(patron: string, entidadId: string) {
  return patron
    .replace(':entidadId', entidadId)
    .replace(':vigencia', '2025')
    .replace(':politica', 'integridad')
    .replace(':numero', '1')
    .replace(':periodo', '1')
    .replace(/:[A-Za-z]+Id/g, UUID_CUALQUIERA);
}

const denegado = (s: number) => s === 401 || s === 403;

describe('matriz de autorización', () => {
  it('la regla declarada de cada ruta es la revisada (una ruta nueva debe agregarse a la tabla)', () => {
    const declaradas = Object.fromEntries(
      t.app.rutasApi.map((r) => [
        `${r.method} ${r.url}`,
        typeof r.acceso === 'string' ? r.acceso : r.acceso.permiso,
      ]),
    );
    expect(declaradas).toEqual(REGLAS_REVISADAS);
  });

  it('una ruta sin regla de acceso impide arrancar', async () => {
    const app = Fastify();
    registrarAutorizacion(app);
    expect(() => app.get('/api/olvidada', async () => 'x')).toThrow(/no declara config.acceso/);
    await app.close();
  });

  // Some 1.500 requests: minutes on a loaded 2-core machine, hence its own time limit.
  it('cada ruta × cada rol × entidad propia y ajena', { timeout: 240_000 }, async () => {
    const fallas: string[] = [];
    for (const ruta of t.app.rutasApi) {
      if (ruta.url === '/api/auth/logout') continue; // would close the sessions the matrix uses
      const { method } = ruta;
      const enConsulta = ENTIDAD_EN_CONSULTA[`${method} ${ruta.url}`];
      const acceso = enConsulta ? { permiso: enConsulta } : ruta.acceso;
      const urlDe = (patron: string, entidadId: string) =>
        `${urlConEntidad(patron, entidadId)}${enConsulta ? `?entidadId=${entidadId}` : ''}`;
      const anon = await t.pedir(null, method as 'GET', urlDe(ruta.url, propia), {});
      if (acceso === 'publico') {
        if (denegado(anon.statusCode)) fallas.push(`${method} ${ruta.url}: pública pero negó al anónimo`);
        continue;
      }
      if (anon.statusCode !== 401) fallas.push(`${method} ${ruta.url}: anónimo recibió ${anon.statusCode}`);
      for (const rol of ROLES) {
        const s = sesiones.get(rol)!;
        const r = await t.pedir(s, method as 'GET', urlDe(ruta.url, propia), {});
        const permitido =
          acceso === 'sesion'
            ? true
            : acceso === 'plataforma'
              ? false
              : (PERMISOS[acceso.permiso] as readonly Rol[]).includes(rol);
        if (permitido && denegado(r.statusCode))
          fallas.push(`${method} ${ruta.url} [${rol}]: debía permitir, dio ${r.statusCode}`);
        if (!permitido && r.statusCode !== 403)
          fallas.push(`${method} ${ruta.url} [${rol}]: debía negar, dio ${r.statusCode}`);
        if (ruta.url.includes(':entidadId') || enConsulta) {
          const otra = await t.pedir(s, method as 'GET', urlDe(ruta.url, ajena), {});
          if (otra.statusCode !== 403)
            fallas.push(`${method} ${ruta.url} [${rol}] en entidad ajena: dio ${otra.statusCode}`);
        }
      }
      const plataforma = await t.pedir(t.admin, method as 'GET', urlDe(ruta.url, ajena), {});
      if (denegado(plataforma.statusCode))
        fallas.push(`${method} ${ruta.url}: el administrador de plataforma fue negado`);
    }
    expect(fallas).toEqual([]);
  });

  // Routes that reach a person's account rather than their roles in one entity. A new route under
  // /usuarios/:usuarioId must be classified here, and each one is tried against people the entity does not own.
  const CREDENCIALES: Record<string, unknown> = {
    'POST /api/entidades/:entidadId/usuarios/:usuarioId/restablecer-clave': undefined,
    'PUT /api/entidades/:entidadId/usuarios/:usuarioId': {
      nombre: 'Nombre Cambiado',
      correo: 'tomado@prueba.example',
      activo: false,
    },
  };
  const SOLO_DE_LA_ENTIDAD = ['PUT /api/entidades/:entidadId/usuarios/:usuarioId/roles'];

  it('cada ruta de credenciales × persona compartida con otra entidad o administradora de la plataforma', async () => {
    const deUsuario = t.app.rutasApi
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => r.includes('/usuarios/:usuarioId'));
    expect(deUsuario.sort()).toEqual([...Object.keys(CREDENCIALES), ...SOLO_DE_LA_ENTIDAD].sort());

    const compartida = await t.usuarioCon(ajena, ['consulta'], 'compartida.matriz@prueba.example');
    const plataforma = (await t.pedir(t.admin, 'GET', '/api/auth/sesion')).json().usuario.id as string;
    for (const [id, rol] of [
      [compartida.id, 'consulta'],
      [plataforma, 'consulta'],
    ] as const)
      await t.conexion.db.insert(rolUsuario).values({ usuarioId: id, entidadId: propia, rol });

    const admin = sesiones.get('admin_entidad')!;
    const fallas: string[] = [];
    for (const [ruta, cuerpo] of Object.entries(CREDENCIALES)) {
      const [metodo, patron] = ruta.split(' ') as ['POST' | 'PUT', string];
      for (const [quien, id] of [
        ['persona de dos entidades', compartida.id],
        ['administrador de la plataforma', plataforma],
      ]) {
        const r = await t.pedir(
          admin,
          metodo,
          patron.replace(':entidadId', propia).replace(':usuarioId', id!),
          cuerpo,
        );
        if (r.statusCode !== 403) fallas.push(`${ruta} sobre ${quien}: dio ${r.statusCode}`);
      }
    }
    expect(fallas).toEqual([]);
    expect((await t.pedir(compartida, 'GET', '/api/auth/sesion')).statusCode).toBe(200);
  });

  it('control interno lee todo lo de su entidad pero no administra', () => {
    const puede = (p: keyof typeof PERMISOS) => (PERMISOS[p] as readonly Rol[]).includes('control_interno');
    expect(puede('entidad.ver') && puede('auditoria.ver') && puede('usuario.ver')).toBe(true);
    expect(puede('entidad.editar') || puede('usuario.gestionar') || puede('responsable.asignar')).toBe(false);
  });
});
