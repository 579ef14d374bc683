import { z } from 'zod';
import { ROLES } from '../core/roles.ts';
import { ClaveNuevaSchema } from './clave.ts';

const correoSchema = z.email('escriba un correo electrónico válido').max(200);

export const EntidadResumenSchema = z.object({
  id: z.string(),
  nombre: z.string(),
  sigla: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
});
export type EntidadResumen = z.infer<typeof EntidadResumenSchema>;

export const SesionSchema = z
  .object({
    usuario: z.object({
      id: z.string(),
      nombre: z.string(),
      correo: z.string(),
      adminPlataforma: z.boolean(),
      debeCambiarClave: z.boolean(),
    }),
    entidades: z.array(EntidadResumenSchema),
    csrf: z.string(),
  })
  .meta({ id: 'Sesion' });
export type Sesion = z.infer<typeof SesionSchema>;

export const LoginSchema = z.object({
  email: correoSchema,
  password: z.string().min(1, 'escriba la contraseña').max(200),
});
export type Login = z.infer<typeof LoginSchema>;

export const CambiarClaveSchema = z.object({
  actual: z.string().min(1, 'escriba su contraseña actual').max(200),
  nueva: ClaveNuevaSchema,
});
export type CambiarClave = z.infer<typeof CambiarClaveSchema>;

export const ConfiguracionInicialSchema = z.object({
  token: z.string().min(1, 'falta el código del enlace de configuración').max(200),
  nombre: z.string().trim().min(3, 'escriba su nombre completo').max(120),
  correo: correoSchema,
  clave: ClaveNuevaSchema,
});
export type ConfiguracionInicial = z.infer<typeof ConfiguracionInicialSchema>;

export const CreadoSchema = z.object({ id: z.string() });
