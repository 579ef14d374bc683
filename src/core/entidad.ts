// Closed lists of an entity's profile: stored as CHECKed text and offered as z.enum by the API.
export const ORDENES = ['nacional', 'departamental', 'distrital', 'municipal'] as const;
export type Orden = (typeof ORDENES)[number];

/** The FURAG form an entity answers: MIPG in full, or MECI (control interno only). */
export const TIPOS_FORMULARIO = ['MIPG', 'MECI'] as const;
export type TipoFormulario = (typeof TIPOS_FORMULARIO)[number];

/**
 * Who approves the entity's plans: the Comité Institucional de Gestión y Desempeño by default; in an
 * alcaldía or gobernación the Consejo de Gobierno (Ley 152 de 1994, art. 41); in an E.S.E. its Junta
 * Directiva; in an establecimiento público or a university its Consejo Directivo.
 */
export const ORGANOS_APROBACION = [
  'cigd',
  'consejo_gobierno',
  'junta_directiva',
  'consejo_directivo',
] as const;
export type OrganoAprobacion = (typeof ORGANOS_APROBACION)[number];
export const NOMBRE_ORGANO: Record<OrganoAprobacion, string> = {
  cigd: 'Comité Institucional de Gestión y Desempeño',
  consejo_gobierno: 'Consejo de Gobierno',
  junta_directiva: 'Junta Directiva',
  consejo_directivo: 'Consejo Directivo',
};

/** The body with its article, to write «lo aprueba la Junta Directiva», «enviado al Consejo de Gobierno». */
export const ORGANO_CON_ARTICULO: Record<OrganoAprobacion, string> = {
  cigd: 'el Comité Institucional de Gestión y Desempeño',
  consejo_gobierno: 'el Consejo de Gobierno',
  junta_directiva: 'la Junta Directiva',
  consejo_directivo: 'el Consejo Directivo',
};

const plano = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The entity's town and department as they go after its address: only what the address does not already say,
 * so «Calle 8 # 4-36, Mocoa, Putumayo» is not followed by «Mocoa, Putumayo» again.
 */
export function lugarTrasDireccion(e: {
  direccion?: string | null;
  municipio?: string | null;
  departamento?: string | null;
}) {
  const direccion = plano(e.direccion ?? '');
  return [e.municipio, e.departamento]
    .filter((x): x is string => !!x && !direccion.includes(plano(x)))
    .join(', ');
}
