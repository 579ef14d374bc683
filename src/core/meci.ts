// Control interno's semiannual independent evaluation of the internal control system (Decreto Ley 2106 de 2019,
// art. 156): each MECI component judged present and functioning, with its level, strengths and weaknesses, and
// a conclusion. Written by control interno; the verifications of the semester are its evidence.

export const COMPONENTES_MECI = [
  { clave: 'ambiente_control', nombre: 'Ambiente de control' },
  { clave: 'evaluacion_riesgo', nombre: 'Evaluación del riesgo' },
  { clave: 'actividades_control', nombre: 'Actividades de control' },
  { clave: 'informacion_comunicacion', nombre: 'Información y comunicación' },
  { clave: 'actividades_monitoreo', nombre: 'Actividades de monitoreo' },
] as const;
export type ComponenteMeci = (typeof COMPONENTES_MECI)[number]['clave'];
export const CLAVES_MECI = COMPONENTES_MECI.map((c) => c.clave) as [ComponenteMeci, ...ComponenteMeci[]];

export interface EvaluacionComponente {
  presente: boolean;
  funcionando: boolean;
  /** Level of compliance of the component, 0–100. */
  nivel: number;
  fortalezas: string;
  debilidades: string;
}

/** The semester's cut-off: 30 June or 31 December. */
export const corteSemestre = (vigencia: number, semestre: 1 | 2) =>
  semestre === 1 ? `${vigencia}-06-30` : `${vigencia}-12-31`;
/** Its first day. */
export const inicioSemestre = (vigencia: number, semestre: 1 | 2) =>
  semestre === 1 ? `${vigencia}-01-01` : `${vigencia}-07-01`;

export interface EstadoSistema {
  /** Mean level of the components evaluated; null until all five are. */
  nivel: number | null;
  /** Every component present and functioning: the system is effective. */
  efectivo: boolean;
  /** Components not yet evaluated, by name. */
  faltan: string[];
  /** Components evaluated that are not present or not functioning, by name. */
  conFallas: string[];
}

export function estadoSistema(
  componentes: Partial<Record<ComponenteMeci, EvaluacionComponente>>,
): EstadoSistema {
  const faltan = COMPONENTES_MECI.filter((c) => !componentes[c.clave]).map((c) => c.nombre);
  const evaluados = COMPONENTES_MECI.flatMap((c) => {
    const e = componentes[c.clave];
    return e ? [{ ...e, nombre: c.nombre }] : [];
  });
  const conFallas = evaluados.filter((e) => !e.presente || !e.funcionando).map((e) => e.nombre);
  const nivel = faltan.length
    ? null
    : Math.round((evaluados.reduce((s, e) => s + e.nivel, 0) / evaluados.length) * 10) / 10;
  return { nivel, efectivo: faltan.length === 0 && conFallas.length === 0, faltan, conFallas };
}
