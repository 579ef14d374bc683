import { asc, eq } from 'drizzle-orm';
import { politicasAplicables, problemaAplicabilidad } from '../../core/catalogo.ts';
import type { TipoFormulario } from '../../core/entidad.ts';
import type { MapaEquivalencias } from '../../core/furag-equivalencias.ts';
import type { Db } from '../../db/client.ts';
import {
  catalogoVigencia,
  componente,
  dimension,
  entidad,
  indiceFurag,
  planDecreto612,
  politica,
} from '../../db/schema.ts';
import { noEncontrado } from '../../server/errores.ts';

export async function vigenciasCatalogo(db: Db) {
  return db
    .select({ vigencia: catalogoVigencia.vigencia, fuente: catalogoVigencia.fuente })
    .from(catalogoVigencia)
    .orderBy(asc(catalogoVigencia.vigencia));
}

/** Every vigencia's map of changed index codes (core/furag-equivalencias.ts). */
export async function mapaEquivalencias(db: Db): Promise<MapaEquivalencias> {
  const filas = await db
    .select({ vigencia: catalogoVigencia.vigencia, equivalencias: catalogoVigencia.equivalencias })
    .from(catalogoVigencia);
  return Object.fromEntries(filas.map((f) => [String(f.vigencia), f.equivalencias]));
}

export async function obtenerCatalogo(db: Db, vigencia: number) {
  const [existe] = await db.select().from(catalogoVigencia).where(eq(catalogoVigencia.vigencia, vigencia));
  if (!existe) {
    const disponibles = (await vigenciasCatalogo(db)).map((v) => v.vigencia).join(', ');
    throw noEncontrado(`el catálogo MIPG de la vigencia ${vigencia}. Vigencias disponibles: ${disponibles}`);
  }
  const [comps, dims, pols, inds, planes] = await Promise.all([
    db.select().from(componente).orderBy(asc(componente.orden)),
    db.select().from(dimension).where(eq(dimension.vigencia, vigencia)).orderBy(asc(dimension.orden)),
    db.select().from(politica).where(eq(politica.vigencia, vigencia)).orderBy(asc(politica.orden)),
    db.select().from(indiceFurag).where(eq(indiceFurag.vigencia, vigencia)).orderBy(asc(indiceFurag.orden)),
    planesDecreto612De(db, vigencia),
  ]);
  return {
    vigencia,
    fuente: existe.fuente,
    equivalencias: existe.equivalencias,
    componentes: comps.map(({ codigo, nombre, descripcion }) => ({ codigo, nombre, descripcion })),
    dimensiones: dims.map((d) => ({
      codigo: d.codigo,
      nombre: d.nombre,
      color: d.color,
      politicas: pols
        .filter((p) => p.dimension === d.codigo)
        .map((p) => ({
          clave: p.clave,
          codigoFurag: p.codigoFurag,
          nombre: p.nombre,
          lider: p.lider,
          formularios: p.formularios,
          indices: inds
            .filter((i) => i.politica === p.clave)
            .map(({ codigo, nombre, descripcion }) => ({ codigo, nombre, descripcion })),
        })),
    })),
    planesDecreto612: planes.map(({ clave, nombre, politicas, sigla }) => ({
      clave,
      nombre,
      politica: politicas[0] ?? '',
      politicas,
      sigla,
    })),
  };
}

export async function politicasDeVigencia(db: Db, vigencia: number) {
  return db.select().from(politica).where(eq(politica.vigencia, vigencia)).orderBy(asc(politica.orden));
}

/** The FURAG form the entity answers (MIPG when the entity does not exist, as before the setting). */
export async function tipoFormularioDe(db: Db, entidadId: string): Promise<TipoFormulario> {
  const [e] = await db
    .select({ tipo: entidad.tipoFormulario })
    .from(entidad)
    .where(eq(entidad.id, entidadId));
  return e?.tipo ?? 'MIPG';
}

/**
 * The policies of the vigencia that apply to the entity, by the FURAG form it answers: its plan, its
 * dashboard and its averages hold only these.
 */
export async function politicasDeEntidad(db: Db, entidadId: string, vigencia: number) {
  const [politicas, tipo] = await Promise.all([
    politicasDeVigencia(db, vigencia),
    tipoFormularioDe(db, entidadId),
  ]);
  return { tipoFormulario: tipo, todas: politicas, aplicables: politicasAplicables(politicas, tipo) };
}

/**
 * Why an activity or an indicator of the entity cannot belong to this policy: it is not in the vigencia's
 * catalog, or the entity's FURAG form leaves it out. Null when it can.
 */
export async function problemaPoliticaDeEntidad(db: Db, entidadId: string, vigencia: number, clave: string) {
  const { todas, tipoFormulario } = await politicasDeEntidad(db, entidadId, vigencia);
  const p = todas.find((x) => x.clave === clave);
  return p ? problemaAplicabilidad(p, tipoFormulario) : `no existe en el catálogo MIPG de ${vigencia}`;
}

/** The keys of the policies that apply to the entity: what its sheets and lists keep of its activities. */
export async function clavesAplicables(db: Db, entidadId: string, vigencia: number) {
  return new Set((await politicasDeEntidad(db, entidadId, vigencia)).aplicables.map((p) => p.clave));
}

export async function planesDecreto612De(db: Db, vigencia: number) {
  return db
    .select()
    .from(planDecreto612)
    .where(eq(planDecreto612.vigencia, vigencia))
    .orderBy(asc(planDecreto612.orden));
}
