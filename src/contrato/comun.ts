// Pieces every contract uses: the error body, the entity and vigencia in the path, and the numbers and
// dates a person types (built from the domain limits in core/numeros.ts, so no value can make a figure
// Infinity or overflow a column).
import { z } from 'zod';
import { FECHA_MAXIMA, FECHA_MINIMA } from '../core/calendario.ts';
import { fechaCivil as fechaEsCo } from '../core/formato.ts';
import { type Limite, mensajeDecimales, mensajeRango, tieneDecimales } from '../core/numeros.ts';
import { NIVELES_SEMAFORO } from '../core/semaforo.ts';

/** The one Spanish error contract: `campos` lets a form put each message at its field. */
export const ErrorSchema = z
  .object({
    error: z.string(),
    mensaje: z.string(),
    campos: z.array(z.object({ campo: z.string(), mensaje: z.string() })).optional(),
  })
  .meta({ id: 'Error' });
export type ErrorRespuesta = z.infer<typeof ErrorSchema>;

/**
 * A calendar day (aaaa-mm-dd) between 2000 and 2100: no window or deadline lives outside. `desde` moves the
 * lower bound for dates of record (a Junta Directiva created by a 1996 agreement).
 */
export const fechaEn = (nombre = 'la fecha', desde = FECHA_MINIMA) =>
  z.iso
    .date('escriba una fecha válida del calendario (dd/mm/aaaa)')
    .refine((f) => f >= desde && f <= FECHA_MAXIMA, {
      error: `${nombre} debe estar entre el ${fechaEsCo(desde)} y el ${fechaEsCo(FECHA_MAXIMA)}`,
    });

/**
 * A number within `limite`. `nombre` is the field as a sentence starts it («la meta anual»): every message
 * names it and the allowed range, in es-CO («debe estar entre 0 y 1.000.000.000.000.000»).
 */
export const numeroEn = (nombre: string, limite: Limite) => {
  const rango = mensajeRango(nombre, limite);
  return (
    z
      .number({ error: `escriba ${nombre} como número` })
      // abort: one message per field; the range says more than the decimals of an absurd value.
      .min(limite.min, { error: rango, abort: true })
      .max(limite.max, { error: rango, abort: true })
      .refine((x) => tieneDecimales(x, limite.decimales), { error: mensajeDecimales(nombre, limite) })
  );
};

/** A whole number from the path or the query string (it arrives as text). */
export const enteroEn = (nombre: string, min: number, max: number) => {
  const rango = mensajeRango(nombre, { min, max, decimales: 0 });
  // Range first: 1e308 is «out of range», not «has decimals» (as .int() alone would say).
  return z.coerce
    .number({ error: `escriba ${nombre} como número` })
    .min(min, { error: rango, abort: true })
    .max(max, { error: rango, abort: true })
    .int(mensajeDecimales(nombre, { min, max, decimales: 0 }));
};

export const VigenciaSchema = z.coerce
  .number({ error: 'la vigencia debe ser un año, por ejemplo 2025' })
  .int('la vigencia debe ser un año, por ejemplo 2025')
  .min(2018, 'la vigencia debe ser 2018 o posterior')
  .max(2100, 'la vigencia no puede ser posterior a 2100');

/** A period number in the path or the query string. */
export const NumeroPeriodoSchema = z.coerce
  .number()
  .int()
  .min(1, 'el periodo va de 1 a 12')
  .max(12, 'el periodo va de 1 a 12');

// Identifiers are z.guid, not z.uuid, everywhere: any id of the database's shape (8-4-4-4-12 hex) is looked up,
// so an unknown one is a 404 like any other missing resource, whatever its version digits; only a malformed
// one is a 400.
export const EntidadParams = z.object({ entidadId: z.guid('el identificador de la entidad no es válido') });
export const EntidadVigenciaParams = EntidadParams.extend({ vigencia: VigenciaSchema });
export const VigenciaQuery = z.object({ vigencia: VigenciaSchema });

export const NivelSchema = z.enum(NIVELES_SEMAFORO);
export type Nivel = z.infer<typeof NivelSchema>;

/** Body of an action that takes none (the client may send `{}` or nothing). */
export const SinCuerpoSchema = z.object({}).optional();

/** Required text between `min` and `max` characters, trimmed; `falta` says what to write when it is missing. */
export const textoEntre = (min: number, max: number, falta: string) =>
  z.string().trim().min(min, falta).max(max, `no más de ${max} caracteres`);

/** Optional text up to `max` characters: empty becomes null. */
export const textoOpcional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `no más de ${max} caracteres`)
    .transform((v) => v || null)
    .nullish();
