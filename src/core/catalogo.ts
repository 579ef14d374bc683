// Rules of the MIPG catalog that depend on the entity: which policies apply to it, and which plans an
// activity of a policy may belong to. Pure: the server, the web and the tests share them.
import type { TipoFormulario } from './entidad.ts';

/** What each FURAG form covers, as the entity's profile and the catalog explain it. */
export const DESCRIPCION_FORMULARIO: Record<TipoFormulario, string> = {
  MIPG: 'MIPG: el formulario completo, con todas las políticas de gestión y desempeño',
  MECI: 'MECI: solo control interno (concejos, personerías, contralorías y otras entidades fuera de la rama ejecutiva)',
};

/** A policy applies to an entity when the FURAG form the entity answers includes it. */
export function aplicaPolitica(
  politica: { formularios: readonly string[] },
  tipoFormulario: TipoFormulario,
): boolean {
  return politica.formularios.includes(tipoFormulario);
}

/** The policies of a vigencia that apply to the entity, in the catalog's order. */
export function politicasAplicables<P extends { formularios: readonly string[] }>(
  politicas: readonly P[],
  tipoFormulario: TipoFormulario,
): P[] {
  return politicas.filter((p) => aplicaPolitica(p, tipoFormulario));
}

/** Why an activity cannot go in a policy the entity's form leaves out (null when it applies). */
export function problemaAplicabilidad(
  politica: { nombre: string; formularios: readonly string[] },
  tipoFormulario: TipoFormulario,
): string | null {
  if (aplicaPolitica(politica, tipoFormulario)) return null;
  return `la política «${politica.nombre}» no aplica a esta entidad: responde el formulario FURAG ${DESCRIPCION_FORMULARIO[tipoFormulario]}`;
}

/**
 * A plan (of Decreto 612 or of the entity's own) takes an activity of a policy when the policy is one of
 * the plan's; an own plan without policies takes any.
 */
export function planAdmitePolitica(plan: { politicas: readonly string[] }, politica: string): boolean {
  return plan.politicas.length === 0 || plan.politicas.includes(politica);
}

/** The Decreto 612 plans an activity of this policy can be tagged with. */
export function planesDePolitica<P extends { politicas: readonly string[] }>(
  planes: readonly P[],
  politica: string,
): P[] {
  return planes.filter((p) => p.politicas.length > 0 && p.politicas.includes(politica));
}

/** An Empresa Social del Estado, by its name, its legal nature or its Junta Directiva approving the plans. */
export function esEse(e: {
  nombre: string;
  naturalezaJuridica?: string | null;
  organoAprobacion?: string | null;
}): boolean {
  const ese = /\bE\.?\s?S\.?\s?E\b|empresa social del estado/i;
  return (
    ese.test(e.nombre) || ese.test(e.naturalezaJuridica ?? '') || e.organoAprobacion === 'junta_directiva'
  );
}

/**
 * Plans entities usually add of their own (MIPG fact sheet, §10): offered as suggestions when an entity
 * creates its own plans; `soloEse` marks those of an E.S.E. Policies empty: any policy.
 */
export const PLANES_PROPIOS_SUGERIDOS: readonly {
  codigo: string;
  nombre: string;
  /** A short label for a button, when the name is long. */
  etiqueta?: string;
  politicas: readonly string[];
  soloEse?: true;
}[] = [
  { codigo: 'PAAI', nombre: 'Plan Anual de Auditoría', politicas: ['control_interno'] },
  { codigo: 'PGG', nombre: 'Plan de Gestión del gerente', politicas: [], soloEse: true },
  {
    codigo: 'PAMEC',
    nombre: 'Programa de Auditoría para el Mejoramiento de la Calidad de la atención en salud',
    etiqueta: 'PAMEC',
    politicas: [],
    soloEse: true,
  },
  { codigo: 'PHE', nombre: 'Plan Hospitalario de Emergencias', politicas: [], soloEse: true },
];

/** Own plans an entity may keep beside the 12 of Decreto 612: a hospital keeps a handful; this is plenty. */
export const MAXIMO_PLANES_PROPIOS = 50;
