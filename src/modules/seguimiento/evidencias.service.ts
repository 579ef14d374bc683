import { and, asc, eq } from 'drizzle-orm';
import { neutralizarCsv } from '../../core/csv-formulas.ts';
import { nombreSeguro } from '../../core/nombre-archivo.ts';
import { tipoEvidencia, tipoPorMime } from '../../core/tipo-archivo.ts';
import type { Db } from '../../db/client.ts';
import { actividad, evidencia, periodo, planAccion, seguimiento } from '../../db/schema.ts';
import { conflicto, ErrorApi, invalido, noEncontrado } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { guardarArchivo, leerArchivo } from '../archivos/almacen.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { periodoPlanDeReporte } from '../vigencias/vigencia.service.ts';
import {
  actividadDeEntidad,
  exigirAbierto,
  exigirAdmiteEvidencia,
  exigirEditable,
  exigirReportante,
  mensajeNoReportable,
  periodoDeReporte,
  seguimientoDe,
  vistaEvidencia,
} from './seguimiento.service.ts';

export const TIPOS_ACEPTADOS =
  'PDF, Word, Excel, PowerPoint, OpenDocument, imágenes (PNG, JPEG, WebP, GIF), CSV o ZIP';

/** Who adds or removes an evidence: the audit actor and the session user whose reporting rights count. */
export interface Reportante {
  actor: Actor;
  usuario: UsuarioSesion;
}

/** The report an evidence goes to, identified as in the URL. */
export interface ReporteDestino {
  entidadId: string;
  actividadId: string;
  periodo: number;
}

/** Enough for any report (actas, listas, fotos); a bound so one report cannot fill the store. */
export const MAX_EVIDENCIAS_POR_REPORTE = 50;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Locks the report (FOR UPDATE) and its period (FOR SHARE) until the transaction ends, then checks that
 * the report is still editable and the period open. A concurrent send for review (a conditional update of
 * the report) or period closing (an update of the period) waits for this transaction, or has already
 * committed and is seen here: an evidence never changes on a report that was sent or in a closed period.
 * Transitions take the period first, then the report; the reverse order here cannot deadlock with them
 * because both hold the period only FOR SHARE, and closing (the one FOR UPDATE on it) locks no report.
 */
async function bloquearReporteEditable(tx: Tx, seguimientoId: string, para: 'agregar' | 'quitar') {
  const [s] = await tx.select().from(seguimiento).where(eq(seguimiento.id, seguimientoId)).for('update');
  if (!s) throw noEncontrado('el reporte de la evidencia');
  // An instrument's report (the PTEP's cuatrimestre) is closed with the plan's period holding its cut-off.
  const numeroPlan = await periodoPlanDeReporte(tx, s.actividadId, s.periodo);
  const [p] = await tx
    .select({ nombre: periodo.nombre, cerrado: periodo.cerrado })
    .from(periodo)
    .innerJoin(
      planAccion,
      and(eq(planAccion.entidadId, periodo.entidadId), eq(planAccion.vigencia, periodo.vigencia)),
    )
    .innerJoin(actividad, eq(actividad.planId, planAccion.id))
    .where(and(eq(actividad.id, s.actividadId), eq(periodo.numero, numeroPlan)))
    .for('share', { of: periodo });
  // A vigencia whose periods were never saved shows its default proposal, open (see leerVigencia).
  if (p) exigirAbierto(p);
  // New evidence also answers control interno's observations; what was reviewed is never taken away.
  if (para === 'agregar') exigirAdmiteEvidencia(s);
  else exigirEditable(s);
  return s;
}

/**
 * Adds an evidence to a report, within the bound and once: the same file (by hash) or link (by URL)
 * sent again answers the evidence already attached (`nueva: false`), so a retried or doubled upload
 * neither fails nor duplicates.
 */
export async function agregarEvidencia(
  db: Db,
  actor: Actor,
  contexto: { entidadId: string; codigoActividad: string; seguimientoId: string; usuarioId: string },
  datos: { nombre: string; hash?: string; tipo?: string; bytes?: number; url?: string },
) {
  return db.transaction(async (tx) => {
    const s = await bloquearReporteEditable(tx, contexto.seguimientoId, 'agregar');
    const existentes = await tx
      .select()
      .from(evidencia)
      .where(eq(evidencia.seguimientoId, s.id))
      .orderBy(asc(evidencia.creadoEn));
    const igual = existentes.find((e) => (datos.hash ? e.hash === datos.hash : e.url === datos.url));
    if (igual) return { evidencia: vistaEvidencia(igual), nueva: false };
    if (existentes.length >= MAX_EVIDENCIAS_POR_REPORTE)
      throw conflicto(
        `El reporte ya tiene ${MAX_EVIDENCIAS_POR_REPORTE} evidencias, el máximo permitido. Quite alguna o reúna varias en un ZIP.`,
      );
    const [e] = await tx
      .insert(evidencia)
      .values({ ...datos, seguimientoId: s.id, creadoPor: contexto.usuarioId })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId: contexto.entidadId,
      accion: 'agregar_evidencia',
      recurso: 'seguimiento',
      recursoId: s.id,
      despues: { actividad: contexto.codigoActividad, periodo: s.periodo, ...vistaEvidencia(e!) },
    });
    return { evidencia: vistaEvidencia(e!), nueva: true };
  });
}

/**
 * Removes an evidence in one transaction with the report locked: of two simultaneous removals one
 * deletes and the other finds nothing (404); a report sent or a period closed meanwhile refuses (409).
 * The file stays in the store: another report may share it, and the audit log still names its hash.
 */
export async function quitarEvidencia(
  db: Db,
  actor: Actor,
  entidadId: string,
  e: Pick<typeof evidencia.$inferSelect, 'id' | 'seguimientoId'>,
) {
  await db.transaction(async (tx) => {
    const s = await bloquearReporteEditable(tx, e.seguimientoId, 'quitar');
    const [quitada] = await tx
      .delete(evidencia)
      .where(and(eq(evidencia.id, e.id), eq(evidencia.seguimientoId, s.id)))
      .returning();
    if (!quitada) throw noEncontrado('la evidencia (ya fue quitada del reporte)');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'quitar_evidencia',
      recurso: 'seguimiento',
      recursoId: s.id,
      antes: vistaEvidencia(quitada),
    });
  });
}

const sinNombre = () =>
  invalido('nombre', 'escriba un nombre de archivo con letras o números (no solo puntos, barras o espacios)');

/** The report a new evidence goes to: the reporter's own, editable, in an open period. */
async function reporteEditable(db: Db, quien: Reportante, destino: ReporteDestino) {
  const { entidadId, actividadId, periodo: numero } = destino;
  const a = await actividadDeEntidad(db, entidadId, actividadId);
  const p = await periodoDeReporte(db, entidadId, a, numero);
  await exigirReportante(db, quien.usuario, entidadId, a);
  exigirAbierto(p);
  const s = await seguimientoDe(db, actividadId, p.numero);
  if (!s) throw mensajeNoReportable();
  exigirAdmiteEvidencia(s);
  return {
    entidadId,
    codigoActividad: a.codigo,
    seguimientoId: s.id,
    usuarioId: quien.usuario.id,
  };
}

/**
 * Attaches a file: its type comes from its content (the name's extension follows it), the report is
 * checked before the file is stored, so a refusal stores nothing.
 */
export async function subirEvidencia(
  db: Db,
  dataDir: string,
  quien: Reportante,
  destino: ReporteDestino,
  archivo: unknown,
  nombrePropuesto: string,
) {
  if (!Buffer.isBuffer(archivo) || archivo.length === 0)
    throw invalido('archivo', 'envíe el contenido del archivo (no puede estar vacío)');
  const propuesto = nombreSeguro(nombrePropuesto);
  if (!propuesto) throw sinNombre();
  const tipo = tipoEvidencia(archivo, propuesto);
  if (!tipo)
    throw new ErrorApi(400, `El archivo «${propuesto}» no es de un tipo aceptado como evidencia.`, [
      {
        campo: 'archivo',
        mensaje: `por su contenido no es ${TIPOS_ACEPTADOS}; conviértalo a PDF o comprímalo en ZIP`,
      },
    ]);
  // The extension follows the content: a PDF that is also HTML, named «x.html», is kept as «x.pdf».
  const nombre = nombreSeguro(propuesto, tipo.extensiones);
  if (!nombre) throw sinNombre();
  const contexto = await reporteEditable(db, quien, destino);
  const hash = await guardarArchivo(dataDir, archivo);
  return agregarEvidencia(db, quien.actor, contexto, {
    nombre,
    hash,
    tipo: tipo.mime,
    bytes: archivo.length,
  });
}

/** Attaches a link (e.g. the publication on the entity's website). */
export async function agregarEnlace(
  db: Db,
  quien: Reportante,
  destino: ReporteDestino,
  enlace: { nombre: string; url: string },
) {
  return agregarEvidencia(db, quien.actor, await reporteEditable(db, quien, destino), enlace);
}

/** The evidence with its report, activity and period, only within the entity. */
async function evidenciaDeEntidad(db: Db, entidadId: string, evidenciaId: string) {
  const [fila] = await db
    .select({ e: evidencia, s: seguimiento, a: actividad })
    .from(evidencia)
    .innerJoin(seguimiento, eq(seguimiento.id, evidencia.seguimientoId))
    .innerJoin(actividad, eq(actividad.id, seguimiento.actividadId))
    .innerJoin(planAccion, eq(planAccion.id, actividad.planId))
    .where(and(eq(evidencia.id, evidenciaId), eq(planAccion.entidadId, entidadId)));
  if (!fila) throw noEncontrado('la evidencia en esta entidad');
  return fila;
}

export type Descarga =
  | { enlace: string }
  | { nombre: string; tipo: string; contenido: Buffer; celdasNeutralizadas?: number };

/**
 * What a download serves. A CSV is neutralised against formula injection in this copy only (the stored
 * file stays byte-identical: its SHA-256 is the evidence's proof); `original` gives the exact bytes as
 * octet-stream, so no browser or spreadsheet treats them as a table on its own.
 */
export async function descargarEvidencia(
  db: Db,
  dataDir: string,
  entidadId: string,
  evidenciaId: string,
  original: boolean,
): Promise<Descarga> {
  const { e } = await evidenciaDeEntidad(db, entidadId, evidenciaId);
  if (e.url) return { enlace: new URL(e.url).href }; // normalised: older rows kept the URL as typed
  const contenido = await leerArchivo(dataDir, e.hash!);
  if (!contenido)
    throw new ErrorApi(
      409,
      `El archivo «${nombreSeguro(e.nombre) ?? 'sin nombre'}» no está en el almacén o fue alterado (su huella SHA-256 no coincide). Restáurelo desde una copia de seguridad.`,
    );
  // Type and extension from the content, as at upload; also fixes rows saved before names followed it.
  const tipo = tipoEvidencia(contenido, e.nombre) ?? tipoPorMime(e.tipo);
  const nombre =
    nombreSeguro(e.nombre, tipo?.extensiones) ?? `evidencia${tipo ? `.${tipo.extensiones[0]}` : ''}`;
  if (tipo?.mime !== 'text/csv') return { nombre, tipo: tipo?.mime ?? 'application/octet-stream', contenido };
  if (original) return { nombre, tipo: 'application/octet-stream', contenido };
  const { contenido: seguro, celdas } = neutralizarCsv(contenido);
  return { nombre, tipo: 'text/csv; charset=utf-8', contenido: seguro, celdasNeutralizadas: celdas };
}

/** Removes an evidence the user may report on; state and period are checked with the report locked. */
export async function borrarEvidencia(db: Db, quien: Reportante, entidadId: string, evidenciaId: string) {
  const { e, a } = await evidenciaDeEntidad(db, entidadId, evidenciaId);
  await exigirReportante(db, quien.usuario, entidadId, await actividadDeEntidad(db, entidadId, a.id));
  await quitarEvidencia(db, quien.actor, entidadId, e);
}
