// Who approves a change to an approved plan. Planeación approves a minor change on its own authority
// (dates, who answers, wording); goals, weights, goal types and activities added or removed still go to the
// entity's approving body (CIGD, Consejo de Gobierno, Junta Directiva). Any field not listed as minor counts
// as substantive, so a field added to the activity later is never approved by planeación by omission.
import { type ActividadVersion, type CAMPOS_COMPARADOS, compararVersiones } from './versiones.ts';

type Campo = keyof typeof CAMPOS_COMPARADOS;

/** Fields planeación may change on its own: dates, responsible, wording and classification tags. */
export const CAMPOS_CAMBIO_MENOR: readonly Campo[] = [
  'codigo',
  'nombre',
  'producto',
  'dependenciaId',
  'responsableId',
  'corresponsables',
  'fechaInicio',
  'fechaFin',
  'objetivo',
  'indiceFurag',
  'plan612',
  'rubro',
  'bpin',
  'riesgo',
];

export const TIPOS_CAMBIO = ['ninguno', 'menor', 'sustancial'] as const;
export type TipoCambio = (typeof TIPOS_CAMBIO)[number];

export interface ClasificacionCambio {
  tipo: TipoCambio;
  /** Why the change is substantive (empty otherwise), one sentence per activity. */
  razones: string[];
  /** The minor changes, one sentence per activity. */
  menores: string[];
}

const nombreDe = (a: { codigo: string; nombre: string }) => `${a.codigo} «${a.nombre}»`;

/** Classifies the change from the approved version `antes` to the version in course `despues`. */
export function clasificarCambio(
  antes: ActividadVersion[],
  despues: ActividadVersion[],
): ClasificacionCambio {
  const d = compararVersiones(antes, despues);
  const menor = new Set<string>(CAMPOS_CAMBIO_MENOR);
  const razones = [
    ...d.agregadas.map((a) => `se agrega la actividad ${nombreDe(a)}`),
    ...d.quitadas.map((a) => `se quita la actividad ${nombreDe(a)}`),
  ];
  const menores: string[] = [];
  for (const c of d.cambiadas) {
    const fuertes = c.cambios.filter((x) => !menor.has(x.campo)).map((x) => x.etiqueta.toLowerCase());
    const leves = c.cambios.filter((x) => menor.has(x.campo)).map((x) => x.etiqueta.toLowerCase());
    if (fuertes.length) razones.push(`${nombreDe(c)}: cambia ${fuertes.join(', ')}`);
    if (leves.length) menores.push(`${nombreDe(c)}: cambia ${leves.join(', ')}`);
  }
  const tipo: TipoCambio = razones.length ? 'sustancial' : menores.length ? 'menor' : 'ninguno';
  return { tipo, razones, menores };
}
