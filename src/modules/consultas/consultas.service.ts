// Citizen consultation of a draft plan or PTEP: planeación opens it for dates, citizens comment on the public
// page (no session), the entity answers each comment, and the report of comments and answers is a PDF.
import { and, asc, count, desc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Consulta, ConsultaDetalle, NuevaConsulta } from '../../contrato/consultas.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import {
  estadoConsulta,
  NOMBRE_OBJETO,
  type ObjetoConsulta,
  problemaFechasConsulta,
} from '../../core/consulta.ts';
import { fechaCivil, fechaHora } from '../../core/formato.ts';
import type { Db } from '../../db/client.ts';
import { comentarioConsulta, consultaCiudadana } from '../../db/schema.ts';
import { sostenerTope, topeAlcanzado } from '../../db/tope.ts';
import { conflicto, invalido, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { membreteDe } from '../documentos/membrete.ts';
import { documentoPdf, seccionPdf, tablaPdf } from '../documentos/pdf.ts';
import { actividadesDe, planDe } from '../plan/plan.service.ts';

/** The PTEP's activities in the plan carry this Decreto 612 plan (the catalog's key). */
const CLAVE_PTEP = 'transparencia_etica';
/** A consultation with more comments than this stops taking them: nobody can flood an entity's report. */
export const MAXIMO_COMENTARIOS = 2000;
/** Consultations of one entity in one vigencia. */
export const MAXIMO_CONSULTAS = 50;

export const urlPublicaConsulta = (entidadId: string, consultaId: string) =>
  `/publico/${entidadId}/consultas/${consultaId}`;

type Fila = typeof consultaCiudadana.$inferSelect;

function vista(c: Fila, comentarios: number, sinResponder: number, hoy = hoyEnColombia()): Consulta {
  return {
    id: c.id,
    vigencia: c.vigencia,
    objeto: c.objeto,
    titulo: c.titulo,
    descripcion: c.descripcion,
    abre: c.abre,
    cierra: c.cierra,
    estado: estadoConsulta(c.abre, c.cierra, hoy),
    urlPublica: urlPublicaConsulta(c.entidadId, c.id),
    comentarios,
    sinResponder,
  };
}

export async function crearConsulta(db: Db, actor: Actor, entidadId: string, datos: NuevaConsulta) {
  const problema = problemaFechasConsulta(datos.abre, datos.cierra);
  if (problema) throw invalido(problema.campo, problema.mensaje);
  if (datos.cierra < hoyEnColombia()) throw invalido('cierra', 'la fecha de cierre ya pasó');
  const plan = await planDe(db, entidadId, datos.vigencia);
  if (!plan)
    throw invalido('vigencia', `la entidad aún no tiene plan de acción de ${datos.vigencia} que consultar`);
  return db.transaction(async (tx) => {
    const contar = async () =>
      Number(
        (
          await tx
            .select({ n: count() })
            .from(consultaCiudadana)
            .where(
              and(eq(consultaCiudadana.entidadId, entidadId), eq(consultaCiudadana.vigencia, datos.vigencia)),
            )
        )[0]?.n ?? 0,
      );
    if (
      await topeAlcanzado(
        tx,
        'consulta_ciudadana',
        `${entidadId}:${datos.vigencia}`,
        contar,
        MAXIMO_CONSULTAS,
      )
    )
      throw conflicto(`La entidad ya abrió ${MAXIMO_CONSULTAS} consultas en ${datos.vigencia}, el máximo.`);
    const [c] = await tx
      .insert(consultaCiudadana)
      .values({ entidadId, ...datos, descripcion: datos.descripcion ?? null, creadaPor: actor.usuarioId })
      .returning();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'abrir_consulta',
      recurso: 'consulta_ciudadana',
      recursoId: c!.id,
      antes: null,
      despues: { titulo: c!.titulo, objeto: c!.objeto, abre: c!.abre, cierra: c!.cierra },
    });
    return vista(c!, 0, 0);
  });
}

async function conteos(db: Db, consultaIds: string[]) {
  if (!consultaIds.length) return new Map<string, { total: number; sinResponder: number }>();
  const filas = await db
    .select({
      consultaId: comentarioConsulta.consultaId,
      total: count(),
      sinResponder: sql<number>`count(*) filter (where ${comentarioConsulta.respuesta} is null)`.mapWith(
        Number,
      ),
    })
    .from(comentarioConsulta)
    .where(sql`${comentarioConsulta.consultaId} in ${consultaIds}`)
    .groupBy(comentarioConsulta.consultaId);
  return new Map(filas.map((f) => [f.consultaId, { total: Number(f.total), sinResponder: f.sinResponder }]));
}

export async function listarConsultas(db: Db, entidadId: string): Promise<Consulta[]> {
  const filas = await db
    .select()
    .from(consultaCiudadana)
    .where(eq(consultaCiudadana.entidadId, entidadId))
    .orderBy(desc(consultaCiudadana.abre), desc(consultaCiudadana.creadoEn));
  const n = await conteos(
    db,
    filas.map((f) => f.id),
  );
  return filas.map((f) => vista(f, n.get(f.id)?.total ?? 0, n.get(f.id)?.sinResponder ?? 0));
}

async function consultaDe(db: Db, entidadId: string, consultaId: string) {
  const [c] = await db
    .select()
    .from(consultaCiudadana)
    .where(and(eq(consultaCiudadana.id, consultaId), eq(consultaCiudadana.entidadId, entidadId)));
  if (!c) throw noEncontrado('la consulta');
  return c;
}

async function comentariosDe(db: Db, consultaId: string) {
  return db
    .select()
    .from(comentarioConsulta)
    .where(eq(comentarioConsulta.consultaId, consultaId))
    .orderBy(asc(comentarioConsulta.numero));
}

/** The consultation with every comment, as the entity sees it (names and e-mails included). */
export async function detalleConsulta(
  db: Db,
  entidadId: string,
  consultaId: string,
): Promise<ConsultaDetalle> {
  const c = await consultaDe(db, entidadId, consultaId);
  const lista = await comentariosDe(db, consultaId);
  return {
    ...vista(c, lista.length, lista.filter((x) => x.respuesta === null).length),
    lista: lista.map((x) => ({
      id: x.id,
      numero: x.numero,
      nombre: x.nombre,
      correo: x.correo,
      texto: x.texto,
      recibido: x.creadoEn.toISOString(),
      respuesta: x.respuesta,
      respondidoEn: x.respondidoEn?.toISOString() ?? null,
    })),
  };
}

/**
 * A citizen's comment, while the consultation is open. Numbered under a lock on the consultation, so two
 * comments at once get consecutive numbers; the cap keeps one person from filling the report.
 */
export async function comentar(
  db: Db,
  actor: Actor,
  entidadId: string,
  consultaId: string,
  datos: { nombre?: string | null; correo?: string | null; texto: string },
) {
  const c = await consultaDe(db, entidadId, consultaId);
  const estado = estadoConsulta(c.abre, c.cierra, hoyEnColombia());
  if (estado !== 'abierta')
    throw conflicto(
      estado === 'programada'
        ? `La consulta recibe comentarios desde el ${fechaCivil(c.abre)}.`
        : `La consulta cerró el ${fechaCivil(c.cierra)}: ya no recibe comentarios.`,
    );
  return db.transaction(async (tx) => {
    await sostenerTope(tx, 'comentario_consulta', consultaId);
    const [u] = await tx
      .select({ n: max(comentarioConsulta.numero) })
      .from(comentarioConsulta)
      .where(eq(comentarioConsulta.consultaId, consultaId));
    const numero = (u?.n ?? 0) + 1;
    if (numero > MAXIMO_COMENTARIOS)
      throw conflicto(
        'La consulta ya recibió el máximo de comentarios; escriba a la entidad por sus canales de PQRSD.',
      );
    await tx.insert(comentarioConsulta).values({
      consultaId,
      numero,
      nombre: datos.nombre ?? null,
      correo: datos.correo ?? null,
      texto: datos.texto,
    });
    // The audit trail says a comment arrived, never who wrote it (personal data stays in its own table).
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'comentar_consulta',
      recurso: 'consulta_ciudadana',
      recursoId: `${consultaId}:${numero}`,
      antes: null,
      despues: { numero, caracteres: datos.texto.length },
    });
    return { numero };
  });
}

/** The entity's answer to one comment; answered once (a second answer at the same time gets 409). */
export async function responderComentario(
  db: Db,
  actor: Actor,
  entidadId: string,
  consultaId: string,
  comentarioId: string,
  respuesta: string,
) {
  await consultaDe(db, entidadId, consultaId);
  return db.transaction(async (tx) => {
    const [hecho] = await tx
      .update(comentarioConsulta)
      .set({ respuesta, respondidoPor: actor.usuarioId, respondidoEn: new Date() })
      .where(
        and(
          eq(comentarioConsulta.id, comentarioId),
          eq(comentarioConsulta.consultaId, consultaId),
          isNull(comentarioConsulta.respuesta),
        ),
      )
      .returning({ numero: comentarioConsulta.numero });
    if (!hecho) {
      const [existe] = await tx
        .select({ id: comentarioConsulta.id })
        .from(comentarioConsulta)
        .where(and(eq(comentarioConsulta.id, comentarioId), eq(comentarioConsulta.consultaId, consultaId)));
      if (!existe) throw noEncontrado('el comentario');
      throw conflicto('Este comentario ya tiene respuesta de la entidad.');
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'responder_comentario',
      recurso: 'consulta_ciudadana',
      recursoId: `${consultaId}:${hecho.numero}`,
      antes: null,
      despues: { respuesta },
    });
    return detalleConsulta(tx, entidadId, consultaId);
  });
}

/** What the public page of a consultation shows: the draft's activities and the comments without names. */
export async function consultaPublica(db: Db, entidadId: string, consultaId: string) {
  const c = await consultaDe(db, entidadId, consultaId);
  const plan = await planDe(db, entidadId, c.vigencia);
  const todas = plan ? await actividadesDe(db, plan.id) : [];
  const actividades =
    (c.objeto as ObjetoConsulta) === 'ptep' ? todas.filter((a) => a.plan612 === CLAVE_PTEP) : todas;
  const comentarios = await comentariosDe(db, consultaId);
  return {
    consulta: vista(c, comentarios.length, comentarios.filter((x) => x.respuesta === null).length),
    actividades: actividades.map((a) => ({
      codigo: a.codigo,
      nombre: a.nombre,
      producto: a.producto,
      metaAnual: a.metaAnual,
      unidad: a.unidad,
      fechaFin: a.fechaFin,
    })),
    comentarios: comentarios.map((x) => ({ numero: x.numero, texto: x.texto, respuesta: x.respuesta })),
  };
}

/** The report of comments received and the entity's answers, as a PDF with the entity's letterhead. */
export async function informeConsulta(db: Db, dataDir: string, entidadId: string, consultaId: string) {
  const c = await consultaDe(db, entidadId, consultaId);
  const lista = await comentariosDe(db, consultaId);
  const respondidos = lista.filter((x) => x.respuesta !== null).length;
  const pdf = await documentoPdf({
    membrete: await membreteDe(db, dataDir, entidadId),
    titulo: `Informe de la consulta ciudadana: ${c.titulo}`,
    subtitulo: `${NOMBRE_OBJETO[c.objeto as ObjetoConsulta]} ${c.vigencia} · abierta del ${fechaCivil(c.abre)} al ${fechaCivil(c.cierra)}`,
    contenido: [
      seccionPdf('Resumen'),
      `Se recibieron ${lista.length} comentarios; la entidad respondió ${respondidos}. Los comentarios se publican sin el nombre ni el correo de quien los escribió (Ley 1581 de 2012).`,
      seccionPdf('Comentarios y respuestas'),
      tablaPdf(
        ['N.º', 'Recibido', 'Comentario', 'Respuesta de la entidad'],
        lista.map((x) => [x.numero, fechaHora(x.creadoEn), x.texto, x.respuesta ?? 'Sin respuesta']),
        [28, 70, '*', '*'],
      ),
    ],
  });
  return { pdf, nombre: `informe-consulta-${c.vigencia}-${c.objeto}.pdf` };
}
