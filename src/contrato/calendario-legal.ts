import { z } from 'zod';
import {
  ACCIONES_EDICION,
  CLAVE_EVENTO,
  DIAS_AVISO_MAXIMO,
  RESPONSABLES_EVENTO,
  TIPOS_EVENTO_LEGAL,
} from '../core/calendario-legal.ts';
import {
  EntidadParams,
  EntidadVigenciaParams,
  enteroEn,
  fechaEn,
  textoEntre,
  textoOpcional,
} from './comun.ts';

export const EventoCalendarioSchema = z
  .object({
    clave: z.string(),
    tipo: z.enum(TIPOS_EVENTO_LEGAL),
    titulo: z.string(),
    descripcion: z.string(),
    fecha: z.string().nullable(),
    desde: z.string().nullable(),
    fundamento: z.string(),
    responsables: z.array(z.enum(RESPONSABLES_EVENTO)),
    origen: z.enum(['regla', 'entidad']),
    edicion: z.enum(ACCIONES_EDICION).nullable(),
    justificacion: z.string().nullable(),
    fechaRegla: z.string().nullable(),
  })
  .meta({ id: 'EventoCalendario' });
export type EventoCalendario = z.infer<typeof EventoCalendarioSchema>;

export const CalendarioLegalSchema = z
  .object({
    vigencia: z.number(),
    diasAviso: z.number(),
    /** The FURAG window of the year, when the platform registered it. */
    furag: z.object({ desde: z.string().nullable(), hasta: z.string().nullable() }).nullable(),
    /** The reader's own subscription link, when live (the URL is shown only when created). */
    suscripcion: z.object({ creadaEn: z.string() }).nullable(),
    eventos: z.array(EventoCalendarioSchema),
  })
  .meta({ id: 'CalendarioLegal' });
export type CalendarioLegal = z.infer<typeof CalendarioLegalSchema>;

export const EventoParams = EntidadVigenciaParams.extend({
  clave: z.string().regex(CLAVE_EVENTO, 'el evento no es válido'),
});

const justificacion = textoEntre(5, 500, 'escriba la justificación del cambio (al menos 5 caracteres)');

export const AgregarEventoSchema = z
  .object({
    titulo: textoEntre(3, 160, 'escriba el título del evento'),
    descripcion: textoOpcional(1000),
    tipo: z.enum(TIPOS_EVENTO_LEGAL, { error: 'elija el tipo de evento' }),
    fecha: fechaEn('la fecha'),
    responsables: z
      .array(z.enum(RESPONSABLES_EVENTO, { error: 'elija a quién se le recuerda' }))
      .min(1, 'elija al menos un responsable')
      .max(RESPONSABLES_EVENTO.length),
    justificacion,
  })
  .meta({ id: 'AgregarEvento' });
export type AgregarEvento = z.infer<typeof AgregarEventoSchema>;

export const MoverEventoSchema = z
  .object({ fecha: fechaEn('la nueva fecha'), justificacion })
  .meta({ id: 'MoverEvento' });
export type MoverEvento = z.infer<typeof MoverEventoSchema>;

export const QuitarEventoSchema = z.object({ justificacion }).meta({ id: 'QuitarEvento' });
export type QuitarEvento = z.infer<typeof QuitarEventoSchema>;

export const AvisoSchema = z
  .object({ diasAviso: enteroEn('los días hábiles de aviso', 1, DIAS_AVISO_MAXIMO) })
  .meta({ id: 'AvisoCalendario' });

export const IcsQuery = z.object({ anio: enteroEn('el año', 2018, 2100).optional() });

export const SuscripcionSchema = z
  .object({ url: z.string(), creadaEn: z.string() })
  .meta({ id: 'SuscripcionCalendario' });
export type Suscripcion = z.infer<typeof SuscripcionSchema>;

export const TokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'el enlace de suscripción no es válido'),
});

export { EntidadParams, EntidadVigenciaParams };
