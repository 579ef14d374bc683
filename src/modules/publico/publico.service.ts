// The public page's use cases: find an entity by its readable address, and gather what a citizen may see
// of a vigencia (the published plan, its progress, the entity's contact) in one model that the HTML, the
// CSV and the JSON all render.

import type { ActividadPublica, DatosAbiertos, PoliticaPublica } from '../../contrato/publico.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { type EstadoActividad, type NivelSemaforo, NOMBRE_ESTADO } from '../../core/semaforo.ts';
import { asignarSlugs, type EntidadParaSlug, esUuid } from '../../core/slug.ts';
import type { Db } from '../../db/client.ts';
import { ErrorApi } from '../../server/errores.ts';
import { politicasDeVigencia } from '../catalogo/catalogo.repository.ts';
import { archivoActo } from '../plan/flujo.service.ts';
import { documentosPublicados } from '../publicaciones/publicaciones.service.ts';
import { leerTablero } from '../tablero/tablero.service.ts';
import { leerVigencia } from '../vigencias/vigencia.service.ts';
import {
  actividadesVisibles,
  aprobacionVisible,
  type ContactoEntidad,
  contactoEntidad,
  dimensionesDeVigencia,
  entidadesParaSlug,
  planesVisibles,
} from './publico.repository.ts';

// ---------- Addresses: slug ↔ entity ----------
// The slugs of all entities are computed together (a collision depends on the others) and kept in memory:
// a request looks its slug up in a Map, without reading the entity table. The directory is dropped when
// an entity is created or edited through this server (`invalidarDirectorio`, called from app.ts) and lives
// 60 s at most, the bound on staleness when several servers share one PostgreSQL. An unknown slug rebuilds
// it at most once every 5 s, so a rename made on another server is found soon, and random addresses
// cannot make every request read the table.
const VIDA_MS = 60_000;
const REINTENTO_MS = 5_000;

interface Directorio {
  porSlug: Map<string, string>;
  porId: Map<string, string>;
  hecho: number;
}
interface Estado {
  directorio?: Directorio;
  generacion: number;
  enCurso?: Promise<Directorio>;
}
// Keyed by the database: tests run several apps in one process.
const estados = new WeakMap<Db, Estado>();
const estadoDe = (db: Db) => {
  const e = estados.get(db) ?? { generacion: 0 };
  estados.set(db, e);
  return e;
};

/** Entities were created, renamed or given a sigla: their addresses are computed again on the next read. */
export function invalidarDirectorio(db: Db) {
  const e = estadoDe(db);
  e.generacion++;
  e.directorio = undefined;
  e.enCurso = undefined;
}

function construirDirectorio(db: Db, e: Estado): Promise<Directorio> {
  if (e.enCurso) return e.enCurso;
  const generacion = e.generacion;
  const enCurso = (async () => {
    const filas: EntidadParaSlug[] = await entidadesParaSlug(db);
    const porId = asignarSlugs(filas);
    const d = { porId, porSlug: new Map([...porId].map(([id, s]) => [s, id])), hecho: Date.now() };
    // A write that landed while reading leaves this one unsaved: the next read builds it again.
    if (e.generacion === generacion) e.directorio = d;
    return d;
  })().finally(() => {
    if (e.enCurso === enCurso) e.enCurso = undefined;
  });
  e.enCurso = enCurso;
  return enCurso;
}

async function directorio(db: Db, forzar = false) {
  const e = estadoDe(db);
  const d = e.directorio;
  if (d && Date.now() - d.hecho < VIDA_MS && !(forzar && Date.now() - d.hecho >= REINTENTO_MS)) return d;
  return construirDirectorio(db, e);
}

/** The entity's readable public address (/publico/<slug>), the one to copy into the sede electrónica. */
export async function direccionPublica(db: Db, entidadId: string): Promise<string | null> {
  const slug =
    (await directorio(db)).porId.get(entidadId) ?? (await directorio(db, true)).porId.get(entidadId);
  return slug ? `/publico/${slug}` : null;
}

export type Direccion =
  | { tipo: 'entidad'; id: string; slug: string }
  | { tipo: 'antigua'; slug: string }
  | { tipo: 'desconocida' };

/** An entity by its slug, or an address to redirect: the old /publico/<uuid>, or the slug in capitals. */
export async function buscarDireccion(db: Db, texto: string): Promise<Direccion> {
  if (esUuid(texto)) {
    const d = await directorio(db);
    const slug =
      d.porId.get(texto.toLowerCase()) ?? (await directorio(db, true)).porId.get(texto.toLowerCase());
    return slug ? { tipo: 'antigua', slug } : { tipo: 'desconocida' };
  }
  let d = await directorio(db);
  let id = d.porSlug.get(texto);
  if (!id) {
    d = await directorio(db, true);
    id = d.porSlug.get(texto);
  }
  if (id) return { tipo: 'entidad', id, slug: texto };
  // /publico/HRM, typed by hand: the address in lowercase.
  const minusculas = texto.toLowerCase();
  return minusculas !== texto && d.porSlug.has(minusculas)
    ? { tipo: 'antigua', slug: minusculas }
    : { tipo: 'desconocida' };
}

// ---------- What a citizen sees of a vigencia ----------

export interface VistaPublica {
  slug: string;
  entidad: ContactoEntidad;
  /** Vigencias with a plan the citizen may see, newest first. */
  vigencias: number[];
  vigencia: number;
  /** null: the entity has not published a plan for this vigencia. */
  datos: DatosAbiertos | null;
  /** The 31 January packs' documents of every year, newest first (publicaciones.service.ts). */
  documentos: Awaited<ReturnType<typeof documentosPublicados>>;
}

const textoSemaforo = (n: NivelSemaforo | null, etiquetas: Record<NivelSemaforo, string>) =>
  n ? etiquetas[n] : 'Sin dato';

/**
 * The model of the public page. Without `vigencia` it shows the current year when published, else the latest
 * published one. Figures come from the dashboard (`leerTablero`, cached there), activities from the version a
 * citizen may see; only those activities are listed, so nothing of a draft shows.
 */
export async function vistaPublica(
  db: Db,
  entidadId: string,
  slug: string,
  pedida: number | undefined,
): Promise<VistaPublica> {
  const [entidad, planes, documentos] = await Promise.all([
    contactoEntidad(db, entidadId),
    planesVisibles(db, entidadId),
    documentosPublicados(db, entidadId),
  ]);
  if (!entidad) throw new ErrorApi(404, 'No se encontró la entidad.');
  const vigencias = planes.map((p) => p.vigencia);
  const actual = Number(hoyEnColombia().slice(0, 4));
  const vigencia = pedida ?? (vigencias.includes(actual) ? actual : (vigencias[0] ?? actual));
  const plan = planes.find((p) => p.vigencia === vigencia);
  const base = { slug, entidad, vigencias, vigencia, documentos };
  if (!plan) return { ...base, datos: null };

  const [visibles, tablero, config, politicas, dimensiones, aprobacion] = await Promise.all([
    actividadesVisibles(db, plan),
    leerTablero(db, entidadId, vigencia).catch((e) => {
      // A plan without periods to cut yet still shows its activities, without figures.
      if (e instanceof ErrorApi && e.status === 404) return null;
      throw e;
    }),
    leerVigencia(db, entidadId, vigencia),
    politicasDeVigencia(db, vigencia),
    dimensionesDeVigencia(db, vigencia),
    aprobacionVisible(db, entidadId, plan),
  ]);
  const etiquetas = config.semaforo.etiquetas;
  const politica = new Map(politicas.map((p, orden) => [p.clave, { ...p, orden }]));
  const cifras = new Map((tablero?.actividades ?? []).map((a) => [a.id, a]));
  const actividades: ActividadPublica[] = visibles.actividades
    .map((a) => {
      const c = cifras.get(a.id);
      const p = politica.get(a.politica);
      return {
        codigo: a.codigo,
        nombre: a.nombre,
        dimension: p?.dimension ?? '',
        politica: a.politica,
        politicaNombre: p?.nombre ?? a.politica,
        producto: a.producto,
        unidad: a.unidad,
        metaAnual: a.metaAnual,
        acumulacion: a.acumulacion,
        metasPeriodo: a.metasPeriodo,
        fechaInicio: a.fechaInicio,
        fechaFin: a.fechaFin,
        dependencia: a.dependencia,
        avance: c?.avance ?? null,
        cumplimiento: c?.cumplimiento ?? null,
        semaforo: c?.semaforo ?? null,
        semaforoTexto: textoSemaforo(c?.semaforo ?? null, etiquetas),
        estado: c ? (NOMBRE_ESTADO[c.estado as EstadoActividad] ?? c.estado) : 'Sin dato',
        orden: p?.orden ?? Number.MAX_SAFE_INTEGER,
      };
    })
    .sort((a, b) => a.orden - b.orden || (a.codigo < b.codigo ? -1 : a.codigo > b.codigo ? 1 : 0))
    .map(({ orden: _o, ...a }) => a);

  const porPolitica = new Map<string, number>();
  for (const a of actividades) porPolitica.set(a.politica, (porPolitica.get(a.politica) ?? 0) + 1);
  const figuras = new Map((tablero?.politicas ?? []).map((p) => [p.clave, p]));
  const politicasPublicas: PoliticaPublica[] = politicas
    .filter((p) => porPolitica.has(p.clave))
    .map((p) => {
      const f = figuras.get(p.clave);
      return {
        dimension: p.dimension,
        clave: p.clave,
        nombre: p.nombre,
        avance: f?.avance ?? null,
        cumplimiento: f?.cumplimiento ?? null,
        semaforo: f?.semaforo ?? null,
        semaforoTexto: textoSemaforo(f?.semaforo ?? null, etiquetas),
        actividades: porPolitica.get(p.clave)!,
        sinReporte: f?.sinReporte ?? 0,
      };
    });
  const avanceDimension = new Map((tablero?.dimensiones ?? []).map((d) => [d.codigo, d.avance]));
  const conPoliticas = new Set(politicasPublicas.map((p) => p.dimension));
  const {
    nombre,
    sigla,
    nit,
    direccion,
    municipio,
    departamento,
    telefono,
    correo,
    sitioWeb,
    horarioAtencion,
  } = entidad;
  return {
    ...base,
    datos: {
      entidad: {
        nombre,
        sigla,
        nit: `${nit}-${entidad.dv}`,
        direccion,
        municipio,
        departamento,
        telefono,
        correo,
        sitioWeb,
        horarioAtencion,
      },
      vigencia,
      versionPlan: visibles.version,
      aprobacion: {
        organo: aprobacion.organo,
        acto: aprobacion.acto,
        fechaPublicacion: aprobacion.fechaPublicacion,
        urlPublicacion: aprobacion.urlPublicacion,
      },
      corte: tablero
        ? {
            periodo: tablero.periodo.numero,
            nombre: tablero.periodo.nombre,
            fecha: tablero.periodo.corte,
            cifrasDelCierre: tablero.congelado,
          }
        : null,
      avance: tablero?.avance ?? null,
      semaforo: {
        amarilloDesde: config.semaforo.amarilloDesde,
        verdeDesde: config.semaforo.verdeDesde,
        azulSobre: config.semaforo.azulSobre,
        etiquetas: { ...etiquetas },
      },
      dimensiones: dimensiones
        .filter((d) => conPoliticas.has(d.codigo))
        .map((d) => ({ codigo: d.codigo, nombre: d.nombre, avance: avanceDimension.get(d.codigo) ?? null })),
      politicas: politicasPublicas,
      actividades,
    },
  };
}

/** The PDF of the act that adopted the version a citizen sees; 404 while the plan is not visible. */
export async function actoPublico(db: Db, dataDir: string, entidadId: string, pedida: number | undefined) {
  const planes = await planesVisibles(db, entidadId);
  const actual = Number(hoyEnColombia().slice(0, 4));
  const vigencia = pedida ?? (planes.some((p) => p.vigencia === actual) ? actual : planes[0]?.vigencia);
  const plan = planes.find((p) => p.vigencia === vigencia);
  if (!plan)
    throw new ErrorApi(404, `La entidad aún no ha publicado su plan de acción de ${vigencia ?? actual}.`);
  const { version } = await aprobacionVisible(db, entidadId, plan);
  return { vigencia: plan.vigencia, ...(await archivoActo(db, dataDir, plan.id, version)) };
}
