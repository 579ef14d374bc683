// Typed builders for API tests: an entity with its people, a configured vigencia and a plan in a given
// state, and rows written straight in the state a test starts from. What a test exercises goes through
// the API; what it only needs as a starting point is built here, fast and without depending on other tests.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { EstadoPlan } from '../core/flujo-plan.ts';
import { digitoVerificacion } from '../core/nit.ts';
import type { EstadoSeguimiento } from '../core/seguimiento.ts';
import { filas } from '../db/client.ts';
import {
  actividad,
  auditoria,
  catalogoVigencia,
  evidencia,
  indicador,
  planAccion,
  seguimiento,
} from '../db/schema.ts';
import type { AppPrueba, Sesion } from './prueba.ts';

type SesionCon = Sesion & { id: string };

export interface Escenario {
  entidadId: string;
  vigencia: number;
  planId: string;
  /** `/api/entidades/<entidadId>` */
  base: string;
  planeacion: SesionCon;
  comite: SesionCon;
  control: SesionCon;
  responsable: SesionCon;
}

let nitsDados = 0;
/** A NIT with its right check digit, different on each call: several scenarios in one test file. */
export function nitNuevo() {
  const base = String(900_000_000 + ++nitsDados * 7919);
  return `${base}-${digitoVerificacion(base)}`;
}

/** Fails the setup with the answer in the message, so a broken builder is not mistaken for the test. */
export function exigirEstado(r: LightMyRequestResponse, estado: number, que: string) {
  if (r.statusCode !== estado) throw new Error(`${que}: ${r.statusCode} ${r.body}`);
  return r;
}

/**
 * An entity with one person per role, its vigencia configured (trimestral) and a plan in `estadoPlan`.
 * Several in one database need a NIT each (nitDePrueba).
 */
export async function escenarioConPlan(
  t: AppPrueba,
  { vigencia = 2026, estadoPlan = 'aprobado' as EstadoPlan, nit = '846000253-6' } = {},
): Promise<Escenario> {
  const entidadId = await t.crearEntidad('E.S.E. Hospital de Prueba', nit);
  const base = `/api/entidades/${entidadId}`;
  const planeacion = await t.usuarioCon(entidadId, ['planeacion']);
  const comite = await t.usuarioCon(entidadId, ['alta_direccion']);
  const control = await t.usuarioCon(entidadId, ['control_interno']);
  const responsable = await t.usuarioCon(entidadId, ['responsable_actividad']);
  exigirEstado(
    await t.pedir(planeacion, 'PUT', `${base}/vigencias/${vigencia}`, {
      esquema: 'trimestral',
      diasHabilesReporte: 10,
    }),
    200,
    'configurar la vigencia',
  );
  const [plan] = await t.conexion.db
    .insert(planAccion)
    .values({
      entidadId,
      vigencia,
      estado: estadoPlan,
      fechaPublicacion: estadoPlan === 'publicado' ? `${vigencia}-01-30` : null,
    })
    .returning();
  return { entidadId, vigencia, planId: plan!.id, base, planeacion, comite, control, responsable };
}

/** A valid NIT, different for each `n`: several scenarios in one test database. */
export const nitDePrueba = (n: number) => {
  const base = String(800_000_000 + n);
  return `${base}-${digitoVerificacion(base)}`;
};

/** An activity of the scenario's plan, a fresh code each time, reported by the scenario's responsible. */
export async function nuevaActividad(
  t: AppPrueba,
  e: Escenario,
  datos: Partial<typeof actividad.$inferInsert> = {},
) {
  const [a] = await t.conexion.db
    .insert(actividad)
    .values({
      planId: e.planId,
      politica: 'integridad',
      codigo: `PR-${randomUUID().slice(0, 8)}`,
      nombre: 'Socializar el código de integridad con los servidores',
      producto: 'Informe de la jornada',
      metaAnual: 4,
      unidad: 'jornada',
      metasPeriodo: [1, 1, 1, 1],
      ponderacion: 0,
      responsableId: e.responsable.id,
      fechaInicio: `${e.vigencia}-01-15`,
      fechaFin: `${e.vigencia}-12-15`,
      ...datos,
    })
    .returning();
  return a!;
}

/** A fresh activity with its report of `periodo` in `estado`, with one evidence (a link) attached. */
export async function reporteEn(t: AppPrueba, e: Escenario, estado: EstadoSeguimiento, periodo = 1) {
  const a = await nuevaActividad(t, e);
  const [s] = await t.conexion.db
    .insert(seguimiento)
    .values({
      entidadId: e.entidadId,
      actividadId: a.id,
      periodo,
      valor: 1,
      descripcion: 'Se realizó la jornada con 40 servidores.',
      estado,
      reportadoPor: e.responsable.id,
      enviadoEn: estado === 'borrador' ? null : new Date(),
    })
    .returning();
  await t.conexion.db.insert(evidencia).values({
    seguimientoId: s!.id,
    nombre: 'Publicación en la sede electrónica',
    url: 'https://entidad.gov.co/integridad',
    creadoPor: e.responsable.id,
  });
  return {
    actividadId: a.id,
    seguimientoId: s!.id,
    url: `${e.base}/seguimientos/${a.id}/${periodo}`,
  };
}

/** An indicator of the scenario's vigencia, measured by the scenario's responsible. */
export async function nuevoIndicador(t: AppPrueba, e: Escenario) {
  const [i] = await t.conexion.db
    .insert(indicador)
    .values({
      entidadId: e.entidadId,
      vigencia: e.vigencia,
      codigo: `IND-${randomUUID().slice(0, 8)}`,
      nombre: 'Oportunidad en la respuesta a las PQRSD',
      objetivo: 'Medir qué parte de las peticiones se responde a tiempo',
      tipo: 'eficacia',
      formulaNumerador: 'PQRSD respondidas a tiempo',
      formulaDenominador: 'PQRSD recibidas',
      unidad: '%',
      frecuencia: 'trimestral',
      meta: 90,
      polaridad: 'creciente',
      fuente: 'Gestión documental',
      responsableId: e.responsable.id,
    })
    .returning();
  return i!;
}

/** The newest audit id: a race's entries are those after it. */
export async function ultimaAuditoria(t: AppPrueba) {
  const [u] = await filas<{ id: number }>(
    t.conexion.db,
    sql`select coalesce(max(id), 0)::int as id from auditoria`,
  );
  return Number(u?.id ?? 0);
}

/** Audit entries of a resource written after `desde`, oldest first. */
export async function auditoriaDesde(t: AppPrueba, desde: number, recurso: string, recursoId?: string) {
  return t.conexion.db
    .select()
    .from(auditoria)
    .where(
      and(
        gt(auditoria.id, desde),
        eq(auditoria.recurso, recurso),
        ...(recursoId ? [eq(auditoria.recursoId, recursoId)] : []),
      ),
    )
    .orderBy(asc(auditoria.id));
}

/** Fires the requests together, as two people clicking at the same moment. */
export const aLaVez = (...peticiones: (() => Promise<LightMyRequestResponse>)[]) =>
  Promise.all(peticiones.map((p) => p()));

/** Which requests won (2xx) and which lost, with the losers' answers for the assertions. */
export function resultado(respuestas: LightMyRequestResponse[]) {
  const ganadores = respuestas.filter((r) => r.statusCode < 300);
  const perdedores = respuestas.filter((r) => r.statusCode >= 300);
  return { ganadores, perdedores, estados: respuestas.map((r) => r.statusCode) };
}

/**
 * Runs `prueba` while the catalog's map of changed FURAG index codes of `vigencia` is `mapa` (a renumbering the
 * real catalog may not have), then puts the catalog's own map back.
 */
export async function conEquivalencias(
  t: AppPrueba,
  vigencia: number,
  mapa: Record<string, string | null>,
  prueba: () => Promise<void>,
) {
  const donde = eq(catalogoVigencia.vigencia, vigencia);
  const [antes] = await t.conexion.db.select().from(catalogoVigencia).where(donde);
  await t.conexion.db.update(catalogoVigencia).set({ equivalencias: mapa }).where(donde);
  try {
    await prueba();
  } finally {
    await t.conexion.db
      .update(catalogoVigencia)
      .set({ equivalencias: antes?.equivalencias ?? {} })
      .where(donde);
  }
}
