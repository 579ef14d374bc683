// Excel use cases of the plan: the export (plan and a period's follow-up), the template with the entity's
// valid lists, and the all-or-nothing import of activities.

import { asc, eq } from 'drizzle-orm';
import { ActividadEntradaSchema } from '../../contrato/plan.ts';
import { ACUMULACIONES, AYUDA_ACUMULACION, NOMBRE_ACUMULACION } from '../../core/acumulacion.ts';
import { hoyEnColombia } from '../../core/calendario.ts';
import { cantidad } from '../../core/formato.ts';
import { cantidadPeriodos, ESQUEMAS, type EsquemaPeriodos } from '../../core/periodos.ts';
import {
  type ClaveColumna,
  COLUMNAS_PLAN,
  encabezadosPlan,
  type FilaHoja,
  validarImportacion,
} from '../../core/plan-importacion.ts';
import { NOMBRE_ESTADO_SEGUIMIENTO } from '../../core/seguimiento.ts';
import { textoVerificacion } from '../../core/verificacion.ts';
import type { Db } from '../../db/client.ts';
import { actividad, dependencia, indiceFurag, rolUsuario, usuario } from '../../db/schema.ts';
import { conflicto, ErrorApi } from '../../server/errores.ts';
import { type Actor, registrarAuditoria } from '../auditoria/auditoria.repository.ts';
import { planesDecreto612De, politicasDeEntidad } from '../catalogo/catalogo.repository.ts';
import { actividadesDe, codigosObjetivos, planDe, planEditable } from '../plan/plan.service.ts';
import { listarPlanesPropios, sostenerPlanesPropios } from '../plan/planes-propios.service.ts';
import { hojaSeguimiento } from '../seguimiento/seguimiento.service.ts';
import { periodoVigente } from '../tablero/tablero.service.ts';
import { leerVigencia, sostenerEsquemas } from '../vigencias/vigencia.service.ts';
import { leerLibroPlanEnHilo } from './leer-en-hilo.ts';
import {
  aBuffer,
  agregarHojaPlan,
  agregarHojaSeguimiento,
  agregarListasDesplegables,
  nuevoLibro,
} from './plan-xlsx.ts';

export interface ProblemaImportacion {
  fila: number;
  columna: string;
  problema: string;
}

export type ResultadoImportacionPlan =
  | { ok: true; importadas: number }
  | { ok: false; mensaje: string; problemas: ProblemaImportacion[] };

/** Names of what the entity has, for readable cells (and for reading them back on import). */
export async function referencias(db: Db, entidadId: string, vigencia: number) {
  const [politicas, dependencias, personas, indices, planes612, planesPropios] = await Promise.all([
    politicasDeEntidad(db, entidadId, vigencia),
    db
      .select({ id: dependencia.id, nombre: dependencia.nombre, codigo: dependencia.codigo })
      .from(dependencia)
      .where(eq(dependencia.entidadId, entidadId))
      .orderBy(asc(dependencia.nombre)),
    db
      .selectDistinct({ id: usuario.id, correo: usuario.correo, nombre: usuario.nombre })
      .from(usuario)
      .innerJoin(rolUsuario, eq(rolUsuario.usuarioId, usuario.id))
      .where(eq(rolUsuario.entidadId, entidadId))
      .orderBy(asc(usuario.correo)),
    db
      .select({ codigo: indiceFurag.codigo, nombre: indiceFurag.nombre, politica: indiceFurag.politica })
      .from(indiceFurag)
      .where(eq(indiceFurag.vigencia, vigencia)),
    planesDecreto612De(db, vigencia),
    listarPlanesPropios(db, entidadId),
  ]);
  const aplican = new Set(politicas.aplicables.map((p) => p.clave));
  return {
    politicas: politicas.aplicables,
    politicasQueNoAplican: politicas.todas.filter((p) => !aplican.has(p.clave)),
    dependencias,
    personas,
    indices,
    planes612,
    planesPropios,
  };
}

/** The plan and the follow-up of a period (the current one by default) as one workbook. */
export async function libroPlan(db: Db, entidadId: string, vigencia: number, periodo?: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const plan = await planDe(db, entidadId, vigencia);
  const actividades = plan ? await actividadesDe(db, plan.id) : [];
  const ref = await referencias(db, entidadId, vigencia);
  const nombrePolitica = new Map(ref.politicas.map((p) => [p.clave, p.nombre]));
  const nombreDependencia = new Map(ref.dependencias.map((d) => [d.id, d.nombre]));
  const correo = new Map(ref.personas.map((p) => [p.id, p.correo]));
  const libro = await nuevoLibro();
  agregarHojaPlan(
    libro,
    v.periodos.map((p) => p.nombre),
    // Only the policies that apply to the entity, as in its plan.
    actividades
      .filter((a) => nombrePolitica.has(a.politica))
      .map((a) => ({
        ...a,
        politica: nombrePolitica.get(a.politica) ?? a.politica,
        dependencia: a.dependenciaId ? (nombreDependencia.get(a.dependenciaId) ?? null) : null,
        // Responsible first, then co-responsibles: the import reads them back in that order.
        responsable:
          [a.responsableId, ...a.corresponsables]
            .filter((id): id is string => !!id)
            .map((id) => correo.get(id))
            .filter(Boolean)
            .join('; ') || null,
      })),
  );
  const numero = periodo ?? periodoVigente(v.periodos, hoyEnColombia());
  const hoja = await hojaSeguimiento(db, entidadId, vigencia, numero, null);
  agregarHojaSeguimiento(
    libro,
    hoja.periodo.nombre,
    hoja.filas.map((f) => ({
      codigo: f.actividad.codigo,
      politica: nombrePolitica.get(f.actividad.politica) ?? f.actividad.politica,
      nombre: f.actividad.nombre,
      unidad: f.actividad.unidad,
      metaPeriodo: f.cifras.metaPeriodo,
      logradoPeriodo: f.reporte?.valor ?? null,
      logradoAcumulado: f.cifras.logradoAcumulado,
      avanceAcumulado: f.cifras.avanceAcumulado,
      cumplimientoPeriodo: f.cifras.cumplimientoPeriodo,
      avanceVerificado: f.reporte?.avanceVerificado ?? null,
      estado: f.reporte ? NOMBRE_ESTADO_SEGUIMIENTO[f.reporte.estado] : 'Sin reporte',
      verificacion: textoVerificacion(f.verificacion),
      tardio: f.reporte?.tardio ?? false,
      descripcion: f.reporte?.descripcion ?? null,
      dificultades: f.reporte?.dificultades ?? null,
      evidencias: f.reporte?.evidencias.length ?? 0,
      observacionesPlaneacion: f.reporte?.observacionesPlaneacion ?? null,
      observacionesControl: f.reporte?.observacionesControl ?? null,
      respuestaControl: f.reporte?.respuestaControl ?? null,
    })),
  );
  return aBuffer(libro);
}

/** A line per instrument with its own scheme: where its goals go in the template. */
function instruccionesEsquemas(
  v: { esquema: EsquemaPeriodos; esquemasInstrumento: Partial<Record<string, EsquemaPeriodos>> },
  planes612: readonly { clave: string; nombre: string; sigla?: string | null }[],
  periodos: readonly string[],
) {
  return Object.entries(v.esquemasInstrumento)
    .filter(([, e]) => e && e !== v.esquema)
    .map(([clave, e]) => {
      const p = planes612.find((x) => x.clave === clave);
      const nombre = p ? (p.sigla ?? p.nombre) : clave;
      const n = cantidadPeriodos(e!);
      return `${nombre}: se programa por ${ESQUEMAS[e!].plural} (${Array.from({ length: n }, (_, i) => ESQUEMAS[e!].nombre(i + 1)).join(', ')}). Escriba sus ${n} metas en las columnas «Meta ${periodos[0]}» a «Meta ${periodos[n - 1]}», en ese orden, y deje vacías las demás columnas de meta.`;
    });
}

/** The import template: the plan's columns with drop-down lists of the entity's and the catalog's values. */
export async function plantillaPlan(db: Db, entidadId: string, vigencia: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const ref = await referencias(db, entidadId, vigencia);
  const libro = await nuevoLibro();
  const periodos = v.periodos.map((p) => p.nombre);
  const hoja = agregarHojaPlan(libro, periodos, []);
  agregarListasDesplegables(libro, hoja, encabezadosPlan(periodos), [
    { encabezado: 'Política', valores: ref.politicas.map((p) => p.nombre) },
    {
      encabezado: 'Índice FURAG',
      valores: ref.indices.map((i) => i.codigo),
      ayuda: { encabezado: 'Qué mide el índice', valores: ref.indices.map((i) => i.nombre) },
    },
    { encabezado: 'Plan del Decreto 612', valores: ref.planes612.map((p) => p.nombre) },
    {
      encabezado: 'Plan propio',
      valores: ref.planesPropios.map((p) => p.codigo),
      ayuda: { encabezado: 'Nombre del plan propio', valores: ref.planesPropios.map((p) => p.nombre) },
    },
    {
      encabezado: 'Tipo de meta',
      valores: ACUMULACIONES.map((k) => NOMBRE_ACUMULACION[k]),
      ayuda: { encabezado: 'Cómo se calcula', valores: ACUMULACIONES.map((k) => AYUDA_ACUMULACION[k]) },
    },
    { encabezado: 'Dependencia', valores: ref.dependencias.map((d) => d.nombre) },
    {
      encabezado: 'Responsable (correo)',
      valores: ref.personas.map((p) => p.correo),
      ayuda: { encabezado: 'Nombre del responsable', valores: ref.personas.map((p) => p.nombre) },
    },
  ]);
  const ayuda = libro.addWorksheet('Instrucciones');
  ayuda.getColumn(1).width = 120;
  for (const linea of [
    `Plantilla del plan de acción ${vigencia}. Una fila por actividad en la hoja «Plan de acción».`,
    'Política, índice FURAG, plan del Decreto 612, dependencia y responsable: elija de la lista desplegable de cada celda (los valores están en la hoja «Listas válidas»). La política también se acepta por su clave (p. ej. integridad).',
    'Tipo de meta: «Suma de los periodos» si lo de cada periodo se suma (las metas por periodo suman la meta anual); «Último valor reportado» para un total acumulado; «Promedio de los periodos» para una tasa que se mantiene cada periodo (p. ej. 90 % de PQRSD a tiempo); «Máximo alcanzado»; «Hito» para algo que se cumple o no (meta 1 en el periodo en que debe cumplirse). Vacío = suma.',
    'Metas por periodo: con «Suma» deben sumar la meta anual; con «Último» la del último periodo con meta es la meta anual; con «Promedio» su promedio es la meta anual; con «Máximo» la mayor es la meta anual. Ponderación: porcentaje de la actividad en su política (las de cada política suman 100).',
    ...instruccionesEsquemas(v, ref.planes612, periodos),
    'Fechas como dd/mm/aaaa dentro de la vigencia. Presupuesto en pesos, sin decimales. Números con coma decimal: 1.234,5.',
    'La importación agrega actividades al plan en borrador; un código que ya esté en el plan se rechaza.',
    'Si alguna fila tiene un problema no se importa nada: el informe dice fila, columna y problema.',
  ])
    ayuda.addRow([linea]);
  return aBuffer(libro);
}

/**
 * Adds the workbook's activities to the draft plan, all or nothing: a plan that cannot take activities is
 * refused before the file is read; any problem in any row leaves the plan untouched and is reported by
 * row and column. The file is parsed in a worker (see leer-en-hilo) so a large one does not stall others.
 */
export async function importarPlan(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  contenido: unknown,
): Promise<ResultadoImportacionPlan> {
  if (!Buffer.isBuffer(contenido) || contenido.length === 0)
    return { ok: false, mensaje: 'Envíe el archivo .xlsx de la plantilla.', problemas: [] };
  await exigirPlanImportable(db, entidadId, vigencia);
  const libro = await leerLibroPlanEnHilo(contenido);
  if (!libro.ok && libro.status === 400) return { ok: false, mensaje: libro.mensaje, problemas: [] };
  if (!libro.ok)
    throw new ErrorApi(libro.status, libro.mensaje, [{ campo: 'archivo', mensaje: libro.mensaje }]);
  return importarFilasPlan(db, actor, entidadId, vigencia, libro.encabezados, libro.filas);
}

/** Checked before reading any file: a plan that cannot take activities costs no parsing (409). */
export async function exigirPlanImportable(db: Db, entidadId: string, vigencia: number) {
  const v = await leerVigencia(db, entidadId, vigencia);
  const plan = await planDe(db, entidadId, vigencia);
  if (plan && plan.estado !== 'borrador')
    throw conflicto(
      `El plan de ${vigencia} está ${plan.estado}: abra una nueva versión para importar actividades.`,
    );
  return { vigencia: v, plan };
}

export interface OpcionesImportacion {
  /** The office's own column for each template header, for the report (imports from its own sheet). */
  columnaDe?: Readonly<Record<string, string>>;
  /** What the audit records about where the rows came from. */
  origen?: string;
  /** More work in the same transaction (saving the sheet's mapping): undone if the insert fails. */
  tambien?: (tx: Db) => Promise<void>;
}

/**
 * The template's rows into the draft plan, all or nothing: the template's validation, the form's rules, one
 * transaction and one audit entry. Used by the template import and by the import of the office's own sheet.
 */
export async function importarFilasPlan(
  db: Db,
  actor: Actor,
  entidadId: string,
  vigencia: number,
  encabezados: readonly string[],
  filas: readonly FilaHoja[],
  opciones: OpcionesImportacion = {},
): Promise<ResultadoImportacionPlan> {
  const { vigencia: v, plan } = await exigirPlanImportable(db, entidadId, vigencia);
  const columna = (c: string) => opciones.columnaDe?.[c] ?? c;
  const rechazar = (problemas: ProblemaImportacion[]) =>
    ({
      ok: false,
      mensaje: `El archivo tiene ${cantidad(problemas.length, 'problema', 'problemas')}: no se importó ninguna actividad. Corríjalos y vuelva a cargarlo.`,
      problemas: problemas.map((p) => ({ ...p, columna: columna(p.columna) })),
    }) as const;
  const ref = await referencias(db, entidadId, vigencia);
  const existentes = plan ? (await actividadesDe(db, plan.id)).map((a) => a.codigo) : [];
  const r = validarImportacion(filas, encabezados, {
    vigencia,
    periodos: v.periodos.map((p) => p.nombre),
    esquemas: v,
    ...ref,
    objetivos: await codigosObjetivos(db, entidadId),
    codigosExistentes: new Set(existentes),
  });
  if (!r.ok) return rechazar(r.problemas);
  // The same rules as the form (lengths, ranges), reported against the sheet's columns.
  const encabezadoDe = (campo: string) =>
    COLUMNAS_PLAN.find((c) => c.clave === (campo as ClaveColumna))?.encabezado ?? campo;
  const problemas = r.actividades.flatMap((a, i) => {
    const p = ActividadEntradaSchema.safeParse(a);
    return p.success
      ? []
      : p.error.issues.map((x) => ({
          fila: r.filas[i]!,
          columna: encabezadoDe(String(x.path[0])),
          problema: x.message,
        }));
  });
  if (problemas.length) return rechazar(problemas);
  await db.transaction(async (tx) => {
    const p = await planEditable(tx, entidadId, vigencia);
    await sostenerPlanesPropios(tx, entidadId, r.actividades);
    await sostenerEsquemas(tx, entidadId, vigencia, r.actividades);
    for (let i = 0; i < r.actividades.length; i += 500)
      await tx.insert(actividad).values(r.actividades.slice(i, i + 500).map((a) => ({ ...a, planId: p.id })));
    await opciones.tambien?.(tx);
    await registrarAuditoria(tx, actor, {
      entidadId,
      accion: 'importar',
      recurso: 'plan',
      recursoId: `${vigencia}:v${p.version}`,
      despues: {
        actividades: r.actividades.length,
        codigos: r.actividades.map((a) => a.codigo),
        ...(opciones.origen ? { origen: opciones.origen } : {}),
      },
    });
  });
  return { ok: true, importadas: r.actividades.length };
}
