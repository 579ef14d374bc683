import { and, asc, count, eq } from 'drizzle-orm';
import type { Pendiente } from '../../contrato/pendientes.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  aprobadoAlgunaVez,
  limitePublicacion,
  publicacionVencida,
  visibleAlPublico,
} from '../../core/flujo-plan.ts';
import { esquemaActividad } from '../../core/periodos.ts';
import { limitePaquete, paqueteVencido } from '../../core/publicaciones.ts';
import { rolesPermiten } from '../../core/roles.ts';
import { aCargoDe } from '../../core/seguimiento.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  planAccion,
  propuestaActividad,
  responsablePolitica,
  seguimiento,
} from '../../db/schema.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { clavesAplicables } from '../catalogo/catalogo.repository.ts';
import { alertaSeguimiento, compromisosPendientes } from '../comites/pendientes-comites.ts';
import { documentosSinPublicar } from '../publicaciones/publicaciones.service.ts';
import {
  contextoVerificacion,
  evaluarVerificacion,
  puedeVerificar,
} from '../seguimiento/verificacion.service.ts';
import { lectorPeriodos, leerVigencia } from '../vigencias/vigencia.service.ts';

const enlaceSeguimiento = (vigencia: number, periodo: number, actividadId: string) =>
  `/seguimiento?vigencia=${vigencia}&periodo=${periodo}&actividad=${actividadId}`;

/**
 * What the entity as a whole is late with, shown on its internal dashboard to everyone in it (the public
 * dashboard never shows them): today, the CIGD's quarterly follow-up of the plan (Decreto 1499).
 */
export async function avisosDeLaEntidad(db: Db, entidadId: string, vigencia: number) {
  const hoy = hoyEnColombia();
  const [plan] = await db
    .select()
    .from(planAccion)
    .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
  const avisos: Pendiente[] = [];
  // Decreto 612: from 1 February an unpublished plan is overdue, for everyone who opens the dashboard (here,
  // not in the plan's own answer: the dashboard would download every activity only to read one flag).
  if (publicacionVencida(plan ?? null, vigencia, hoy)) {
    const limite = limitePublicacion(vigencia);
    avisos.push({
      tipo: 'publicar_plan',
      texto: `El plan de acción ${vigencia} no está publicado en la sede electrónica, como pide el Decreto 612 de 2018`,
      enlace: `/plan?vigencia=${vigencia}`,
      vence: limite,
      vencido: true,
    });
  }
  if (plan && aprobadoAlgunaVez(plan)) {
    const alerta = await alertaSeguimiento(db, entidadId, plan, hoy);
    if (alerta) avisos.push(alerta);
  }
  return avisos;
}

/** What each line of defence has to do now, oldest deadline first. */
export async function pendientesDe(db: Db, u: UsuarioSesion, entidadId: string, vigencia: number) {
  const roles = u.roles.get(entidadId) ?? [];
  const hoy = hoyEnColombia();
  const v = await leerVigencia(db, entidadId, vigencia);
  const [plan] = await db
    .select()
    .from(planAccion)
    .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
  const lista: Pendiente[] = [];
  if (rolesPermiten(roles, 'plan.editar'))
    lista.push(...(await pendientesDePlaneacion(db, entidadId, vigencia, plan ?? null, hoy)));
  // Commitments agreed in a committee's session, whoever holds them.
  lista.push(...(await compromisosPendientes(db, u.id, entidadId, hoy)));
  if (!plan) return lista;
  if (rolesPermiten(roles, 'plan.editar') && aprobadoAlgunaVez(plan)) {
    const alerta = await alertaSeguimiento(db, entidadId, plan, hoy);
    if (alerta) lista.push(alerta);
  }

  if (rolesPermiten(roles, 'plan.aprobar') && plan.estado === 'enviado')
    lista.push({
      tipo: 'aprobar_plan',
      texto: `Estudiar y aprobar el plan de acción ${vigencia} (versión ${plan.version})`,
      enlace: `/plan?vigencia=${vigencia}`,
      vence: null,
      vencido: false,
    });
  if (rolesPermiten(roles, 'plan.editar') && plan.estado === 'borrador' && plan.observaciones)
    lista.push({
      tipo: 'ajustar_plan',
      texto: `Ajustar el plan de acción ${vigencia} según las observaciones del comité`,
      enlace: `/plan?vigencia=${vigencia}`,
      vence: null,
      vencido: false,
    });

  const delPlan = await db
    .select()
    .from(actividad)
    .where(eq(actividad.planId, plan.id))
    .orderBy(asc(actividad.codigo));
  // Only the policies the entity's FURAG form includes: the others vanish from its to-do list too.
  const aplican = await clavesAplicables(db, entidadId, vigencia);
  const actividades = delPlan.filter((a) => aplican.has(a.politica));
  const porId = new Map(actividades.map((a) => [a.id, a]));
  const reportes = (
    await db
      .select({ s: seguimiento })
      .from(seguimiento)
      .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
      .where(eq(actividad.planId, plan.id))
  )
    .map((x) => x.s)
    .filter((s) => porId.has(s.actividadId));
  // Each activity on its scheme: an instrument's own periods (the PTEP's cuatrimestres) with their windows,
  // each on the sheet of the plan's period that holds its cut-off.
  const periodosDe = await lectorPeriodos(db, entidadId, v);
  const esquemaDe = (a: (typeof actividades)[number]) =>
    esquemaActividad(a, v.esquemasInstrumento, v.esquema);

  const revisa = rolesPermiten(roles, 'seguimiento.revisar');
  const ctx = await contextoVerificacion(db, entidadId, vigencia);
  for (const r of reportes) {
    const a = porId.get(r.actividadId)!;
    const p = periodosDe(esquemaDe(a))[r.periodo - 1];
    if (!p || p.cerrado) continue;
    if (revisa && r.estado === 'enviado')
      lista.push({
        tipo: 'revisar',
        texto: `Revisar el reporte de ${a.codigo} «${a.nombre}» · ${p.nombre}`,
        enlace: enlaceSeguimiento(vigencia, p.numeroPlan, a.id),
        vence: null,
        vencido: false,
      });
    // What the verifier's line chose and was accepted, and every answer to its observations.
    const v = evaluarVerificacion(ctx, a, r.reportadoPor);
    const espera = (r.estado === 'aceptado' && v.seleccionada) || r.estado === 'respondido';
    if (espera && puedeVerificar(u, entidadId, v.linea))
      lista.push({
        tipo: 'verificar',
        texto: `${r.estado === 'respondido' ? 'Cerrar la verificación, con la respuesta del responsable, de' : 'Verificar el reporte de'} ${a.codigo} «${a.nombre}» · ${p.nombre}${v.linea === 'planeacion' ? ' (en lugar de control interno: es su propio trabajo)' : ''}`,
        enlace: enlaceSeguimiento(vigencia, p.numeroPlan, a.id),
        vence: null,
        vencido: false,
      });
  }

  if (rolesPermiten(roles, 'seguimiento.reportar') && aprobadoAlgunaVez(plan)) {
    const politicas = (
      await db
        .select({ politica: responsablePolitica.politica })
        .from(responsablePolitica)
        .where(
          and(
            eq(responsablePolitica.entidadId, entidadId),
            eq(responsablePolitica.vigencia, vigencia),
            eq(responsablePolitica.usuarioId, u.id),
          ),
        )
    ).map((x) => x.politica);
    const mias = actividades.filter((a) => aCargoDe(a, u.id) || politicas.includes(a.politica));
    for (const a of mias)
      for (const p of periodosDe(esquemaDe(a))) {
        if (p.cerrado || p.abre > hoy || a.fechaInicio > p.corte || a.fechaFin < p.inicio) continue;
        const r = reportes.find((x) => x.actividadId === a.id && x.periodo === p.numero);
        if (r?.estado === 'con_observaciones') {
          lista.push({
            tipo: 'responder',
            texto: `Responder las observaciones de control interno a ${a.codigo} «${a.nombre}» · ${p.nombre}`,
            enlace: enlaceSeguimiento(vigencia, p.numeroPlan, a.id),
            vence: null,
            vencido: false,
          });
          continue;
        }
        if (r && r.estado !== 'borrador' && r.estado !== 'devuelto') continue;
        lista.push({
          tipo: r?.estado === 'devuelto' ? 'corregir' : 'reportar',
          texto: `${r?.estado === 'devuelto' ? 'Corregir el reporte devuelto de' : 'Reportar el avance de'} ${a.codigo} «${a.nombre}» · ${p.nombre}`,
          enlace: enlaceSeguimiento(vigencia, p.numeroPlan, a.id),
          vence: p.cierra,
          vencido: hoy > p.cierra,
        });
      }
  }
  return lista.sort((x, y) => (x.vence ?? '9999').localeCompare(y.vence ?? '9999'));
}

/**
 * Planeación's own: the plan published by 31 January (Decreto 612 de 2018; overdue from 1 February, with
 * or without a plan), and the 1.ª línea's proposals waiting to be consolidated.
 */
async function pendientesDePlaneacion(
  db: Db,
  entidadId: string,
  vigencia: number,
  plan: { estado: string; version: number; fechaPublicacion: string | null } | null,
  hoy: string,
): Promise<Pendiente[]> {
  const lista: Pendiente[] = [];
  const limite = limitePublicacion(vigencia);
  const enlace = `/plan?vigencia=${vigencia}`;
  // Before the deadline it shows once approved; after it, always until published.
  if (publicacionVencida(plan, vigencia, hoy) || (plan?.estado === 'aprobado' && !visibleAlPublico(plan)))
    lista.push({
      tipo: 'publicar_plan',
      texto: `Publicar el plan de acción ${vigencia} en la sede electrónica (Decreto 612 de 2018)`,
      enlace,
      vence: limite,
      vencido: hoy > limite,
    });
  // The rest of the 31 January pack (publicaciones.service.ts), once overdue: from 1 February.
  if (paqueteVencido(vigencia, hoy, false)) {
    const faltan = await documentosSinPublicar(db, entidadId, vigencia);
    if (faltan)
      lista.push({
        tipo: 'publicar_paquete',
        texto:
          faltan === 1
            ? `Publicar 1 documento del paquete del 31 de enero de ${vigencia} (Decreto 612 de 2018)`
            : `Publicar ${faltan} documentos del paquete del 31 de enero de ${vigencia} (Decreto 612 de 2018)`,
        enlace: `/publicaciones?vigencia=${vigencia}`,
        vence: limitePaquete(vigencia),
        vencido: true,
      });
  }
  const [n] = await db
    .select({ n: count() })
    .from(propuestaActividad)
    .where(
      and(
        eq(propuestaActividad.entidadId, entidadId),
        eq(propuestaActividad.vigencia, vigencia),
        eq(propuestaActividad.estado, 'pendiente'),
      ),
    );
  const pendientes = Number(n?.n ?? 0);
  if (pendientes)
    lista.push({
      tipo: 'consolidar_propuestas',
      texto:
        pendientes === 1
          ? `Consolidar 1 propuesta de actividad de la primera línea para el plan ${vigencia}`
          : `Consolidar ${pendientes} propuestas de actividades de la primera línea para el plan ${vigencia}`,
      enlace,
      vence: null,
      vencido: false,
    });
  return lista;
}
