import { z } from 'zod';
import { ORIGENES_FESTIVO, TIPOS_AJUSTE } from '../core/calendario.ts';
import { ORIGENES_VENTANA_FURAG } from '../core/ventana-furag.ts';
import { EntidadParams, fechaEn, textoEntre, VigenciaSchema } from './comun.ts';

export const FestivoSchema = z
  .object({ fecha: z.string(), nombre: z.string(), origen: z.enum(ORIGENES_FESTIVO) })
  .meta({ id: 'Festivo' });
export type Festivo = z.infer<typeof FestivoSchema>;

export const AnioQuery = z.object({
  anio: z.coerce
    .number({ error: 'el año debe ser un número, por ejemplo 2026' })
    .int('el año debe ser un número, por ejemplo 2026')
    .min(2000, 'el año debe estar entre 2000 y 2100')
    .max(2100, 'el año debe estar entre 2000 y 2100'),
});

export const AjusteEntradaSchema = z.object({
  fecha: fechaEn('la fecha'),
  tipo: z.enum(TIPOS_AJUSTE, { error: 'elija si el día es festivo (no hábil) o hábil' }),
  nombre: textoEntre(3, 120, 'escriba el motivo, por ejemplo «Ley 2578 de 2026» o «Cierre por inventario»'),
});
export type AjusteEntrada = z.infer<typeof AjusteEntradaSchema>;

export const AjusteSchema = z
  .object({
    id: z.string(),
    fecha: z.string(),
    tipo: z.enum(TIPOS_AJUSTE),
    nombre: z.string(),
    alcance: z.enum(['plataforma', 'entidad']),
  })
  .meta({ id: 'AjusteCalendario' });
export type Ajuste = z.infer<typeof AjusteSchema>;

export const CalendarioEntidadSchema = z
  .object({
    anio: z.number(),
    festivos: z.array(FestivoSchema),
    ajustes: z.array(AjusteSchema),
  })
  .meta({ id: 'CalendarioEntidad' });
export type CalendarioEntidad = z.infer<typeof CalendarioEntidadSchema>;

export const AjusteParams = z.object({ ajusteId: z.guid('el identificador del ajuste no es válido') });
export const AjusteEntidadParams = EntidadParams.extend({
  ajusteId: z.guid('el identificador del ajuste no es válido'),
});

// ---------- The FURAG window (core/ventana-furag.ts) ----------
const FechasVentanaSchema = z.object({ inicio: z.string(), fin: z.string(), fuente: z.string() });

export const VentanaFuragSchema = z
  .object({
    vigencia: z.number().describe('la vigencia que se reporta (la ventana abre el año siguiente)'),
    inicio: z.string(),
    fin: z.string(),
    origen: z
      .enum(ORIGENES_VENTANA_FURAG)
      .describe('estimada (nadie registró fechas), plataforma (para todas las entidades) o entidad'),
    fuente: z.string().nullable().describe('de dónde salen las fechas; null en la estimada'),
    plataforma: FechasVentanaSchema.nullable().describe(
      'las fechas que registró la plataforma, aunque la entidad tenga las suyas',
    ),
  })
  .meta({ id: 'VentanaFurag' });
export type VentanaFuragRespuesta = z.infer<typeof VentanaFuragSchema>;

export const VentanaFuragEntradaSchema = z.object({
  inicio: fechaEn('la apertura'),
  fin: fechaEn('el cierre'),
  fuente: textoEntre(
    3,
    200,
    'escriba de dónde salen las fechas, por ejemplo «Circular 100-011-2025 de Función Pública»',
  ),
});
export type VentanaFuragEntrada = z.infer<typeof VentanaFuragEntradaSchema>;

export const VentanaVigenciaParams = z.object({ vigencia: VigenciaSchema });
