// Weights of a plan's activities must add up to 100 % within each group: each policy by default (common
// practice in action plans), each dependencia, or the whole plan, as the entity decides.
import { numeroCo } from './numeros.ts';
export interface PesoActividad {
  politica: string;
  ponderacion: number;
}

export interface RevisionPesos {
  /** The group's key: the policy, the dependencia's id («» without one) or «plan», by the mode. */
  politica: string;
  suma: number;
  actividades: number;
  ok: boolean;
  /** Spanish, for the screen: what is wrong and by how much. */
  mensaje: string | null;
}

const TOLERANCIA = 0.005; // weights are typed with up to two decimals
const fmt = (n: number) => numeroCo(n, 2);

/**
 * Where the weights add up to 100 %, an entity setting per vigencia: within each policy (the usual action
 * plan), within each dependencia (plans organised by office), or across the whole plan.
 */
export const MODOS_PONDERACION = ['politica', 'dependencia', 'plan'] as const;
export type ModoPonderacion = (typeof MODOS_PONDERACION)[number];

export const NOMBRE_MODO_PONDERACION: Record<ModoPonderacion, string> = {
  politica: 'Por política: las actividades de cada política suman 100 %',
  dependencia: 'Por dependencia: las actividades de cada dependencia suman 100 %',
  plan: 'En todo el plan: todas las actividades suman 100 %',
};

/** The group an activity's weight belongs to under the mode (an activity without dependencia: «»). */
export function grupoDePeso(modo: ModoPonderacion, a: { politica: string; dependenciaId?: string | null }) {
  return modo === 'politica' ? a.politica : modo === 'dependencia' ? (a.dependenciaId ?? '') : 'plan';
}

export function revisarPesos(
  actividades: (PesoActividad & { dependenciaId?: string | null })[],
  nombreGrupo: (clave: string) => string = (c) => c,
  modo: ModoPonderacion = 'politica',
): RevisionPesos[] {
  const porGrupo = new Map<string, { suma: number; n: number }>();
  for (const a of actividades) {
    const g = grupoDePeso(modo, a);
    const x = porGrupo.get(g) ?? { suma: 0, n: 0 };
    porGrupo.set(g, { suma: x.suma + a.ponderacion, n: x.n + 1 });
  }
  return [...porGrupo].map(([grupo, { suma, n }]) => {
    const diferencia = suma - 100;
    const ok = Math.abs(diferencia) <= TOLERANCIA;
    const nombre = nombreGrupo(grupo);
    const mensaje = ok
      ? null
      : diferencia < 0
        ? `Las ponderaciones de «${nombre}» suman ${fmt(suma)} %: faltan ${fmt(-diferencia)} puntos para llegar a 100 %.`
        : `Las ponderaciones de «${nombre}» suman ${fmt(suma)} %: sobran ${fmt(diferencia)} puntos sobre 100 %.`;
    return { politica: grupo, suma, actividades: n, ok, mensaje };
  });
}
