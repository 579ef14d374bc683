// Password rules: long rather than complicated (NIST 800-63B), plus the obvious ones, and never one of the
// passwords that attackers try first (ASVS V2.1.7).
import { dictionary } from '@zxcvbn-ts/language-common';
import { CLAVE_MINIMA } from './clave-minima.ts';

export { CLAVE_MINIMA };

// The most common passwords in leaks, plus the words anyone would try first against a Colombian entity.
const COMUNES = new Set([
  ...dictionary['passwords-common'],
  ...[
    'colombia',
    'mipg',
    'alcaldia',
    'gobernacion',
    'hospital',
    'planeacion',
    'contrasena',
    'clave',
    'entidad',
  ],
]);

/** «Password123», «password1234», «Colombia2026!»: a common word with digits or symbols around it. */
export function esClaveComun(clave: string): boolean {
  const c = clave.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const nucleo = c.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return COMUNES.has(c) || (nucleo.length >= 4 && COMUNES.has(nucleo));
}

export function problemasClave(clave: string, correo?: string): string[] {
  const problemas: string[] = [];
  if (clave.length < CLAVE_MINIMA) problemas.push(`debe tener al menos ${CLAVE_MINIMA} caracteres`);
  if (clave.length > 128) problemas.push('no puede tener más de 128 caracteres');
  if (!/\p{L}/u.test(clave) || !/\d/.test(clave)) problemas.push('debe combinar letras y números');
  const usuario = correo?.split('@')[0]?.toLowerCase();
  if (usuario && usuario.length >= 4 && clave.toLowerCase().includes(usuario))
    problemas.push('no puede contener su usuario de correo');
  if (/^(.)\1+$/.test(clave)) problemas.push('no puede ser un mismo carácter repetido');
  if (esClaveComun(clave))
    problemas.push('es una de las contraseñas más usadas (o una palabra común con números): elija otra');
  return problemas;
}
