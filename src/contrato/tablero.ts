// The dashboard's contract: what the server answers and the web reads, in one place (zod and core only).
import { z } from 'zod';
import { POR_PAGINA_MAXIMO } from '../core/paginacion.ts';
import { ESTADOS_SEGUIMIENTO } from '../core/seguimiento.ts';
import { ESTADOS_ACTIVIDAD, NIVELES_SEMAFORO } from '../core/semaforo.ts';

const pct = z.number().nullable();
export const NivelSchema = z.enum(NIVELES_SEMAFORO);
export const EstadoActividadSchema = z.enum(ESTADOS_ACTIVIDAD);

export const VigenciaTableroSchema = z.coerce
  .number({ error: 'la vigencia debe ser un año, por ejemplo 2025' })
  .int('la vigencia debe ser un año, por ejemplo 2025')
  .min(2018, 'la vigencia debe ser 2018 o posterior')
  .max(2100, 'la vigencia no puede ser posterior a 2100');
export const PeriodoTableroSchema = z.coerce
  .number({ error: 'el periodo va de 1 a 12' })
  .int('el periodo va de 1 a 12')
  .min(1, 'el periodo va de 1 a 12')
  .max(12, 'el periodo va de 1 a 12');

export const ConsultaTableroSchema = z.object({
  vigencia: VigenciaTableroSchema,
  periodo: PeriodoTableroSchema.optional(),
});
export type ConsultaTablero = z.infer<typeof ConsultaTableroSchema>;

export const ActividadTableroSchema = z.object({
  id: z.string(),
  codigo: z.string(),
  nombre: z.string(),
  politica: z.string(),
  dependencia: z.string().nullable(),
  avance: pct,
  cumplimiento: pct,
  semaforo: NivelSchema.nullable(),
  estado: EstadoActividadSchema,
  reporte: z.enum(ESTADOS_SEGUIMIENTO).nullable(),
  tardio: z.boolean(),
  // Absent from figures frozen before verification was selective: every activity was chosen then.
  /** Chosen by control interno for verification. */
  seleccionada: z.boolean().default(true),
  /** Control interno's own percentage of the period (0–100), beside the self-reported figures. */
  avanceVerificado: pct.default(null),
});
export type ActividadTablero = z.infer<typeof ActividadTableroSchema>;

/** The dashboard's figures without the activity list (that one is paged: `ActividadesTableroSchema`). */
export const ResumenTableroSchema = z
  .object({
    entidad: z.object({ id: z.string(), nombre: z.string() }),
    vigencia: z.number(),
    periodo: z.object({ numero: z.number(), nombre: z.string(), corte: z.string(), cerrado: z.boolean() }),
    congelado: z.boolean().describe('true: cifras congeladas al cerrar el periodo'),
    avance: pct.describe('avance acumulado de la entidad, 0–100, o null sin datos'),
    dimensiones: z.array(
      z.object({ codigo: z.string(), nombre: z.string(), color: z.string(), avance: pct }),
    ),
    politicas: z.array(
      z.object({
        clave: z.string(),
        nombre: z.string(),
        dimension: z.string(),
        avance: pct,
        cumplimiento: pct,
        semaforo: NivelSchema.nullable(),
        actividades: z.number(),
        sinReporte: z.number(),
      }),
    ),
    dependencias: z.array(z.object({ id: z.string(), nombre: z.string(), avance: pct })),
    semaforo: z.object({
      rojo: z.number(),
      amarillo: z.number(),
      verde: z.number(),
      azul: z.number(),
      sinDato: z.number(),
    }),
    estados: z.object({
      sin_iniciar: z.number(),
      en_curso: z.number(),
      atrasada: z.number(),
      cumplida: z.number(),
      sin_reporte: z.number(),
    }),
    sinReporte: z.number(),
    tardios: z.number(),
    /** The share verified by control interno among the reports it chose (null in figures frozen before). */
    verificacion: z
      .object({
        aceptados: z.number(),
        seleccionados: z.number(),
        verificados: z.number(),
        enRespuesta: z.number(),
        pendientes: z.number(),
        completos: z.number(),
        porcentajeVerificado: pct,
      })
      .nullable()
      .default(null),
    actividades: z
      .number()
      .describe('cuántas actividades tiene el plan; la lista va en …/tablero/actividades'),
  })
  .meta({ id: 'ResumenTablero' });
export type ResumenTablero = z.infer<typeof ResumenTableroSchema>;

/** The whole dashboard with every activity: what a period's closing freezes. */
export const TableroSchema = ResumenTableroSchema.extend({
  actividades: z.array(ActividadTableroSchema),
}).meta({
  id: 'Tablero',
});
export type Tablero = z.infer<typeof TableroSchema>;

export { POR_PAGINA_MAXIMO };

const texto = (nombre: string, max: number) =>
  z.string().trim().max(max, `${nombre} no puede tener más de ${max} caracteres`);

export const ConsultaActividadesTableroSchema = ConsultaTableroSchema.extend({
  pagina: z.coerce
    .number({ error: 'la página es un número entero desde 1' })
    .int('la página es un número entero desde 1')
    .min(1, 'la página es un número entero desde 1')
    .max(10_000, 'la página no puede pasar de 10.000')
    .default(1),
  porPagina: z.coerce
    .number({ error: `porPagina va de 1 a ${POR_PAGINA_MAXIMO}` })
    .int(`porPagina va de 1 a ${POR_PAGINA_MAXIMO}`)
    .min(1, `porPagina va de 1 a ${POR_PAGINA_MAXIMO}`)
    .max(POR_PAGINA_MAXIMO, `porPagina va de 1 a ${POR_PAGINA_MAXIMO}`)
    .default(50),
  politica: texto('la política', 80)
    .regex(/^[a-z0-9_]*$/, 'la política es una clave del catálogo, por ejemplo talento_humano')
    .optional(),
  dependencia: z.guid('la dependencia debe ser el identificador de una dependencia').optional(),
  semaforo: z
    .enum([...NIVELES_SEMAFORO, 'sin_dato'], 'el semáforo es rojo, amarillo, verde, azul o sin_dato')
    .optional(),
  estado: EstadoActividadSchema.optional(),
  q: texto('la búsqueda', 100).optional(),
});
export type ConsultaActividadesTablero = z.infer<typeof ConsultaActividadesTableroSchema>;

export const ActividadesTableroSchema = z
  .object({
    total: z.number().describe('actividades que cumplen los filtros'),
    pagina: z.number(),
    porPagina: z.number(),
    paginas: z.number(),
    actividades: z.array(ActividadTableroSchema),
  })
  .meta({ id: 'ActividadesTablero' });
export type ActividadesTablero = z.infer<typeof ActividadesTableroSchema>;

/** Accent- and case-insensitive comparison for the activity search. */
export const normalizarBusqueda = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
