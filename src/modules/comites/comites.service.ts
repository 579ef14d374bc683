// Committees of an entity, their sessions, typed decisions and commitments (issue 11 §1). Every change is
// checked against core/comites.ts, written with its audit entry in one transaction, and refused (409) once
// the session's signed acta is attached.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  type SQL,
} from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type {
  ComiteEntrada,
  CompromisoEntrada,
  Convocar,
  DecisionEntrada,
  IntegranteCambio,
  IntegranteEntrada,
  SesionCambio,
} from '../../contrato/comites.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  compromisoVencido,
  deComite,
  ordenDelDia,
  type Pendientes,
  problemaDecision,
  problemaFechaSesionComite,
  problemaVersionDecision,
  problemaVigenciaIntegrante,
  puedeGestionarComite,
  quorum,
  recibeInformesControlInterno,
  tipoComiteAprobador,
} from '../../core/comites.ts';
import { fechaCivil } from '../../core/formato.ts';
import { nombreSeguro } from '../../core/nombre-archivo.ts';
import type { Rol } from '../../core/roles.ts';
import { tipoEvidencia } from '../../core/tipo-archivo.ts';
import type { Db } from '../../db/client.ts';
import {
  comite,
  compromisoComite,
  decisionComite,
  entidad,
  integranteComite,
  periodo,
  planAccion,
  rolUsuario,
  sesionComite,
  usuario,
} from '../../db/schema.ts';
import { topeAlcanzado } from '../../db/tope.ts';
import { conflicto, ErrorApi, invalido, invalidos, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import type { Correo } from '../correo/correo.service.ts';
import { cambiarEstadoPlan } from '../plan/flujo.service.ts';
import { informesSinPresentar } from './informes-control-interno.ts';
import {
  comiteDe,
  type FilaComite,
  type FilaSesion,
  insertarSesion,
  nombreActa,
  sesionDe,
  sesionParaCambiar,
} from './sesiones.repository.ts';

/** The roles a person holds in the entity; the platform's admin manages as the entity's admin would. */
const rolesEn = (u: UsuarioSesion, entidadId: string): readonly Rol[] =>
  u.adminPlataforma ? ['admin_entidad'] : (u.roles.get(entidadId) ?? []);

function exigirGestion(u: UsuarioSesion, entidadId: string, c: Pick<FilaComite, 'tipo' | 'nombre'>) {
  if (!puedeGestionarComite(rolesEn(u, entidadId), c.tipo))
    throw prohibido(
      c.tipo === 'cicci'
        ? `Las sesiones ${deComite(c.nombre)} las convoca y registra control interno (su secretaría técnica) o el administrador de la entidad.`
        : `Las sesiones ${deComite(c.nombre)} las convoca y registra planeación (su secretaría técnica) o el administrador de la entidad.`,
    );
}

/** Who acts, on which committee: where every change to a committee starts. */
export interface EnComite {
  db: Db;
  actor: Actor;
  u: UsuarioSesion;
  entidadId: string;
  comiteId: string;
}
export type EnSesion = EnComite & { sesionId: string };

/** The committee of the entity, once the person may manage it (404 or 403 otherwise). */
async function comiteGestionable({ db, u, entidadId, comiteId }: EnComite) {
  const c = await comiteDe(db, entidadId, comiteId);
  exigirGestion(u, entidadId, c);
  return c;
}

const vistaComite = (c: FilaComite, u: UsuarioSesion | null) => ({
  id: c.id,
  tipo: c.tipo,
  nombre: c.nombre,
  actoCreacion: c.actoCreacion,
  fechaActoCreacion: c.fechaActoCreacion,
  puedeGestionar: !!u && puedeGestionarComite(rolesEn(u, c.entidadId), c.tipo),
});

const vistaIntegrante = (i: typeof integranteComite.$inferSelect) => ({
  id: i.id,
  cargo: i.cargo,
  titular: i.titular,
  rol: i.rol,
  voto: i.voto,
  desde: i.desde,
  hasta: i.hasta ?? null,
});

/** What one entity may register: generous for real committees, bounded for everyone's sake. */
export const MAXIMO = { comites: 30, integrantes: 100, decisiones: 50, compromisos: 100 } as const;

/** Rows of `tabla` that meet `donde`, inside the transaction (under the row or cap lock the caller holds). */
const contar = async (tx: Db, tabla: PgTable, donde: SQL | undefined) =>
  Number((await tx.select({ n: count() }).from(tabla).where(donde))[0]?.n ?? 0);

export async function listarComites(db: Db, u: UsuarioSesion, entidadId: string) {
  const filas = await db
    .select()
    .from(comite)
    .where(eq(comite.entidadId, entidadId))
    .orderBy(asc(comite.creadoEn));
  return filas.map((c) => vistaComite(c, u));
}

const integrantesDe = (db: Db, comiteId: string) =>
  db
    .select()
    .from(integranteComite)
    .where(eq(integranteComite.comiteId, comiteId))
    .orderBy(asc(integranteComite.desde), asc(integranteComite.creadoEn));

/** The posts as a signed acta keeps them (sesion_comite.integrantesActa). */
export const integrantesParaActa = async (db: Db, comiteId: string) =>
  (await integrantesDe(db, comiteId)).map(vistaIntegrante);

export async function verComite(db: Db, u: UsuarioSesion, entidadId: string, comiteId: string) {
  const c = await comiteDe(db, entidadId, comiteId);
  return { ...vistaComite(c, u), integrantes: (await integrantesDe(db, c.id)).map(vistaIntegrante) };
}

function validarIntegrantes(lista: IntegranteEntrada[], prefijo = 'integrantes') {
  const campos = lista.flatMap((i, n) => {
    const p = problemaVigenciaIntegrante(i.desde, i.hasta);
    return p ? [{ campo: `${prefijo}.${n}.hasta`, mensaje: p }] : [];
  });
  if (campos.length) throw invalidos(campos, 'los integrantes');
}

export async function crearComite(
  db: Db,
  actor: Actor,
  u: UsuarioSesion,
  entidadId: string,
  datos: ComiteEntrada & { integrantes: IntegranteEntrada[] },
) {
  exigirGestion(u, entidadId, { tipo: datos.tipo, nombre: datos.nombre });
  validarIntegrantes(datos.integrantes);
  const id = await db.transaction(async (tx) => {
    if (
      await topeAlcanzado(
        tx,
        'comite',
        entidadId,
        () => contar(tx, comite, eq(comite.entidadId, entidadId)),
        MAXIMO.comites,
      )
    )
      throw conflicto(`La entidad ya tiene ${MAXIMO.comites} comités, el máximo.`);
    const [c] = await tx
      .insert(comite)
      .values({
        entidadId,
        tipo: datos.tipo,
        nombre: datos.nombre,
        actoCreacion: datos.actoCreacion ?? null,
        fechaActoCreacion: datos.fechaActoCreacion ?? null,
      })
      .returning();
    if (datos.integrantes.length)
      await tx.insert(integranteComite).values(datos.integrantes.map((i) => ({ ...i, comiteId: c!.id })));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'comite',
      recursoId: c!.id,
      despues: datos,
    });
    return c!.id;
  });
  return verComite(db, u, entidadId, id);
}

export async function agregarIntegrante(g: EnComite, datos: IntegranteEntrada) {
  const { db, actor, u, entidadId, comiteId } = g;
  await comiteGestionable(g);
  const p = problemaVigenciaIntegrante(datos.desde, datos.hasta);
  if (p) throw invalido('hasta', p);
  await db.transaction(async (tx) => {
    const contarCargos = () => contar(tx, integranteComite, eq(integranteComite.comiteId, comiteId));
    if (await topeAlcanzado(tx, 'integrante_comite', comiteId, contarCargos, MAXIMO.integrantes))
      throw conflicto(`El comité ya tiene ${MAXIMO.integrantes} cargos registrados, el máximo.`);
    const [i] = await tx
      .insert(integranteComite)
      .values({ ...datos, comiteId })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'integrante_comite',
      recursoId: i!.id,
      despues: datos,
    });
  });
  return verComite(db, u, entidadId, comiteId);
}

/**
 * A post leaves (its end date) or changes holder; posts are never deleted: past actas name them. `leido` is
 * what the person saw: of two changes at once the second finds the post moved and gets 409.
 */
export async function cambiarIntegrante(g: EnComite, integranteId: string, datos: IntegranteCambio) {
  const { db, actor, u, entidadId, comiteId } = g;
  await comiteGestionable(g);
  await db.transaction(async (tx) => {
    const [antes] = await tx
      .select()
      .from(integranteComite)
      .where(and(eq(integranteComite.id, integranteId), eq(integranteComite.comiteId, comiteId)))
      .for('update');
    if (!antes) throw noEncontrado('el integrante del comité');
    if (antes.titular !== datos.leido.titular || antes.hasta !== datos.leido.hasta)
      throw conflicto(
        `Otra persona cambió el cargo «${antes.cargo}» mientras usted lo editaba. Recargue la página para ver su titular y su fecha final; lo suyo no se guardó.`,
      );
    const cambios = {
      ...(datos.titular !== undefined ? { titular: datos.titular } : {}),
      ...(datos.hasta !== undefined ? { hasta: datos.hasta } : {}),
    };
    const hasta = cambios.hasta === undefined ? antes.hasta : cambios.hasta;
    const p = problemaVigenciaIntegrante(antes.desde, hasta);
    if (p) throw invalido('hasta', p);
    // A signed acta is history: the post it counted cannot end before that session.
    if (hasta) {
      const [firmada] = await tx
        .select({ numero: sesionComite.numero, anio: sesionComite.anio, fecha: sesionComite.fecha })
        .from(sesionComite)
        .where(
          and(
            eq(sesionComite.comiteId, comiteId),
            isNotNull(sesionComite.actaHash),
            gt(sesionComite.fecha, hasta),
            gte(sesionComite.fecha, antes.desde),
            antes.hasta ? lte(sesionComite.fecha, antes.hasta) : undefined,
          ),
        )
        .orderBy(desc(sesionComite.fecha))
        .limit(1);
      if (firmada)
        throw invalido(
          'hasta',
          `el ${nombreActa(firmada).replace(/^Acta/, 'acta')}, ya firmada, cuenta este cargo: la fecha final no puede ser anterior al ${fechaCivil(firmada.fecha)}`,
        );
    }
    if (!Object.keys(cambios).length) return;
    await tx.update(integranteComite).set(cambios).where(eq(integranteComite.id, integranteId));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'editar',
      recurso: 'integrante_comite',
      recursoId: integranteId,
      antes: { cargo: antes.cargo, titular: antes.titular, hasta: antes.hasta },
      despues: cambios,
    });
  });
  return verComite(db, u, entidadId, comiteId);
}

async function contarDecisiones(db: Db, sesiones: string[]) {
  if (!sesiones.length) return new Map<string, number>();
  const filas = await db
    .select({ sesionId: decisionComite.sesionId, n: count() })
    .from(decisionComite)
    .where(inArray(decisionComite.sesionId, sesiones))
    .groupBy(decisionComite.sesionId);
  return new Map(filas.map((f) => [f.sesionId, Number(f.n)]));
}

const vistaSesionResumen = (s: FilaSesion, decisiones: number) => ({
  id: s.id,
  numero: s.numero,
  anio: s.anio,
  fecha: s.fecha,
  caracter: s.caracter,
  lugar: s.lugar,
  decisiones,
  actaFirmada: s.actaHash !== null,
});

/** The committee's sessions, newest first. */
export async function listarSesiones(db: Db, entidadId: string, comiteId: string) {
  await comiteDe(db, entidadId, comiteId);
  const filas = await db
    .select()
    .from(sesionComite)
    .where(eq(sesionComite.comiteId, comiteId))
    .orderBy(desc(sesionComite.fecha), desc(sesionComite.numero));
  const n = await contarDecisiones(
    db,
    filas.map((s) => s.id),
  );
  return filas.map((s) => vistaSesionResumen(s, n.get(s.id) ?? 0));
}

/**
 * What waits for this committee: the plans sent to it for approval (if it approves them), the closed periods
 * of the entity's plans that no session followed up yet, and the open commitments of its earlier sessions.
 */
export async function pendientesDelComite(db: Db, c: FilaComite): Promise<Pendientes> {
  const [e] = await db
    .select({ organo: entidad.organoAprobacion })
    .from(entidad)
    .where(eq(entidad.id, c.entidadId));
  const aprueba = c.tipo === tipoComiteAprobador(e?.organo ?? 'cigd');
  const planesPorAprobar = aprueba
    ? await db
        .select({ vigencia: planAccion.vigencia, version: planAccion.version })
        .from(planAccion)
        .where(and(eq(planAccion.entidadId, c.entidadId), eq(planAccion.estado, 'enviado')))
        .orderBy(asc(planAccion.vigencia))
    : [];
  const cerrados = await db
    .select({ vigencia: periodo.vigencia, periodo: periodo.numero, nombre: periodo.nombre })
    .from(periodo)
    .where(and(eq(periodo.entidadId, c.entidadId), eq(periodo.cerrado, true)))
    .orderBy(asc(periodo.vigencia), asc(periodo.numero));
  const hechos = await seguimientosDeLaEntidad(db, c.entidadId);
  // Decreto 1499 gives the quarterly follow-up to the CIGD: the approving body proposes it only where the
  // entity has not registered a CIGD here.
  const [cigd] =
    c.tipo === 'organo_aprobacion'
      ? await db
          .select({ id: comite.id })
          .from(comite)
          .where(and(eq(comite.entidadId, c.entidadId), eq(comite.tipo, 'cigd')))
          .limit(1)
      : [];
  const periodosSinSeguimiento = cigd
    ? []
    : cerrados.filter((p) => !hechos.some((h) => h.vigencia === p.vigencia && h.periodo === p.periodo));
  const [abiertos] = await db
    .select({ n: count() })
    .from(compromisoComite)
    .innerJoin(sesionComite, eq(sesionComite.id, compromisoComite.sesionId))
    .where(and(eq(sesionComite.comiteId, c.id), isNull(compromisoComite.cumplidoEn)));
  const informesControlInterno = recibeInformesControlInterno(c.tipo)
    ? await informesSinPresentar(db, c.entidadId, c.id, Number(hoyEnColombia().slice(0, 4)))
    : [];
  return {
    planesPorAprobar,
    periodosSinSeguimiento,
    compromisosAbiertos: Number(abiertos?.n ?? 0),
    informesControlInterno,
  };
}

/** Every quarterly follow-up decision of the entity's committees, with its session's date, newest first. */
export function seguimientosDeLaEntidad(db: Db, entidadId: string) {
  return db
    .select({ vigencia: decisionComite.vigencia, periodo: decisionComite.periodo, fecha: sesionComite.fecha })
    .from(decisionComite)
    .innerJoin(sesionComite, eq(sesionComite.id, decisionComite.sesionId))
    .innerJoin(comite, eq(comite.id, sesionComite.comiteId))
    .where(and(eq(comite.entidadId, entidadId), eq(decisionComite.tipo, 'seguimiento_trimestral')))
    .orderBy(desc(sesionComite.fecha));
}

export async function convocarSesion(g: EnComite, datos: Convocar) {
  const { db, actor, u, entidadId, comiteId } = g;
  const c = await comiteGestionable(g);
  const problema = problemaFechaSesionComite(datos.fecha, hoyEnColombia());
  if (problema) throw invalido('fecha', problema);
  const orden = datos.ordenDelDia ?? ordenDelDia(c.tipo, await pendientesDelComite(db, c));
  const id = await db.transaction(async (tx) => {
    const s = await insertarSesion(tx, comiteId, {
      caracter: datos.caracter,
      fecha: datos.fecha,
      lugar: datos.lugar ?? null,
      ordenDelDia: orden,
      convocadaPor: actor.usuarioId,
    });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'convocar',
      recurso: 'sesion_comite',
      recursoId: s.id,
      despues: { comite: c.nombre, acta: nombreActa(s), ...datos, ordenDelDia: orden },
    });
    return s.id;
  });
  return verSesion(db, u, entidadId, comiteId, id);
}

/** Commitments with their responsible's name and where they were agreed. */
async function compromisosDonde(db: Db, condicion: ReturnType<typeof and>) {
  const hoy = hoyEnColombia();
  const filas = await db
    .select({
      c: compromisoComite,
      responsable: usuario.nombre,
      numero: sesionComite.numero,
      anio: sesionComite.anio,
    })
    .from(compromisoComite)
    .innerJoin(sesionComite, eq(sesionComite.id, compromisoComite.sesionId))
    .innerJoin(usuario, eq(usuario.id, compromisoComite.responsableId))
    .where(condicion)
    .orderBy(asc(compromisoComite.fecha), asc(compromisoComite.creadoEn));
  return filas.map(({ c, responsable, numero, anio }) => ({
    id: c.id,
    sesionId: c.sesionId,
    origen: nombreActa({ numero, anio }),
    descripcion: c.descripcion,
    responsableId: c.responsableId,
    responsable,
    fecha: c.fecha,
    cumplidoEn: c.cumplidoEn,
    vencido: !c.cumplidoEn && compromisoVencido(c.fecha, hoy),
  }));
}

export async function verSesion(
  db: Db,
  u: UsuarioSesion | null,
  entidadId: string,
  comiteId: string,
  sesionId: string,
) {
  const c = await comiteDe(db, entidadId, comiteId);
  const s = await sesionDe(db, comiteId, sesionId);
  // A closed acta shows the posts as they were when it was signed; an open one, as they are.
  const integrantes = s.integrantesActa ?? (await integrantesDe(db, comiteId)).map(vistaIntegrante);
  const decisiones = await db
    .select()
    .from(decisionComite)
    .where(eq(decisionComite.sesionId, s.id))
    .orderBy(asc(decisionComite.creadoEn));
  // Commitments of earlier sessions of this committee still open, or closed since: they come back here.
  const anteriores = await compromisosDonde(
    db,
    and(
      eq(sesionComite.comiteId, comiteId),
      ne(sesionComite.id, s.id),
      lte(sesionComite.fecha, s.fecha),
      isNull(compromisoComite.cumplidoEn),
    ),
  );
  return {
    ...vistaSesionResumen(s, decisiones.length),
    comite: vistaComite(c, u),
    ordenDelDia: s.ordenDelDia,
    desarrollo: s.desarrollo,
    asistentes: s.asistentes,
    integrantes: integrantes.filter((i) => i.desde <= s.fecha && (!i.hasta || s.fecha <= i.hasta)),
    quorum: quorum(integrantes, s.asistentes, s.fecha),
    decisiones: decisiones.map((d) => ({
      id: d.id,
      tipo: d.tipo,
      descripcion: d.descripcion,
      vigencia: d.vigencia,
      periodo: d.periodo,
      version: d.version,
    })),
    compromisos: await compromisosDonde(db, and(eq(compromisoComite.sesionId, s.id))),
    compromisosAnteriores: anteriores,
    actaNombre: s.actaNombre,
  };
}

export async function cambiarSesion(g: EnSesion, datos: SesionCambio) {
  const { db, actor, u, entidadId, comiteId, sesionId } = g;
  await comiteGestionable(g);
  if (datos.fecha) {
    const problema = problemaFechaSesionComite(datos.fecha, hoyEnColombia());
    if (problema) throw invalido('fecha', problema);
  }
  await db.transaction(async (tx) => {
    const s = await sesionParaCambiar(tx, comiteId, sesionId);
    if (datos.fecha && datos.fecha.slice(0, 4) !== s.fecha.slice(0, 4))
      throw invalido('fecha', `el acta se numeró en ${s.anio}: la fecha debe quedar en ese año`);
    if (datos.asistentes) {
      const ids = new Set((await integrantesDe(tx, comiteId)).map((i) => i.id));
      const ajenos = datos.asistentes.filter((a) => !ids.has(a));
      if (ajenos.length) throw invalido('asistentes', 'un asistente no es integrante de este comité');
    }
    const cambios = {
      ...(datos.caracter ? { caracter: datos.caracter } : {}),
      ...(datos.fecha ? { fecha: datos.fecha } : {}),
      ...(datos.lugar !== undefined ? { lugar: datos.lugar } : {}),
      ...(datos.ordenDelDia ? { ordenDelDia: datos.ordenDelDia } : {}),
      ...(datos.desarrollo !== undefined ? { desarrollo: datos.desarrollo } : {}),
      ...(datos.asistentes ? { asistentes: [...new Set(datos.asistentes)] } : {}),
    };
    if (!Object.keys(cambios).length) return;
    await tx.update(sesionComite).set(cambios).where(eq(sesionComite.id, s.id));
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'editar',
      recurso: 'sesion_comite',
      recursoId: s.id,
      antes: Object.fromEntries(Object.keys(cambios).map((k) => [k, s[k as keyof FilaSesion]])),
      despues: cambios,
    });
  });
  return verSesion(db, u, entidadId, comiteId, sesionId);
}

/**
 * A typed decision. The plan's approval (or a modification's) goes through the plan's own workflow, which
 * records the decision in this session inside its transaction; a quarterly follow-up needs its period closed.
 */
export async function registrarDecision(g: EnSesion, datos: DecisionEntrada, correo: Correo | null) {
  const { db, actor, u, entidadId, comiteId, sesionId } = g;
  const c = await comiteGestionable(g);
  const s = await sesionDe(db, comiteId, sesionId);
  const [e] = await db
    .select({ organo: entidad.organoAprobacion })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  const problema = problemaDecision(datos, c, tipoComiteAprobador(e?.organo ?? 'cigd'));
  if (problema) throw invalido(problema.campo, problema.mensaje);
  if (datos.tipo === 'plan_aprobado' || datos.tipo === 'modificacion_aprobada') {
    const vigencia = datos.vigencia!;
    const [plan] = await db
      .select()
      .from(planAccion)
      .where(and(eq(planAccion.entidadId, entidadId), eq(planAccion.vigencia, vigencia)));
    if (!plan) throw noEncontrado(`el plan de acción de ${vigencia}`);
    const v = problemaVersionDecision(datos.tipo, plan.version);
    if (v) throw invalido('tipo', v);
    // The acta's reference fits the plan's column (120 characters).
    const acta = `${nombreActa(s)} — ${c.nombre}`.slice(0, 120);
    await cambiarEstadoPlan(
      db,
      actor,
      'aprobar',
      entidadId,
      vigencia,
      {
        fechaSesionComite: s.fecha,
        actaComite: acta,
        sesionId: s.id,
        descripcionDecision: datos.descripcion,
      },
      correo,
    );
    return verSesion(db, u, entidadId, comiteId, sesionId);
  }
  if (datos.tipo === 'seguimiento_trimestral') {
    const [p] = await db
      .select()
      .from(periodo)
      .where(
        and(
          eq(periodo.entidadId, entidadId),
          eq(periodo.vigencia, datos.vigencia!),
          eq(periodo.numero, datos.periodo!),
        ),
      );
    if (!p) throw invalido('periodo', `la vigencia ${datos.vigencia} no tiene el periodo ${datos.periodo}`);
    if (!p.cerrado)
      throw conflicto(
        `El ${p.nombre.toLowerCase()} de ${datos.vigencia} no está cerrado: el seguimiento trimestral se hace sobre un periodo cerrado.`,
      );
  }
  await db.transaction(async (tx) => {
    await sesionParaCambiar(tx, comiteId, sesionId);
    if ((await contar(tx, decisionComite, eq(decisionComite.sesionId, sesionId))) >= MAXIMO.decisiones)
      throw conflicto(`La sesión ya tiene ${MAXIMO.decisiones} decisiones, el máximo.`);
    const [d] = await tx
      .insert(decisionComite)
      .values({
        sesionId,
        tipo: datos.tipo,
        descripcion: datos.descripcion,
        vigencia: datos.vigencia ?? null,
        periodo: datos.periodo ?? null,
      })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'registrar_decision',
      recurso: 'sesion_comite',
      recursoId: sesionId,
      despues: { decision: d!.id, ...datos },
    });
  });
  return verSesion(db, u, entidadId, comiteId, sesionId);
}

export async function registrarCompromiso(g: EnSesion, datos: CompromisoEntrada) {
  const { db, actor, u, entidadId, comiteId, sesionId } = g;
  await comiteGestionable(g);
  // The responsible is one of the entity's people: it sees the commitment in its «mis pendientes».
  const [persona] = await db
    .select({ id: rolUsuario.usuarioId })
    .from(rolUsuario)
    .where(and(eq(rolUsuario.entidadId, entidadId), eq(rolUsuario.usuarioId, datos.responsableId)))
    .limit(1);
  if (!persona) throw invalido('responsableId', 'el responsable debe ser una persona de la entidad');
  await db.transaction(async (tx) => {
    const s = await sesionParaCambiar(tx, comiteId, sesionId);
    if (datos.fecha < s.fecha)
      throw invalido('fecha', 'el compromiso no puede vencer antes de la sesión que lo acordó');
    if ((await contar(tx, compromisoComite, eq(compromisoComite.sesionId, sesionId))) >= MAXIMO.compromisos)
      throw conflicto(`La sesión ya tiene ${MAXIMO.compromisos} compromisos, el máximo.`);
    const [k] = await tx
      .insert(compromisoComite)
      .values({ sesionId, ...datos })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'compromiso_comite',
      recursoId: k!.id,
      despues: datos,
    });
  });
  return verSesion(db, u, entidadId, comiteId, sesionId);
}

/** A commitment done: those who manage the committee close it (usually at the next session). */
export async function cumplirCompromiso(g: EnComite, compromisoId: string) {
  const { db, actor, entidadId, comiteId } = g;
  await comiteGestionable(g);
  const hoy = hoyEnColombia();
  await db.transaction(async (tx) => {
    const [k] = await tx
      .select({ id: compromisoComite.id })
      .from(compromisoComite)
      .innerJoin(sesionComite, eq(sesionComite.id, compromisoComite.sesionId))
      .where(and(eq(compromisoComite.id, compromisoId), eq(sesionComite.comiteId, comiteId)));
    if (!k) throw noEncontrado('el compromiso');
    // Conditional: of two at once only one closes it; the other hears it was already closed.
    const [hecho] = await tx
      .update(compromisoComite)
      .set({ cumplidoEn: hoy })
      .where(and(eq(compromisoComite.id, compromisoId), isNull(compromisoComite.cumplidoEn)))
      .returning();
    if (!hecho) throw conflicto('El compromiso ya estaba marcado como cumplido.');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'cumplir',
      recurso: 'compromiso_comite',
      recursoId: compromisoId,
      despues: { cumplidoEn: hoy },
    });
  });
  return { id: compromisoId, cumplidoEn: hoy };
}

/**
 * Attaches the signed, scanned acta (PDF): the session is locked from then on. Of two uploads at once the
 * conditional update lets only the first through; the other gets 409.
 */
export async function adjuntarActaFirmada(
  g: EnSesion,
  dataDir: string,
  archivo: unknown,
  nombrePropuesto: string,
) {
  const { db, actor, u, entidadId, comiteId, sesionId } = g;
  await comiteGestionable(g);
  await sesionDe(db, comiteId, sesionId);
  if (!Buffer.isBuffer(archivo) || archivo.length === 0)
    throw invalido('archivo', 'envíe el PDF del acta firmada (no puede estar vacío)');
  if (tipoEvidencia(archivo, 'acta.pdf')?.mime !== 'application/pdf')
    throw invalido('archivo', 'el acta firmada se adjunta escaneada en PDF');
  const nombre = nombreSeguro(nombrePropuesto, ['pdf']);
  if (!nombre) throw invalido('nombre', 'escriba un nombre de archivo con letras o números');
  const hash = await guardarArchivo(dataDir, archivo);
  await db.transaction(async (tx) => {
    const s = await sesionParaCambiar(tx, comiteId, sesionId);
    const [hecho] = await tx
      .update(sesionComite)
      .set({
        actaHash: hash,
        actaNombre: nombre,
        actaBytes: archivo.length,
        actaAdjuntadaEn: new Date(),
        integrantesActa: await integrantesParaActa(tx, comiteId),
      })
      .where(and(eq(sesionComite.id, s.id), isNull(sesionComite.actaHash)))
      .returning();
    if (!hecho) throw conflicto('Otra persona adjuntó el acta firmada al mismo tiempo. Recargue la sesión.');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'adjuntar_acta',
      recurso: 'sesion_comite',
      recursoId: s.id,
      despues: { acta: nombreActa(s), archivo: nombre, bytes: archivo.length, sha256: hash },
    });
  });
  return verSesion(db, u, entidadId, comiteId, sesionId);
}

/** The signed acta's PDF, checked against its SHA-256. */
export async function actaFirmada(
  db: Db,
  dataDir: string,
  entidadId: string,
  comiteId: string,
  sesionId: string,
) {
  await comiteDe(db, entidadId, comiteId);
  const s = await sesionDe(db, comiteId, sesionId);
  if (!s.actaHash) throw noEncontrado('el acta firmada de la sesión');
  const contenido = await leerArchivo(dataDir, s.actaHash);
  if (!contenido)
    throw new ErrorApi(
      409,
      'El PDF del acta firmada no está en el almacén o fue alterado (su huella SHA-256 no coincide). Restáurelo desde una copia de seguridad.',
    );
  return { nombre: s.actaNombre ?? 'acta-firmada.pdf', contenido };
}
