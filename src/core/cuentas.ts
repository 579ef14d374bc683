// Who may touch a person's credentials (password, e-mail, active state). An account is one for the whole
// platform: an entity administrator manages it only while it belongs to that entity alone, so no entity can
// take over someone who also works elsewhere, let alone the platform administrator.

export interface CuentaObjetivo {
  adminPlataforma: boolean;
  /** Entities where the person holds a role (accepted; pending invitations do not count). */
  entidades: readonly string[];
}

export function gestionaCredenciales(
  actor: { adminPlataforma: boolean },
  entidadId: string,
  cuenta: CuentaObjetivo,
): boolean {
  if (actor.adminPlataforma) return true;
  if (cuenta.adminPlataforma) return false;
  return cuenta.entidades.length === 1 && cuenta.entidades[0] === entidadId;
}

export const MENSAJE_CUENTA_AJENA =
  'Esta persona también tiene acceso a otra entidad o administra la plataforma: solo ella misma o el administrador de la plataforma pueden cambiar su contraseña, su correo o su estado. Aquí puede cambiar o retirar sus roles en esta entidad.';
