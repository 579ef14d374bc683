// The 31 January pack (Ley 1474 de 2011 art. 74, Decreto 612 de 2018): what an entity publishes each year on its
// website, where it goes in the transparency menu (Resolución MinTIC 1519 de 2020, Anexo 2) and when it is late.

export interface Plan612 {
  clave: string;
  nombre: string;
  sigla?: string | null;
}

export interface DocumentoPaquete {
  /** Stable key in addresses: `plan-accion`, `informe-gestion`, `plan-612-<clave del catálogo>`. */
  clave: string;
  titulo: string;
  /** Item of the transparency menu where the entity links it. */
  numeral: string;
  /** The year the document is about: the plans are the vigencia's; the informe de gestión is the year before. */
  vigenciaDocumento: number;
  /** The norm that asks for it, as a citizen would read it. */
  norma: string;
}

export const NUMERAL_PLAN_ACCION = '4.3';
export const NUMERAL_INFORME_GESTION = '4.7.1';

/** Every document the pack of `vigencia` holds, in the order the menu shows them. */
export function documentosDelPaquete(vigencia: number, planes612: readonly Plan612[]): DocumentoPaquete[] {
  return [
    {
      clave: 'plan-accion',
      titulo: `Plan de acción ${vigencia}`,
      numeral: NUMERAL_PLAN_ACCION,
      vigenciaDocumento: vigencia,
      norma: 'Ley 1474 de 2011, art. 74',
    },
    ...planes612.map((p) => ({
      clave: `plan-612-${p.clave.replaceAll('_', '-')}`,
      titulo: `${p.nombre} ${vigencia}`,
      numeral: NUMERAL_PLAN_ACCION,
      vigenciaDocumento: vigencia,
      norma: 'Decreto 612 de 2018',
    })),
    {
      clave: 'informe-gestion',
      titulo: `Informe de gestión ${vigencia - 1}`,
      numeral: NUMERAL_INFORME_GESTION,
      vigenciaDocumento: vigencia - 1,
      norma: 'Ley 1474 de 2011, art. 74',
    },
  ];
}

/** The last day to publish the pack of `vigencia` (a calendar date, not moved by holidays: the law fixes it). */
export const limitePaquete = (vigencia: number) => `${vigencia}-01-31`;

/** From 1 February of its year, a document of the pack that is not published is overdue. */
export const paqueteVencido = (vigencia: number, hoy: string, publicado: boolean) =>
  !publicado && hoy > limitePaquete(vigencia);

/** Whether a document went up on time: on or before 31 January. */
export const publicadoATiempo = (vigencia: number, fechaPublicacion: string) =>
  fechaPublicacion <= limitePaquete(vigencia);

export const CLAVE_DOCUMENTO = /^(plan-accion|informe-gestion|plan-612-[a-z0-9-]{1,60})$/;
