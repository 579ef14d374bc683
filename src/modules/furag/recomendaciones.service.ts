// Función Pública's recommendations to an entity: loaded from the file that comes with its FURAG results,
// listed by policy and index, turned into plan activities (directly by planeación, or as proposals) and followed
// to the index's score of the next vigencia. A new file replaces the recommendations nobody used; one already
// turned into an activity or a proposal is kept with its link, always.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Recomendacion, Trazabilidad } from '../../contrato/furag-recomendaciones.ts';
import type { ActividadEntrada } from '../../contrato/plan.ts';
import {
  type CatalogoRecomendaciones,
  claveRecomendacion,
  leerRecomendaciones,
} from '../../core/furag-recomendaciones.ts';
import { cifrasSeguimiento, seguimientoCuenta } from '../../core/seguimiento.ts';
import type { FilaTabla, ProblemaFila } from '../../core/tabla-importacion.ts';
import type { Db } from '../../db/client.ts';
import {
  actividad,
  entidad,
  evidencia,
  furagRecomendacion,
  indiceFurag,
  politica,
  propuestaActividad,
  seguimiento,
} from '../../db/schema.ts';
import { sostenerTope } from '../../db/tope.ts';
import { conflicto, ErrorApi, invalidos, noEncontrado } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { accionesVinculadas, actividadDeOrigen } from '../plan/origenes.service.ts';
import { proponerActividad } from '../plan/propuestas.service.ts';
import { puntajeDeEntidad } from './furag.service.ts';

type Fila = typeof furagRecomendacion.$inferSelect;

async function catalogoDe(db: Db, vigencia: number): Promise<CatalogoRecomendaciones> {
  const [politicas, indices] = await Promise.all([
    db
      .select({ clave: politica.clave, nombre: politica.nombre, codigoFurag: politica.codigoFurag })
      .from(politica)
      .where(eq(politica.vigencia, vigencia)),
    db
      .select({ codigo: indiceFurag.codigo, politica: indiceFurag.politica })
      .from(indiceFurag)
      .where(eq(indiceFurag.vigencia, vigencia)),
  ]);
  return { politicas, indices };
}

async function exigirEntidad(db: Db, entidadId: string) {
  const [e] = await db
    .select({ nombre: entidad.nombre, codigoSigep: entidad.codigoSigep })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  if (!e) throw noEncontrado('la entidad');
  return e;
}

export type ResultadoCargaRecomendaciones =
  | { ok: true; cargadas: number; conservadas: number; reemplazadas: number }
  | { ok: false; mensaje: string; problemas: ProblemaFila[] };

/**
 * All or nothing. The unused recommendations of the entity and vigencia are replaced by the file's; the used
 * ones stay, and a row of the file equal to one of them is not added twice. Two loads at once go one after the
 * other (the last one stays); a conversion under way finishes first, and one that arrives later finds the
 * recommendation gone (409).
 */
export async function cargarRecomendaciones(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  encabezados: readonly string[],
  filas: readonly FilaTabla[],
): Promise<ResultadoCargaRecomendaciones> {
  await exigirEntidad(db, entidadId);
  const catalogo = await catalogoDe(db, vigencia);
  if (!catalogo.politicas.length)
    throw new ErrorApi(
      400,
      `El catálogo MIPG no tiene la vigencia ${vigencia}: elija la vigencia de los resultados.`,
      [{ campo: 'vigencia', mensaje: `el catálogo no tiene la vigencia ${vigencia}` }],
    );
  const r = leerRecomendaciones([{ numero: 1, celdas: encabezados }, ...filas], catalogo, vigencia);
  if (!r.ok) return r;
  return db.transaction(async (tx) => {
    await sostenerTope(tx, 'furag_recomendaciones', `${entidadId}:${vigencia}`);
    // Locked first: a conversion that already holds one finishes before the next statement reads links.
    const previas = await tx
      .select()
      .from(furagRecomendacion)
      .where(and(eq(furagRecomendacion.entidadId, entidadId), eq(furagRecomendacion.vigencia, vigencia)))
      .for('update');
    const usadas = await idsUsadas(
      tx,
      previas.map((p) => p.id),
    );
    const conservadas = previas.filter((p) => usadas.has(p.id));
    const reemplazadas = previas.filter((p) => !usadas.has(p.id)).map((p) => p.id);
    if (reemplazadas.length)
      await tx.delete(furagRecomendacion).where(inArray(furagRecomendacion.id, reemplazadas));
    const yaEstan = new Set(conservadas.map(claveRecomendacion));
    const nuevas = r.recomendaciones.filter((x) => !yaEstan.has(claveRecomendacion(x)));
    if (nuevas.length)
      await tx
        .insert(furagRecomendacion)
        .values(nuevas.map((x) => ({ ...x, entidadId, vigencia, cargadoPor: actor.usuarioId })));
    const cuentas = {
      cargadas: nuevas.length,
      conservadas: conservadas.length,
      reemplazadas: reemplazadas.length,
    };
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'importar',
      recurso: 'furag_recomendaciones',
      recursoId: String(vigencia),
      despues: { vigencia, ...cuentas },
    });
    return { ok: true as const, ...cuentas };
  });
}

/** The recommendations among `ids` that an activity or a proposal points to. */
async function idsUsadas(db: Db, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const [enActividades, enPropuestas] = await Promise.all([
    db
      .selectDistinct({ id: actividad.recomendacionId })
      .from(actividad)
      .where(inArray(actividad.recomendacionId, ids)),
    db
      .selectDistinct({ id: propuestaActividad.recomendacionId })
      .from(propuestaActividad)
      .where(inArray(propuestaActividad.recomendacionId, ids)),
  ]);
  return new Set([...enActividades, ...enPropuestas].flatMap((x) => (x.id ? [x.id] : [])));
}

/** The recommendations as the API shows them, with the names of the catalog and what came out of each. */
async function conVinculos(db: Db, filas: Fila[]): Promise<Recomendacion[]> {
  if (!filas.length) return [];
  const vigencias = [...new Set(filas.map((f) => f.vigencia))];
  const [politicas, indices, vinculos] = await Promise.all([
    db.select().from(politica).where(inArray(politica.vigencia, vigencias)),
    db.select().from(indiceFurag).where(inArray(indiceFurag.vigencia, vigencias)),
    accionesVinculadas(db, { recomendaciones: filas.map((f) => f.id) }),
  ]);
  const pol = new Map(politicas.map((p) => [`${p.vigencia}:${p.clave}`, p]));
  const ind = new Map(indices.map((i) => [`${i.vigencia}:${i.codigo}`, i]));
  const vistas = filas.map((f) => {
    const p = pol.get(`${f.vigencia}:${f.politica}`);
    const i = f.indice ? ind.get(`${f.vigencia}:${f.indice}`) : undefined;
    return {
      orden: [p?.orden ?? 999, i?.orden ?? -1, f.fila] as const,
      r: {
        id: f.id,
        vigencia: f.vigencia,
        indice: f.indice,
        indiceNombre: i?.nombre ?? null,
        politica: f.politica,
        politicaNombre: p?.nombre ?? f.politica,
        politicaCodigo: p?.codigoFurag ?? null,
        texto: f.texto,
        fila: f.fila,
        actividades: vinculos.get(f.id)?.actividades ?? [],
        propuestas: vinculos.get(f.id)?.propuestas ?? [],
      },
    };
  });
  vistas.sort((a, b) => a.orden[0] - b.orden[0] || a.orden[1] - b.orden[1] || a.orden[2] - b.orden[2]);
  return vistas.map((v) => v.r);
}

/** The recommendations of a vigencia of results (the last one with any, when none is asked). */
export async function listarRecomendaciones(db: Db, entidadId: string, vigenciaPedida?: number) {
  await exigirEntidad(db, entidadId);
  const vigencias = (
    await db
      .selectDistinct({ vigencia: furagRecomendacion.vigencia })
      .from(furagRecomendacion)
      .where(eq(furagRecomendacion.entidadId, entidadId))
      .orderBy(desc(furagRecomendacion.vigencia))
  ).map((v) => v.vigencia);
  const vigencia = vigenciaPedida ?? vigencias[0] ?? null;
  const filas =
    vigencia === null
      ? []
      : await db
          .select()
          .from(furagRecomendacion)
          .where(and(eq(furagRecomendacion.entidadId, entidadId), eq(furagRecomendacion.vigencia, vigencia)));
  return { vigencia, vigencias, recomendaciones: await conVinculos(db, filas) };
}

async function recomendacionDe(db: Db, entidadId: string, recomendacionId: string) {
  const [r] = await db
    .select()
    .from(furagRecomendacion)
    .where(and(eq(furagRecomendacion.id, recomendacionId), eq(furagRecomendacion.entidadId, entidadId)));
  if (!r) throw noEncontrado('la recomendación en esta entidad');
  return r;
}

/**
 * Inside the conversion's transaction, first: holds the recommendation (for share) until commit, so a new file
 * cannot replace it between the check and the link; if a new file already did, 409.
 */
const sostenerRecomendacion = (id: string) => async (tx: Db) => {
  const [r] = await tx
    .select({ id: furagRecomendacion.id })
    .from(furagRecomendacion)
    .where(eq(furagRecomendacion.id, id))
    .for('share');
  if (!r)
    throw conflicto(
      'La recomendación ya no existe: se cargó un archivo nuevo de recomendaciones que la reemplazó. Recargue la lista.',
    );
};

/** The activity is tagged with the recommendation's policy and index, in a plan of its vigencia or later. */
function exigirCoherencia(r: Fila, vigenciaPlan: number, a: ActividadEntrada) {
  const errores: { campo: string; mensaje: string }[] = [];
  if (vigenciaPlan < r.vigencia)
    errores.push({
      campo: 'vigencia',
      mensaje: `la recomendación es de los resultados de ${r.vigencia}: elija el plan de ${r.vigencia} o uno posterior`,
    });
  if (a.politica !== r.politica)
    errores.push({ campo: 'politica', mensaje: 'debe ser la política de la recomendación' });
  if (r.indice && a.indiceFurag !== r.indice)
    errores.push({ campo: 'indiceFurag', mensaje: `debe ser el índice de la recomendación, ${r.indice}` });
  if (errores.length) throw invalidos(errores);
}

/** Planeación puts the recommendation straight into the plan in borrador, as a linked activity. */
export async function convertirEnActividad(
  db: Db,
  actor: Actor,
  entidadId: string,
  recomendacionId: string,
  vigencia: number,
  entrada: ActividadEntrada,
) {
  const r = await recomendacionDe(db, entidadId, recomendacionId);
  exigirCoherencia(r, vigencia, entrada);
  return actividadDeOrigen(db, actor, entidadId, vigencia, entrada, {
    recomendacionId: r.id,
    sostener: sostenerRecomendacion(r.id),
    auditoria: { accion: 'convertir', recurso: 'recomendacion', recursoId: r.id },
  });
}

/**
 * A proposal that answers the recommendation: the policy's responsible (for the policies they lead), or
 * planeación (for any), under the proposals' rules (plan in borrador, pending cap, planeación notified).
 */
export async function convertirEnPropuesta(
  db: Db,
  actor: Actor & { usuarioId: string },
  esPlaneacion: boolean,
  entidadId: string,
  recomendacionId: string,
  vigencia: number,
  entrada: ActividadEntrada,
) {
  const r = await recomendacionDe(db, entidadId, recomendacionId);
  exigirCoherencia(r, vigencia, entrada);
  return proponerActividad(db, actor, entidadId, vigencia, entrada, {
    recomendacionId: r.id,
    deCualquierPolitica: esPlaneacion,
    sostener: sostenerRecomendacion(r.id),
  });
}

/**
 * One page of the chain: the recommendation → the activities that came out of it → their follow-up and
 * evidence → the index's official score in the recommendation's vigencia and in the next one.
 */
export async function trazabilidad(
  db: Db,
  entidadId: string,
  recomendacionId: string,
): Promise<Trazabilidad> {
  const e = await exigirEntidad(db, entidadId);
  const fila = await recomendacionDe(db, entidadId, recomendacionId);
  const [recomendacion] = await conVinculos(db, [fila]);
  const ids = recomendacion!.actividades.map((a) => a.id);
  const [detalles, reportes] = ids.length
    ? await Promise.all([
        db.select().from(actividad).where(inArray(actividad.id, ids)),
        db
          .select()
          .from(seguimiento)
          .where(and(inArray(seguimiento.actividadId, ids), eq(seguimiento.entidadId, entidadId)))
          .orderBy(asc(seguimiento.periodo)),
      ])
    : [[], []];
  const evidencias = reportes.length
    ? await db
        .select({
          id: evidencia.id,
          seguimientoId: evidencia.seguimientoId,
          nombre: evidencia.nombre,
          url: evidencia.url,
        })
        .from(evidencia)
        .where(
          inArray(
            evidencia.seguimientoId,
            reportes.map((s) => s.id),
          ),
        )
        .orderBy(asc(evidencia.creadoEn))
    : [];
  const actividades = recomendacion!.actividades.map((v) => {
    const a = detalles.find((d) => d.id === v.id)!;
    const propios = reportes.filter((s) => s.actividadId === a.id);
    const n = a.metasPeriodo.length;
    const logros = Array.from({ length: n }, (_, i) => {
      const s = propios.find((x) => x.periodo === i + 1);
      return s && seguimientoCuenta(s.estado) ? s.valor : null;
    });
    const contado = logros.some((x) => x !== null);
    const cifras = n ? cifrasSeguimiento(a.acumulacion, a.metaAnual, a.metasPeriodo, logros, n) : null;
    return {
      ...v,
      metaAnual: a.metaAnual,
      unidad: a.unidad,
      logrado: contado ? (cifras?.logradoAcumulado ?? null) : null,
      avance: contado ? (cifras?.avanceAcumulado ?? null) : null,
      reportes: propios.map((s) => ({
        periodo: s.periodo,
        valor: s.valor,
        estado: s.estado,
        evidencias: evidencias
          .filter((x) => x.seguimientoId === s.id)
          .map(({ seguimientoId: _s, ...x }) => x),
      })),
    };
  });
  const codigo = fila.indice ?? recomendacion!.politicaCodigo;
  const [base, siguiente] = await Promise.all([
    puntajeDeEntidad(db, entidadId, e, codigo, fila.vigencia, fila.vigencia),
    puntajeDeEntidad(db, entidadId, e, codigo, fila.vigencia, fila.vigencia + 1),
  ]);
  return { recomendacion: recomendacion!, actividades, medicion: { codigo, base, siguiente } };
}
