// Citizen consultation of a draft (Ley 1712 de 2014; Ley 1757 de 2015 on participation): the entity opens a
// draft plan or programme for comments between two dates, answers each comment, and publishes the report.

export const OBJETOS_CONSULTA = ['plan_accion', 'ptep'] as const;
export type ObjetoConsulta = (typeof OBJETOS_CONSULTA)[number];
export const NOMBRE_OBJETO: Record<ObjetoConsulta, string> = {
  plan_accion: 'Proyecto de plan de acción',
  ptep: 'Proyecto de Programa de Transparencia y Ética Pública',
};

export type EstadoConsulta = 'programada' | 'abierta' | 'cerrada';

/** Open from `abre` to `cierra`, both days included (civil dates in Colombia, aaaa-mm-dd). */
export function estadoConsulta(abre: string, cierra: string, hoy: string): EstadoConsulta {
  if (hoy < abre) return 'programada';
  return hoy > cierra ? 'cerrada' : 'abierta';
}

export const DIAS_MAXIMOS_CONSULTA = 90;

/** Why the dates of a consultation are not acceptable, naming the field; null when they are. */
export function problemaFechasConsulta(
  abre: string,
  cierra: string,
): { campo: string; mensaje: string } | null {
  if (cierra < abre)
    return { campo: 'cierra', mensaje: 'la fecha de cierre no puede ser anterior a la de apertura' };
  const dias = (Date.parse(`${cierra}T00:00:00Z`) - Date.parse(`${abre}T00:00:00Z`)) / 86_400_000 + 1;
  if (dias > DIAS_MAXIMOS_CONSULTA)
    return { campo: 'cierra', mensaje: `la consulta dura como máximo ${DIAS_MAXIMOS_CONSULTA} días` };
  return null;
}

/** What a person reads before sending a comment (Ley 1581 de 2012): what is collected, why, and their rights. */
export const AVISO_DATOS_PERSONALES =
  'Su nombre y su correo son opcionales. Si los escribe, la entidad los usa solo para responderle sobre esta consulta y no los publica: en la página y en el informe su comentario aparece sin ellos. Puede pedir conocerlos, corregirlos o suprimirlos escribiendo al correo de la entidad (Ley 1581 de 2012).';

export const LIMITES_COMENTARIO = { nombre: 120, correo: 254, texto: 2000 } as const;
