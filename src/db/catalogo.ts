import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { TipoFormulario } from '../core/entidad.ts';
import datos from './catalogo/mipg.json' with { type: 'json' };
import type { Db } from './client.ts';
import {
  ajusteSistema,
  catalogoVigencia,
  componente,
  dimension,
  indiceFurag,
  planDecreto612,
  politica,
} from './schema.ts';

type Tupla = [string, string, string];
interface Etiquetas {
  dimensiones?: Record<string, string>;
  politicas?: Record<string, string>;
}
interface VigenciaDatos {
  vigencia: number;
  fuente: string;
  hereda?: number;
  mover?: Record<string, string>;
  etiquetas?: Etiquetas;
  politicas?: Tupla[];
  indices?: Record<string, [string, string, string][]>;
  planesDecreto612?: [string, string, string[], string | null][];
  equivalencias?: Record<string, string | null>;
}

export interface VigenciaCatalogo {
  vigencia: number;
  fuente: string;
  /** Official names of that vigencia where they differ from the base ones. */
  etiquetas: Required<Etiquetas>;
  politicas: { dimension: string; clave: string; codigoFurag: string | null }[];
  indices: { politica: string; codigo: string; nombre: string; descripcion: string }[];
  planes: { clave: string; nombre: string; politicas: string[]; sigla: string | null }[];
  /** Its index codes that changed from the year before → their code then (core/furag-equivalencias.ts). */
  equivalencias: Record<string, string | null>;
}

/** Resolves `hereda` and `mover` so each vigencia is a complete, explicit mapping. */
export function vigenciasDelArchivo(): VigenciaCatalogo[] {
  const lista = datos.vigencias as VigenciaDatos[];
  const porAnio = new Map(lista.map((v) => [v.vigencia, v]));
  const resolver = (v: VigenciaDatos): VigenciaCatalogo => {
    const base = v.hereda ? resolver(porAnio.get(v.hereda)!) : undefined;
    const politicas = (
      v.politicas?.map(([dimension, clave, codigoFurag]) => ({ dimension, clave, codigoFurag })) ??
      base?.politicas ??
      []
    ).map((p) => ({ ...p, dimension: v.mover?.[p.clave] ?? p.dimension }));
    const indices = v.indices
      ? Object.entries(v.indices).flatMap(([pol, lista]) =>
          lista.map(([codigo, nombre, descripcion]) => ({ politica: pol, codigo, nombre, descripcion })),
        )
      : (base?.indices ?? []);
    const planes =
      v.planesDecreto612?.map(([clave, nombre, politicas, sigla]) => ({ clave, nombre, politicas, sigla })) ??
      base?.planes ??
      [];
    const etiquetas = v.etiquetas
      ? { dimensiones: v.etiquetas.dimensiones ?? {}, politicas: v.etiquetas.politicas ?? {} }
      : (base?.etiquetas ?? { dimensiones: {}, politicas: {} });
    // Never inherited: a map says what changed from the year before, and an heir changed nothing.
    const equivalencias = v.equivalencias ?? {};
    return { vigencia: v.vigencia, fuente: v.fuente, etiquetas, politicas, indices, planes, equivalencias };
  };
  return lista.map(resolver).sort((a, b) => a.vigencia - b.vigencia);
}

export const DATOS_CATALOGO = datos;

const HUELLA = 'catalogo_sha256';

/**
 * Idempotent: rewrites the catalog tables from the data file, in one transaction, when the file changed
 * since the last start (its SHA-256 is kept in ajuste_sistema); an unchanged catalog writes nothing.
 */
export async function sincronizarCatalogo(db: Db): Promise<void> {
  const huella = createHash('sha256').update(JSON.stringify(datos)).digest('hex');
  const [guardada] = await db.select().from(ajusteSistema).where(eq(ajusteSistema.clave, HUELLA));
  if (guardada?.valor === huella) return;
  const vigencias = vigenciasDelArchivo();
  const politicasBase = datos.politicas as Record<
    string,
    { nombre: string; lider: string; formularios?: TipoFormulario[] }
  >;
  const dims = datos.dimensiones as Record<string, { nombre: string; color: string }>;
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from indice_furag`);
    await tx.execute(sql`delete from plan_decreto612`);
    await tx.execute(sql`delete from politica`);
    await tx.execute(sql`delete from dimension`);
    await tx.execute(sql`delete from componente`);
    await tx.insert(componente).values(datos.componentes.map((c, i) => ({ ...c, orden: i + 1 })));
    for (const v of vigencias) {
      await tx
        .insert(catalogoVigencia)
        .values({ vigencia: v.vigencia, fuente: v.fuente, equivalencias: v.equivalencias })
        .onConflictDoUpdate({
          target: catalogoVigencia.vigencia,
          set: { fuente: v.fuente, equivalencias: v.equivalencias },
        });
      await tx.insert(dimension).values(
        Object.entries(dims).map(([codigo, d], i) => ({
          vigencia: v.vigencia,
          codigo,
          ...d,
          nombre: v.etiquetas.dimensiones[codigo] ?? d.nombre,
          orden: i + 1,
        })),
      );
      await tx.insert(politica).values(
        v.politicas.map((p, i) => ({
          vigencia: v.vigencia,
          clave: p.clave,
          nombre: v.etiquetas.politicas[p.clave] ?? politicasBase[p.clave]!.nombre,
          lider: politicasBase[p.clave]!.lider,
          formularios: politicasBase[p.clave]!.formularios ?? ['MIPG'],
          dimension: p.dimension,
          codigoFurag: p.codigoFurag,
          orden: i + 1,
        })),
      );
      if (v.indices.length)
        await tx
          .insert(indiceFurag)
          .values(v.indices.map((x, i) => ({ vigencia: v.vigencia, ...x, orden: i + 1 })));
      if (v.planes.length)
        await tx
          .insert(planDecreto612)
          .values(v.planes.map((x, i) => ({ vigencia: v.vigencia, ...x, orden: i + 1 })));
    }
    await tx
      .insert(ajusteSistema)
      .values({ clave: HUELLA, valor: huella })
      .onConflictDoUpdate({ target: ajusteSistema.clave, set: { valor: huella } });
  });
}
