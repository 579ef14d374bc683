// Autodiagnósticos: planeación assigns a policy's questionnaire (instrumento 'autodiagnostico') to the entity
// for a vigencia; whoever is that policy's responsible that vigencia answers it, item by item, with an
// observation; everyone in the entity reads the score with its completeness beside it (core/cuestionario.ts).
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AnteriorAutodiagnosticoSchema,
  AutodiagnosticoResumenSchema,
  AutodiagnosticoSchema,
  GuardarRespuestaSchema,
  ResultadoAutodiagnosticoSchema,
} from '../../contrato/autodiagnosticos.ts';
import type { AccionesVinculadas } from '../../contrato/plan.ts';
import {
  type AccionAutodiagnostico,
  ESTADOS_CON_RESPUESTAS,
  problemaTransicion,
  TRANSICIONES_AUTODIAGNOSTICO,
} from '../../core/autodiagnostico.ts';
import {
  brechas,
  type ContextoEntidad,
  type Cuestionario,
  codigoEnVigencia,
  itemsVisibles,
  puntuar,
  type Respuesta,
  recorrer,
  respuestasDeOtraVigencia,
  UMBRAL_BRECHA,
  validarRespuesta,
} from '../../core/cuestionario.ts';
import type { Db } from '../../db/client.ts';
import {
  autodiagnostico,
  cuestionario,
  entidad,
  evidencia,
  evidenciaAutodiagnostico,
  responsablePolitica,
  respuestaAutodiagnostico,
  seguimiento,
  usuario,
} from '../../db/schema.ts';
import { conflicto, invalido, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { problemaPoliticaDeEntidad } from '../catalogo/catalogo.repository.ts';
import { accionesVinculadas } from '../plan/origenes.service.ts';
import { cuestionarioDeEntidad, estructuraDe } from './cuestionarios.service.ts';

type Resumen = z.infer<typeof AutodiagnosticoResumenSchema>;
type Resultado = z.infer<typeof ResultadoAutodiagnosticoSchema>;

export async function contextoDe(db: Db, entidadId: string): Promise<ContextoEntidad> {
  const [e] = await db
    .select({ orden: entidad.orden, tipoFormulario: entidad.tipoFormulario })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  if (!e) throw noEncontrado('la entidad');
  return e;
}

/** The entity's autodiagnósticos (of a vigencia, or all) with their questionnaires and responsibles. */
async function leer(db: Db, entidadId: string, filtro: { id?: string; vigencia?: number }) {
  return db
    .select({
      a: autodiagnostico,
      c: cuestionario,
      responsableId: usuario.id,
      responsableNombre: usuario.nombre,
    })
    .from(autodiagnostico)
    .innerJoin(cuestionario, eq(cuestionario.id, autodiagnostico.cuestionarioId))
    .leftJoin(
      responsablePolitica,
      and(
        eq(responsablePolitica.entidadId, autodiagnostico.entidadId),
        eq(responsablePolitica.vigencia, autodiagnostico.vigencia),
        eq(responsablePolitica.politica, autodiagnostico.politica),
      ),
    )
    .leftJoin(usuario, eq(usuario.id, responsablePolitica.usuarioId))
    .where(
      and(
        eq(autodiagnostico.entidadId, entidadId),
        filtro.id === undefined ? undefined : eq(autodiagnostico.id, filtro.id),
        filtro.vigencia === undefined ? undefined : eq(autodiagnostico.vigencia, filtro.vigencia),
      ),
    )
    .orderBy(asc(autodiagnostico.vigencia), asc(cuestionario.nombre));
}

export async function respuestasDe(db: Db, ids: string[]) {
  const porId = new Map<string, Map<string, { respuesta: Respuesta | null; observacion: string | null }>>(
    ids.map((id) => [id, new Map()]),
  );
  if (ids.length === 0) return porId;
  const filas = await db
    .select()
    .from(respuestaAutodiagnostico)
    .where(inArray(respuestaAutodiagnostico.autodiagnosticoId, ids));
  for (const f of filas)
    porId.get(f.autodiagnosticoId)!.set(f.item, { respuesta: f.respuesta, observacion: f.observacion });
  return porId;
}

export interface EvidenciaEnlazada {
  id: string;
  nombre: string;
  url: string | null;
}

/** The evidence linked to each item of some autodiagnósticos: id → item → evidence. */
export async function evidenciasDe(db: Db, ids: string[]) {
  const porId = new Map<string, Map<string, EvidenciaEnlazada[]>>(ids.map((id) => [id, new Map()]));
  if (ids.length === 0) return porId;
  const filas = await db
    .select({
      autodiagnosticoId: evidenciaAutodiagnostico.autodiagnosticoId,
      item: evidenciaAutodiagnostico.item,
      id: evidencia.id,
      nombre: evidencia.nombre,
      url: evidencia.url,
    })
    .from(evidenciaAutodiagnostico)
    .innerJoin(evidencia, eq(evidencia.id, evidenciaAutodiagnostico.evidenciaId))
    .where(inArray(evidenciaAutodiagnostico.autodiagnosticoId, ids))
    .orderBy(asc(evidenciaAutodiagnostico.creadoEn));
  for (const { autodiagnosticoId, item, ...e } of filas) {
    const m = porId.get(autodiagnosticoId)!;
    m.set(item, [...(m.get(item) ?? []), e]);
  }
  return porId;
}

export const soloRespuestas = (m: Map<string, { respuesta: Respuesta | null }>) =>
  new Map([...m].flatMap(([k, v]) => (v.respuesta ? [[k, v.respuesta] as const] : [])));

function resumen(fila: Awaited<ReturnType<typeof leer>>[number], resultado: Resultado): Resumen {
  return {
    id: fila.a.id,
    cuestionarioId: fila.c.id,
    codigo: fila.c.codigo,
    nombre: fila.c.nombre,
    vigencia: fila.a.vigencia,
    politica: fila.a.politica,
    estado: fila.a.estado,
    observaciones: fila.a.observaciones,
    responsable: fila.responsableId ? { id: fila.responsableId, nombre: fila.responsableNombre! } : null,
    resultado,
  };
}

export async function listarAutodiagnosticos(
  db: Db,
  entidadId: string,
  vigencia?: number,
): Promise<Resumen[]> {
  const [entidadCtx, filas] = await Promise.all([
    contextoDe(db, entidadId),
    leer(db, entidadId, { vigencia }),
  ]);
  const respuestas = await respuestasDe(
    db,
    filas.map((f) => f.a.id),
  );
  return filas.map((f) =>
    resumen(
      f,
      puntuar(estructuraDe(f.c) as Cuestionario, soloRespuestas(respuestas.get(f.a.id)!), {
        entidad: entidadCtx,
      }),
    ),
  );
}

/**
 * Assigns a questionnaire of a policy to the entity for its vigencia: the platform's or the entity's own,
 * instrumento 'autodiagnostico', of a policy that applies to the entity. Twice is a 409.
 */
export async function asignarAutodiagnostico(
  db: Db,
  actor: Actor,
  entidadId: string,
  cuestionarioId: string,
): Promise<Resumen> {
  const entidadCtx = await contextoDe(db, entidadId);
  const c = await cuestionarioDeEntidad(db, entidadId, cuestionarioId);
  if (c.instrumento !== 'autodiagnostico' || !c.politica)
    throw invalido('cuestionarioId', 'el cuestionario no es un autodiagnóstico de una política');
  const problema = await problemaPoliticaDeEntidad(db, entidadId, c.vigencia, c.politica);
  if (problema) throw invalido('cuestionarioId', `la política «${c.politica}» ${problema}`);
  const id = await db.transaction(async (tx) => {
    const [fila] = await tx
      .insert(autodiagnostico)
      .values({
        entidadId,
        cuestionarioId,
        vigencia: c.vigencia,
        politica: c.politica!,
        creadoPor: actor.usuarioId,
      })
      .onConflictDoNothing()
      .returning({ id: autodiagnostico.id });
    if (!fila) throw conflicto(`El autodiagnóstico «${c.nombre}» ya está asignado a la entidad.`);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'autodiagnostico',
      recursoId: fila.id,
      despues: { cuestionario: c.codigo, vigencia: c.vigencia, politica: c.politica },
    });
    return fila.id;
  });
  const [f] = await leer(db, entidadId, { id });
  return resumen(f!, puntuar(estructuraDe(c) as Cuestionario, new Map(), { entidad: entidadCtx }));
}

/**
 * Holds the autodiagnóstico's row until commit while its answers change: a send at the same time waits, and
 * a change after it is refused (409).
 */
async function exigirAbierto(tx: Db, id: string) {
  const [abierto] = await tx
    .update(autodiagnostico)
    .set({ estado: sql`${autodiagnostico.estado}` })
    .where(and(eq(autodiagnostico.id, id), inArray(autodiagnostico.estado, [...ESTADOS_CON_RESPUESTAS])))
    .returning({ id: autodiagnostico.id });
  if (!abierto)
    throw conflicto(
      'El autodiagnóstico ya fue enviado a planeación: sus respuestas no cambian mientras lo revisa.',
    );
}

/** Whether the person is the policy's responsible in that vigencia (the only one who answers). */
async function esResponsable(db: Db, usuarioId: string, a: typeof autodiagnostico.$inferSelect) {
  const [r] = await db
    .select({ usuarioId: responsablePolitica.usuarioId })
    .from(responsablePolitica)
    .where(
      and(
        eq(responsablePolitica.entidadId, a.entidadId),
        eq(responsablePolitica.vigencia, a.vigencia),
        eq(responsablePolitica.politica, a.politica),
      ),
    );
  return r?.usuarioId === usuarioId;
}

export async function cargar(db: Db, entidadId: string, id: string) {
  const [f] = await leer(db, entidadId, { id });
  if (!f) throw noEncontrado('el autodiagnóstico');
  return f;
}

export async function verAutodiagnostico(
  db: Db,
  usuarioSesion: UsuarioSesion,
  entidadId: string,
  id: string,
  umbral = UMBRAL_BRECHA,
): Promise<z.infer<typeof AutodiagnosticoSchema>> {
  const [f, entidadCtx] = await Promise.all([cargar(db, entidadId, id), contextoDe(db, entidadId)]);
  const [todas, todasEvidencias] = await Promise.all([respuestasDe(db, [id]), evidenciasDe(db, [id])]);
  const respuestas = todas.get(id)!;
  const evidencias = todasEvidencias.get(id)!;
  const estructura = estructuraDe(f.c) as Cuestionario;
  const soloR = soloRespuestas(respuestas);
  const opciones = { entidad: entidadCtx, conEvidencia: new Set(evidencias.keys()) };
  const [acciones, anteriores] = await Promise.all([
    accionesVinculadas(db, { autodiagnosticoId: id }),
    anterioresDe(db, f.a, estructura, entidadCtx),
  ]);
  const sinAcciones = (): AccionesVinculadas => ({ actividades: [], propuestas: [] });
  return {
    autodiagnostico: resumen(f, puntuar(estructura, soloR, opciones)),
    cuestionario: estructuraDe(f.c),
    respuestas: Object.fromEntries(respuestas),
    evidencias: Object.fromEntries(evidencias),
    visibles: [...itemsVisibles(estructura, soloR, entidadCtx)],
    puedeResponder: await esResponsable(db, usuarioSesion.id, f.a),
    brechas: brechas(estructura, soloR, umbral, entidadCtx).map((b) => ({
      ...b,
      ...(acciones.get(b.item) ?? sinAcciones()),
    })),
    accionesMejora: Object.fromEntries(acciones),
    anteriores,
  };
}

/**
 * The autodiagnósticos of the same policy in earlier vigencias, scored on this questionnaire's sections: their
 * answers (and linked evidence) are placed on this year's items through the code map (core/cuestionario.ts),
 * so section by section and the total compare like with like. Latest first.
 */
async function anterioresDe(
  db: Db,
  a: typeof autodiagnostico.$inferSelect,
  estructura: Cuestionario,
  entidadCtx: ContextoEntidad,
): Promise<z.infer<typeof AnteriorAutodiagnosticoSchema>[]> {
  const previos = await db
    .select({ a: autodiagnostico, codigo: cuestionario.codigo, nombre: cuestionario.nombre })
    .from(autodiagnostico)
    .innerJoin(cuestionario, eq(cuestionario.id, autodiagnostico.cuestionarioId))
    .where(
      and(
        eq(autodiagnostico.entidadId, a.entidadId),
        eq(autodiagnostico.politica, a.politica),
        lt(autodiagnostico.vigencia, a.vigencia),
      ),
    )
    .orderBy(desc(autodiagnostico.vigencia), asc(cuestionario.nombre));
  if (!previos.length) return [];
  const ids = previos.map((p) => p.a.id);
  const [respuestas, evidencias] = await Promise.all([respuestasDe(db, ids), evidenciasDe(db, ids)]);
  const items = recorrer(estructura).map((x) => x.item);
  return previos.map((p) => {
    const suyas = respuestasDeOtraVigencia(estructura, p.a.vigencia, soloRespuestas(respuestas.get(p.a.id)!));
    const conEvidencia = evidencias.get(p.a.id)!;
    return {
      id: p.a.id,
      vigencia: p.a.vigencia,
      codigo: p.codigo,
      nombre: p.nombre,
      estado: p.a.estado,
      resultado: puntuar(estructura, suyas, {
        entidad: entidadCtx,
        conEvidencia: new Set(
          items.filter((i) => conEvidencia.has(codigoEnVigencia(i, p.a.vigencia))).map((i) => i.codigo),
        ),
      }),
    };
  });
}

/**
 * Saves one item's answer and observation (a null answer and no observation leave the item blank) and
 * returns the new score. Only the policy's responsible answers; the answer is checked against its item.
 */
export async function guardarRespuesta(
  db: Db,
  actor: Actor,
  usuarioSesion: UsuarioSesion,
  entidadId: string,
  id: string,
  codigo: string,
  cuerpo: z.infer<typeof GuardarRespuestaSchema>,
): Promise<Resultado> {
  const [f, entidadCtx] = await Promise.all([cargar(db, entidadId, id), contextoDe(db, entidadId)]);
  const estructura = estructuraDe(f.c) as Cuestionario;
  const item = recorrer(estructura).find((x) => x.item.codigo === codigo)?.item;
  if (!item) throw noEncontrado(`el ítem «${codigo}» en el cuestionario`);
  if (!(await esResponsable(db, usuarioSesion.id, f.a)))
    throw prohibido(
      'Solo la persona responsable de la política en esta vigencia responde su autodiagnóstico.',
    );
  let respuesta: Respuesta | null = null;
  if (cuerpo.respuesta) {
    const v = validarRespuesta(item, cuerpo.respuesta);
    if (!v.ok) throw invalido('respuesta', v.problema);
    respuesta = v.respuesta;
  }
  const observacion = cuerpo.observacion || null;
  await db.transaction(async (tx) => {
    await exigirAbierto(tx, id);
    const clave = and(
      eq(respuestaAutodiagnostico.autodiagnosticoId, id),
      eq(respuestaAutodiagnostico.item, codigo),
    );
    const [antes] = await tx.select().from(respuestaAutodiagnostico).where(clave);
    if (respuesta === null && observacion === null) await tx.delete(respuestaAutodiagnostico).where(clave);
    else
      await tx
        .insert(respuestaAutodiagnostico)
        .values({
          autodiagnosticoId: id,
          item: codigo,
          respuesta,
          observacion,
          actualizadoPor: actor.usuarioId,
        })
        .onConflictDoUpdate({
          target: [respuestaAutodiagnostico.autodiagnosticoId, respuestaAutodiagnostico.item],
          set: { respuesta, observacion, actualizadoPor: actor.usuarioId, actualizadoEn: new Date() },
        });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'responder_item',
      recurso: 'autodiagnostico',
      recursoId: `${id}:${codigo}`,
      antes: antes ? { respuesta: antes.respuesta, observacion: antes.observacion } : null,
      despues: { respuesta, observacion },
    });
  });
  return puntuacion(db, id, estructura, entidadCtx);
}

async function puntuacion(db: Db, id: string, estructura: Cuestionario, entidad: ContextoEntidad) {
  const [respuestas, evidencias] = await Promise.all([respuestasDe(db, [id]), evidenciasDe(db, [id])]);
  return puntuar(estructura, soloRespuestas(respuestas.get(id)!), {
    entidad,
    conEvidencia: new Set(evidencias.get(id)!.keys()),
  });
}

/**
 * Moves the autodiagnóstico along its review (core/autodiagnostico.ts): the responsible sends it; planeación
 * marks it reviewed or returns it with observations. A conditional update: two at once, one wins, the other 409.
 */
export async function cambiarEstado(
  db: Db,
  actor: Actor,
  usuarioSesion: UsuarioSesion,
  entidadId: string,
  id: string,
  accion: AccionAutodiagnostico,
  observaciones?: string | null,
): Promise<Resumen> {
  const f = await cargar(db, entidadId, id);
  const t = TRANSICIONES_AUTODIAGNOSTICO[accion];
  if (accion === 'enviar' && !(await esResponsable(db, usuarioSesion.id, f.a)))
    throw prohibido('Solo la persona responsable de la política en esta vigencia envía su autodiagnóstico.');
  if (t.observaciones && !observaciones?.trim())
    throw invalido('observaciones', 'escriba qué debe corregir el responsable');
  const ahora = new Date();
  await db.transaction(async (tx) => {
    const [cambiado] = await tx
      .update(autodiagnostico)
      .set({
        estado: t.hacia,
        ...(accion === 'enviar' ? { enviadoEn: ahora } : { revisadoPor: actor.usuarioId, revisadoEn: ahora }),
        ...(accion === 'devolver' ? { observaciones: observaciones!.trim() } : {}),
      })
      .where(and(eq(autodiagnostico.id, id), inArray(autodiagnostico.estado, [...t.desde])))
      .returning({ id: autodiagnostico.id });
    if (!cambiado) {
      const [actual] = await tx
        .select({ estado: autodiagnostico.estado })
        .from(autodiagnostico)
        .where(eq(autodiagnostico.id, id));
      throw conflicto(
        problemaTransicion(accion, actual?.estado ?? f.a.estado) ??
          'El autodiagnóstico cambió mientras tanto.',
      );
    }
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion,
      recurso: 'autodiagnostico',
      recursoId: id,
      antes: { estado: f.a.estado },
      despues: { estado: t.hacia, ...(accion === 'devolver' ? { observaciones } : {}) },
    });
  });
  return (await listarUno(db, entidadId, id))!;
}

async function listarUno(db: Db, entidadId: string, id: string) {
  const [f, entidadCtx] = await Promise.all([cargar(db, entidadId, id), contextoDe(db, entidadId)]);
  return resumen(f, await puntuacion(db, id, estructuraDe(f.c) as Cuestionario, entidadCtx));
}

/** For the demo: answers written as the policy's responsible would (each checked against its item). */
export async function sembrarRespuestas(
  db: Db,
  actor: Actor,
  entidadId: string,
  id: string,
  respuestas: Record<string, { respuesta: Respuesta; observacion?: string }>,
) {
  const f = await cargar(db, entidadId, id);
  const items = new Map(recorrer(estructuraDe(f.c) as Cuestionario).map(({ item }) => [item.codigo, item]));
  const filas = Object.entries(respuestas).map(([codigo, r]) => {
    const v = validarRespuesta(items.get(codigo)!, r.respuesta);
    if (!v.ok) throw new Error(`${codigo}: ${v.problema}`);
    return {
      autodiagnosticoId: id,
      item: codigo,
      respuesta: v.respuesta,
      observacion: r.observacion ?? null,
      actualizadoPor: actor.usuarioId,
    };
  });
  await db.transaction(async (tx) => {
    await tx.insert(respuestaAutodiagnostico).values(filas);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'responder_item',
      recurso: 'autodiagnostico',
      recursoId: id,
      despues: { items: filas.length },
    });
  });
}

const MAXIMO_EVIDENCIAS_POR_ITEM = 20;

/**
 * Links evidence already uploaded in the entity's seguimiento to an item's answer (the same file; removing it
 * from its report unlinks it). Only the policy's responsible, while the autodiagnóstico is open.
 */
export async function vincularEvidencia(
  db: Db,
  actor: Actor,
  usuarioSesion: UsuarioSesion,
  entidadId: string,
  id: string,
  codigo: string,
  evidenciaId: string,
): Promise<EvidenciaEnlazada[]> {
  const f = await cargar(db, entidadId, id);
  if (!recorrer(estructuraDe(f.c) as Cuestionario).some((x) => x.item.codigo === codigo))
    throw noEncontrado(`el ítem «${codigo}» en el cuestionario`);
  if (!(await esResponsable(db, usuarioSesion.id, f.a)))
    throw prohibido(
      'Solo la persona responsable de la política en esta vigencia responde su autodiagnóstico.',
    );
  const [e] = await db
    .select({ id: evidencia.id })
    .from(evidencia)
    .innerJoin(seguimiento, eq(seguimiento.id, evidencia.seguimientoId))
    .where(and(eq(evidencia.id, evidenciaId), eq(seguimiento.entidadId, entidadId)));
  if (!e) throw noEncontrado('la evidencia en esta entidad');
  await db.transaction(async (tx) => {
    await exigirAbierto(tx, id);
    const ya = await tx
      .select({ evidenciaId: evidenciaAutodiagnostico.evidenciaId })
      .from(evidenciaAutodiagnostico)
      .where(
        and(eq(evidenciaAutodiagnostico.autodiagnosticoId, id), eq(evidenciaAutodiagnostico.item, codigo)),
      );
    if (ya.some((x) => x.evidenciaId === evidenciaId)) return;
    if (ya.length >= MAXIMO_EVIDENCIAS_POR_ITEM)
      throw conflicto(
        `El ítem ya tiene ${MAXIMO_EVIDENCIAS_POR_ITEM} evidencias enlazadas: quite alguna antes.`,
      );
    await tx
      .insert(evidenciaAutodiagnostico)
      .values({ autodiagnosticoId: id, item: codigo, evidenciaId, creadoPor: actor.usuarioId })
      .onConflictDoNothing();
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'agregar_evidencia',
      recurso: 'autodiagnostico',
      recursoId: `${id}:${codigo}`,
      despues: { evidenciaId },
    });
  });
  return (await evidenciasDe(db, [id])).get(id)!.get(codigo) ?? [];
}

export async function desvincularEvidencia(
  db: Db,
  actor: Actor,
  usuarioSesion: UsuarioSesion,
  entidadId: string,
  id: string,
  codigo: string,
  evidenciaId: string,
) {
  const f = await cargar(db, entidadId, id);
  if (!(await esResponsable(db, usuarioSesion.id, f.a)))
    throw prohibido(
      'Solo la persona responsable de la política en esta vigencia responde su autodiagnóstico.',
    );
  await db.transaction(async (tx) => {
    await exigirAbierto(tx, id);
    const quitadas = await tx
      .delete(evidenciaAutodiagnostico)
      .where(
        and(
          eq(evidenciaAutodiagnostico.autodiagnosticoId, id),
          eq(evidenciaAutodiagnostico.item, codigo),
          eq(evidenciaAutodiagnostico.evidenciaId, evidenciaId),
        ),
      )
      .returning({ id: evidenciaAutodiagnostico.evidenciaId });
    if (quitadas.length === 0) throw noEncontrado('esa evidencia enlazada al ítem');
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'quitar_evidencia',
      recurso: 'autodiagnostico',
      recursoId: `${id}:${codigo}`,
      antes: { evidenciaId },
    });
  });
}
