// Open data of the public page: what a citizen downloads as JSON, and the query of every public address.
// The data dictionary below describes each column of the CSV files and each field of the JSON.
import { z } from 'zod';
import { ACUMULACIONES, NOMBRE_ACUMULACION } from '../core/acumulacion.ts';

const VIGENCIA_MENSAJE = 'la vigencia debe ser un año entre 2018 y 2100, por ejemplo 2026';

/** `?vigencia=2026&pagina=2`: both optional and bounded; anything else is ignored. */
export const ConsultaPublicaSchema = z.object({
  vigencia: z.coerce
    .number({ error: VIGENCIA_MENSAJE })
    .int(VIGENCIA_MENSAJE)
    .min(2018, VIGENCIA_MENSAJE)
    .max(2100, VIGENCIA_MENSAJE)
    .optional(),
  pagina: z.coerce
    .number({ error: 'la página debe ser un número entre 1 y 10.000' })
    .int('la página debe ser un número entre 1 y 10.000')
    .min(1, 'la página debe ser un número entre 1 y 10.000')
    .max(10_000, 'la página debe ser un número entre 1 y 10.000')
    .optional(),
});
export type ConsultaPublica = z.infer<typeof ConsultaPublicaSchema>;

/** Slug of an entity, or the uuid of the old addresses. */
export const DireccionEntidadSchema = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/);

const pct = z.number().nullable();
const nivel = z.enum(['rojo', 'amarillo', 'verde', 'azul']).nullable();

export const PoliticaPublicaSchema = z.object({
  dimension: z.string(),
  clave: z.string(),
  nombre: z.string(),
  avance: pct,
  cumplimiento: pct,
  semaforo: nivel,
  semaforoTexto: z.string(),
  actividades: z.number(),
  sinReporte: z.number(),
});

export const ActividadPublicaSchema = z.object({
  codigo: z.string(),
  nombre: z.string(),
  dimension: z.string(),
  politica: z.string(),
  politicaNombre: z.string(),
  producto: z.string(),
  unidad: z.string(),
  metaAnual: z.number(),
  acumulacion: z.enum(ACUMULACIONES),
  metasPeriodo: z.array(z.number()),
  fechaInicio: z.string(),
  fechaFin: z.string(),
  dependencia: z.string().nullable(),
  avance: pct,
  cumplimiento: pct,
  semaforo: nivel,
  semaforoTexto: z.string(),
  estado: z.string(),
});

export const DatosAbiertosSchema = z.object({
  entidad: z.object({
    nombre: z.string(),
    sigla: z.string().nullable(),
    nit: z.string(),
    direccion: z.string().nullable(),
    municipio: z.string().nullable(),
    departamento: z.string().nullable(),
    telefono: z.string().nullable(),
    correo: z.string().nullable(),
    sitioWeb: z.string().nullable(),
    horarioAtencion: z.string().nullable(),
  }),
  vigencia: z.number(),
  versionPlan: z.number(),
  aprobacion: z.object({
    organo: z.string(),
    acto: z.object({ tipo: z.string(), numero: z.string(), fecha: z.string(), pdf: z.boolean() }).nullable(),
    fechaPublicacion: z.string().nullable(),
    urlPublicacion: z.string().nullable(),
  }),
  corte: z
    .object({
      periodo: z.number(),
      nombre: z.string(),
      fecha: z.string(),
      cifrasDelCierre: z.boolean(),
    })
    .nullable(),
  avance: pct,
  semaforo: z.object({
    amarilloDesde: z.number(),
    verdeDesde: z.number(),
    azulSobre: z.number(),
    etiquetas: z.object({ rojo: z.string(), amarillo: z.string(), verde: z.string(), azul: z.string() }),
  }),
  dimensiones: z.array(z.object({ codigo: z.string(), nombre: z.string(), avance: pct })),
  politicas: z.array(PoliticaPublicaSchema),
  actividades: z.array(ActividadPublicaSchema),
});
export type DatosAbiertos = z.infer<typeof DatosAbiertosSchema>;
export type PoliticaPublica = z.infer<typeof PoliticaPublicaSchema>;
export type ActividadPublica = z.infer<typeof ActividadPublicaSchema>;

export interface ColumnaDiccionario {
  nombre: string;
  tipo: 'texto' | 'número' | 'entero' | 'fecha';
  descripcion: string;
  unidad: string | null;
}

const PCT = 'porcentaje (0 a 100)';
const AVANCE =
  'Avance: qué parte de la meta del año se ha logrado, según los reportes aceptados por la oficina de planeación.';
const CUMPLIMIENTO =
  'Cumplimiento: qué parte de lo programado hasta la fecha de corte se ha logrado (puede pasar de 100 si se adelantó).';
const SEMAFORO =
  'Semáforo del cumplimiento con la palabra de la entidad (por ejemplo Crítico, Bajo, Adecuado, Sobreejecución — justificar), o «Sin dato».';

/** Each column of actividades.csv, in order. */
export const COLUMNAS_ACTIVIDADES: ColumnaDiccionario[] = [
  { nombre: 'vigencia', tipo: 'entero', descripcion: 'Año del plan de acción.', unidad: 'año' },
  {
    nombre: 'fecha_corte',
    tipo: 'fecha',
    descripcion: 'Fecha de corte de las cifras (dd/mm/aaaa).',
    unidad: null,
  },
  {
    nombre: 'periodo_corte',
    tipo: 'texto',
    descripcion: 'Periodo de las cifras, por ejemplo «Trimestre 2».',
    unidad: null,
  },
  {
    nombre: 'dimension',
    tipo: 'texto',
    descripcion: 'Dimensión del MIPG a la que pertenece la política.',
    unidad: null,
  },
  {
    nombre: 'politica',
    tipo: 'texto',
    descripcion: 'Política de gestión y desempeño del MIPG.',
    unidad: null,
  },
  {
    nombre: 'codigo_actividad',
    tipo: 'texto',
    descripcion: 'Código de la actividad en el plan.',
    unidad: null,
  },
  { nombre: 'actividad', tipo: 'texto', descripcion: 'Qué se compromete a hacer la entidad.', unidad: null },
  {
    nombre: 'producto',
    tipo: 'texto',
    descripcion: 'Producto o entregable que deja la actividad.',
    unidad: null,
  },
  {
    nombre: 'dependencia',
    tipo: 'texto',
    descripcion: 'Dependencia responsable (vacío si no se asignó).',
    unidad: null,
  },
  {
    nombre: 'meta_anual',
    tipo: 'número',
    descripcion: 'Meta del año, en la unidad de la columna siguiente.',
    unidad: 'la de «unidad»',
  },
  {
    nombre: 'unidad',
    tipo: 'texto',
    descripcion: 'Unidad en que se mide la meta (jornadas, documentos, %…).',
    unidad: null,
  },
  {
    nombre: 'tipo_meta',
    tipo: 'texto',
    descripcion: `Cómo se cuentan los periodos para el avance: ${ACUMULACIONES.map((k) => NOMBRE_ACUMULACION[k]).join(', ')}.`,
    unidad: null,
  },
  {
    nombre: 'fecha_inicio',
    tipo: 'fecha',
    descripcion: 'Inicio previsto de la actividad (dd/mm/aaaa).',
    unidad: null,
  },
  {
    nombre: 'fecha_fin',
    tipo: 'fecha',
    descripcion: 'Fin previsto de la actividad (dd/mm/aaaa).',
    unidad: null,
  },
  { nombre: 'avance_pct', tipo: 'número', descripcion: `${AVANCE} Vacío: sin dato.`, unidad: PCT },
  {
    nombre: 'cumplimiento_pct',
    tipo: 'número',
    descripcion: `${CUMPLIMIENTO} Vacío: sin dato.`,
    unidad: '%',
  },
  { nombre: 'semaforo', tipo: 'texto', descripcion: SEMAFORO, unidad: null },
  {
    nombre: 'estado',
    tipo: 'texto',
    descripcion: 'Situación de la actividad: Sin iniciar, En curso, Atrasada, Cumplida o Sin reporte.',
    unidad: null,
  },
];

/** Each column of politicas.csv, in order. */
export const COLUMNAS_POLITICAS: ColumnaDiccionario[] = [
  COLUMNAS_ACTIVIDADES[0]!,
  COLUMNAS_ACTIVIDADES[1]!,
  COLUMNAS_ACTIVIDADES[2]!,
  COLUMNAS_ACTIVIDADES[3]!,
  COLUMNAS_ACTIVIDADES[4]!,
  {
    nombre: 'avance_pct',
    tipo: 'número',
    descripcion: `${AVANCE} Promedio ponderado de las actividades de la política. Vacío: sin dato.`,
    unidad: PCT,
  },
  {
    nombre: 'cumplimiento_pct',
    tipo: 'número',
    descripcion: `${CUMPLIMIENTO} Vacío: sin dato.`,
    unidad: '%',
  },
  { nombre: 'semaforo', tipo: 'texto', descripcion: SEMAFORO, unidad: null },
  {
    nombre: 'actividades',
    tipo: 'entero',
    descripcion: 'Número de actividades de la política en el plan.',
    unidad: 'actividades',
  },
  {
    nombre: 'sin_reporte',
    tipo: 'entero',
    descripcion: 'Actividades que debían reportar en el periodo y no lo hicieron.',
    unidad: 'actividades',
  },
];

/** Fields of datos.json: the same figures as the CSV files, with numbers and dates for machines. */
export const CAMPOS_JSON: { campo: string; descripcion: string }[] = [
  {
    campo: 'entidad',
    descripcion: 'Nombre, sigla, NIT con dígito de verificación y datos de contacto de la entidad.',
  },
  { campo: 'vigencia', descripcion: 'Año del plan de acción.' },
  { campo: 'versionPlan', descripcion: 'Versión del plan aprobada que se muestra.' },
  {
    campo: 'aprobacion',
    descripcion:
      'Órgano que aprobó el plan; acto administrativo que lo adopta (tipo resolucion o acuerdo, número, fecha aaaa-mm-dd y si su PDF se puede descargar en acto.pdf), o null; fecha y dirección de su publicación en la sede electrónica.',
  },
  {
    campo: 'corte',
    descripcion:
      'Periodo y fecha de corte (aaaa-mm-dd) de las cifras; cifrasDelCierre es true si el periodo ya se cerró. null si aún no hay cifras.',
  },
  { campo: 'avance', descripcion: 'Avance de toda la entidad, porcentaje de 0 a 100, o null sin dato.' },
  { campo: 'semaforo', descripcion: 'Rangos del semáforo que fijó la entidad y la palabra de cada nivel.' },
  {
    campo: 'dimensiones',
    descripcion: 'Código, nombre y avance de cada dimensión del MIPG con actividades.',
  },
  {
    campo: 'politicas',
    descripcion:
      'Una por política: las columnas de politicas.csv (avance, cumplimiento, semaforo con su nivel rojo/amarillo/verde/azul y su palabra en semaforoTexto, actividades, sinReporte).',
  },
  {
    campo: 'actividades',
    descripcion:
      'Una por actividad: las columnas de actividades.csv, más metasPeriodo (la meta de cada periodo) y las fechas en aaaa-mm-dd.',
  },
];

export const DICCIONARIO = {
  titulo: 'Diccionario de datos del plan de acción publicado',
  formato:
    'CSV en UTF-8 con BOM, separado por punto y coma (;), decimales con coma y fechas dd/mm/aaaa: así lo abre Excel en español de Colombia con doble clic. El JSON usa números con punto y fechas aaaa-mm-dd.',
  archivos: [
    {
      archivo: 'actividades.csv',
      descripcion: 'Una fila por actividad del plan publicado.',
      columnas: COLUMNAS_ACTIVIDADES,
    },
    {
      archivo: 'politicas.csv',
      descripcion: 'Una fila por política del MIPG con actividades en el plan.',
      columnas: COLUMNAS_POLITICAS,
    },
  ],
  json: { archivo: 'datos.json', campos: CAMPOS_JSON },
} as const;
