// The daily reminders of the legal calendar: each responsible person is reminded N business days before a
// deadline and told the day after it passed, and planeación gets a weekly digest of what comes; in-app and
// by e-mail (the outbox). Idempotent across servers: a (reminder, person) row is inserted before anything is
// sent, in the same transaction, and the primary key lets only one server insert it.
import { sql } from 'drizzle-orm';
import { type Fecha, hoyEnColombia, sumarDias } from '../../core/calendario.ts';
import {
  DIAS_RESUMEN_SEMANAL,
  type EventoCalendario,
  eventosVigentes,
  lunesDe,
  type ResponsableEvento,
  ROLES_RESPONSABLE,
  recordatorioDebido,
  type TipoRecordatorio,
} from '../../core/calendario-legal.ts';
import { horaEnColombia } from '../../core/correo.ts';
import { cantidad, fechaCivil } from '../../core/formato.ts';
import type { Rol } from '../../core/roles.ts';
import { type Db, filas } from '../../db/client.ts';
import { tareaPeriodica } from '../../server/tarea-periodica.ts';
import { type Correo, encolarCorreos, enlaceAbsoluto } from '../correo/correo.service.ts';
import { notificar } from '../notificaciones/notificacion.repository.ts';
import { diasAvisoDe, eventosDe } from './calendario-legal.service.ts';

interface Persona {
  id: string;
  correo: string;
  nombre: string;
  rol: Rol;
}

const enlaceCalendario = (entidadId: string, vigencia: number) =>
  `/calendario?entidad=${entidadId}&vigencia=${vigencia}`;

/**
 * Inserts the (clave, person) rows; only the people whose row this call inserted are returned, and the
 * caller sends to them in the same transaction: a rolled-back send leaves no row, a committed one is final.
 */
async function tomar(tx: Db, clave: string, entidadId: string, personas: readonly Persona[]) {
  if (!personas.length) return [];
  const tomadas = await filas<{ usuario_id: string }>(
    tx,
    sql`insert into recordatorio_enviado (clave, usuario_id, entidad_id)
        values ${sql.join(
          personas.map((p) => sql`(${clave}, ${p.id}::uuid, ${entidadId}::uuid)`),
          sql`, `,
        )}
        on conflict do nothing returning usuario_id`,
  );
  const ids = new Set(tomadas.map((t) => t.usuario_id));
  return personas.filter((p) => ids.has(p.id));
}

/**
 * One notice to whoever has not had it yet (the key): in the app, and by e-mail when SMTP is on, in the same
 * transaction as the rows that say it went out. Returns how many people it reached this time.
 */
async function avisar(
  db: Db,
  correo: Correo | null | undefined,
  clave: string,
  entidadId: string,
  personas: readonly Persona[],
  texto: string,
  enlace: string,
  cuerpo: (p: Persona) => string,
) {
  return db.transaction(async (tx) => {
    const tomadas = await tomar(tx, clave, entidadId, personas);
    if (!tomadas.length) return 0;
    await notificar(
      tx,
      tomadas.map((p) => p.id),
      entidadId,
      texto,
      enlace,
    );
    if (correo)
      await encolarCorreos(
        tx,
        correo,
        tomadas.map((p) => ({ destinatario: p.correo, asunto: `MIPG: ${texto}`, texto: cuerpo(p) })),
      );
    return tomadas.length;
  });
}

function textoRecordatorio(ev: EventoCalendario & { fecha: Fecha }, tipo: TipoRecordatorio, dias: number) {
  if (tipo === 'vencido') return `Venció el ${fechaCivil(ev.fecha)}: ${ev.titulo}`;
  if (dias === 0) return `Vence hoy ${fechaCivil(ev.fecha)}: ${ev.titulo}`;
  return `Vence en ${cantidad(dias, 'día hábil', 'días hábiles')} (${fechaCivil(ev.fecha)}): ${ev.titulo}`;
}

export interface ResultadoRecordatorios {
  /** Reminders (person × deadline) this call sent, in-app and by e-mail when it is on. */
  recordatorios: number;
  resumenes: number;
}

/**
 * One round of the job for day `ahora` (the fake clock of the tests), for every entity or only `entidadId`.
 * Safe to run any number of times and on any number of servers at once: each reminder reaches each person
 * once.
 */
export async function enviarRecordatorios(
  db: Db,
  correo: Correo | null,
  ahora = new Date(),
  entidadId?: string,
): Promise<ResultadoRecordatorios> {
  const hoy = hoyEnColombia(ahora);
  const anio = Number(hoy.slice(0, 4));
  const resultado = { recordatorios: 0, resumenes: 0 };
  const personasPorEntidad = new Map<string, Persona[]>();
  for (const f of await filas<Persona & { entidad_id: string; entidad: string }>(
    db,
    sql`select r.entidad_id, r.rol, u.id, u.correo, u.nombre from rol_usuario r
        join usuario u on u.id = r.usuario_id
        where u.activo ${entidadId ? sql`and r.entidad_id = ${entidadId}::uuid` : sql``}
        order by r.entidad_id, u.id`,
  ))
    personasPorEntidad.set(f.entidad_id, [
      ...(personasPorEntidad.get(f.entidad_id) ?? []),
      { id: f.id, correo: f.correo, nombre: f.nombre, rol: f.rol },
    ]);

  for (const [entidadId, personas] of personasPorEntidad) {
    const diasAviso = await diasAvisoDe(db, entidadId);
    const responsablesDe = (quienes: readonly ResponsableEvento[]) => {
      const roles = new Set(quienes.flatMap((q) => ROLES_RESPONSABLE[q]));
      const unicas = new Map<string, Persona>();
      for (const p of personas) if (roles.has(p.rol)) unicas.set(p.id, p);
      return [...unicas.values()];
    };
    // Last year's vigencia still has deadlines in January (its last window, the PTEP's third follow-up);
    // next year's 31 January comes into view in December.
    const vigencias = [anio - 1, anio, ...(hoy.slice(5, 7) === '12' ? [anio + 1] : [])];
    const proximos: { vigencia: number; ev: EventoCalendario & { fecha: Fecha } }[] = [];
    for (const vigencia of vigencias) {
      const { eventos, calendario } = await eventosDe(db, entidadId, vigencia);
      for (const ev of eventosVigentes(eventos)) {
        if (ev.fecha >= hoy && ev.fecha <= sumarDias(hoy, DIAS_RESUMEN_SEMANAL))
          proximos.push({ vigencia, ev });
        const debido = recordatorioDebido(ev.fecha, hoy, diasAviso, calendario, ev.tipo);
        if (!debido) continue;
        const destinatarios = responsablesDe(ev.responsables);
        if (!destinatarios.length) continue;
        // The date is in the key: a deadline moved after its reminder gets a new one.
        const clave = `${debido.tipo}:${entidadId}:${vigencia}:${ev.clave}:${ev.fecha}`;
        const texto = textoRecordatorio(ev, debido.tipo, debido.diasHabiles);
        const enlace = enlaceCalendario(entidadId, vigencia);
        resultado.recordatorios += await avisar(
          db,
          correo,
          clave,
          entidadId,
          destinatarios,
          texto,
          enlace,
          (p) =>
            `Hola, ${p.nombre}.\n\n${texto}.\n\n${ev.descripcion}\nFundamento: ${ev.fundamento}.\n\nVea el calendario legal de la entidad: ${correo ? enlaceAbsoluto(correo, enlace) : enlace}\n\nLe llega este recordatorio porque su rol en la entidad es responsable de este plazo.`,
        );
      }
    }

    // Weekly digest for planeación: once per week (the first round of the week), when something comes.
    const planeacion = personas.filter((p) => p.rol === 'planeacion');
    if (!planeacion.length || !proximos.length) continue;
    proximos.sort((a, b) => (a.ev.fecha < b.ev.fecha ? -1 : a.ev.fecha > b.ev.fecha ? 1 : 0));
    const lunes = lunesDe(hoy);
    const lista = proximos.map(({ ev }) => `  • ${fechaCivil(ev.fecha)}: ${ev.titulo}`).join('\n');
    const texto = `Semana del ${fechaCivil(lunes)}: ${cantidad(proximos.length, 'plazo', 'plazos')} del calendario legal en las próximas 4 semanas`;
    const enlace = enlaceCalendario(entidadId, anio);
    resultado.resumenes += await avisar(
      db,
      correo,
      `semanal:${entidadId}:${lunes}`,
      entidadId,
      planeacion,
      texto,
      enlace,
      (p) =>
        `Hola, ${p.nombre}.\n\nEstos son los plazos del calendario legal de las próximas 4 semanas:\n\n${lista}\n\nVea el calendario: ${correo ? enlaceAbsoluto(correo, enlace) : enlace}\n\nLe llega este resumen cada semana por su rol de planeación.`,
    );
  }
  return resultado;
}

/**
 * Right after an entity edits its legal calendar: a deadline moved or added within the notice (or a longer
 * notice) is reminded now, not at the next day's round, which runs once a day per server. A failure is
 * logged and the edit stands; the daily round still sends what is due.
 */
export async function recordarTrasCambio(
  app: {
    db: Db;
    correo: Correo | null;
    relojRecordatorios: () => Date;
    log: { error(o: object, m: string): void };
  },
  entidadId: string,
) {
  try {
    await enviarRecordatorios(app.db, app.correo, app.relojRecordatorios(), entidadId);
  } catch (e) {
    app.log.error({ err: e }, 'falla de los recordatorios tras cambiar el calendario legal');
  }
}

/**
 * The daily job inside the app: every `intervaloMs` it looks whether today's round is due (after `hora` in
 * Colombia) and not yet done by this process; other servers may run it too, the keys keep it once-only.
 */
export function iniciarTareaRecordatorios(
  app: {
    db: Db;
    correo: Correo | null;
    log: { error(o: object, m: string): void };
    addHook(n: 'onClose', f: () => Promise<void>): unknown;
  },
  opciones: { intervaloMs: number; hora: number; reloj: () => Date },
) {
  const reloj = opciones.reloj;
  let diaHecho = '';
  tareaPeriodica(app, opciones.intervaloMs, async (detenido) => {
    const ahora = reloj();
    const dia = hoyEnColombia(ahora);
    if (detenido() || diaHecho === dia || horaEnColombia(ahora) < opciones.hora) return;
    try {
      await enviarRecordatorios(app.db, app.correo, ahora);
      diaHecho = dia;
    } catch (e) {
      if (!detenido()) app.log.error({ err: e }, 'falla de los recordatorios del calendario legal');
    }
  });
}
