// Consolidation of progress: activity → policy → dimension → entity, for one cut-off.
//
// Rules (the edge cases are decisions, stated here once):
//  1. Avance of an activity = reported accumulated value / annual goal × 100, capped to 0–100 when
//     aggregating, so that one over-achieved activity cannot hide another that is behind. The uncapped
//     figure is kept (avanceReal) for the activity's own semáforo («azul»).
//  2. Cumplimiento = reported accumulated / planned accumulated to the cut-off × 100; null while nothing was
//     planned yet. Capped to 100 when aggregating; so «azul» only appears at activity level.
//  3. Missing report: counts as 0 (what has no evidence is not done) and is counted in `sinReporte`.
//     Only figures accepted by planeación count (see seguimientoCuenta); an earlier period's accepted
//     figure still counts when the last report is missing.
//  4. No goal (annual goal missing or ≤ 0): the activity has no avance, is left out of the weighting and is
//     counted in `sinMeta`.
//  5. Weights are relative within the policy (Σ w·a / Σ w); when they do not add up to 100 the result is
//     the same as normalising them, and `sumaPesos` lets the screen warn. When every weight is 0 the
//     activities count equally (`pesosIgualados`).
//  6. A dimension is the plain mean of its policies with data; the entity, the plain mean of its dimensions
//     with data (MIPG does not weight policies, and FURAG's formula is not public).
//  7. A dependencia is the plain mean of its activities' avance; weighted (rule 5) when the entity weighs
//     by dependencia.
//  9. The plan's avance («avance del plan», never the FURAG's IDI) follows where the weights add up to 100
//     (core/ponderacion.ts): by policy, rule 6 (dimensions); by dependencia, the plain mean of the
//     dependencias (activities without one are a group of their own); across the plan, the weighted mean
//     of every activity.
// Figures keep full precision; rounding is for presentation.
//  8. A figure that is not a finite number (a stored value from before the input bounds) is no figure:
//     the activity's avance and cumplimiento are null, never Infinity or NaN. Finite figures whose ratio
//     overflows (a goal far below the input bounds, stored before them) are an over-achievement: avance 100.
import { finitoONulo, porcentaje } from './numeros.ts';
import type { ModoPonderacion } from './ponderacion.ts';
import { type NivelSemaforo, nivelSemaforo, RANGOS_POR_DEFECTO, type RangosSemaforo } from './semaforo.ts';

export interface ActividadConsolidable {
  id: string;
  politica: string;
  dependencia: string | null;
  ponderacion: number;
  metaAnual: number | null;
  planeadoAlCorte: number | null;
  /** null: no report for the cut-off. */
  logradoAlCorte: number | null;
  /**
   * Whether the report due at the cut-off was sent, when that is known apart from the figure (earlier
   * periods may have been reported while the last one is missing). Defaults to logradoAlCorte !== null.
   */
  reporto?: boolean;
}

export interface ResultadoActividad {
  id: string;
  avance: number | null;
  avanceReal: number | null;
  cumplimiento: number | null;
  semaforo: NivelSemaforo | null;
  sinReporte: boolean;
  sinMeta: boolean;
}

export interface ResultadoPolitica {
  clave: string;
  dimension: string;
  avance: number | null;
  cumplimiento: number | null;
  semaforo: NivelSemaforo | null;
  actividades: number;
  sinReporte: number;
  sinMeta: number;
  sumaPesos: number;
  pesosIgualados: boolean;
}

export interface Consolidado {
  avance: number | null;
  dimensiones: { codigo: string; avance: number | null }[];
  politicas: ResultadoPolitica[];
  dependencias: { dependencia: string; avance: number | null }[];
  actividades: ResultadoActividad[];
  sinReporte: number;
}

const acotar = (x: number) => Math.min(100, Math.max(0, x));
const media = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length ? finitoONulo(v.reduce((a, b) => a + b, 0) / v.length) : null;
};

export function evaluarActividad(
  a: ActividadConsolidable,
  rangos: RangosSemaforo = RANGOS_POR_DEFECTO,
): ResultadoActividad {
  const sinMeta = a.metaAnual === null || !(a.metaAnual > 0);
  const sinReporte = a.reporto === undefined ? a.logradoAlCorte === null : !a.reporto;
  const logrado = Math.max(0, a.logradoAlCorte ?? 0);
  const avanceReal = sinMeta ? null : porcentaje(logrado, a.metaAnual!);
  const cumplimiento = porcentaje(logrado, a.planeadoAlCorte ?? 0);
  const desborda =
    !sinMeta &&
    avanceReal === null &&
    Number.isFinite(a.metaAnual) &&
    Number.isFinite(logrado) &&
    logrado > 0;
  return {
    id: a.id,
    avance: avanceReal === null ? (desborda ? 100 : null) : acotar(avanceReal),
    avanceReal,
    cumplimiento,
    semaforo: nivelSemaforo(cumplimiento, rangos),
    sinReporte,
    sinMeta,
  };
}

/**
 * Weighted mean from its sums (rule 5): equal weights when the weights of the values present add to 0.
 * Exported so that a set-based computation (the territorial one, in SQL) lands on the same rule.
 */
export function desdeSumas(s: { sumaPonderada: number; sumaPesos: number; media: number | null }) {
  if (s.media === null) return { valor: null, igualados: false };
  if (s.sumaPesos === 0) return { valor: finitoONulo(s.media), igualados: true };
  return { valor: finitoONulo(s.sumaPonderada / s.sumaPesos), igualados: false };
}

/** Weighted mean of the values present; equal weights when all the weights present are 0. */
function ponderar(pares: { valor: number | null; peso: number }[]) {
  const con = pares.filter((p): p is { valor: number; peso: number } => p.valor !== null);
  return desdeSumas({
    sumaPonderada: con.reduce((s, p) => s + Math.max(0, p.peso) * p.valor, 0),
    sumaPesos: con.reduce((s, p) => s + Math.max(0, p.peso), 0),
    media: media(con.map((p) => p.valor)),
  });
}

/** Rule 6: a dimension is the plain mean of its policies with data; the entity, of its dimensions. */
export function consolidarDimensiones(politicas: { dimension: string; avance: number | null }[]) {
  const codigos = [...new Set(politicas.map((p) => p.dimension))];
  const dimensiones = codigos.map((codigo) => ({
    codigo,
    avance: media(politicas.filter((p) => p.dimension === codigo).map((p) => p.avance)),
  }));
  return { dimensiones, avance: media(dimensiones.map((d) => d.avance)) };
}

/** Rule 9: the plan's avance under the entity's weighting mode, from the figures of each level. */
export function avanceDelPlan(
  modo: ModoPonderacion,
  niveles: { dimensiones: number | null; dependencias: (number | null)[]; plan: number | null },
) {
  return modo === 'plan'
    ? niveles.plan
    : modo === 'dependencia'
      ? media(niveles.dependencias)
      : niveles.dimensiones;
}

/**
 * `politicas` gives the catalog order and each policy's dimension for the vigencia; policies without
 * activities appear with null avance so the dashboard shows them as empty, not as missing.
 */
export function consolidar(
  actividades: ActividadConsolidable[],
  politicas: { clave: string; dimension: string }[],
  rangos: RangosSemaforo = RANGOS_POR_DEFECTO,
  modo: ModoPonderacion = 'politica',
): Consolidado {
  const evaluadas = actividades.map((a) => ({ a, r: evaluarActividad(a, rangos) }));
  // Grouped in one pass, not filtered once per policy (19 passes over 2,000 activities in a dashboard).
  const porPolitica = new Map<string, typeof evaluadas>();
  for (const x of evaluadas) {
    const grupo = porPolitica.get(x.a.politica);
    if (grupo) grupo.push(x);
    else porPolitica.set(x.a.politica, [x]);
  }
  const resultadoPoliticas: ResultadoPolitica[] = politicas.map((p) => {
    const suyas = porPolitica.get(p.clave) ?? [];
    const avance = ponderar(suyas.map((x) => ({ valor: x.r.avance, peso: x.a.ponderacion })));
    const cumplimiento = ponderar(
      suyas.map((x) => ({
        valor: x.r.cumplimiento === null ? null : acotar(x.r.cumplimiento),
        peso: x.a.ponderacion,
      })),
    );
    return {
      clave: p.clave,
      dimension: p.dimension,
      avance: avance.valor,
      cumplimiento: cumplimiento.valor,
      semaforo: nivelSemaforo(cumplimiento.valor, rangos),
      actividades: suyas.length,
      sinReporte: suyas.filter((x) => x.r.sinReporte).length,
      sinMeta: suyas.filter((x) => x.r.sinMeta).length,
      sumaPesos: suyas.reduce((s, x) => s + x.a.ponderacion, 0),
      pesosIgualados: avance.igualados,
    };
  });
  const { dimensiones, avance } = consolidarDimensiones(resultadoPoliticas);
  // Activities without a dependencia are a group of their own for the plan, not shown as a dependencia.
  const porDependencia = new Map<string, { valor: number | null; peso: number }[]>();
  for (const { a, r } of evaluadas) {
    const clave = a.dependencia ?? '';
    const grupo = porDependencia.get(clave);
    if (grupo) grupo.push({ valor: r.avance, peso: a.ponderacion });
    else porDependencia.set(clave, [{ valor: r.avance, peso: a.ponderacion }]);
  }
  const dependencias = [...porDependencia].map(([dependencia, pares]) => ({
    dependencia,
    avance: modo === 'dependencia' ? ponderar(pares).valor : media(pares.map((p) => p.valor)),
  }));
  return {
    avance: avanceDelPlan(modo, {
      dimensiones: avance,
      dependencias: dependencias.map((d) => d.avance),
      plan: ponderar(evaluadas.map((x) => ({ valor: x.r.avance, peso: x.a.ponderacion }))).valor,
    }),
    dimensiones,
    politicas: resultadoPoliticas,
    dependencias: dependencias.filter((d) => d.dependencia !== ''),
    actividades: evaluadas.map((x) => x.r),
    sinReporte: evaluadas.filter((x) => x.r.sinReporte && !x.r.sinMeta).length,
  };
}
