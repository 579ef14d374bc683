// The office's own plan spreadsheet: read as it is, mapped to the template's columns, and imported with the
// template's validation and all-or-nothing insert (excel.service.ts). The mapping is saved per entity.
import { eq } from 'drizzle-orm';
import {
  type AnalisisHoja,
  type FilaPropia,
  type HojaPropia,
  type LecturaHoja,
  LIMITES_HOJA_PROPIA,
} from '../../contrato/plan-propio.ts';
import type { Acumulacion } from '../../core/acumulacion.ts';
import {
  type Campo,
  type ContextoMapeo,
  campoValido,
  detectarFilaEncabezado,
  type Equivalencias,
  mapearHoja,
  normalizar,
  sugerirMapeo,
  type TipoNombre,
  textoDe,
} from '../../core/mapeo-columnas.ts';
import { COLUMNAS_PLAN } from '../../core/plan-importacion.ts';
import type { Db } from '../../db/client.ts';
import { mapeoPlanEntidad } from '../../db/schema.ts';
import { ErrorApi, invalido } from '../../server/errores.ts';
import type { Actor } from '../auditoria/auditoria.repository.ts';
import {
  exigirPlanImportable,
  importarFilasPlan,
  type ResultadoImportacionPlan,
  referencias,
} from '../excel/excel.service.ts';
import { actividadesDe } from '../plan/plan.service.ts';
import { leerTabla, type TipoTabla } from './leer-tabla.ts';

const miles = (n: number) => n.toLocaleString('es-CO');

/** The file's cells as text and numbers (dates as dd/mm/aaaa), row 1 included: the header may be anywhere. */
export async function leerHojaPropia(
  contenido: Buffer,
  tipo: TipoTabla,
): Promise<{ ok: true; filas: FilaPropia[] } | { ok: false; mensaje: string }> {
  const tabla = await leerTabla(contenido, tipo);
  if (!tabla.ok && tabla.status === 400) return { ok: false, mensaje: tabla.mensaje };
  if (!tabla.ok)
    throw new ErrorApi(tabla.status, tabla.mensaje, [{ campo: 'archivo', mensaje: tabla.mensaje }]);
  const todas = [{ numero: 1, celdas: tabla.encabezados }, ...tabla.filas].filter((f) =>
    f.celdas.some((c) => textoDe(c) !== ''),
  );
  const L = LIMITES_HOJA_PROPIA;
  if (todas.length > L.filas)
    throw new ErrorApi(
      413,
      `La hoja tiene ${miles(todas.length)} filas con datos: se importan como máximo ${miles(L.filas)}. Divida el plan en varios archivos.`,
      [{ campo: 'archivo', mensaje: `más de ${miles(L.filas)} filas` }],
    );
  const filas: FilaPropia[] = [];
  for (const f of todas) {
    const celdas = f.celdas.map((c) =>
      typeof c === 'number' && Number.isFinite(c) ? c : textoDe(c) || null,
    );
    const larga = celdas.findIndex((c) => typeof c === 'string' && c.length > L.caracteres);
    if (larga >= 0)
      return {
        ok: false,
        mensaje: `La celda de la fila ${miles(f.numero)}, columna ${larga + 1}, tiene más de ${miles(L.caracteres)} caracteres. Acórtela y vuelva a cargar el archivo.`,
      };
    filas.push({ numero: f.numero, celdas });
  }
  if (!filas.length) return { ok: false, mensaje: 'El archivo no tiene datos.' };
  return { ok: true, filas };
}

async function contexto(db: Db, entidadId: string, vigencia: number) {
  const { vigencia: v, plan } = await exigirPlanImportable(db, entidadId, vigencia);
  const [ref, guardado] = await Promise.all([
    referencias(db, entidadId, vigencia),
    db.select().from(mapeoPlanEntidad).where(eq(mapeoPlanEntidad.entidadId, entidadId)),
  ]);
  const existentes = plan ? (await actividadesDe(db, plan.id)).map((a) => a.codigo) : [];
  const ctx: ContextoMapeo = {
    vigencia,
    periodos: v.periodos.map((p) => p.nombre),
    politicas: ref.politicas,
    dependencias: ref.dependencias,
    personas: ref.personas,
    codigosExistentes: new Set(existentes),
  };
  // Last year's choices of names, while what they point to still exists.
  const validos: Record<TipoNombre, Set<string>> = {
    politica: new Set(ctx.politicas.map((p) => p.clave)),
    dependencia: new Set(ctx.dependencias.map((d) => d.id)),
    responsable: new Set(ctx.personas.map((p) => p.id)),
  };
  const nombres = Object.fromEntries(
    TIPOS_NOMBRE.map((t) => [
      t,
      Object.fromEntries(
        Object.entries(guardado[0]?.nombres?.[t] ?? {}).filter(([, id]) => validos[t].has(id)),
      ),
    ]),
  ) as Record<TipoNombre, Record<string, string>>;
  return { ctx, guardado: (guardado[0]?.columnas ?? {}) as Record<string, Campo | ''>, nombres };
}

const TIPOS_NOMBRE: readonly TipoNombre[] = ['politica', 'dependencia', 'responsable'];

/** Last year's names under this review's choices (keys without accents or case, so a choice replaces one). */
function equivalenciasCon(
  guardadas: Record<TipoNombre, Record<string, string>>,
  elegidas: HojaPropia['equivalencias'],
): Equivalencias {
  const norm = (o: Record<string, string | null> = {}) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [normalizar(k), v]));
  return Object.fromEntries(TIPOS_NOMBRE.map((t) => [t, { ...norm(guardadas[t]), ...norm(elegidas?.[t]) }]));
}

function camposDe(periodos: readonly string[]) {
  const campos: { campo: string; nombre: string }[] = COLUMNAS_PLAN.map((c) => ({
    campo: c.clave,
    nombre: c.clave === 'responsable' ? 'Responsable (nombre o correo)' : c.encabezado,
  }));
  const i = campos.findIndex((c) => c.campo === 'unidad') + 1;
  campos.splice(i, 0, ...periodos.map((p, k) => ({ campo: `meta${k + 1}`, nombre: `Meta ${p}` })));
  if (!campos.some((c) => c.campo === 'acumulacion'))
    campos.push({ campo: 'acumulacion', nombre: 'Tipo de meta' });
  return campos;
}

function prepararMapeo(hoja: HojaPropia, ctx: ContextoMapeo, guardado: Record<string, Campo | ''>) {
  const encabezado = hoja.filas.find((f) => f.numero === hoja.filaEncabezado);
  if (!encabezado) throw invalido('filaEncabezado', `la fila ${hoja.filaEncabezado} no tiene datos`);
  const encabezados = encabezado.celdas.map(textoDe);
  const n = ctx.periodos.length;
  if (hoja.mapeo) {
    const malo = hoja.mapeo.find((c) => c !== null && !campoValido(c, n));
    if (malo) throw invalido('mapeo', `«${malo}» no es un campo del plan`);
    const usados = hoja.mapeo.filter(Boolean);
    const repetido = usados.find((c, i) => usados.indexOf(c) !== i);
    if (repetido)
      throw invalido('mapeo', `«${nombreCampo(repetido, ctx.periodos)}» está en dos columnas: elija una`);
  }
  const sugerido = sugerirMapeo(encabezados, n, guardado);
  const mapeo = encabezados.map((_, i) =>
    hoja.mapeo ? ((hoja.mapeo[i] ?? null) as Campo | null) : sugerido[i]!.campo,
  );
  return { encabezados, sugerido, mapeo };
}

const nombreCampo = (c: string, periodos: readonly string[]) =>
  camposDe(periodos).find((x) => x.campo === c)?.nombre ?? c;

const tiposDe = (t: HojaPropia['tipos']) =>
  Object.fromEntries(Object.entries(t ?? {}).map(([k, v]) => [Number(k), v])) as Record<number, Acumulacion>;

/** What the review screen shows: the columns and their fields, the names that did not match, the goal types. */
export async function analizarHojaPropia(
  db: Db,
  entidadId: string,
  vigencia: number,
  entrada: Omit<HojaPropia, 'filaEncabezado'> & { filaEncabezado?: number },
): Promise<AnalisisHoja> {
  const { ctx, guardado, nombres } = await contexto(db, entidadId, vigencia);
  // Without a header row (a file just read): the row that reads most like one.
  const filaEncabezado =
    entrada.filaEncabezado ??
    detectarFilaEncabezado(entrada.filas, ctx.periodos.length) ??
    entrada.filas[0]!.numero;
  const hoja = { ...entrada, filaEncabezado };
  const { encabezados, sugerido, mapeo } = prepararMapeo(hoja, ctx, guardado);
  const r = mapearHoja(hoja.filas, hoja.filaEncabezado, mapeo, ctx, {
    equivalencias: equivalenciasCon(nombres, hoja.equivalencias),
    tipos: tiposDe(hoja.tipos),
  });
  const primera = hoja.filas.find((f) => f.numero > hoja.filaEncabezado);
  return {
    filaEncabezado: hoja.filaEncabezado,
    actividades: r.filas.length,
    columnas: encabezados.map((e, i) => ({
      indice: i,
      encabezado: e,
      campo: mapeo[i] ?? null,
      origen: hoja.mapeo ? (mapeo[i] ? 'sugerido' : 'ninguno') : sugerido[i]!.origen,
      ejemplo: textoDe(primera?.celdas[i] ?? null).slice(0, 80),
    })),
    campos: camposDe(ctx.periodos),
    faltan: r.faltan.map((c) => nombreCampo(c, ctx.periodos)),
    valores: r.valores,
    opciones: {
      politica: ctx.politicas.map((p) => ({ id: p.clave, nombre: p.nombre })),
      dependencia: ctx.dependencias.map((d) => ({ id: d.id, nombre: d.nombre })),
      responsable: ctx.personas.map((p) => ({ id: p.id, nombre: `${p.nombre} (${p.correo})` })),
    },
    tipos: r.tipos,
  };
}

/** Read the file and suggest everything: the header row, the mapping (saved or suggested), the names. */
export async function leerYAnalizar(
  db: Db,
  entidadId: string,
  vigencia: number,
  contenido: Buffer,
  tipo: TipoTabla,
): Promise<{ ok: true; lectura: LecturaHoja } | { ok: false; mensaje: string }> {
  // Checked before reading the file: a plan that cannot take activities costs no parsing.
  await exigirPlanImportable(db, entidadId, vigencia);
  const l = await leerHojaPropia(contenido, tipo);
  if (!l.ok) return l;
  const analisis = await analizarHojaPropia(db, entidadId, vigencia, { filas: l.filas });
  return { ok: true, lectura: { ...analisis, filas: l.filas } };
}

/**
 * The sheet into the draft plan through the template's validation, all or nothing; the report names the
 * office's own columns. The mapping is saved in the same transaction, for next year's sheet.
 */
export async function importarHojaPropia(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  hoja: HojaPropia,
): Promise<ResultadoImportacionPlan> {
  const { ctx, guardado, nombres } = await contexto(db, entidadId, vigencia);
  const { encabezados, mapeo } = prepararMapeo(hoja, ctx, guardado);
  const r = mapearHoja(hoja.filas, hoja.filaEncabezado, mapeo, ctx, {
    equivalencias: equivalenciasCon(nombres, hoja.equivalencias),
    tipos: tiposDe(hoja.tipos),
  });
  if (r.faltan.length)
    return {
      ok: false,
      mensaje: 'Falta elegir columnas obligatorias: no se importó ninguna actividad.',
      problemas: r.faltan.map((c) => ({
        fila: hoja.filaEncabezado,
        columna: nombreCampo(c, ctx.periodos),
        problema: 'elija la columna de la hoja que la trae',
      })),
    };
  const columnas: Record<string, string> = { ...guardado };
  encabezados.forEach((e, i) => {
    const k = normalizar(e);
    if (k && k.length <= 200) columnas[k] = mapeo[i] ?? '';
  });
  // Bounded: the headers of the latest sheets (a column key is at most 200 characters).
  const guardar = Object.fromEntries(Object.entries(columnas).slice(-200));
  // The names that needed a choice (not written as the platform writes them), for next year: bounded too.
  const nombresGuardar = Object.fromEntries(
    TIPOS_NOMBRE.map((t) => {
      const nuevos = r.valores[t]
        .filter((v) => v.id && !v.exacto && normalizar(v.texto).length <= 200)
        .map((v) => [normalizar(v.texto), v.id!] as const);
      return [t, Object.fromEntries([...Object.entries(nombres[t]), ...nuevos].slice(-300))];
    }),
  );
  return importarFilasPlan(db, actor, entidadId, vigencia, r.encabezados, r.filas, {
    columnaDe: r.columnaDe,
    origen: 'hoja propia',
    tambien: async (tx) => {
      await tx
        .insert(mapeoPlanEntidad)
        .values({ entidadId, columnas: guardar, nombres: nombresGuardar, actualizadoPor: actor.usuarioId })
        .onConflictDoUpdate({
          target: mapeoPlanEntidad.entidadId,
          set: {
            columnas: guardar,
            nombres: nombresGuardar,
            actualizadoPor: actor.usuarioId,
            actualizadoEn: new Date(),
          },
        });
    },
  });
}
