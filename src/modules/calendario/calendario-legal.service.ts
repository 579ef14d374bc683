// The entity's legal calendar: core's rules over its periods, holidays and the platform's FURAG window,
// with the entity's edits; its iCalendar export and the subscription links that serve it without a session.
import { randomUUID } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type {
  AgregarEvento,
  CalendarioLegal,
  EventoCalendario,
  MoverEvento,
  Suscripcion,
} from '../../contrato/calendario-legal.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  aplicarEdiciones,
  calendarioLegal,
  DIAS_AVISO_POR_DEFECTO,
  type EdicionEvento,
  eventosVigentes,
  NOMBRE_TIPO_EVENTO,
  PREFIJO_PROPIO,
} from '../../core/calendario-legal.ts';
import { fechaCivil } from '../../core/formato.ts';
import { generarIcs } from '../../core/icalendar.ts';
import type { Db } from '../../db/client.ts';
import {
  configCalendario,
  entidad,
  eventoCalendario,
  rolUsuario,
  suscripcionCalendario,
  usuario,
} from '../../db/schema.ts';
import { conflicto, noEncontrado } from '../../server/errores.ts';
import { hashToken, tokenAleatorio } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';
import { calendarioDe, ventanaFuragDe } from './calendario.service.ts';

/** Edits per entity and vigencia: the rules make some 30 events; a few hundred own ones is plenty. */
export const MAXIMO_EDICIONES = 200;

/** The calendar of one vigencia with the entity's edits, and the business-day calendar it was counted on. */
export async function eventosDe(db: Db, entidadId: string, vigencia: number) {
  const [v, calendario, [furag], ediciones] = await Promise.all([
    leerVigencia(db, entidadId, vigencia),
    calendarioDe(db, entidadId),
    // The window that opens this year reports the year before (calendario.service.ts: the entity's dates, the
    // platform's, or none: an estimate is not a date to put in a legal calendar, it shows «por confirmar»).
    ventanaFuragDe(db, entidadId, vigencia - 1).then((v) =>
      v.origen === 'estimada' ? [] : [{ desde: v.inicio, hasta: v.fin }],
    ),
    db
      .select()
      .from(eventoCalendario)
      .where(and(eq(eventoCalendario.entidadId, entidadId), eq(eventoCalendario.vigencia, vigencia))),
  ]);
  const regla = calendarioLegal({ vigencia, periodos: v.periodos, calendario, furag: furag ?? null });
  const eventos: EventoCalendario[] = aplicarEdiciones(regla, ediciones as EdicionEvento[]);
  return { eventos, regla, calendario, furag: furag ?? null };
}

export async function diasAvisoDe(db: Db, entidadId: string) {
  const [c] = await db.select().from(configCalendario).where(eq(configCalendario.entidadId, entidadId));
  return c?.diasAviso ?? DIAS_AVISO_POR_DEFECTO;
}

export async function leerCalendarioLegal(
  db: Db,
  entidadId: string,
  vigencia: number,
  usuarioId: string,
): Promise<CalendarioLegal> {
  const [{ eventos, furag }, diasAviso, [s]] = await Promise.all([
    eventosDe(db, entidadId, vigencia),
    diasAvisoDe(db, entidadId),
    db
      .select({ creadoEn: suscripcionCalendario.creadoEn })
      .from(suscripcionCalendario)
      .where(
        and(
          eq(suscripcionCalendario.entidadId, entidadId),
          eq(suscripcionCalendario.usuarioId, usuarioId),
          isNull(suscripcionCalendario.revocadoEn),
        ),
      ),
  ]);
  return {
    vigencia,
    diasAviso,
    furag: furag ? { desde: furag.desde, hasta: furag.hasta } : null,
    suscripcion: s ? { creadaEn: s.creadoEn.toISOString() } : null,
    eventos,
  };
}

const auditado = (e: { clave: string; fecha: string | null; justificacion: string }) => ({
  evento: e.clave,
  fecha: e.fecha,
  justificacion: e.justificacion,
});

async function verificarCupo(tx: Db, entidadId: string, vigencia: number) {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(eventoCalendario)
    .where(and(eq(eventoCalendario.entidadId, entidadId), eq(eventoCalendario.vigencia, vigencia)));
  if (n >= MAXIMO_EDICIONES)
    throw conflicto(
      `Se admiten como máximo ${MAXIMO_EDICIONES} cambios al calendario legal de una vigencia.`,
    );
}

/** An event of the entity's own; returns it as the calendar shows it. */
export async function agregarEvento(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  e: AgregarEvento,
): Promise<EventoCalendario> {
  const clave = `${PREFIJO_PROPIO}${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  return db.transaction(async (tx) => {
    await verificarCupo(tx, entidadId, vigencia);
    await tx.insert(eventoCalendario).values({
      entidadId,
      vigencia,
      clave,
      cambio: 'agregado',
      fecha: e.fecha,
      desde: null,
      titulo: e.titulo,
      descripcion: e.descripcion ?? null,
      tipo: e.tipo,
      responsables: [...new Set(e.responsables)],
      justificacion: e.justificacion,
      editadoPor: actor.usuarioId,
    });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'evento_calendario',
      recursoId: `${vigencia}/${clave}`,
      despues: { titulo: e.titulo, ...auditado({ clave, fecha: e.fecha, justificacion: e.justificacion }) },
    });
    const creado = aplicarEdiciones(
      [],
      [{ ...e, clave, cambio: 'agregado', desde: null, descripcion: e.descripcion ?? null }],
    )[0]!;
    return creado;
  });
}

/** The event as the calendar shows it now, or 404 (an unknown key, or another entity's own event). */
async function eventoActual(db: Db, entidadId: string, vigencia: number, clave: string) {
  const { eventos } = await eventosDe(db, entidadId, vigencia);
  const ev = eventos.find((x) => x.clave === clave);
  if (!ev) throw noEncontrado('el evento del calendario');
  return ev;
}

/** Moves a rule's event or an own one to another day; the rule's date stays visible beside it. */
export async function moverEvento(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  clave: string,
  m: MoverEvento,
): Promise<EventoCalendario> {
  const antes = await eventoActual(db, entidadId, vigencia, clave);
  await db.transaction(async (tx) => {
    if (antes.origen === 'entidad') {
      const [f] = await tx
        .update(eventoCalendario)
        .set({
          fecha: m.fecha,
          justificacion: m.justificacion,
          editadoPor: actor.usuarioId,
          editadoEn: new Date(),
        })
        .where(
          and(
            eq(eventoCalendario.entidadId, entidadId),
            eq(eventoCalendario.vigencia, vigencia),
            eq(eventoCalendario.clave, clave),
          ),
        )
        .returning({ clave: eventoCalendario.clave });
      if (!f) throw noEncontrado('el evento del calendario');
    } else {
      if (!antes.edicion) await verificarCupo(tx, entidadId, vigencia);
      const fila = {
        cambio: 'movido' as const,
        fecha: m.fecha,
        // A window keeps its length when moved: its first day moves with the deadline.
        desde: null,
        justificacion: m.justificacion,
        editadoPor: actor.usuarioId,
        editadoEn: new Date(),
      };
      await tx
        .insert(eventoCalendario)
        .values({ entidadId, vigencia, clave, ...fila })
        .onConflictDoUpdate({
          target: [eventoCalendario.entidadId, eventoCalendario.vigencia, eventoCalendario.clave],
          set: fila,
        });
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'mover',
      recurso: 'evento_calendario',
      recursoId: `${vigencia}/${clave}`,
      antes: { titulo: antes.titulo, fecha: antes.fecha },
      despues: auditado({ clave, fecha: m.fecha, justificacion: m.justificacion }),
    });
  });
  return eventoActual(db, entidadId, vigencia, clave);
}

/**
 * Removes an event with a reason: a rule's stays listed as removed (and can be restored), an own one goes.
 * Of two removals at once, the second finds it removed and gets 409.
 */
export async function quitarEvento(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  clave: string,
  justificacion: string,
) {
  const antes = await eventoActual(db, entidadId, vigencia, clave);
  await db.transaction(async (tx) => {
    const donde = and(
      eq(eventoCalendario.entidadId, entidadId),
      eq(eventoCalendario.vigencia, vigencia),
      eq(eventoCalendario.clave, clave),
    );
    if (antes.origen === 'entidad') {
      const [f] = await tx.delete(eventoCalendario).where(donde).returning({ clave: eventoCalendario.clave });
      if (!f) throw conflicto('Ese evento ya fue quitado.');
    } else {
      if (!antes.edicion) await verificarCupo(tx, entidadId, vigencia);
      const fila = {
        cambio: 'quitado' as const,
        fecha: null,
        desde: null,
        justificacion,
        editadoPor: actor.usuarioId,
        editadoEn: new Date(),
      };
      const [f] = await tx
        .insert(eventoCalendario)
        .values({ entidadId, vigencia, clave, ...fila })
        .onConflictDoUpdate({
          target: [eventoCalendario.entidadId, eventoCalendario.vigencia, eventoCalendario.clave],
          set: fila,
          setWhere: sql`${eventoCalendario.cambio} <> 'quitado'`,
        })
        .returning({ clave: eventoCalendario.clave });
      if (!f) throw conflicto('Ese evento ya fue quitado.');
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'quitar',
      recurso: 'evento_calendario',
      recursoId: `${vigencia}/${clave}`,
      antes: { titulo: antes.titulo, fecha: antes.fecha },
      despues: { justificacion },
    });
  });
}

/** Puts a rule's event back as the rule says (undoes a move or a removal). */
export async function restaurarEvento(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  clave: string,
) {
  await db.transaction(async (tx) => {
    const [f] = await tx
      .delete(eventoCalendario)
      .where(
        and(
          eq(eventoCalendario.entidadId, entidadId),
          eq(eventoCalendario.vigencia, vigencia),
          eq(eventoCalendario.clave, clave),
          sql`${eventoCalendario.cambio} <> 'agregado'`,
        ),
      )
      .returning();
    if (!f) throw noEncontrado('un cambio de ese evento para deshacer');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'restaurar',
      recurso: 'evento_calendario',
      recursoId: `${vigencia}/${clave}`,
      antes: { cambio: f.cambio, fecha: f.fecha, justificacion: f.justificacion },
    });
  });
}

export async function cambiarDiasAviso(db: Db, actor: Actor, entidadId: string, diasAviso: number) {
  await db.transaction(async (tx) => {
    const antes = await diasAvisoDe(tx, entidadId);
    await tx
      .insert(configCalendario)
      .values({ entidadId, diasAviso })
      .onConflictDoUpdate({ target: configCalendario.entidadId, set: { diasAviso } });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'configurar',
      recurso: 'aviso_calendario',
      recursoId: entidadId,
      antes: { diasAviso: antes },
      despues: { diasAviso },
    });
  });
  return { diasAviso };
}

// ---------- iCalendar and subscriptions ----------
const CAMINO_SUSCRIPCION = '/api/calendario/suscripciones';

/** The .ics of the entity: one all-day event per dated deadline of the vigencias asked. */
export async function icsDe(db: Db, entidadId: string, vigencias: number[], urlPublica: string | null) {
  const [e] = await db.select({ nombre: entidad.nombre }).from(entidad).where(eq(entidad.id, entidadId));
  if (!e) throw noEncontrado('la entidad');
  const eventos = [];
  for (const vigencia of vigencias) {
    const { eventos: lista } = await eventosDe(db, entidadId, vigencia);
    for (const ev of eventosVigentes(lista))
      eventos.push({
        // Stable: the same deadline keeps its UID when moved, so a subscribed calendar moves it too.
        uid: `${ev.clave}.${vigencia}.${entidadId}@mipg-abierto`,
        inicio: ev.desde && ev.desde < ev.fecha ? ev.desde : ev.fecha,
        fin: ev.fecha,
        resumen: ev.titulo,
        descripcion: [
          ev.descripcion,
          ev.desde && ev.desde < ev.fecha ? `Plazo: ${fechaCivil(ev.fecha)}.` : '',
          `Fundamento: ${ev.fundamento}.`,
          ev.edicion === 'movido' && ev.fechaRegla
            ? `La entidad lo movió del ${fechaCivil(ev.fechaRegla)}: ${ev.justificacion}`
            : '',
        ]
          .filter(Boolean)
          .join('\n'),
        categoria: NOMBRE_TIPO_EVENTO[ev.tipo],
        ...(urlPublica ? { url: `${urlPublica}/calendario?entidad=${entidadId}&vigencia=${vigencia}` } : {}),
      });
  }
  return generarIcs({ nombre: `Calendario legal — ${e.nombre}`, generado: new Date(), eventos });
}

/** This year and the next: a subscription keeps showing the coming 31 January in December. */
export const vigenciasDeSuscripcion = (hoy = hoyEnColombia()) => {
  const anio = Number(hoy.slice(0, 4));
  return [anio, anio + 1];
};

/**
 * A new subscription link for the person in the entity; the previous one, if any, stops working. The
 * token is shown once: only its hash is kept.
 */
export async function crearSuscripcion(
  db: Db,
  actor: Actor & { usuarioId: string },
  entidadId: string,
  base: string,
): Promise<Suscripcion> {
  const token = tokenAleatorio();
  const creada = await db.transaction(async (tx) => {
    await tx
      .update(suscripcionCalendario)
      .set({ revocadoEn: new Date() })
      .where(
        and(
          eq(suscripcionCalendario.entidadId, entidadId),
          eq(suscripcionCalendario.usuarioId, actor.usuarioId),
          isNull(suscripcionCalendario.revocadoEn),
        ),
      );
    const [s] = await tx
      .insert(suscripcionCalendario)
      .values({ entidadId, usuarioId: actor.usuarioId, tokenHash: hashToken(token) })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'suscripcion_calendario',
      recursoId: s!.id,
    });
    return s!;
  });
  return {
    url: `${base}${CAMINO_SUSCRIPCION}/${token}/calendario.ics`,
    creadaEn: creada.creadoEn.toISOString(),
  };
}

export async function revocarSuscripcion(db: Db, actor: Actor & { usuarioId: string }, entidadId: string) {
  await db.transaction(async (tx) => {
    const [s] = await tx
      .update(suscripcionCalendario)
      .set({ revocadoEn: new Date() })
      .where(
        and(
          eq(suscripcionCalendario.entidadId, entidadId),
          eq(suscripcionCalendario.usuarioId, actor.usuarioId),
          isNull(suscripcionCalendario.revocadoEn),
        ),
      )
      .returning({ id: suscripcionCalendario.id });
    if (!s) throw noEncontrado('un enlace de suscripción vigente');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'revocar',
      recurso: 'suscripcion_calendario',
      recursoId: s.id,
    });
  });
}

/**
 * The entity a live subscription token serves, while its person is active and still holds a role there;
 * null otherwise (an unknown, revoked or orphaned link answers 404, saying nothing about which).
 */
export async function entidadDeSuscripcion(db: Db, token: string): Promise<string | null> {
  const [s] = await db
    .select({ entidadId: suscripcionCalendario.entidadId })
    .from(suscripcionCalendario)
    .innerJoin(usuario, eq(usuario.id, suscripcionCalendario.usuarioId))
    .where(
      and(
        eq(suscripcionCalendario.tokenHash, hashToken(token)),
        isNull(suscripcionCalendario.revocadoEn),
        eq(usuario.activo, true),
        sql`(${usuario.adminPlataforma} or exists (select 1 from ${rolUsuario} r
              where r.usuario_id = ${suscripcionCalendario.usuarioId} and r.entidad_id = ${suscripcionCalendario.entidadId}))`,
      ),
    );
  return s?.entidadId ?? null;
}
