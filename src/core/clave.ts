// Password rules: long rather than complicated (NIST 800-63B), plus the obvious ones.
export const CLAVE_MINIMA = 10;

export function problemasClave(clave: string, correo?: string): string[] {
  const problemas: string[] = [];
  if (clave.length < CLAVE_MINIMA) problemas.push(`debe tener al menos ${CLAVE_MINIMA} caracteres`);
  if (clave.length > 128) problemas.push('no puede tener más de 128 caracteres');
  if (!/\p{L}/u.test(clave) || !/\d/.test(clave)) problemas.push('debe combinar letras y números');
  const usuario = correo?.split('@')[0]?.toLowerCase();
  if (usuario && usuario.length >= 4 && clave.toLowerCase().includes(usuario))
    problemas.push('no puede contener su usuario de correo');
  if (/^(.)\1+$/.test(clave)) problemas.push('no puede ser un mismo carácter repetido');
  return problemas;
}
