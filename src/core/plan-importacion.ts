// The action plan as a spreadsheet: the columns of the export and of the import template, and the
// validation of every imported row against the catalog and the entity, reporting row / column / problem.
import {
  ACUMULACIONES,
  type Acumulacion,
  leerAcumulacion,
  NOMBRE_ACUMULACION,
  problemaMetas,
} from './acumulacion.ts';
import { planAdmitePolitica } from './catalogo.ts';
import { LIMITES, type Limite, mensajeDecimales, mensajeRango, problemaNumero } from './numeros.ts';
import {
  cantidadPeriodos,
  ESQUEMAS,
  type EsquemaPeriodos,
  type EsquemasInstrumento,
  esquemaActividad,
} from './periodos.ts';
import { buscarTextoNoPermitido, claveComparable, MENSAJE_PROBLEMA } from './texto.ts';

export const COLUMNAS_PLAN = [
  { clave: 'codigo', encabezado: 'Código', ancho: 12 },
  { clave: 'politica', encabezado: 'Política', ancho: 34 },
  { clave: 'indiceFurag', encabezado: 'Índice FURAG', ancho: 12 },
  { clave: 'plan612', encabezado: 'Plan del Decreto 612', ancho: 30 },
  { clave: 'planPropio', encabezado: 'Plan propio', ancho: 16 },
  { clave: 'objetivo', encabezado: 'Objetivo estratégico', ancho: 30 },
  { clave: 'nombre', encabezado: 'Actividad', ancho: 50 },
  { clave: 'producto', encabezado: 'Producto o entregable', ancho: 36 },
  { clave: 'metaAnual', encabezado: 'Meta anual', ancho: 11 },
  { clave: 'acumulacion', encabezado: 'Tipo de meta', ancho: 24 },
  { clave: 'unidad', encabezado: 'Unidad de medida', ancho: 16 },
  // The goals per period go here, one column per period: «Meta Trimestre 1», …
  { clave: 'ponderacion', encabezado: 'Ponderación (%)', ancho: 14 },
  { clave: 'dependencia', encabezado: 'Dependencia', ancho: 30 },
  { clave: 'responsable', encabezado: 'Responsable (correo)', ancho: 32 },
  { clave: 'fechaInicio', encabezado: 'Fecha de inicio', ancho: 14 },
  { clave: 'fechaFin', encabezado: 'Fecha de fin', ancho: 14 },
  { clave: 'presupuesto', encabezado: 'Presupuesto (COP)', ancho: 18 },
  { clave: 'rubro', encabezado: 'Rubro presupuestal', ancho: 18 },
  { clave: 'bpin', encabezado: 'BPIN', ancho: 16 },
  { clave: 'riesgo', encabezado: 'Riesgo asociado', ancho: 30 },
] as const;
export type ClaveColumna = (typeof COLUMNAS_PLAN)[number]['clave'];

/** Columns added after templates were in use: a sheet without them still imports, with their default. */
const COLUMNAS_NUEVAS = new Set(['Tipo de meta', 'Plan propio']);

/** Headers in order, with one goal column per period inserted after «Unidad de medida». */
export function encabezadosPlan(periodos: readonly string[]): string[] {
  const e = COLUMNAS_PLAN.map((c) => c.encabezado as string);
  const i = e.indexOf('Unidad de medida') + 1;
  return [...e.slice(0, i), ...periodos.map((p) => `Meta ${p}`), ...e.slice(i)];
}

export type Celda = string | number | Date | null | undefined;

/** A row that has content, with its number in the sheet (blank rows are not read, so they leave gaps). */
export interface FilaHoja {
  numero: number;
  celdas: readonly Celda[];
}

export interface ContextoImportacion {
  vigencia: number;
  periodos: readonly string[];
  /**
   * The vigencia's scheme and its instruments' own: an activity of the PTEP by cuatrimestres takes its 3
   * goals from the first 3 goal columns and leaves the others empty. Without it all follow `periodos`.
   */
  esquemas?: { esquema: EsquemaPeriodos; esquemasInstrumento: EsquemasInstrumento };
  /** Policies of the vigencia that apply to the entity: key and name, either accepted in the file. */
  politicas: readonly { clave: string; nombre: string }[];
  /** Those its FURAG form leaves out, named as such when a row uses one. */
  politicasQueNoAplican?: readonly { clave: string; nombre: string }[];
  indices: readonly { codigo: string; politica: string }[];
  /** Each Decreto 612 plan with every policy it serves. */
  planes612: readonly {
    clave: string;
    nombre: string;
    politicas: readonly string[];
    sigla?: string | null;
  }[];
  /** The entity's own plans (PAMEC, Plan Anual de Auditoría…): code, name and the policies they admit. */
  planesPropios?: readonly { codigo: string; nombre: string; politicas: readonly string[] }[];
  dependencias: readonly { id: string; nombre: string }[];
  personas: readonly { id: string; correo: string }[];
  /** The entity's strategic objectives (codes); when there are none the column is free text. */
  objetivos?: readonly string[];
  /** Codes already in the plan: an import adds activities, it never overwrites. */
  codigosExistentes: ReadonlySet<string>;
}

export interface ActividadImportada {
  politica: string;
  codigo: string;
  indiceFurag: string | null;
  plan612: string | null;
  planPropio: string | null;
  objetivo: string | null;
  nombre: string;
  producto: string;
  metaAnual: number;
  acumulacion: Acumulacion;
  unidad: string;
  metasPeriodo: number[];
  ponderacion: number;
  dependenciaId: string | null;
  responsableId: string | null;
  corresponsables: string[];
  fechaInicio: string;
  fechaFin: string;
  presupuesto: number | null;
  rubro: string | null;
  bpin: string | null;
  riesgo: string | null;
}

export interface ProblemaFila {
  fila: number;
  columna: string;
  problema: string;
}

const texto = (c: Celda): string => {
  if (c === null || c === undefined) return '';
  // An impossible date cell (serial 2³¹) is an Invalid Date: read as text, it fails as «fecha inválida».
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? 'fecha inválida' : c.toISOString().slice(0, 10);
  return String(c).trim();
};

/** A number as Excel gives it, or typed in Colombian style: «1.234,5» or «1234,5» or «45 %». */
export function leerNumero(c: Celda): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  const t = texto(c).replace(/\s|%|\$/g, '');
  if (!t) return null;
  const limpio = t.includes(',')
    ? t.replace(/\./g, '').replace(',', '.')
    : /^\d{1,3}(\.\d{3})+$/.test(t)
      ? t.replace(/\./g, '')
      : t;
  const n = Number(limpio);
  return Number.isFinite(n) ? n : null;
}

/** A civil date from an Excel date cell (read as UTC midnight) or typed as dd/mm/aaaa. */
export function leerFechaCelda(c: Celda): string | null {
  if (c instanceof Date && !Number.isNaN(c.getTime())) return c.toISOString().slice(0, 10);
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(texto(c));
  if (!m) return null;
  const [d, mes, a] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const f = new Date(Date.UTC(a, mes - 1, d));
  if (f.getUTCFullYear() !== a || f.getUTCMonth() !== mes - 1 || f.getUTCDate() !== d) return null;
  return f.toISOString().slice(0, 10);
}

/**
 * Validates every row and returns either all the activities (with the sheet row of each, for later checks)
 * or every problem found, by sheet row: an import is all or nothing.
 */
export function validarImportacion(
  filas: readonly FilaHoja[],
  encabezados: readonly string[],
  ctx: ContextoImportacion,
):
  | { ok: true; actividades: ActividadImportada[]; filas: number[] }
  | { ok: false; problemas: ProblemaFila[] } {
  const problemas: ProblemaFila[] = [];
  const esperados = encabezadosPlan(ctx.periodos);
  const faltan = esperados.filter(
    (e) => !COLUMNAS_NUEVAS.has(e) && !encabezados.some((x) => claveComparable(x) === claveComparable(e)),
  );
  if (faltan.length)
    return {
      ok: false,
      problemas: faltan.map((columna) => ({
        fila: 1,
        columna,
        problema: 'falta esta columna en el encabezado; descargue la plantilla de la vigencia',
      })),
    };
  const indice = new Map(encabezados.map((e, i) => [claveComparable(e), i]));
  const celda = (fila: readonly Celda[], encabezado: string) => {
    const i = indice.get(claveComparable(encabezado));
    return i === undefined ? null : fila[i];
  };
  const politicaPor = new Map<string, string>();
  for (const p of ctx.politicas) {
    politicaPor.set(claveComparable(p.clave), p.clave);
    politicaPor.set(claveComparable(p.nombre), p.clave);
  }
  const noAplica = new Set(
    (ctx.politicasQueNoAplican ?? []).flatMap((p) => [claveComparable(p.clave), claveComparable(p.nombre)]),
  );
  const dependenciaPor = new Map(ctx.dependencias.map((d) => [claveComparable(d.nombre), d.id]));
  const personaPor = new Map(ctx.personas.map((p) => [claveComparable(p.correo), p.id]));
  const codigosArchivo = new Map<string, number>();
  const actividades: ActividadImportada[] = [];
  const numeros: number[] = [];
  const anio = String(ctx.vigencia);

  for (const { numero: n, celdas: fila } of filas) {
    if (fila.every((c) => texto(c) === '')) continue; // blank rows are skipped, not errors
    const mal = (columna: string, problema: string) => problemas.push({ fila: n, columna, problema });
    // A cell may carry _x0000_ or half a surrogate pair (Excel's escapes): refused like any typed text.
    const ilegibles = encabezados.flatMap((e, i) => {
      const malo = buscarTextoNoPermitido(fila[i]);
      return malo ? [mal(e, `${MENSAJE_PROBLEMA[malo.problema]}.`)] : [];
    });
    if (ilegibles.length) continue;
    const requerido = (encabezado: string) => {
      const v = texto(celda(fila, encabezado));
      if (!v) mal(encabezado, 'es obligatorio');
      return v;
    };
    const opcional = (encabezado: string) => texto(celda(fila, encabezado)) || null;

    const codigo = requerido('Código');
    if (codigo) {
      if (codigo.length > 20) mal('Código', 'no más de 20 caracteres');
      if (ctx.codigosExistentes.has(codigo)) mal('Código', `${codigo} ya está en el plan`);
      const previa = codigosArchivo.get(codigo);
      if (previa) mal('Código', `${codigo} está repetido (también en la fila ${previa})`);
      else codigosArchivo.set(codigo, n);
    }
    const politicaTexto = requerido('Política');
    const politica = politicaTexto ? politicaPor.get(claveComparable(politicaTexto)) : undefined;
    if (politicaTexto && !politica)
      mal(
        'Política',
        noAplica.has(claveComparable(politicaTexto))
          ? `«${politicaTexto}» no aplica a esta entidad por el formulario FURAG que responde`
          : `«${politicaTexto}» no es una política del catálogo MIPG de ${ctx.vigencia}`,
      );
    const indiceFurag = opcional('Índice FURAG');
    if (
      indiceFurag &&
      politica &&
      !ctx.indices.some((x) => x.codigo === indiceFurag && x.politica === politica)
    )
      mal('Índice FURAG', `el índice ${indiceFurag} no pertenece a la política`);
    const planTexto = opcional('Plan del Decreto 612');
    const plan = planTexto
      ? ctx.planes612.find(
          (p) =>
            claveComparable(p.clave) === claveComparable(planTexto) ||
            claveComparable(p.nombre) === claveComparable(planTexto) ||
            (!!p.sigla && claveComparable(p.sigla) === claveComparable(planTexto)),
        )
      : null;
    if (planTexto && !plan)
      mal('Plan del Decreto 612', `«${planTexto}» no es uno de los 12 planes del Decreto 612`);
    else if (plan && politica && !planAdmitePolitica(plan, politica))
      mal('Plan del Decreto 612', `«${plan.nombre}» no corresponde a la política de la actividad`);
    const propioTexto = opcional('Plan propio');
    const propio = propioTexto
      ? ctx.planesPropios?.find(
          (p) =>
            claveComparable(p.codigo) === claveComparable(propioTexto) ||
            claveComparable(p.nombre) === claveComparable(propioTexto),
        )
      : null;
    if (propioTexto && !propio) mal('Plan propio', `«${propioTexto}» no es un plan propio de la entidad`);
    else if (propio && politica && !planAdmitePolitica(propio, politica))
      mal('Plan propio', `«${propio.nombre}» no corresponde a la política de la actividad`);
    const objetivo = opcional('Objetivo estratégico');
    if (objetivo && ctx.objetivos?.length && !ctx.objetivos.includes(objetivo))
      mal(
        'Objetivo estratégico',
        `«${objetivo}» no es un código de los objetivos estratégicos de la entidad`,
      );
    const nombre = requerido('Actividad');
    const producto = requerido('Producto o entregable');
    const unidad = requerido('Unidad de medida');
    // The same bounds as the form (core/numeros.ts): a spreadsheet is no way around them.
    const fuera = (x: number | null, l: Limite, nombre: string) => x !== null && problemaNumero(x, l, nombre);
    const metaAnual = leerNumero(celda(fila, 'Meta anual') ?? null);
    const problemaMeta = fuera(metaAnual, LIMITES.cantidad, 'la meta anual');
    if (metaAnual === null || metaAnual <= 0) mal('Meta anual', 'escriba un número mayor que cero');
    else if (problemaMeta) mal('Meta anual', problemaMeta);
    // An instrument with its own scheme (the PTEP by cuatrimestres) fills the first goal columns only.
    const esquema = ctx.esquemas
      ? esquemaActividad(
          { plan612: plan?.clave, planPropio: propio?.codigo },
          ctx.esquemas.esquemasInstrumento,
          ctx.esquemas.esquema,
        )
      : null;
    const instrumento =
      ctx.esquemas && esquema && esquema !== ctx.esquemas.esquema
        ? {
            nombre:
              plan && ctx.esquemas.esquemasInstrumento[plan.clave]
                ? (plan.sigla ?? plan.nombre)
                : (propio?.codigo ?? ''),
            esquema,
          }
        : undefined;
    const cuantas = instrumento ? cantidadPeriodos(instrumento.esquema) : ctx.periodos.length;
    const metas = ctx.periodos.slice(0, cuantas).map((p) => {
      const v = leerNumero(celda(fila, `Meta ${p}`) ?? null);
      if (v === null && texto(celda(fila, `Meta ${p}`))) mal(`Meta ${p}`, 'no es un número');
      const problema = fuera(v, LIMITES.cantidad, 'la meta del periodo');
      if (problema) mal(`Meta ${p}`, problema);
      return v ?? 0;
    });
    const sobrante = ctx.periodos.slice(cuantas).find((p) => texto(celda(fila, `Meta ${p}`)));
    if (instrumento && sobrante)
      mal(
        `Meta ${sobrante}`,
        `El ${instrumento.nombre} se programa por ${ESQUEMAS[instrumento.esquema].plural}: escriba sus ${cuantas} metas en las primeras ${cuantas} columnas de meta y deje vacías las demás`,
      );
    const tipoTexto = opcional('Tipo de meta');
    const acumulacion = tipoTexto ? leerAcumulacion(tipoTexto) : 'suma';
    if (!acumulacion)
      mal(
        'Tipo de meta',
        `«${tipoTexto}» no es un tipo de meta; use uno de: ${ACUMULACIONES.map((k) => NOMBRE_ACUMULACION[k]).join(', ')}`,
      );
    if (metaAnual !== null && metaAnual > 0 && !problemaMeta && acumulacion) {
      const p = problemaMetas(acumulacion, metaAnual, metas, cuantas, instrumento);
      if (p) mal(`Meta ${ctx.periodos[0]}`, p);
    }
    const ponderacion = leerNumero(celda(fila, 'Ponderación (%)') ?? null);
    if (ponderacion === null || ponderacion < 0 || ponderacion > 100)
      mal('Ponderación (%)', 'escriba un porcentaje entre 0 y 100');
    else if (fuera(ponderacion, LIMITES.ponderacion, 'la ponderación'))
      mal('Ponderación (%)', mensajeDecimales('la ponderación', LIMITES.ponderacion));
    const depTexto = opcional('Dependencia');
    const dependenciaId = depTexto ? (dependenciaPor.get(claveComparable(depTexto)) ?? null) : null;
    if (depTexto && !dependenciaId) mal('Dependencia', `«${depTexto}» no es una dependencia de la entidad`);
    // The first e-mail is the responsible; any others, separated by «;» or «,», are co-responsibles.
    const correos = (opcional('Responsable (correo)') ?? '')
      .split(/[;,]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const ids = correos.map((c) => {
      const id = personaPor.get(claveComparable(c));
      if (!id) mal('Responsable (correo)', `${c} no es una persona con rol en la entidad`);
      return id ?? null;
    });
    const responsableId = ids[0] ?? null;
    const corresponsables = ids.slice(1).filter((x): x is string => !!x);
    const fechas = (['Fecha de inicio', 'Fecha de fin'] as const).map((e) => {
      const v = celda(fila, e);
      const f = leerFechaCelda(v ?? null);
      if (!texto(v)) mal(e, 'es obligatoria');
      else if (!f) mal(e, 'escriba la fecha como dd/mm/aaaa');
      else if (!f.startsWith(anio)) mal(e, `debe estar dentro de la vigencia ${ctx.vigencia}`);
      return f;
    });
    if (fechas[0] && fechas[1] && fechas[1] < fechas[0])
      mal('Fecha de fin', 'no puede ser anterior a la fecha de inicio');
    const presupuestoTexto = texto(celda(fila, 'Presupuesto (COP)'));
    const presupuesto = presupuestoTexto ? leerNumero(celda(fila, 'Presupuesto (COP)') ?? null) : null;
    if (presupuestoTexto && (presupuesto === null || presupuesto < 0))
      mal('Presupuesto (COP)', 'escriba un valor en pesos, sin decimales');
    // Cents in a spreadsheet are rounded to whole pesos (below); only the range is checked here.
    else if (presupuesto !== null && presupuesto > LIMITES.presupuesto.max)
      mal('Presupuesto (COP)', mensajeRango('el presupuesto en pesos', LIMITES.presupuesto));

    actividades.push({
      politica: politica ?? '',
      codigo,
      indiceFurag,
      plan612: plan?.clave ?? null,
      planPropio: propio?.codigo ?? null,
      objetivo,
      nombre,
      producto,
      metaAnual: metaAnual ?? 0,
      acumulacion: acumulacion ?? 'suma',
      unidad,
      metasPeriodo: metas,
      ponderacion: ponderacion ?? 0,
      dependenciaId,
      responsableId,
      corresponsables,
      fechaInicio: fechas[0] ?? '',
      fechaFin: fechas[1] ?? '',
      presupuesto: presupuesto === null ? null : Math.round(presupuesto),
      rubro: opcional('Rubro presupuestal'),
      bpin: opcional('BPIN'),
      riesgo: opcional('Riesgo asociado'),
    });
    numeros.push(n);
  }
  if (!problemas.length && !actividades.length)
    problemas.push({ fila: 2, columna: 'Código', problema: 'el archivo no trae actividades' });
  return problemas.length ? { ok: false, problemas } : { ok: true, actividades, filas: numeros };
}
