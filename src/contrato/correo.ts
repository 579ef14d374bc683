// E-mail, set-password links and the platform's public state: requests and answers of src/modules/correo.
import { z } from 'zod';
import { PROPOSITOS_ENLACE } from '../core/correo.ts';
import { ClaveNuevaSchema } from './clave.ts';

export const EstadoPlataformaSchema = z
  .object({
    /** Whether the platform sends e-mail (MIPG_SMTP_URL set). */
    correoActivo: z.boolean(),
    /** No platform administrator yet: the start page explains how to get the first-run link. */
    sinAdministrador: z.boolean(),
    /** Largest evidence file accepted, in bytes: the browser refuses a bigger one before uploading it. */
    evidenciaMaxBytes: z.number().int(),
  })
  .meta({ id: 'EstadoPlataforma' });
export type EstadoPlataforma = z.infer<typeof EstadoPlataformaSchema>;

const TokenSchema = z
  .string({ error: 'falta el código del enlace' })
  .min(20, 'el enlace está incompleto: cópielo entero del correo')
  .max(200, 'el enlace no es válido');

export const OlvideClaveSchema = z.object({
  correo: z.email('escriba un correo electrónico válido').max(200),
});
export type OlvideClave = z.infer<typeof OlvideClaveSchema>;

export const OlvideClaveRespuestaSchema = z.object({ mensaje: z.string() });
export type OlvideClaveRespuesta = z.infer<typeof OlvideClaveRespuestaSchema>;

export const ConsultaEnlaceSchema = z.object({ token: TokenSchema });

export const EnlaceClaveSchema = z
  .object({
    nombre: z.string(),
    correo: z.string(),
    proposito: z.enum(PROPOSITOS_ENLACE),
    expiraEn: z.date(),
  })
  .meta({ id: 'EnlaceClave' });
export type EnlaceClave = Omit<z.infer<typeof EnlaceClaveSchema>, 'expiraEn'> & { expiraEn: string };

export const DefinirClaveSchema = z.object({
  token: TokenSchema,
  clave: ClaveNuevaSchema,
});
export type DefinirClave = z.infer<typeof DefinirClaveSchema>;

export const BandejaCorreoSchema = z
  .object({
    correoActivo: z.boolean(),
    pendientes: z.number(),
    enviados: z.number(),
    fallidos: z.number(),
    ultimosFallidos: z.array(
      z.object({
        id: z.string(),
        destinatario: z.string(),
        asunto: z.string(),
        intentos: z.number(),
        ultimoError: z.string().nullable(),
        creadoEn: z.date(),
      }),
    ),
  })
  .meta({ id: 'BandejaCorreo' });
export type BandejaCorreo = Omit<z.infer<typeof BandejaCorreoSchema>, 'ultimosFallidos'> & {
  ultimosFallidos: (Omit<z.infer<typeof BandejaCorreoSchema>['ultimosFallidos'][number], 'creadoEn'> & {
    creadoEn: string;
  })[];
};
