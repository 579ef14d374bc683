// Citizen consultation of a draft: the entity's side (open, read, answer) in JSON; the citizens' side is HTML
// on the public page (publico.routes.ts).
import { z } from 'zod';
import { LIMITES_COMENTARIO, OBJETOS_CONSULTA } from '../core/consulta.ts';
import { EntidadParams, fechaEn, textoEntre, textoOpcional, VigenciaSchema } from './comun.ts';

export const ConsultaParams = EntidadParams.extend({
  consultaId: z.guid('el identificador de la consulta no es válido'),
});
export const ComentarioParams = ConsultaParams.extend({
  comentarioId: z.guid('el identificador del comentario no es válido'),
});

export const NuevaConsultaSchema = z.object({
  vigencia: VigenciaSchema,
  objeto: z.enum(OBJETOS_CONSULTA, { error: 'elija qué se somete a consulta: plan de acción o PTEP' }),
  titulo: textoEntre(3, 200, 'escriba el título de la consulta'),
  descripcion: textoOpcional(2000),
  abre: fechaEn('la fecha de apertura'),
  cierra: fechaEn('la fecha de cierre'),
});
export type NuevaConsulta = z.infer<typeof NuevaConsultaSchema>;

export const RespuestaComentarioSchema = z.object({
  respuesta: textoEntre(3, LIMITES_COMENTARIO.texto, 'escriba la respuesta de la entidad'),
});

export const ComentarioSchema = z.object({
  id: z.guid(),
  numero: z.number().int(),
  /** Only the entity sees who wrote; never published. */
  nombre: z.string().nullable(),
  correo: z.string().nullable(),
  texto: z.string(),
  recibido: z.string(),
  respuesta: z.string().nullable(),
  respondidoEn: z.string().nullable(),
});

export const ConsultaSchema = z
  .object({
    id: z.guid(),
    vigencia: z.number().int(),
    objeto: z.enum(OBJETOS_CONSULTA),
    titulo: z.string(),
    descripcion: z.string().nullable(),
    abre: z.string(),
    cierra: z.string(),
    estado: z.enum(['programada', 'abierta', 'cerrada']),
    urlPublica: z.string(),
    comentarios: z.number().int(),
    sinResponder: z.number().int(),
  })
  .meta({ id: 'ConsultaCiudadana' });
export type Consulta = z.infer<typeof ConsultaSchema>;

export const ConsultaDetalleSchema = ConsultaSchema.extend({ lista: z.array(ComentarioSchema) });
export type ConsultaDetalle = z.infer<typeof ConsultaDetalleSchema>;

/** The citizen's form, as the browser posts it (application/x-www-form-urlencoded, every field text). */
export const ComentarioPublicoSchema = z.object({
  nombre: textoOpcional(LIMITES_COMENTARIO.nombre),
  correo: z
    .string()
    .trim()
    .max(LIMITES_COMENTARIO.correo, `no más de ${LIMITES_COMENTARIO.correo} caracteres`)
    .transform((v) => v || null)
    .pipe(z.email('escriba un correo válido o déjelo vacío').nullable())
    .nullish(),
  texto: z
    .string({ error: 'escriba su comentario' })
    .trim()
    .min(1, { error: 'escriba su comentario', abort: true })
    .min(3, 'el comentario debe tener al menos 3 caracteres')
    .max(LIMITES_COMENTARIO.texto, `el comentario no puede pasar de ${LIMITES_COMENTARIO.texto} caracteres`),
  acepto: z.literal('si', { error: 'marque que leyó el aviso de datos personales' }),
  // A field people never see: a robot that fills every field is politely ignored.
  sitio: z.string().max(200).optional(),
});
