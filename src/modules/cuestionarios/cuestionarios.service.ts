// Questionnaires: import (all or nothing) and export in the format mipg-cuestionario/1, the list, and removal.
// The platform's (entidad_id null) serve every entity; an entity's planeación imports its own. The structure's
// meaning is checked by core/cuestionario.ts; this module only reads, stores and authorises.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type CuestionarioEntrada,
  type CuestionarioResumen,
  CuestionarioSchema,
  type ImportacionCuestionario,
  type ProblemaCuestionario,
} from '../../contrato/cuestionarios.ts';
import {
  type Cuestionario,
  conteos,
  type Instrumento,
  recorrer,
  type Seccion,
  seccionesDe,
  validarCuestionario,
} from '../../core/cuestionario.ts';
import { rolesPermiten } from '../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import {
  autodiagnostico,
  cuestionario,
  cuestionarioItem,
  cuestionarioSeccion,
  entidad,
  politica,
} from '../../db/schema.ts';
import { conflicto, noEncontrado, prohibido } from '../../server/errores.ts';
import type { UsuarioSesion } from '../../server/sesiones.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';

export type LecturaFormato =
  | { ok: true; cuestionario: Cuestionario }
  | { ok: false; mensaje: string; problemas: ProblemaCuestionario[] };

const MAXIMO_PROBLEMAS = 200;

/**
 * Zod's issues located by the codes of the section and item they fall in (read from the input itself), so the
 * report says «sección 2.1, ítem P14: opciones: …» rather than a path of indexes.
 */
export function problemasDeFormato(
  entrada: unknown,
  issues: readonly z.core.$ZodIssue[],
): ProblemaCuestionario[] {
  return issues.slice(0, MAXIMO_PROBLEMAS).map((issue) => {
    let nodo: unknown = entrada;
    let seccion: string | null = null;
    let item: string | null = null;
    const resto: string[] = [];
    for (const [i, paso] of issue.path.entries()) {
      const previo = issue.path[i - 1];
      nodo =
        nodo && typeof nodo === 'object' ? (nodo as Record<PropertyKey, unknown>)[paso as string] : undefined;
      const codigo =
        nodo && typeof nodo === 'object' && typeof (nodo as { codigo?: unknown }).codigo === 'string'
          ? String((nodo as { codigo: string }).codigo).slice(0, 60)
          : null;
      if (typeof paso === 'number' && previo === 'secciones') {
        seccion = codigo ?? `n.º ${paso + 1}`;
        item = null;
        resto.length = 0;
      } else if (typeof paso === 'number' && previo === 'items') {
        item = codigo ?? `n.º ${paso + 1}`;
        resto.length = 0;
      } else if (paso !== 'secciones' && paso !== 'items') resto.push(String(paso));
      else if (i === issue.path.length - 1) resto.push(String(paso));
    }
    const campo = resto.length ? `«${resto.join('.')}»: ` : '';
    return { fila: null, seccion, item, problema: `${campo}${issue.message}` };
  });
}

/** The format read and its meaning checked; `politicas`: the catalog's policy keys, when known. */
export function leerFormato(entrada: unknown, politicas?: ReadonlySet<string>): LecturaFormato {
  const r = CuestionarioSchema.safeParse(entrada);
  if (!r.success) {
    const problemas = problemasDeFormato(entrada, r.error.issues);
    return { ok: false, mensaje: resumen(problemas.length, r.error.issues.length), problemas };
  }
  const c = r.data as Cuestionario;
  const problemas: ProblemaCuestionario[] = validarCuestionario(c).map((p) => ({ fila: null, ...p }));
  if (c.politica && politicas && !politicas.has(c.politica))
    problemas.unshift({
      fila: null,
      seccion: null,
      item: null,
      problema: `La política «${c.politica}» no está en el catálogo MIPG.`,
    });
  if (problemas.length)
    return {
      ok: false,
      mensaje: resumen(problemas.length, problemas.length),
      problemas: problemas.slice(0, MAXIMO_PROBLEMAS),
    };
  return { ok: true, cuestionario: c };
}

const resumen = (mostrados: number, total: number) =>
  `El cuestionario no se importó: tiene ${total.toLocaleString('es-CO')} ${total === 1 ? 'problema' : 'problemas'}${
    total > mostrados ? ` (se muestran los primeros ${mostrados})` : ''
  }. Corríjalos y vuelva a importarlo; no se guardó nada.`;

export async function clavesDePoliticas(db: Db): Promise<Set<string>> {
  const filas = await db.selectDistinct({ clave: politica.clave }).from(politica);
  return new Set(filas.map((f) => f.clave));
}

/** Who may write the questionnaires of `entidadId` (null: the platform's). */
export function autorizarEscritura(usuario: UsuarioSesion, entidadId: string | null) {
  if (usuario.adminPlataforma) return;
  if (entidadId === null)
    throw prohibido(
      'Solo el administrador de la plataforma importa cuestionarios de la plataforma. Para los de su entidad, indique entidadId.',
    );
  const roles = usuario.roles.get(entidadId) ?? [];
  if (roles.length === 0) throw prohibido('No tiene acceso a esta entidad.');
  if (!rolesPermiten(roles, 'cuestionario.importar'))
    throw prohibido('Solo planeación importa o elimina los cuestionarios de la entidad.');
}

const puedeVer = (usuario: UsuarioSesion, entidadId: string | null) =>
  entidadId === null || usuario.adminPlataforma || (usuario.roles.get(entidadId)?.length ?? 0) > 0;

const LOTE = 500;

/**
 * Imports a questionnaire whole or not at all. The same code and vigencia twice for one owner is a 409 (the
 * unique key decides a race between two imports: the second gets the 409 too).
 */
export async function importarCuestionario(
  db: Db,
  actor: Actor,
  usuario: UsuarioSesion,
  entidadId: string | null,
  entrada: unknown,
): Promise<
  ({ ok: true } & ImportacionCuestionario) | { ok: false; mensaje: string; problemas: ProblemaCuestionario[] }
> {
  autorizarEscritura(usuario, entidadId);
  const lectura = leerFormato(entrada, await clavesDePoliticas(db));
  if (!lectura.ok) return lectura;
  if (entidadId) {
    const [e] = await db.select({ id: entidad.id }).from(entidad).where(eq(entidad.id, entidadId));
    if (!e) throw noEncontrado('la entidad');
  }
  const id = await guardarCuestionario(db, actor, entidadId, lectura.cuestionario);
  const c = lectura.cuestionario;
  return { ok: true, id, codigo: c.codigo, vigencia: c.vigencia, ...conteos(c) };
}

/**
 * Stores a checked questionnaire (leerFormato) with its audit entry, in one transaction; the same code and
 * vigencia twice for one owner is a 409. The demo uses it directly.
 */
export async function guardarCuestionario(
  db: Db,
  actor: Actor,
  entidadId: string | null,
  c: Cuestionario,
): Promise<string> {
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      await guardar(tx, id, entidadId, actor.usuarioId, c);
      await registrarAuditoria(tx, actor, {
        entidadId,
        accion: 'importar',
        recurso: 'cuestionario',
        recursoId: id,
        despues: {
          codigo: c.codigo,
          vigencia: c.vigencia,
          instrumento: c.instrumento,
          items: recorrer(c).length,
        },
      });
    });
  } catch (e) {
    const code =
      (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (code === '23505')
      throw conflicto(
        `Ya existe el cuestionario «${c.codigo}» de la vigencia ${c.vigencia}${entidadId ? ' en la entidad' : ' en la plataforma'}. Elimínelo antes de importarlo de nuevo o cambie su código.`,
      );
    throw e;
  }
  return id;
}

async function guardar(
  tx: Db,
  id: string,
  entidadId: string | null,
  creadoPor: string | null,
  c: Cuestionario,
) {
  const items = recorrer(c);
  await tx.insert(cuestionario).values({
    id,
    entidadId,
    codigo: c.codigo,
    nombre: c.nombre,
    vigencia: c.vigencia,
    instrumento: c.instrumento,
    politica: c.politica ?? null,
    descripcion: c.descripcion ?? null,
    fuente: c.fuente ?? null,
    niveles: c.niveles ?? null,
    estructura: c.secciones,
    items: items.length,
    creadoPor,
  });
  const idDe = new Map<string, string>();
  const padreDe = new Map<string, string | null>();
  const visitar = (s: Seccion, padre: string | null) => {
    padreDe.set(s.codigo, padre);
    for (const sub of s.secciones) visitar(sub, s.codigo);
  };
  for (const s of c.secciones) visitar(s, null);
  const secciones = seccionesDe(c).map(({ seccion, nivel }, orden) => {
    const sid = randomUUID();
    idDe.set(seccion.codigo, sid);
    return { seccion, nivel, orden, sid };
  });
  const filasSeccion = secciones.map(({ seccion, nivel, orden, sid }) => ({
    id: sid,
    cuestionarioId: id,
    padreId: padreDe.get(seccion.codigo) ? idDe.get(padreDe.get(seccion.codigo)!)! : null,
    codigo: seccion.codigo,
    nombre: seccion.nombre,
    descripcion: seccion.descripcion ?? null,
    nivel,
    orden,
  }));
  for (let i = 0; i < filasSeccion.length; i += LOTE)
    await tx.insert(cuestionarioSeccion).values(filasSeccion.slice(i, i + LOTE));
  const filasItem = items.map(({ item, ruta }, orden) => {
    const { codigo, tipo, texto, ...definicion } = item;
    return {
      cuestionarioId: id,
      seccionId: idDe.get(ruta.at(-1)!.codigo)!,
      codigo,
      tipo,
      texto,
      noAplica: item.noAplica ?? false,
      evidencia: item.evidencia ?? false,
      definicion,
      orden,
    };
  });
  for (let i = 0; i < filasItem.length; i += LOTE)
    await tx.insert(cuestionarioItem).values(filasItem.slice(i, i + LOTE));
}

// The list never carries the structures (a bank is megabytes).
const columnasResumen = {
  id: cuestionario.id,
  entidadId: cuestionario.entidadId,
  codigo: cuestionario.codigo,
  nombre: cuestionario.nombre,
  vigencia: cuestionario.vigencia,
  instrumento: cuestionario.instrumento,
  politica: cuestionario.politica,
  fuente: cuestionario.fuente,
  items: cuestionario.items,
  creadoEn: cuestionario.creadoEn,
  // Its top sections from their rows (not from `estructura`, which holds a whole bank). Qualified by hand: in
  // a one-table select Drizzle writes a column without its table, which inside the subquery is the section's.
  modulos: sql<{ codigo: string; nombre: string }[]>`(
    select coalesce(json_agg(json_build_object('codigo', s.codigo, 'nombre', s.nombre) order by s.orden), '[]'::json)
    from cuestionario_seccion s where s.cuestionario_id = cuestionario.id and s.nivel = 1)`,
};

const resumenDe = (
  f: Pick<typeof cuestionario.$inferSelect, Exclude<keyof typeof columnasResumen, 'modulos'>> & {
    modulos: CuestionarioResumen['modulos'];
  },
): CuestionarioResumen => ({
  id: f.id,
  entidadId: f.entidadId,
  codigo: f.codigo,
  nombre: f.nombre,
  vigencia: f.vigencia,
  instrumento: f.instrumento as Instrumento,
  politica: f.politica,
  fuente: f.fuente,
  items: f.items,
  creadoEn: f.creadoEn.toISOString(),
  modulos: f.modulos,
});

/** The platform's questionnaires and, with `entidadId`, that entity's (for whoever has a role in it). */
export async function listarCuestionarios(
  db: Db,
  usuario: UsuarioSesion,
  filtro: { entidadId?: string; vigencia?: number; instrumento?: Instrumento },
): Promise<CuestionarioResumen[]> {
  if (filtro.entidadId && !puedeVer(usuario, filtro.entidadId))
    throw prohibido('No tiene acceso a esta entidad.');
  const duenos = filtro.entidadId
    ? or(isNull(cuestionario.entidadId), eq(cuestionario.entidadId, filtro.entidadId))
    : isNull(cuestionario.entidadId);
  const filas = await db
    .select(columnasResumen)
    .from(cuestionario)
    .where(
      and(
        duenos,
        filtro.vigencia === undefined ? undefined : eq(cuestionario.vigencia, filtro.vigencia),
        filtro.instrumento === undefined ? undefined : eq(cuestionario.instrumento, filtro.instrumento),
      ),
    )
    .orderBy(sql`${cuestionario.vigencia} desc`, asc(cuestionario.nombre));
  return filas.map(resumenDe);
}

/** One questionnaire the person may read (another entity's is «not found», never a hint it exists). */
async function cargar(db: Db, usuario: UsuarioSesion, id: string) {
  const [c] = await db.select().from(cuestionario).where(eq(cuestionario.id, id));
  if (!c || !puedeVer(usuario, c.entidadId)) throw noEncontrado('el cuestionario');
  return c;
}

/** The questionnaire rebuilt in the import format: importing it again gives the same questionnaire. */
export async function exportarCuestionario(
  db: Db,
  usuario: UsuarioSesion,
  id: string,
): Promise<CuestionarioEntrada> {
  return estructuraDe(await cargar(db, usuario, id));
}

/** A questionnaire the entity may use: the platform's or its own (another entity's is «not found»). */
export async function cuestionarioDeEntidad(db: Db, entidadId: string, cuestionarioId: string) {
  const [c] = await db
    .select()
    .from(cuestionario)
    .where(
      and(
        eq(cuestionario.id, cuestionarioId),
        or(isNull(cuestionario.entidadId), eq(cuestionario.entidadId, entidadId)),
      ),
    );
  if (!c) throw noEncontrado('el cuestionario');
  return c;
}

export function estructuraDe(c: typeof cuestionario.$inferSelect): CuestionarioEntrada {
  return {
    formato: 'mipg-cuestionario/1',
    codigo: c.codigo,
    nombre: c.nombre,
    vigencia: c.vigencia,
    instrumento: c.instrumento as Instrumento,
    ...(c.politica === null ? {} : { politica: c.politica }),
    ...(c.descripcion === null ? {} : { descripcion: c.descripcion }),
    ...(c.fuente === null ? {} : { fuente: c.fuente }),
    ...(c.niveles === null ? {} : { niveles: c.niveles }),
    secciones: c.estructura,
  };
}

/** Removes a questionnaire with its sections and items; one assigned as an autodiagnóstico is a 409. */
export async function eliminarCuestionario(db: Db, actor: Actor, usuario: UsuarioSesion, id: string) {
  const c = await cargar(db, usuario, id);
  autorizarEscritura(usuario, c.entidadId);
  await db.transaction(async (tx) => {
    // An assigned autodiagnóstico keeps its questionnaire (its answers point into it); the foreign key
    // settles a race with an assignment.
    const [asignado] = await tx
      .select({ id: autodiagnostico.id })
      .from(autodiagnostico)
      .where(eq(autodiagnostico.cuestionarioId, id))
      .limit(1);
    if (asignado)
      throw conflicto(
        'El cuestionario no se puede eliminar: ya está asignado como autodiagnóstico de una entidad.',
      );
    const borrado = await tx
      .delete(cuestionario)
      .where(eq(cuestionario.id, id))
      .returning({ id: cuestionario.id });
    if (borrado.length === 0) throw noEncontrado('el cuestionario');
    await registrarAuditoria(tx, actor, {
      entidadId: c.entidadId,
      accion: 'eliminar',
      recurso: 'cuestionario',
      recursoId: id,
      antes: { codigo: c.codigo, vigencia: c.vigencia, items: c.items },
    });
  });
}
