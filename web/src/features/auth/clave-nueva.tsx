import { z } from 'zod';
import { CampoClave } from '../../ui/campo-clave.tsx';
import { campo, type Formulario } from '../../ui/formulario.tsx';

/**
 * The contract's schema plus the repeated password, a check that lives in the browser only. It runs even
 * when other fields fail, so every problem shows at once.
 */
export const conConfirmacion = <S extends z.ZodObject>(esquema: S, clave: string) =>
  esquema.extend({ confirmacion: z.string() }).refine((v) => v.confirmacion === v[clave], {
    message: 'las dos contraseñas no coinciden',
    path: ['confirmacion'],
    when: () => true,
  });

/** A new password and its repetition, for any form that sets one (change, reset link, invitation). */
export function ClaveNueva<V extends Record<string, unknown>, T>({
  form,
  clave,
  descripcion,
}: {
  form: Formulario<V, T>;
  /** The field's path; the repetition is always `confirmacion`. */
  clave: string;
  descripcion: string;
}) {
  return (
    <>
      <CampoClave {...campo(form, clave)} description={descripcion} autoComplete="new-password" required />
      <CampoClave {...campo(form, 'confirmacion')} autoComplete="new-password" required />
    </>
  );
}
