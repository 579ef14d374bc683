import { z } from 'zod';
import { ORDENES, ORGANOS_APROBACION, TIPOS_FORMULARIO } from '../core/entidad.ts';
import { validarNit } from '../core/nit.ts';

const opcional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `no puede tener más de ${max} caracteres`)
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const EntidadEntradaSchema = z.object({
  nombre: z.string().trim().min(3, 'escriba el nombre completo de la entidad').max(200),
  sigla: opcional(30),
  nit: z.string({ error: 'escriba el NIT con su dígito de verificación' }).superRefine((v, ctx) => {
    const r = validarNit(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.mensaje });
  }),
  divipola: z
    .string()
    .trim()
    .regex(
      /^(\d{2}|\d{5})?$/,
      'el código DIVIPOLA tiene 2 dígitos (departamento) o 5 (municipio), por ejemplo 86001',
    )
    .transform((v) => (v === '' ? null : v))
    .nullish(),
  departamento: opcional(80),
  municipio: opcional(80),
  naturalezaJuridica: opcional(120),
  orden: z.enum(ORDENES, { error: 'elija nacional, departamental, distrital o municipal' }).nullish(),
  categoria: opcional(40),
  tipoFormulario: z.enum(TIPOS_FORMULARIO, { error: 'el formulario FURAG es MIPG o MECI' }).default('MIPG'),
  grupoPar: opcional(120),
  codigoSigep: z
    .string()
    .trim()
    .regex(
      /^(\d{1,10})?$/,
      'el código SIGEP tiene solo dígitos (hasta 10), como aparece en los resultados de FURAG',
    )
    .transform((v) => (v === '' ? null : v))
    .nullish(),
  // Optional: a form that does not show it leaves the stored body as it was.
  organoAprobacion: z
    .enum(ORGANOS_APROBACION, {
      error:
        'elija el órgano que aprueba los planes: CIGD, Consejo de Gobierno, Junta Directiva o Consejo Directivo',
    })
    .optional(),
  direccion: opcional(200),
  telefono: opcional(60),
  correo: z
    .union([z.literal(''), z.email('escriba un correo electrónico válido')])
    .transform((v) => (v === '' ? null : v))
    .nullish(),
  sitioWeb: z
    .union([
      z.literal(''),
      z.url({ protocol: /^https?$/, error: 'escriba una dirección web que empiece por https://' }),
    ])
    .transform((v) => (v === '' ? null : v))
    .nullish(),
  horarioAtencion: opcional(200),
});
/** What the server works with (empty texts already null). */
export type EntidadEntrada = z.infer<typeof EntidadEntradaSchema>;

export const EntidadSchema = z
  .object({
    id: z.string(),
    nombre: z.string(),
    sigla: z.string().nullable(),
    nit: z.string(),
    divipola: z.string().nullable(),
    departamento: z.string().nullable(),
    municipio: z.string().nullable(),
    naturalezaJuridica: z.string().nullable(),
    orden: z.enum(ORDENES).nullable(),
    categoria: z.string().nullable(),
    tipoFormulario: z.enum(TIPOS_FORMULARIO),
    grupoPar: z.string().nullable(),
    codigoSigep: z.string().nullable(),
    organoAprobacion: z.enum(ORGANOS_APROBACION),
    direccion: z.string().nullable(),
    telefono: z.string().nullable(),
    correo: z.string().nullable(),
    sitioWeb: z.string().nullable(),
    horarioAtencion: z.string().nullable(),
    tieneLogo: z.boolean(),
  })
  .meta({ id: 'Entidad' });
export type Entidad = z.infer<typeof EntidadSchema>;
