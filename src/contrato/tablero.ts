// Provisional: the dashboard is being rewritten in its own branch, which owns this file (and takes the
// schema out of tablero.routes.ts). Until then the web reads the dashboard's type from here; no component id
// here, so it never clashes with the route's «Tablero» in the OpenAPI registry.
import { z } from 'zod';
import { ESTADOS_SEGUIMIENTO } from '../core/seguimiento.ts';
import { ESTADOS_ACTIVIDAD } from '../core/semaforo.ts';
import { NivelSchema } from './comun.ts';

export type { Nivel } from './comun.ts';

const pct = z.number().nullable();
const nivel = NivelSchema.nullable();
export const TableroSchema = z.object({
  entidad: z.object({ id: z.string(), nombre: z.string() }),
  vigencia: z.number(),
  periodo: z.object({ numero: z.number(), nombre: z.string(), corte: z.string(), cerrado: z.boolean() }),
  congelado: z.boolean().describe('true: cifras congeladas al cerrar el periodo'),
  avance: pct.describe('avance acumulado de la entidad, 0–100, o null sin datos'),
  dimensiones: z.array(z.object({ codigo: z.string(), nombre: z.string(), color: z.string(), avance: pct })),
  politicas: z.array(
    z.object({
      clave: z.string(),
      nombre: z.string(),
      dimension: z.string(),
      avance: pct,
      cumplimiento: pct,
      semaforo: nivel,
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
  actividades: z.array(
    z.object({
      id: z.string(),
      codigo: z.string(),
      nombre: z.string(),
      politica: z.string(),
      dependencia: z.string().nullable(),
      avance: pct,
      cumplimiento: pct,
      semaforo: nivel,
      estado: z.enum(ESTADOS_ACTIVIDAD),
      reporte: z.enum(ESTADOS_SEGUIMIENTO).nullable(),
      tardio: z.boolean(),
    }),
  ),
});
export type Tablero = z.infer<typeof TableroSchema>;
