// FURAG rehearsal (simulacro): planeación opens one on the vigencia's question bank (a questionnaire of
// instrumento 'furag', imported in the documented format), assigns sections to its people; each answers what is
// theirs with evidence links, the jefe de control interno answers the control-interno form only; everyone in the
// entity reads the progress (core/simulacro.ts) and downloads every answer in .xlsx.
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  GuardarRespuestaSimulacroSchema,
  SimulacroResumenSchema,
  SimulacroSchema,
} from '../../contrato/simulacros.ts';
import {
  type Cuestionario,
  codigoEnVigencia,
  itemsVisibles,
  type Respuesta,
  recorrer,
  seccionesDe,
  validarRespuesta,
} from '../../core/cuestionario.ts';
import {
  avanceSimulacro,
  claveResponde,
  nombreTipo,
  problemaEnlace,
  puedeResponder,
  quienResponde,
  textoRespuesta,
} from '../../core/simulacro.ts';
import type { Db } from '../../db/client.ts';
import {
  asignacionSimulacro,
  cuestionario,
  evidencia,
  respuestaSimulacro,
  rolUsuario,
  seguimiento,
  simulacroFurag,
  usuario,
} from '../../db/schema.ts';
import { conflicto, ErrorApi, invalido, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { aBuffer, encabezar, nuevoLibro } from '../excel/plan-xlsx.ts';
import { contextoDe } from './autodiagnosticos.service.ts';
import { cuestionarioDeEntidad, estructuraDe } from './cuestionarios.service.ts';
import { evidenciasDeEntidad } from './evidencias-elegibles.ts';

type Resumen = z.infer<typeof SimulacroResumenSchema>;
type Evidencia = { nombre: string; url: string; evidenciaId?: string };
type FilaRespuesta = { respuesta: Respuesta | null; observacion: string | null; evidencias: Evidencia[] };

async function cargar(db: Db, entidadId: string, id: string) {
  const [f] = await db
    .select({ s: simulacroFurag, c: cuestionario })
    .from(simulacroFurag)
    .innerJoin(cuestionario, eq(cuestionario.id, simulacroFurag.cuestionarioId))
    .where(and(eq(simulacroFurag.id, id), eq(simulacroFurag.entidadId, entidadId)));
  if (!f) throw noEncontrado('el simulacro en esta entidad');
  return f;
}

async function respuestasDe(db: Db, ids: string[]) {
  const porId = new Map<string, Map<string, FilaRespuesta>>(ids.map((id) => [id, new Map()]));
  if (!ids.length) return porId;
  const filas = await db
    .select()
    .from(respuestaSimulacro)
    .where(inArray(respuestaSimulacro.simulacroId, ids));
  for (const f of filas)
    porId.get(f.simulacroId)!.set(f.item, {
      respuesta: f.respuesta,
      observacion: f.observacion,
      evidencias: f.evidencias,
    });
  return porId;
}

async function asignacionesDe(db: Db, id: string) {
  return db
    .select({ seccion: asignacionSimulacro.seccion, id: usuario.id, nombre: usuario.nombre })
    .from(asignacionSimulacro)
    .innerJoin(usuario, eq(usuario.id, asignacionSimulacro.usuarioId))
    .where(eq(asignacionSimulacro.simulacroId, id))
    .orderBy(asc(asignacionSimulacro.seccion));
}

const soloRespuestas = (m: ReadonlyMap<string, FilaRespuesta>) =>
  new Map([...m].flatMap(([k, v]) => (v.respuesta ? [[k, v.respuesta] as const] : [])));
const conEvidencia = (m: ReadonlyMap<string, FilaRespuesta>) =>
  new Set([...m].flatMap(([k, v]) => (v.evidencias.length ? [k] : [])));

/** Everything one simulacro's progress needs, read in four queries. */
async function estado(db: Db, entidadId: string, id: string) {
  const [f, entidadCtx, respuestas, asignaciones] = await Promise.all([
    cargar(db, entidadId, id),
    contextoDe(db, entidadId),
    respuestasDe(db, [id]),
    asignacionesDe(db, id),
  ]);
  const estructura = estructuraDe(f.c) as Cuestionario;
  const propias = respuestas.get(id)!;
  const responden = quienResponde(
    estructura,
    f.s.seccionControlInterno,
    new Map(asignaciones.map((a) => [a.seccion, a.id])),
  );
  const avance = avanceSimulacro(
    estructura,
    soloRespuestas(propias),
    conEvidencia(propias),
    responden,
    entidadCtx,
  );
  return { f, entidadCtx, estructura, propias, asignaciones, responden, avance };
}

const resumen = (f: Awaited<ReturnType<typeof cargar>>, total: Resumen['avance']): Resumen => ({
  id: f.s.id,
  cuestionarioId: f.c.id,
  codigo: f.c.codigo,
  nombre: f.c.nombre,
  vigencia: f.s.vigencia,
  seccionControlInterno: f.s.seccionControlInterno,
  avance: total,
});

export async function listarSimulacros(db: Db, entidadId: string): Promise<Resumen[]> {
  const entidadCtx = await contextoDe(db, entidadId);
  const filas = await db
    .select({ s: simulacroFurag, c: cuestionario })
    .from(simulacroFurag)
    .innerJoin(cuestionario, eq(cuestionario.id, simulacroFurag.cuestionarioId))
    .where(eq(simulacroFurag.entidadId, entidadId))
    .orderBy(desc(simulacroFurag.vigencia), asc(simulacroFurag.creadoEn));
  const ids = filas.map((f) => f.s.id);
  const [respuestas, asignaciones] = await Promise.all([
    respuestasDe(db, ids),
    ids.length
      ? db.select().from(asignacionSimulacro).where(inArray(asignacionSimulacro.simulacroId, ids))
      : Promise.resolve([]),
  ]);
  return filas.map((f) => {
    const estructura = estructuraDe(f.c) as Cuestionario;
    const propias = respuestas.get(f.s.id)!;
    const responden = quienResponde(
      estructura,
      f.s.seccionControlInterno,
      new Map(asignaciones.filter((a) => a.simulacroId === f.s.id).map((a) => [a.seccion, a.usuarioId])),
    );
    const avance = avanceSimulacro(
      estructura,
      soloRespuestas(propias),
      conEvidencia(propias),
      responden,
      entidadCtx,
    );
    return resumen(f, avance.total);
  });
}

/**
 * Planeación opens the rehearsal of a bank (the platform's or the entity's, instrumento 'furag'), naming the
 * top section that is the control-interno form, if the bank has one. Twice is a 409.
 */
export async function crearSimulacro(
  db: Db,
  actor: Actor,
  entidadId: string,
  cuestionarioId: string,
  seccionControlInterno: string | null,
): Promise<Resumen> {
  await contextoDe(db, entidadId);
  const c = await cuestionarioDeEntidad(db, entidadId, cuestionarioId);
  if (c.instrumento !== 'furag')
    throw invalido(
      'cuestionarioId',
      'el cuestionario no es un banco de preguntas FURAG (instrumento «furag»)',
    );
  if (
    seccionControlInterno &&
    !(estructuraDe(c) as Cuestionario).secciones.some((s) => s.codigo === seccionControlInterno)
  )
    throw invalido(
      'seccionControlInterno',
      `«${seccionControlInterno}» no es una sección de primer nivel (módulo) del cuestionario`,
    );
  const id = await db.transaction(async (tx) => {
    const [fila] = await tx
      .insert(simulacroFurag)
      .values({
        entidadId,
        cuestionarioId,
        vigencia: c.vigencia,
        seccionControlInterno: seccionControlInterno ?? null,
        creadoPor: actor.usuarioId,
      })
      .onConflictDoNothing()
      .returning({ id: simulacroFurag.id });
    if (!fila) throw conflicto(`La entidad ya tiene un simulacro con «${c.nombre}».`);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'crear',
      recurso: 'simulacro',
      recursoId: fila.id,
      despues: { cuestionario: c.codigo, vigencia: c.vigencia, seccionControlInterno },
    });
    return fila.id;
  });
  const e = await estado(db, entidadId, id);
  return resumen(e.f, e.avance.total);
}

async function rolesEn(db: Db, usuarioId: string, entidadId: string) {
  const filas = await db
    .select({ rol: rolUsuario.rol })
    .from(rolUsuario)
    .where(and(eq(rolUsuario.usuarioId, usuarioId), eq(rolUsuario.entidadId, entidadId)));
  return filas.map((f) => f.rol);
}

/** Holds the simulacro's row: assignments change one at a time, and an answer sees settled assignments. */
async function sostener(tx: Db, id: string, modo: 'update' | 'share') {
  await tx.select({ id: simulacroFurag.id }).from(simulacroFurag).where(eq(simulacroFurag.id, id)).for(modo);
}

/**
 * Assigns a section (a module or any part of it) to a person of planeación of the entity; null removes it.
 * The control-interno form is never assigned: control interno answers it.
 */
export async function asignarSeccion(
  db: Db,
  actor: Actor,
  entidadId: string,
  id: string,
  seccion: string,
  usuarioId: string | null,
) {
  const f = await cargar(db, entidadId, id);
  const estructura = estructuraDe(f.c) as Cuestionario;
  const enArbol = (raices: Cuestionario['secciones']) =>
    seccionesDe({ secciones: raices }).some((x) => x.seccion.codigo === seccion);
  if (!enArbol(estructura.secciones)) throw noEncontrado(`la sección «${seccion}» en el cuestionario`);
  const ci = estructura.secciones.find((x) => x.codigo === f.s.seccionControlInterno);
  const deControlInterno = ci && enArbol([ci]);
  if (deControlInterno)
    throw invalido('seccion', 'el formulario de control interno lo responde control interno: no se asigna');
  if (usuarioId && !(await rolesEn(db, usuarioId, entidadId)).includes('planeacion'))
    throw invalido('usuarioId', 'asigne a una persona con el rol de planeación en esta entidad');
  await db.transaction(async (tx) => {
    await sostener(tx, id, 'update');
    const clave = and(eq(asignacionSimulacro.simulacroId, id), eq(asignacionSimulacro.seccion, seccion));
    const [antes] = await tx.select().from(asignacionSimulacro).where(clave);
    if (usuarioId === null) await tx.delete(asignacionSimulacro).where(clave);
    else
      await tx
        .insert(asignacionSimulacro)
        .values({ simulacroId: id, seccion, usuarioId, asignadoPor: actor.usuarioId })
        .onConflictDoUpdate({
          target: [asignacionSimulacro.simulacroId, asignacionSimulacro.seccion],
          set: { usuarioId, asignadoPor: actor.usuarioId },
        });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'asignar_responsable',
      recurso: 'simulacro',
      recursoId: `${id}:${seccion}`,
      antes: antes ? { usuarioId: antes.usuarioId } : null,
      despues: { seccion, usuarioId },
    });
  });
  return (await asignacionesDe(db, id)).map((a) => ({
    seccion: a.seccion,
    usuario: { id: a.id, nombre: a.nombre },
  }));
}

/** Where an uploaded evidence is read: the entity's own download route (access checked there, as everywhere). */
export const rutaEvidencia = (entidadId: string, evidenciaId: string) =>
  `/api/entidades/${entidadId}/evidencias/${evidenciaId}`;

/**
 * The answer's evidence as stored: seguimiento's by id (checked to be the entity's, its name and route read
 * from it) and typed links checked as web addresses; repeats dropped. Every problem named by its field.
 */
async function resolverEvidencias(
  db: Db,
  entidadId: string,
  entrada: z.infer<typeof GuardarRespuestaSimulacroSchema>['evidencias'] & {},
): Promise<Evidencia[]> {
  const ids = [...new Set(entrada.flatMap((e) => (e.evidenciaId ? [e.evidenciaId] : [])))];
  const subidas = ids.length
    ? await db
        .select({ id: evidencia.id, nombre: evidencia.nombre })
        .from(evidencia)
        .innerJoin(seguimiento, eq(seguimiento.id, evidencia.seguimientoId))
        .where(and(eq(seguimiento.entidadId, entidadId), inArray(evidencia.id, ids)))
    : [];
  const nombrePorId = new Map(subidas.map((e) => [e.id, e.nombre]));
  const malos: { campo: string; mensaje: string }[] = [];
  const fuera = new Map<string, Evidencia>();
  entrada.forEach((e, i) => {
    if (e.evidenciaId) {
      const nombre = nombrePorId.get(e.evidenciaId);
      if (nombre === undefined)
        malos.push({
          campo: `evidencias.${i}.evidenciaId`,
          mensaje: 'la evidencia no está en el seguimiento de esta entidad',
        });
      else {
        const url = rutaEvidencia(entidadId, e.evidenciaId);
        fuera.set(url, { nombre, url, evidenciaId: e.evidenciaId });
      }
      return;
    }
    const p = problemaEnlace(e.url!);
    if (p) malos.push({ campo: `evidencias.${i}.url`, mensaje: p });
    else if (!fuera.has(e.url!)) fuera.set(e.url!, { nombre: e.nombre!, url: e.url! });
  });
  if (malos.length)
    throw new ErrorApi(400, `Revise las evidencias: ${malos.map((m) => m.mensaje).join('; ')}.`, malos);
  return [...fuera.values()];
}

/**
 * Saves one answer with its observation and evidence links. Only its answerer: the person assigned to its
 * section, or control interno for its form (and control interno nothing else). Checked inside the transaction
 * with the simulacro held, so an assignment changing at the same time is either before or after.
 */
export async function guardarRespuestaSimulacro(
  db: Db,
  actor: Actor,
  usuarioSesion: UsuarioSesion,
  entidadId: string,
  id: string,
  codigo: string,
  cuerpo: z.infer<typeof GuardarRespuestaSimulacroSchema>,
) {
  const f = await cargar(db, entidadId, id);
  const estructura = estructuraDe(f.c) as Cuestionario;
  const item = recorrer(estructura).find((x) => x.item.codigo === codigo)?.item;
  if (!item) throw noEncontrado(`la pregunta «${codigo}» en el cuestionario`);
  let respuesta: Respuesta | null = null;
  if (cuerpo.respuesta) {
    const v = validarRespuesta(item, cuerpo.respuesta);
    if (!v.ok) throw invalido('respuesta', v.problema);
    respuesta = v.respuesta;
  }
  const evidencias = await resolverEvidencias(db, entidadId, cuerpo.evidencias ?? []);
  const observacion = cuerpo.observacion || null;
  const esControlInterno = (usuarioSesion.roles.get(entidadId) ?? []).includes('control_interno');
  await db.transaction(async (tx) => {
    await sostener(tx, id, 'share');
    const asignaciones = await tx
      .select({ seccion: asignacionSimulacro.seccion, usuarioId: asignacionSimulacro.usuarioId })
      .from(asignacionSimulacro)
      .where(eq(asignacionSimulacro.simulacroId, id));
    const responde = quienResponde(
      estructura,
      f.s.seccionControlInterno,
      new Map(asignaciones.map((a) => [a.seccion, a.usuarioId])),
    ).get(codigo);
    if (!puedeResponder(responde, { usuarioId: usuarioSesion.id, esControlInterno }))
      throw prohibido(
        responde?.tipo === 'control_interno'
          ? 'Esta pregunta es del formulario de control interno: la responde el jefe de control interno.'
          : esControlInterno && !(usuarioSesion.roles.get(entidadId) ?? []).includes('planeacion')
            ? 'Control interno responde solo el formulario de control interno del simulacro.'
            : 'Solo la persona a quien planeación asignó la sección de esta pregunta la responde.',
      );
    const clave = and(eq(respuestaSimulacro.simulacroId, id), eq(respuestaSimulacro.item, codigo));
    const [antes] = await tx.select().from(respuestaSimulacro).where(clave);
    if (respuesta === null && observacion === null && !evidencias.length)
      await tx.delete(respuestaSimulacro).where(clave);
    else
      await tx
        .insert(respuestaSimulacro)
        .values({
          simulacroId: id,
          item: codigo,
          respuesta,
          observacion,
          evidencias,
          actualizadoPor: actor.usuarioId,
        })
        .onConflictDoUpdate({
          target: [respuestaSimulacro.simulacroId, respuestaSimulacro.item],
          set: {
            respuesta,
            observacion,
            evidencias,
            actualizadoPor: actor.usuarioId,
            actualizadoEn: new Date(),
          },
        });
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'responder_item',
      recurso: 'simulacro',
      recursoId: `${id}:${codigo}`,
      antes: antes
        ? { respuesta: antes.respuesta, observacion: antes.observacion, evidencias: antes.evidencias }
        : null,
      despues: { respuesta, observacion, evidencias },
    });
  });
  return conNombres(db, (await estado(db, entidadId, id)).avance);
}

/** The progress by person with each person's name («Control interno», «Sin asignar» for the others). */
async function conNombres(db: Db, avance: ReturnType<typeof avanceSimulacro>) {
  const personas = await nombres(
    db,
    avance.personas.map((p) => p.clave).filter((c) => !(c in NOMBRE_CLAVE)),
  );
  return {
    ...avance,
    personas: avance.personas.map((p) => ({
      ...p,
      nombre: NOMBRE_CLAVE[p.clave] ?? personas.get(p.clave) ?? p.clave,
    })),
  };
}

/** The latest rehearsal of an earlier vigencia, its answers placed on this bank's questions by equivalent code. */
async function anteriorDe(db: Db, f: Awaited<ReturnType<typeof cargar>>, estructura: Cuestionario) {
  const [previo] = await db
    .select({ id: simulacroFurag.id, vigencia: simulacroFurag.vigencia })
    .from(simulacroFurag)
    .where(and(eq(simulacroFurag.entidadId, f.s.entidadId), lt(simulacroFurag.vigencia, f.s.vigencia)))
    .orderBy(desc(simulacroFurag.vigencia), desc(simulacroFurag.creadoEn))
    .limit(1);
  if (!previo) return null;
  const suyas = (await respuestasDe(db, [previo.id])).get(previo.id)!;
  const respuestas: Record<string, FilaRespuesta> = {};
  for (const { item } of recorrer(estructura)) {
    const r = suyas.get(codigoEnVigencia(item, previo.vigencia));
    if (r) respuestas[item.codigo] = r;
  }
  return { simulacroId: previo.id, vigencia: previo.vigencia, respuestas };
}

async function nombres(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const filas = await db
    .select({ id: usuario.id, nombre: usuario.nombre })
    .from(usuario)
    .where(inArray(usuario.id, ids));
  return new Map(filas.map((u) => [u.id, u.nombre]));
}

const NOMBRE_CLAVE: Record<string, string> = {
  control_interno: 'Control interno',
  sin_asignar: 'Sin asignar',
};

export async function verSimulacro(
  db: Db,
  usuarioSesion: UsuarioSesion,
  entidadId: string,
  id: string,
): Promise<z.infer<typeof SimulacroSchema>> {
  const e = await estado(db, entidadId, id);
  const anterior = await anteriorDe(db, e.f, e.estructura);
  const esControlInterno = (usuarioSesion.roles.get(entidadId) ?? []).includes('control_interno');
  return {
    simulacro: resumen(e.f, e.avance.total),
    cuestionario: estructuraDe(e.f.c),
    respuestas: Object.fromEntries(e.propias),
    anterior,
    asignaciones: e.asignaciones.map((a) => ({
      seccion: a.seccion,
      usuario: { id: a.id, nombre: a.nombre },
    })),
    responden: Object.fromEntries(e.responden),
    puedoResponder: [...e.responden]
      .filter(([, r]) => puedeResponder(r, { usuarioId: usuarioSesion.id, esControlInterno }))
      .map(([codigo]) => codigo),
    visibles: [...itemsVisibles(e.estructura, soloRespuestas(e.propias), e.entidadCtx)],
    avance: await conNombres(db, e.avance),
  };
}

/**
 * Every question with its answer in words, observation, evidence links, answerer and last vigencia's answer.
 * `origen` (https://mipg.entidad.gov.co) makes the routes of seguimiento's evidence whole links a reader opens.
 */
export async function exportarSimulacro(db: Db, entidadId: string, id: string, origen: string) {
  const e = await estado(db, entidadId, id);
  const anterior = await anteriorDe(db, e.f, e.estructura);
  const personas = await nombres(db, [
    ...new Set([...e.responden.values()].flatMap((r) => (r.tipo === 'persona' ? [r.usuarioId] : []))),
  ]);
  const visibles = itemsVisibles(e.estructura, soloRespuestas(e.propias), e.entidadCtx);
  const libro = await nuevoLibro();
  const hoja = libro.addWorksheet('Respuestas');
  encabezar(
    hoja,
    [
      'Módulo',
      'Sección',
      'Código',
      'Pregunta',
      'Tipo',
      'Se muestra',
      'Respuesta',
      'Observación',
      'Evidencias',
      'Responde',
      anterior ? `Respuesta ${anterior.vigencia}` : 'Respuesta vigencia anterior',
    ],
    [22, 22, 12, 60, 18, 10, 40, 40, 60, 24, 40],
  );
  for (const { item, ruta } of recorrer(e.estructura)) {
    const propia = e.propias.get(item.codigo);
    const r = e.responden.get(item.codigo)!;
    hoja.addRow([
      ruta[0]!.nombre,
      ruta.length > 1 ? ruta[ruta.length - 1]!.nombre : '',
      item.codigo,
      item.texto,
      nombreTipo(item),
      visibles.has(item.codigo) ? 'Sí' : 'No',
      textoRespuesta(item, propia?.respuesta ?? undefined),
      propia?.observacion ?? '',
      (propia?.evidencias ?? [])
        .map((x) => `${x.nombre}: ${x.url.startsWith('/') ? origen + x.url : x.url}`)
        .join('\n'),
      r.tipo === 'persona' ? (personas.get(r.usuarioId) ?? '') : NOMBRE_CLAVE[claveResponde(r)]!,
      textoRespuesta(item, anterior?.respuestas[item.codigo]?.respuesta ?? undefined),
    ]);
  }
  for (const c of [4, 7, 8, 9, 11]) hoja.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
  return { nombre: `simulacro-furag-${e.f.s.vigencia}.xlsx`, contenido: await aBuffer(libro) };
}

/** The evidence already uploaded in the entity's seguimiento that an answer can link, the vigencia's first. */
export async function evidenciasElegiblesSimulacro(db: Db, entidadId: string, id: string) {
  const f = await cargar(db, entidadId, id);
  return evidenciasDeEntidad(db, entidadId, f.s.vigencia, null);
}

/** For the demo: assignments and answers written as its people would (each answer checked against its item). */
export async function sembrarSimulacro(
  db: Db,
  actor: Actor,
  entidadId: string,
  id: string,
  asignaciones: Record<string, string>,
  respuestas: Record<string, FilaRespuesta & { usuarioId: string }>,
) {
  const f = await cargar(db, entidadId, id);
  const items = new Map(recorrer(estructuraDe(f.c) as Cuestionario).map(({ item }) => [item.codigo, item]));
  const filas = Object.entries(respuestas).map(([codigo, r]) => {
    const v = validarRespuesta(items.get(codigo)!, r.respuesta!);
    if (!v.ok) throw new Error(`${codigo}: ${v.problema}`);
    return {
      simulacroId: id,
      item: codigo,
      respuesta: v.respuesta,
      observacion: r.observacion,
      evidencias: r.evidencias,
      actualizadoPor: r.usuarioId,
    };
  });
  await db.transaction(async (tx) => {
    await tx.insert(asignacionSimulacro).values(
      Object.entries(asignaciones).map(([seccion, usuarioId]) => ({
        simulacroId: id,
        seccion,
        usuarioId,
        asignadoPor: actor.usuarioId,
      })),
    );
    await tx.insert(respuestaSimulacro).values(filas);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'responder_item',
      recurso: 'simulacro',
      recursoId: id,
      despues: { secciones: Object.keys(asignaciones), items: filas.length },
    });
  });
}
