import { and, asc, eq } from 'drizzle-orm';
import { hoyEnColombia } from '../../core/calendario.ts';
import { clasificarCambio } from '../../core/cambios-plan.ts';
import { ORGANO_CON_ARTICULO } from '../../core/entidad.ts';
import {
  type AccionPlan,
  mensajePlanCambiado,
  problemaFechaActo,
  problemaFechaPublicacion,
  problemaFechaSesion,
  type TipoActo,
  transicionPlan,
} from '../../core/flujo-plan.ts';
import { nombreSeguro } from '../../core/nombre-archivo.ts';
import type { Rol } from '../../core/roles.ts';
import { tipoEvidencia } from '../../core/tipo-archivo.ts';
import { type ActividadVersion, compararVersiones } from '../../core/versiones.ts';
import type { Db } from '../../db/client.ts';
import { entidad, planAccion, usuario, versionPlan } from '../../db/schema.ts';
import { conflicto, ErrorApi, invalido, invalidos, noEncontrado } from '../../server/errores.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { registrarAprobacionEnSesion } from '../comites/sesiones.repository.ts';
import { type Correo, encolarAviso } from '../correo/correo.service.ts';
import { notificar } from '../notificaciones/notificacion.repository.ts';
import { usuariosConRol } from '../seguimiento/seguimiento.service.ts';
import {
  actividadesDe,
  comoVersion,
  planDe,
  resumenPlan,
  ultimaAprobada,
  vistaActo,
} from './plan.service.ts';

// Who must act after each step: the committee studies what was sent; planning adjusts what came back or
// carries out what was approved.
// The body is named as the entity has it: «la Junta Directiva devolvió…», «enviado al Consejo de Gobierno».
const AVISO_PLAN: Partial<Record<AccionPlan, { rol: Rol; texto: (v: number, organo: string) => string }>> = {
  enviar: {
    rol: 'alta_direccion',
    texto: (v, o) =>
      `El plan de acción ${v} fue enviado ${o.startsWith('el ') ? `al ${o.slice(3)}` : `a ${o}`} para su aprobación`,
  },
  devolver: {
    rol: 'planeacion',
    texto: (v, o) => `${mayuscula(o)} devolvió el plan de acción ${v} con observaciones`,
  },
  aprobar: { rol: 'planeacion', texto: (v, o) => `${mayuscula(o)} aprobó el plan de acción ${v}` },
};
const mayuscula = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const minuscula = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

type Plan = typeof planAccion.$inferSelect;

export interface CuerpoPaso {
  observaciones?: string;
  fechaSesionComite?: string;
  actaComite?: string;
  tipoActo?: TipoActo;
  numeroActo?: string;
  fechaActo?: string;
  fechaPublicacion?: string;
  urlPublicacion?: string;
  /** The committee's session where the approval was decided (else the approving committee's of that date). */
  sesionId?: string;
  /** The decision as the session's secretary wrote it. */
  descripcionDecision?: string;
}

/** The act's columns of an approval: those given, or none (to be recorded when its PDF is attached). */
const actoDe = (c: CuerpoPaso) =>
  c.tipoActo && c.numeroActo && c.fechaActo
    ? { tipoActo: c.tipoActo, numeroActo: c.numeroActo, fechaActo: c.fechaActo }
    : {};

/** The plan read before a conditional update that matched nothing: someone else moved it first. */
async function planCambiado(tx: Db, entidadId: string, vigencia: number) {
  const ahora = await planDe(tx, entidadId, vigencia);
  return conflicto(mensajePlanCambiado(ahora?.estado ?? 'borrado', ahora?.version ?? 0));
}

/**
 * Changes the plan only if it is still in the state and version just read: of two clicks at once only the
 * first matches; the other gets a 409 and writes nothing. The row stays locked until commit, and activity
 * edits hold it (for share), so a send waits for an edit in course and an edit after it sees it sent.
 */
async function cambiarSiSigueIgual(
  tx: Db,
  entidadId: string,
  vigencia: number,
  plan: Plan,
  cambios: Partial<typeof planAccion.$inferInsert>,
) {
  const [hecho] = await tx
    .update(planAccion)
    .set(cambios)
    .where(
      and(
        eq(planAccion.id, plan.id),
        eq(planAccion.estado, plan.estado),
        eq(planAccion.version, plan.version),
      ),
    )
    .returning();
  if (!hecho) throw await planCambiado(tx, entidadId, vigencia);
  return hecho;
}

/** One step of the approval workflow (core/flujo-plan.ts), with its audit entry, in one transaction. */
export async function cambiarEstadoPlan(
  db: Db,
  actor: Actor,
  accion: AccionPlan,
  entidadId: string,
  vigencia: number,
  cuerpo: CuerpoPaso,
  servicioCorreo: Correo | null = null,
) {
  const hoy = hoyEnColombia();
  if (accion === 'aprobar' && cuerpo.fechaSesionComite) {
    const problema = problemaFechaSesion(cuerpo.fechaSesionComite, vigencia, hoy);
    if (problema) throw invalido('fechaSesionComite', problema);
  }
  if (accion === 'aprobar' && cuerpo.fechaActo) {
    const problema = problemaFechaActo(cuerpo.fechaActo, vigencia, hoy);
    if (problema) throw invalido('fechaActo', problema);
  }
  if (accion === 'publicar' && cuerpo.fechaPublicacion) {
    const problema = problemaFechaPublicacion(cuerpo.fechaPublicacion, vigencia, hoy);
    if (problema) throw invalido('fechaPublicacion', problema);
  }
  await db.transaction(async (tx) => {
    const plan = await planDe(tx, entidadId, vigencia);
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    const t = transicionPlan(plan.estado, accion);
    if (!t.ok) throw conflicto(t.mensaje);
    await cambiarSiSigueIgual(tx, entidadId, vigencia, plan, {
      estado: t.hacia,
      ...(accion === 'devolver' ? { observaciones: cuerpo.observaciones } : {}),
      ...(accion === 'aprobar'
        ? {
            fechaSesionComite: cuerpo.fechaSesionComite,
            actaComite: cuerpo.actaComite,
            observaciones: null,
            ...actoDe(cuerpo),
          }
        : {}),
      ...(accion === 'publicar'
        ? {
            fechaPublicacion: cuerpo.fechaPublicacion ?? hoy,
            urlPublicacion: cuerpo.urlPublicacion ?? null,
          }
        : {}),
    });
    if (accion === 'enviar') {
      // Read with the plan already held: these are exactly the activities the committee receives,
      // and every policy's weights must add up to 100 %.
      const { actividades, ponderaciones } = await resumenPlan(tx, entidadId, vigencia);
      if (!actividades.length) throw conflicto('El plan no tiene actividades.');
      const malas = ponderaciones.filter((p) => !p.ok);
      if (malas.length)
        throw new ErrorApi(
          409,
          `Antes de enviar, corrija las ponderaciones: ${malas.map((p) => p.mensaje).join(' ')}`,
        );
    }
    if (accion === 'aprobar')
      // Every approved version is kept whole, so any two can be compared later.
      await tx.insert(versionPlan).values({
        planId: plan.id,
        version: plan.version,
        justificacion: plan.justificacion,
        fechaSesionComite: cuerpo.fechaSesionComite,
        actaComite: cuerpo.actaComite,
        tipoCambio: 'sustancial',
        aprobadoPor: actor.usuarioId,
        ...actoDe(cuerpo),
        actividades: comoVersion(await actividadesDe(tx, plan.id)),
      });
    if (accion === 'aprobar')
      // The approval is the committee's decision: recorded in its session, in this same transaction.
      await registrarAprobacionEnSesion(tx, actor, {
        entidadId,
        vigencia,
        version: plan.version,
        fecha: cuerpo.fechaSesionComite,
        acta: cuerpo.actaComite,
        sesionId: cuerpo.sesionId,
        descripcion: cuerpo.descripcionDecision,
      });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion,
      recurso: 'plan',
      recursoId: `${vigencia}:v${plan.version}`,
      antes: { estado: plan.estado },
      despues: { estado: t.hacia, ...cuerpo },
    });
    const aviso = AVISO_PLAN[accion];
    if (aviso) {
      const [e] = await tx
        .select({ organo: entidad.organoAprobacion })
        .from(entidad)
        .where(eq(entidad.id, entidadId));
      const frase = aviso.texto(vigencia, ORGANO_CON_ARTICULO[e?.organo ?? 'cigd']);
      const personas = (await usuariosConRol(tx, entidadId, aviso.rol)).filter((u) => u !== actor.usuarioId);
      const texto = `${frase}${accion === 'devolver' && cuerpo.observaciones ? `: «${cuerpo.observaciones.slice(0, 140)}»` : '.'}`;
      const enlace = `/plan?vigencia=${vigencia}`;
      await notificar(tx, personas, entidadId, texto, enlace);
      await encolarAviso(
        tx,
        servicioCorreo,
        personas,
        `MIPG: ${minuscula(frase)}`,
        accion === 'devolver' && cuerpo.observaciones
          ? `${frase}.\n\nObservaciones: ${cuerpo.observaciones}`
          : `${frase}.`,
        enlace,
      );
    }
  });
  return resumenPlan(db, entidadId, vigencia);
}

/** Opens a new version of an approved or published plan: back to borrador, to be approved again. */
export async function abrirNuevaVersion(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  justificacion: string,
) {
  await db.transaction(async (tx) => {
    const plan = await planDe(tx, entidadId, vigencia);
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    if (plan.estado !== 'aprobado' && plan.estado !== 'publicado')
      throw conflicto(`Solo un plan aprobado o publicado abre una nueva versión; este está ${plan.estado}.`);
    await cambiarSiSigueIgual(tx, entidadId, vigencia, plan, {
      version: plan.version + 1,
      estado: 'borrador',
      justificacion,
      observaciones: null,
      fechaSesionComite: null,
      actaComite: null,
      tipoActo: null,
      numeroActo: null,
      fechaActo: null,
      actoHash: null,
      actoNombre: null,
      actoBytes: null,
    });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'nueva_version',
      recurso: 'plan',
      recursoId: `${vigencia}:v${plan.version + 1}`,
      antes: { version: plan.version, estado: plan.estado },
      despues: { version: plan.version + 1, estado: 'borrador', justificacion },
    });
  });
  return resumenPlan(db, entidadId, vigencia);
}

/** The approved versions of the plan, with their justification, committee session and acta. */
export async function versionesAprobadas(db: Db, entidadId: string, vigencia: number) {
  const plan = await planDe(db, entidadId, vigencia);
  if (!plan) return [];
  const filas = await db
    .select({ v: versionPlan, aprobadoPor: usuario.nombre })
    .from(versionPlan)
    .leftJoin(usuario, eq(usuario.id, versionPlan.aprobadoPor))
    .where(eq(versionPlan.planId, plan.id))
    .orderBy(asc(versionPlan.version));
  return filas.map(({ v, aprobadoPor }) => ({
    version: v.version,
    justificacion: v.justificacion,
    fechaSesionComite: v.fechaSesionComite,
    actaComite: v.actaComite,
    tipoCambio: v.tipoCambio,
    aprobadoPor: aprobadoPor ?? null,
    acto: vistaActo(v),
    aprobadoEn: v.aprobadoEn.toISOString(),
    actividades: (v.actividades as unknown[]).length,
  }));
}

/** Differences between two versions (the one in progress, not yet approved, can be compared too). */
export async function compararVersionesPlan(
  db: Db,
  entidadId: string,
  vigencia: number,
  desde: number,
  hasta: number,
) {
  const plan = await planDe(db, entidadId, vigencia);
  if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
  const guardadas = await db.select().from(versionPlan).where(eq(versionPlan.planId, plan.id));
  const actividadesDeVersion = async (n: number) => {
    const v = guardadas.find((x) => x.version === n);
    if (v) return v.actividades as ActividadVersion[];
    if (n === plan.version)
      return (await actividadesDe(db, plan.id)).map(({ creadoEn: _c, planId: _p, ...a }) => a);
    throw noEncontrado(`la versión ${n} del plan de ${vigencia}`);
  };
  return {
    desde,
    hasta,
    ...compararVersiones(await actividadesDeVersion(desde), await actividadesDeVersion(hasta)),
  };
}

/**
 * Planeación approves a new version on its own authority when the change is minor (dates, responsible,
 * wording: core/cambios-plan.ts): the version is kept as approved «menor» by planeación, with the act of
 * the version it changes. A substantive change is refused (409) naming what needs the approving body.
 * The plan is locked (for update) before its activities are read: an edit in course finishes first.
 */
export async function aprobarCambioMenor(db: Db, actor: Actor, entidadId: string, vigencia: number) {
  await db.transaction(async (tx) => {
    const plan = await planDe(tx, entidadId, vigencia, 'update');
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    if (plan.estado !== 'borrador' || plan.version === 1)
      throw conflicto(
        `Solo una nueva versión en borrador de un plan ya aprobado se aprueba como cambio menor; este está ${plan.estado} (versión ${plan.version}).`,
      );
    const previa = await ultimaAprobada(tx, plan.id, plan.version);
    if (!previa) throw conflicto('No se encontró la versión aprobada con la que comparar el cambio.');
    const actividades = comoVersion(await actividadesDe(tx, plan.id));
    const cambio = clasificarCambio(previa.actividades as typeof actividades, actividades);
    if (cambio.tipo === 'sustancial') {
      const [e] = await tx
        .select({ organo: entidad.organoAprobacion })
        .from(entidad)
        .where(eq(entidad.id, entidadId));
      throw conflicto(
        `El cambio es sustancial y lo debe aprobar ${ORGANO_CON_ARTICULO[e?.organo ?? 'cigd']}: ${cambio.razones.join('; ')}. Envíe el plan a aprobación.`,
      );
    }
    const acto = {
      tipoActo: previa.tipoActo,
      numeroActo: previa.numeroActo,
      fechaActo: previa.fechaActo,
      actoHash: previa.actoHash,
      actoNombre: previa.actoNombre,
      actoBytes: previa.actoBytes,
    };
    await cambiarSiSigueIgual(tx, entidadId, vigencia, plan, {
      estado: 'aprobado',
      observaciones: null,
      fechaSesionComite: null,
      actaComite: null,
      ...acto,
    });
    await tx.insert(versionPlan).values({
      planId: plan.id,
      version: plan.version,
      justificacion: plan.justificacion,
      tipoCambio: cambio.tipo,
      aprobadoPor: actor.usuarioId,
      ...acto,
      actividades,
    });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'aprobar_cambio_menor',
      recurso: 'plan',
      recursoId: `${vigencia}:v${plan.version}`,
      antes: { estado: plan.estado },
      despues: { estado: 'aprobado', tipoCambio: cambio.tipo, cambios: cambio.menores },
    });
    // The approving body hears of it: a minor change is planeación's, but never silent.
    const personas = (await usuariosConRol(tx, entidadId, 'alta_direccion')).filter(
      (u) => u !== actor.usuarioId,
    );
    await notificar(
      tx,
      personas,
      entidadId,
      `Planeación aprobó como cambio menor la versión ${plan.version} del plan de acción ${vigencia}.`,
      `/plan?vigencia=${vigencia}`,
    );
  });
  return resumenPlan(db, entidadId, vigencia);
}

export interface DatosActo {
  tipo?: TipoActo;
  numero?: string;
  fecha?: string;
}

const sinActo = (p: { estado: string; version: number }, vigencia: number) =>
  conflicto(
    `El acto se adjunta al plan aprobado; el de ${vigencia} está ${p.estado} (versión ${p.version}).`,
  );

/**
 * Attaches the PDF of the act that adopted the approved version (and records its kind, number and date if
 * the approval did not). Replaces an earlier file; the old one stays in the store, named by the audit log.
 */
export async function adjuntarActo(
  db: Db,
  dataDir: string,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  archivo: unknown,
  nombrePropuesto: string,
  datos: DatosActo,
) {
  if (!Buffer.isBuffer(archivo) || archivo.length === 0)
    throw invalido('archivo', 'envíe el PDF del acto administrativo (no puede estar vacío)');
  if (tipoEvidencia(archivo, 'acto.pdf')?.mime !== 'application/pdf')
    throw invalido('archivo', 'el acto administrativo se adjunta en PDF');
  const nombre = nombreSeguro(nombrePropuesto, ['pdf']);
  if (!nombre) throw invalido('nombre', 'escriba un nombre de archivo con letras o números');
  if (datos.fecha) {
    const problema = problemaFechaActo(datos.fecha, vigencia, hoyEnColombia());
    if (problema) throw invalido('fecha', problema);
  }
  // Checked before writing the file too (and again under the lock): a plan that takes no act leaves no
  // orphan PDF on disk however many times it is tried.
  const antes = await planDe(db, entidadId, vigencia);
  if (!antes) throw noEncontrado(`el plan de acción de ${vigencia}`);
  if (antes.estado !== 'aprobado' && antes.estado !== 'publicado') throw sinActo(antes, vigencia);
  const hash = await guardarArchivo(dataDir, archivo);
  await db.transaction(async (tx) => {
    const plan = await planDe(tx, entidadId, vigencia, 'update');
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    if (plan.estado !== 'aprobado' && plan.estado !== 'publicado') throw sinActo(plan, vigencia);
    const tipoActo = datos.tipo ?? plan.tipoActo;
    const numeroActo = datos.numero ?? plan.numeroActo;
    const fechaActo = datos.fecha ?? plan.fechaActo;
    const faltan = [
      !tipoActo && { campo: 'tipo', mensaje: 'elija si el acto es resolución o acuerdo' },
      !numeroActo && { campo: 'numero', mensaje: 'escriba el número del acto' },
      !fechaActo && { campo: 'fecha', mensaje: 'escriba la fecha del acto' },
    ].filter((x): x is { campo: string; mensaje: string } => !!x);
    if (faltan.length) throw invalidos(faltan, 'los datos del acto');
    const cambios = {
      tipoActo,
      numeroActo,
      fechaActo,
      actoHash: hash,
      actoNombre: nombre,
      actoBytes: archivo.length,
    };
    await cambiarSiSigueIgual(tx, entidadId, vigencia, plan, cambios);
    await tx
      .update(versionPlan)
      .set(cambios)
      .where(and(eq(versionPlan.planId, plan.id), eq(versionPlan.version, plan.version)));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'adjuntar_acto',
      recurso: 'plan',
      recursoId: `${vigencia}:v${plan.version}`,
      antes: vistaActo(plan),
      despues: { ...vistaActo({ ...plan, ...cambios }), sha256: hash },
    });
  });
  return resumenPlan(db, entidadId, vigencia);
}

/** The PDF of the act that adopted a version, checked against its SHA-256. */
export async function archivoActo(db: Db, dataDir: string, planId: string, version: number) {
  const [v] = await db
    .select()
    .from(versionPlan)
    .where(and(eq(versionPlan.planId, planId), eq(versionPlan.version, version)));
  if (!v?.actoHash) throw noEncontrado(`el acto administrativo de la versión ${version}`);
  const contenido = await leerArchivo(dataDir, v.actoHash);
  if (!contenido)
    throw new ErrorApi(
      409,
      'El PDF del acto no está en el almacén o fue alterado (su huella SHA-256 no coincide). Restáurelo desde una copia de seguridad.',
    );
  return { nombre: v.actoNombre ?? 'acto.pdf', contenido };
}

/** The act of the plan's current version, for the entity's people. */
export async function actoDelPlan(
  db: Db,
  dataDir: string,
  entidadId: string,
  vigencia: number,
  version?: number,
) {
  const plan = await planDe(db, entidadId, vigencia);
  if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
  return archivoActo(db, dataDir, plan.id, version ?? plan.version);
}
