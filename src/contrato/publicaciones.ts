// The 31 January pack: the documents an entity publishes for citizens, versioned, each with a permanent address.
import { z } from 'zod';
import { CLAVE_DOCUMENTO } from '../core/publicaciones.ts';
import { EntidadVigenciaParams, enteroEn, textoOpcional } from './comun.ts';

export const ClaveDocumentoSchema = z
  .string({ error: 'el documento es obligatorio' })
  .regex(CLAVE_DOCUMENTO, 'el documento no es uno de los del paquete del 31 de enero');

export const DocumentoParams = EntidadVigenciaParams.extend({ clave: ClaveDocumentoSchema });
export const VersionDocumentoParams = DocumentoParams.extend({
  version: enteroEn('la versión', 1, 10_000),
});

export const PublicarDocumentoQuery = z.object({
  nombre: z
    .string({ error: 'el nombre del archivo es obligatorio' })
    .trim()
    .min(1, 'el nombre del archivo es obligatorio')
    .max(200, 'el nombre del archivo no puede tener más de 200 caracteres'),
  nota: textoOpcional(500),
});

export const VersionDocumentoSchema = z.object({
  version: z.number().int(),
  fechaPublicacion: z.string(),
  archivo: z.object({ nombre: z.string(), tipo: z.string(), bytes: z.number().int() }),
  nota: z.string().nullable(),
  publicadoPor: z.string().nullable(),
});

export const DocumentoPaqueteSchema = z.object({
  clave: z.string(),
  titulo: z.string(),
  numeral: z.string().describe('Numeral del menú de transparencia (Resolución 1519 de 2020, Anexo 2)'),
  norma: z.string(),
  vigenciaDocumento: z.number().int(),
  estado: z.enum(['publicado', 'pendiente', 'vencido']),
  aTiempo: z.boolean().nullable().describe('si la primera versión se publicó a más tardar el 31 de enero'),
  urlPublica: z.string().nullable().describe('dirección permanente: siempre la última versión'),
  versiones: z.array(VersionDocumentoSchema).describe('de la más reciente a la más antigua'),
});

export const PaqueteSchema = z
  .object({
    vigencia: z.number().int(),
    limite: z.string(),
    pendientes: z.number().int(),
    vencidos: z.number().int(),
    documentos: z.array(DocumentoPaqueteSchema),
  })
  .meta({ id: 'PaquetePublicacion' });
export type Paquete = z.infer<typeof PaqueteSchema>;
export type DocumentoPaquete = z.infer<typeof DocumentoPaqueteSchema>;
