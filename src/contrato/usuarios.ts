import { z } from 'zod';
import { ROLES } from '../core/roles.ts';
import { EntidadParams } from './comun.ts';

export const RolSchema = z.enum(ROLES, { error: `el rol debe ser uno de: ${ROLES.join(', ')}` });
/** Roles as a person picks them: repeated ones count once. */
export const RolesSchema = z.array(RolSchema).transform((r) => [...new Set(r)]);

export const UsuarioEntidadSchema = z
  .object({
    id: z.string(),
    nombre: z.string(),
    correo: z.string(),
    cargo: z.string().nullable(),
    activo: z.boolean(),
    bloqueado: z.boolean(),
    /** Whether this session may change the person's password, e-mail or state (an account of this entity alone). */
    gestionable: z.boolean(),
    roles: z.array(z.enum(ROLES)),
  })
  .meta({ id: 'UsuarioEntidad' });
export type UsuarioEntidad = z.infer<typeof UsuarioEntidadSchema>;

export const DatosPersonaSchema = z.object({
  nombre: z.string().trim().min(3, 'escriba el nombre completo').max(120),
  correo: z.email('escriba un correo electrónico válido').max(200),
  cargo: z
    .string()
    .trim()
    .max(120)
    .transform((v) => v || null)
    .nullish(),
});

export const DarAccesoSchema = DatosPersonaSchema.extend({
  roles: RolesSchema.refine((r) => r.length > 0, 'elija al menos un rol'),
});
export type DarAcceso = z.infer<typeof DarAccesoSchema>;

export const EditarUsuarioSchema = DatosPersonaSchema.extend({
  activo: z.boolean({ error: 'indique si la cuenta está activa' }),
});
export type EditarUsuario = z.infer<typeof EditarUsuarioSchema>;

export const CambiarRolesSchema = z.object({ roles: RolesSchema });
export const RolesRespuestaSchema = z.object({ roles: z.array(z.enum(ROLES)) });
/** After a reset: the set-password link when e-mail is off (to hand over), or that it went by e-mail. */
export const RestablecimientoSchema = z.object({
  enlaceClave: z.string().nullable(),
  correoEnviado: z.boolean(),
});

export const InvitacionEnviadaSchema = z
  .object({ id: z.string(), correo: z.string(), roles: z.array(z.enum(ROLES)) })
  .meta({ id: 'InvitacionEnviada' });
export type InvitacionEnviada = z.infer<typeof InvitacionEnviadaSchema>;

export const AccesoSchema = z.object({
  usuario: UsuarioEntidadSchema.nullable(),
  invitacion: InvitacionEnviadaSchema.nullable(),
  // A new person's set-password link (a path of the web app) when e-mail is off: the administrator hands it over.
  enlaceClave: z.string().nullable(),
  // Whether a message went to the person's mailbox (new account or invitation).
  correoEnviado: z.boolean(),
});
export type Acceso = z.infer<typeof AccesoSchema>;

/** A pending invitation as the entity lists it (the date travels as ISO text). */
export const InvitacionPendienteSchema = InvitacionEnviadaSchema.extend({ creadoEn: z.date() });

export const UsuarioParams = EntidadParams.extend({
  usuarioId: z.guid('el identificador del usuario no es válido'),
});
export const InvitacionEntidadParams = EntidadParams.extend({
  invitacionId: z.guid('el identificador de la invitación no es válido'),
});

// ---------- The invited person's side ----------
export const InvitacionParams = z.object({
  invitacionId: z.guid('el identificador de la invitación no es válido'),
});
export const InvitacionRecibidaSchema = z.object({
  id: z.string(),
  entidadId: z.string(),
  entidad: z.string(),
  roles: z.array(z.enum(ROLES)),
  creadoEn: z.date(),
});
export const RespuestaInvitacionSchema = z.object({
  entidadId: z.string(),
  roles: z.array(z.enum(ROLES)),
});

/** A bulk import of people: how many, and, with e-mail off, each new person's set-password link to hand over. */
export const ImportacionPersonasSchema = z.object({
  importadas: z.number(),
  correoEnviado: z.boolean(),
  enlaces: z.array(z.object({ nombre: z.string(), correo: z.string(), enlaceClave: z.string() })),
});
export type ImportacionPersonas = z.infer<typeof ImportacionPersonasSchema>;
