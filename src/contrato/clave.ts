// A new password as every form that sets one checks it, in the browser and in the API: its length and its mix,
// so that all of its problems show at once with the other fields'. The leaked-password dictionary and the
// rule against the e-mail's user stay on the server (src/core/clave.ts: 200 KB gzip the browser never loads).
import { z } from 'zod';
import { CLAVE_MINIMA } from '../core/clave-minima.ts';

export const ClaveNuevaSchema = z
  .string({ error: 'escriba la nueva contraseña' })
  .min(CLAVE_MINIMA, `la contraseña debe tener al menos ${CLAVE_MINIMA} caracteres`)
  .max(128, 'la contraseña no puede tener más de 128 caracteres')
  .refine((c) => /\p{L}/u.test(c) && /\d/.test(c), 'la contraseña debe combinar letras y números');
