// Closed lists of an entity's profile: stored as CHECKed text and offered as z.enum by the API.
export const ORDENES = ['nacional', 'departamental', 'distrital', 'municipal'] as const;
export type Orden = (typeof ORDENES)[number];

/** The FURAG form an entity answers: MIPG in full, or MECI (control interno only). */
export const TIPOS_FORMULARIO = ['MIPG', 'MECI'] as const;
export type TipoFormulario = (typeof TIPOS_FORMULARIO)[number];
